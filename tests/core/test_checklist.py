from dataclasses import replace
from decimal import Decimal

from xerohelper.core.checklist import DayFacts, InvoiceFacts, Step, StepState, work_out


def invoice(status: str, due: str = "115.00") -> InvoiceFacts:
    return InvoiceFacts("inv-1", "POS-20261121", status, Decimal("115.00"), Decimal(due))


def states(facts: DayFacts) -> list[StepState]:
    return [s.state for s in work_out(facts).steps]


NS, READY, DONE = StepState.NOT_STARTED, StepState.READY, StepState.DONE


def test_nothing_imported_yet_says_what_to_do_first():
    checklist = work_out(DayFacts())
    assert states(DayFacts()) == [NS, NS, NS]
    assert "Import the day's sales" in checklist[Step.SALES_SUMMARY].reason
    assert checklist.next_step is None


def test_day_with_problems_is_not_ready_and_says_why():
    facts = DayFacts(has_day=True, day_problems=("“Garden” has no Xero account yet.",))
    checklist = work_out(facts)
    assert checklist[Step.SALES_SUMMARY].state is NS
    assert checklist[Step.SALES_SUMMARY].reason == "“Garden” has no Xero account yet."


def test_the_happy_path_step_by_step():
    day = DayFacts(has_day=True, tenders_to_pay=("Cash", "EFTPOS"))
    assert states(day) == [READY, NS, NS]
    assert work_out(day).next_step.step is Step.SALES_SUMMARY

    drafted = DayFacts(has_day=True, tenders_to_pay=("Cash", "EFTPOS"), invoice=invoice("DRAFT"))
    assert states(drafted) == [DONE, READY, NS]
    payments = work_out(drafted)[Step.PAYMENTS]
    assert "approve the sales summary first" in payments.reason  # tenders not offered on a draft
    assert work_out(drafted).next_step.step is Step.APPROVE

    approved = DayFacts(has_day=True, tenders_to_pay=("Cash", "EFTPOS"), invoice=invoice("AUTHORISED"))
    assert states(approved) == [DONE, DONE, READY]
    assert work_out(approved)[Step.PAYMENTS].reason == "To record: Cash, EFTPOS."

    half = DayFacts(
        has_day=True,
        tenders_to_pay=("Cash", "EFTPOS"),
        invoice=invoice("AUTHORISED", "40.00"),
        paid_tenders={"Cash": "pay-1"},
    )
    assert work_out(half)[Step.PAYMENTS].reason == "To record: EFTPOS."

    paid = DayFacts(has_day=True, tenders_to_pay=("Cash", "EFTPOS"), invoice=invoice("PAID", "0.00"))
    checklist = work_out(paid)
    assert states(paid) == [DONE, DONE, DONE]
    assert checklist.is_finished and checklist.next_step is None


def test_all_tenders_recorded_but_money_still_owing_is_not_done_until_the_owner_skips_it():
    facts = DayFacts(
        has_day=True,
        tenders_to_pay=("Cash",),
        invoice=invoice("AUTHORISED", "0.50"),
        paid_tenders={"Cash": "pay-1"},
    )
    checklist = work_out(facts)
    payments = checklist[Step.PAYMENTS]
    assert payments.state is not DONE and not checklist.is_finished
    assert "0.50 was still owing" in payments.reason and "Skip this step" in payments.reason
    skipped = work_out(replace(facts, skipped={Step.PAYMENTS: "Customer pays the rest on Monday"}))
    assert skipped.is_finished


def test_submitted_counts_as_waiting_for_approval():
    facts = DayFacts(has_day=True, invoice=invoice("SUBMITTED"))
    assert work_out(facts)[Step.APPROVE].reason.endswith("(Awaiting approval).")


def test_attention_running_and_skipped():
    problem = object()
    facts = DayFacts(
        has_day=True,
        tenders_to_pay=("Cash",),
        invoice=invoice("AUTHORISED"),
        attention={Step.PAYMENTS: problem},
    )
    payments = work_out(facts)[Step.PAYMENTS]
    assert payments.state is StepState.NEEDS_ATTENTION and payments.attention is problem
    assert work_out(facts).next_step == payments

    running = DayFacts(has_day=True, running=Step.SALES_SUMMARY)
    assert work_out(running)[Step.SALES_SUMMARY].state is StepState.RUNNING

    skipped = DayFacts(
        has_day=True, invoice=invoice("AUTHORISED"), skipped={Step.PAYMENTS: "Paid by bank transfer"}
    )
    checklist = work_out(skipped)
    assert checklist[Step.PAYMENTS].state is StepState.SKIPPED
    assert checklist.is_finished


def test_a_voided_invoice_can_be_sent_again():
    facts = DayFacts(has_day=True, invoice=invoice("VOIDED"))
    assert states(facts) == [READY, NS, NS]
    assert "voided in Xero" in work_out(facts)[Step.SALES_SUMMARY].reason


def test_a_day_with_refunds_paid_out_needs_its_credit_note_at_every_step():
    cn = InvoiceFacts("cn-1", "POS-20261121-CN", "DRAFT", Decimal("20.00"), Decimal("20.00"))
    base = {"has_day": True, "tenders_to_pay": ("EFTPOS", "Cash"), "needs_credit_note": True}

    invoice_only = DayFacts(**base, invoice=invoice("DRAFT"))
    assert states(invoice_only) == [READY, NS, NS]
    assert "credit note" in work_out(invoice_only)[Step.SALES_SUMMARY].reason

    both_drafts = DayFacts(**base, invoice=invoice("DRAFT"), credit_note=cn)
    assert states(both_drafts) == [DONE, READY, NS]
    assert "credit note POS-20261121-CN" in work_out(both_drafts)[Step.SALES_SUMMARY].reason

    invoice_approved = DayFacts(**base, invoice=invoice("AUTHORISED"), credit_note=cn)
    assert states(invoice_approved) == [DONE, READY, NS]
    assert "Credit note POS-20261121-CN is waiting" in work_out(invoice_approved)[Step.APPROVE].reason

    approved_cn = InvoiceFacts("cn-1", "POS-20261121-CN", "AUTHORISED", Decimal("20.00"), Decimal("20.00"))
    both_approved = DayFacts(
        **base, invoice=invoice("PAID", "0.00"), credit_note=approved_cn, paid_tenders={"EFTPOS": "p1"}
    )
    assert states(both_approved) == [DONE, DONE, READY]
    assert work_out(both_approved)[Step.PAYMENTS].reason == "To record: Cash."

    refunded = InvoiceFacts("cn-1", "POS-20261121-CN", "PAID", Decimal("20.00"), Decimal("0.00"))
    done = DayFacts(
        **base,
        invoice=invoice("PAID", "0.00"),
        credit_note=refunded,
        paid_tenders={"EFTPOS": "p1", "Cash": "p2"},
    )
    assert work_out(done).is_finished


def test_a_problem_found_before_sending_is_not_called_a_refusal_from_xero():
    class Predicted:
        predicted = True

    class Refused:
        predicted = False

    predicted = work_out(DayFacts(has_day=True, attention={Step.SALES_SUMMARY: Predicted()}))
    assert predicted[Step.SALES_SUMMARY].reason.startswith("Found before sending: nothing went to Xero.")
    refused = work_out(DayFacts(has_day=True, attention={Step.SALES_SUMMARY: Refused()}))
    assert refused[Step.SALES_SUMMARY].reason.startswith("Xero said no.")
