"""Square's Transactions export (Dashboard › Transactions › Export › Transactions CSV): one row per payment
or refund, with every tender of the payment in its own column.

Sales lines per row: “Sales” (net sales before discounts, with the tax), its discounts, “Service charges”,
“Gift card sales”, “Tips”, and partial refunds; a refund row (`Event Type` Refund) makes refund lines. Net
Sales is the anchor, so the Australian definition (gross including GST) adds up too. Tenders: `Card`
(named by its `Card Brand` when there is one brand), `Cash`, `Square Gift Card`, `Installment`, `Other
Tender` (named by `Other Tender Type`) and `Cash App`. Square's fees are not takings and are left out.
Column sets of 2017 (37), 2018 (44), 2022 (41) and today (55) are read by name; `($0.06)` and `-$0.95`
are both negative, Excel's `"$1,149.00 "` is read too.
"""

from __future__ import annotations

from xerohelper.adapters.pos.columns import Column, Columns
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import DateOrder, trading_date
from xerohelper.adapters.pos.day_book import DayBook
from xerohelper.adapters.pos.problems import ValueProblem
from xerohelper.adapters.pos.square_items import card_tender, period_note
from xerohelper.adapters.pos.text_file import Table
from xerohelper.core.day import Day, LineKind

FORMAT = "square-transactions"
VENDOR = "square"
TITLE = "Square Transactions export"
COLUMNS = (
    Column("date", ("Date",)),
    Column("time", ("Time",), required=False),
    Column("zone", ("Time Zone",), required=False),
    Column("discounts", ("Discounts",), required=False),
    Column("service_charges", ("Service Charges",), required=False),
    Column("net", ("Net Sales",)),
    Column("gift_card_sales", ("Gift Card Sales",), required=False),
    Column("tax", ("Tax",)),
    Column("tip", ("Tip",), required=False),
    Column("partial_refunds", ("Partial Refunds",), required=False),
    Column("card", ("Card",)),
    Column("cash", ("Cash",)),
    Column("square_gift_card", ("Square Gift Card",), required=False),
    Column("installment", ("Installment",), required=False),
    Column("other_tender", ("Other Tender",), required=False),
    Column("other_tender_type", ("Other Tender Type",), required=False),
    Column("cash_app", ("Cash App",), required=False),
    Column("card_brand", ("Card Brand",), required=False),
    Column("event", ("Event Type",), required=False),
    Column("location", ("Location",), required=False),
)
SIGNATURE = frozenset({"date", "net sales", "total collected", "card", "cash", "transaction id"})
SALES = "Sales"
_OTHER_LINES = (
    ("service_charges", "Service charges"),
    ("gift_card_sales", "Gift card sales"),
    ("tip", "Tips"),
)
_FIXED_TENDERS = (
    ("cash", "Cash"),
    ("square_gift_card", "Square Gift Card"),
    ("installment", "Installment"),
    ("cash_app", "Cash App"),
)


def read(table: Table, context: ReadContext) -> list[Day]:
    columns = Columns(table, COLUMNS, context.problems, TITLE)
    dates = columns.date_reader("date", context, default=DateOrder.MONTH_FIRST)
    book = DayBook(FORMAT)
    for row in table.rows:
        cells = columns.cells(row)
        if cells is None:
            continue
        stamp = cells.stamp("date", dates, time_key="time")
        net, discounts, tax = cells.money("net"), cells.money("discounts"), cells.money("tax")
        others = [(name, cells.money(key)) for key, name in _OTHER_LINES]
        partial_refunds = cells.money("partial_refunds")
        tenders = [(card_tender(cells.text("card_brand")) or "Card", cells.money("card"))]
        tenders += [(name, cells.money(key)) for key, name in _FIXED_TENDERS]
        tenders.append((cells.text("other_tender_type") or "Other", cells.money("other_tender")))
        if not cells.ok or stamp is None:
            continue
        try:
            day = trading_date(stamp, zone_name=cells.text("zone"), shop_zone=context.shop_zone)
        except ValueProblem as error:
            cells.fail("zone", error.problem, error.what_to_do)
            continue
        location = cells.text("location")
        service_charges = others[0][1]
        goods = net - service_charges  # Net Sales includes service charges
        if cells.text("event").casefold() == "refund":
            book.add_sale(day, SALES, goods, tax, kind=LineKind.REFUND, location=location)
            for name, amount in others:
                book.add_sale(day, name, amount, kind=LineKind.REFUND, location=location)
        else:
            book.add_sale(day, SALES, goods + abs(discounts), tax, location=location)
            book.add_sale(day, SALES, -abs(discounts), kind=LineKind.DISCOUNT, location=location)
            for name, amount in others:
                book.add_sale(day, name, amount, location=location)
        book.add_sale(day, SALES, partial_refunds, kind=LineKind.REFUND, location=location)
        for name, amount in tenders:
            if amount:
                book.add_tender(day, name, amount, location=location)
        book.touch(day, location=location)
    context.notes.append("Square's fees are not part of the takings, so they are left out.")
    if note := period_note(context.file_name, book):
        context.notes.append(note)
    return book.days()
