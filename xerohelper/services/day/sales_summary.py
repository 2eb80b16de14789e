"""Step 1, the sales summary: the day's sales invoice, and the credit note for money the till paid back.

Before a document is created it is looked up by number: ours (same total) → kept, never posted twice;
someone else's → explained. Several days go in one look-up and one batch; the run goes on with the days
before the first one that needs attention.
"""

from __future__ import annotations

import logging

from xerohelper.core.checklist import GONE, Step
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money_words
from xerohelper.core.organisation_setup import ContactInfo
from xerohelper.core.sales_invoice import (
    CreditNotePlan,
    SalesInvoicePlan,
    plan_credit_note,
    plan_sales_invoice,
    refunds_paid_out,
)
from xerohelper.services.day.day_key import DayKey, days_before, in_order
from xerohelper.services.day.day_run import DayRun
from xerohelper.services.day.plan_cap import Going, counted, first_over_the_cap
from xerohelper.services.day.step_unit import StepUnit
from xerohelper.services.day.weeks import Planned, plan_weeks, week_credit_note
from xerohelper.services.explaining import INVOICE_NUMBER_TAKEN

log = logging.getLogger(__name__)


class SalesSummary(StepUnit):
    step = Step.SALES_SUMMARY

    def run(self, run: DayRun, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        """Create the invoices (and credit notes) that are missing; return the days that may go on."""
        todo = run.to_do(keys, self.step)
        if not todo:
            return keys
        setup, contact = run.setup(todo[0], self.step)
        if mapping.weekly:
            plans, stop_at = plan_weeks(run, todo, mapping, setup, contact)
        else:
            plans, stop_at = self._plan_days(run, todo, mapping, setup, contact)
        going, owner = documents_to_approve(run, plans)
        over = first_over_the_cap(run, going, self.step)
        if over is not None:
            over = owner[over]
            stop_at = min([plans[over].keys[0], *([stop_at] if stop_at else [])], key=in_order)
            plans = plans[:over]
        if plans:
            self._create_invoices(run, plans, contact)
        ready = [k for k in days_before(todo, stop_at) if not run.attention.has(k, self.step)]
        self._create_credit_notes(run, ready, mapping, contact)
        failed = [k for k in todo if run.attention.has(k, self.step)]
        first_stop = min([*failed, *([stop_at] if stop_at else [])], key=in_order, default=None)
        # Days before the first one that needs attention go on to the next steps; the rest wait.
        return days_before(keys, first_stop)

    def _plan_days(
        self, run: DayRun, todo: list[DayKey], mapping: Mapping, setup, contact
    ) -> tuple[list[Planned], DayKey | None]:
        """One invoice a day: the days' invoices to send, and the first day that stopped (card noted)."""
        plans: list[Planned] = []
        for key in todo:
            day = run.day(key)
            record = run.record(key)
            in_xero = record.invoice is not None and record.invoice.status not in GONE
            found = predicted(run, day, mapping, setup, contact)
            # Before the first write the whole day is checked (a tender's account too): any predicted
            # refusal stops the day before step 1, with its card; later, only this step's own problems.
            mine = [e for st, e in found if st is self.step] if in_xero else [e for _, e in found]
            if mine:
                run.attention.note(key, self.step, mine[0])
                return plans, key
            if in_xero:
                continue  # the invoice is in; only its credit note is missing (below)
            posting = record.posting + 1 if record.invoice is not None else 1
            plan = plan_sales_invoice(day, mapping, setup.rates, posting=max(posting, 1))
            if isinstance(plan, list):
                run.attention.note(key, self.step, run.explainer.for_problems(plan))
                return plans, key
            plans.append(Planned((key,), plan, (day.fingerprint(),)))
        return plans, None

    # ---- the invoice -------------------------------------------------------------------------------------
    def _create_invoices(self, run: DayRun, plans: list[Planned], contact: ContactInfo) -> None:
        run.attention.start_running([key for p in plans for key in p.keys], self.step)
        first = plans[0].keys[0]
        # 1. Has Xero got them already (a crash after sending, or the day posted by hand)?
        run.say(
            "Checking Xero for the day's invoice…"
            if len(plans) == 1
            else f"Checking Xero for {len(plans)} invoices…"
        )
        existing = run.guarded(
            first, self.step, lambda: run.books.invoices_by_number(p.plan.number for p in plans)
        )
        to_send: list[Planned] = []
        for planned in plans:
            plan = planned.plan
            found = [i for i in existing.get(plan.number, []) if i.status not in GONE]
            if not found:
                to_send.append(planned)
                continue
            invoice = found[0]
            for key in planned.keys:
                run.journal.abandon_unfinished(run.organisation_id, key.trading_date, key.location, self.step)
            if invoice.total == plan.total:
                log.info("invoice %s is already in Xero (ours): not sending it again", plan.number)
                _record_invoice(run, planned, invoice)
            else:
                card = run.explainer.for_item(
                    INVOICE_NUMBER_TAKEN,
                    plan.number,
                    [],
                    {
                        "number": plan.number,
                        "xero_total": money_words(invoice.total),
                        "till_total": money_words(plan.total),
                        "invoice_id": invoice.invoice_id,
                    },
                )
                for key in planned.keys:
                    run.attention.note(key, self.step, card)
        if not to_send:
            return
        # 2. Send the rest in batches of Xero's size, each batch's intents written just before it (one intent
        #    per invoice, on its first day; one key for the batch), its outcome right after.
        run.say(
            "Sending the sales summary to Xero…"
            if len(to_send) == 1
            else f"Sending {len(to_send)} sales summaries to Xero…"
        )
        for batch in run.books.document_batches(to_send):
            self._send_invoices(run, batch, contact)

    def _send_invoices(self, run: DayRun, to_send: list[Planned], contact: ContactInfo) -> None:
        attempts = [
            run.begin(
                p.keys[0], self.step, "create-invoice", {"number": p.plan.number, "total": str(p.plan.total)}
            )
            for p in to_send
        ]
        results = run.guarded(
            to_send[0].keys[0],
            self.step,
            lambda: run.books.create_invoices(
                [p.plan for p in to_send], contact.contact_id, [a.idempotency_key for a in attempts]
            ),
            attempts=attempts,
            labels=[p.plan.number for p in to_send],
        )
        for planned, attempt, result in zip(to_send, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                run.journal.succeeded(attempt, result.xero_ids)
                _record_invoice(run, planned, result.invoice)
                if planned.plan.approve:
                    counted(run, [planned.plan.trading_date])
            else:
                first_day = planned.keys[0]
                run.document_refused(first_day, self.step, attempt, result, "invoice", planned.plan.number)
                for key in planned.keys[1:]:
                    run.attention.note(key, self.step, run.attention.of(first_day)[self.step])

    # ---- the credit note for refunds paid out ------------------------------------------------------------
    def _create_credit_notes(
        self, run: DayRun, keys: list[DayKey], mapping: Mapping, contact: ContactInfo
    ) -> None:
        """The days whose till paid money back get their credit note (after their invoice is in): one a day,
        or one for the week on the days of the week that paid any (weekly summaries)."""
        plans = credit_notes_to_send(run, keys, mapping)
        if not plans:
            return
        first = plans[0][0][0]
        run.say("Sending the credit note for the refunds paid out…")
        existing = run.guarded(
            first, self.step, lambda: run.books.credit_notes_by_number(p.number for _, p in plans)
        )
        to_send = []
        for days, plan in plans:
            found = [n for n in existing.get(plan.number, []) if n.status not in GONE]
            if found:  # sent before a stop: keep it, never send twice
                for key in days:
                    run.journal.abandon_unfinished(
                        run.organisation_id, key.trading_date, key.location, self.step
                    )
                _record_credit_note(run, days, found[0])
            else:
                to_send.append((days, plan))
        if not to_send:
            return
        attempts = [
            run.begin(ks[0], self.step, "create-credit-note", {"number": p.number, "total": str(p.total)})
            for ks, p in to_send
        ]
        results = run.guarded(
            first,
            self.step,
            lambda: run.books.create_credit_notes(
                [p for _, p in to_send], contact.contact_id, [a.idempotency_key for a in attempts]
            ),
            attempts=attempts,
            labels=[p.number for _, p in to_send],
        )
        for (days, plan), attempt, result in zip(to_send, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                run.journal.succeeded(attempt, result.xero_ids)
                _record_credit_note(run, days, result.invoice)
                if plan.approve:
                    counted(run, [plan.trading_date])
            else:
                run.document_refused(days[0], self.step, attempt, result, "credit note", plan.number)
                for key in days[1:]:
                    run.attention.note(key, self.step, run.attention.of(days[0])[self.step])


def documents_to_approve(run: DayRun, plans: list[Planned]) -> tuple[list[Going], list[int]]:
    """What the plan's cap will count for these invoices, in order, and the invoice each belongs to: the
    invoice, and its credit note when its days paid refunds (counted to be safe: plan_cap.py)."""
    going: list[Going] = []
    owner: list[int] = []
    for index, planned in enumerate(plans):
        plan = planned.plan
        going.append((planned.keys, plan.number, plan.trading_date))
        owner.append(index)
        days = [run.record(k).day for k in planned.keys]
        if any(day is not None and refunds_paid_out(day) > ZERO for day in days):
            going.append((planned.keys, plan.number, plan.trading_date))  # the card names the invoice
            owner.append(index)
    return going, owner


def credit_notes_to_send(
    run: DayRun, keys: list[DayKey], mapping: Mapping
) -> list[tuple[tuple[DayKey, ...], CreditNotePlan]]:
    """The credit notes still to send for these days (their invoice is in), each with the days it goes on."""
    plans: list[tuple[tuple[DayKey, ...], CreditNotePlan]] = []
    weeks_seen: set[str] = set()
    for key in keys:
        record = run.record(key)
        if record.day is None or record.invoice is None or record.invoice.status in GONE:
            continue
        if mapping.weekly:
            if record.invoice.invoice_id not in weeks_seen:
                weeks_seen.add(record.invoice.invoice_id)
                found = week_credit_note(run, key, record.invoice, mapping)
                plans += [found] if found is not None else []
            continue
        if record.credit_note is not None and record.credit_note.status not in GONE:
            continue
        plan = plan_credit_note(record.day, mapping, max(record.posting, 1))
        if plan is not None:
            plans.append(((key,), plan))
    return plans


def _record_credit_note(run: DayRun, days: tuple[DayKey, ...], note) -> None:
    """The credit note on each day it covers, in one journal write (a stop leaves none of them)."""
    with run.journal.all_at_once():
        for key in days:
            run.journal.record_credit_note(run.organisation_id, key.trading_date, key.location, note)


def predicted(run: DayRun, day, mapping: Mapping, setup, contact) -> list:
    """Every refusal foreseen for the whole day, the one to fix first at the front: core's preflight (the
    contact, lock dates, accounts, tax rates, the till difference, every tender's account). A check that
    needs more of the organisation (the plan's remaining approvals) adds its (step, card) pairs here."""
    return run.explainer.preflight(day, mapping, setup, contact)


def _record_invoice(run: DayRun, planned: Planned, invoice) -> None:
    """The invoice on each day it covers (a week's days share it), with each day's own fingerprint."""
    days = [(k.trading_date, k.location, f) for k, f in zip(planned.keys, planned.fingerprints, strict=True)]
    run.journal.record_invoice_on_days(
        run.organisation_id, days, invoice, posting_of(invoice.number, planned.plan)
    )


def posting_of(number: str, plan: SalesInvoicePlan) -> int:
    """Which posting of the day an invoice number is: POS-20261121 → 1, POS-20261121-2 → 2."""
    tail = number.rsplit("-", 1)[-1]
    return int(tail) if number != plan.number.split("-")[0] and tail.isdigit() and len(tail) < 3 else 1
