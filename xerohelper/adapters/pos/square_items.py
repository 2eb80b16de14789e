"""Square's Item Detail export (Dashboard › Transactions › Export › Item Detail CSV): one row per item sold.

Sales lines come from `Category` (Square writes “None” for uncategorised items), `Net Sales`, `Discounts`
and `Tax`; refund rows (`Event Type` Refund, negative amounts) become refund lines. The export has no
tender columns, only the `Card Brand` of each sale, so tenders are the card brands (“Visa”, “MasterCard”…)
and “Cash or other” where no card was used; tips are not in this export at all. Column sets of 2017 (24
columns), May 2026 (33) and July 2026 (35) are all read, by name.
"""

from __future__ import annotations

from decimal import Decimal

from xerohelper.adapters.pos.columns import Column, Columns
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import DateOrder, period_in_file_name, trading_date
from xerohelper.adapters.pos.day_book import UNCATEGORISED, DayBook
from xerohelper.adapters.pos.problems import ValueProblem
from xerohelper.adapters.pos.text_file import Table
from xerohelper.core.dates import long_date
from xerohelper.core.day import Day, LineKind

FORMAT = "square-items"
VENDOR = "square"
TITLE = "Square Item Detail export"
COLUMNS = (
    Column("date", ("Date",)),
    Column("time", ("Time",), required=False),
    Column("zone", ("Time Zone",), required=False),
    Column("category", ("Category",)),
    Column("net", ("Net Sales",)),
    Column("discounts", ("Discounts",), required=False),
    Column("tax", ("Tax",)),
    Column("event", ("Event Type",), required=False),
    Column("location", ("Location",), required=False),
    Column("card_brand", ("Card Brand",), required=False),
)
SIGNATURE = frozenset({"date", "category", "item", "qty", "net sales", "tax", "transaction id"})
NOT_A_CARD = "Cash or other"


def card_tender(brands: str) -> str:
    """The tender for a Square `Card Brand` cell: the brand, “Card” for several brands, “” for none."""
    found = {b.strip().casefold(): b.strip() for b in brands.split(",") if b.strip()}
    if not found:
        return ""
    return next(iter(found.values())) if len(found) == 1 else "Card"


def period_note(file_name: str, book: DayBook) -> str | None:
    """Square names its exports after the period with the end date left out: say so, and which days it has."""
    period = period_in_file_name(file_name)
    if period is None or period[0] == period[1]:
        return None
    start, end = period
    note = (
        f"The file's name says {long_date(start)} to {long_date(end)}: Square leaves the end date out, "
        f"so the file covers up to the day before."
    )
    outside = [d for d in book.dates if not start <= d < end]
    if outside:
        note += f" It also has sales on {', '.join(long_date(d) for d in outside)}, which are included."
    return note


def read(table: Table, context: ReadContext) -> list[Day]:
    columns = Columns(table, COLUMNS, context.problems, TITLE)
    dates = columns.date_reader("date", context, default=DateOrder.MONTH_FIRST)
    book = DayBook(FORMAT)
    used_not_a_card = False
    for row in table.rows:
        cells = columns.cells(row)
        if cells is None:
            continue
        stamp = cells.stamp("date", dates, time_key="time")
        net, discounts, tax = cells.money("net"), cells.money("discounts"), cells.money("tax")
        if not cells.ok or stamp is None:
            continue
        try:
            day = trading_date(stamp, zone_name=cells.text("zone"), shop_zone=context.shop_zone)
        except ValueProblem as error:
            cells.fail("zone", error.problem, error.what_to_do)
            continue
        category = cells.text("category")
        if category.casefold() in ("", "none"):
            category = UNCATEGORISED
        location = cells.text("location")
        event = cells.text("event").casefold()
        if event == "refund" or (event not in ("", "payment") and net < 0):
            book.add_sale(day, category, net, tax, kind=LineKind.REFUND, location=location)
        else:
            book.add_sale(day, category, net + abs(discounts), tax, location=location)
            book.add_sale(
                day, category, -abs(discounts), Decimal(0), kind=LineKind.DISCOUNT, location=location
            )
        if columns.has("card_brand"):
            tender = card_tender(cells.text("card_brand"))
            used_not_a_card = used_not_a_card or not tender
            book.add_tender(day, tender or NOT_A_CARD, net + tax, location=location)
        else:
            book.touch(day, location=location)
    if columns.has("card_brand"):
        context.notes.append(
            "Square's Item Detail export shows only the card brand of each sale and has no tips"
            + (f", so sales without a card are shown as “{NOT_A_CARD}”" if used_not_a_card else "")
            + ". For the exact payments, import Square's Transactions export instead."
        )
    else:
        context.notes.append(
            "This Item Detail export doesn't say how the sales were paid, so the days have no payments. "
            "Import Square's Transactions export for the payments."
        )
    if note := period_note(context.file_name, book):
        context.notes.append(note)
    return book.days()
