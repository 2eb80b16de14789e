"""Where a day stands, from the journal alone: its checklist, what is unfinished, skipped steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.services.day.day_parts import ORGANISATION
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.mapping import Mapping
from xerohelper.services.day.day_key import DayKey

DAY = date(2026, 11, 21)


def states(checklist) -> list[StepState]:
    return [s.state for s in checklist.steps]


def test_a_saved_day_is_ready_to_send(offline):
    key = offline.save(DAY)
    facts = offline.status.facts(DAY)
    assert facts.has_day and facts.invoice is None and not facts.day_problems
    assert set(facts.tenders_to_pay) == {"Cash", "EFTPOS", "Amex"}
    assert states(offline.status.of(key)) == [StepState.READY, StepState.NOT_STARTED, StepState.NOT_STARTED]


def test_a_sales_category_without_an_account_holds_the_day_back_with_words(offline):
    offline.mapping = replace(offline.mapping, sales={})
    offline.save(DAY)
    summary = offline.status.checklist(DAY)[Step.SALES_SUMMARY]
    assert summary.state is StepState.NOT_STARTED
    assert "has no Xero account yet. Choose one in Shop setup." in summary.reason


def test_without_figures_the_day_asks_for_them(offline):
    offline.mapping = Mapping()
    summary = offline.status.checklist(DAY)[Step.SALES_SUMMARY]
    assert summary.state is StepState.NOT_STARTED and summary.reason.startswith("Import the day's sales")


def test_unfinished_days_are_the_saved_ones_in_range(offline):
    for d in (date(2026, 11, 19), date(2026, 11, 21), date(2026, 12, 2)):
        offline.save(d)
    assert offline.status.unfinished_days(date(2026, 11, 1), date(2026, 11, 30)) == [
        date(2026, 11, 19),
        date(2026, 11, 21),
    ]


def test_a_skipped_step_keeps_the_owners_reason_until_unskipped(offline):
    offline.save(DAY)
    skipped = offline.status.skip(DAY, Step.PAYMENTS, "   ")
    assert skipped[Step.PAYMENTS].state is StepState.SKIPPED and skipped[Step.PAYMENTS].reason == "Skipped"
    assert offline.status.skip(DAY, Step.PAYMENTS, "Paid by hand")[Step.PAYMENTS].reason == "Paid by hand"
    assert offline.status.unskip(DAY, Step.PAYMENTS)[Step.PAYMENTS].state is StepState.NOT_STARTED


def test_new_figures_clear_what_needed_attention_and_the_running_step_shows(offline):
    key = offline.save(DAY)
    offline.attention.note(key, Step.SALES_SUMMARY, offline.explainer.for_stored(500, ""))
    assert offline.status.of(key)[Step.SALES_SUMMARY].state is StepState.NEEDS_ATTENTION
    offline.save(DAY)  # the same figures again (the same file imported twice): the problem would recur
    assert offline.status.of(key)[Step.SALES_SUMMARY].state is StepState.NEEDS_ATTENTION
    day = offline.status.journal.day(ORGANISATION, DAY)
    offline.status.save_day(replace(day, tenders=day.tenders[1:]))  # new figures: the day starts afresh
    assert offline.status.of(key)[Step.SALES_SUMMARY].state is not StepState.NEEDS_ATTENTION
    offline.attention.start_running([DayKey(DAY)], Step.SALES_SUMMARY)
    assert offline.status.of(key)[Step.SALES_SUMMARY].state is StepState.RUNNING
