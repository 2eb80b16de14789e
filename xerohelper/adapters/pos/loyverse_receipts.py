"""Loyverse's Receipts export (Back office › Receipts › Export): one row per receipt.

Each receipt's `Total collected` goes to its `Payment type` (Cash, Card, Transfer…); the sales line is
“Sales” (the receipts export has no categories) with the receipt's `Taxes`, and its `Discounts` as a
discount line. `Receipt type` Refund rows (negative totals) make refund lines; `Status` Cancelled receipts
are left out. The date follows the account's country (`7/28/26 1:33 PM`, `01/10/2026 23:50`): the order of
day and month is worked out for the whole file. `Store` is the location.
"""

from __future__ import annotations

from itertools import islice

from xerohelper.adapters.pos.columns import Column, Columns
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import DateOrder, trading_date
from xerohelper.adapters.pos.day_book import DayBook
from xerohelper.adapters.pos.text_file import Table
from xerohelper.core.day import Day, LineKind

FORMAT = "loyverse-receipts"
VENDOR = "loyverse"
TITLE = "Loyverse Receipts export"
COLUMNS = (
    Column("date", ("Date",)),
    Column("type", ("Receipt type",)),
    Column("discounts", ("Discounts",), required=False),
    Column("taxes", ("Taxes",), required=False),
    Column("total", ("Total collected",)),
    Column("payment", ("Payment type",)),
    Column("store", ("Store",), required=False),
    Column("status", ("Status",), required=False),
)
SIGNATURE = frozenset({"date", "receipt number", "receipt type", "total collected", "payment type"})
SALES = "Sales"


def read(table: Table, context: ReadContext) -> list[Day]:
    columns = Columns(table, COLUMNS, context.problems, TITLE)
    default = DateOrder.MONTH_FIRST if any(
        v.rstrip().upper().endswith(("AM", "PM")) for v in islice(columns.values("date"), 20)
    ) else DateOrder.DAY_FIRST  # fmt: skip
    dates = columns.date_reader("date", context, default=default)
    book = DayBook(FORMAT)
    cancelled = 0
    split = set()
    for row in table.rows:
        cells = columns.cells(row)
        if cells is None:
            continue
        if cells.text("status").casefold() in ("cancelled", "canceled"):
            cancelled += 1
            continue
        stamp = cells.stamp("date", dates)
        total, taxes, discounts = (
            cells.money("total", required=True),
            cells.money("taxes"),
            cells.money("discounts"),
        )
        receipt_type = cells.text("type").casefold()
        if receipt_type not in ("sale", "refund"):
            cells.fail(
                "type",
                "this receipt type isn't known (it should be Sale or Refund)",
                "Export the receipts again from Loyverse and import that file.",
            )
        payment = cells.text("payment") or "Other"
        if not cells.ok or stamp is None:
            continue
        day = trading_date(stamp, shop_zone=context.shop_zone)
        location = cells.text("store")
        if "," in payment:
            split.add(payment)
        if receipt_type == "refund":
            total, taxes = -abs(total), -abs(taxes)
            book.add_sale(day, SALES, total - taxes, taxes, kind=LineKind.REFUND, location=location)
        else:
            book.add_sale(day, SALES, total - taxes + abs(discounts), taxes, location=location)
            book.add_sale(day, SALES, -abs(discounts), kind=LineKind.DISCOUNT, location=location)
        book.add_tender(day, payment, total, location=location)
    if cancelled:
        context.notes.append(
            f"{cancelled} cancelled receipt{'s were' if cancelled > 1 else ' was'} left out."
        )
    for payment in sorted(split):
        context.notes.append(
            f"Some receipts were paid with several payment types (“{payment}”) and the export doesn't say "
            "how much each; they are shown as one payment type. Check them against your till."
        )
    return book.days()
