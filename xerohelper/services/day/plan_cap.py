"""A plan that caps approved sales invoices (Xero's Starter and Ignite: 20 a month), checked before sending:
the invoice that would take its month over the cap stops its day (or week) with the card, nothing sent, and
the days after it wait. The count comes with the set-up reads (SetupCache.allowance) and is counted on as
xerohelper approves invoices.

Credit notes (refunds paid out) are counted as if the cap took them too. Xero's pages and the partners'
help pages name invoices (and bills) only, and the live refusal xerohelper knows is for an invoice, so
whether a credit note uses up one of the 20 is not known: counted, a shop is at worst stopped one document
early with the card; not counted, Xero might refuse a day half-sent. Weekly summaries send at most one
invoice and one credit note a week (12 a month), so a capped plan still fits every day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from xerohelper.core.checklist import Step
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun

Going = tuple[Sequence[DayKey], str, date]  # the days an invoice covers, its number, its date


def first_over_the_cap(run: DayRun, invoices: Sequence[Going], step: Step) -> int | None:
    """The index of the first invoice the plan would refuse to approve (its days noted), or None."""
    used: dict[tuple[int, int], int] = {}
    for index, (keys, number, dated) in enumerate(invoices):
        month = (dated.year, dated.month)
        allowance = run.guarded(
            keys[0], step, lambda month=month: run.setup_cache.allowance(run.books, month)
        )
        if allowance is None:
            return None
        used[month] = used.get(month, 0) + 1
        if allowance.approved + used[month] > allowance.limit:
            card = run.explainer.plan_cap(allowance, number)
            for key in keys:
                run.attention.note(key, step, card)
            return index
    return None


def counted(run: DayRun, approved_on: Sequence[date]) -> None:
    """These invoices (by their dates) were just approved: the month's allowance counts them."""
    for dated in approved_on:
        run.setup_cache.approved((dated.year, dated.month))
