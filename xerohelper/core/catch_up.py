"""Which kept days a catch-up offers, and which days a file brought in — pure rules, no Qt, no Xero.

A catch-up lists the days whose figures are kept but which are not (all) in Xero yet, oldest first, each
ticked by default; the owner unticks what should wait, and only what stays ticked is sent. Days whose
figures differ from what Xero already holds are never in the list: re-sending replaces what is in Xero,
and that is the owner's decision, one day at a time (`day resend`, or Re-send on the day screen).

`catch_up_days` is the one place the selection is made (weekly summaries can extend it: a week is a
row whose `trading_date` is the week's last day).

A shop with several tills or locations catches up each till's days: the list is per till × date (each till's
days together, oldest first), and the tills are sent one after another. One till's refusal stops only that
till's later days; a problem of the whole organisation (`stops_every_till`: the connection, Xero's limits or
no answer, the plan's cap, a locked period) stops the tills after it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from xerohelper.core.explain import Explanation, Stage, Topic
from xerohelper.core.explain.entries import ALL_ENTRIES


class InXero(StrEnum):
    """Where a kept day stands against Xero (worked out from the journal)."""

    NOT_SENT = "not sent"  # nothing of the day is in Xero
    PART_SENT = "part sent"  # its invoice is in; a step after it (approval, payments) is still to do
    WAITS_FOR_APPROVAL = "waits for approval"  # a draft, for the owner to approve in Xero
    IN_XERO = "in Xero"  # finished: invoice paid, or the rest skipped by the owner
    DIFFERENT = "different in Xero"  # in Xero, but the kept figures have changed since: re-send


@dataclass(frozen=True)
class KeptDay:
    """One kept day as the catch-up sees it: its date (and till), its takings, where it stands."""

    trading_date: date
    location: str
    total: Decimal  # the day's takings (sales, tax included)
    in_xero: InXero
    attention: str = ""  # a step needs the owner: why, in a few words (from the last run)
    waits: str = ""  # weekly summaries: another day of its week needs the owner first, in a few words


@dataclass(frozen=True)
class CatchUpRow:
    """A row of the catch-up list: the day, ticked or not, and (after the run) how it ended."""

    day: KeptDay
    ticked: bool = True
    outcome: str = ""  # after the run: "sent", "sent as a draft", "needs attention: …", "not sent"

    @property
    def trading_date(self) -> date:
        return self.day.trading_date

    @property
    def location(self) -> str:
        return self.day.location


def catch_up_days(
    kept: Iterable[KeptDay], since: date | None = None, approve_automatically: bool = False
) -> list[CatchUpRow]:
    """The days a catch-up offers, every one ticked: not in Xero, or part sent (a draft waiting for
    approval only when xerohelper approves automatically). From `since` on, when given. Each till's days
    together (tills in name order), oldest first."""
    wanted = {InXero.NOT_SENT, InXero.PART_SENT}
    if approve_automatically:
        wanted.add(InXero.WAITS_FOR_APPROVAL)
    rows = [
        CatchUpRow(day)
        for day in kept
        if day.in_xero in wanted and (since is None or day.trading_date >= since)
    ]
    return sorted(rows, key=in_list_order)


def in_list_order(row: CatchUpRow) -> tuple[str, str, date]:
    """Till by till (in name order), each till's days oldest first."""
    return (row.location.casefold(), row.location, row.trading_date)


def tills_of(rows: Sequence[CatchUpRow]) -> list[str]:
    """The tills the rows are of, in the list's order ("" for a shop with one till)."""
    return list(dict.fromkeys(r.location for r in rows))


# What stops every till's days, not only the till it was found on: the organisation's own problems.
_ORGANISATION_TOPICS = {Topic.PERIOD, Topic.PLAN, Topic.CONNECTION, Topic.XERO_SERVICE, Topic.NO_ANSWER}
_ORGANISATION_KEYS = {"plan-cap-ahead"}


def stops_every_till(explanation: Explanation) -> bool:
    """True when the problem is the organisation's (the connection, Xero's limits or no answer from Xero,
    the plan's monthly cap, a locked period): the other tills' days would meet it too, so they wait."""
    if explanation.stage is Stage.CONNECTION or explanation.key in _ORGANISATION_KEYS:
        return True
    entry = ALL_ENTRIES.get(explanation.key)
    return entry is not None and entry.topic in _ORGANISATION_TOPICS


def ticked(rows: Sequence[CatchUpRow]) -> list[CatchUpRow]:
    return [r for r in rows if r.ticked]


def tick(rows: Sequence[CatchUpRow], index: int, on: bool) -> list[CatchUpRow]:
    """The list with row `index` ticked (or unticked)."""
    return [replace(r, ticked=on) if i == index else r for i, r in enumerate(rows)]


def ticked_total(rows: Sequence[CatchUpRow]) -> Decimal:
    return sum((r.day.total for r in rows if r.ticked), Decimal("0.00"))


def all_in_xero(rows: Sequence[CatchUpRow]) -> bool:
    """True only when every ticked day ended sent: never say "all in Xero" while one was refused."""
    chosen = ticked(rows)
    return bool(chosen) and all(r.outcome.startswith("sent") for r in chosen)


# ---- a file's days -----------------------------------------------------------------------------------------


class FoundDay(StrEnum):
    """What importing a file did with one of its days."""

    NEW = "kept"  # not in Xero: kept, ready to send
    UPDATED = "updated"  # not in Xero yet, and the kept figures were replaced by the file's
    SAME_IN_XERO = "already in Xero"  # in Xero with the same figures: left alone
    DIFFERENT_IN_XERO = "different in Xero"  # in Xero with other figures: kept, offered for re-send


def what_to_do_with(in_xero: InXero | None, same_figures: bool) -> FoundDay:
    """One day of an imported file: `in_xero` is where the kept day stood (None: no day kept), and
    `same_figures` whether the file's figures are those Xero was sent."""
    if in_xero is None:
        return FoundDay.NEW
    if in_xero in (InXero.NOT_SENT,):
        return FoundDay.UPDATED
    return FoundDay.SAME_IN_XERO if same_figures else FoundDay.DIFFERENT_IN_XERO
