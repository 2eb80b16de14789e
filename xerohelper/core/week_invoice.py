"""The sales invoice for a week (weekly summaries): one invoice, with each day's lines as that day's own
invoice would have them, the day's name in front ("Tue 2 Dec – Paint sales").

Lines per day and category, not per category for the week: each line can be checked against that day's
Z report and that day's card settlement, a day corrected later is found at a glance, and the tax Xero works
out line by line is exactly what each day's invoice would have had (a week's lines summed per category would
round differently from the till). The invoice is dated on the week's first day, so no payment — each dated
on the day it was taken — is ever dated before its invoice.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from xerohelper.core.checklist import Step
from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money
from xerohelper.core.sales_invoice import PlanProblem, SalesInvoicePlan, plan_sales_invoice, refunds_paid_out
from xerohelper.core.weeks import Week


def plan_week_invoice(
    days: list[Day], week: Week, mapping: Mapping, tax_rates: dict[str, Decimal], posting: int = 1
) -> SalesInvoicePlan | list[PlanProblem]:
    """The week's invoice from the days of `week` that have figures, or the problems that stop it."""
    problems: list[PlanProblem] = []
    lines = []
    total = ZERO
    for day in sorted(days, key=lambda d: d.date):
        if refunds_paid_out(day) > ZERO:
            problems.append(
                PlanProblem(
                    Step.SALES_SUMMARY,
                    f"On {_day_words(day)} the till paid money back to customers. Weekly summaries don't "
                    "pass refunds paid out yet: switch this shop to one invoice a day in Shop setup for "
                    "this week.",
                    "app",
                )
            )
            continue
        plan = plan_sales_invoice(day, mapping, tax_rates)
        if isinstance(plan, list):
            problems += [replace(p, message=f"{_day_words(day)}: {p.message}") for p in plan]
            continue
        lines += [replace(line, description=f"{_day_words(day)} – {line.description}") for line in plan.lines]
        total += plan.total
    if problems:
        return problems
    if not lines:
        return [PlanProblem(Step.SALES_SUMMARY, f"There are no sales for {week.words}.", "app")]
    location = days[0].location
    return SalesInvoicePlan(
        number=mapping.week_invoice_number(week.first, week.last, location, posting),
        reference=mapping.week_reference(week.words, location),
        contact_name=mapping.customer_contact,
        trading_date=week.first,
        lines=tuple(lines),
        total=money(total),
        approve=mapping.approve_automatically,
    )


def _day_words(day: Day) -> str:
    d = day.date
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"
