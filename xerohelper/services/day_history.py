"""The days xerohelper knows about, newest first, as the History screen and the support report show them:
the day, its invoice number and total, where it stands in words, and the payments recorded.

Read from the journal only (no call to Xero): what Xero last told xerohelper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xerohelper.core.checklist import XERO_STATUS_WORDS, Checklist, Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.core.weeks import week_of

EVERY_DAY = (date(1900, 1, 1), date(9999, 12, 31))

# A day's state as the calendar and the history colour it.
POSTED = DayStatus.POSTED
NEEDS_ATTENTION = DayStatus.NEEDS_ATTENTION
NOT_POSTED = DayStatus.NOT_POSTED
SKIPPED = DayStatus.SKIPPED


@dataclass(frozen=True)
class HistoryRow:
    trading_date: date
    location: str
    invoice_number: str  # "" until the day is sent
    total: Decimal  # the invoice's total in Xero once sent, else the till's total
    state: DayStatus
    status_words: str  # "Paid", "Draft: waiting for your approval", "Needs attention: …"
    payments: tuple[tuple[str, Decimal], ...]  # (tender, amount) recorded in Xero
    checklist: Checklist
    week: str = ""  # weekly summaries: the week whose invoice the day is on ("the week of 1–6 December 2026")


def day_history(days, first: date | None = None, last: date | None = None) -> list[HistoryRow]:
    """Every day in the journal between `first` and `last` (inclusive), newest first.

    `days` is the DayChecklistService (its journal and organisation). Blocking: reads the journal file."""
    first, last = first or EVERY_DAY[0], last or EVERY_DAY[1]
    rows = []
    weekly = days.shop_mapping().weekly
    for trading_date, location in days.journal.days_between(days.organisation_id, first, last):
        record = days.journal.record(days.organisation_id, trading_date, location)
        checklist = days.checklist(trading_date, location)
        invoice = record.invoice
        total = (
            invoice.total if invoice is not None else (record.day.totals.gross if record.day else Decimal(0))
        )
        state, words = _state_and_words(checklist, invoice)
        if weekly and invoice is None and state is NOT_POSTED:
            words = "Waits for the week's invoice"
        rows.append(
            HistoryRow(
                trading_date=trading_date,
                location=location,
                invoice_number=invoice.number if invoice is not None else "",
                total=total,
                state=state,
                status_words=words,
                payments=tuple((p.tender, p.amount) for p in record.payments),
                checklist=checklist,
                week=week_of(trading_date).words if weekly else "",
            )
        )
    return sorted(rows, key=lambda r: (r.trading_date, r.location), reverse=True)


def _state_and_words(checklist: Checklist, invoice) -> tuple[DayStatus, str]:
    for status in checklist.steps:
        if status.state is StepState.NEEDS_ATTENTION:
            title = getattr(status.attention, "title", "") or status.reason
            return NEEDS_ATTENTION, f"Needs attention: {title}"
    sales = checklist[Step.SALES_SUMMARY]
    if sales.state is StepState.SKIPPED:
        return SKIPPED, f"Skipped: {sales.reason}"
    if invoice is None or sales.state is not StepState.DONE:
        if invoice is not None:  # voided or deleted in Xero
            return (
                NOT_POSTED,
                f"{XERO_STATUS_WORDS.get(invoice.status, invoice.status)} in Xero: not sent again yet",
            )
        return NOT_POSTED, "Not sent yet"
    if checklist.is_finished:
        skipped = [s.title.lower() for s in checklist.steps if s.state is StepState.SKIPPED]
        done = "Paid" if invoice.status == "PAID" else "Done"
        return POSTED, f"{done} ({', '.join(skipped)} skipped)" if skipped else done
    if invoice.status in ("DRAFT", "SUBMITTED"):
        return POSTED, "Draft: waiting for your approval"
    return POSTED, "Approved: payments still to record"
