"""The organisation's books in Xero, as the day's checklist needs them: its set-up (accounts, tax rates,
contacts, lock dates), and the day's invoices and payments.

Only this module (with xero_api) builds SDK models. Every call goes through the XeroPacer (limits,
retries) and the XeroApi (tokens, reconnect). Answers come back as core types; Xero's refusals as
SDK exceptions (whole request) or as per-item `problems` (summarizeErrors=false), with Xero's own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xero_python.accounting.models import (
    Account,
    Contact,
    CreditNote,
    CreditNotes,
    Invoice,
    Invoices,
    LineAmountTypes,
    LineItem,
    LineItemTracking,
    Payment,
    PaymentDelete,
    Payments,
)

from xerohelper.adapters.xero_api import XeroApi
from xerohelper.adapters.xero_pacing import XeroPacer
from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.money import ZERO, money
from xerohelper.core.organisation_setup import AccountInfo, ContactInfo, OrganisationSetup, TaxRateInfo
from xerohelper.core.sales_invoice import CreditNotePlan, PaymentPlan, SalesInvoicePlan

PAYMENTS_PER_CALL = 50  # keep batches modest; Xero answers each one in a single response
INVOICES_PER_CALL = 50


@dataclass(frozen=True)
class PaymentSeen:
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
    raw: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


class XeroBooks:
    def __init__(self, api: XeroApi, tenant_id: str, pacer: XeroPacer) -> None:
        self.api = api
        self.tenant_id = tenant_id
        self.pacer = pacer
        self._accounting = api.accounting

    def _run(self, what: str, method, *args, **kwargs):
        return self.pacer.run(
            lambda: self.api.call(method, self.tenant_id, *args, _return_http_data_only=False, **kwargs), what
        )

    # ---- set-up -----------------------------------------------------------------------------------------
    def read_setup(self) -> OrganisationSetup:
        accounts = self._run("read accounts", self._accounting.get_accounts).accounts or []
        rates = self._run("read tax rates", self._accounting.get_tax_rates).tax_rates or []
        org = self._run("read organisation", self._accounting.get_organisations).organisations[0]
        by_code: dict[str, AccountInfo] = {}
        without_code = []
        for a in accounts:
            code = str(a.code or "")
            info = AccountInfo(
                code=code,
                name=str(a.name or ""),
                type=_enum(a.type),
                status=_enum(a.status),
                accepts_payments=_enum(a.type) == "BANK" or bool(a.enable_payments_to_account),
                account_id=str(a.account_id or ""),
            )
            if code:
                by_code[code] = info
            else:
                without_code.append(info.name)
        return OrganisationSetup(
            accounts=by_code,
            tax_rates={
                str(r.tax_type): TaxRateInfo(
                    str(r.tax_type),
                    str(r.name or ""),
                    Decimal(
                        str(r.effective_rate if r.effective_rate is not None else r.display_tax_rate or 0)
                    ),
                    _enum(r.status),
                    bool(r.can_apply_to_revenue) if r.can_apply_to_revenue is not None else True,
                )
                for r in rates
            },
            base_currency=_enum(org.base_currency),
            period_lock_date=org.period_lock_date,
            end_of_year_lock_date=org.end_of_year_lock_date,
            short_code=str(org.short_code or ""),
            name=str(org.name or ""),
            accounts_without_code=tuple(without_code),
        )

    def find_contact(self, name: str) -> ContactInfo | None:
        """The contact with exactly this name, archived ones included (so we can say it's archived)."""
        escaped = name.replace('"', '\\"')
        contacts = (
            self._run(
                "find contact",
                self._accounting.get_contacts,
                where=f'Name=="{escaped}"',
                include_archived=True,
            ).contacts
            or []
        )
        matches = [c for c in contacts if str(c.name or "").casefold() == name.casefold()]
        if not matches:
            return None
        active = [c for c in matches if _enum(c.contact_status) == "ACTIVE"]
        chosen = (active or matches)[0]
        return ContactInfo(str(chosen.contact_id), str(chosen.name), _enum(chosen.contact_status))

    # ---- invoices ---------------------------------------------------------------------------------------
    def invoices_by_number(self, numbers: Iterable[str]) -> dict[str, list[InvoiceFacts]]:
        """Every sales invoice with one of these numbers (voided and deleted ones too)."""
        numbers = sorted(set(numbers))
        found: dict[str, list[InvoiceFacts]] = {}
        if not numbers:
            return found
        answer = self._run(
            "look up invoices", self._accounting.get_invoices, invoice_numbers=numbers, page_size=100, page=1
        )
        for inv in answer.invoices or []:
            if _enum(inv.type) == "ACCREC":
                found.setdefault(str(inv.invoice_number), []).append(_facts(inv))
        return found

    def invoices_by_id(self, invoice_ids: Sequence[str]) -> dict[str, InvoiceFacts]:
        if not invoice_ids:
            return {}
        answer = self._run("re-read invoices", self._accounting.get_invoices, i_ds=list(invoice_ids), page=1)
        return {str(inv.invoice_id): _facts(inv) for inv in answer.invoices or []}

    def create_invoices(
        self, plans: Sequence[SalesInvoicePlan], contact_id: str, idempotency_key: str
    ) -> list[ItemResult]:
        batch = Invoices(invoices=[_invoice(plan, contact_id) for plan in plans])
        return self._invoice_batch(
            "create invoices",
            self._accounting.create_invoices,
            batch,
            [p.number for p in plans],
            idempotency_key,
        )

    def approve(self, invoices: Sequence[InvoiceFacts], idempotency_key: str) -> list[ItemResult]:
        """Set these invoices to AUTHORISED ("Awaiting payment") in one call."""
        batch = Invoices(invoices=[Invoice(invoice_id=i.invoice_id, status="AUTHORISED") for i in invoices])
        return self._invoice_batch(
            "approve invoices",
            self._accounting.update_or_create_invoices,
            batch,
            [i.number for i in invoices],
            idempotency_key,
        )

    def _invoice_batch(
        self, what: str, method, batch: Invoices, numbers: list[str], key: str
    ) -> list[ItemResult]:
        """One call for many invoices (summarizeErrors=false): each invoice gets its own answer."""
        answer = self._run(what, method, batch, summarize_errors=False, idempotency_key=key)
        return [
            ItemResult(number, invoice=None if _errors(inv) else _facts(inv), problems=_errors(inv))
            for number, inv in zip(numbers, answer.invoices or [], strict=False)
        ]

    # ---- credit notes (refunds paid out) -------------------------------------------------------------------
    def credit_notes_by_number(self, numbers: Iterable[str]) -> dict[str, list[InvoiceFacts]]:
        numbers = sorted(set(numbers))
        if not numbers:
            return {}
        where = " OR ".join(f'CreditNoteNumber=="{n}"' for n in numbers)
        answer = self._run("look up credit notes", self._accounting.get_credit_notes, where=where, page=1)
        found: dict[str, list[InvoiceFacts]] = {}
        for note in answer.credit_notes or []:
            if _enum(note.type) == "ACCRECCREDIT":
                found.setdefault(str(note.credit_note_number), []).append(_credit_facts(note))
        return found

    def credit_notes_by_id(self, ids: Sequence[str]) -> dict[str, InvoiceFacts]:
        """Each credit note read back (one call each: Xero's credit notes have no IDs filter)."""
        found = {}
        for credit_note_id in ids:
            answer = self._run("re-read credit note", self._accounting.get_credit_note, credit_note_id)
            note = (answer.credit_notes or [None])[0]
            if note is not None:
                found[credit_note_id] = _credit_facts(note)
        return found

    def create_credit_notes(
        self, plans: Sequence[CreditNotePlan], contact_id: str, idempotency_key: str
    ) -> list[ItemResult]:
        batch = CreditNotes(credit_notes=[_credit_note(plan, contact_id) for plan in plans])
        return self._credit_note_batch(
            "create credit notes",
            self._accounting.create_credit_notes,
            batch,
            [p.number for p in plans],
            idempotency_key,
        )

    def approve_credit_notes(self, notes: Sequence[InvoiceFacts], idempotency_key: str) -> list[ItemResult]:
        batch = CreditNotes(
            credit_notes=[CreditNote(credit_note_id=n.invoice_id, status="AUTHORISED") for n in notes]
        )
        return self._credit_note_batch(
            "approve credit notes",
            self._accounting.update_or_create_credit_notes,
            batch,
            [n.number for n in notes],
            idempotency_key,
        )

    def _credit_note_batch(self, what: str, method, batch, numbers: list[str], key: str) -> list[ItemResult]:
        answer = self._run(what, method, batch, summarize_errors=False, idempotency_key=key)
        return [
            ItemResult(number, invoice=None if _errors(note) else _credit_facts(note), problems=_errors(note))
            for number, note in zip(numbers, answer.credit_notes or [], strict=False)
        ]

    def void_credit_note(self, note: InvoiceFacts, idempotency_key: str) -> InvoiceFacts:
        status = "DELETED" if note.status in ("DRAFT", "SUBMITTED") else "VOIDED"
        answer = self._run(
            "void credit note",
            self._accounting.update_credit_note,
            note.invoice_id,
            CreditNotes(credit_notes=[CreditNote(credit_note_id=note.invoice_id, status=status)]),
            idempotency_key=idempotency_key,
        )
        return _credit_facts(answer.credit_notes[0])

    def payments_on_credit_note(self, credit_note_id: str) -> list[PaymentSeen]:
        answer = self._run("read credit note refunds", self._accounting.get_credit_note, credit_note_id)
        note = (answer.credit_notes or [None])[0]
        return _payments_seen(note)

    def void(self, invoice: InvoiceFacts, idempotency_key: str) -> InvoiceFacts:
        status = "DELETED" if invoice.status in ("DRAFT", "SUBMITTED") else "VOIDED"
        answer = self._run(
            "void invoice",
            self._accounting.update_invoice,
            invoice.invoice_id,
            Invoices(invoices=[Invoice(invoice_id=invoice.invoice_id, status=status)]),
            idempotency_key=idempotency_key,
        )
        return _facts(answer.invoices[0])

    # ---- payments ---------------------------------------------------------------------------------------
    def create_payments(
        self, payments: Sequence[tuple[str, PaymentPlan]], idempotency_key: str, part: int = 0
    ) -> list[ItemResult]:
        """One payment per (document id, tender plan), in one call; each gets its own answer. A refund plan's
        document is the day's credit note (money paid out of the account), the others the day's invoice."""
        batch = Payments(
            payments=[
                Payment(
                    invoice=None if plan.refund else Invoice(invoice_id=document_id),
                    credit_note=CreditNote(credit_note_id=document_id) if plan.refund else None,
                    account=Account(code=plan.account_code),
                    date=plan.trading_date,
                    amount=float(money(plan.amount)),
                    reference=plan.reference,
                )
                for document_id, plan in payments
            ]
        )
        answer = self._run(
            "record payments",
            self._accounting.create_payments,
            batch,
            summarize_errors=False,
            idempotency_key=f"{idempotency_key}-{part}" if part else idempotency_key,
        )
        return [
            ItemResult(plan.tender, payment_id="" if _errors(p) else str(p.payment_id), problems=_errors(p))
            for (_, plan), p in zip(payments, answer.payments or [], strict=False)
        ]

    def payments_on_invoice(self, invoice_id: str) -> list[PaymentSeen]:
        """The payments Xero holds against one invoice (to find out what went through before a stop)."""
        answer = self._run("read invoice payments", self._accounting.get_invoice, invoice_id)
        return _payments_seen((answer.invoices or [None])[0])

    def delete_payment(self, payment_id: str, idempotency_key: str) -> None:
        self._run(
            "remove payment",
            self._accounting.delete_payment,
            payment_id,
            PaymentDelete(status="DELETED"),
            idempotency_key=idempotency_key,
        )


def _invoice(plan: SalesInvoicePlan, contact_id: str) -> Invoice:
    return Invoice(
        type="ACCREC",
        contact=Contact(contact_id=contact_id),
        date=plan.trading_date,
        due_date=plan.trading_date,
        invoice_number=plan.number,
        reference=plan.reference,
        line_amount_types=LineAmountTypes.EXCLUSIVE,
        status="AUTHORISED" if plan.approve else "DRAFT",
        line_items=_line_items(plan.lines),
    )


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


def _credit_note(plan: CreditNotePlan, contact_id: str) -> CreditNote:
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


def _credit_facts(note) -> InvoiceFacts:
    """A credit note as the checklist sees it; amount_due is the credit not yet refunded."""
    return InvoiceFacts(
        invoice_id=str(note.credit_note_id),
        number=str(note.credit_note_number or ""),
        status=_enum(note.status),
        total=money(Decimal(str(note.total if note.total is not None else ZERO))),
        amount_due=money(Decimal(str(note.remaining_credit if note.remaining_credit is not None else ZERO))),
    )


def _payments_seen(document) -> list[PaymentSeen]:
    return [
        PaymentSeen(
            str(p.payment_id),
            money(Decimal(str(p.amount if p.amount is not None else 0))),
            str(p.reference or ""),
        )
        for p in (getattr(document, "payments", None) or [])
        if _enum(getattr(p, "status", "")) != "DELETED"
    ]


def _facts(inv) -> InvoiceFacts:
    return InvoiceFacts(
        invoice_id=str(inv.invoice_id),
        number=str(inv.invoice_number or ""),
        status=_enum(inv.status),
        total=money(Decimal(str(inv.total if inv.total is not None else ZERO))),
        amount_due=money(Decimal(str(inv.amount_due if inv.amount_due is not None else ZERO))),
    )


def _errors(item) -> tuple[str, ...]:
    """Xero's messages for one item of a summarizeErrors=false batch ("" when it went through)."""
    messages = tuple(str(e.message) for e in (item.validation_errors or []) if getattr(e, "message", None))
    failed = str(getattr(item, "status_attribute_string", "") or "").upper() == "ERROR"
    if failed and not messages:
        return ("Xero refused this item without saying why.",)
    return messages


def _enum(value) -> str:
    return str(getattr(value, "value", value) or "")
