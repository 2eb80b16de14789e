"""Typing the Z-report totals: the shop's names are listed, the balance is said as you type, and Save says
exactly what to correct (and where) before a day is made."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.ui.z_report_dialog import ZReportDialog

DAY = date(2026, 11, 21)
CATEGORIES = ("Hardware & tools", "Paint")
TENDERS = ("Cash", "EFTPOS")


def open_dialog(qtbot, trading_date=DAY, today=DAY, day=None) -> ZReportDialog:
    dialog = ZReportDialog(trading_date, CATEGORIES, TENDERS, today=today, day=day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, dialog: ZReportDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_shops_names_are_listed_ready_for_amounts(qtbot):
    dialog = open_dialog(qtbot)
    assert [r.category.currentText() for r in dialog.sales_rows] == list(CATEGORIES)
    assert [r.name.currentText() for r in dialog.tender_rows] == list(TENDERS)
    assert (
        dialog.findChild(type(dialog.balance_label), "z_title").text()
        == "Totals for Saturday 21 November 2026"
    )
    assert dialog.balance_label.text() == "The sales and payments are added up here as you type."


def test_a_good_report_makes_the_day(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.sales_rows[0].net, "1000")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "100")
    discount = dialog.add_sales_row("Paint", LineKind.DISCOUNT)
    qtbot.keyClicks(discount.gross, "22.00")
    qtbot.keyClicks(discount.tax, "2.00")
    qtbot.keyClicks(dialog.tender_rows[0].amount, "$1,078.00")
    assert dialog.balance_label.text() == "Sales and payments both come to $1,078.00."

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        save(qtbot, dialog)
    day = dialog.day
    assert day.date == DAY and day.source == "z-report"
    assert day.sales == (
        SalesLine("Hardware & tools", Decimal("1000.00"), Decimal("100.00")),
        SalesLine("Paint", Decimal("-20.00"), Decimal("-2.00"), kind=LineKind.DISCOUNT),
    )
    assert day.tenders == (Tender("Cash", Decimal("1078.00")),)  # EFTPOS left empty: not part of the day


def test_an_amount_that_isnt_one_is_pointed_at(qtbot):
    dialog = open_dialog(qtbot)
    row = dialog.sales_rows[1]
    qtbot.keyClicks(row.net, "12.345")
    qtbot.keyClicks(row.tax, "1")
    qtbot.keyClicks(dialog.tender_rows[0].amount, "13.35")
    save(qtbot, dialog)

    assert dialog.isVisible() and dialog.day is None
    assert dialog.problems_box.isVisible()
    assert (
        "Before tax of “Paint”: an amount has at most 2 decimal places (cents)."
        in dialog.problems_label.text()
    )
    assert row.net.toolTip().startswith("The net of “Paint”")
    assert "border" in row.net.styleSheet()
    assert dialog.focusWidget() is row.net  # the first thing to correct


def test_two_of_before_tax_tax_and_total_are_needed(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.sales_rows[0].gross, "55.00")
    qtbot.keyClicks(dialog.tender_rows[1].amount, "55")
    save(qtbot, dialog)
    assert dialog.day is None
    assert (
        "For “Hardware & tools”, type at least two of: before tax, tax, and total with tax"
        in dialog.problems_label.text()
    )


def test_figures_that_dont_add_up_are_explained(qtbot):
    dialog = open_dialog(qtbot)
    row = dialog.sales_rows[0]
    qtbot.keyClicks(row.net, "100")
    qtbot.keyClicks(row.tax, "10")
    qtbot.keyClicks(row.gross, "120")
    save(qtbot, dialog)
    assert "100.00 before tax plus 10.00 tax is 110.00, but the total typed is 120.00" in (
        dialog.problems_label.text()
    )


def test_a_payment_needs_its_type_and_nothing_typed_is_not_a_day(qtbot):
    dialog = open_dialog(qtbot)
    save(qtbot, dialog)
    assert "Type the day's sales and payments from the Z report." in dialog.problems_label.text()

    extra = dialog.add_tender_row()
    qtbot.keyClicks(extra.amount, "5")
    save(qtbot, dialog)
    assert "Payment row 1 needs the payment type (Cash, EFTPOS…)." in dialog.problems_label.text()
    assert extra.name.toolTip().startswith("Payment row 1 needs")


def test_a_day_in_the_future_is_refused(qtbot):
    dialog = open_dialog(qtbot, trading_date=DAY + timedelta(days=1), today=DAY)
    qtbot.keyClicks(dialog.sales_rows[0].net, "10")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "1")
    qtbot.keyClicks(dialog.tender_rows[0].amount, "11")
    save(qtbot, dialog)
    assert "Sunday 22 November 2026 is in the future: choose the day of the report." in (
        dialog.problems_label.text()
    )


def test_the_difference_is_said_as_you_type(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.sales_rows[0].gross, "112.40")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "0")
    qtbot.keyClicks(dialog.tender_rows[0].amount, "100")
    assert dialog.balance_label.text() == (
        "Sales $112.40, payments $100.00: they differ by $12.40. Check the Z report if they should match."
    )


def test_a_day_already_typed_comes_back_to_be_corrected(qtbot):
    day = Day(
        DAY,
        "z-report",
        sales=(
            SalesLine("Paint", Decimal("50.00"), Decimal("5.00")),
            SalesLine("Paint", Decimal("-10.00"), Decimal("-1.00"), kind=LineKind.REFUND),
        ),
        tenders=(Tender("EFTPOS", Decimal("44.00")),),
    )
    dialog = open_dialog(qtbot, day=day)
    texts = [(r.category.currentText(), r.line_kind(), r.net.text(), r.tax.text()) for r in dialog.sales_rows]
    assert texts[:2] == [
        ("Paint", LineKind.SALE, "50.00", "5.00"),
        ("Paint", LineKind.REFUND, "10.00", "1.00"),
    ]
    assert ("Hardware & tools", LineKind.SALE, "", "") in texts
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        save(qtbot, dialog)
    assert dialog.day.totals == day.totals


def test_counted_cash_and_the_float_work_out_the_cash_taken(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.sales_rows[0].gross, "330.00")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "30")
    qtbot.keyClicks(dialog.tender_rows[1].amount, "200.00")  # EFTPOS
    qtbot.keyClicks(dialog.counted_cash, "330.05")
    qtbot.keyClicks(dialog.cash_float, "200")
    assert dialog.cash_taken_label.text() == "Cash taken: $130.05 (counted less the float)"
    assert "differ by $0.05" in dialog.balance_label.text()

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        save(qtbot, dialog)
    assert sorted((t.name, t.amount) for t in dialog.day.tenders) == [
        ("Cash", Decimal("130.05")),
        ("EFTPOS", Decimal("200.00")),
    ]
    assert dialog.day.till_difference == Decimal("0.05")  # over by 5 cents: the day card asks the owner


def test_a_cash_row_that_disagrees_with_the_count_is_pointed_at(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.sales_rows[0].gross, "110.00")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "10")
    qtbot.keyClicks(dialog.tender_rows[0].amount, "100.00")  # Cash typed…
    qtbot.keyClicks(dialog.counted_cash, "310.00")  # …and counted: 110.00 taken
    qtbot.keyClicks(dialog.cash_float, "200.00")
    save(qtbot, dialog)
    assert dialog.day is None and dialog.problems_box.isVisible()
    assert "cash counted less the float is 110.00" in dialog.problems_label.text()
    assert dialog.tender_rows[0].amount.toolTip()
