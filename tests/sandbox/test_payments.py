"""Payments through the real SDK: the day's tenders in one batch, PAID when settled, and one test per rule."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from xero_python.accounting import Account, Invoice, Payment, PaymentDelete
from xero_python.exceptions import NotFoundException

from tests.sandbox.helpers import day_invoice, invoices, line, payment, payments, refused
from xerohelper.sandbox.testing import control


@pytest.fixture
def till(connected):
    """Today's approved invoice for 110.00 at Harbour Street Hardware, ready for tenders."""

    class Till:
        api = connected.accounting
        tenant = connected.tenant_id
        base_url = connected.base_url
        today = connected.today
        invoice = connected.accounting.create_invoices(
            connected.tenant_id,
            invoices(
                day_invoice(
                    connected.contact_id(),
                    f"POS-{connected.today:%Y%m%d}",
                    status="AUTHORISED",
                    day=connected.today,
                )
            ),
        ).invoices[0]

        def pay(self, *items, **kwargs):
            return self.api.create_payments(self.tenant, payments(*items), **kwargs).payments

        def tender(self, amount, code="090", **kwargs):
            return payment(self.invoice.invoice_id, amount, code, day=self.today, **kwargs)

        def reread(self):
            return self.api.get_invoice(self.tenant, self.invoice.invoice_id).invoices[0]

    return Till()


def test_tenders_in_one_batch_settle_the_invoice_and_make_it_paid(till):
    made = till.pay(
        till.tender("40.00", "091"),
        till.tender("55.00", "615"),
        till.tender("15.00", "616"),
        summarize_errors=False,
    )
    assert [p.status_attribute_string for p in made] == ["OK", "OK", "OK"]
    assert [p.account.code for p in made] == ["091", "615", "616"]
    invoice = till.reread()
    assert invoice.status == "PAID"
    assert invoice.amount_due == 0 and invoice.amount_paid == Decimal("110.00")
    assert invoice.fully_paid_on_date == till.today
    assert len(invoice.payments) == 3


def test_part_payment_leaves_the_rest_due(till):
    till.pay(till.tender("100.00"))
    invoice = till.reread()
    assert (invoice.status, invoice.amount_due, invoice.amount_paid) == (
        "AUTHORISED",
        Decimal("10.00"),
        Decimal("100.00"),
    )


def test_gift_card_liability_accepts_payments(till):
    assert till.pay(till.tender("10.00", "830"))[0].amount == Decimal("10.00")


def test_single_payment_post(till):
    made = till.api.create_payment(till.tenant, till.tender("10.00")).payments[0]
    assert made.status == "AUTHORISED" and made.payment_type == "ACCRECPAYMENT"


def test_delete_payment_puts_the_amount_back(till):
    made = till.pay(till.tender("110.00"))[0]
    assert till.reread().status == "PAID"
    deleted = till.api.delete_payment(till.tenant, made.payment_id, PaymentDelete(status="DELETED")).payments[
        0
    ]
    assert deleted.status == "DELETED"
    invoice = till.reread()
    assert (invoice.status, invoice.amount_due) == ("AUTHORISED", Decimal("110.00"))


def test_delete_unknown_payment_is_not_found(till):
    with pytest.raises(NotFoundException):
        till.api.delete_payment(
            till.tenant, "00000000-0000-0000-0000-0000000000bb", PaymentDelete(status="DELETED")
        )


def test_payment_by_invoice_number_and_account_id(till):
    account_id = till.api.get_accounts(till.tenant, where='Code=="090"').accounts[0].account_id
    made = till.pay(
        Payment(
            invoice=Invoice(invoice_number=till.invoice.invoice_number),
            account=Account(account_id=account_id),
            date=till.today,
            amount=Decimal("5.00"),
        )
    )[0]
    assert made.invoice.invoice_id == till.invoice.invoice_id


# ------------------------------------------------------------------ one test per rule, Xero's exact words
def test_rule_payment_against_a_draft_invoice(till, connected):
    draft = till.api.create_invoices(
        till.tenant, invoices(day_invoice(connected.contact_id(), "DRAFT-1", day=till.today))
    ).invoices[0]
    assert refused(till.pay, payment(draft.invoice_id, "10.00", day=till.today)) == [
        "Payments can only be made against Authorised documents"
    ]


def test_rule_payment_against_a_voided_invoice(till):
    till.api.update_invoice(till.tenant, till.invoice.invoice_id, invoices(Invoice(status="VOIDED")))
    assert refused(till.pay, till.tender("10.00")) == [
        "Payments can only be made against Authorised documents"
    ]


def test_rule_payment_over_the_amount_outstanding(till):
    assert refused(till.pay, till.tender("110.01")) == [
        "Payment amount exceeds the amount outstanding on this document"
    ]


def test_rule_over_the_amount_outstanding_counts_earlier_tenders_in_the_batch(till):
    made = till.pay(till.tender("100.00"), till.tender("20.00", "615"), summarize_errors=False)
    assert [p.status_attribute_string for p in made] == ["OK", "ERROR"]
    assert made[1].payment_id == "00000000-0000-0000-0000-000000000000"
    assert [e.message for e in made[1].validation_errors] == [
        "Payment amount exceeds the amount outstanding on this document"
    ]
    assert made[1].has_validation_errors is True


def test_rule_batch_without_summarize_errors_is_all_or_nothing(till):
    assert refused(till.pay, till.tender("100.00"), till.tender("20.00", "615")) == [
        "Payment amount exceeds the amount outstanding on this document"
    ]
    assert till.reread().amount_paid == 0


def test_rule_invoice_already_paid_off(till):
    till.pay(till.tender("110.00"))
    assert refused(till.pay, till.tender("1.00")) == [
        "The invoice you are trying to allocate to has already been paid off"
    ]


def test_rule_invoice_could_not_be_found(till):
    assert refused(till.pay, payment("00000000-0000-0000-0000-0000000000cc", "1.00", day=till.today)) == [
        "Invoice could not be found"
    ]


def test_rule_account_that_does_not_accept_payments(till):
    assert refused(till.pay, till.tender("10.00", "617")) == ["Account must be valid."]


def test_rule_disable_payments_on_an_account(till):
    control(till.base_url, "accounts/disable-payments", {"code": "615"})
    assert refused(till.pay, till.tender("10.00", "615")) == ["Account must be valid."]


def test_rule_archived_payment_account(till):
    control(till.base_url, "accounts/archive", {"code": "615"})
    assert refused(till.pay, till.tender("10.00", "615")) == ["Account must be valid."]


def test_rule_payment_account_code_unknown(till):
    assert refused(till.pay, till.tender("10.00", "999")) == ["Account could not be found"]


def test_rule_payment_account_without_a_code(till):
    account_id = till.api.get_accounts(till.tenant, where='Code=="615"').accounts[0].account_id
    control(till.base_url, "accounts/remove-code", {"code": "615"})
    made = Payment(
        invoice=Invoice(invoice_id=till.invoice.invoice_id),
        account=Account(account_id=account_id),
        date=till.today,
        amount=Decimal("10.00"),
    )
    assert refused(till.pay, made) == ["This transaction cannot be completed. Add a Code to the Xero account"]
    assert refused(till.pay, till.tender("10.00", "615")) == ["Account could not be found"]


def test_rule_payment_amount_must_be_positive(till):
    assert refused(till.pay, till.tender("-5.00")) == ["Payment amount must be greater than zero."]


def test_rule_payment_dated_before_the_lock_date(till):
    control(till.base_url, "lock-dates", {"period_lock_date": (till.today - timedelta(days=1)).isoformat()})
    locked = (till.today - timedelta(days=1)).strftime("%d-%b-%Y")
    early = payment(till.invoice.invoice_id, "10.00", day=till.today - timedelta(days=2))
    assert refused(till.pay, early) == [
        f"The document date cannot be before the period lock date, currently set at {locked}"
    ]
    assert till.pay(till.tender("10.00"))[0].amount == Decimal("10.00")


def test_failed_payment_is_echoed_like_xeros_example(till):
    status, _, body = _raw(
        till,
        "PUT",
        "/api.xro/2.0/Payments?summarizeErrors=false",
        b'{"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"090"},"Amount":500.0,'
        b'"HasAccount":false,"HasValidationErrors":false}]}' % till.invoice.invoice_id.encode(),
    )
    assert status == 200
    assert b'"StatusAttributeString":"ERROR"' in body
    assert b'"PaymentID":"00000000-0000-0000-0000-000000000000"' in body
    assert (
        b'"ValidationErrors":[{"Message":"Payment amount exceeds the amount outstanding on this document"}]'
        in body
    )


def _raw(till, method, path, body):
    from xerohelper.sandbox.testing import http_request

    token = till.api.api_client.get_oauth2_token()["access_token"]
    return http_request(
        method,
        till.base_url + path,
        body,
        {
            "Authorization": f"Bearer {token}",
            "xero-tenant-id": till.tenant,
            "Content-Type": "application/json",
        },
    )


def test_payment_date_may_be_an_iso_date(till):
    status, _, _ = _raw(
        till,
        "PUT",
        "/api.xro/2.0/Payments",
        b'{"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"090"},"Amount":5,'
        b'"Date":"%s"}]}' % (till.invoice.invoice_id.encode(), till.today.isoformat().encode()),
    )
    assert status == 200
    assert till.reread().amount_paid == Decimal("5.00")


def test_line_helper_keeps_two_places():
    assert line("1.10").unit_amount == Decimal("1.10")
