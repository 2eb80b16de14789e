"""The day without Xero as the window asks for it: reading the day, the history, importing a till export and
keeping its figures, skipping steps (the journal and the settings; a part of AppSession, app_session.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window makes the session while it starts: only what that needs is loaded then
    from xerohelper.core.checklist import Checklist, Step
    from xerohelper.core.day import Day
    from xerohelper.services.catch_up import DayFound
    from xerohelper.services.day_checklist import DayChecklistService, ResendPreview
    from xerohelper.services.day_history import HistoryRow
    from xerohelper.services.day_snapshot import DaySnapshot
    from xerohelper.services.import_day import DayImport


class DayKeepingCalls:
    """AppSession's day reading and keeping (self.connection, self._lock, self._days… are AppSession's)."""

    def day_service(self) -> DayChecklistService:
        """The DayChecklistService of the connected organisation (NotConnected / ReconnectNeeded). For the
        command line and tests; the screens use the methods here."""
        from xerohelper.services.day_checklist import DayChecklistService

        with self._lock:
            if self._days is None:
                self._days = DayChecklistService.for_connection(self.connection)
            return self._days

    def day_snapshot(self, trading_date: date, location: str, month: tuple[int, int]) -> DaySnapshot:
        """The day as the day screen shows it, and `month` (year, month) as the calendar colours it."""
        from xerohelper.services.day_snapshot import read_snapshot

        return read_snapshot(
            self.day_service(), self.mapping(), self.status(), self.today(), trading_date, location, month
        )

    def checklist(self, trading_date: date, location: str = "") -> Checklist:
        return self.day_service().checklist(trading_date, location)

    def history(self, first: date | None = None, last: date | None = None) -> list[HistoryRow]:
        """Every day between `first` and `last` as the History shows it, newest first."""
        from xerohelper.services.day_history import day_history

        return day_history(self.day_service(), first, last)

    def resend_preview(self, trading_date: date, location: str = "") -> ResendPreview | None:
        """What re-sending the day would change in Xero (None: nothing to re-send)."""
        return self.day_service().resend_preview(trading_date, location)

    # ---- the day: keeping figures and the owner's choices (the journal; no call to Xero) ----
    def import_file(self, path: Path, trading_date: date | None = None) -> DayImport:
        """Read a till export; nothing is kept. A file of one of the shop's several tills is that till's."""
        from xerohelper.services.import_day import import_day_file

        mapping = self.mapping()
        return import_day_file(
            path,
            only_date=trading_date,
            shop_categories=tuple(mapping.sales),
            shop_tenders=tuple(mapping.tenders),
            shop_tills=self.day_service().tills(),
        )

    def remember_till_names(
        self, source: str, categories: dict[str, str] | None = None, tenders: dict[str, str] | None = None
    ) -> None:
        """The owner's answers to an import's questions ("which of your payment types is “Visa”?")."""
        from xerohelper.services.till_names import remember_till_names

        remember_till_names(source, categories=categories, tenders=tenders)

    def new_places(self, days) -> list[str]:
        """The shops or tills these days name that were never seen for this organisation (asked about before
        they are kept: the file may be another shop's)."""
        service = self.day_service()
        return sorted({d.place for d in days if service.is_new_location(d)})

    def keep_days(self, days) -> list[DayFound]:
        """Keep the figures of days read from a file (after the owner said yes to a new shop or till): new
        days and days not in Xero are kept; days in Xero with the same figures are left alone; with other
        figures, kept for a re-send the owner decides on. What was done with each day."""
        from xerohelper.services.catch_up import keep_days

        return keep_days(self.day_service(), days)

    def save_day(self, day: Day) -> Checklist:
        """Keep the day's figures (typed from the Z report, say)."""
        return self.day_service().save_day(day)

    def accept_difference(self, trading_date: date, location: str = "") -> Checklist:
        """The owner books the day's till difference on the till difference (over/short) account."""
        return self.day_service().accept_difference(trading_date, location)

    def skip(self, trading_date: date, step: Step, reason: str, location: str = "") -> Checklist:
        """Skip `step` and the steps after it (they can't happen without it), with the owner's reason."""
        from xerohelper.core.checklist import ORDER, StepState

        days = self.day_service()
        checklist = days.checklist(trading_date, location)
        for each in ORDER[ORDER.index(step) :]:
            if checklist[each].state not in (StepState.DONE, StepState.SKIPPED):
                days.skip(trading_date, each, reason, location)
        return days.checklist(trading_date, location)

    def unskip(self, trading_date: date, step: Step, location: str = "") -> Checklist:
        """Put `step` and the skipped steps after it back."""
        from xerohelper.core.checklist import ORDER, StepState

        days = self.day_service()
        checklist = days.checklist(trading_date, location)
        for each in ORDER[ORDER.index(step) :]:
            if checklist[each].state is StepState.SKIPPED:
                days.unskip(trading_date, each, location)
        return days.checklist(trading_date, location)

    def import_day(self, path: Path) -> DayImport:
        """Read a till export and keep every day it holds, whatever shop or till it names (for tests and
        the demo; the day screen asks about a new one first: import_days). The import's outcome."""
        outcome = self.import_file(path)
        if outcome.ok:
            self.keep_days(outcome.days)
        return outcome

    def import_days(self, path: Path) -> tuple[DayImport, list[DayFound], list[str]]:
        """Read a till export and keep every day it holds (see keep_days) — unless it names a shop or till
        never seen for this organisation: then nothing is kept, and those names come back for the owner to
        confirm (keep_days afterwards). (the import, what was done with each day, the new names)."""
        outcome = self.import_file(path)
        if not outcome.ok:
            return outcome, [], []
        new = self.new_places(outcome.days)
        if new:
            return outcome, [], new
        return outcome, self.keep_days(outcome.days), []
