"""Money: always Decimal, always two places, rounded the way a till and Xero round (half away from zero)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value: Decimal | int | str) -> Decimal:
    """A Decimal rounded to the cent. Floats are refused: they cannot hold cents exactly."""
    if isinstance(value, float):
        raise TypeError("money must not come from a float; pass a Decimal or a string")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not an amount of money") from exc
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not an amount of money")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal) -> str:
    """Two decimals, no currency sign, no thousands separator: '1234.50', '-5.00'."""
    return f"{money(amount):.2f}"


def money_words(amount: Decimal) -> str:
    """As a shop owner writes it: '$2,240.40', '-$5.00'."""
    value = money(amount)
    return f"{'-' if value < 0 else ''}${abs(value):,.2f}"
