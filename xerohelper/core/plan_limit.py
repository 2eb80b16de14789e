"""Xero plans that cap approved sales invoices: how many a month, how many are left, and when a shop posting
one invoice a day would go over — in words, before Xero refuses.

Xero does not publish the cap through its API; it gives the organisation's plan (Organisation.Class). The
plans below approve 20 sales invoices a calendar month (Xero's Starter, Ignite and Early plans; Early is
reported as STARTER). Xero counts an invoice in the month of its date, and one that was approved and then
voided still counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.explain import Action, Explanation, Stage, open_in_xero
from xerohelper.core.weeks import week_of

CAPPED_PLANS = {"STARTER": ("Starter", 20), "IGNITE": ("Ignite", 20)}
COUNTED_STATUSES = ("AUTHORISED", "PAID", "VOIDED")  # what Xero counts as approved this month


def monthly_cap(plan_class: str) -> tuple[str, int] | None:
    """The plan's name and its cap of approved sales invoices a month; None when the plan has no cap."""
    return CAPPED_PLANS.get(plan_class.strip().upper())


@dataclass(frozen=True)
class PlanAllowance:
    """How many sales invoices the organisation's plan may still approve in one month."""

    plan: str  # "Starter"
    limit: int  # 20
    month: tuple[int, int]  # (year, month)
    approved: int  # approved (or approved then voided) sales invoices dated in that month

    @property
    def left(self) -> int:
        return max(0, self.limit - self.approved)

    def with_approved(self, more: int) -> PlanAllowance:
        return PlanAllowance(self.plan, self.limit, self.month, self.approved + more)

    @property
    def month_words(self) -> str:
        return f"{MONTHS[self.month[1] - 1]} {self.month[0]}"


def first_over(to_post: list[tuple[date, int]], left: int) -> date | None:
    """Posting each day's (or week's) documents in order — (its date, how many: its invoice, and its credit
    note when it paid refunds) — the date of the first the plan would refuse."""
    used = 0
    for first, count in sorted(to_post):
        used += count
        if used > left:
            return first
    return None


def allowance_words(allowance: PlanAllowance, over_from: date | None, weekly: bool, tills: int = 1) -> str:
    """'Your Xero plan (Starter) approves 20 sales invoices a month; 3 left for December 2026; from Wednesday
    24 December …' — the warning the day screen and `xerohelper day` show (`tills`: how many tills post)."""
    left = allowance.left
    head = (
        f"Your Xero plan ({allowance.plan}) approves {allowance.limit} sales invoices a month; "
        f"{left} left for {allowance.month_words}."
    )
    if weekly and over_from is None:
        each = " for each till" if tills > 1 else ""
        return head + f" Weekly summaries send about five a month{each}, so every day fits."
    if weekly:  # `over_from` is the first day of the week whose invoice would be refused
        week = week_of(over_from)
        return (
            head + f" Sending one invoice a week (and a credit note for a week with refunds, counted to be "
            f"safe), from {week.words} Xero would refuse to approve the week's invoice. Move to a Xero plan "
            "without a cap before then (in Xero: Settings > Subscription and billing)."
        )
    if over_from is None:
        return head
    when = f"{WEEKDAYS[over_from.weekday()]} {over_from.day} {MONTHS[over_from.month - 1]}"
    return (
        head + f" Sending one invoice a day, from {when} Xero would refuse to approve the day's invoice. "
        "Choose weekly summaries in Shop setup (one invoice a week) so every day fits."
    )


def cap_reached(allowance: PlanAllowance, number: str, short_code: str | None) -> Explanation:
    """The card when sending `number` would take the month over the plan's cap (found before sending)."""
    return Explanation(
        title=f"Your Xero plan can't approve another invoice for {allowance.month_words}",
        what_happened=(
            f"Your Xero plan ({allowance.plan}) approves {allowance.limit} sales invoices a month, and "
            f"{allowance.approved} for {allowance.month_words} are approved already. Xero would refuse to "
            f"approve invoice {number}, so xerohelper sent nothing for this day."
        ),
        why=(
            "One invoice a day is more than a plan with a monthly cap of invoices allows. A weekly summary "
            "puts a week's days on one invoice (payments still dated on the day they were taken), about "
            "five invoices a month."
        ),
        steps=(
            "In xerohelper, open Shop setup and choose “One invoice a week” under Sales summary.",
            "Come back to the day and click “I've fixed it — try again”: the week's invoice goes in once "
            "the week is over.",
            "Or, in Xero, move to a plan without a cap (Settings > Subscription and billing).",
        ),
        action=Action.FIX_IN_APP,
        screen=open_in_xero("subscription", short_code),
        key="plan-cap-ahead",
        stage=Stage.SETUP,
        predicted=True,
    )
