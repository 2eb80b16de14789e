"""The catch-up service and keeping a file's days, against the sandbox (real SDK, real journal)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from tests.days_file import days_file
from tests.services.connected_shop import connected_shop
from xerohelper.core.catch_up import FoundDay, InXero
from xerohelper.services.catch_up import CatchUpStopped, catch_up_list, keep_days, kept_days, send_ticked
from xerohelper.services.import_day import import_day_file


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.approve_automatically()
        yield shop


def file_days(shop, tmp_path, dates, **changes):
    outcome = import_day_file(days_file(tmp_path / "days.csv", dates, **changes))
    assert outcome.ok, outcome.message()
    return outcome.days


def live(shop, kind: str) -> list[dict]:
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    return [x for x in ledger[kind].values() if x["status"] not in ("DELETED", "VOIDED")]


def test_every_day_of_a_file_is_kept_and_days_in_xero_are_left_alone_or_offered_for_resend(shop, tmp_path):
    dates = [shop.today - timedelta(days=n) for n in (30, 29, 28, 27, 26)]
    found = keep_days(shop.service, file_days(shop, tmp_path, dates))
    assert [f.done for f in found] == [FoundDay.NEW] * 5
    rows = catch_up_list(shop.service)
    assert [r.trading_date for r in rows] == dates
    send_ticked(shop.service, rows[:2])

    changed = {dates[1]: "430.30"}
    again = keep_days(shop.service, file_days(shop, tmp_path, dates, cash_extra=changed))
    assert [f.done for f in again] == [
        FoundDay.SAME_IN_XERO,
        FoundDay.DIFFERENT_IN_XERO,
        FoundDay.UPDATED,
        FoundDay.UPDATED,
        FoundDay.UPDATED,
    ]
    stands = {k.trading_date: k.in_xero for k in kept_days(shop.service)}
    assert stands[dates[0]] is InXero.IN_XERO and stands[dates[1]] is InXero.DIFFERENT
    assert [r.trading_date for r in catch_up_list(shop.service)] == dates[2:]  # never the different day
    assert shop.service.resend_preview(dates[1]).figures_changed


def test_only_the_ticked_days_are_sent_and_each_gets_its_state(shop, tmp_path):
    dates = [shop.today - timedelta(days=n) for n in (30, 29, 28)]
    keep_days(shop.service, file_days(shop, tmp_path, dates))
    rows = catch_up_list(shop.service)
    rows[1] = rows[1].__class__(rows[1].day, ticked=False)
    before = len(live(shop, "invoices"))
    done = send_ticked(shop.service, rows)
    assert [r.outcome for r in done] == ["sent", "", "sent"]
    assert len(live(shop, "invoices")) == before + 2
    assert [r.trading_date for r in catch_up_list(shop.service)] == [dates[1]]


def test_xeros_wait_is_heard_by_this_call_only(shop, tmp_path):
    dates = [shop.today - timedelta(days=n) for n in (30, 29)]
    keep_days(shop.service, file_days(shop, tmp_path, dates))
    shop.control("faults", {"kind": "429", "count": 1, "retry_after": 7, "path_contains": "Invoices"})
    heard: list[tuple[float, str]] = []
    done = send_ticked(
        shop.service, catch_up_list(shop.service), on_wait=lambda s, why: heard.append((s, why))
    )
    assert [r.outcome for r in done] == ["sent", "sent"]
    assert [s for s, _ in heard] == [7]
    assert "slow down" in heard[0][1]


def test_stopped_halfway_then_run_again_sends_nothing_twice(shop, tmp_path):
    dates = [shop.today - timedelta(days=n) for n in range(60, 0, -1) if n > 5]
    keep_days(shop.service, file_days(shop, tmp_path, dates))
    invoices_before, payments_before = len(live(shop, "invoices")), len(live(shop, "payments"))
    cancel = threading.Event()

    def say(words: str) -> None:
        if words.startswith("Recording the payments"):
            cancel.set()

    with pytest.raises(CatchUpStopped) as stop:
        send_ticked(shop.service, catch_up_list(shop.service), progress=say, cancel=cancel)
    assert {r.outcome for r in stop.value.rows} == {"sent, not finished"}
    shop.service = shop.new_service()  # as after a restart
    done = send_ticked(shop.service, catch_up_list(shop.service))
    assert {r.outcome for r in done} == {"sent"} and len(done) == len(dates)
    assert len(live(shop, "invoices")) == invoices_before + len(dates)
    assert len(live(shop, "payments")) == payments_before + 3 * len(dates)  # Cash, EFTPOS, Amex: once each


def test_answers_lost_halfway_then_run_again_sends_nothing_twice(shop, tmp_path):
    """As if the app died while Xero recorded a batch of payments: Xero did the work, its answers never came
    back (every try of that call); the next catch-up asks Xero what went through before sending more."""
    dates = [shop.today - timedelta(days=n) for n in range(60, 0, -1) if n > 5]
    keep_days(shop.service, file_days(shop, tmp_path, dates))
    invoices_before, payments_before = len(live(shop, "invoices")), len(live(shop, "payments"))
    shop.control("faults", {"kind": "drop-after", "count": 5, "path_contains": "Payments", "method": "PUT"})
    first = send_ticked(shop.service, catch_up_list(shop.service))
    assert first[0].outcome.startswith("needs attention")  # Xero couldn't be heard: the run stopped there
    shop.service = shop.new_service()
    done = send_ticked(shop.service, catch_up_list(shop.service))
    assert {r.outcome for r in done} == {"sent"}
    assert len(live(shop, "invoices")) == invoices_before + len(dates)
    assert len(live(shop, "payments")) == payments_before + 3 * len(dates)
