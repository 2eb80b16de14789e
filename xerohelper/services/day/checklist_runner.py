"""Runs a day's checklist (or several days' for a catch-up) by walking the steps in the core's order,
`core.checklist.ORDER` — the one place that order is written. Each step's unit works on the days handed
to it and hands on the days that may go on; a step that needs attention stops the run cleanly.

One run at a time per service (`lock`); re-sending and "check again" take the same lock.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping as Lookup
from collections.abc import Sequence
from contextlib import suppress

from xerohelper.core.checklist import ORDER, Checklist, Step
from xerohelper.core.mapping import Mapping
from xerohelper.core.sales_invoice import PlanProblem, plan_payments, plan_sales_invoice
from xerohelper.services.day.approval import Approval
from xerohelper.services.day.day_key import DayKey, in_order
from xerohelper.services.day.day_run import DayRun, StopRun
from xerohelper.services.day.payments import Payments
from xerohelper.services.day.read_back import read_back
from xerohelper.services.day.sales_summary import SalesSummary
from xerohelper.services.day.step_unit import StepUnit
from xerohelper.services.day.weeks import with_their_weeks


def the_steps() -> dict[Step, StepUnit]:
    units: list[StepUnit] = [SalesSummary(), Approval(), Payments()]
    return {unit.step: unit for unit in units}


class ChecklistRunner:
    def __init__(self, units: Lookup[Step, StepUnit] | None = None) -> None:
        self.units = dict(units) if units is not None else the_steps()
        missing = [step for step in ORDER if step not in self.units]
        if missing:
            raise ValueError(f"no unit for the step(s) {', '.join(missing)}")
        self.lock = threading.RLock()

    def run(
        self, run: DayRun, keys: Sequence[DayKey], only: Step | None = None, approve: bool | None = None
    ) -> list[Checklist]:
        """Every step that can run (or `only` that one), for each day; the days' checklists after it."""
        with self.lock:
            mapping = run.shop_mapping()
            do_approve = mapping.approve_automatically if approve is None else approve
            asked = sorted(set(keys), key=in_order)
            going = with_their_weeks(run, asked, mapping)  # weekly summaries: the whole week goes
            for key in going:
                run.attention.forget(key)
            try:
                if len(going) > 1:
                    going = up_to_first_foreseen_problem(run, going, mapping)
                for step in ORDER:
                    unit = self.units[step]
                    if unit.asked(only, do_approve):
                        going = unit.run(run, going, mapping)
            except StopRun:
                pass
            finally:
                run.attention.stop_running()
            return [run.status.of(k) for k in asked]

    def refresh(self, run: DayRun, key: DayKey) -> Checklist:
        """'I've fixed it / approved it in Xero — check again': read the day's invoice back from Xero."""
        with self.lock:
            record = run.record(key)
            run.attention.forget(key)
            run.setup_cache.forget()  # the owner may have changed accounts, tax rates or the contact in Xero
            if record.invoice is not None:
                week = with_their_weeks(run, [key], run.shop_mapping())  # a week's days share its invoice
                with suppress(StopRun):  # a failure's explanation is on the step
                    run.guarded(key, Step.APPROVE, lambda: read_back(run, week))
        return run.status.of(key)


def up_to_first_foreseen_problem(run: DayRun, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
    """Catch-up: the days in order up to and including the first one whose problems can be foreseen;
    the days after it are left untouched until that one is fixed."""
    setup, contact = run.setup(keys[0], Step.SALES_SUMMARY)
    for index, key in enumerate(keys):
        record = run.record(key)
        if record.day is None:
            continue
        foreseen = bool(run.explainer.preflight(record.day, mapping, setup, contact))
        if record.invoice is None:
            foreseen = foreseen or isinstance(plan_sales_invoice(record.day, mapping, setup.rates), list)
        paid = {p.tender for p in record.payments}
        payments = plan_payments(record.day, mapping, paid)
        foreseen = foreseen or bool(payments and isinstance(payments[0], PlanProblem))
        if foreseen:
            return keys[: index + 1]
    return keys
