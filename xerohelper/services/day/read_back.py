"""What Xero now says of the days' invoices and credit notes (status, what is still owing), written to the
journal: after the payments, and when the owner says "I've fixed it / approved it in Xero — check again"."""

from __future__ import annotations

from collections.abc import Sequence

from xerohelper.core.checklist import GONE
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun


def read_back(run: DayRun, keys: Sequence[DayKey]) -> None:
    """Raises what the books raise (call it through run.guarded)."""
    records = {k: run.record(k) for k in keys}
    # A week's days share one invoice: read it once.
    ids = list(dict.fromkeys(r.invoice.invoice_id for r in records.values() if r.invoice is not None))
    now = run.books.invoices_by_id(ids)
    note_ids = list(  # a week's credit note is on each day that paid refunds: read it once
        dict.fromkeys(
            r.credit_note.invoice_id
            for r in records.values()
            if r.credit_note is not None and r.credit_note.status not in GONE
        )
    )
    notes = run.books.credit_notes_by_id(note_ids) if note_ids else {}
    for key, record in records.items():
        if record.invoice is not None and record.invoice.invoice_id in now:
            fresh = now[record.invoice.invoice_id]
            run.journal.update_invoice_status(
                run.organisation_id, key.trading_date, key.location, fresh.status, fresh.amount_due
            )
        if record.credit_note is not None and record.credit_note.invoice_id in notes:
            run.journal.record_credit_note(
                run.organisation_id, key.trading_date, key.location, notes[record.credit_note.invoice_id]
            )
