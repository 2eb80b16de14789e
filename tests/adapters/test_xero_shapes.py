"""Xero's wire shapes: the SDK models sent for the day's documents, Xero's answers read back into core
types, and Xero's rules for a batch (its size, one Idempotency-Key, a refused item's answer)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from xero_python.accounting.models import CreditNote, CreditNotes, Invoice, Invoices, Payment, ValidationError

from xerohelper.adapters.xero_shapes import (
    CREDIT_NOTES,
    IDEMPOTENCY_KEY_MAX,
    INVOICES,
    ItemResult,
    document_results,
    gone_status,
    in_batches,
    invoice_facts,
    item_problems,
    items_refused,
    one_idempotency_key,
    payment_model,
)
from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.explain.failed_call import FailedCall, read_messages
from xerohelper.core.sales_invoice import PaymentPlan

KEY = "0123456789abcdef0123456789abcdef"  # as the journal makes them (uuid4 hex)


def test_one_intent_keeps_its_own_key_and_a_batch_gets_one_key_within_xeros_limit():
    assert one_idempotency_key([KEY]) == KEY
    assert one_idempotency_key([KEY, KEY[::-1]]) == KEY + KEY[::-1]
    thirty_one_days = [f"{n:02d}{KEY[2:]}" for n in range(31)]
    key = one_idempotency_key(thirty_one_days)
    assert len(key) <= IDEMPOTENCY_KEY_MAX
    assert key == one_idempotency_key(list(thirty_one_days))  # a retry of the same intents: the same key
    assert key != one_idempotency_key(thirty_one_days[:-1])


def test_batches_keep_the_order_and_the_size():
    items = list(range(93))
    batches = in_batches(items, 50)
    assert [len(b) for b in batches] == [50, 43] and [i for b in batches for i in b] == items
    assert in_batches([], 50) == []


def test_refused_items_are_written_as_xero_writes_them_and_read_back_by_the_core():
    results = [
        ItemResult("Amex", problems=("Account code '616' is not a valid code.",), collection="Payments"),
        ItemResult(
            "Voucher", problems=("Payment amount exceeds the amount outstanding.",), collection="Payments"
        ),
    ]
    refusal = items_refused(results)
    assert refusal.status == 200
    body = json.loads(refusal.body)
    assert list(body) == ["Payments"] and body["Payments"][0]["StatusAttributeString"] == "ERROR"
    messages = [m.text for m in read_messages(FailedCall.from_http(refusal.status, refusal.body))]
    assert messages == [
        "Account code '616' is not a valid code.",
        "Payment amount exceeds the amount outstanding.",
    ]


def test_a_refund_is_paid_out_of_the_credit_note_the_takings_into_the_invoice():
    day = date(2026, 11, 21)
    takings = payment_model("INV-1", PaymentPlan("Cash", "090", Decimal("412.30"), day, "POS-20261121 Cash"))
    refund = payment_model("CN-1", PaymentPlan("Cash", "090", Decimal("20.00"), day, "refund", refund=True))
    assert takings.invoice.invoice_id == "INV-1" and takings.credit_note is None
    assert takings.amount == 412.30 and takings.account.code == "090"
    assert refund.credit_note.credit_note_id == "CN-1" and refund.invoice is None


def test_a_draft_is_deleted_an_approved_document_voided():
    def document(status: str) -> InvoiceFacts:
        return InvoiceFacts("id", "POS-20261121", status, Decimal("1"), Decimal("1"))

    assert [gone_status(document(s)) for s in ("DRAFT", "SUBMITTED", "AUTHORISED", "PAID")] == [
        "DELETED",
        "DELETED",
        "VOIDED",
        "VOIDED",
    ]


def test_xeros_answers_become_core_types():
    answer = Invoice(
        invoice_id="abc", invoice_number="POS-20261121", status="AUTHORISED", total=2240.4, amount_due=262.5
    )
    assert invoice_facts(answer) == InvoiceFacts(
        "abc", "POS-20261121", "AUTHORISED", Decimal("2240.40"), Decimal("262.50")
    )
    assert item_problems(answer) == ()
    refused = Payment(validation_errors=[ValidationError(message="Account is archived")])
    assert item_problems(refused) == ("Account is archived",)
    silent = Payment(status_attribute_string="ERROR")
    assert item_problems(silent) == ("Xero refused this item without saying why.",)


def test_each_document_of_a_batch_gets_its_own_answer_and_what_the_journal_keeps():
    refused = Invoice(
        status_attribute_string="ERROR",
        validation_errors=[ValidationError(message="Invoice not of valid status for modification")],
    )
    approved = Invoice(invoice_id="a", invoice_number="POS-1", status="AUTHORISED", total=10, amount_due=10)
    answer = Invoices(invoices=[approved, refused])
    ok, no = document_results(INVOICES, ["POS-1", "POS-2"], answer, approving=True)
    assert ok.ok and ok.invoice.invoice_id == "a" and ok.collection == "Invoices"
    assert ok.xero_ids == {"InvoiceID": "a", "Status": "AUTHORISED"}
    assert (no.ok, no.key, no.invoice, no.xero_ids) == (False, "POS-2", None, {})
    assert no.problems == ("Invoice not of valid status for modification",)

    note = CreditNote(
        credit_note_id="c", credit_note_number="POS-1-CN", status="DRAFT", total=20, remaining_credit=20
    )
    (made,) = document_results(CREDIT_NOTES, ["POS-1-CN"], CreditNotes(credit_notes=[note]), approving=False)
    assert made.xero_ids == {"CreditNoteID": "c"} and made.invoice.amount_due == Decimal("20.00")
