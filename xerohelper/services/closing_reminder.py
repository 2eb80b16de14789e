"""The closing-time reminder: some time after the shop closes, a day not in Xero yet earns one
notification that opens it. The schedule is core/closing_time.py's; this reads the journal and remembers
which days were reminded (in the settings), so a reminder is said once, across restarts too."""

from __future__ import annotations

from datetime import date, datetime

from xerohelper.core.closing_time import at_tills, days_to_remind, next_check, reminder_words
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
        """The reminders due now (each said once); blocks on the journal. A shop with several tills: a day
        is reminded until every till's is in Xero, naming the tills whose day isn't, and opens the first."""
        now = now or self.now()
        hours = self.settings.choices().closing
        missing: dict[date, list[str]] = {}

        def in_xero(day: date) -> bool:
            missing[day] = self._not_in_xero(day)
            return not missing[day]

        alerts = []
        for day in days_to_remind(hours, now, in_xero, self.settings.reminded_days()):
            self.settings.remember_reminded(day)
            tills = [t for t in missing[day] if t]
            title = (
                f"{long_date(day)} {at_tills(tills)} isn't in Xero"
                if tills
                else f"{long_date(day)} isn't in Xero"
            )
            words = reminder_words(day, now.date(), tills)
            alerts.append(OwnerAlert("reminder", title, words, day, location=tills[0] if tills else ""))
        return alerts

    def next_check(self, now: datetime | None = None) -> datetime | None:
        return next_check(self.settings.choices().closing, now or self.now())

    def _not_in_xero(self, day: date) -> list[str]:
        """The tills whose day's sales summary isn't in Xero (a shop with several tills: of those with the
        day's figures; [""]: the shop's one day isn't); empty when it all is."""
        from xerohelper.core.checklist import Step, StepState

        days = self.session.day_service()
        tills = [t for t in self.session.shop_tills() if days.journal.day(days.organisation_id, day, t)]
        return [
            t for t in tills or [""] if days.checklist(day, t)[Step.SALES_SUMMARY].state is not StepState.DONE
        ]
