from datetime import date
from decimal import Decimal

import pytest

from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.core.money import money, money_text


def test_money_rounds_half_away_from_zero_and_refuses_floats():
    assert money("2.345") == Decimal("2.35")
    assert money("-2.345") == Decimal("-2.35")
    assert money(3) == Decimal("3.00")
    with pytest.raises(TypeError):
        money(0.1)
    with pytest.raises(ValueError):
        money("abc")
    with pytest.raises(ValueError):
        money("NaN")
    assert money_text(Decimal("-5")) == "-5.00"


def test_totals_and_difference_add_up():
    day = Day(
        date=date(2026, 11, 21),
        source="generic",
        sales=[
            SalesLine("Hardware", Decimal("100.00"), Decimal("15.00")),
            SalesLine("Hardware", Decimal("-10.00"), Decimal("-1.50"), kind=LineKind.REFUND),
        ],
        tenders=[Tender("Cash", Decimal("50")), Tender("EFTPOS", Decimal("53.00"))],
    )
    totals = day.totals
    assert (totals.net, totals.tax, totals.gross) == (Decimal("90.00"), Decimal("13.50"), Decimal("103.50"))
    assert totals.tendered == Decimal("103.00")
    assert totals.difference == Decimal("0.50")
    as_json = day.to_json_dict()
    assert as_json["totals"] == {
        "net": "90.00",
        "tax": "13.50",
        "gross": "103.50",
        "tendered": "103.00",
        "difference": "0.50",
    }
    assert as_json["sales"][1]["kind"] == "refund"
    assert as_json["date"] == "2026-11-21"


def test_problems_in_plain_words():
    empty = Day(date=date(2026, 11, 21), source="z-report")
    assert empty.problems() == ["There are no sales or payments for Saturday 21 November 2026."]
    twice = Day(date(2026, 11, 21), "z-report", tenders=[Tender("Cash", "1"), Tender("cash", "2")])
    assert "listed more than once" in twice.problems()[0]


def test_fingerprint_changes_when_figures_change():
    a = Day(date(2026, 11, 21), "generic", tenders=[Tender("Cash", "10.00")])
    b = Day(date(2026, 11, 21), "generic", tenders=[Tender("Cash", "10.01")])
    assert a.fingerprint() == Day(date(2026, 11, 21), "generic", tenders=[Tender("Cash", "10")]).fingerprint()
    assert a.fingerprint() != b.fingerprint()


def test_json_round_trip():
    day = Day(
        date(2026, 11, 21),
        "square-items",
        sales=[
            SalesLine("Coffee", "10.00", "1.50", tax_rate="GST 15%"),
            SalesLine("Coffee", "-1", "0", LineKind.DISCOUNT),
        ],
        tenders=[Tender("Cash", "10.50")],
        location="Main St",
    )
    assert Day.from_json_dict(day.to_json_dict()) == day
