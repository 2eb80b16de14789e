"""Amounts of money as till exports write them.

Accepted: `5`, `44.9`, `1234.56`, `$1,234.56`, `"$1,149.00 "` (Excel's trailing space), `-$5.00`,
`$-5.00`, `($5.00)`, `-5.00 USD`, `£3.20`, `kr 12,50`… With `decimal_comma=True` (a file whose columns are
separated by `;`, as Excel writes CSV in most of Europe) the comma is the decimal mark: `1.234,56`, `-5,00`.

The value is returned exactly as written. Parts of a cent are refused (212.7345, 0.0000001): xerohelper
would otherwise round them without a word; zeros after the cents (1.500) are fine.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from xerohelper.adapters.pos.problems import ValueProblem

_CENT = Decimal("0.01")
MAX_DIGITS_BEFORE_POINT = 11  # 99,999,999,999.99: far beyond any shop's day, far inside Decimal's precision

_SYMBOLS = ("$", "£", "€", "¥", "₱", "฿", "₹", "₩", "₪", "₫", "₺", "₽", "zł", "kr.", "kr", "R")
_CODE = re.compile(r"^[A-Z]{3}")
_CODE_AT_END = re.compile(r"[A-Z]{3}$")
_POINT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_COMMA = re.compile(r"^(?:\d{1,3}(?:[.\s']\d{3})+|\d+)?(?:,\d+)?$")
_SCIENTIFIC = re.compile(r"^[\d.,]+[eE][+-]?\d+$")
_PLAIN = re.compile(r"^(-?)\$?(\d{1,3}(?:,\d{3})+|\d{1,11})(\.\d+)?$")  # most cells: 8.00, $1,149.00, -$5.00


def _strip_currency(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for symbol in _SYMBOLS:
            if text.startswith(symbol):
                text, changed = text[len(symbol) :].strip(), True
            elif text.endswith(symbol) and symbol not in ("R",):
                text, changed = text[: -len(symbol)].strip(), True
        if (match := _CODE.match(text)) and len(text) > 3:
            text, changed = text[match.end() :].strip(), True
        elif (match := _CODE_AT_END.search(text)) and len(text) > 3:
            text, changed = text[: match.start()].strip(), True
    return text


@lru_cache(maxsize=4096)  # an export repeats the same few amounts thousands of times
def parse_money(text: str, *, decimal_comma: bool = False, blank_is_zero: bool = True) -> Decimal:
    """The amount in a cell, or ValueProblem saying in plain words why it isn't one."""
    if not decimal_comma and (plain := _PLAIN.match(text.strip())):
        amount = Decimal(plain[2].replace(",", "") + (plain[3] or ""))
        if plain[3] and len(plain[3]) > 3:
            _exactly_cents(amount)
        return -amount if plain[1] and amount else amount
    raw = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not raw:
        if blank_is_zero:
            return Decimal(0)
        raise ValueProblem(
            "this amount is missing", "Type the amount (0.00 if there was none) and import again."
        )
    signs = 0  # minus signs and accounting brackets seen: one makes the amount negative
    body = raw
    for _ in range(2):  # a sign or brackets may sit either side of the currency symbol
        if body.startswith("(") and body.endswith(")"):
            signs, body = signs + 1, body[1:-1].strip()
        if body[:1] in ("-", "−"):
            signs, body = signs + 1, body[1:].strip()
        elif body[:1] == "+":
            body = body[1:].strip()
        elif body[-1:] in ("-", "−"):
            signs, body = signs + 1, body[:-1].strip()
        body = _strip_currency(body)
    if signs > 1 or body[:1] in ("-", "−", "+"):
        raise ValueProblem(
            "this amount has more than one sign, so it isn't clear whether it is money in or money out",
            "Correct it in the file (a refund looks like -5.00 or (5.00)), save it and import again.",
        )
    negative = signs == 1
    if _SCIENTIFIC.match(body):
        raise ValueProblem(
            "this number is in scientific notation, which usually means a spreadsheet changed it",
            "Export the file again from the till and import it without opening it in a spreadsheet first.",
        )
    if decimal_comma:
        ok = bool(body) and _COMMA.match(body)
        digits = re.sub(r"[.\s']", "", body).replace(",", ".")
        example = "1234,56"
    else:
        ok = bool(body) and _POINT.match(body)
        digits = body.replace(",", "")
        example = "1234.56"
    if not ok or digits in ("", "."):
        raise ValueProblem(
            "this is not an amount of money",
            f"Correct it in the file (an amount looks like {example} or $1,234.56), save it and "
            "import again.",
        )
    whole = digits.split(".")[0].lstrip("0")
    if len(whole) > MAX_DIGITS_BEFORE_POINT:
        raise ValueProblem(
            "this amount is far too large to be a day's takings",
            "Check the figure in the file (a column may have been shifted or two numbers run together) "
            "and import again.",
        )
    try:
        amount = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise ValueProblem(
            "this is not an amount of money", "Correct it in the file and import again."
        ) from None
    _exactly_cents(amount)
    if negative and amount:
        return -amount
    return amount.copy_abs()  # never “-0.00”


def _exactly_cents(amount: Decimal) -> None:
    """An amount with parts of a cent (212.7345, 0.0000001) would be rounded quietly: refuse it instead."""
    if amount != amount.quantize(_CENT, rounding=ROUND_HALF_UP):
        raise ValueProblem(
            "this amount has parts of a cent (more than two decimal places), so xerohelper would have to "
            "round it",
            "Check the figure in the till's export (a column may have been shifted, or the spreadsheet "
            "changed it), correct it to dollars and cents, save it and import again.",
        )
