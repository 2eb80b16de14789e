"""Re-sending a corrected day: what it would change in Xero (for the owner to confirm), then — journal
first, as always — the day's payments removed, its invoice (and credit note) voided, and the day posted
again under the next number (POS-20261121-2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xerohelper.adapters.journal import Journal, PaymentRecord
from xerohelper.adapters.xero_shapes import PaymentSeen, answer_ids
from xerohelper.core.checklist import GONE, Checklist, InvoiceFacts, Step
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money_words
from xerohelper.core.sales_invoice import refunds_paid_out
from xerohelper.core.till_difference import undecided_card
from xerohelper.core.weeks import week_of
from xerohelper.services.day.checklist_runner import ChecklistRunner
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun, StopRun
from xerohelper.services.day.weeks import days_sharing, live_credit_notes


@dataclass(frozen=True)
class ResendPreview:
    """What re-sending a day changes in Xero, in words for the confirmation."""

    invoice: InvoiceFacts
    payments: tuple[PaymentRecord, ...]
    new_number: str
    new_total: Decimal
    figures_changed: bool
    credit_note: InvoiceFacts | None = None  # the refunds' credit note, voided too
    weekly: bool = False  # the invoice is the week's (weekly summaries): the whole week goes again

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
        what = "the week" if self.weekly else "the day"
        lines.append(f"Send {what} again as invoice {self.new_number} ({new_total}), then its payments.")
        return "\n".join(lines)


class Resend:
    def __init__(
        self,
        journal: Journal,
        organisation_id: str,
        mapping: Callable[[], Mapping],
        runner: ChecklistRunner,
    ) -> None:
        self.journal = journal
        self.organisation_id = organisation_id
        self._mapping = mapping
        self.runner = runner

    def preview(self, trading_date: date, location: str = "") -> ResendPreview | None:
        """What re-sending the day would change in Xero, for the owner to confirm (None: nothing to do)."""
        record = self.journal.record(self.organisation_id, trading_date, location)
        if record.invoice is None or record.invoice.status in GONE or record.day is None:
            return None
        mapping = self._mapping()
        new_number = mapping.invoice_number(trading_date, location, record.posting + 1)
        records = [record]
        if mapping.weekly:  # the week's invoice goes again, with every day of the week now in
            week = week_of(trading_date)
            new_number = mapping.week_invoice_number(week.first, week.last, location, record.posting + 1)
            records = [
                self.journal.record(self.organisation_id, d, place)
                for d, place in self.journal.days_between(self.organisation_id, week.first, week.last)
                if place == location
            ]
        return ResendPreview(
            invoice=record.invoice,
            payments=tuple(p for r in records for p in r.payments),
            new_number=new_number,
            new_total=sum(
                (
                    r.day.totals.gross
                    + (r.day.till_difference if r.day.difference_decided else 0)
                    + refunds_paid_out(r.day)  # the invoice's "refunds paid out" line (see its credit note)
                    for r in records
                    if r.day is not None
                ),
                ZERO,
            ),
            figures_changed=any(r.figures_changed_since_posting for r in records),
            weekly=mapping.weekly,
            credit_note=next(
                (
                    r.credit_note
                    for r in records
                    if r.credit_note is not None
                    and r.credit_note.status not in GONE
                    and r.invoice is not None
                    and r.invoice.invoice_id == record.invoice.invoice_id
                ),
                None,
            ),
        )

    def resend(self, run: DayRun, key: DayKey, approve: bool | None = None) -> Checklist:
        """After the owner confirmed: remove the day's payments, void the invoice, post the day again."""
        with self.runner.lock:
            run.attention.forget(key)
            record = run.record(key)
            invoice = record.invoice
            if invoice is None or invoice.status in GONE:
                return self.runner.run(run, [key], approve=approve)[0]
            if record.day is not None and not record.day.difference_decided:  # decide before voiding
                run.attention.note(key, Step.SALES_SUMMARY, undecided_card(record.day))
                return run.status.of(key)
            sharing = days_sharing(run, key, invoice.invoice_id)  # a week's days share one invoice
            notes = live_credit_notes(run, sharing)  # and one credit note, on the days that paid refunds
            try:
                run.say("Removing the day's payments in Xero…")
                _remove_payments(run, key, invoice.invoice_id, run.books.payments_on_invoice, sharing)
                for note in notes:
                    _remove_payments(run, key, note.invoice_id, run.books.payments_on_credit_note, sharing)
                run.say(f"Voiding invoice {invoice.number} in Xero…")
                gone = _void(run, key, "void-invoice", invoice, run.books.void)
                for day in sharing:
                    run.journal.update_invoice_status(
                        run.organisation_id, day.trading_date, day.location, gone.status, gone.amount_due
                    )
                for note in notes:
                    gone = _void(run, key, "void-credit-note", note, run.books.void_credit_note)
                    for day in sharing:
                        kept = run.record(day).credit_note
                        if kept is not None and kept.invoice_id == note.invoice_id:
                            run.journal.record_credit_note(
                                run.organisation_id, day.trading_date, day.location, gone
                            )
            except StopRun:
                return run.status.of(key)
        return self.runner.run(run, [key], approve=approve)[0]


def _void(
    run: DayRun,
    key: DayKey,
    action: str,
    document: InvoiceFacts,
    void: Callable[[InvoiceFacts, str], InvoiceFacts],
) -> InvoiceFacts:
    """Void (or delete, for a draft) one of the day's documents, journal first."""
    attempt = run.begin(key, Step.SALES_SUMMARY, action, {"document_id": document.invoice_id})
    gone = run.guarded(
        key, Step.SALES_SUMMARY, lambda: void(document, attempt.idempotency_key), attempts=[attempt]
    )
    run.journal.succeeded(attempt, answer_ids("DocumentID", gone, with_status=True))
    return gone


def _remove_payments(
    run: DayRun,
    key: DayKey,
    document_id: str,
    read: Callable[[str], list[PaymentSeen]],
    sharing: Sequence[DayKey] = (),
) -> None:
    """Delete every payment Xero holds on one of the day's documents (journal first, as always)."""
    for payment in run.guarded(key, Step.PAYMENTS, lambda: read(document_id)):
        attempt = run.begin(key, Step.PAYMENTS, "remove-payment", {"payment_id": payment.payment_id})
        removed = run.guarded(
            key,
            Step.PAYMENTS,
            lambda p=payment, a=attempt: run.books.delete_payment(p.payment_id, a.idempotency_key),
            attempts=[attempt],
        )
        run.journal.succeeded(attempt, removed)
    for day in sharing or [key]:
        run.journal.forget_payments(run.organisation_id, day.trading_date, day.location, document_id)
