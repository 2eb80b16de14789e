"""The steps that need the owner: noted while the app runs, and found again in the journal after a restart."""

from __future__ import annotations

from datetime import date

from xerohelper.adapters.xero_shapes import ItemResult, items_refused
from xerohelper.core.checklist import Step
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.needs_attention import NeedsAttention
from xerohelper.services.explaining import Explainer

DAY = date(2026, 11, 21)
KEY = DayKey(DAY)


def refused_payment(message: str):
    return items_refused([ItemResult("Amex", problems=(message,), collection="Payments")])


def test_a_noted_problem_is_on_its_step_until_the_day_starts_afresh(offline):
    card = offline.explainer.for_stored(200, refused_payment("Account code '616' is not valid").body)
    offline.attention.note(KEY, Step.PAYMENTS, card)
    assert offline.attention.has(KEY, Step.PAYMENTS) and not offline.attention.has(KEY, Step.APPROVE)
    assert offline.attention.of(KEY) == {Step.PAYMENTS: card}
    offline.attention.forget(KEY)
    assert offline.attention.of(KEY) == {}


def test_after_a_restart_the_last_failed_attempt_of_a_step_still_needs_attention(offline):
    refusal = refused_payment("Account code '616' is not valid")
    attempt = offline.journal.begin("org-1", DAY, "", Step.PAYMENTS, "create-payments", {"n": 1})
    offline.journal.failed(attempt, refusal.status, refusal.body)

    after_restart = NeedsAttention(offline.journal, "org-1", Explainer())
    found = after_restart.of(KEY)
    assert list(found) == [Step.PAYMENTS]
    assert found[Step.PAYMENTS].xero_messages == ("Account code '616' is not valid",)

    again = offline.journal.begin("org-1", DAY, "", Step.PAYMENTS, "create-payments", {"n": 2})
    offline.journal.succeeded(again, {"Payments": 3})
    assert after_restart.of(KEY) == {}  # the step's last attempt went through


def test_the_running_step_is_known_until_the_run_stops(offline):
    other = DayKey(date(2026, 11, 22))
    offline.attention.start_running([KEY, other], Step.APPROVE)
    assert offline.attention.running(KEY) is Step.APPROVE and offline.attention.running(other) is Step.APPROVE
    offline.attention.stop_running()
    assert offline.attention.running(KEY) is None
