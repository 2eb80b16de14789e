"""The catch-up list's rules and what importing does with a file's days, without Qt or Xero."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xerohelper.core.catch_up import (
    CatchUpRow,
    FoundDay,
    InXero,
    KeptDay,
    all_in_xero,
    catch_up_days,
    tick,
    ticked,
    ticked_total,
    what_to_do_with,
)
from xerohelper.core.waiting import wait_words


def kept(day: int, in_xero: InXero, total: str = "100.00", location: str = "") -> KeptDay:
    return KeptDay(date(2026, 11, day), location, Decimal(total), in_xero)


def test_the_list_is_the_days_not_in_xero_oldest_first_each_ticked():
    rows = catch_up_days(
        [
            kept(5, InXero.NOT_SENT),
            kept(3, InXero.IN_XERO),
            kept(2, InXero.PART_SENT),
            kept(4, InXero.DIFFERENT),
            kept(1, InXero.WAITS_FOR_APPROVAL),
        ]
    )
    assert [r.trading_date.day for r in rows] == [2, 5]
    assert all(r.ticked for r in rows)


def test_drafts_are_listed_only_when_xerohelper_approves_them():
    days = [kept(1, InXero.WAITS_FOR_APPROVAL), kept(2, InXero.NOT_SENT)]
    assert [r.trading_date.day for r in catch_up_days(days, approve_automatically=True)] == [1, 2]


def test_since_leaves_out_older_days_and_tills_sort_within_a_day():
    days = [kept(9, InXero.NOT_SENT, location="Till 2"), kept(9, InXero.NOT_SENT, location="Till 1")]
    days.append(kept(1, InXero.NOT_SENT))
    rows = catch_up_days(days, since=date(2026, 11, 2))
    assert [(r.trading_date.day, r.location) for r in rows] == [(9, "Till 1"), (9, "Till 2")]


def test_unticking_changes_what_is_sent_and_the_total():
    rows = catch_up_days([kept(1, InXero.NOT_SENT, "10.00"), kept(2, InXero.NOT_SENT, "20.50")])
    assert ticked_total(rows) == Decimal("30.50")
    rows = tick(rows, 0, False)
    assert [r.trading_date.day for r in ticked(rows)] == [2]
    assert ticked_total(rows) == Decimal("20.50")
    assert ticked(tick(rows, 1, False)) == []


def test_all_in_xero_only_when_every_ticked_day_was_sent():
    day = kept(1, InXero.NOT_SENT)
    assert all_in_xero([CatchUpRow(day, outcome="sent"), CatchUpRow(day, outcome="sent as a draft")])
    assert not all_in_xero([CatchUpRow(day, outcome="sent"), CatchUpRow(day, outcome="needs attention: x")])
    assert not all_in_xero([CatchUpRow(day, outcome="sent"), CatchUpRow(day, outcome="not sent")])
    assert all_in_xero([CatchUpRow(day, outcome="sent"), CatchUpRow(day, ticked=False)])
    assert not all_in_xero([])


def test_what_importing_does_with_each_day():
    assert what_to_do_with(None, False) is FoundDay.NEW
    assert what_to_do_with(InXero.NOT_SENT, False) is FoundDay.UPDATED
    assert what_to_do_with(InXero.IN_XERO, True) is FoundDay.SAME_IN_XERO
    assert what_to_do_with(InXero.IN_XERO, False) is FoundDay.DIFFERENT_IN_XERO
    assert what_to_do_with(InXero.DIFFERENT, True) is FoundDay.SAME_IN_XERO


def test_a_wait_in_words():
    assert wait_words(42, "Xero asked xerohelper to slow down (minute limit)") == (
        "Xero asked xerohelper to slow down (minute limit): carrying on in 42 seconds."
    )
    assert wait_words(0.2, "") == "Xero asked xerohelper to wait: carrying on in 1 second."
    assert wait_words(3600, "x").endswith("in 60 minutes.")
