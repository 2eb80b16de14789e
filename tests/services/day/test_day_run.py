"""One run's calls to Xero: the journal first, Xero's refusal kept with its answer and explained on the
step, no answer leaves the intent open, Reconnect and Cancel go up to the caller, progress to its listener."""

from __future__ import annotations

import threading

import pytest

from tests.services.day.day_parts import shop_run
from xerohelper.adapters.xero_pacing import Cancelled
from xerohelper.adapters.xero_shapes import ItemResult
from xerohelper.core.checklist import Step
from xerohelper.core.connection import ReconnectNeeded
from xerohelper.sandbox import messages
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import StopRun

STEP = Step.SALES_SUMMARY


def look_up(run):
    return lambda: run.books.invoices_by_number(["POS-20261121"])


def test_xero_refusing_a_call_is_kept_with_its_answer_explained_and_stops_the_run(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    run.attention.start_running([key], STEP)
    attempt = run.begin(key, STEP, "create-invoice", {"number": "POS-20261121"})
    shop.control("faults", {"kind": "500", "count": 5, "path_contains": "/invoices"})  # every retry too
    with pytest.raises(StopRun):
        run.guarded(key, STEP, look_up(run), attempts=[attempt])
    (kept,) = shop.journal.attempts(shop.tenant_id, shop.today)
    assert (kept.outcome, kept.http_status, kept.error_body) == ("failed", 500, messages.UNHANDLED)
    card = run.attention.of(key)[STEP]
    assert card.key == "xero-server-error" and not card.predicted
    assert run.attention.running(key) is None


def test_no_answer_leaves_the_intent_open_for_the_next_run_to_ask_xero(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    attempt = run.begin(key, STEP, "create-invoice", {"number": "POS-20261121"})
    shop.control("faults", {"kind": "drop", "count": 5, "path_contains": "/invoices"})
    with pytest.raises(StopRun):
        run.guarded(key, STEP, look_up(run), attempts=[attempt])
    assert [a.id for a in shop.journal.unfinished(shop.tenant_id, shop.today)] == [attempt.id]
    assert run.attention.has(key, STEP)


def test_a_refused_item_is_kept_as_xero_wrote_it(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    attempt = run.begin(key, Step.PAYMENTS, "create-payments", {"payments": []})
    run.items_failed(attempt, [ItemResult("Amex", problems=("Account is archived",), collection="Payments")])
    (kept,) = shop.journal.attempts(shop.tenant_id, shop.today)
    assert (
        kept.http_status == 200 and "Account is archived" in kept.error_body and "Payments" in kept.error_body
    )


def test_reconnect_and_cancel_go_up_to_the_caller(shop):
    key = DayKey(shop.today)
    stop = threading.Event()
    stop.set()
    cancelled = shop_run(shop, cancel=stop)
    shop.reset_call_counts()
    with pytest.raises(Cancelled):
        cancelled.guarded(key, STEP, look_up(cancelled))
    assert not any("/api.xro/" in endpoint for endpoint in shop.calls())  # Xero was never asked
    assert shop_run(shop).guarded(key, STEP, look_up(shop_run(shop))) == {}  # another call is not cancelled

    shop.control("tokens/revoke", {})
    shop.control("tokens/expire", {})
    run = shop_run(shop)
    with pytest.raises(ReconnectNeeded):
        run.guarded(key, STEP, look_up(run))
    assert not run.attention.has(key, STEP)  # the app shows Reconnect, not a step problem


def test_reading_the_set_up_is_said_only_when_xero_is_asked(shop):
    heard: list[str] = []
    run, key = shop_run(shop, progress=heard.append), DayKey(shop.today)
    setup, contact = run.setup(key, STEP)
    assert heard == ["Reading your organisation's accounts and tax rates…"]
    assert run.setup(key, STEP) == (setup, contact) and len(heard) == 1
