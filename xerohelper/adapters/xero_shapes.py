"""Xero's wire shapes for the day's documents: the SDK models xerohelper sends (sales invoices, credit notes,
payments) built from the core's plans, and Xero's answers read back into core types.

Also what Xero's rules say about a batch: how many items one call may carry, one Idempotency-Key for a
batch (at most 128 characters), and a refused item's answer as Xero writes it (kept in the journal).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from xero_python.accounting.models import (
    Account,
    Contact,
    CreditNote,
    Invoice,
    LineAmountTypes,
    LineItem,
    LineItemTracking,
    Payment,
)

from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.money import ZERO, money
from xerohelper.core.sales_invoice import CreditNotePlan, PaymentPlan, SalesInvoicePlan

PAYMENTS_PER_CALL = 50  # keep batches modest; Xero answers each one in a single response
IDEMPOTENCY_KEY_MAX = 128  # Xero's limit on the Idempotency-Key header
ITEMS_REFUSED_STATUS = 200  # summarizeErrors=false: Xero answers 200 and marks the refused items

T = TypeVar("T")


@dataclass(frozen=True)
class PaymentSeen:
    """A payment Xero holds on one of the day's documents."""

    payment_id: str
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class ItemResult:
    """Xero's answer for one item of a batch: what was made, or Xero's messages about it."""

    key: str  # invoice number, or tender name
    invoice: InvoiceFacts | None = None
    payment_id: str = ""
    problems: tuple[str, ...] = ()
    collection: str = ""  # Xero's name for the batch's items: "Invoices", "CreditNotes", "Payments"
    xero_ids: dict[str, str] = field(default_factory=dict)  # what the journal keeps of Xero's answer

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Refusal:
    """Xero's answer refusing something, as the journal keeps it: the HTTP status and the body's text."""

    status: int | None
    body: str


class XeroRefused(Exception):
    """Xero refused a whole request (an HTTP error answer). `refusal` is Xero's answer for the journal;
    `error` is what the SDK raised, for the explanation (adapters/xero_errors reads it)."""

    def __init__(self, refusal: Refusal, error: BaseException) -> None:
        super().__init__(f"Xero refused the request ({refusal.status})")
        self.refusal = refusal
        self.error = error


def items_refused(results: Sequence[ItemResult]) -> Refusal:
    """The refused items of one batch as Xero writes them in its answer (the answer's status is 200)."""
    collection = next((r.collection for r in results if r.collection), "Items")
    items = [
        {"StatusAttributeString": "ERROR", "ValidationErrors": [{"Message": m} for m in r.problems]}
        for r in results
    ]
    return Refusal(ITEMS_REFUSED_STATUS, json.dumps({collection: items}))


def answer_ids(id_name: str, document: InvoiceFacts | None, with_status: bool = False) -> dict[str, str]:
    """What the journal keeps of Xero's answer for one document: its id under Xero's name (and status)."""
    if document is None:
        return {}
    ids = {id_name: document.invoice_id}
    if with_status:
        ids["Status"] = document.status
    return ids


def one_idempotency_key(keys: Sequence[str]) -> str:
    """One Idempotency-Key for a batch, the same every time the same intents are retried."""
    joined = "".join(keys)
    return joined if len(joined) <= IDEMPOTENCY_KEY_MAX else hashlib.sha256(joined.encode()).hexdigest()


def in_batches(items: Sequence[T], size: int) -> list[list[T]]:
    """The items in calls of at most `size`, in order."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


# ---- what xerohelper sends ---------------------------------------------------------------------------------


def invoice_model(plan: SalesInvoicePlan, contact_id: str) -> Invoice:
    return Invoice(
        type="ACCREC",
        contact=Contact(contact_id=contact_id),
        date=plan.trading_date,
        due_date=plan.trading_date,
        invoice_number=plan.number,
        reference=plan.reference,
        line_amount_types=(
            LineAmountTypes.INCLUSIVE if plan.amounts_include_tax else LineAmountTypes.EXCLUSIVE
        ),
        status="AUTHORISED" if plan.approve else "DRAFT",
        line_items=_line_items(plan.lines),
    )


def credit_note_model(plan: CreditNotePlan, contact_id: str) -> CreditNote:
    return CreditNote(
        type="ACCRECCREDIT",
        contact=Contact(contact_id=contact_id),
        date=plan.trading_date,
        credit_note_number=plan.number,
        reference=plan.reference,
        line_amount_types=LineAmountTypes.EXCLUSIVE,
        status="AUTHORISED" if plan.approve else "DRAFT",
        line_items=_line_items(plan.lines),
    )


def payment_model(document_id: str, plan: PaymentPlan) -> Payment:
    """A refund plan's document is the day's credit note (money paid out), the others the day's invoice."""
    return Payment(
        invoice=None if plan.refund else Invoice(invoice_id=document_id),
        credit_note=CreditNote(credit_note_id=document_id) if plan.refund else None,
        account=Account(code=plan.account_code),
        date=plan.trading_date,
        amount=float(money(plan.amount)),
        reference=plan.reference,
    )


def gone_status(document: InvoiceFacts) -> str:
    """What voiding a document means in Xero: a draft is deleted, an approved one voided."""
    return "DELETED" if document.status in ("DRAFT", "SUBMITTED") else "VOIDED"


def _line_items(lines) -> list[LineItem]:
    return [
        LineItem(
            description=line.description,
            quantity=1.0,
            unit_amount=float(money(line.net)),
            account_code=line.account_code,
            tax_type=line.tax_type,
            tracking=[LineItemTracking(name=n, option=o) for n, o in line.tracking] or None,
        )
        for line in lines
    ]


# ---- what Xero answers ---------------------------------------------------------------------------------


def invoice_facts(inv) -> InvoiceFacts:
    return InvoiceFacts(
        invoice_id=str(inv.invoice_id),
        number=str(inv.invoice_number or ""),
        status=enum_text(inv.status),
        total=money(Decimal(str(inv.total if inv.total is not None else ZERO))),
        amount_due=money(Decimal(str(inv.amount_due if inv.amount_due is not None else ZERO))),
    )


def credit_note_facts(note) -> InvoiceFacts:
    """A credit note as the checklist sees it; amount_due is the credit not yet refunded."""
    return InvoiceFacts(
        invoice_id=str(note.credit_note_id),
        number=str(note.credit_note_number or ""),
        status=enum_text(note.status),
        total=money(Decimal(str(note.total if note.total is not None else ZERO))),
        amount_due=money(Decimal(str(note.remaining_credit if note.remaining_credit is not None else ZERO))),
    )


def payments_seen(document) -> list[PaymentSeen]:
    return [
        PaymentSeen(
            str(p.payment_id),
            money(Decimal(str(p.amount if p.amount is not None else 0))),
            str(p.reference or ""),
        )
        for p in (getattr(document, "payments", None) or [])
        if enum_text(getattr(p, "status", "")) != "DELETED"
    ]


def item_problems(item) -> tuple[str, ...]:
    """Xero's messages for one item of a summarizeErrors=false batch (none when it went through)."""
    messages = tuple(str(e.message) for e in (item.validation_errors or []) if getattr(e, "message", None))
    failed = str(getattr(item, "status_attribute_string", "") or "").upper() == "ERROR"
    if failed and not messages:
        return ("Xero refused this item without saying why.",)
    return messages


def enum_text(value) -> str:
    return str(getattr(value, "value", value) or "")


@dataclass(frozen=True)
class DocumentKind:
    """How Xero names one kind of the day's documents in a batch's answer."""

    collection: str  # the items in Xero's JSON: "Invoices"
    attribute: str  # the SDK's attribute for them: answer.invoices
    id_name: str  # the id in Xero's JSON: "InvoiceID"
    facts: Callable[[object], InvoiceFacts]


INVOICES = DocumentKind("Invoices", "invoices", "InvoiceID", invoice_facts)
CREDIT_NOTES = DocumentKind("CreditNotes", "credit_notes", "CreditNoteID", credit_note_facts)


def document_results(kind: DocumentKind, numbers: Sequence[str], answer, approving: bool) -> list[ItemResult]:
    """Xero's answer for each document of a batch sent with summarizeErrors=false, in the order sent."""
    results = []
    for number, item in zip(numbers, getattr(answer, kind.attribute) or [], strict=False):
        problems = item_problems(item)
        facts = None if problems else kind.facts(item)
        ids = answer_ids(kind.id_name, facts, with_status=approving)
        results.append(ItemResult(number, facts, problems=problems, collection=kind.collection, xero_ids=ids))
    return results
