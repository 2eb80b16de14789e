"""Step 3, the payment tenders: one payment per tender on the day's invoice (refunds paid out on its credit
note), in as few calls as Xero allows for all the days of the run, then the invoice read back: paid, or
exactly what is left. After a stop in the middle, Xero is asked which payments went through first."""

from __future__ import annotations

from xerohelper.adapters.journal import Attempt, PaymentRecord
from xerohelper.adapters.xero_shapes import ItemResult
from xerohelper.core.checklist import Step
from xerohelper.core.mapping import Mapping
from xerohelper.core.preflight import tenders_too_much
from xerohelper.core.sales_invoice import PaymentPlan, PlanProblem, plan_payments
from xerohelper.core.till_difference import money_owing_card
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun
from xerohelper.services.day.read_back import read_back
from xerohelper.services.day.step_unit import StepUnit

Payment = tuple[DayKey, str, PaymentPlan]  # the day, the document it goes on, the tender's plan


class Payments(StepUnit):
    step = Step.PAYMENTS

    def run(self, run: DayRun, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        todo = run.to_do(keys, self.step)
        if not todo:
            return keys
        self._reconcile(run, todo)
        setup, contact = run.setup(todo[0], self.step)
        batch: list[Payment] = []
        for key in list(todo):
            record = run.record(key)
            predicted = [
                e for st, e in run.explainer.preflight(record.day, mapping, setup, contact) if st is self.step
            ]
            if predicted:
                run.attention.note(key, self.step, predicted[0])
                todo.remove(key)
                continue
            paid = {p.tender for p in record.payments}
            too_much = tenders_too_much(
                record.day, paid, record.invoice.amount_due, record.invoice.number, setup.short_code
            )
            if too_much is not None and record.invoice.status != "PAID":
                run.attention.note(key, self.step, too_much)
                todo.remove(key)
                continue
            plans = plan_payments(record.day, mapping, paid)
            if plans and isinstance(plans[0], PlanProblem):
                run.attention.note(key, self.step, run.explainer.for_problems(plans))
                continue
            batch += [
                (key, record.credit_note.invoice_id if p.refund else record.invoice.invoice_id, p)
                for p in plans
                if not p.refund or record.credit_note is not None
            ]
        run.attention.start_running(todo, self.step)
        if batch:
            self._record_payments(run, batch)
        if todo:
            # Read back: AmountDue 0 and PAID, or exactly what is left.
            run.say("Checking the invoice in Xero…")
            run.guarded(todo[0], self.step, lambda: read_back(run, todo))
            for key in todo:
                self._still_owing(run, key)
        return keys

    def _still_owing(self, run: DayRun, key: DayKey) -> None:
        """Every tender is in, yet Xero says money is owing: the day is not done; the owner is told."""
        record = run.record(key)
        invoice = record.invoice
        if run.attention.has(key, self.step) or invoice is None or invoice.status == "PAID":
            return
        paid = {p.tender for p in record.payments}
        if invoice.amount_due > 0 and all(t.name in paid for t in record.day.tenders if t.amount > 0):
            run.attention.note(key, self.step, money_owing_card(invoice.number, invoice.amount_due))

    def _record_payments(self, run: DayRun, batch: list[Payment]) -> None:
        run.say("Recording the payments in Xero…")
        attempts: dict[DayKey, Attempt] = {
            key: run.begin(
                key,
                self.step,
                "create-payments",
                {"payments": [[p.tender, str(p.amount)] for k, _, p in batch if k == key]},
            )
            for key in dict.fromkeys(k for k, _, _ in batch)
        }
        keys = [a.idempotency_key for a in attempts.values()]
        results: list[ItemResult] = []
        for part, chunk in enumerate(run.books.payment_batches(batch)):
            results += run.guarded(
                chunk[0][0],
                self.step,
                lambda chunk=chunk, part=part: run.books.create_payments(
                    [(document, p) for _, document, p in chunk], keys, part
                ),
                attempts=list(attempts.values()),
                labels=[p.tender for _, _, p in chunk],
            )
        problems: dict[DayKey, list[tuple[PaymentPlan, ItemResult]]] = {}
        for (key, document_id, plan), result in zip(batch, results, strict=False):
            if result.ok:
                record = PaymentRecord(plan.tender, result.payment_id, plan.amount, document_id)
                run.journal.record_payment(run.organisation_id, key.trading_date, key.location, record)
            else:
                problems.setdefault(key, []).append((plan, result))
        for key, attempt in attempts.items():
            failed = problems.get(key)
            if not failed:
                run.journal.succeeded(attempt, {"Payments": len([1 for k, _, _ in batch if k == key])})
                continue
            run.items_failed(attempt, [r for _, r in failed])
            plan, _ = failed[0]
            run.attention.note(
                key,
                self.step,
                run.explainer.for_item(
                    "payment",
                    plan.tender,
                    [m for _, r in failed for m in r.problems],
                    {
                        "tender": plan.tender,
                        "amount": f"{plan.amount:.2f}",
                        "account_code": plan.account_code,
                        "failed_tenders": ", ".join(p.tender for p, _ in failed),
                    },
                ),
            )

    def _reconcile(self, run: DayRun, keys: list[DayKey]) -> None:
        """After a stop in the middle of recording payments, ask Xero which went through before retrying."""
        for key in keys:
            unfinished = [
                a
                for a in run.journal.unfinished(run.organisation_id, key.trading_date, key.location)
                if a.step is self.step
            ]
            if not unfinished:
                continue
            record = run.record(key)
            plans = plan_payments(record.day, run.shop_mapping())
            by_reference = {p.reference: p for p in plans if isinstance(p, PaymentPlan)}
            documents = [(record.invoice.invoice_id, run.books.payments_on_invoice)]
            if record.credit_note is not None:
                documents.append((record.credit_note.invoice_id, run.books.payments_on_credit_note))
            for document_id, read in documents:
                made = run.guarded(key, self.step, lambda read=read, d=document_id: read(d))
                for payment in made:
                    plan = by_reference.get(payment.reference)
                    if plan is not None:
                        run.journal.record_payment(
                            run.organisation_id,
                            key.trading_date,
                            key.location,
                            PaymentRecord(plan.tender, payment.payment_id, payment.amount, document_id),
                        )
            run.journal.abandon_unfinished(run.organisation_id, key.trading_date, key.location, self.step)
