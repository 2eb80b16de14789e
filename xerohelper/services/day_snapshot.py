"""One day as the day screen shows it, and the month around it as the calendar colours it: read from the
journal and the settings (no call to Xero). Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import calendar as month_days
from dataclasses import dataclass, field
from datetime import date, timedelta

from xerohelper.core.checklist import Checklist, InvoiceFacts, work_out
from xerohelper.core.connection import ConnectionStatus
from xerohelper.core.day import Day
from xerohelper.core.day_status import DayStatus, day_status, most_urgent
from xerohelper.core.explain import ScreenLink, open_in_xero
from xerohelper.core.mapping import Mapping
from xerohelper.core.weeks import Week, week_of

RECENT_DAYS = 60  # how far back the till's kinds of sale and ways of paying are looked for


@dataclass(frozen=True)
class DaySnapshot:
    """Everything the day screen shows for one day."""

    trading_date: date
    location: str
    today: date
    connection: ConnectionStatus
    checklist: Checklist
    day: Day | None  # the day's figures, once imported or typed
    invoice: InvoiceFacts | None  # the day's invoice in Xero, as Xero last said
    posting: int  # 1 for the day's first invoice, 2 after one re-send, …
    figures_changed: bool  # the figures changed after the invoice was sent (a re-send is offered)
    month: tuple[int, int]  # (year, month) the calendar shows
    statuses: dict[date, DayStatus]  # each day of that month the journal knows, and the days not imported
    categories: tuple[str, ...]  # the shop's kinds of sale (Shop setup)
    tenders: tuple[str, ...]  # the shop's ways of paying
    tills: tuple[str, ...] = ()  # the shop's tills or locations, when it has several (a picker chooses one)
    weeks: dict[date, str] = field(default_factory=dict)  # weekly summaries: each day's week, in words

    @property
    def organisation_name(self) -> str:
        return self.connection.organisation.name if self.connection.organisation else ""

    @property
    def short_code(self) -> str | None:
        return self.connection.organisation.short_code if self.connection.organisation else None

    @property
    def draft_link(self) -> ScreenLink | None:
        """The day's invoice in Xero while it waits for approval."""
        invoice = self.invoice
        if invoice is None or invoice.status not in ("DRAFT", "SUBMITTED"):
            return None
        return open_in_xero("invoice", self.short_code, InvoiceID=invoice.invoice_id)


@dataclass(frozen=True)
class TillNames:
    """The kinds of sale and ways of paying the till used lately, in the order first seen."""

    categories: tuple[str, ...]
    tenders: tuple[str, ...]


def read_snapshot(
    days,
    mapping: Mapping,
    connection: ConnectionStatus,
    today: date,
    trading_date: date,
    location: str,
    month: tuple[int, int],
) -> DaySnapshot:
    """`days` is the DayChecklistService of the connected organisation."""
    record = days.journal.record(days.organisation_id, trading_date, location)
    tills = shop_tills(days, mapping)
    return DaySnapshot(
        trading_date=trading_date,
        location=location,
        today=today,
        connection=connection,
        checklist=days.checklist(trading_date, location),
        day=record.day,
        invoice=record.invoice,
        posting=record.posting,
        figures_changed=record.figures_changed_since_posting,
        month=month,
        statuses=month_statuses(
            days, month, location if location in tills else None, mapping.weekly, today=today
        ),
        categories=tuple(mapping.sales),
        tenders=tuple(mapping.tenders),
        tills=tills,
        weeks=month_weeks(month) if mapping.weekly else {},
    )


def shop_tills(days, mapping: Mapping) -> tuple[str, ...]:
    """The shop's tills or locations, in name order: those the journal has days of, and those Shop setup
    gives a tracking option. Empty for a shop with one till (its days have no location)."""
    known = {place for _, place in days.journal.days_between(days.organisation_id, date.min, date.max)}
    if mapping.tracking is not None:
        known.update(mapping.tracking.option_by_location)
    known.discard("")
    return tuple(sorted(known, key=str.casefold))


def month_statuses(
    days,
    month: tuple[int, int],
    till: str | None = None,
    weekly: bool = False,
    today: date | None = None,
) -> dict[date, DayStatus]:
    """Each day of `month` the journal knows, as the calendar colours it: `till`'s own days, or (None) the
    most urgent till's. With weekly summaries a week's days share one invoice: each of them shows the
    week's state (its most urgent day's), a week needing attention shows on each of its days.

    Given `today` (one invoice a day): the days since the shop's first day in xerohelper up to today that
    the journal has nothing of are "not imported" (or skipped, when the owner skipped them)."""
    year, number = month
    first, last = date(year, number, 1), date(year, number, month_days.monthrange(year, number)[1])
    found: dict[date, list[DayStatus]] = {}
    for day, place in days.journal.days_between(days.organisation_id, first, last):
        if till is not None and place != till:
            continue
        found.setdefault(day, []).append(_status(days, day, place))
    if weekly:
        by_week: dict[Week, list[DayStatus]] = {}
        for day, statuses in found.items():
            by_week.setdefault(week_of(day), []).extend(statuses)
        return {day: most_urgent(by_week[week_of(day)]) for day in found}
    shown = {day: most_urgent(statuses) for day, statuses in found.items()}
    if today is not None:
        for day in _days_without_figures(days, first, min(last, today), set(found)):
            shown[day] = _status(days, day, till or "")
    return shown


def _status(days, day: date, place: str) -> DayStatus:
    facts = days.facts(day, place)
    return day_status(facts, work_out(facts))


def _days_without_figures(days, first: date, last: date, known: set[date]) -> list[date]:
    """The days from `first` to `last` the journal has nothing of, since the shop's first day in it."""
    earlier = days.journal.days_between(days.organisation_id, date.min, last)
    if not earlier or last < first:
        return []
    start = max(first, earlier[0][0])
    return [start + timedelta(n) for n in range((last - start).days + 1) if start + timedelta(n) not in known]


def month_weeks(month: tuple[int, int]) -> dict[date, str]:
    """Each day of the month and its week in words ("the week of 1–6 December 2026")."""
    year, number = month
    days = [date(year, number, n) for n in range(1, month_days.monthrange(year, number)[1] + 1)]
    return {day: week_of(day).words for day in days}


def till_names_seen(days, today: date, back: int = RECENT_DAYS) -> TillNames:
    """The kinds of sale and ways of paying in the journal's days of the last `back` days."""
    categories: dict[str, None] = {}
    tenders: dict[str, None] = {}
    journal, organisation = days.journal, days.organisation_id
    for trading_date, location in journal.days_between(organisation, today - timedelta(days=back), today):
        day = journal.day(organisation, trading_date, location)
        if day is not None:
            categories.update(dict.fromkeys(line.category for line in day.sales))
            tenders.update(dict.fromkeys(t.name for t in day.tenders))
    return TillNames(tuple(categories), tuple(tenders))
