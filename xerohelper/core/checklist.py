"""The day's checklist: sales summary → approve drafts → payment tenders, always in that order.

The checklist is worked out from what is known about the day (the facts), never stored on its own, so it
cannot drift from the journal or from Xero. Each step says what state it is in and, when it can't run yet,
why — in words the screen shows as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from xerohelper.core.money import ZERO, money_words


class Step(StrEnum):
    SALES_SUMMARY = "sales-summary"
    APPROVE = "approve"
    PAYMENTS = "payments"

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Step.SALES_SUMMARY: "Sales summary",
    Step.APPROVE: "Approve drafts",
    Step.PAYMENTS: "Payment tenders",
}
ORDER = (Step.SALES_SUMMARY, Step.APPROVE, Step.PAYMENTS)


class StepState(StrEnum):
    NOT_STARTED = "not started"
    READY = "ready"
    RUNNING = "running"
    DONE = "done"
    NEEDS_ATTENTION = "needs attention"
    SKIPPED = "skipped"


# Xero's invoice statuses, with the words Xero's own screens use for them.
XERO_STATUS_WORDS = {
    "DRAFT": "Draft",
    "SUBMITTED": "Awaiting approval",
    "AUTHORISED": "Awaiting payment",
    "PAID": "Paid",
    "VOIDED": "Voided",
    "DELETED": "Deleted",
}
APPROVED = {"AUTHORISED", "PAID"}
# An invoice in Xero without the till's figures on this computer (the journal was rebuilt from Xero).
NO_FIGURES = (
    " The till's figures for this day aren't on this computer: import the day's till file again to see "
    "them or to send the day again."
)
GONE = {"VOIDED", "DELETED"}


@dataclass(frozen=True)
class InvoiceFacts:
    """What Xero last told us about the day's sales invoice."""

    invoice_id: str
    number: str
    status: str  # Xero's: DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, DELETED
    total: Decimal
    amount_due: Decimal


@dataclass(frozen=True)
class DayFacts:
    """Everything the checklist is worked out from."""

    day_problems: tuple[str, ...] = ()  # why the day's figures can't be posted yet ("" = none)
    has_day: bool = False  # figures imported or typed in
    tenders_to_pay: tuple[str, ...] = ()  # tender names with a non-zero amount
    invoice: InvoiceFacts | None = None
    needs_credit_note: bool = False  # the till paid money back: it goes out through a credit note
    credit_note: InvoiceFacts | None = None  # amount_due = the credit still to refund
    paid_tenders: dict[str, str] = field(default_factory=dict)  # tender → Xero PaymentID
    running: Step | None = None
    attention: dict[Step, object] = field(default_factory=dict)  # step → the Explanation to show
    skipped: dict[Step, str] = field(default_factory=dict)  # step → the owner's reason
    waiting: str = ""  # weekly summaries: why the week's invoice isn't sent yet ("" = it may be)


@dataclass(frozen=True)
class StepStatus:
    step: Step
    state: StepState
    reason: str = ""  # why it is not ready, or what it is waiting for; "" when there is nothing to say
    attention: object | None = None  # the Explanation, when state is NEEDS_ATTENTION

    @property
    def title(self) -> str:
        return self.step.title


@dataclass(frozen=True)
class Checklist:
    steps: tuple[StepStatus, StepStatus, StepStatus]

    def __getitem__(self, step: Step) -> StepStatus:
        return self.steps[ORDER.index(step)]

    @property
    def next_step(self) -> StepStatus | None:
        """The step 'Run next step' would run: the first one that is ready or needs attention."""
        for status in self.steps:
            if status.state in (StepState.READY, StepState.NEEDS_ATTENTION):
                return status
            if status.state not in (StepState.DONE, StepState.SKIPPED):
                return None
        return None

    @property
    def is_finished(self) -> bool:
        return all(s.state in (StepState.DONE, StepState.SKIPPED) for s in self.steps)

    @property
    def needs_attention(self) -> bool:
        return any(s.state is StepState.NEEDS_ATTENTION for s in self.steps)


def work_out(facts: DayFacts) -> Checklist:
    """The checklist for a day, from its facts."""
    return Checklist((_sales_summary(facts), _approve(facts), _payments(facts)))


def _override(step: Step, facts: DayFacts) -> StepStatus | None:
    if facts.running is step:
        return StepStatus(step, StepState.RUNNING, "Working on it…")
    if step in facts.skipped:
        return StepStatus(step, StepState.SKIPPED, facts.skipped[step])
    if step in facts.attention:
        problem = facts.attention[step]
        words = (
            "Found before sending: nothing went to Xero. See below for what to fix."
            if getattr(problem, "predicted", False)
            else "Xero said no. See below for what to do."
        )
        return StepStatus(step, StepState.NEEDS_ATTENTION, words, problem)
    return None


def _in_xero(document: InvoiceFacts | None) -> bool:
    return document is not None and document.status not in GONE


def _approved(document: InvoiceFacts | None) -> bool:
    return document is not None and document.status in APPROVED


def _settled(document: InvoiceFacts | None) -> bool:
    return document is not None and (document.status == "PAID" or document.amount_due == ZERO)


def _sales_summary(facts: DayFacts) -> StepStatus:
    step = Step.SALES_SUMMARY
    invoice = facts.invoice
    credit_note_in = not facts.needs_credit_note or _in_xero(facts.credit_note)
    if _in_xero(invoice) and credit_note_in:
        words = (
            f"Invoice {invoice.number} is in Xero ({XERO_STATUS_WORDS.get(invoice.status, invoice.status)})"
        )
        if facts.credit_note is not None and facts.needs_credit_note:
            words += f", with credit note {facts.credit_note.number} for the refunds paid out"
        return StepStatus(step, StepState.DONE, words + "." + ("" if facts.has_day else NO_FIGURES))
    if (status := _override(step, facts)) is not None:
        return status
    if not facts.has_day:
        return StepStatus(
            step,
            StepState.NOT_STARTED,
            "Import the day's sales from your till, or type in the Z-report totals.",
        )
    if facts.day_problems:
        return StepStatus(step, StepState.NOT_STARTED, " ".join(facts.day_problems))
    if facts.waiting and invoice is None:
        return StepStatus(step, StepState.NOT_STARTED, facts.waiting)
    if _in_xero(invoice):  # the invoice went in, its credit note not yet
        return StepStatus(
            step, StepState.READY, "The credit note for the refunds paid out still has to go in."
        )
    if invoice is not None:  # voided or deleted in Xero
        return StepStatus(
            step,
            StepState.READY,
            f"Invoice {invoice.number} was "
            f"{XERO_STATUS_WORDS[invoice.status].lower()} in Xero; the day can be sent again.",
        )
    return StepStatus(step, StepState.READY)


def _approve(facts: DayFacts) -> StepStatus:
    step = Step.APPROVE
    invoice = facts.invoice
    credit_note = facts.credit_note if facts.needs_credit_note else None
    if _approved(invoice) and (credit_note is None or _approved(credit_note)):
        words = f"Invoice {invoice.number}" + (
            f" and credit note {credit_note.number} are" if credit_note else " is"
        )
        return StepStatus(step, StepState.DONE, words + " approved.")
    if (status := _override(step, facts)) is not None:
        return status
    if not _in_xero(invoice) or (facts.needs_credit_note and not _in_xero(credit_note)):
        return StepStatus(step, StepState.NOT_STARTED, "The sales summary has to be in Xero first (step 1).")
    if _approved(invoice):
        return StepStatus(step, StepState.READY, f"Credit note {credit_note.number} is waiting for approval.")
    return StepStatus(
        step,
        StepState.READY,
        f"Invoice {invoice.number} is waiting for approval "
        f"({XERO_STATUS_WORDS.get(invoice.status, invoice.status)}).",
    )


def _payments(facts: DayFacts) -> StepStatus:
    step = Step.PAYMENTS
    invoice = facts.invoice
    credit_note = facts.credit_note if facts.needs_credit_note else None
    approved = _approved(invoice) and (not facts.needs_credit_note or _approved(credit_note))
    to_pay = [t for t in facts.tenders_to_pay if t not in facts.paid_tenders]
    settled = _settled(invoice) and (not facts.needs_credit_note or _settled(credit_note))
    if approved and settled:
        refunds = f", and the refunds are paid out of credit note {credit_note.number}" if credit_note else ""
        return StepStatus(step, StepState.DONE, f"Invoice {invoice.number} is paid in full{refunds}.")
    if (status := _override(step, facts)) is not None:
        return status
    if approved and facts.tenders_to_pay and not to_pay:  # never "done" with money owing
        return StepStatus(
            step,
            StepState.READY,
            f"All tenders are recorded, but {money_words(invoice.amount_due)} was still owing on invoice "
            f"{invoice.number} when Xero was last asked: xerohelper checks again. Skip this step if the "
            "amount owing is right.",
        )
    if invoice is None or invoice.status in GONE:
        return StepStatus(
            step, StepState.NOT_STARTED, "The sales summary has to be in Xero and approved first."
        )
    if not approved:
        return StepStatus(
            step,
            StepState.NOT_STARTED,
            "Xero only takes payments on an approved invoice: approve the sales summary first (step 2).",
        )
    if not facts.has_day:
        return StepStatus(
            step,
            StepState.NOT_STARTED,
            "Import the day's till file again to record the rest of its payments.",
        )
    if not facts.tenders_to_pay:
        return StepStatus(
            step, StepState.NOT_STARTED, "The day has no payments to record. Skip this step if that is right."
        )
    return StepStatus(step, StepState.READY, f"To record: {', '.join(to_pay)}.")
