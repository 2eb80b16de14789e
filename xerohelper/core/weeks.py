"""Weekly summaries: which days one weekly sales invoice covers, and when a week may be sent.

A week runs Monday to Sunday (as ISO weeks do), but it never crosses the end of a month: the days of a week
that fall in the next month make their own, shorter week. So each month's sales and tax stay in that month
(a GST/BAS period or a month-end report never splits an invoice), and a month has at most six weekly
invoices — well inside the 20 approved invoices a month of Xero's smallest plans.

The invoice number names the week's first and last day (POS-20261201-20261206) rather than an ISO week
number: a number like 2026-W01 can start in December, and a week split at a month end needs two numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from xerohelper.core.dates import MONTHS, short_date


@dataclass(frozen=True, order=True)
class Week:
    """The days one weekly invoice covers: Monday (or the 1st of the month) to Sunday (or the month's end)."""

    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    @property
    def words(self) -> str:
        """'the week of 1–6 December 2026' / 'the week of 29 December 2026 – 4 January 2027'."""
        first, last = self.first, self.last
        if first == last:
            return f"the week of {first.day} {MONTHS[first.month - 1]} {first.year}"
        return f"the week of {first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"

    def ready(self, figures: set[date], today: date) -> bool:
        """A week is sent once it is over, or sooner when every one of its days has its figures."""
        return today > self.last or all(d in figures for d in self.days())


def week_of(day: date) -> Week:
    """The week (Monday–Sunday, cut at the end of the month) that `day` belongs to."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    first = max(monday, day.replace(day=1))
    next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = min(sunday, next_month - timedelta(days=1))
    return Week(first, last)


def week_waits(week: Week, figures: set[date], today: date, held_by: date | None = None) -> str:
    """Why a day's invoice waits in weekly mode ("" when its week may be sent). `held_by`: another day of
    the week that must be seen to first (a till difference to decide, a problem found before sending)."""
    if not week.ready(figures, today):
        return (
            f"This shop sends one invoice a week: {week.words} goes to Xero once the week is over "
            "(or once every day of it is in)."
        )
    if held_by is not None:
        first = f"{HELD_BACK} {short_date(held_by)}, which needs you first"
        return f"{first}: {week.words} goes to Xero as one invoice."
    return ""


HELD_BACK = "Waits for"


def waits_briefly(words: str) -> str:
    """week_waits' words in a few, for a list of days (the catch-up's): "Waits for Wed 21 Oct 2026, which
    needs you first"; a week not over yet keeps its whole sentence."""
    return words.split(": ", 1)[0] if words.startswith(HELD_BACK) else words.rstrip(".")
