"""Typing the Z-report totals by hand: what the owner types becomes a Day, or plain words say what to fix."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from xerohelper.core.day import LineKind
from xerohelper.core.z_report import AmountTextError, ZReport, ZReportNotReady, read_amount

DAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1234.5", "1234.50"), ("1,234.50", "1234.50"), ("$1,234.50", "1234.50"), ("-5", "-5.00"),
     ("(5.00)", "-5.00"), ("-$5", "-5.00"), ("$-5", "-5.00"), (" 0 ", "0.00"), (".5", "0.50"),
     ("7.", "7.00")],
)  # fmt: skip
def test_amounts_as_people_type_them(typed, expected):
    assert read_amount(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "words"),
    [("12.345", "at most 2 decimal places"), ("abc", "isn't an amount"), ("1,23", "isn't an amount"),
     (".", "isn't an amount"), ("1e5", "isn't an amount"), ("999999999999", "too large")],
)  # fmt: skip
def test_what_is_not_an_amount(typed, words):
    with pytest.raises(AmountTextError, match=words):
        read_amount(typed)
    assert read_amount("   ") is None


def typical() -> ZReport:
    z = ZReport(DAY)
    z.add_sales("Hardware", net="100.00", tax="15.00", tax_rate="GST 15%")
    z.add_sales("Garden", gross="57.50", tax="7.50", tax_rate="GST 15%")  # net worked out: 50.00
    z.add_sales("Hardware", net="10", gross="11.50", kind=LineKind.REFUND)  # typed positive, taken off
    z.add_sales("Garden", net="5", tax="0", kind=LineKind.DISCOUNT)
    z.add_tender("Cash", "41.00")
    z.add_tender("EFTPOS", "100.00")
    return z


def test_a_typical_z_report_becomes_a_day():
    z = typical()
    assert z.problems(today=DAY) == []
    day = z.to_day(today=DAY)
    assert day.source == "z-report" and day.date == DAY
    assert [(s.category, s.kind, s.net, s.tax) for s in day.sales] == [
        ("Hardware", LineKind.SALE, Decimal("100.00"), Decimal("15.00")),
        ("Garden", LineKind.SALE, Decimal("50.00"), Decimal("7.50")),
        ("Hardware", LineKind.REFUND, Decimal("-10.00"), Decimal("-1.50")),
        ("Garden", LineKind.DISCOUNT, Decimal("-5.00"), Decimal("0.00")),
    ]
    # 115.00 + 57.50 - 11.50 - 5.00 = 156.00 of sales; 141.00 of payments
    assert day.to_json_dict()["totals"] == {
        "net": "135.00", "tax": "21.00", "gross": "156.00", "tendered": "141.00", "difference": "15.00",
    }  # fmt: skip
    assert z.balance() == "Sales come to 156.00 and payments to 141.00: 15.00 more in sales than payments."


def test_balanced_and_blank_rows():
    z = ZReport(DAY)
    z.add_sales("Coffee", net="10", tax="1.5")
    z.add_sales("")  # a blank row of the form is ignored
    z.add_tender("Cash", "11.50")
    z.add_tender("", "")
    assert z.problems() == []
    assert z.balance() == "Sales and payments both come to 11.50."


def test_problems_point_at_the_row_and_field_in_plain_words():
    z = ZReport(None)
    z.add_sales("", net="10", tax="1")
    z.add_sales("Coffee", net="ten", tax="1")
    z.add_sales("Tea", net="10")
    z.add_sales("Cake", net="10", tax="1.50", gross="12.00")
    z.add_sales("Bread", net="1.00", tax="5.00")
    z.add_tender("Cash", "")
    z.add_tender("", "5")
    z.add_tender("cash", "5")
    z.add_tender("EFTPOS", "5,5")
    found = [(p.part, p.row, p.field, p.message) for p in z.problems()]
    assert found == [
        ("date", None, "day", "Choose the day these totals are for."),
        ("sales", 1, "category", "Sales row 1 needs the name of its category."),
        ("sales", 2, "net", "The net of “Coffee”: this isn't an amount (type it like 1234.50)."),
        ("sales", 3, "tax", "For “Tea”, type at least two of: before tax, tax, and total with tax "
                            "(type 0 for the tax when there is none)."),
        ("sales", 4, "gross", "For “Cake”, 10.00 before tax plus 1.50 tax is 11.50, but the total typed is "
                              "12.00. Correct one of the three."),
        ("sales", 5, "tax", "For “Bread”, the tax (5.00) is more than the sales before tax (1.00). "
                            "Check that each figure is in its own box."),
        ("tenders", 1, "amount", "Type the amount taken by “Cash” (0 if none)."),
        ("tenders", 2, "name", "Payment row 2 needs the payment type (Cash, EFTPOS…)."),
        ("tenders", 4, "amount", "The amount of “EFTPOS”: this isn't an amount (type it like 1234.50)."),
    ]  # fmt: skip
    with pytest.raises(ZReportNotReady) as not_ready:
        z.to_day()
    assert len(not_ready.value.problems) == len(found)


def test_the_same_tender_twice_and_a_future_day_and_nothing_typed():
    z = ZReport(date(2026, 11, 22))
    z.add_tender("Cash", "5")
    z.add_tender("CASH", "6")
    messages = [p.message for p in z.problems(today=DAY)]
    assert messages == [
        "Sunday 22 November 2026 is in the future: choose the day of the report.",
        "“CASH” is already on payment row 1: add the amounts together on one row.",
    ]
    assert [p.message for p in ZReport(DAY).problems()] == [
        "Type the day's sales and payments from the Z report."
    ]


def test_counted_cash_less_the_float_is_the_cash_taken():
    z = ZReport(DAY)
    z.add_sales("Coffee", net="100", tax="15")
    z.add_tender("EFTPOS", "80.00")
    z.counted_cash, z.cash_float = "235.00", "200"
    assert z.cash_takings() == Decimal("35.00")
    day = z.to_day(today=DAY)
    assert [(t.name, t.amount) for t in day.tenders] == [
        ("EFTPOS", Decimal("80.00")),
        ("Cash", Decimal("35.00")),
    ]
    assert day.till_difference == Decimal("0.00")

    z.add_tender("Cash", "40.00")  # typed as well, and it disagrees with the count
    (problem,) = z.problems(DAY)
    assert (problem.part, problem.row, problem.field) == ("tenders", 2, "amount")
    assert "cash counted less the float is 35.00" in problem.message

    z.tenders.pop()
    z.counted_cash = "lots"
    (problem,) = z.problems(DAY)
    assert problem.part == "cash" and problem.field == "counted_cash" and "cash counted" in problem.message
