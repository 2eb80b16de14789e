"""The catalogue of Xero's messages, one module per topic (entry.py says how an entry is written).

ENTRIES recognise Xero's messages word for word; FALLBACKS guess from what an unknown message mentions;
UNKNOWN is the honest card for a message nobody knows. Which of several fitting entries wins is decided
by topics.PRECEDENCE (see matching.py), not by the order of these modules.
"""

from __future__ import annotations

from xerohelper.core.explain.entries import (
    accounts,
    connection,
    contacts,
    invoice,
    limits_and_outages,
    lock_dates,
    no_answer,
    payments,
    support,
    tax_and_currency,
)
from xerohelper.core.explain.entries.entry import Entry, Text
from xerohelper.core.explain.entries.fallbacks import FALLBACKS, NOTHING_WRONG, UNKNOWN

ENTRIES: tuple[Entry, ...] = (
    *connection.ENTRIES,
    *limits_and_outages.ENTRIES,
    *no_answer.ENTRIES,
    *contacts.ENTRIES,
    *accounts.ENTRIES,
    *tax_and_currency.ENTRIES,
    *lock_dates.ENTRIES,
    *invoice.ENTRIES,
    *payments.ENTRIES,
    *support.ENTRIES,
)

ALL_ENTRIES: dict[str, Entry] = {e.key: e for e in (*ENTRIES, *FALLBACKS, UNKNOWN, NOTHING_WRONG)}

__all__ = ["ALL_ENTRIES", "ENTRIES", "FALLBACKS", "NOTHING_WRONG", "UNKNOWN", "Entry", "Text"]
