"""Weekly summaries in the day's run (Shop setup: one invoice a week). A week's days share one sales invoice
(core/week_invoice.py); each day keeps its own row in the journal pointing at that invoice, with its own
figures' fingerprint and its own payments, dated on the day they were taken. So each day's checklist reads
as before: step 1 done once the week's invoice is in, step 2 once it is approved, step 3 once the day's own
tenders are recorded against it.

Running any day of a week runs the whole week (every day of it with figures); a week is sent once it is over,
or sooner when every one of its days has figures.

Refunds paid out go through the week's one credit note (core/week_invoice.py says why): it is recorded on each
day of the week that paid money back, in one journal write, and each of those days' refunds is paid out of it
on its own day, so step 3 reads as before too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xerohelper.core.checklist import GONE, InvoiceFacts, Step
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.sales_invoice import CreditNotePlan, PlanProblem, SalesInvoicePlan, refunds_paid_out
from xerohelper.core.week_invoice import plan_week_credit_note, plan_week_invoice
from xerohelper.core.weeks import Week, week_of
from xerohelper.services.day.day_key import DayKey, in_order
from xerohelper.services.day.day_run import DayRun


@dataclass(frozen=True)
class Planned:
    """One invoice to send: the days it covers (in order), its plan, and each day's figures' fingerprint."""

    keys: tuple[DayKey, ...]
    plan: SalesInvoicePlan
    fingerprints: tuple[str, ...]


def days_of_week(run: DayRun, week: Week, location: str) -> list[DayKey]:
    """The week's days that have figures in the journal, in order."""
    return [
        DayKey(d, place)
        for d, place in run.journal.days_between(run.organisation_id, week.first, week.last)
        if place == location
    ]


def with_their_weeks(run: DayRun, keys: Sequence[DayKey], mapping: Mapping) -> list[DayKey]:
    """Weekly summaries: the days asked for, and every other day of their weeks that has figures."""
    if not mapping.weekly:
        return list(keys)
    found = set(keys)
    for week, location in {(week_of(k.trading_date), k.location) for k in keys}:
        found.update(days_of_week(run, week, location))
    return sorted(found, key=in_order)


def plan_weeks(
    run: DayRun,
    todo: list[DayKey],
    mapping: Mapping,
    setup: OrganisationSetup,
    contact: ContactInfo | None,
) -> tuple[list[Planned], DayKey | None]:
    """The weeks' invoices to send for these days, and the first day that stopped (its card noted)."""
    step = Step.SALES_SUMMARY
    planned: list[Planned] = []
    weeks = sorted({(week_of(k.trading_date), k.location) for k in todo})
    for week, location in weeks:
        keys = days_of_week(run, week, location)
        if not keys or not week.ready({k.trading_date for k in keys}, run.today()):
            continue  # the week isn't over yet: its invoice waits (the checklist says so)
        records = {k: run.record(k) for k in keys}
        if any(r.invoice is not None and r.invoice.status not in GONE for r in records.values()):
            late = [k for k in keys if k in todo and records[k].invoice is None]
            if late:  # the week's invoice went in before this day's figures did
                problem = PlanProblem(
                    step,
                    f"The invoice for {week.words} went to Xero before this day's figures came in. "
                    "Re-send the week to add this day to it.",
                    "app",
                )
                run.attention.note(late[0], step, run.explainer.for_problems([problem]))
                return planned, late[0]
            continue
        days: list[Day] = []
        for key in keys:
            day = records[key].day
            # Before the first write each day of the week is checked whole (its tenders' accounts too):
            # a predicted refusal stops the week before step 1, with its card.
            found = run.explainer.preflight(day, mapping, setup, contact)
            if found:
                run.attention.note(key, step, found[0][1])
                return planned, key
            days.append(day)
        posting = (
            max(r.posting for r in records.values()) + 1 if any(r.invoice for r in records.values()) else 1
        )
        plan = plan_week_invoice(days, week, mapping, setup.rates, posting)
        if isinstance(plan, list):
            card = run.explainer.for_problems(plan)
            for key in keys:
                run.attention.note(key, step, card)
            return planned, keys[0]
        planned.append(Planned(tuple(keys), plan, tuple(d.fingerprint() for d in days)))
    return planned, None


def days_sharing(run: DayRun, key: DayKey, invoice_id: str) -> list[DayKey]:
    """The days whose invoice is this one: the day itself, or every day of its week (weekly summaries)."""
    week = week_of(key.trading_date)
    return [
        DayKey(d, place)
        for d, place in run.journal.days_between(run.organisation_id, week.first, week.last)
        if place == key.location
        and (record := run.record(DayKey(d, place))).invoice is not None
        and record.invoice.invoice_id == invoice_id
    ] or [key]


def live_credit_notes(run: DayRun, keys: Sequence[DayKey]) -> list[InvoiceFacts]:
    """The credit notes (not voided or deleted) on these days, each once: a week's days share one."""
    found: dict[str, InvoiceFacts] = {}
    for key in keys:
        note = run.record(key).credit_note
        if note is not None and note.status not in GONE:
            found.setdefault(note.invoice_id, note)
    return list(found.values())


def week_credit_note(
    run: DayRun, key: DayKey, invoice: InvoiceFacts, mapping: Mapping
) -> tuple[tuple[DayKey, ...], CreditNotePlan] | None:
    """The week's credit note still to send for the week whose invoice is `invoice` — with the days that
    paid money back, which it is recorded on — or None (no refunds that week, or the note is in)."""
    keys = days_sharing(run, key, invoice.invoice_id)
    records = {k: run.record(k) for k in keys}
    refunding = tuple(
        k for k in keys if records[k].day is not None and refunds_paid_out(records[k].day) > ZERO
    )
    if not refunding or live_credit_notes(run, refunding):
        return None
    days = [records[k].day for k in refunding]
    posting = max(max(records[k].posting for k in keys), 1)
    plan = plan_week_credit_note(days, week_of(key.trading_date), mapping, posting)
    return (refunding, plan) if plan is not None else None
