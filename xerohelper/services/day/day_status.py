"""Where a day stands, worked out from the journal alone (no call to Xero): the day's facts and checklist,
the days not finished yet, and the owner skipping (or un-skipping) a step. Also keeps a day's figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from xerohelper.adapters.journal import Journal
from xerohelper.core.checklist import Checklist, DayFacts, Step, work_out
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO
from xerohelper.core.sales_invoice import refunds_paid_out
from xerohelper.core.till_difference import undecided_words
from xerohelper.core.weeks import week_of, week_waits
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.needs_attention import NeedsAttention


class DayStatus:
    def __init__(
        self,
        journal: Journal,
        organisation_id: str,
        mapping: Callable[[], Mapping],
        attention: NeedsAttention,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        self.journal = journal
        self.organisation_id = organisation_id
        self._mapping = mapping
        self.attention = attention

    def save_day(self, day: Day) -> Checklist:
        """Keep the day's figures (from an import or the Z-report form). The same figures imported again
        keep the owner's decision about their till difference and any problem found with the day (it would
        be found again); changed figures ask again and start the day afresh."""
        before = self.journal.day(self.organisation_id, day.date, day.location)
        if (
            day.difference_accepted is None
            and before is not None
            and before.difference_accepted is not None
            and before.difference_accepted == day.till_difference
        ):
            day = replace(day, difference_accepted=before.difference_accepted)
        self.journal.save_day(self.organisation_id, day)
        if _changed(before, day):
            self.attention.forget(DayKey(day.date, day.location))
        return self.checklist(day.date, day.location)

    def accept_difference(self, trading_date: date, location: str = "") -> Checklist:
        """The owner agreed to book the day's till difference on the till difference account."""
        day = self.journal.day(self.organisation_id, trading_date, location)
        if day is not None and day.till_difference != ZERO:
            self.journal.save_day(self.organisation_id, replace(day, difference_accepted=day.till_difference))
            self.attention.forget(DayKey(trading_date, location))
        return self.checklist(trading_date, location)

    def facts(self, trading_date: date, location: str = "") -> DayFacts:
        key = DayKey(trading_date, location)
        record = self.journal.record(self.organisation_id, trading_date, location)
        mapping = self._mapping()
        day = record.day
        problems: list[str] = []
        if day is not None:
            problems += day.problems()
            if not day.difference_decided:
                problems.append(undecided_words(day))
            problems += mapping.problems()
            problems += [
                f"The sales category “{c}” has no Xero account yet. Choose one in Shop setup."
                for c in mapping.unmapped_categories(s.category for s in day.sales)
            ]
        return DayFacts(
            day_problems=tuple(problems),
            has_day=day is not None,
            tenders_to_pay=tuple(t.name for t in day.tenders if t.amount != ZERO) if day else (),
            invoice=record.invoice,
            needs_credit_note=day is not None and refunds_paid_out(day) > ZERO,
            credit_note=record.credit_note,
            paid_tenders={p.tender: p.payment_id for p in record.payments},
            running=self.attention.running(key),
            attention=self.attention.of(key),
            skipped=record.skipped,
            waiting=self._week_waits(trading_date, location) if mapping.weekly and day is not None else "",
        )

    def _week_waits(self, trading_date: date, location: str) -> str:
        """Weekly summaries: why the day's week isn't sent yet ("" when it may be): the week isn't over, or
        another of its days needs the owner first (its till difference, or a problem found before sending)."""
        week = week_of(trading_date)
        between = self.journal.days_between(self.organisation_id, week.first, week.last)
        mine = sorted(d for d, place in between if place == location)
        held_by = next(
            (d for d in mine if d != trading_date and self._holds_its_week(DayKey(d, location))), None
        )
        return week_waits(week, set(mine), self.today(), held_by)

    def _holds_its_week(self, key: DayKey) -> bool:
        """A day not sent yet whose till difference waits for the owner, or that a check before sending
        stopped: its week's invoice can't go until it is seen to."""
        if self.attention.has(key, Step.SALES_SUMMARY):
            return True
        record = self.journal.record(self.organisation_id, key.trading_date, key.location)
        return record.invoice is None and record.day is not None and not record.day.difference_decided

    def checklist(self, trading_date: date, location: str = "") -> Checklist:
        return work_out(self.facts(trading_date, location))

    def of(self, key: DayKey) -> Checklist:
        return self.checklist(key.trading_date, key.location)

    def unfinished_days(self, first: date, last: date) -> list[date]:
        """Days between `first` and `last` whose figures are in but whose checklist isn't finished (with
        weekly summaries, only the days of weeks that may be sent: catch-up sends whole weeks)."""
        due = set()
        for d, location in self.journal.days_between(self.organisation_id, first, last):
            facts = self.facts(d, location)
            if facts.waiting:  # weekly summaries: its week isn't over yet, so nothing is due for it
                continue
            if not work_out(facts).is_finished:
                due.add(d)
        return sorted(due)

    def skip(self, trading_date: date, step: Step, reason: str, location: str = "") -> Checklist:
        self.journal.skip(self.organisation_id, trading_date, location, step, reason.strip() or "Skipped")
        return self.checklist(trading_date, location)

    def unskip(self, trading_date: date, step: Step, location: str = "") -> Checklist:
        self.journal.unskip(self.organisation_id, trading_date, location, step)
        return self.checklist(trading_date, location)


def _changed(before: Day | None, day: Day) -> bool:
    """New figures for the day, or another decision about its till difference."""
    return (
        before is None
        or before.fingerprint() != day.fingerprint()
        or before.difference_accepted != day.difference_accepted
    )
