"""The days Xero already holds, month by month, for the calendar: the organisation's sales invoices dated in
the month whose numbers are the shop's days (POS-20261121, …: services/journal_rebuild.days_of), each as the
day's state in Xero (sent as draft, approved, paid). A day sent from another computer, or from this one
before it kept a record, then shows as such (core/day_status.shown_days).

One read a month (Xero's own where filter on the month's dates, paced with the day's other calls), kept
for the session: flipping back to a month doesn't read it again. A month after today isn't read. When Xero
can't be read (offline, signed out, the limits), the answer is empty with a quiet note in words, and it is
tried again the next time that month is shown. Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import calendar as month_days
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.adapters.xero_pacing import Cancelled
from xerohelper.adapters.xero_past_days import PastDaysNotRead, XeroPastDays
from xerohelper.core.connection import ConnectionProblem
from xerohelper.core.day_status import DayStatus, from_xero_status, most_urgent
from xerohelper.core.mapping import Mapping
from xerohelper.services.explaining import explain_error
from xerohelper.services.journal_rebuild import days_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class XeroDay:
    """A day whose invoice is in Xero."""

    trading_date: date
    location: str  # the till ("" for a shop with one)
    number: str  # the invoice's number
    status: DayStatus  # sent as draft, approved or paid


@dataclass(frozen=True)
class XeroMonth:
    month: tuple[int, int]
    days: tuple[XeroDay, ...] = ()
    note: str = ""  # when Xero couldn't be read: why, in a sentence ("" when it was read)

    def statuses(self, till: str | None = None) -> dict[date, DayStatus]:
        """Each date's state in Xero: `till`'s own invoices, or (None) the most urgent till's."""
        found: dict[date, list[DayStatus]] = {}
        for day in self.days:
            if till is None or day.location == till:
                found.setdefault(day.trading_date, []).append(day.status)
        return {d: most_urgent(statuses) for d, statuses in found.items()}


class DaysInXero:
    """The organisation's months as Xero holds them, each read once."""

    def __init__(
        self,
        books: XeroBooks,
        mapping: Callable[[], Mapping],
        tills: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self.books = books
        self._mapping = mapping
        self._tills = tills  # the shop's tills (none for a shop with one): another till's number isn't a day
        self._months: dict[tuple[int, int], XeroMonth] = {}
        self._lock = threading.Lock()
        self.reads = 0  # months read from Xero (the tests count them: one read a month)

    def month(self, month: tuple[int, int], today: date, cancel: threading.Event | None = None) -> XeroMonth:
        """`month` (year, month) as Xero holds it; nothing for a month after `today` (no call)."""
        with self._lock:  # one read at a time: a month asked for twice at once is read once
            if month in self._months:
                return self._months[month]
            year, number = month
            first, last = date(year, number, 1), date(year, number, month_days.monthrange(year, number)[1])
            if first > today:
                return XeroMonth(month)
            try:
                past = XeroPastDays(self.books.api, self.books.tenant_id, self.books.pacer, cancel)
                self.reads += 1
                documents = past.sales_invoices(first, until=last)
            except (PastDaysNotRead, ConnectionProblem, Cancelled, OSError) as problem:
                log.info("the days in Xero for %s-%s weren't read: %r", year, number, problem)
                return XeroMonth(month, note=not_read_words(problem))
            days = []
            tills = {"", *self._tills()}
            for (day, place), document in sorted(days_of(documents, self._mapping()).items()):
                status = from_xero_status(document.facts.status)
                if status is not None and first <= day <= last and place in tills:
                    days.append(XeroDay(day, place, document.facts.number, status))
            self._months[month] = XeroMonth(month, tuple(days))
            return self._months[month]


def not_read_words(problem: BaseException) -> str:
    """The calendar's quiet note when Xero couldn't be read: "Days sent from another computer may be
    missing here: xerohelper couldn't reach Xero." """
    if isinstance(problem, Cancelled):
        why = "the look in Xero was stopped"
    else:
        why = explain_error(getattr(problem, "error", problem))[0].title.rstrip(".")
    return f"{MISSING_HERE} {why}."


MISSING_HERE = "Days sent from another computer may be missing here:"
