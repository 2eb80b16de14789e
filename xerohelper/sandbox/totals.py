"""Line and invoice arithmetic as Xero does it ("Rounding in Xero"; reference/xero-sdk.md §6).

- A unit amount is kept to 2 places, or 4 when the request says ``unitdp=4``.
- Each line is rounded to 2 places: quantity × unit amount, less the discount rate.
- Tax is worked out per line and rounded per line: exclusive ``line × rate / 100``, inclusive
  ``line × rate / (100 + rate)``, none for ``NoTax``.
- Totals add the rounded lines: SubTotal + TotalTax = Total. With inclusive amounts the lines hold the
  tax, so Total is the sum of the lines and SubTotal is Total less the tax.
Halves round away from zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from xerohelper.sandbox.xero_wire import round_money

HUNDRED = Decimal(100)


def unit_places(unitdp: int) -> str:
    return "0.0001" if unitdp == 4 else "0.01"


def line_amount(quantity: Decimal, unit_amount: Decimal, discount_rate: Decimal | None) -> Decimal:
    gross = quantity * unit_amount
    if discount_rate:
        gross = gross * (HUNDRED - discount_rate) / HUNDRED
    return round_money(gross)


def line_tax(amount: Decimal, rate_percent: Decimal, line_amount_types: str) -> Decimal:
    if line_amount_types == "NoTax" or not rate_percent:
        return Decimal("0.00")
    if line_amount_types == "Inclusive":
        return round_money(amount * rate_percent / (HUNDRED + rate_percent))
    return round_money(amount * rate_percent / HUNDRED)


def invoice_totals(
    lines: Iterable[tuple[Decimal, Decimal]], line_amount_types: str
) -> tuple[Decimal, Decimal, Decimal]:
    """(SubTotal, TotalTax, Total) from (line amount, tax amount) pairs."""
    amounts = list(lines)
    line_sum = sum((amount for amount, _ in amounts), Decimal("0.00"))
    tax_sum = sum((tax for _, tax in amounts), Decimal("0.00"))
    if line_amount_types == "NoTax":
        return line_sum, Decimal("0.00"), line_sum
    if line_amount_types == "Inclusive":
        return line_sum - tax_sum, tax_sum, line_sum
    return line_sum, tax_sum, line_sum + tax_sum
