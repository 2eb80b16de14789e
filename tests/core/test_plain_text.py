"""Names shown to the owner carry no control or format characters."""

from __future__ import annotations

import pytest

from xerohelper.core.connection import Organisation
from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.core.plain_text import shown_name


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Coffee", "Coffee"),
        ("Café – Pâtisserie", "Café – Pâtisserie"),
        ("\x1b[2JCoffee", "[2JCoffee"),  # the escape goes; the rest is harmless text
        ("Ca\x08\x08sh", "Cash"),
        ("Visa\u202e", "Visa"),  # a right-to-left override would reverse what follows it
        ("Gift\tcards\r\nsold", "Gift cards sold"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_shown_name(text, shown):
    assert shown_name(text) == shown


def test_a_day_and_an_organisation_keep_only_names_that_can_be_shown():
    day = Day(
        date=__import__("datetime").date(2026, 11, 21),
        source="generic",
        sales=(SalesLine("\x1b]0;owned\x07Coffee", 10, 1),),
        tenders=(Tender("Cash\x00", 11),),
        location="Front\u202etill",
    )
    assert (day.sales[0].category, day.tenders[0].name, day.location) == (
        "]0;ownedCoffee",
        "Cash",
        "Fronttill",
    )
    assert Organisation("t", "Harbour\x1b[31m Street", "!x").name == "Harbour[31m Street"


def test_names_read_from_xero_are_shown_plainly_too():
    from decimal import Decimal

    from xerohelper.core.organisation_setup import AccountInfo, TaxRateInfo

    assert AccountInfo("200", "Sales\x1b[5m", "REVENUE", "ACTIVE", False).name == "Sales[5m"
    assert TaxRateInfo("OUTPUT2", "GST\u202e 15%", Decimal(15), "ACTIVE").name == "GST 15%"
