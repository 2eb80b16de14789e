"""Each row type of Shopify Payments' transactions export that is documented, read as a bookkeeper would:
`charge` and `refund` (the real sample and Shopify's balance-transaction types), `shop_cash_credit` (Shopify
Help Center, “Prepare your systems for Shop Cash”), and the balance-transaction types that are not the day's
takings (shopify.dev REST Admin “Transactions”; `billing_debit` from the GraphQL
ShopifyPaymentsTransactionType enum). Where each comes from: xerohelper/adapters/pos/shopify_payments.py."""

from __future__ import annotations

import pytest

from tests.pos.test_readers import SHOPIFY_PAYMENTS, as_json, csv_bytes, lines, shopify_row, tenders
from xerohelper.adapters.pos.read_export import read_export

WHEN = "2025-06-30 10:00:00 -0400"


def read(*rows):
    result = read_export(csv_bytes(SHOPIFY_PAYMENTS, [shopify_row(WHEN, "charge", "40.00"), *rows]), "p.csv")
    (day,) = as_json(result).values()
    return day, result.notes


def test_a_charge_is_a_sale_with_its_tax_included_paid_by_the_card_brand():
    day, _ = read()
    assert lines(day) == [("Shopify POS", "sale", "40.00", "0.00")]
    assert tenders(day) == {"Visa": "40.00"} and day["sales"][0]["tax_included"]


def test_a_refund_is_a_refund_of_its_card_source_paid_back_on_its_card_brand():
    day, _ = read(shopify_row(WHEN, "refund", "-15.00", brand="american_express", source="online"))
    assert ("Shopify online store", "refund", "-15.00", "0.00") in lines(day)
    assert tenders(day) == {"American Express": "-15.00", "Visa": "40.00"}


def test_shop_cash_credit_is_takings_of_the_online_store_paid_by_the_shop_cash_tender():
    day, notes = read(shopify_row(WHEN, "shop_cash_credit", "10.00", brand="", source=""))
    assert ("Shopify online store", "sale", "10.00", "0.00") in lines(day)
    assert tenders(day) == {"Shop Cash": "10.00", "Visa": "40.00"}
    assert day["totals"]["gross"] == day["totals"]["tendered"] == "50.00"
    assert any("four times a day" in n for n in notes)  # a late order's Shop Cash can be on the next day


@pytest.mark.parametrize(
    "kind",
    [
        "dispute",
        "reserve",
        "adjustment",
        "credit",
        "debit",
        "payout",
        "payout_failure",
        "payout_cancellation",
        "billing_debit",
        "shop_cash_credit_reversal",  # any Shop Cash row but the credit: a reversal, a campaign's debit…
    ],
)
def test_a_row_that_is_not_takings_is_left_out_and_listed_with_its_amount(kind):
    day, notes = read(shopify_row(WHEN, kind, "-7.25"))
    assert lines(day) == [("Shopify POS", "sale", "40.00", "0.00")]
    assert tenders(day) == {"Visa": "40.00"}
    (listed,) = [n for n in notes if n.startswith("Not takings")]
    name = kind.replace("_", " ").capitalize()
    assert f"1 “{name}” (-$7.25)" in listed
    assert ("older exports Shop Cash" in listed) is (kind == "adjustment")
