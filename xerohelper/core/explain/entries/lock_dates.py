"""The catalogue's entries about locked periods (the lock dates your accountant sets)."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import TRY_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.PERIOD)

ENTRIES: tuple[Entry, ...] = (
    # ---- lock dates ----------------------------------------------------------------------------------------
    _entry(
        "day-is-locked",
        r"cannot be before the (?P<lock_kind>period|end of year) lock date(?:,? currently set at "
        r"(?P<lock_date>\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{4}|[\d/.-]+))?",
        title="The day falls in a period that is locked in Xero",
        what="Xero won't add anything dated on or before {lock_date|its lock date}, and this day falls "
        "inside that locked period.",
        why="Your accountant or bookkeeper locks periods once a month or year is finished, so the figures "
        "can't change any more.",
        steps=(
            "Ask your accountant or bookkeeper whether this day may still be added.",
            "If so, they (or you, with the Adviser role) move the lock date in Xero: Accounting > Advanced > "
            "Financial settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="financial_settings",
        stage=S.PERIOD,
        priority=0,
    ),
    _entry(
        "invoice-is-locked",
        r"dated before (the )?end of year lock date",
        title="This invoice can't change: its date is in a locked period",
        what="Xero won't change {where|the day's invoice} because it is dated inside a period that is "
        "locked.",
        why="Your accountant or bookkeeper locks periods once a month or year is finished, so the figures "
        "can't change any more.",
        steps=(
            "Ask your accountant or bookkeeper whether this day may still be changed.",
            "If so, they move the lock date in Xero: Accounting > Advanced > Financial settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="financial_settings",
        stage=S.PERIOD,
        priority=1,
    ),
)
