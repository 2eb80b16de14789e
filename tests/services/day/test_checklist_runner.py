"""The runner walks the steps in the core's order, hands each step the days that may go on, does only the
step asked for, approves only when asked, and stops cleanly when a step needs attention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.services.day.day_parts import shop_run
from xerohelper.core.checklist import ORDER, Step, StepState
from xerohelper.services.day.checklist_runner import ChecklistRunner, the_steps
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import StopRun

DAYS = [date(2026, 11, 21), date(2026, 11, 22), date(2026, 11, 23)]


class StandIn:
    """A step that notes what it was given and hands on the days it is told to (or stops the run)."""

    def __init__(self, step: Step, log: list, keep: int | None = None, stop: bool = False) -> None:
        self.step, self.log, self.keep, self.stop = step, log, keep, stop

    def asked(self, only, approve) -> bool:
        return the_steps()[self.step].asked(only, approve)

    def run(self, run, keys, mapping):
        self.log.append((self.step, list(keys)))
        run.attention.start_running(keys, self.step)
        if self.stop:
            run.stop_with(keys[0], self.step, run.explainer.for_stored(500, ""))
        return keys if self.keep is None else keys[: self.keep]


def stand_ins(log: list, **special) -> dict:
    return {step: special.get(step.name, StandIn(step, log)) for step in ORDER}


def test_the_steps_are_walked_in_the_cores_order_each_given_the_days_that_go_on(offline):
    key = offline.save(DAYS[0])
    log: list = []
    runner = ChecklistRunner(stand_ins(log, SALES_SUMMARY=StandIn(Step.SALES_SUMMARY, log, keep=0)))
    runner.run(offline.run(), [key], approve=True)
    assert log == [(Step.SALES_SUMMARY, [key]), (Step.APPROVE, []), (Step.PAYMENTS, [])]


def test_only_the_step_asked_for_runs_and_approving_waits_to_be_asked(offline):
    key = offline.save(DAYS[0])
    log: list = []
    runner = ChecklistRunner(stand_ins(log))
    runner.run(offline.run(), [key], only=Step.APPROVE)
    assert [step for step, _ in log] == [Step.APPROVE]
    log.clear()
    runner.run(offline.run(), [key], approve=False)
    assert [step for step, _ in log] == [Step.SALES_SUMMARY, Step.PAYMENTS]
    log.clear()
    runner.run(offline.run(), [key])  # the Mapping decides: the demo shop doesn't approve automatically
    assert [step for step, _ in log] == [Step.SALES_SUMMARY, Step.PAYMENTS]


def test_a_step_that_needs_attention_stops_the_run_cleanly(shop):
    run = shop_run(shop)  # several days: the runner reads the set-up to foresee problems (none here)
    days = [shop.the_day(shop.today - timedelta(days=n)) for n in (2, 1)]
    keys = []
    for day in days:
        run.status.save_day(day)
        keys.append(DayKey(day.date))
    log: list = []
    runner = ChecklistRunner(stand_ins(log, APPROVE=StandIn(Step.APPROVE, log, stop=True)))
    # asked twice and out of order: each day once, oldest first
    checklists = runner.run(run, [keys[1], keys[0], keys[1]], approve=True)
    assert [step for step, _ in log] == [Step.SALES_SUMMARY, Step.APPROVE]
    assert log[0][1] == [keys[0], keys[1]]
    assert len(checklists) == 2
    assert checklists[0][Step.APPROVE].state is StepState.NEEDS_ATTENTION  # stopped here, explained
    assert not any(s.state is StepState.RUNNING for c in checklists for s in c.steps)  # none left "running"


def test_every_step_of_the_order_has_its_unit():
    assert list(the_steps()) == list(ORDER)
    with pytest.raises(ValueError, match="payments"):
        ChecklistRunner({step: unit for step, unit in the_steps().items() if step is not Step.PAYMENTS})


def test_stop_run_is_the_runs_own_signal(offline):
    key = offline.save(DAYS[0])
    run = offline.run()
    with pytest.raises(StopRun):
        run.stop_with(key, Step.PAYMENTS, run.explainer.for_stored(500, ""))
    assert run.attention.has(key, Step.PAYMENTS)
    assert DayKey(DAYS[0]) == key
