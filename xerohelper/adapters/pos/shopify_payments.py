"""Shopify Payments' transactions export (Shopify admin › Finances › Payouts › Export): one row per card
charge or refund, online and at the Shopify POS (`Card Source` stripe_terminal).

Card money only: cash taken at a Shopify POS is not in this export, and the export doesn't split out
tax: amounts include it, so the lines are marked tax-included and Xero works the tax out from each
category's tax rate (never sent as tax-free net). Sales lines are per `Card Source` (“Shopify POS”,
“Shopify online store”…), tenders per `Card Brand` (“Visa”, “Mastercard”…). The day is the date in
`Transaction Date`, which Shopify writes in the shop's own time zone (`-0400`).

What `Type` holds, and where that is known from:
* `charge` (a sale) and `refund` (negative) — the real export in the samples (June 2025, 1,593 rows, only
  these two), and Shopify's balance-transaction types (shopify.dev, REST Admin “Transactions”: charge,
  refund, dispute, reserve, adjustment, credit, debit, payout, payout_failure, payout_cancellation).
* `shop_cash_credit` — Shop Cash the buyer spent, paid to the shop by Shopify (Shopify Help Center, “Prepare
  your systems for Shop Cash”: “one shop_cash_credit row can represent multiple orders”). It is takings: a
  sale paid with the “Shop Cash” tender, in the online store (Shop Cash is spent only in the Shop app and
  on Shop on the web). Shopify settles Shop Cash in batches four times a day (00:00, 06:00, 12:00, 18:00
  Eastern), so the row's date is the batch's: a late order's Shop Cash can come on the next day; a note
  says so. No real export with such a row has been seen: its `Card Brand`/`Card Source` are taken as blank.
* Every other type is not the day's takings — disputes and chargebacks, reserves, adjustments, Shopify's
  bills taken from the payout (`billing_debit`), other Shop Cash rows (campaign debits are marketing, a
  reversal undoes an earlier credit), payouts: left out and listed, with their amounts, in a note, for the
  bookkeeper. Older exports showed Shop Cash as an `adjustment` (bookkeeping apps' help pages); the note
  says that too when an adjustment is listed.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from xerohelper.adapters.pos.columns import Column, Columns
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import DateOrder, trading_date
from xerohelper.adapters.pos.day_book import DayBook
from xerohelper.adapters.pos.text_file import Table
from xerohelper.core.day import Day, LineKind
from xerohelper.core.money import money_words

FORMAT = "shopify-payments"
SHOP_CASH = "Shop Cash"  # Shopify's store credit the buyer spent: paid to the shop by Shopify
SHOP_CASH_CREDIT = "shop_cash_credit"  # the row that pays it (“Shop Cash Credit” on the payout)
VENDOR = "shopify"
TITLE = "Shopify Payments transactions export"
COLUMNS = (
    Column("when", ("Transaction Date",)),
    Column("type", ("Type",)),
    Column("card_brand", ("Card Brand",), required=False),
    Column("card_source", ("Card Source",), required=False),
    Column("amount", ("Amount",)),
    Column("currency", ("Currency",), required=False),
    Column("method", ("Payment Method Name",), required=False),
)
SIGNATURE = frozenset(
    {"transaction date", "type", "card brand", "card source", "payout status", "amount", "net"}
)

_SOURCES = {
    "stripe_terminal": "Shopify POS",
    "online": "Shopify online store",
    "manual": "Shopify manual card entry",
}
_BRANDS = {
    "visa": "Visa",
    "master": "Mastercard",
    "mastercard": "Mastercard",
    "american_express": "American Express",
    "amex": "American Express",
    "discover": "Discover",
    "diners_club": "Diners Club",
    "jcb": "JCB",
    "unionpay": "UnionPay",
    "interac": "Interac",
    "eftpos_au": "EFTPOS",
}


def _nice(code: str) -> str:
    return code.replace("_", " ").strip().capitalize()


def read(table: Table, context: ReadContext) -> list[Day]:
    columns = Columns(table, COLUMNS, context.problems, TITLE)
    dates = columns.date_reader("when", context, default=DateOrder.MONTH_FIRST)
    book = DayBook(FORMAT)
    left_out: Counter[str] = Counter()
    left_out_amount: dict[str, Decimal] = {}
    currency = ""
    shop_cash_days: set = set()
    for row in table.rows:
        cells = columns.cells(row)
        if cells is None:
            continue
        stamp = cells.stamp("when", dates)
        amount = cells.money("amount", required=True)
        kind = cells.text("type").casefold()
        this_currency = cells.text("currency").upper()
        if this_currency and currency and this_currency != currency:
            cells.fail(
                "currency",
                f"this file mixes currencies ({currency} above, {this_currency} here)",
                "Export one currency at a time from Shopify and import each file on its own.",
            )
        currency = currency or this_currency
        if not cells.ok or stamp is None:
            continue
        shop_cash = kind.replace(" ", "_") == SHOP_CASH_CREDIT
        if kind not in ("charge", "refund") and not shop_cash:
            name = _nice(cells.text("type")) or "(no type)"
            left_out[name] += 1
            left_out_amount[name] = left_out_amount.get(name, Decimal(0)) + amount
            continue
        day = trading_date(stamp, shop_zone=context.shop_zone)
        source = cells.text("card_source")
        category = _SOURCES.get(source.casefold(), f"Shopify {_nice(source)}".strip())
        brand = cells.text("card_brand")
        tender = _BRANDS.get(brand.casefold()) or _nice(brand) or _nice(cells.text("method")) or "Card"
        if shop_cash:  # spent in the Shop app or on Shop on the web: the online store
            category, tender = "Shopify online store", SHOP_CASH
            shop_cash_days.add(day)
        if kind == "refund":
            book.add_sale(day, category, -abs(amount), kind=LineKind.REFUND, tax_included=True)
            book.add_tender(day, tender, -abs(amount))
        else:
            book.add_sale(day, category, amount, tax_included=True)
            book.add_tender(day, tender, amount)
    context.notes.append(
        "Shopify's payments export has card payments only (cash taken at the till isn't in it), and its "
        "amounts include tax: Xero works the tax out from each category's tax rate."
    )
    if shop_cash_days:
        context.notes.append(
            "Shop Cash the buyers spent is a payment type of its own (“Shop Cash”). Shopify pays it in "
            "batches four times a day, so Shop Cash from an order late in the evening can be on the next "
            "day's figures."
        )
    if left_out:
        listed = ", ".join(
            f"{count} “{name}” ({money_words(left_out_amount[name])})"
            for name, count in sorted(left_out.items())
        )
        older = (
            " In older exports Shop Cash the buyers spent came as an “Adjustment”: check those with "
            "the payout in Shopify."
            if "Adjustment" in left_out
            else ""
        )
        context.notes.append(
            f"Not takings, so not sent as sales (book them as the bookkeeper says): {listed}.{older}"
        )
    return book.days()
