"""Every day without remembering, for the window: the owner's choices, the watched export folder, the
closing-time reminder and start at login, over one session (made once, by AppSession.everyday()).
Everything here blocks (files, the journal, Xero): the window calls it on workers."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from xerohelper.services.closing_reminder import ClosingReminder
from xerohelper.services.everyday_settings import EverydayChoices, EverydaySettings
from xerohelper.services.export_folder import ExportFolderService, OwnerAlert


@dataclass(frozen=True)
class EverydayState:
    choices: EverydayChoices
    starts_at_login: bool


class Everyday:
    def __init__(self, session) -> None:
        self.session = session
        self.settings = EverydaySettings(session.connection.folders.settings)
        self.export_folder = ExportFolderService(session, self.settings)
        self.reminder = ClosingReminder(session, self.settings)
        self._looking = threading.Lock()  # one look at the folder at a time

    def state(self) -> EverydayState:
        return EverydayState(self.settings.choices(), self._start_at_login().is_on())

    def save(self, choices: EverydayChoices, starts_at_login: bool) -> EverydayState:
        self.settings.save_choices(choices)
        switch = self._start_at_login()
        if switch.is_on() != starts_at_login:
            switch.set_on(starts_at_login)
        return self.state()

    def told_about_tray(self) -> None:
        self.settings.told_about_tray()

    def look(self) -> list[OwnerAlert]:
        """The watched folder, then the reminder: what to notify. A look already under way: nothing."""
        if not self._looking.acquire(blocking=False):
            return []
        try:
            return self.export_folder.look() + self.reminder.due()
        finally:
            self._looking.release()

    def today_words(self) -> str:
        """Today's state at a glance, for the tray (a shop with several tills: all of today's tills, naming
        those whose day isn't in Xero while another's is)."""
        from xerohelper.core.checklist import Step, StepState
        from xerohelper.core.closing_time import at_tills

        today = self._today()
        checklists = [checklist for _, checklist in today]
        if all(c.is_finished for c in checklists):
            return "today is in Xero"
        if any(c.needs_attention for c in checklists):
            return "today needs you"
        missing = [till for till, c in today if c[Step.SALES_SUMMARY].state is not StepState.DONE]
        if not missing:
            return "today is in Xero, not finished"
        if len(missing) < len(today):  # some tills' day is in Xero already: say which isn't
            return f"today isn't in Xero yet {at_tills(missing)}"
        return "today isn't in Xero yet"

    def waiting(self) -> bool:
        return self.export_folder.waiting()

    def send_today(self):
        """The tray's "Send today": today's kept day (at each till that has one and isn't finished in Xero),
        sent as the checklist would (approve per Shop setup); the tills one after another."""
        today = self.session.today()
        unfinished = [till for till, checklist in self._today() if not checklist.is_finished]
        return [c for till in unfinished for c in self.session.catch_up([today], till)]

    def _today(self) -> list:
        """(till, checklist) of today at each of the shop's tills that has today's figures kept; the shop's
        one day ("") when it has one till, or when no till has today's figures yet."""
        days = self.session.day_service()
        today = self.session.today()
        tills = [t for t in self.session.shop_tills() if days.journal.day(days.organisation_id, today, t)]
        return [(till, days.checklist(today, till)) for till in tills or [""]]

    @staticmethod
    def _start_at_login():
        from xerohelper.services.start_at_login import StartAtLogin

        return StartAtLogin()
