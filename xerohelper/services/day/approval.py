"""Step 2, approving the drafts: the day's credit note first (when the till paid money back), then the
day's sales invoice, each set to "Awaiting payment" in one call for all the days of the run. Runs when the
owner asks for it ("Approve now") or the Shop setup says to approve automatically."""

from __future__ import annotations

from xerohelper.core.checklist import APPROVED, InvoiceFacts, Step
from xerohelper.core.mapping import Mapping
from xerohelper.services.day.day_key import DayKey, days_before, in_order
from xerohelper.services.day.day_run import DayRun
from xerohelper.services.day.plan_cap import counted, first_over_the_cap
from xerohelper.services.day.step_unit import StepUnit


class Approval(StepUnit):
    step = Step.APPROVE

    def asked(self, only: Step | None, approve: bool) -> bool:
        """Approving is the owner's choice: only when asked for, or when the run approves."""
        return only is self.step or (only is None and approve)

    def run(self, run: DayRun, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        """Approve what is still a draft; return the days that may go on (up to the first refusal)."""
        todo = run.to_do(keys, self.step)
        if not todo:
            return keys
        records = {k: run.record(k) for k in todo}
        notes = [
            (k, r.credit_note)
            for k, r in records.items()
            if r.credit_note is not None and r.credit_note.status in ("DRAFT", "SUBMITTED")
        ]
        if notes:
            self._approve_credit_notes(run, notes)
        failed_notes = [k for k, _ in notes if run.attention.has(k, self.step)]
        todo = [k for k in todo if records[k].invoice.status not in APPROVED and k not in failed_notes]
        if not todo:
            return days_before(keys, min(failed_notes, key=in_order, default=None))
        # A week's days share one invoice: approve it once, for all of them.
        groups: dict[str, list[DayKey]] = {}
        for key in todo:
            groups.setdefault(records[key].invoice.invoice_id, []).append(key)
        shared = list(groups.values())
        over = first_over_the_cap(
            run, [(ks, records[ks[0]].invoice.number, ks[0].trading_date) for ks in shared], self.step
        )
        first_failed = shared[over][0] if over is not None else None
        shared = shared[:over] if over is not None else shared
        if not shared:
            return days_before(keys, first_failed)
        run.attention.start_running([k for ks in shared for k in ks], self.step)
        run.say("Approving the sales summary in Xero…")
        for batch in run.books.document_batches(
            shared
        ):  # Xero's batch size, each batch's intents just before it
            refused = self._approve(run, batch, records)
            if refused is not None:
                first_failed = min([refused, *([first_failed] if first_failed else [])], key=in_order)
        return days_before(keys, first_failed)

    def _approve(self, run: DayRun, shared: list[list[DayKey]], records) -> DayKey | None:
        """One call approving these invoices (a week's days share one); the first day Xero refused, if any."""
        first_failed: DayKey | None = None
        invoices = [records[ks[0]].invoice for ks in shared]
        attempts = [
            run.begin(ks[0], self.step, "approve", {"invoice_id": i.invoice_id})
            for ks, i in zip(shared, invoices, strict=True)
        ]
        results = run.guarded(
            shared[0][0],
            self.step,
            lambda: run.books.approve(invoices, [a.idempotency_key for a in attempts]),
            attempts=attempts,
            labels=[i.number for i in invoices],
        )
        for days, attempt, result in zip(shared, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                run.journal.succeeded(attempt, result.xero_ids)
                counted(run, [days[0].trading_date])
                for key in days:
                    run.journal.update_invoice_status(
                        run.organisation_id,
                        key.trading_date,
                        key.location,
                        result.invoice.status,
                        result.invoice.amount_due,
                    )
            else:
                run.document_refused(days[0], self.step, attempt, result, "invoice", result.key)
                for key in days[1:]:
                    run.attention.note(key, self.step, run.attention.of(days[0])[self.step])
                first_failed = min([days[0], *([first_failed] if first_failed else [])], key=in_order)
        return first_failed

    def _approve_credit_notes(self, run: DayRun, notes: list[tuple[DayKey, InvoiceFacts]]) -> None:
        """Each credit note approved once, though a week's is on several days."""
        sharing: dict[str, list[DayKey]] = {}
        for key, note in notes:
            sharing.setdefault(note.invoice_id, []).append(key)
        notes = [(keys[0], next(n for k, n in notes if k == keys[0])) for keys in sharing.values()]
        # Counted against a capped plan, to be safe (plan_cap.py): one it might refuse waits, with its card.
        over = first_over_the_cap(run, [((k,), n.number, k.trading_date) for k, n in notes], self.step)
        if over is not None:
            for day in sharing[notes[over][1].invoice_id][1:]:
                run.attention.note(day, self.step, run.attention.of(notes[over][0])[self.step])
            notes = notes[:over]
        if not notes:
            return
        run.say("Approving the credit note for the refunds…")
        attempts = [
            run.begin(k, self.step, "approve-credit-note", {"credit_note_id": n.invoice_id}) for k, n in notes
        ]
        results = run.guarded(
            notes[0][0],
            self.step,
            lambda: run.books.approve_credit_notes(
                [n for _, n in notes], [a.idempotency_key for a in attempts]
            ),
            attempts=attempts,
            labels=[n.number for _, n in notes],
        )
        for (key, note), attempt, result in zip(notes, attempts, results, strict=False):
            if result.ok and result.invoice is not None:
                run.journal.succeeded(attempt, result.xero_ids)
                counted(run, [key.trading_date])
                with run.journal.all_at_once():  # a week's credit note is on each day that paid refunds
                    for day in sharing[note.invoice_id]:
                        run.journal.record_credit_note(
                            run.organisation_id, day.trading_date, day.location, result.invoice
                        )
            else:
                run.document_refused(key, self.step, attempt, result, "credit note", note.number)
                for day in sharing[note.invoice_id][1:]:
                    run.attention.note(day, self.step, run.attention.of(key)[self.step])
