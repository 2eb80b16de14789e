"""Where a day stands, in one word the calendar and the history colour it by: in Xero, needs attention, not
sent yet, or skipped. Worked out from the day's checklist."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from xerohelper.core.checklist import Checklist, Step, StepState


class DayStatus(StrEnum):
    """A day as the calendar colours it."""

    POSTED = "posted"
    NEEDS_ATTENTION = "needs attention"
    NOT_POSTED = "not posted"
    SKIPPED = "skipped"


# When one date has several tills, the day shows the one that needs the owner most.
_URGENCY = (DayStatus.NEEDS_ATTENTION, DayStatus.NOT_POSTED, DayStatus.SKIPPED, DayStatus.POSTED)


def day_status(checklist: Checklist) -> DayStatus:
    """How the calendar shows a day whose figures are in the journal."""
    if checklist.needs_attention:
        return DayStatus.NEEDS_ATTENTION
    if checklist.is_finished:
        if checklist[Step.SALES_SUMMARY].state is StepState.SKIPPED:
            return DayStatus.SKIPPED
        return DayStatus.POSTED
    return DayStatus.NOT_POSTED


def most_urgent(statuses: Iterable[DayStatus]) -> DayStatus:
    return min(statuses, key=_URGENCY.index)
