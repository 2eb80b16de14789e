"""Xero's wire conventions and arithmetic, piece by piece (no server needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from xerohelper.sandbox import messages
from xerohelper.sandbox.totals import invoice_totals, line_amount, line_tax
from xerohelper.sandbox.where import QueryError, order_rows, where_filter
from xerohelper.sandbox.xero_wire import WireError, ms_date, ms_datetime, parse_date, to_json


def test_dates_go_out_as_utc_midnight_milliseconds():
    assert ms_date(date(2024, 5, 31)) == "/Date(1717113600000+0000)/"
    assert ms_datetime(datetime(2019, 11, 14, 18, 10, 38, 314000, tzinfo=UTC)) == "/Date(1573755038314+0000)/"


@pytest.mark.parametrize(
    "sent",
    [
        "/Date(1717113600000)/",
        "/Date(1717113600000+0000)/",
        "/Date(1717113600000+1200)/",
        "2024-05-31",
        "2024-05-31T00:00:00",
    ],
)
def test_dates_come_in_every_way_the_sdk_and_people_send_them(sent):
    assert parse_date(sent) == date(2024, 5, 31)


def test_an_unreadable_date_is_refused():
    with pytest.raises(WireError):
        parse_date("31/05/2024")


def test_json_keeps_decimals_exact_and_escapes_date_slashes():
    body = to_json(
        {"Total": Decimal("115.00"), "Tax": Decimal("-0.04"), "Date": "/Date(1717113600000+0000)/"}
    )
    assert body == b'{"Total":115.00,"Tax":-0.04,"Date":"\\/Date(1717113600000+0000)\\/"}'


def test_lines_round_half_away_from_zero_and_tax_is_per_line():
    assert line_amount(Decimal("3"), Decimal("1.235"), None) == Decimal("3.71")
    assert line_amount(Decimal("1"), Decimal("-0.005"), None) == Decimal("-0.01")
    assert line_amount(Decimal("2"), Decimal("10.00"), Decimal("12.5")) == Decimal("17.50")
    assert line_tax(Decimal("33.33"), Decimal("10"), "Inclusive") == Decimal("3.03")
    assert line_tax(Decimal("33.33"), Decimal("10"), "Exclusive") == Decimal("3.33")
    assert line_tax(Decimal("33.33"), Decimal("10"), "NoTax") == Decimal("0.00")


def test_totals_inclusive_and_exclusive():
    lines = [(Decimal("110.00"), Decimal("10.00")), (Decimal("5.50"), Decimal("0.50"))]
    assert invoice_totals(lines, "Inclusive") == (Decimal("105.00"), Decimal("10.50"), Decimal("115.50"))
    assert invoice_totals(lines, "Exclusive") == (Decimal("115.50"), Decimal("10.50"), Decimal("126.00"))


ROWS = [
    {
        "Name": "POS Sales",
        "Code": "200",
        "Type": "REVENUE",
        "Flag": True,
        "Date": "/Date(1717113600000+0000)/",
        "Contact": {"ContactID": "ABC"},
    },
    {
        "Name": "Cash Float",
        "Code": "091",
        "Type": "BANK",
        "Flag": False,
        "Date": "/Date(1717200000000+0000)/",
        "Contact": {"ContactID": "def"},
    },
]
FIELDS = {"Name", "Code", "Type", "Flag", "Date", "Contact"}


@pytest.mark.parametrize(
    ("where", "names"),
    [
        ('Type=="BANK"', ["Cash Float"]),
        ('type=="bank"', ["Cash Float"]),
        ('Type!="BANK" AND Flag==true', ["POS Sales"]),
        ('Type=="BANK" || Code=="200"', ["POS Sales", "Cash Float"]),
        ('Name.Contains("sales")', ["POS Sales"]),
        ('Name.ToLower()=="cash float"', ["Cash Float"]),
        ('Name.StartsWith("Cash")', ["Cash Float"]),
        ("Date>=DateTime(2024, 06, 01)", ["Cash Float"]),
        ('Contact.ContactID==Guid("abc")', ["POS Sales"]),
        ('!(Type=="BANK")', ["POS Sales"]),
    ],
)
def test_where_reads_xeros_little_language(where, names):
    keep = where_filter(where, "Account", FIELDS)
    assert [row["Name"] for row in ROWS if keep(row)] == names


def test_where_unknown_field_uses_xeros_words():
    with pytest.raises(QueryError) as problem:
        where_filter('Colour=="red"', "Account", FIELDS)
    assert str(problem.value) == "No property or field 'Colour' exists in type 'Account' (at index 0)"


def test_order_ascending_and_descending():
    assert [r["Code"] for r in order_rows(ROWS, "Code", "Account", FIELDS)] == ["091", "200"]
    assert [r["Code"] for r in order_rows(ROWS, "Date DESC", "Account", FIELDS)] == ["091", "200"]


def test_lock_dates_are_written_the_way_xero_writes_them():
    assert messages.lock_date_text(date(2018, 11, 30)) == "30-Nov-2018"
    assert messages.PERIOD_LOCKED.format(lock_date="30-Nov-2018") == (
        "The document date cannot be before the period lock date, currently set at 30-Nov-2018"
    )
