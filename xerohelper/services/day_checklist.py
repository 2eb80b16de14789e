"""Run a day's checklist against Xero: sales summary → approve drafts → payment tenders.

Every write goes through the journal first (intent with its Idempotency-Key), then Xero, then the outcome.
Before an invoice is created it is looked up by number: ours → done, someone else's → explained, never
posted twice. After each step Xero is read back to confirm. Several days (catch-up) go in as few calls as
Xero allows: one look-up, one batch of invoices, one approval, one batch of payments, one read-back.

This runs on a worker thread (never the GUI thread); it blocks while Xero answers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xero_python.exceptions import ApiException

from xerohelper.adapters.journal import Attempt, Journal, PaymentRecord
from xerohelper.adapters.settings import SANDBOX
from xerohelper.adapters.xero_books import ItemResult, XeroBooks
from xerohelper.adapters.xero_pacing import Cancelled, DailyLimitReached, XeroPacer
from xerohelper.core.checklist import (
    APPROVED,
    GONE,
    Checklist,
    DayFacts,
    InvoiceFacts,
    Step,
    StepState,
    work_out,
)
from xerohelper.core.connection import ConnectionProblem, ReconnectNeeded
from xerohelper.core.day import Day
from xerohelper.core.explain import Explanation
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money_words
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.sales_invoice import (
    CreditNotePlan,
    PaymentPlan,
    PlanProblem,
    SalesInvoicePlan,
    plan_credit_note,
    plan_payments,
    plan_sales_invoice,
    refunds_paid_out,
)
from xerohelper.services.connection import ConnectionService
from xerohelper.services.day_explainer import DayExplainer
from xerohelper.services.demo_shop import DEMO_MAPPING, DEMO_ORGANISATION
from xerohelper.services.shop_mapping import load_mapping

log = logging.getLogger(__name__)
SETUP_MAX_AGE = 30 * 60  # seconds the organisation's accounts, tax rates and contact are trusted


ProgressListener = Callable[[str], None]


@dataclass(frozen=True)
class DayKey:
    trading_date: date
    location: str = ""


class DayChecklistService:
    def __init__(
        self,
        books: XeroBooks,
        journal: Journal,
        organisation_id: str,
        mapping: Callable[[], Mapping],
        explainer: DayExplainer,
        progress: ProgressListener | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.books = books
        self.journal = journal
        self.organisation_id = organisation_id
        self._mapping = mapping
        self.explainer = explainer
        self.progress = progress or (lambda words: None)
        self._clock = clock
        self._setup: tuple[float, OrganisationSetup, ContactInfo | None] | None = None
        self._attention: dict[DayKey, dict[Step, Explanation]] = {}
        self._running: dict[DayKey, Step] = {}
        self._lock = threading.RLock()  # one run at a time per service

    @classmethod
    def for_connection(
        cls,
        connection: ConnectionService,
        pacer: XeroPacer | None = None,
        progress: ProgressListener | None = None,
    ) -> DayChecklistService:
        """The service for the connected organisation, its Mapping and the journal in the user's data folder.

        Raises NotConnected / ReconnectNeeded when there is no usable connection."""
        api = connection.api()
        tenant_id = connection.saved_organisation().tenant_id
        return cls(
            XeroBooks(api, tenant_id, pacer or XeroPacer()),
            Journal.in_folder(connection.folders.data),
            tenant_id,
            lambda: cls.mapping_for(connection),
            DayExplainer(lambda: connection.saved_organisation().short_code),
            progress=progress,
        )

    @staticmethod
    def mapping_for(connection: ConnectionService) -> Mapping:
        """The organisation's saved Mapping; the ready one for the sandbox's demo shop; else an empty one."""
        organisation = connection.saved_organisation()
        saved = load_mapping(connection.folders.settings, organisation.tenant_id)
        if saved is not None:
            return saved
        if connection.endpoints.name == SANDBOX and organisation.name == DEMO_ORGANISATION:
            return DEMO_MAPPING
        return Mapping()

    # ---- reading (no call to Xero) ------------------------------------------------------------------------
    def save_day(self, day: Day) -> Checklist:
        """Keep the day's figures (from an import or the Z-report form)."""
        self.journal.save_day(self.organisation_id, day)
        self._attention.pop(DayKey(day.date, day.location), None)
        return self.checklist(day.date, day.location)

    def facts(self, trading_date: date, location: str = "") -> DayFacts:
        key = DayKey(trading_date, location)
        record = self.journal.record(self.organisation_id, trading_date, location)
        mapping = self._mapping()
        day = record.day
        problems: list[str] = []
        if day is not None:
            problems += day.problems()
            problems += mapping.problems()
            problems += [
                f"The sales category “{c}” has no Xero account yet. Choose one in Shop setup."
                for c in mapping.unmapped_categories(s.category for s in day.sales)
            ]
        attention = dict(self._attention.get(key) or self._attention_from_journal(key))
        return DayFacts(
            day_problems=tuple(problems),
            has_day=day is not None,
            tenders_to_pay=tuple(t.name for t in day.tenders if t.amount != ZERO) if day else (),
            invoice=record.invoice,
            needs_credit_note=day is not None and refunds_paid_out(day) > ZERO,
            credit_note=record.credit_note,
            paid_tenders={p.tender: p.payment_id for p in record.payments},
            running=self._running.get(key),
            attention=attention,
            skipped=record.skipped,
        )

    def checklist(self, trading_date: date, location: str = "") -> Checklist:
        return work_out(self.facts(trading_date, location))

    def unfinished_days(self, first: date, last: date) -> list[date]:
        """Days between `first` and `last` whose figures are in but whose checklist isn't finished."""
        return sorted(
            {
                d
                for d, location in self.journal.days_between(self.organisation_id, first, last)
                if not self.checklist(d, location).is_finished
            }
        )

    def skip(self, trading_date: date, step: Step, reason: str, location: str = "") -> Checklist:
        self.journal.skip(self.organisation_id, trading_date, location, step, reason.strip() or "Skipped")
        return self.checklist(trading_date, location)

    def unskip(self, trading_date: date, step: Step, location: str = "") -> Checklist:
        self.journal.unskip(self.organisation_id, trading_date, location, step)
        return self.checklist(trading_date, location)

    # ---- running ------------------------------------------------------------------------------------------
    def run_next_step(self, trading_date: date, location: str = "") -> Checklist:
        """What the primary button does: the next step that is ready (or needs attention) is tried once."""
        checklist = self.checklist(trading_date, location)
        step = checklist.next_step
        if step is None:
            return checklist
        return self.run([DayKey(trading_date, location)], only=step.step, approve=True)[0]

    def run_day(self, trading_date: date, location: str = "", approve: bool | None = None) -> Checklist:
        """Run every step that can run. Drafts are approved only when `approve` (or the Mapping) says so."""
        return self.run([DayKey(trading_date, location)], approve=approve)[0]

    def refresh(self, trading_date: date, location: str = "") -> Checklist:
        """'I've fixed it / approved it in Xero — check again': read the day's invoice back from Xero."""
        key = DayKey(trading_date, location)
        with self._lock:
            record = self.journal.record(self.organisation_id, trading_date, location)
            self._attention.pop(key, None)
            self._setup = None  # the owner may have changed accounts, tax rates or the contact in Xero
            if record.invoice is not None:
                with contextlib.suppress(_Stop):  # a failure's explanation is on the step
                    self._guarded(key, Step.APPROVE, lambda: self._read_back([key]))
        return self.checklist(trading_date, location)

    def catch_up(
        self, days: Sequence[date], location: str = "", approve: bool | None = None
    ) -> list[Checklist]:
        """Missed days in date order, batched; stops cleanly at the first day that needs attention."""
        return self.run([DayKey(d, location) for d in sorted(days)], approve=approve)

    # ---- a corrected day --------------------------------------------------------------------------------
    def resend_preview(self, trading_date: date, location: str = "") -> ResendPreview | None:
        """What re-sending the day would change in Xero, for the owner to confirm (None: nothing to do)."""
        record = self.journal.record(self.organisation_id, trading_date, location)
        if record.invoice is None or record.invoice.status in GONE or record.day is None:
            return None
        mapping = self._mapping()
        new_number = mapping.invoice_number(trading_date, location, record.posting + 1)
        return ResendPreview(
            invoice=record.invoice,
            payments=record.payments,
            new_number=new_number,
            new_total=record.day.totals.gross,
            figures_changed=record.figures_changed_since_posting,
            credit_note=record.credit_note
            if record.credit_note and record.credit_note.status not in GONE
            else None,
        )

    def resend(self, trading_date: date, location: str = "", approve: bool | None = None) -> Checklist:
        """After the owner confirmed: remove the day's payments, void the invoice, post the day again."""
        key = DayKey(trading_date, location)
        with self._lock:
            self._attention.pop(key, None)
            record = self.journal.record(self.organisation_id, trading_date, location)
            invoice = record.invoice
            if invoice is None or invoice.status in GONE:
                return self.run_day(trading_date, location, approve)
            note = (
                record.credit_note if record.credit_note and record.credit_note.status not in GONE else None
            )
            try:
                self.progress("Removing the day's payments in Xero…")
                self._remove_payments(key, invoice.invoice_id, self.books.payments_on_invoice)
                if note is not None:
                    self._remove_payments(key, note.invoice_id, self.books.payments_on_credit_note)
                self.progress(f"Voiding invoice {invoice.number} in Xero…")
                gone = self._void(key, "void-invoice", invoice, self.books.void)
                self.journal.update_invoice_status(
                    self.organisation_id, trading_date, location, gone.status, gone.amount_due
                )
                if note is not None:
                    gone = self._void(key, "void-credit-note", note, self.books.void_credit_note)
                    self.journal.record_credit_note(self.organisation_id, trading_date, location, gone)
            except _Stop:
                return self.checklist(trading_date, location)
        return self.run_day(trading_date, location, approve)

    def _void(self, key: DayKey, action: str, document: InvoiceFacts, void) -> InvoiceFacts:
        """Void (or delete, for a draft) one of the day's documents, journal first."""
        attempt = self._begin(key, Step.SALES_SUMMARY, action, {"document_id": document.invoice_id})
        gone = self._guarded(
            key, Step.SALES_SUMMARY, lambda: void(document, attempt.idempotency_key), attempts=[attempt]
        )
        self.journal.succeeded(attempt, {"DocumentID": gone.invoice_id, "Status": gone.status})
        return gone

    def _remove_payments(self, key: DayKey, document_id: str, read) -> None:
        """Delete every payment Xero holds on one of the day's documents (journal first, as always)."""
        for payment in self._guarded(key, Step.PAYMENTS, lambda: read(document_id)):
            attempt = self._begin(key, Step.PAYMENTS, "remove-payment", {"payment_id": payment.payment_id})
            self._guarded(
                key,
                Step.PAYMENTS,
                lambda p=payment, a=attempt: self.books.delete_payment(p.payment_id, a.idempotency_key),
                attempts=[attempt],
            )
            self.journal.succeeded(attempt, {"PaymentID": payment.payment_id, "Status": "DELETED"})
        self.journal.forget_payments(self.organisation_id, key.trading_date, key.location, document_id)

    def run(
        self, keys: Sequence[DayKey], only: Step | None = None, approve: bool | None = None
    ) -> list[Checklist]:
        with self._lock:
            mapping = self._mapping()
            do_approve = mapping.approve_automatically if approve is None else approve
            asked = sorted(set(keys), key=_order)
            keys = list(asked)
            for key in keys:
                self._attention.pop(key, None)
            try:
                if len(keys) > 1:
                    keys = self._up_to_first_predicted_problem(keys, mapping)
                if only in (None, Step.SALES_SUMMARY):
                    keys = self._sales_summaries(keys, mapping)
                if only in (None, Step.APPROVE) and (do_approve or only is Step.APPROVE):
                    keys = self._approve(keys)
                if only in (None, Step.PAYMENTS):
                    self._payments(keys, mapping)
            except _Stop:
                pass
            finally:
                self._running.clear()
            return [self.checklist(k.trading_date, k.location) for k in asked]

    def _up_to_first_predicted_problem(self, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        """Catch-up: the days in order up to and including the first one whose problems can be foreseen;
        the days after it are left untouched until that one is fixed."""
        setup, contact = self._read_setup(keys[0], Step.SALES_SUMMARY)
        for index, key in enumerate(keys):
            record = self.journal.record(self.organisation_id, key.trading_date, key.location)
            if record.day is None:
                continue
            foreseen = bool(self.explainer.preflight(record.day, mapping, setup, contact))
            if record.invoice is None:
                foreseen = foreseen or isinstance(plan_sales_invoice(record.day, mapping, setup.rates), list)
            paid = {p.tender for p in record.payments}
            payments = plan_payments(record.day, mapping, paid)
            foreseen = foreseen or bool(payments and isinstance(payments[0], PlanProblem))
            if foreseen:
                return keys[: index + 1]
        return keys

    # ---- step 1: the sales summary -------------------------------------------------------------------------
    def _sales_summaries(self, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        """Create the invoices that are missing; return the days that may go on (in order, up to a stop)."""
        todo = [
            k
            for k in keys
            if self._state(k, Step.SALES_SUMMARY) in (StepState.READY, StepState.NEEDS_ATTENTION)
        ]
        if not todo:
            return keys
        setup, contact = self._read_setup(todo[0], Step.SALES_SUMMARY)
        plans: list[tuple[DayKey, SalesInvoicePlan, str]] = []
        stop_at: DayKey | None = None
        for key in todo:
            day = self.journal.day(self.organisation_id, key.trading_date, key.location)
            predicted = [
                (st, e)
                for st, e in self.explainer.preflight(day, mapping, setup, contact)
                if st is Step.SALES_SUMMARY
            ]
            if predicted:
                self._attention.setdefault(key, {}).update(dict(predicted))
                stop_at = key
                break
            record = self.journal.record(self.organisation_id, key.trading_date, key.location)
            if record.invoice is not None and record.invoice.status not in GONE:
                continue  # the invoice is in; only its credit note is missing (below)
            posting = record.posting + 1 if record.invoice is not None else 1
            plan = plan_sales_invoice(day, mapping, setup.rates, posting=max(posting, 1))
            if isinstance(plan, list):
                self._attention.setdefault(key, {})[Step.SALES_SUMMARY] = self.explainer.for_problems(plan)
                stop_at = key
                break
            plans.append((key, plan, day.fingerprint()))
        if plans:
            self._create_invoices(plans, contact)
        ready = [
            k
            for k in todo
            if (stop_at is None or _order(k) < _order(stop_at))
            and Step.SALES_SUMMARY not in self._attention.get(k, {})
        ]
        self._create_credit_notes(ready, mapping, contact)
        failed = [k for k in todo if Step.SALES_SUMMARY in self._attention.get(k, {})]
        first_stop = min([*failed, *([stop_at] if stop_at else [])], key=_order, default=None)
        # Days before the first one that needs attention go on to the next steps; the rest wait.
        return [k for k in keys if first_stop is None or _order(k) < _order(first_stop)]

    def _create_invoices(
        self, plans: list[tuple[DayKey, SalesInvoicePlan, str]], contact: ContactInfo
    ) -> None:
        for key, _, _ in plans:
            self._running[key] = Step.SALES_SUMMARY
        first = plans[0][0]
        # 1. Has Xero got them already (a crash after sending, or the day posted by hand)?
        self.progress(
            "Checking Xero for the day's invoice…"
            if len(plans) == 1
            else f"Checking Xero for {len(plans)} days' invoices…"
        )
        existing = self._guarded(
            first, Step.SALES_SUMMARY, lambda: self.books.invoices_by_number(p.number for _, p, _ in plans)
        )
        to_send = []
        for key, plan, fingerprint in plans:
            found = [i for i in existing.get(plan.number, []) if i.status not in GONE]
            if not found:
                to_send.append((key, plan, fingerprint))
                continue
            invoice = found[0]
            self.journal.abandon_unfinished(
                self.organisation_id, key.trading_date, key.location, Step.SALES_SUMMARY
            )
            if invoice.total == plan.total:
                log.info("invoice %s is already in Xero (ours): not sending it again", plan.number)
                self._record_invoice(key, invoice, fingerprint, plan)
            else:
                self._attention.setdefault(key, {})[Step.SALES_SUMMARY] = self.explainer.for_item(
                    "invoice-number-taken",
                    plan.number,
                    [],
                    {
                        "number": plan.number,
                        "xero_total": f"{invoice.total:.2f}",
                        "till_total": f"{plan.total:.2f}",
                        "invoice_id": invoice.invoice_id,
                    },
                )
        if not to_send:
            return
        # 2. Send the rest in one call, the intent written first (one intent per day, one key for the batch).
        self.progress(
            "Sending the sales summary to Xero…"
            if len(to_send) == 1
            else f"Sending {len(to_send)} sales summaries to Xero…"
        )
        attempts = [
            self._begin(k, Step.SALES_SUMMARY, "create-invoice", {"number": p.number, "total": str(p.total)})
            for k, p, _ in to_send
        ]
        batch_key = attempts[0].idempotency_key if len(attempts) == 1 else _batch_key(attempts)
        results = self._guarded(
            first,
            Step.SALES_SUMMARY,
            lambda: self.books.create_invoices([p for _, p, _ in to_send], contact.contact_id, batch_key),
            attempts=attempts,
            labels=[p.number for _, p, _ in to_send],
        )
        for (key, plan, fingerprint), attempt, result in zip(to_send, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                self.journal.succeeded(attempt, {"InvoiceID": result.invoice.invoice_id})
                self._record_invoice(key, result.invoice, fingerprint, plan)
            else:
                self.journal.failed(attempt, 200, _item_body("Invoices", result))
                self._attention.setdefault(key, {})[Step.SALES_SUMMARY] = self.explainer.for_item(
                    "invoice", plan.number, result.problems, {"number": plan.number}
                )

    def _create_credit_notes(self, keys: list[DayKey], mapping: Mapping, contact: ContactInfo) -> None:
        """The days whose till paid money back get their credit note (after their invoice is in)."""
        plans: list[tuple[DayKey, CreditNotePlan]] = []
        for key in keys:
            record = self.journal.record(self.organisation_id, key.trading_date, key.location)
            if record.day is None or record.invoice is None or record.invoice.status in GONE:
                continue
            if record.credit_note is not None and record.credit_note.status not in GONE:
                continue
            plan = plan_credit_note(record.day, mapping, max(record.posting, 1))
            if plan is not None:
                plans.append((key, plan))
        if not plans:
            return
        first = plans[0][0]
        self.progress("Sending the credit note for the refunds paid out…")
        existing = self._guarded(
            first, Step.SALES_SUMMARY, lambda: self.books.credit_notes_by_number(p.number for _, p in plans)
        )
        to_send = []
        for key, plan in plans:
            found = [n for n in existing.get(plan.number, []) if n.status not in GONE]
            if found:  # sent before a stop: keep it, never send twice
                self.journal.abandon_unfinished(
                    self.organisation_id, key.trading_date, key.location, Step.SALES_SUMMARY
                )
                self.journal.record_credit_note(
                    self.organisation_id, key.trading_date, key.location, found[0]
                )
            else:
                to_send.append((key, plan))
        if not to_send:
            return
        attempts = [
            self._begin(
                k, Step.SALES_SUMMARY, "create-credit-note", {"number": p.number, "total": str(p.total)}
            )
            for k, p in to_send
        ]
        results = self._guarded(
            first,
            Step.SALES_SUMMARY,
            lambda: self.books.create_credit_notes(
                [p for _, p in to_send], contact.contact_id, _batch_key(attempts)
            ),
            attempts=attempts,
            labels=[p.number for _, p in to_send],
        )
        for (key, plan), attempt, result in zip(to_send, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                self.journal.succeeded(attempt, {"CreditNoteID": result.invoice.invoice_id})
                self.journal.record_credit_note(
                    self.organisation_id, key.trading_date, key.location, result.invoice
                )
            else:
                self.journal.failed(attempt, 200, _item_body("CreditNotes", result))
                self._attention.setdefault(key, {})[Step.SALES_SUMMARY] = self.explainer.for_item(
                    "credit note", plan.number, result.problems, {"number": plan.number}
                )

    def _record_invoice(
        self, key: DayKey, invoice: InvoiceFacts, fingerprint: str, plan: SalesInvoicePlan
    ) -> None:
        posting = _posting_of(invoice.number, plan)
        self.journal.record_invoice(
            self.organisation_id, key.trading_date, key.location, invoice, fingerprint, posting
        )

    # ---- step 2: approve -----------------------------------------------------------------------------------
    def _approve(self, keys: list[DayKey]) -> list[DayKey]:
        todo = [
            k for k in keys if self._state(k, Step.APPROVE) in (StepState.READY, StepState.NEEDS_ATTENTION)
        ]
        if not todo:
            return keys
        records = {k: self.journal.record(self.organisation_id, k.trading_date, k.location) for k in todo}
        notes = [
            (k, r.credit_note)
            for k, r in records.items()
            if r.credit_note is not None and r.credit_note.status in ("DRAFT", "SUBMITTED")
        ]
        if notes:
            self._approve_credit_notes(notes)
        failed_notes = [k for k, _ in notes if Step.APPROVE in self._attention.get(k, {})]
        todo = [k for k in todo if records[k].invoice.status not in APPROVED and k not in failed_notes]
        if not todo:
            first = min(failed_notes, key=_order, default=None)
            return [k for k in keys if first is None or _order(k) < _order(first)]
        invoices = [records[k].invoice for k in todo]
        for key in todo:
            self._running[key] = Step.APPROVE
        self.progress("Approving the sales summary in Xero…")
        attempts = [
            self._begin(k, Step.APPROVE, "approve", {"invoice_id": i.invoice_id})
            for k, i in zip(todo, invoices, strict=True)
        ]
        results = self._guarded(
            todo[0],
            Step.APPROVE,
            lambda: self.books.approve(invoices, _batch_key(attempts)),
            attempts=attempts,
            labels=[i.number for i in invoices],
        )
        first_failed = None
        for key, attempt, result in zip(todo, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                self.journal.succeeded(
                    attempt, {"InvoiceID": result.invoice.invoice_id, "Status": result.invoice.status}
                )
                self.journal.update_invoice_status(
                    self.organisation_id,
                    key.trading_date,
                    key.location,
                    result.invoice.status,
                    result.invoice.amount_due,
                )
            else:
                self.journal.failed(attempt, 200, _item_body("Invoices", result))
                self._attention.setdefault(key, {})[Step.APPROVE] = self.explainer.for_item(
                    "invoice", result.key, result.problems, {"number": result.key}
                )
                first_failed = first_failed or key
        return [k for k in keys if first_failed is None or _order(k) < _order(first_failed)]

    def _approve_credit_notes(self, notes: list[tuple[DayKey, InvoiceFacts]]) -> None:
        self.progress("Approving the credit note for the refunds…")
        attempts = [
            self._begin(k, Step.APPROVE, "approve-credit-note", {"credit_note_id": n.invoice_id})
            for k, n in notes
        ]
        results = self._guarded(
            notes[0][0],
            Step.APPROVE,
            lambda: self.books.approve_credit_notes([n for _, n in notes], _batch_key(attempts)),
            attempts=attempts,
            labels=[n.number for _, n in notes],
        )
        for (key, note), attempt, result in zip(notes, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                self.journal.succeeded(
                    attempt, {"CreditNoteID": note.invoice_id, "Status": result.invoice.status}
                )
                self.journal.record_credit_note(
                    self.organisation_id, key.trading_date, key.location, result.invoice
                )
            else:
                self.journal.failed(attempt, 200, _item_body("CreditNotes", result))
                self._attention.setdefault(key, {})[Step.APPROVE] = self.explainer.for_item(
                    "credit note", note.number, result.problems, {"number": note.number}
                )

    # ---- step 3: payment tenders ---------------------------------------------------------------------------
    def _payments(self, keys: list[DayKey], mapping: Mapping) -> None:
        todo = [
            k for k in keys if self._state(k, Step.PAYMENTS) in (StepState.READY, StepState.NEEDS_ATTENTION)
        ]
        if not todo:
            return
        self._reconcile_payments(todo)
        setup, contact = self._read_setup(todo[0], Step.PAYMENTS)
        batch: list[tuple[DayKey, str, PaymentPlan]] = []
        for key in list(todo):
            record = self.journal.record(self.organisation_id, key.trading_date, key.location)
            predicted = [
                e
                for st, e in self.explainer.preflight(record.day, mapping, setup, contact)
                if st is Step.PAYMENTS
            ]
            if predicted:
                self._attention.setdefault(key, {})[Step.PAYMENTS] = predicted[0]
                todo.remove(key)
                continue
            plans = plan_payments(record.day, mapping, {p.tender for p in record.payments})
            if plans and isinstance(plans[0], PlanProblem):
                self._attention.setdefault(key, {})[Step.PAYMENTS] = self.explainer.for_problems(plans)
                continue
            batch += [
                (key, record.credit_note.invoice_id if p.refund else record.invoice.invoice_id, p)
                for p in plans
                if not p.refund or record.credit_note is not None
            ]
        for key in todo:
            self._running[key] = Step.PAYMENTS
        if batch:
            self.progress("Recording the payments in Xero…")
            attempts = {
                key: self._begin(
                    key,
                    Step.PAYMENTS,
                    "create-payments",
                    {"payments": [[p.tender, str(p.amount)] for k, _, p in batch if k == key]},
                )
                for key in dict.fromkeys(k for k, _, _ in batch)
            }
            batch_key = _batch_key(list(attempts.values()))
            results: list[ItemResult] = []
            for part, start in enumerate(range(0, len(batch), 50)):
                chunk = batch[start : start + 50]
                results += self._guarded(
                    chunk[0][0],
                    Step.PAYMENTS,
                    lambda chunk=chunk, part=part: self.books.create_payments(
                        [(inv, p) for _, inv, p in chunk], batch_key, part
                    ),
                    attempts=list(attempts.values()),
                    labels=[p.tender for _, _, p in chunk],
                )
            problems: dict[DayKey, list[tuple[PaymentPlan, ItemResult]]] = {}
            for (key, invoice_id, plan), result in zip(batch, results, strict=False):
                if result.ok:
                    record = PaymentRecord(plan.tender, result.payment_id, plan.amount, invoice_id)
                    self.journal.record_payment(self.organisation_id, key.trading_date, key.location, record)
                else:
                    problems.setdefault(key, []).append((plan, result))
            for key, attempt in attempts.items():
                failed = problems.get(key)
                if not failed:
                    self.journal.succeeded(attempt, {"Payments": len([1 for k, _, _ in batch if k == key])})
                    continue
                self.journal.failed(
                    attempt, 200, json.dumps({"Payments": [_item_dict(r) for _, r in failed]})
                )
                plan, result = failed[0]
                self._attention.setdefault(key, {})[Step.PAYMENTS] = self.explainer.for_item(
                    "payment",
                    plan.tender,
                    [m for _, r in failed for m in r.problems],
                    {
                        "tender": plan.tender,
                        "amount": f"{plan.amount:.2f}",
                        "account_code": plan.account_code,
                        "failed_tenders": ", ".join(p.tender for p, _ in failed),
                    },
                )
        # Read back: AmountDue 0 and PAID, or exactly what is left.
        if batch:
            self.progress("Checking the invoice in Xero…")
            self._guarded(todo[0], Step.PAYMENTS, lambda: self._read_back(todo))

    def _reconcile_payments(self, keys: list[DayKey]) -> None:
        """After a stop in the middle of recording payments, ask Xero which went through before retrying."""
        for key in keys:
            unfinished = [
                a
                for a in self.journal.unfinished(self.organisation_id, key.trading_date, key.location)
                if a.step is Step.PAYMENTS
            ]
            if not unfinished:
                continue
            record = self.journal.record(self.organisation_id, key.trading_date, key.location)
            plans = plan_payments(record.day, self._mapping())
            by_reference = {p.reference: p for p in plans if isinstance(p, PaymentPlan)}
            documents = [(record.invoice.invoice_id, self.books.payments_on_invoice)]
            if record.credit_note is not None:
                documents.append((record.credit_note.invoice_id, self.books.payments_on_credit_note))
            for document_id, read in documents:
                made = self._guarded(key, Step.PAYMENTS, lambda read=read, d=document_id: read(d))
                for payment in made:
                    plan = by_reference.get(payment.reference)
                    if plan is not None:
                        self.journal.record_payment(
                            self.organisation_id,
                            key.trading_date,
                            key.location,
                            PaymentRecord(plan.tender, payment.payment_id, payment.amount, document_id),
                        )
            self.journal.abandon_unfinished(
                self.organisation_id, key.trading_date, key.location, Step.PAYMENTS
            )

    def _read_back(self, keys: list[DayKey]) -> None:
        records = {k: self.journal.record(self.organisation_id, k.trading_date, k.location) for k in keys}
        ids = [r.invoice.invoice_id for r in records.values() if r.invoice is not None]
        now = self.books.invoices_by_id(ids)
        note_ids = [
            r.credit_note.invoice_id
            for r in records.values()
            if r.credit_note is not None and r.credit_note.status not in GONE
        ]
        notes = self.books.credit_notes_by_id(note_ids) if note_ids else {}
        for key, record in records.items():
            if record.invoice is not None and record.invoice.invoice_id in now:
                fresh = now[record.invoice.invoice_id]
                self.journal.update_invoice_status(
                    self.organisation_id, key.trading_date, key.location, fresh.status, fresh.amount_due
                )
            if record.credit_note is not None and record.credit_note.invoice_id in notes:
                self.journal.record_credit_note(
                    self.organisation_id, key.trading_date, key.location, notes[record.credit_note.invoice_id]
                )

    # ---- plumbing ------------------------------------------------------------------------------------------
    def _state(self, key: DayKey, step: Step) -> StepState:
        return self.checklist(key.trading_date, key.location)[step].state

    def _read_setup(self, key: DayKey, step: Step) -> tuple[OrganisationSetup, ContactInfo | None]:
        if self._setup is None or self._clock() - self._setup[0] >= SETUP_MAX_AGE:
            self.progress("Reading your organisation's accounts and tax rates…")
        return self._guarded(key, step, self.organisation_setup)

    def organisation_setup(self) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The organisation's accounts, tax rates and sales contact (read once, then kept for a while).

        The app calls this when the day screen opens, so a day's run needs no set-up reads of its own.
        Raises what Xero raised (the caller explains it)."""
        cached = self._setup
        if cached is not None and self._clock() - cached[0] < SETUP_MAX_AGE:
            return cached[1], cached[2]
        setup = self.books.read_setup()
        contact = self.books.find_contact(self._mapping().customer_contact)
        self._setup = (self._clock(), setup, contact)
        return setup, contact

    def forget_setup(self) -> None:
        self._setup = None

    def _begin(self, key: DayKey, step: Step, action: str, request: dict) -> Attempt:
        return self.journal.begin(self.organisation_id, key.trading_date, key.location, step, action, request)

    def _guarded(self, key: DayKey, step: Step, call, attempts: Sequence[Attempt] = (), labels=()):
        """Run one call to Xero; turn a failure into the step's explanation and stop the run."""
        try:
            return call()
        except (ReconnectNeeded, Cancelled):
            raise  # the app shows Reconnect / the owner stopped: the journal keeps the intent for next time
        except DailyLimitReached as limit:
            self._stop_with(key, step, self.explainer.for_exception(limit.error, labels))
        except ApiException as err:
            for attempt in attempts:  # Xero answered: the outcome is known
                self.journal.failed(attempt, err.status, _body_text(err))
            self._stop_with(key, step, self.explainer.for_exception(err, labels))
        except ConnectionProblem as problem:  # no answer: the intent stays open, reconciled next run
            self._stop_with(key, step, self.explainer.for_exception(problem, labels))

    def _stop_with(self, key: DayKey, step: Step, explanation: Explanation):
        self._attention.setdefault(key, {})[step] = explanation
        self._running.clear()
        raise _Stop()

    def _attention_from_journal(self, key: DayKey) -> dict[Step, Explanation]:
        """After a restart: the last failed attempt of a step not yet done still needs attention."""
        last: dict[Step, Attempt] = {}
        for attempt in self.journal.attempts(self.organisation_id, key.trading_date, key.location):
            last[attempt.step] = attempt
        found = {}
        for step, attempt in last.items():
            if attempt.outcome == "failed":
                found[step] = self.explainer.for_stored(attempt.http_status, attempt.error_body, ())
        return found


@dataclass(frozen=True)
class ResendPreview:
    """What re-sending a day changes in Xero, in words for the confirmation."""

    invoice: InvoiceFacts
    payments: tuple[PaymentRecord, ...]
    new_number: str
    new_total: Decimal
    figures_changed: bool
    credit_note: InvoiceFacts | None = None  # the refunds' credit note, voided too

    @property
    def words(self) -> str:
        lines = []
        if self.payments:
            paid = ", ".join(f"{p.tender} {money_words(p.amount)}" for p in self.payments)
            count = "the payment" if len(self.payments) == 1 else f"the {len(self.payments)} payments"
            lines.append(f"Remove {count} on invoice {self.invoice.number} ({paid}).")
        verb = "Delete" if self.invoice.status in ("DRAFT", "SUBMITTED") else "Void"
        total = money_words(self.invoice.total)
        lines.append(f"{verb} invoice {self.invoice.number} ({total}); it stays in Xero's history.")
        if self.credit_note is not None:
            note_total = money_words(self.credit_note.total)
            lines.append(
                f"Void credit note {self.credit_note.number} ({note_total}) for the refunds paid out."
            )
        new_total = money_words(self.new_total)
        lines.append(f"Send the day again as invoice {self.new_number} ({new_total}), then its payments.")
        return "\n".join(lines)


class _Stop(Exception):
    """A step needs attention: stop the run here, cleanly."""


def _order(key: DayKey) -> tuple[date, str]:
    return (key.trading_date, key.location)


def _batch_key(attempts: Sequence[Attempt]) -> str:
    """One Idempotency-Key for a batch, the same every time the same intents are retried."""
    keys = "".join(a.idempotency_key for a in attempts)
    return keys if len(keys) <= 128 else _short(keys)


def _short(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def _posting_of(number: str, plan: SalesInvoicePlan) -> int:
    tail = number.rsplit("-", 1)[-1]
    return int(tail) if number != plan.number.split("-")[0] and tail.isdigit() and len(tail) < 3 else 1


def _item_dict(result: ItemResult) -> dict:
    return {"StatusAttributeString": "ERROR", "ValidationErrors": [{"Message": m} for m in result.problems]}


def _item_body(collection: str, result: ItemResult) -> str:
    return json.dumps({collection: [_item_dict(result)]})


def _body_text(err: ApiException) -> str:
    body = err.body
    if isinstance(body, bytes | bytearray):
        return bytes(body).decode("utf-8", errors="replace")
    return str(body or "")
