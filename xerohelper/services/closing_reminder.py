"""The closing-time reminder: some time after the shop closes, a day not in Xero yet earns one
notification that opens it. The schedule is core/closing_time.py's; this reads the journal and remembers
which days were reminded (in the settings), so a reminder is said once, across restarts too."""

from __future__ import annotations

from datetime import date, datetime

from xerohelper.core.closing_time import days_to_remind, next_check, reminder_words
from xerohelper.core.dates import long_date
from xerohelper.services.everyday_settings import EverydaySettings
from xerohelper.services.export_folder import OwnerAlert


class ClosingReminder:
    def __init__(self, session, settings: EverydaySettings) -> None:
        self.session = session  # AppSession
        self.settings = settings

    def now(self) -> datetime:
        """The shop's now (the demo's clock may be moved: its date, this computer's time of day)."""
        return datetime.combine(self.session.today(), datetime.now().time())

    def due(self, now: datetime | None = None) -> list[OwnerAlert]:
        """The reminders due now (each said once); blocks on the journal."""
        now = now or self.now()
        hours = self.settings.choices().closing
        alerts = []
        for day in days_to_remind(hours, now, self._in_xero, self.settings.reminded_days()):
            self.settings.remember_reminded(day)
            alerts.append(
                OwnerAlert(
                    "reminder", f"{long_date(day)} isn't in Xero", reminder_words(day, now.date()), day
                )
            )
        return alerts

    def next_check(self, now: datetime | None = None) -> datetime | None:
        return next_check(self.settings.choices().closing, now or self.now())

    def _in_xero(self, day: date) -> bool:
        """The day's sales summary is in Xero (a shop with several tills: at every till with its figures)."""
        from xerohelper.core.checklist import Step, StepState

        days = self.session.day_service()
        tills = [t for t in self.session.shop_tills() if days.journal.day(days.organisation_id, day, t)]
        return all(days.checklist(day, t)[Step.SALES_SUMMARY].state is StepState.DONE for t in tills or [""])
