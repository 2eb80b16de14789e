"""Files xerohelper recognises but can't turn into days, each with a message that says what it is and what
to export instead. Recognised by their column names, or (for spreadsheets and PDFs) by their first bytes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class OtherExport:
    name: str
    signature: frozenset[str]  # column names (compared as columns.normalise does)
    problem: str
    what_to_do: str


_LOYVERSE_RECEIPTS = (
    "Export 'Receipts' instead: Loyverse Back office › Receipts › Export › Receipts, then import that file."
)
_TYPE_IT_IN = "or type the day's totals from the till's end-of-day (Z) report into xerohelper."

OTHER_EXPORTS = (
    OtherExport(
        "Square Item Sales summary",
        frozenset(
            {"item name", "item variation", "items sold", "gross sales", "items refunded", "net sales"}
        ),
        "this is Square's Item Sales summary: it adds each item up over the whole period and has no date "
        "for each sale, so it can't be split into days",
        "Export 'Item Detail' instead: Square Dashboard › Transactions › Export › Item Detail CSV "
        "(or 'Transactions CSV' for the payments), then import that file.",
    ),
    OtherExport(
        "Square Modifier Sales",
        frozenset({"modifier set", "modifier", "qty sold", "gross sales"}),
        "this is Square's Modifier Sales report: it counts modifiers (flavours, toppings…) over the whole "
        "period, with no dates and no payments, so it can't make a day's takings",
        "Export 'Item Detail' or 'Transactions' instead: Square Dashboard › Transactions › Export, "
        "then import that file.",
    ),
    OtherExport(
        "Square Sales Summary",
        frozenset({"sales summary displayed by location", "gross sales", "net sales", "total collected"}),
        "this is Square's Sales Summary report: it has the period's totals but no date for each sale",
        "Export 'Transactions CSV' instead: Square Dashboard › Transactions › Export, " + _TYPE_IT_IN,
    ),
    OtherExport(
        "Shopify Orders export",
        frozenset({"name", "financial status", "paid at", "lineitem quantity", "lineitem name", "total"}),
        "this is Shopify's Orders export: it lists orders item by item, with each order's money only on "
        "its first line, and doesn't say how each order was paid",
        "Export Shopify Payments' transactions instead: Shopify admin › Finances › Payouts › Export, "
        "then import that file.",
    ),
    OtherExport(
        "Shopify order transactions export",
        frozenset({"order", "name", "kind", "gateway", "created at", "status", "amount"}),
        "this is Shopify's order transactions export (Orders › Export › Transactions), which xerohelper "
        "doesn't read",
        "Export Shopify Payments' transactions instead: Shopify admin › Finances › Payouts › Export. "
        "Cash taken at the till isn't in that export: add it by typing the day's totals from the till.",
    ),
    OtherExport(
        "Loyverse Receipts by item export",
        frozenset({"receipt number", "receipt type", "category", "item", "quantity", "net sales"}),
        "this is Loyverse's Receipts by item export: it has the items sold but not how each receipt was paid",
        _LOYVERSE_RECEIPTS,
    ),
    OtherExport(
        "Loyverse Item sales summary",
        frozenset({"item name", "items sold", "gross sales", "items refunded", "gross profit", "margin"}),
        "this is Loyverse's Item sales summary: it adds each item up over the period, with no dates",
        _LOYVERSE_RECEIPTS,
    ),
)

_SAVE_AS_CSV = (
    "Open it in your spreadsheet program and choose File › Save As › “CSV UTF-8 (Comma delimited)”, then "
    "import the CSV file."
)
_ZETTLE_RECEIPTS = ("kvitteringsnummer", "betalingsmetode", "zettle")
_ZETTLE_STATEMENT = ("afregningsdato", "udbetaling til bankkonto", "payout to bank account")
_PEEK_BYTES = 64 * 1024


def _first_sheet_words(data: bytes) -> str | None:
    """Some text from the first worksheet of an .xlsx (read with the standard library, bounded): "" when
    the workbook can't be read, None when the file is not a workbook at all."""
    looks_like_workbook = b"xl/" in data or b"[Content_Types].xml" in data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = [
                n for n in book.namelist() if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml"
            ]
            if not names:
                return "" if looks_like_workbook else None
            text = b""
            for name in sorted(names)[:3]:
                with book.open(name) as part:
                    text += part.read(_PEEK_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, ValueError, NotImplementedError,
            EOFError, KeyError, struct.error, zlib.error):  # fmt: skip
        return "" if looks_like_workbook else None
    return text.decode("utf-8", "replace").casefold()


def binary_file_problem(data: bytes) -> tuple[str, str] | None:
    """(problem, what to do) for a spreadsheet, PDF or other non-text file; None for text."""
    if data.startswith(b"PK\x03\x04"):
        words = _first_sheet_words(data)
        if words is None:
            return (
                "this is a compressed (.zip) file, not a CSV export",
                "Unzip it and import the CSV file inside.",
            )
        if any(w in words for w in _ZETTLE_STATEMENT):
            return (
                "this is a Zettle account statement (an Excel workbook of payouts and fees), "
                "not the day's sales",
                "xerohelper can't read Zettle's reports yet: " + _TYPE_IT_IN.removeprefix("or "),
            )
        if any(w in words for w in _ZETTLE_RECEIPTS):
            return (
                "this is a Zettle receipts report, an Excel workbook; "
                "xerohelper can't read Zettle's reports yet",
                "Type the day's totals from Zettle's daily report (Sales › Reports) into xerohelper instead.",
            )
        return "this is an Excel workbook (.xlsx), not a CSV file", _SAVE_AS_CSV
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an old-style Excel workbook (.xls), not a CSV file", _SAVE_AS_CSV
    if data.startswith(b"%PDF"):
        return (
            "this is a PDF, which xerohelper can't read",
            "Export the report from the till as CSV instead, " + _TYPE_IT_IN,
        )
    return None
