"""How a catch-up ended, in the owner's words: what was sent, the first day that needs attention, what waits.
Plain Python (no Qt): the catch-up dialog shows it, tests read it without a window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from xerohelper.core.catch_up import CatchUpRow
from xerohelper.core.checklist import Checklist, Step, StepState
from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.explain import Explanation


def day_words(d: date, this_year: int | None = None) -> str:
    """'Tuesday 18 November' (with the year when it isn't this year)."""
    words = f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}"
    return words if this_year in (None, d.year) else f"{words} {d.year}"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass
class CatchUpOutcome:
    """How the catch-up ended: each day's checklist (in the list's order: till by till, each till's days
    oldest first), and whether it was stopped or failed. `locations` are the days' tills ("" for a shop
    with one till), in the same order as `dates`."""

    dates: list[date]
    checklists: list[Checklist] = field(default_factory=list)
    cancelled: bool = False
    error: BaseException | None = None
    rows: list[CatchUpRow] = field(default_factory=list)  # the list as it ended (each day's outcome)
    locations: list[str] = field(default_factory=list)

    def _days(self) -> list[tuple[date, str, Checklist]]:
        tills = self.locations or [""] * len(self.dates)
        return list(zip(self.dates, tills, self.checklists, strict=False))

    @property
    def sent(self) -> list[date]:
        return [d for d, _, c in self._days() if _sent(c)]

    @property
    def drafts(self) -> list[date]:
        """Sent, and waiting for the owner to approve them in Xero."""
        return [d for d, _, c in self._days() if _sent(c) and c[Step.APPROVE].state is StepState.READY]

    @property
    def attentions(self) -> list[tuple[date, str, str]]:
        """Each till's first day the owner has to look at: (day, till, why in a few words) — a step Xero (or
        the check before sending) turned down, or a day that can't be sent as it is."""
        found: dict[str, tuple[date, str, str]] = {}
        for d, till, checklist in self._days():
            if till in found:
                continue
            why = _attention_words(checklist)
            if why is not None:
                found[till] = (d, till, why)
        return list(found.values())

    @property
    def first_attention(self) -> tuple[date, str] | None:
        """The first day the owner has to look at, and why in a few words."""
        attentions = self.attentions
        return (attentions[0][0], attentions[0][2]) if attentions else None

    @property
    def first_attention_till(self) -> str:
        """The till of the first day to look at ("" for a shop with one till, or when none needs it)."""
        attentions = self.attentions
        return attentions[0][1] if attentions else ""

    @property
    def waiting(self) -> list[date]:
        """Days not sent (after a stop, or behind a day that needs attention)."""
        looked_at = {(d, till) for d, till, _ in self.attentions}
        return [d for d, till, c in self._days() if not _sent(c) and (d, till) not in looked_at]

    def summary(self, this_year: int | None = None) -> str:
        """'5 days sent. Wednesday 19 November needs attention: … 2 later days wait until it is fixed.'"""
        return " ".join(self.summary_lines(this_year))

    def summary_lines(self, this_year: int | None = None) -> list[str]:
        """The summary in three parts at most: what was sent, the day(s) to look at, what waits."""
        lines: list[str] = []
        parts: list[str] = []
        sent, drafts = self.sent, self.drafts
        if self.cancelled:
            parts.append(
                "Stopped. " + (f"{plural(len(sent), 'day')} sent before you stopped." if sent else "")
            )
        elif sent:
            parts.append(f"{plural(len(sent), 'day')} sent.")
        if drafts:
            parts.append(
                "It waits for your approval in Xero."
                if len(drafts) == 1 and len(sent) == 1
                else f"{plural(len(drafts), 'draft')} {'waits' if len(drafts) == 1 else 'wait'} "
                "for your approval in Xero."
            )
        lines.append(" ".join(p.strip() for p in parts if p.strip()))
        parts = []
        attentions = self.attentions
        for index, (when, till, why) in enumerate(attentions):
            where = day_words(when, this_year) + (f" ({till})" if till else "")
            parts.append(f"{where} needs attention{' too' if index else ''}: {why.rstrip('.')}.")
        waiting = self.waiting
        if waiting and attentions:
            parts.append(
                f"{plural(len(waiting), 'later day')} {'waits' if len(waiting) == 1 else 'wait'} "
                f"until {'it is' if len(attentions) == 1 else 'they are'} fixed."
            )
        elif waiting and self.cancelled:
            parts.append(
                f"{plural(len(waiting), 'day')} still to send: catch up again when you're ready. "
                "Nothing is sent twice."
            )
        elif waiting and self.error is None:
            parts.append(f"{plural(len(waiting), 'day')} not sent.")
        lines.append(" ".join(p.strip() for p in parts if p.strip()))
        lines = [line for line in lines if line]
        return lines or ["Nothing needed sending: these days are already in Xero."]


def _attention_words(checklist: Checklist) -> str | None:
    for status in checklist.steps:
        if status.state is StepState.NEEDS_ATTENTION:
            attention = status.attention
            return attention.title if isinstance(attention, Explanation) else status.reason
    first = checklist[Step.SALES_SUMMARY]
    if first.state is StepState.NOT_STARTED and first.reason:
        return first.reason
    return None


def _sent(checklist: Checklist) -> bool:
    return checklist[Step.SALES_SUMMARY].state is StepState.DONE
