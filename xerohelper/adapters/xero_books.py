"""The organisation's books in Xero, as the day's checklist needs them: its set-up (accounts, tax rates,
contacts, lock dates), and the day's invoices, credit notes and payments.

Only this module (with xero_api and xero_shapes) builds SDK models. Every call goes through the XeroPacer
(limits, retries) and the XeroApi (tokens, reconnect). Answers come back as core types (xero_shapes);
Xero's refusals as XeroRefused (a whole request: Xero's status and body) or as per-item `problems`
(summarizeErrors=false), with Xero's own words. A batch write takes the Idempotency-Keys of the journal's
intents it carries and sends one key made of them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

from xero_python.accounting.models import (
    CreditNote,
    CreditNotes,
    Invoice,
    Invoices,
    PaymentDelete,
    Payments,
)

from xerohelper.adapters.xero_api import XeroApi
from xerohelper.adapters.xero_errors import xero_refusals_translated
from xerohelper.adapters.xero_pacing import WaitListener, XeroPacer
from xerohelper.adapters.xero_shapes import (
    CREDIT_NOTES,
    DOCUMENTS_PER_CALL,
    INVOICES,
    LOOKUPS_PER_CALL,
    PAGE_SIZE,
    PAYMENTS_PER_CALL,
    DocumentKind,
    ItemResult,
    PaymentSeen,
    credit_note_facts,
    credit_note_model,
    document_results,
    enum_text,
    gone_status,
    in_batches,
    in_whole_batches,
    invoice_facts,
    invoice_model,
    item_problems,
    one_idempotency_key,
    payment_model,
    payments_seen,
)
from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.organisation_setup import AccountInfo, ContactInfo, OrganisationSetup, TaxRateInfo
from xerohelper.core.plan_limit import COUNTED_STATUSES
from xerohelper.core.sales_invoice import CreditNotePlan, PaymentPlan, SalesInvoicePlan
from xerohelper.core.till_tracking import TrackingCategoryInfo

T = TypeVar("T")


def _date_time(day: date) -> str:
    """A date as Xero's where-expressions write it: DateTime(2026, 12, 01)."""
    return f"DateTime({day.year}, {day.month:02d}, {day.day:02d})"


class XeroBooks:
    def __init__(
        self,
        api: XeroApi,
        tenant_id: str,
        pacer: XeroPacer,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> None:
        self.api = api
        self.tenant_id = tenant_id
        self.pacer = pacer
        self.cancel = cancel  # this caller's Cancel (the pacer's own stops every caller's waits)
        self.on_wait = on_wait  # this caller's listener for waits (a countdown)
        self._accounting = api.accounting

    def with_cancel(self, cancel: threading.Event | None, on_wait: WaitListener | None = None) -> XeroBooks:
        """The same books (same pacer: the same limits), whose waits also stop when `cancel` is set and
        are heard by `on_wait` (seconds, why)."""
        if (cancel is None or cancel is self.cancel) and (on_wait is None or on_wait is self.on_wait):
            return self
        return XeroBooks(self.api, self.tenant_id, self.pacer, cancel or self.cancel, on_wait or self.on_wait)

    def check_cancel(self) -> None:
        """Raise Cancelled when this caller (or the window closing) has asked to stop."""
        self.pacer.check_cancel(self.cancel)

    def _run(self, what: str, method, *args, **kwargs):
        with xero_refusals_translated():
            return self.pacer.run(
                lambda: self.api.call(method, self.tenant_id, *args, _return_http_data_only=False, **kwargs),
                what,
                self.cancel,
                self.on_wait,
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
                type=enum_text(a.type),
                status=enum_text(a.status),
                accepts_payments=enum_text(a.type) == "BANK" or bool(a.enable_payments_to_account),
                account_id=str(a.account_id or ""),
                default_tax_type=str(a.tax_type or ""),
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
                    enum_text(r.status),
                    bool(r.can_apply_to_revenue) if r.can_apply_to_revenue is not None else True,
                )
                for r in rates
            },
            base_currency=enum_text(org.base_currency),
            period_lock_date=org.period_lock_date,
            end_of_year_lock_date=org.end_of_year_lock_date,
            short_code=str(org.short_code or ""),
            name=str(org.name or ""),
            accounts_without_code=tuple(without_code),
            plan_class=enum_text(org._class),
        )

    def approved_sales_invoices(self, year: int, month: int) -> int:
        """How many sales invoices dated in this month Xero counts against a plan's cap (approved, paid, or
        approved then voided): one call, one row, Xero's own item count."""
        first = date(year, month, 1)
        after = date(year + month // 12, month % 12 + 1, 1)
        answer = self._run(
            "count this month's approved invoices",
            self._accounting.get_invoices,
            where=f'Type=="ACCREC" AND Date>={_date_time(first)} AND Date<{_date_time(after)}',
            statuses=list(COUNTED_STATUSES),
            page=1,
            page_size=1,
            summary_only=True,
        )
        pagination = answer.pagination
        if pagination is not None and pagination.item_count is not None:
            return int(pagination.item_count)
        return len(answer.invoices or [])

    def approved_sales_credit_notes(self, year: int, month: int) -> int:
        """How many sales credit notes dated in this month are approved, paid, or approved then voided: Xero
        doesn't say whether a plan's cap counts them, so xerohelper counts them too, to be safe. One call."""
        first = date(year, month, 1)
        after = date(year + month // 12, month % 12 + 1, 1)
        statuses = " OR ".join(f'Status=="{s}"' for s in COUNTED_STATUSES)
        answer = self._run(
            "count this month's approved credit notes",
            self._accounting.get_credit_notes,
            where=f'Type=="ACCRECCREDIT" AND ({statuses}) AND Date>={_date_time(first)} '
            f"AND Date<{_date_time(after)}",
            page=1,
            page_size=1,
        )
        pagination = answer.pagination
        if pagination is not None and pagination.item_count is not None:
            return int(pagination.item_count)
        return len(answer.credit_notes or [])

    def read_tracking_choices(self) -> list[TrackingCategoryInfo]:
        """Every tracking category with its options, archived ones included (so Shop setup can say an
        option a till uses was archived, rather than only that it is missing)."""
        categories = self._run(
            "read tracking categories", self._accounting.get_tracking_categories, include_archived=True
        )
        found = []
        for c in categories.tracking_categories or []:
            options = [(str(o.name or ""), enum_text(o.status)) for o in (c.options or [])]
            found.append(
                TrackingCategoryInfo(
                    name=str(c.name or ""),
                    category_id=str(c.tracking_category_id or ""),
                    status=enum_text(c.status) or "ACTIVE",
                    options=tuple(n for n, status in options if status in ("ACTIVE", "")),
                    archived_options=tuple(n for n, status in options if status == "ARCHIVED"),
                )
            )
        return found

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
        active = [c for c in matches if enum_text(c.contact_status) == "ACTIVE"]
        chosen = (active or matches)[0]
        return ContactInfo(str(chosen.contact_id), str(chosen.name), enum_text(chosen.contact_status))

    # ---- invoices ---------------------------------------------------------------------------------------
    def invoices_by_number(self, numbers: Iterable[str]) -> dict[str, list[InvoiceFacts]]:
        """Every sales invoice with one of these numbers (voided and deleted ones too)."""
        found: dict[str, list[InvoiceFacts]] = {}
        for chunk in in_batches(sorted(set(numbers)), LOOKUPS_PER_CALL):
            for inv in self._pages("look up invoices", invoice_numbers=chunk):
                if enum_text(inv.type) == "ACCREC":
                    found.setdefault(str(inv.invoice_number), []).append(invoice_facts(inv))
        return found

    def invoices_by_id(self, invoice_ids: Sequence[str]) -> dict[str, InvoiceFacts]:
        found: dict[str, InvoiceFacts] = {}
        for chunk in in_batches(list(dict.fromkeys(invoice_ids)), LOOKUPS_PER_CALL):
            for inv in self._pages("re-read invoices", i_ds=chunk):
                found[str(inv.invoice_id)] = invoice_facts(inv)
        return found

    def _pages(self, what: str, **query) -> list:
        """Every invoice the query finds, page after page (a page is one call; one is the rule)."""
        rows: list = []
        page = 1
        while True:
            answer = self._run(what, self._accounting.get_invoices, page=page, page_size=PAGE_SIZE, **query)
            found = answer.invoices or []
            rows += found
            if len(found) < PAGE_SIZE:
                return rows
            page += 1

    @staticmethod
    def document_batches(items: Sequence[T]) -> list[list[T]]:
        """Invoices (or credit notes) to send or approve, in calls as large as xerohelper sends."""
        return in_batches(items, DOCUMENTS_PER_CALL)

    def create_invoices(
        self, plans: Sequence[SalesInvoicePlan], contact_id: str, idempotency_keys: Sequence[str]
    ) -> list[ItemResult]:
        batch = Invoices(invoices=[invoice_model(plan, contact_id) for plan in plans])
        numbers = [p.number for p in plans]
        return self._document_batch(
            "create invoices", self._accounting.create_invoices, batch, numbers, idempotency_keys, INVOICES
        )

    def approve(self, invoices: Sequence[InvoiceFacts], idempotency_keys: Sequence[str]) -> list[ItemResult]:
        """Set these invoices to AUTHORISED ("Awaiting payment") in one call."""
        batch = Invoices(invoices=[Invoice(invoice_id=i.invoice_id, status="AUTHORISED") for i in invoices])
        numbers = [i.number for i in invoices]
        method = self._accounting.update_or_create_invoices
        return self._document_batch(
            "approve invoices", method, batch, numbers, idempotency_keys, INVOICES, approving=True
        )

    def _document_batch(
        self,
        what: str,
        method,
        batch,
        numbers: list[str],
        idempotency_keys: Sequence[str],
        kind: DocumentKind,
        approving: bool = False,
    ) -> list[ItemResult]:
        """One call for many documents (summarizeErrors=false): each document gets its own answer."""
        key = one_idempotency_key(idempotency_keys)
        answer = self._run(what, method, batch, summarize_errors=False, idempotency_key=key)
        return document_results(kind, numbers, answer, approving)

    def void(self, invoice: InvoiceFacts, idempotency_key: str) -> InvoiceFacts:
        """Void an approved invoice, delete a draft one."""
        answer = self._run(
            "void invoice",
            self._accounting.update_invoice,
            invoice.invoice_id,
            Invoices(invoices=[Invoice(invoice_id=invoice.invoice_id, status=gone_status(invoice))]),
            idempotency_key=idempotency_key,
        )
        return invoice_facts(answer.invoices[0])

    # ---- credit notes (refunds paid out) -------------------------------------------------------------------
    def credit_notes_by_number(self, numbers: Iterable[str]) -> dict[str, list[InvoiceFacts]]:
        numbers = sorted(set(numbers))
        if not numbers:
            return {}
        where = " OR ".join(f'CreditNoteNumber=="{n}"' for n in numbers)
        answer = self._run("look up credit notes", self._accounting.get_credit_notes, where=where, page=1)
        found: dict[str, list[InvoiceFacts]] = {}
        for note in answer.credit_notes or []:
            if enum_text(note.type) == "ACCRECCREDIT":
                found.setdefault(str(note.credit_note_number), []).append(credit_note_facts(note))
        return found

    def credit_notes_by_id(self, ids: Sequence[str]) -> dict[str, InvoiceFacts]:
        """Each credit note read back (one call each: Xero's credit notes have no IDs filter)."""
        found = {}
        for credit_note_id in ids:
            answer = self._run("re-read credit note", self._accounting.get_credit_note, credit_note_id)
            note = (answer.credit_notes or [None])[0]
            if note is not None:
                found[credit_note_id] = credit_note_facts(note)
        return found

    def create_credit_notes(
        self, plans: Sequence[CreditNotePlan], contact_id: str, idempotency_keys: Sequence[str]
    ) -> list[ItemResult]:
        batch = CreditNotes(credit_notes=[credit_note_model(plan, contact_id) for plan in plans])
        numbers = [p.number for p in plans]
        method = self._accounting.create_credit_notes
        return self._document_batch(
            "create credit notes", method, batch, numbers, idempotency_keys, CREDIT_NOTES
        )

    def approve_credit_notes(
        self, notes: Sequence[InvoiceFacts], idempotency_keys: Sequence[str]
    ) -> list[ItemResult]:
        batch = CreditNotes(
            credit_notes=[CreditNote(credit_note_id=n.invoice_id, status="AUTHORISED") for n in notes]
        )
        numbers = [n.number for n in notes]
        method = self._accounting.update_or_create_credit_notes
        return self._document_batch(
            "approve credit notes", method, batch, numbers, idempotency_keys, CREDIT_NOTES, approving=True
        )

    def void_credit_note(self, note: InvoiceFacts, idempotency_key: str) -> InvoiceFacts:
        """Void an approved credit note, delete a draft one."""
        answer = self._run(
            "void credit note",
            self._accounting.update_credit_note,
            note.invoice_id,
            CreditNotes(credit_notes=[CreditNote(credit_note_id=note.invoice_id, status=gone_status(note))]),
            idempotency_key=idempotency_key,
        )
        return credit_note_facts(answer.credit_notes[0])

    def payments_on_credit_note(self, credit_note_id: str) -> list[PaymentSeen]:
        answer = self._run("read credit note refunds", self._accounting.get_credit_note, credit_note_id)
        note = (answer.credit_notes or [None])[0]
        return payments_seen(note)

    # ---- payments ---------------------------------------------------------------------------------------
    @staticmethod
    def payment_batches(items: Sequence[T], day_of=None) -> list[list[T]]:
        """The payments to record, in calls as large as xerohelper sends (one create_payments each); with
        `day_of`, a day's payments are never split across two calls (unless it has more than a call holds)."""
        if day_of is None:
            return in_batches(items, PAYMENTS_PER_CALL)
        return in_whole_batches(items, day_of, PAYMENTS_PER_CALL)

    def create_payments(
        self, payments: Sequence[tuple[str, PaymentPlan]], idempotency_keys: Sequence[str], part: int = 0
    ) -> list[ItemResult]:
        """One payment per (document id, tender plan), in one call; each gets its own answer. A refund plan's
        document is the day's credit note (money paid out of the account), the others the day's invoice.
        `part` numbers the calls of one batch (payment_batches): each gets its own Idempotency-Key."""
        batch = Payments(payments=[payment_model(document_id, plan) for document_id, plan in payments])
        key = one_idempotency_key(idempotency_keys)
        answer = self._run(
            "record payments",
            self._accounting.create_payments,
            batch,
            summarize_errors=False,
            idempotency_key=f"{key}-{part}" if part else key,
        )
        return [
            ItemResult(
                plan.tender,
                payment_id="" if item_problems(p) else str(p.payment_id),
                problems=item_problems(p),
                collection="Payments",
            )
            for (_, plan), p in zip(payments, answer.payments or [], strict=False)
        ]

    def payments_on_invoice(self, invoice_id: str) -> list[PaymentSeen]:
        """The payments Xero holds against one invoice (to find out what went through before a stop)."""
        answer = self._run("read invoice payments", self._accounting.get_invoice, invoice_id)
        return payments_seen((answer.invoices or [None])[0])

    def delete_payment(self, payment_id: str, idempotency_key: str) -> dict[str, str]:
        """Remove a payment; what the journal keeps of it."""
        self._run(
            "remove payment",
            self._accounting.delete_payment,
            payment_id,
            PaymentDelete(status="DELETED"),
            idempotency_key=idempotency_key,
        )
        return {"PaymentID": payment_id, "Status": "DELETED"}
