"""xerohelper's own day file: for any till, one row per sales category and tax rate, one row per tender.

    Date,Type,Name,Tax rate,Net,Tax,Amount
    2026-11-21,sale,Coffee,GST 15%,434.78,65.22,
    2026-11-21,tender,Cash,,,,212.60

The layout is documented for owners in xerohelper/resources/generic-day-format.md; the template is
xerohelper/resources/generic-day-template.csv. `write_generic_csv` writes days back in the same layout.
"""

from __future__ import annotations

import csv
import io

from xerohelper.adapters.pos.columns import Column, Columns
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import DateOrder
from xerohelper.adapters.pos.day_book import DayBook
from xerohelper.adapters.pos.text_file import Table
from xerohelper.core.day import Day, LineKind
from xerohelper.core.money import money_text

FORMAT = "generic"
VENDOR = "generic"
TITLE = "day file (xerohelper's generic CSV)"
COLUMNS = (
    Column("date", ("Date",)),
    Column("type", ("Type",)),
    Column("name", ("Name",)),
    Column("tax_rate", ("Tax rate",), required=False),
    Column("net", ("Net",)),
    Column("tax", ("Tax",)),
    Column("amount", ("Amount",)),
    Column("location", ("Location",), required=False),
)
SIGNATURE = frozenset({"date", "type", "name", "net", "tax", "amount"})
HEADER = ("Date", "Type", "Name", "Tax rate", "Net", "Tax", "Amount")

_TENDER = "tender"
_TYPES = {
    "sale": LineKind.SALE,
    "sales": LineKind.SALE,
    "discount": LineKind.DISCOUNT,
    "refund": LineKind.REFUND,
    "tender": _TENDER,
    "payment": _TENDER,
}
_TYPE_HELP = "The Type must be one of: sale, discount, refund, tender. Correct it and import again."


def read(table: Table, context: ReadContext) -> list[Day]:
    columns = Columns(table, COLUMNS, context.problems, TITLE)
    dates = columns.date_reader("date", context, default=DateOrder.DAY_FIRST)
    book = DayBook(FORMAT)
    for row in table.rows:
        cells = columns.cells(row)
        if cells is None:
            continue
        stamp = cells.stamp("date", dates)
        kind = _TYPES.get(cells.text("type").casefold())
        if kind is None:
            cells.fail("type", "this type of row isn't known", _TYPE_HELP)
        name = cells.text("name")
        if not name:
            cells.fail(
                "name",
                "the name is missing",
                "Write the sales category (for a sale, discount or refund) or the payment type "
                "(for a tender), then import again.",
            )
        location = cells.text("location")
        if kind == _TENDER:
            misplaced = next((key for key in ("net", "tax") if cells.text(key)), None)
            if misplaced:
                cells.fail(
                    misplaced,
                    "a tender row has its amount in the Amount column, not in Net or Tax",
                    "Move the figure to the Amount column and import again.",
                )
                continue
            amount = cells.money("amount", required=True)
            if cells.ok and stamp is not None:
                book.add_tender(stamp.day, name, amount, location=location)
            continue
        if cells.text("amount"):
            cells.fail(
                "amount",
                "a sales row has its figures in the Net and Tax columns, not in Amount",
                "Move the amount before tax to Net and the tax to Tax, then import again.",
            )
            continue
        net = cells.money("net", required=True)
        tax = cells.money("tax")
        if kind in (LineKind.DISCOUNT, LineKind.REFUND):  # taken off the day's sales, whichever sign written
            net, tax = -abs(net), -abs(tax)
        if cells.ok and stamp is not None and isinstance(kind, LineKind):
            book.add_sale(
                stamp.day, name, net, tax, kind=kind, tax_rate=cells.text("tax_rate"), location=location
            )
    return book.days()


def write_generic_csv(days: list[Day]) -> str:
    """The days in the generic layout (what `read` reads back to the same days)."""
    with_location = any(day.location for day in days)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER + (("Location",) if with_location else ()))
    for day in days:
        extra = (day.location,) if with_location else ()
        for line in day.sales:
            writer.writerow(
                (day.date.isoformat(), line.kind.value, line.category, line.tax_rate,
                 money_text(line.net), money_text(line.tax), "", *extra)
            )  # fmt: skip
        for tender in day.tenders:
            writer.writerow(
                (day.date.isoformat(), _TENDER, tender.name, "", "", "", money_text(tender.amount), *extra)
            )
    return out.getvalue()
