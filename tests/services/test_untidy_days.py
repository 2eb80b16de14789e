"""Untidy real days against the sandbox (the real SDK, the real journal): a till that is over or short, a
tender account that can't take payments — nothing is written to Xero until the owner has decided, and a
day is never "done" with money owing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.services.connected_shop import connected_shop
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day import Tender


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as connected:
        yield connected


def writes(shop) -> dict[str, int]:
    """The requests that would change something in Xero (anything but a read)."""
    return {endpoint: n for endpoint, n in shop.calls().items() if not endpoint.startswith("GET ")}


def with_cash_changed(day, by: str):
    tenders = tuple(Tender(t.name, t.amount + Decimal(by)) if t.name == "Cash" else t for t in day.tenders)
    return replace(day, tenders=tenders)


@pytest.mark.parametrize(
    ("by", "over_or_short", "line"),
    [("0.05", "over", "Till difference (over)"), ("-5.00", "short", "Till difference (short)")],
)
def test_a_till_difference_waits_for_the_owner_then_the_invoice_equals_the_money_taken(
    shop, by, over_or_short, line
):
    day = with_cash_changed(shop.the_day(), by)
    saved = shop.service.save_day(day)
    summary = saved[Step.SALES_SUMMARY]
    assert summary.state is StepState.NOT_STARTED
    assert f"the till is {over_or_short}" in summary.reason and "Nothing is sent" in summary.reason
    shop.reset_call_counts()

    refused = shop.service.run_day(shop.today, approve=True)
    assert not refused.is_finished and refused[Step.SALES_SUMMARY].state is StepState.NOT_STARTED
    assert writes(shop) == {}, "nothing may be written before the owner decides"
    number = f"POS-{shop.today:%Y%m%d}"
    assert shop.invoices_numbered(number) == []

    assert shop.service.accept_difference(shop.today)[Step.SALES_SUMMARY].state is StepState.READY
    finished = shop.service.run_day(shop.today, approve=True)

    assert finished.is_finished, [s.reason for s in finished.steps]
    (invoice,) = shop.invoices_numbered(number)
    assert invoice["status"] == "PAID"
    money_taken = sum(t.amount for t in day.tenders)
    assert Decimal(invoice["total"]) == money_taken == day.totals.gross + Decimal(by)
    difference = [item for item in invoice["line_items"] if item["description"] == line]
    assert len(difference) == 1 and Decimal(difference[0]["line_amount"]) == Decimal(by)
    assert difference[0]["account_code"] == "865" and Decimal(difference[0]["tax_amount"]) == 0
    assert sorted(Decimal(p["amount"]) for p in shop.payments_on(number)) == sorted(
        t.amount for t in day.tenders
    )


def test_the_same_figures_imported_again_keep_the_owners_decision_changed_ones_ask_again(shop):
    day = with_cash_changed(shop.the_day(), "-5.00")
    shop.service.save_day(day)
    shop.service.accept_difference(shop.today)
    assert shop.service.save_day(day)[Step.SALES_SUMMARY].state is StepState.READY
    changed = with_cash_changed(day, "-1.00")
    assert shop.service.save_day(changed)[Step.SALES_SUMMARY].state is StepState.NOT_STARTED


def test_a_tender_account_that_does_not_take_payments_stops_the_day_before_step_1(shop):
    shop.control("accounts/disable-payments", {"tenant": shop.tenant_id, "code": "616"})
    shop.service.save_day(shop.the_day())
    shop.service.organisation_setup()
    shop.reset_call_counts()

    checklist = shop.service.run_day(shop.today, approve=True)

    summary = checklist[Step.SALES_SUMMARY]
    assert summary.state is StepState.NEEDS_ATTENTION
    assert summary.attention.key == "account-not-valid" and summary.attention.predicted
    assert summary.attention.where == "Amex" and "616" in summary.attention.what_happened
    assert writes(shop) == {}
    assert shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}") == []


def test_tenders_over_what_the_invoice_in_xero_owes_are_said_before_any_payment(shop):
    shop.service.save_day(shop.the_day())
    shop.service.run_day(shop.today, approve=False)
    shop.service.run_next_step(shop.today)  # approved: awaiting payment, 2240.40 owing
    # The till's Cash figure was changed afterwards (and its difference accepted): the tenders now come to
    # more than the invoice in Xero owes, which Xero would refuse part-way through the payments.
    inflated = with_cash_changed(shop.journal.day(shop.tenant_id, shop.today), "10.00")
    shop.journal.save_day(shop.tenant_id, replace(inflated, difference_accepted=Decimal("10.00")))
    shop.reset_call_counts()

    payments = shop.service.run_next_step(shop.today)[Step.PAYMENTS]

    assert payments.state is StepState.NEEDS_ATTENTION
    assert payments.attention.key == "payment-too-big" and payments.attention.predicted
    assert "2250.40" in payments.attention.title
    assert writes(shop) == {}
    assert shop.payments_on(f"POS-{shop.today:%Y%m%d}") == []


def test_a_day_with_money_owing_is_never_done_unless_the_owner_skips_the_step(shop):
    from xero_python.accounting.models import PaymentDelete

    shop.service.save_day(shop.the_day())
    assert shop.service.run_day(shop.today, approve=True).is_finished
    number = f"POS-{shop.today:%Y%m%d}"
    amex = next(p for p in shop.payments_on(number) if Decimal(p["amount"]) == Decimal("262.50"))
    api = shop.connection.api()
    api.call(
        api.accounting.delete_payment, shop.tenant_id, amex["payment_id"], PaymentDelete(status="DELETED")
    )

    checked = shop.service.refresh(shop.today)  # Xero now says 262.50 is owing; the journal has every tender
    assert not checked.is_finished and checked[Step.PAYMENTS].state is StepState.READY
    again = shop.service.run_day(shop.today, approve=True)
    payments = again[Step.PAYMENTS]
    assert not again.is_finished and payments.state is StepState.NEEDS_ATTENTION
    assert payments.attention.key == "money-still-owing" and "$262.50" in payments.attention.title

    assert shop.service.skip(shop.today, Step.PAYMENTS, "Amex settles on Monday").is_finished


def test_shopify_amounts_that_include_tax_go_to_xero_as_inclusive_and_xero_works_out_the_tax(shop):
    from xerohelper.core.day import Day, LineKind, SalesLine

    shop.mapping = (
        shop.mapping.with_sales("Shopify POS", "200", "OUTPUT")
        .with_sales("Shopify online store", "200", "OUTPUT")
        .with_tender("Visa", "615")
        .with_tender("Shop Cash", "615")
    )
    day = Day(
        shop.today,
        "shopify-payments",
        sales=(
            SalesLine("Shopify POS", Decimal("110.00"), Decimal("0"), tax_included=True),
            SalesLine("Shopify online store", Decimal("55.00"), Decimal("0"), tax_included=True),
            SalesLine(
                "Shopify online store", Decimal("-11.00"), Decimal("0"), LineKind.REFUND, tax_included=True
            ),
        ),
        tenders=(Tender("Visa", Decimal("144.00")), Tender("Shop Cash", Decimal("10.00"))),
    )
    shop.service.save_day(day)
    assert shop.service.run_day(shop.today, approve=True).is_finished

    (invoice,) = shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}")
    assert invoice["line_amount_types"] == "Inclusive"
    assert Decimal(invoice["total"]) == Decimal("154.00") and invoice["status"] == "PAID"
    assert Decimal(invoice["total_tax"]) == Decimal("14.00")  # 10% GST inside 154.00, never 0.00
    assert [Decimal(i["line_amount"]) for i in invoice["line_items"]] == [
        Decimal("110.00"),
        Decimal("55.00"),
        Decimal("-11.00"),
    ]


def test_tips_and_gift_cards_are_booked_to_their_liabilities_as_shop_setup_suggests(shop):
    from xerohelper.core.booking_rules import suggested_sales, suggested_tender_account
    from xerohelper.core.day import Day, SalesLine

    setup, _ = shop.service.organisation_setup()
    tips, gift_cards = suggested_sales("Tips", setup), suggested_sales("Gift card sales", setup)
    assert (tips.account_code, gift_cards.account_code) == ("835", "830")
    redeemed = suggested_tender_account("Square Gift Card", setup)
    assert redeemed == "830"
    shop.mapping = (
        shop.mapping.with_sales("Tips", tips.account_code, tips.tax_type)
        .with_sales("Gift card sales", gift_cards.account_code, gift_cards.tax_type)
        .with_tender("Square Gift Card", redeemed)
    )
    day = Day(
        shop.today,
        "square-transactions",
        sales=(
            SalesLine("Hardware & tools", Decimal("100.00"), Decimal("10.00")),
            SalesLine("Tips", Decimal("5.00"), Decimal("0")),
            SalesLine("Gift card sales", Decimal("50.00"), Decimal("0")),
        ),
        tenders=(Tender("EFTPOS", Decimal("145.00")), Tender("Square Gift Card", Decimal("20.00"))),
    )
    shop.service.save_day(day)
    assert shop.service.run_day(shop.today, approve=True).is_finished

    (invoice,) = shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}")
    by_account = {i["account_code"]: i for i in invoice["line_items"]}
    assert Decimal(by_account["835"]["line_amount"]) == Decimal("5.00")  # tips: owed to the staff, no tax
    assert Decimal(by_account["835"]["tax_amount"]) == 0
    assert Decimal(by_account["830"]["line_amount"]) == Decimal("50.00")  # gift cards sold: a liability
    assert invoice["status"] == "PAID"
    paid_into = {
        p["account_code"] for p in shop.payments_on(f"POS-{shop.today:%Y%m%d}") if "account_code" in p
    }
    assert not paid_into or "830" in paid_into  # the redeemed gift card is a payment against the liability


def test_a_till_tracked_with_an_option_xero_does_not_have_stops_before_step_1(shop):
    from xerohelper.core.mapping import Tracking

    shop.mapping = replace(shop.mapping, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 4"}))
    front, back = (replace(shop.the_day(), location=place) for place in ("Front", "Back"))
    shop.service.save_day(front)
    shop.service.save_day(back)

    assert shop.service.run_day(shop.today, "Front", approve=True).is_finished  # Till 1 is in Xero
    checklist = shop.service.run_day(shop.today, "Back", approve=True)

    card = checklist[Step.SALES_SUMMARY].attention
    assert card.key == "tracking-option-missing" and "“Till 4” under “Till”" in card.title
    number = f"POS-{shop.today:%Y%m%d}"
    assert shop.invoices_numbered(f"{number}-BACK") == []
    (sent,) = shop.invoices_numbered(f"{number}-FRONT")
    assert {t["Option"] for line in sent["line_items"] for t in line["tracking"]} == {"Till 1"}
