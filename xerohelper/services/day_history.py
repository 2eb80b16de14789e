"""The days xerohelper knows about, newest first, as the History screen and the support report show them:
the day, its invoice number and total, where it stands in words, and the payments recorded.

Read from the journal only (no call to Xero): what Xero last told xerohelper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xerohelper.core.checklist import XERO_STATUS_WORDS, Checklist, DayFacts, Step, StepState, work_out
from xerohelper.core.day_status import DayStatus, day_status
from xerohelper.core.weeks import week_of

EVERY_DAY = (date(1900, 1, 1), date(9999, 12, 31))


@dataclass(frozen=True)
class HistoryRow:
    trading_date: date
    location: str
    invoice_number: str  # "" until the day is sent
    total: Decimal  # the invoice's total in Xero once sent, else the till's total
    state: DayStatus
    status_words: str  # the calendar's words: "Sent as draft: waiting for approval", "Needs attention: …"
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
        facts = days.facts(trading_date, location)
        checklist = work_out(facts)
        invoice = record.invoice
        total = (
            invoice.total if invoice is not None else (record.day.totals.gross if record.day else Decimal(0))
        )
        state = day_status(facts, checklist)
        words = _words(state, facts, checklist)
        if weekly and invoice is None and state is DayStatus.IMPORTED:
            words = f"{state.title}: waits for the week's invoice"
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


def _words(state: DayStatus, facts: DayFacts, checklist: Checklist) -> str:
    """The calendar's words for the state, with what the history can add: what needs attention, why a day
    was skipped, which steps were skipped, an invoice voided in Xero."""
    invoice = facts.invoice
    if state is DayStatus.NEEDS_ATTENTION:
        for status in checklist.steps:
            if status.state is StepState.NEEDS_ATTENTION:
                return f"{state.title}: {getattr(status.attention, 'title', '') or status.reason}"
        return f"{state.title}: {' '.join(facts.day_problems)}"
    if state is DayStatus.SKIPPED:
        return f"{state.title}: {checklist[Step.SALES_SUMMARY].reason}"
    if state is DayStatus.IMPORTED and invoice is not None:  # voided or deleted in Xero
        gone = XERO_STATUS_WORDS.get(invoice.status, invoice.status).lower()
        return f"{state.title}: invoice {invoice.number} {gone} in Xero, not sent again yet"
    if state is DayStatus.PAID:
        skipped = [s.title.lower() for s in checklist.steps if s.state is StepState.SKIPPED]
        if skipped:
            return f"{state.title}: done ({', '.join(skipped)} skipped)"
    return state.words
