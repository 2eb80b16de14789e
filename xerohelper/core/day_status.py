"""Where a day stands, as the calendar and the history show it: seven states, each with plain words.

    not imported     no till figures yet
    imported         figures in, nothing sent to Xero yet
    sent as draft    the sales summary is in Xero, waiting for approval
    approved         approved in Xero, the payments not all recorded yet
    paid             done
    needs attention  something to fix or decide first
    skipped          not sent, on purpose

Worked out from the day's facts and checklist (day_status), or from the invoice Xero holds for a day this
computer's journal doesn't know (from_xero_status). When one date has several tills, the one that needs the
owner most is shown (most_urgent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xerohelper.core.checklist import Checklist, DayFacts, Step, StepState
from xerohelper.core.dates import MONTHS, WEEKDAYS


class DayStatus(StrEnum):
    """A day as the calendar and the history show it."""

    NOT_IMPORTED = "not imported"
    IMPORTED = "imported"
    SENT_AS_DRAFT = "sent as draft"
    APPROVED = "approved"
    PAID = "paid"
    NEEDS_ATTENTION = "needs attention"
    SKIPPED = "skipped"

    @property
    def title(self) -> str:
        """The state's name: "Sent as draft"."""
        return _WORDS[self][0]

    @property
    def meaning(self) -> str:
        """What it means, in a few words: "waiting for approval"."""
        return _WORDS[self][1]

    @property
    def words(self) -> str:
        """Both, for a legend or a list: "Sent as draft: waiting for approval"."""
        return f"{self.title}: {self.meaning}"


_WORDS = {
    DayStatus.NOT_IMPORTED: ("Not imported", "no till figures yet"),
    DayStatus.IMPORTED: ("Imported", "figures in, not sent to Xero yet"),
    DayStatus.SENT_AS_DRAFT: ("Sent as draft", "waiting for approval"),
    DayStatus.APPROVED: ("Approved", "not paid yet"),
    DayStatus.PAID: ("Paid", "done"),
    DayStatus.NEEDS_ATTENTION: ("Needs attention", "something to sort out"),
    DayStatus.SKIPPED: ("Skipped", "not sent, on purpose"),
}

# When one date has several tills (or a week several days), the date shows the one that needs the owner most.
_URGENCY = (
    DayStatus.NEEDS_ATTENTION,
    DayStatus.IMPORTED,
    DayStatus.NOT_IMPORTED,
    DayStatus.SENT_AS_DRAFT,
    DayStatus.APPROVED,
    DayStatus.SKIPPED,
    DayStatus.PAID,
)
# Xero's invoice statuses as a day's state (a voided or deleted invoice is no state of the day).
_FROM_XERO = {
    "DRAFT": DayStatus.SENT_AS_DRAFT,
    "SUBMITTED": DayStatus.SENT_AS_DRAFT,
    "AUTHORISED": DayStatus.APPROVED,
    "PAID": DayStatus.PAID,
}
# States in which this computer knows of no invoice for the day: Xero's own answer tells more.
_NOTHING_SENT = (DayStatus.NOT_IMPORTED, DayStatus.IMPORTED)


def day_status(facts: DayFacts, checklist: Checklist) -> DayStatus:
    """How a day is shown, from its facts and the checklist worked out from them."""
    if checklist.needs_attention:
        return DayStatus.NEEDS_ATTENTION
    sales = checklist[Step.SALES_SUMMARY]
    if sales.state is StepState.SKIPPED:
        return DayStatus.SKIPPED
    if sales.state is not StepState.DONE:
        if not facts.has_day:
            return DayStatus.NOT_IMPORTED
        # figures the owner must fix or decide about first (a till difference, a category without an account)
        return DayStatus.NEEDS_ATTENTION if facts.day_problems else DayStatus.IMPORTED
    if checklist.is_finished:
        return DayStatus.PAID
    if checklist[Step.APPROVE].state in (StepState.DONE, StepState.SKIPPED):
        return DayStatus.APPROVED
    return DayStatus.SENT_AS_DRAFT


def from_xero_status(status: str) -> DayStatus | None:
    """A day's state from its invoice's status in Xero; None for a voided or deleted invoice."""
    return _FROM_XERO.get(status.upper())


def most_urgent(statuses: Iterable[DayStatus]) -> DayStatus:
    return min(statuses, key=_URGENCY.index)


@dataclass(frozen=True)
class ShownDay:
    """A date as the calendar shows it: its state, and whether that state was read from Xero (the day's
    invoice is in Xero but this computer didn't send it, or sent it before it kept a record)."""

    status: DayStatus
    from_xero: bool = False

    def words(self, day: date) -> str:
        """What a screen reader says for the date: "Tuesday 3 March: sent as draft, waiting for approval"."""
        said = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}: "
        said += f"{self.status.title.lower()}, {self.status.meaning}"
        if self.from_xero:
            said += " (found in Xero: not sent from this computer)"
        return said


def shown_days(journal: dict[date, DayStatus], xero: dict[date, DayStatus]) -> dict[date, ShownDay]:
    """The month as the calendar shows it: each date's state from this computer's journal, unless the journal
    knows of no invoice for it (not imported, imported) and Xero holds one — then Xero's state, marked so."""
    shown = {day: ShownDay(status) for day, status in journal.items()}
    for day, status in xero.items():
        if journal.get(day, DayStatus.NOT_IMPORTED) in _NOTHING_SENT:
            shown[day] = ShownDay(status, from_xero=True)
    return shown
