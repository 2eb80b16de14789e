"""Catch up: the kept days not (all) in Xero yet, listed first for the owner to tick, then sent till by
till, each till's days in date order, batched — and each day's state at the end. Also what importing a file
does with every day it holds.

Used by the app (the catch-up list, the day screen's import), the command line (`catch-up`, `import --save`)
and, later, the folder watcher: nothing here knows of Qt. The selection itself is core's (core/catch_up.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from xerohelper.adapters.xero_pacing import WaitListener
from xerohelper.core.catch_up import (
    CatchUpRow,
    FoundDay,
    InXero,
    KeptDay,
    catch_up_days,
    stops_every_till,
    ticked,
    tills_of,
    what_to_do_with,
)
from xerohelper.core.checklist import GONE, Checklist, Step, StepState, work_out
from xerohelper.core.day import Day
from xerohelper.core.explain import Explanation
from xerohelper.core.weeks import waits_briefly
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day_checklist import DayChecklistService, ProgressListener

EARLIEST = date(2000, 1, 1)


def where_it_stands(days: DayChecklistService, trading_date: date, location: str = "") -> InXero | None:
    """Where a kept day stands against Xero (None: no figures kept for it)."""
    record = days.journal.record(days.organisation_id, trading_date, location)
    if record.day is None:
        return None
    if record.invoice is None or record.invoice.status in GONE:
        return InXero.NOT_SENT
    if record.figures_changed_since_posting:
        return InXero.DIFFERENT
    checklist = days.checklist(trading_date, location)
    if checklist.is_finished:
        return InXero.IN_XERO
    if checklist[Step.APPROVE].state is StepState.READY and record.invoice.status in ("DRAFT", "SUBMITTED"):
        return InXero.WAITS_FOR_APPROVAL
    return InXero.PART_SENT


def kept_days(
    days: DayChecklistService, first: date | None = None, last: date | None = None
) -> list[KeptDay]:
    """Every kept day between `first` and `last` (all of them when not given), as the catch-up sees it."""
    found = days.journal.days_between(days.organisation_id, first or EARLIEST, last or date(9999, 12, 31))
    kept = []
    for trading_date, location in found:
        stands = where_it_stands(days, trading_date, location)
        day = days.journal.day(days.organisation_id, trading_date, location)
        if stands is None or day is None:
            continue
        facts = days.facts(trading_date, location)
        words = outcome_words(work_out(facts), facts.waiting)
        attention = words.removeprefix("needs attention: ") if words.startswith("needs attention") else ""
        waits = words if facts.waiting and words == waits_briefly(facts.waiting) else ""
        kept.append(KeptDay(trading_date, location, day.totals.gross, stands, attention, waits))
    return kept


def catch_up_list(
    days: DayChecklistService, since: date | None = None, approve_automatically: bool | None = None
) -> list[CatchUpRow]:
    """The catch-up list: the kept days to send, oldest first, each ticked."""
    approve = (
        days.shop_mapping().approve_automatically if approve_automatically is None else approve_automatically
    )
    return catch_up_days(kept_days(days, since), since, approve)


TillHeard = Callable[[str, int, int], None]  # (till, its index, how many tills): a till's days begin


def send_ticked(
    days: DayChecklistService,
    rows: Sequence[CatchUpRow],
    approve: bool | None = None,
    *,
    progress: ProgressListener | None = None,
    cancel: threading.Event | None = None,
    on_wait: WaitListener | None = None,
    on_till: TillHeard | None = None,
) -> list[CatchUpRow]:
    """Send the ticked days till by till, each till's days in date order, batched. A till's run stops
    cleanly at its first day that needs attention; the next till goes on, unless the problem is the
    organisation's (core's `stops_every_till`: the connection, the plan's cap, a locked period…). Cancel
    stops before the next call to Xero. The rows come back with each ticked day's outcome in words; the
    journal is read after a stop too, so what was sent shows as sent."""
    chosen = ticked(rows)
    tills = tills_of(chosen)
    stopped: BaseException | None = None
    for index, till in enumerate(tills):
        keys = [DayKey(r.trading_date, r.location) for r in chosen if r.location == till]
        if on_till is not None:
            on_till(till, index, len(tills))
        try:
            checklists = days.run(keys, approve=approve, progress=progress, cancel=cancel, on_wait=on_wait)
        except Exception as problem:  # Cancelled, ReconnectNeeded…: what went in stays in; caller says why
            stopped = problem
            break
        if any(stops_every_till(card) for card in _attention_cards(checklists)):
            break  # the other tills' days would meet it too: they wait, untouched
    done = [
        replace(r, outcome=day_outcome(days, r.trading_date, r.location)) if r.ticked else r for r in rows
    ]
    if stopped is not None:
        raise CatchUpStopped(done, stopped)
    return done


def _attention_cards(checklists: Sequence[Checklist]) -> list[Explanation]:
    return [
        status.attention
        for checklist in checklists
        for status in checklist.steps
        if status.state is StepState.NEEDS_ATTENTION and isinstance(status.attention, Explanation)
    ]


class CatchUpStopped(Exception):
    """The catch-up stopped before its end (Cancel, or the connection needs signing in again): `rows` are
    the days' states as the journal has them, `reason` what stopped it."""

    def __init__(self, rows: list[CatchUpRow], reason: BaseException) -> None:
        super().__init__(str(reason))
        self.rows = rows
        self.reason = reason


def day_outcome(days: DayChecklistService, trading_date: date, location: str = "") -> str:
    """Where a day stands after a run, in a few words (outcome_words), as the journal has it."""
    facts = days.facts(trading_date, location)
    return outcome_words(work_out(facts), facts.waiting)


def outcome_words(checklist: Checklist, waiting: str = "") -> str:
    """One day's end in a few words: "sent", "sent as a draft", "needs attention: …", "not sent"; a day of
    a week held back by another day (weekly summaries, `waiting`: the day's DayFacts.waiting) says what it
    waits for: "Waits for Wed 21 Oct 2026, which needs you first"."""
    for status in checklist.steps:
        if status.state is StepState.NEEDS_ATTENTION:
            why = status.attention.title if isinstance(status.attention, Explanation) else status.reason
            return f"needs attention: {why.rstrip('.')}" if why else "needs attention"
    if checklist.is_finished:
        return "sent"
    if checklist[Step.SALES_SUMMARY].state is StepState.DONE:
        return "sent as a draft" if checklist[Step.APPROVE].state is StepState.READY else "sent, not finished"
    first = checklist[Step.SALES_SUMMARY]
    if first.state is StepState.NOT_STARTED and first.reason:
        if waiting and first.reason == waiting:
            return waits_briefly(waiting)
        return f"needs attention: {first.reason.rstrip('.')}"
    return "not sent"


# ---- importing a file's days ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayFound:
    """One day of an imported file and what was done with it."""

    day: Day
    done: FoundDay


def keep_days(days: DayChecklistService, found: Sequence[Day]) -> list[DayFound]:
    """Keep every day a file holds: new days and days not in Xero yet are kept (replacing the kept figures);
    days in Xero with the same figures are left alone; days in Xero with other figures are kept and offered
    for re-send (the owner decides; nothing is sent here)."""
    outcomes = []
    for day in sorted(found, key=lambda d: (d.date, d.location)):
        stands = where_it_stands(days, day.date, day.location)
        record = days.journal.record(days.organisation_id, day.date, day.location)
        same = record.invoice_fingerprint == day.fingerprint() if record.invoice_fingerprint else False
        done = what_to_do_with(stands, same)
        if done is not FoundDay.SAME_IN_XERO or stands is InXero.DIFFERENT:  # (back to what Xero holds)
            days.save_day(day)
        outcomes.append(DayFound(day, done))
    return outcomes


def found_words(found: Sequence[DayFound], shown: date | None = None) -> list[str]:
    """What importing a file did, in a few lines for the owner: which days it held, which were kept, which
    were left alone (already in Xero), which differ from Xero (offered for re-send)."""
    from xerohelper.core.dates import short_date

    if not found:
        return []

    def named(items: Sequence[DayFound]) -> str:
        return ", ".join(short_date(f.day.date) + (f" ({f.day.place})" if f.day.place else "") for f in items)

    kept = [f for f in found if f.done in (FoundDay.NEW, FoundDay.UPDATED)]
    same = [f for f in found if f.done is FoundDay.SAME_IN_XERO]
    different = [f for f in found if f.done is FoundDay.DIFFERENT_IN_XERO]
    count = "1 day" if len(found) == 1 else f"{len(found)} days"
    lines = [f"This file holds {count}: {named(found)}."]
    if kept and len(kept) < len(found):
        lines.append(f"Kept, ready to send: {named(kept)}.")
    if same:
        lines.append(f"Already in Xero with the same figures, left alone: {named(same)}.")
    if different:
        lines.append(
            f"Xero holds other figures for {named(different)}: open that day and choose "
            "“Send the corrected day again” to replace it (nothing is sent until you do)."
        )
    if shown is not None and all(f.day.date != shown for f in found):
        lines.append(f"It has no takings for {short_date(shown)}.")
    return lines
