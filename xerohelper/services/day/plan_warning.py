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
from xerohelper.core.plan_limit import allowance_words, first_day_over
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
    if mapping.weekly:
        return allowance_words(allowance, None, weekly=True)
    first = date(*month, 1)
    last = date(*month, calendar.monthrange(*month)[1])
    known = [d for d, place in journal.days_between(organisation_id, first, last) if place == location]
    posted = set()
    waiting = set()  # figures in, invoice not approved yet
    for d in known:
        invoice = journal.record(organisation_id, d, location).invoice
        (posted if invoice is not None and invoice.status in APPROVED else waiting).add(d)
    # Still to post, one invoice each: the days whose figures are in, and every day from the one shown (or
    # the day after the last one posted) to the month's end. Days before it the app never saw were posted
    # by hand, or not traded: Xero's count has the ones that were.
    start = max(max(posted, default=first - timedelta(days=1)) + timedelta(days=1), trading_date)
    ahead = {start + timedelta(days=n) for n in range((last - start).days + 1)}
    to_post = sorted((waiting | ahead) - posted)
    return allowance_words(allowance, first_day_over(to_post, allowance.left), weekly=False)
