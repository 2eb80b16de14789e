"""Weekly summaries of a shop with two tills, read back from Xero: each till's week invoice
(POS-20261130-20261206-FRONT) is that till's days, not the shop's unnamed till's — in a rebuilt journal
(with each day's own payments by tender) and on the calendar's days found in Xero. The real sandbox, SDK
and journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from tests.services.connected_shop import connected_shop
from tests.services.test_catch_up_tills import TILLS
from xerohelper.adapters.journal import Journal
from xerohelper.adapters.xero_past_days import XeroPastDays
from xerohelper.core.day_status import DayStatus
from xerohelper.core.mapping import Tracking
from xerohelper.core.weeks import week_of
from xerohelper.services.catch_up import catch_up_list, send_ticked
from xerohelper.services.journal_rebuild import rebuild_from_xero


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.mapping = replace(
            shop.mapping, weekly=True, approve_automatically=True, tracking=Tracking("Till", TILLS)
        )
        yield shop


def a_week_sent_at_both_tills(shop):
    week = week_of(week_of(shop.today).first - timedelta(days=8))  # a week that is over
    for d in week.days():
        for till in TILLS:
            shop.service.save_day(replace(shop.the_day(d), location=till))
    done = send_ticked(shop.service, catch_up_list(shop.service))
    assert {r.outcome for r in done} == {"sent"}
    return week


def test_a_rebuilt_journal_keeps_each_till_s_week_invoice_on_that_till_s_days(shop, tmp_path):
    week = a_week_sent_at_both_tills(shop)
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"

    fresh = Journal(tmp_path / "rebuilt.sqlite3")
    try:
        past = XeroPastDays(shop.connection.api(), shop.tenant_id, shop.pacer)
        rebuild_from_xero(fresh, shop.tenant_id, past, shop.mapping, today=shop.today)
        for d in week.days():
            assert fresh.record(shop.tenant_id, d, "").invoice is None  # no till without a name here
            for till in TILLS:
                record = fresh.record(shop.tenant_id, d, till)
                assert record.invoice is not None, (d, till)
                assert record.invoice.number == f"{number}-{till.upper()}"
                assert {p.tender for p in record.payments} == {"Cash", "EFTPOS", "Amex"}
    finally:
        fresh.close()


def test_the_calendar_finds_each_till_s_week_in_xero_on_that_till(shop):
    week = a_week_sent_at_both_tills(shop)
    month = shop.service.days_in_xero.month((week.first.year, week.first.month), shop.today)
    numbers = {(d.location, d.number) for d in month.days}
    base = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
    assert numbers == {(till, f"{base}-{till.upper()}") for till in TILLS}
    for till in TILLS:
        assert month.statuses(till) == {d: DayStatus.PAID for d in week.days()}
    assert month.statuses("") == {}
