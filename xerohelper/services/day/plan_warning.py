"""The warning ahead of a plan's cap, in words: "Your Xero plan (Starter) approves 20 sales invoices a month;
3 left for December 2026. Sending one invoice a day, from Wednesday 24 December …". Shown on the day screen
and by `xerohelper day`; read with the set-up (one counting call a month, then counted on)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from xerohelper.adapters.journal import Journal
from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.core.checklist import APPROVED
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO
from xerohelper.core.plan_limit import allowance_words, first_over
from xerohelper.core.sales_invoice import refunds_paid_out
from xerohelper.core.weeks import week_of
from xerohelper.services.day.setup_cache import SetupCache


def plan_warning(
    cache: SetupCache,
    books: XeroBooks,
    journal: Journal,
    organisation_id: str,
    mapping: Mapping,
    trading_date: date,
    location: str = "",
    read_setup: bool = True,
) -> str:
    """The words for the month of `trading_date`; "" when the organisation's plan has no cap (or, when not
    `read_setup`, the set-up isn't read yet: no call is made for it). Raises what the books raise."""
    if not read_setup and not cache.is_fresh():
        return ""
    month = (trading_date.year, trading_date.month)
    allowance = cache.allowance(books, month)
    if allowance is None:
        return ""
    first = date(*month, 1)
    last = date(*month, calendar.monthrange(*month)[1])
    kept = journal.days_between(organisation_id, first, last)
    # The cap is the organisation's: every till's invoices count, not only the one shown's.
    places = sorted({place for _, place in kept} | {location})
    if mapping.weekly:
        weeks: list[tuple[date, int]] = []
        for place in places:
            records = {d: journal.record(organisation_id, d, place) for d, p in kept if p == place}
            weeks += _weeks_to_post(records, trading_date, last)
        over = first_over(weeks, allowance.left)
        return allowance_words(allowance, over, True, tills=len(places))
    days: list[tuple[date, int]] = []
    for place in places:
        known = [d for d, p in kept if p == place]
        days += _days_to_post(journal, organisation_id, place, known, trading_date, first, last)
    return allowance_words(allowance, first_over(days, allowance.left), weekly=False)


def _days_to_post(
    journal: Journal,
    organisation_id: str,
    place: str,
    known: list[date],
    shown: date,
    first: date,
    last: date,
) -> list[tuple[date, int]]:
    """One invoice a day: the days of this till still to post, each with what the plan will count for it:
    its invoice, and its credit note when its till paid refunds (counted to be safe: plan_cap.py)."""
    posted = set()
    waiting = set()  # figures in, invoice not approved yet
    refunding = set()  # of those, the days whose till paid refunds
    for d in known:
        record = journal.record(organisation_id, d, place)
        invoice = record.invoice
        (posted if invoice is not None and invoice.status in APPROVED else waiting).add(d)
        if d in waiting and record.day is not None and refunds_paid_out(record.day) > ZERO:
            refunding.add(d)
    # Still to post, one invoice each: the days whose figures are in, and every day from the one shown (or
    # the day after the last one posted) to the month's end. Days before it the app never saw were posted
    # by hand, or not traded: Xero's count has the ones that were.
    start = max(max(posted, default=first - timedelta(days=1)) + timedelta(days=1), shown)
    ahead = {start + timedelta(days=n) for n in range((last - start).days + 1)}
    return [(d, 2 if d in refunding else 1) for d in sorted((waiting | ahead) - posted)]


def _weeks_to_post(records: dict, trading_date: date, last: date) -> list[tuple[date, int]]:
    """Weekly summaries: the month's weeks still to post — those with figures in and no approved invoice,
    and every week from the one shown to the month's end — each with what the plan will count for it: its
    invoice, and its credit note when a day of it paid refunds (counted to be safe: plan_cap.py)."""
    shown = week_of(trading_date)
    weeks = {week_of(d) for d in records} | {
        week_of(shown.first + timedelta(days=n)) for n in range((last - shown.first).days + 1)
    }
    to_post = []
    for week in weeks:
        kept = [records[d] for d in week.days() if d in records]
        if any(r.invoice is not None and r.invoice.status in APPROVED for r in kept):
            continue  # posted (Xero's count has it)
        if week.last < shown.first and not kept:
            continue
        refunds = any(r.day is not None and refunds_paid_out(r.day) > ZERO for r in kept)
        to_post.append((week.first, 2 if refunds else 1))
    return to_post
