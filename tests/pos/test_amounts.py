"""Money as the exports write it (reference/pos-formats.md §12.2), and the plain words when it isn't money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xerohelper.adapters.pos.amounts import parse_money
from xerohelper.adapters.pos.problems import ValueProblem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,234.56", "1234.56"),  # Square
        ("$1,149.00 ", "1149.00"),  # Excel re-save: trailing space
        ("-$5.00", "-5.00"),  # Square 2022+, Square Item Sales summary
        ("$-5.00", "-5.00"),
        ("($5.00)", "-5.00"),  # Square 2017 native rows, Excel
        ("($0.06)", "-0.06"),
        ("5.00", "5.00"),
        ("44.9", "44.9"),  # Shopify transactions
        ("100", "100"),
        ("-179.55", "-179.55"),  # Shopify payouts refund
        ("148.88", "148.88"),  # Loyverse
        (".5", "0.5"),
        ("£3.20", "3.20"),
        ("1 234.50 USD", None),  # a space as thousands separator only with the decimal comma
        ("USD 12.00", "12.00"),
        ("12.00 USD", "12.00"),
        ("5.00-", "-5.00"),
        ("−5.00", "-5.00"),  # a real minus sign
        ("\u00a012.00\u00a0", "12.00"),
        ("", "0"),
        ("-$0.00", "0.00"),  # never a negative zero
    ],
)
def test_point_decimals(text, expected):
    if expected is None:
        with pytest.raises(ValueProblem):
            parse_money(text)
    else:
        assert parse_money(text) == Decimal(expected)
        assert str(parse_money(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("-5,00", "-5.00"),
        ("(5,00)", "-5.00"),
        ("kr 12,50", "12.50"),
        ("12,50 kr.", "12.50"),
        ("1 234,50", "1234.50"),
        ("€1.000.000,00", "1000000.00"),
        ("7", "7"),
    ],
)
def test_comma_decimals_where_the_file_says_so(text, expected):
    assert parse_money(text, decimal_comma=True) == Decimal(expected)


@pytest.mark.parametrize("text", ["1,234.56", "$1,149.00"])
def test_point_decimals_are_not_money_in_a_comma_decimal_file(text):
    with pytest.raises(ValueProblem):
        parse_money(text, decimal_comma=True)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "not an amount of money"),
        ("12.34.56", "not an amount of money"),
        ("1,23", "not an amount of money"),
        ("$", "not an amount of money"),
        ("-", "not an amount of money"),
        ("5.37518E+12", "scientific notation"),  # Excel damage seen in a real Shopify export
        ("1e400", "scientific notation"),
        ("999999999999999999999999999999", "far too large"),
        ("NaN", "not an amount of money"),
        ("Infinity", "not an amount of money"),
    ],
)
def test_what_is_not_money_says_why(text, words):
    with pytest.raises(ValueProblem) as error:
        parse_money(text)
    assert words in error.value.problem
    assert error.value.what_to_do


def test_a_missing_amount_can_be_required():
    with pytest.raises(ValueProblem, match="missing"):
        parse_money("  ", blank_is_zero=False)


@pytest.mark.parametrize("text", ["--212.73", "(-5.00)", "-$-5.00", "-5.00-", "−-3.10"])
def test_an_amount_with_two_signs_is_refused_not_turned_around(text):
    with pytest.raises(ValueProblem, match="more than one sign"):
        parse_money(text)


@pytest.mark.parametrize("text", ["212.7345", "0.0000001", "$1,149.005", "-3.333", "12,345"])
def test_parts_of_a_cent_are_refused_not_rounded(text):
    decimal_comma = text == "12,345"
    with pytest.raises(ValueProblem, match="parts of a cent"):
        parse_money(text, decimal_comma=decimal_comma)


@pytest.mark.parametrize(("text", "expected"), [("1.500", "1.5"), ("$2.000", "2"), ("7.10", "7.1")])
def test_zeros_after_the_cents_are_fine(text, expected):
    assert parse_money(text) == Decimal(expected)
