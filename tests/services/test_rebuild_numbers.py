"""Which Xero documents are the shop's days: the invoice number the Mapping gives a day, its till and its
posting read back from the number (the shop's own tills first, so "Till 2" is not a second posting)."""

from __future__ import annotations

from datetime import date

import pytest

from xerohelper.core.mapping import Mapping, Tracking
from xerohelper.services.journal_rebuild import _day_of, since_for

DAY = date(2026, 11, 21)
TILLS = Mapping(tracking=Tracking("Till", {"Till 2": "Till 2", "Harbour St": "Front"}))


@pytest.mark.parametrize(
    ("number", "mapping", "expected"),
    [
        ("POS-20261121", Mapping(), ("", 1)),
        ("POS-20261121-2", Mapping(), ("", 2)),
        ("POS-20261121-12", Mapping(), ("", 12)),
        ("POS-20261120", Mapping(), None),  # another day's number on this day's invoice
        ("INV-0042", Mapping(), None),
        ("POS-20261121-", Mapping(), None),
        ("pos-20261121", Mapping(), None),  # numbers are compared as written
        ("POS-20261121-TILL-2", TILLS, ("Till 2", 1)),
        ("POS-20261121-TILL-2-3", TILLS, ("Till 2", 3)),
        ("POS-20261121-HARBOUR-ST", TILLS, ("Harbour St", 1)),
        ("POS-20261121-BACK-ROOM", TILLS, ("BACK-ROOM", 1)),  # a till the Mapping doesn't name: its code
        ("SALES/21-11-2026", Mapping(invoice_number_pattern="SALES/{dd}-{mm}-{yyyy}"), ("", 1)),
        ("21112026-FRONT", Mapping(invoice_number_pattern="{dd}{mm}{yyyy}-{location}"), ("FRONT", 1)),
    ],
)
def test_a_number_says_its_day_till_and_posting(number, mapping, expected):
    places = tuple(mapping.tracking.option_by_location) if mapping.tracking else ()
    assert _day_of(number, DAY, mapping, places) == expected


@pytest.mark.parametrize(
    ("today", "since"),
    [
        (date(2026, 12, 6), date(2026, 9, 1)),
        (date(2026, 3, 31), date(2025, 12, 1)),
        (date(2027, 1, 1), date(2026, 10, 1)),
    ],
)
def test_the_rebuild_covers_the_three_months_before_this_one(today, since):
    assert since_for(today) == since
    assert (today - since).days > 62  # catch-up's window, with room to spare
