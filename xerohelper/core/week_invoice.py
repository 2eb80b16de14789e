"""The sales invoice for a week (weekly summaries): one invoice, with each day's lines as that day's own
invoice would have them, the day's name in front ("Tue 2 Dec – Paint sales").

Lines per day and category, not per category for the week: each line can be checked against that day's
Z report and that day's card settlement, a day corrected later is found at a glance, and the tax Xero works
out line by line is exactly what each day's invoice would have had (a week's lines summed per category would
round differently from the till). The invoice is dated on the week's first day, so no payment — each dated
on the day it was taken — is ever dated before its invoice.

Refunds paid out (a tender the till reports below zero for the day: cash handed back, a card refunded) are
booked the way one invoice a day books them, so a week reads like its seven days:

* A refund the till netted into a tender that still took money that day is already in the figures: the
  refund is a negative sales line of that day (its tax comes off that day's tax), and the day's payment
  into the tender's account is the net the drawer or the card settlement really moved. Nothing more to do.
* A tender whose day is below zero paid money out of its account. Xero takes no negative payment on an
  invoice, and netting it against another day or another tender would put the money in the wrong account
  or on the wrong day of the bank statement. So it goes out through the week's credit note, as a refund
  payment dated on its own day into that tender's account — what the bank or the cash book shows. The
  week's invoice carries the same amount on a "refunds paid out" line of that day (the shop's rounding
  account), and the credit note's line takes it back off: the two cancel on that account, the sales and
  the tax are exactly the till's, the invoice is paid in full by the day's positive tenders and the
  credit note in full by its refunds.

One credit note for the week rather than one per day keeps a capped plan's count low (Xero doesn't say
whether a plan's monthly cap counts credit notes; xerohelper counts them, to be safe: services/day/
plan_cap.py): at most one invoice and one credit note a week, 12 a month, within 20.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from xerohelper.core.checklist import Step
from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money
from xerohelper.core.sales_invoice import (
    REFUNDS_PAID_OUT,
    CreditNotePlan,
    PlanProblem,
    SalesInvoicePlan,
    credit_note_number,
    plan_sales_invoice,
    refunds_line,
    refunds_paid_out,
)
from xerohelper.core.weeks import Week


def plan_week_invoice(
    days: list[Day], week: Week, mapping: Mapping, tax_rates: dict[str, Decimal], posting: int = 1
) -> SalesInvoicePlan | list[PlanProblem]:
    """The week's invoice from the days of `week` that have figures, or the problems that stop it."""
    problems: list[PlanProblem] = []
    lines = []
    total = ZERO
    inclusive: set[bool] = set()
    for day in sorted(days, key=lambda d: d.date):
        plan = plan_sales_invoice(day, mapping, tax_rates)
        if isinstance(plan, list):
            problems += [replace(p, message=f"{_day_words(day)}: {p.message}") for p in plan]
            continue
        day_lines = list(plan.lines)
        refunds = refunds_paid_out(day)
        if refunds:  # the day's refunds line (always its last) points at the week's credit note
            day_lines[-1] = refunds_line(
                mapping, refunds, day.location, f"{REFUNDS_PAID_OUT} (see the week's credit note)"
            )
        lines += [replace(line, description=f"{_day_words(day)} – {line.description}") for line in day_lines]
        total += plan.total
        if plan.lines:
            inclusive.add(plan.amounts_include_tax)
    if len(inclusive) > 1:
        problems.append(
            PlanProblem(
                Step.SALES_SUMMARY,
                f"Some days of {week.words} came from a till that reports amounts with tax included, others "
                "from one that reports them before tax, and one Xero invoice takes one or the other. Import "
                "the week's days from the same till export, or send this week one invoice a day.",
                "app",
            )
        )
    if problems:
        return problems
    if not lines:
        return [PlanProblem(Step.SALES_SUMMARY, f"There are no sales for {week.words}.", "app")]
    location = days[0].location
    return SalesInvoicePlan(
        number=mapping.week_invoice_number(week.first, week.last, location, posting),
        reference=mapping.week_reference(week.words, location),
        trading_date=week.first,
        lines=tuple(lines),
        total=money(total),
        approve=mapping.approve_automatically,
        amounts_include_tax=inclusive == {True},
    )


def plan_week_credit_note(
    days: list[Day], week: Week, mapping: Mapping, posting: int = 1
) -> CreditNotePlan | None:
    """The week's credit note for the refunds its tills paid out (a line per day that paid any), dated on
    the week's first day like its invoice; None when no day of the week paid money back."""
    paid_out = [(day, refunds_paid_out(day)) for day in sorted(days, key=lambda d: d.date)]
    paid_out = [(day, refunds) for day, refunds in paid_out if refunds > ZERO]
    if not paid_out or not mapping.rounding_account_code:
        return None
    location = paid_out[0][0].location
    invoice_number = mapping.week_invoice_number(week.first, week.last, location, posting)
    return CreditNotePlan(
        number=credit_note_number(invoice_number),
        reference=mapping.week_reference(week.words, location),
        trading_date=week.first,
        lines=tuple(
            refunds_line(mapping, refunds, day.location, f"{_day_words(day)} – {REFUNDS_PAID_OUT}")
            for day, refunds in paid_out
        ),
        total=money(sum((refunds for _, refunds in paid_out), ZERO)),
        approve=mapping.approve_automatically,
    )


def _day_words(day: Day) -> str:
    d = day.date
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"
