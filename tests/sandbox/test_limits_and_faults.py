"""Rate limits with Xero's headers, Idempotency-Key replay, injected faults, and the control endpoints."""

from __future__ import annotations

import json
import threading
from unittest.mock import ANY

import pytest
import urllib3
from xero_python.exceptions import HTTPStatusException, RateLimitException

from tests.sandbox.conftest import Connected
from tests.sandbox.helpers import day_invoice, invoices, payment, payments, refused
from xerohelper.sandbox.testing import control, http_request


def _organisation(connected: Connected):
    return connected.raw("GET", "/api.xro/2.0/Organisation")


# ------------------------------------------------------------------ rate limits
def test_sixty_calls_a_minute_then_429_with_retry_after(make_sandbox):
    connected = Connected(make_sandbox(minute_limit=60))
    remaining = [int(_organisation(connected)[1]["x-minlimit-remaining"]) for _ in range(60)]
    assert remaining[:2] == [59, 58] and remaining[-1] == 0
    status, headers, body = _organisation(connected)
    assert status == 429
    assert headers["x-rate-limit-problem"] == "minute"
    assert 1 <= int(headers["retry-after"]) <= 60
    assert body == b""
    connected.sandbox.clock.advance(61)
    assert _organisation(connected)[0] == 200


def test_minute_limit_reaches_the_sdk_as_rate_limit_exception(make_sandbox):
    connected = Connected(make_sandbox(minute_limit=2))
    connected.accounting.get_organisations(connected.tenant_id)
    connected.accounting.get_organisations(connected.tenant_id)
    with pytest.raises(RateLimitException) as failure:
        connected.accounting.get_organisations(connected.tenant_id)
    assert failure.value.rate_limit == "minute"
    assert failure.value.error_message == "You've exceeded the per minute rate limit"


def test_daily_limit_is_configurable_and_lasts_the_day(make_sandbox):
    connected = Connected(make_sandbox(day_limit=3, access_token_seconds=200_000))
    for _ in range(3):
        assert _organisation(connected)[0] == 200
    status, headers, _ = _organisation(connected)
    assert (status, headers["x-rate-limit-problem"], headers["x-daylimit-remaining"]) == (429, "day", "0")
    assert int(headers["retry-after"]) > 80000
    connected.sandbox.clock.advance(3600)
    assert _organisation(connected)[0] == 429
    connected.sandbox.clock.advance(86400)
    assert _organisation(connected)[0] == 200


def test_limits_are_per_organisation(make_sandbox):
    sandbox = make_sandbox(minute_limit=1, auto_consent=True, auto_consent_tenants="all")
    connected = Connected(sandbox)
    other = next(t["tenant_id"] for t in sandbox.tenants if t["tenant_id"] != connected.tenant_id)
    assert _organisation(connected)[0] == 200
    assert _organisation(connected)[0] == 429
    assert connected.raw("GET", "/api.xro/2.0/Organisation", headers={"xero-tenant-id": other})[0] == 200


def test_five_calls_at_once_then_429_concurrent(make_sandbox):
    connected = Connected(make_sandbox(concurrent_limit=5))
    control(connected.base_url, "latency", {"ms": 400})
    answers: list[tuple[int, dict]] = []

    def call():
        status, headers, _ = _organisation(connected)
        answers.append((status, headers))

    threads = [threading.Thread(target=call) for _ in range(7)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refusals = [headers for status, headers in answers if status == 429]
    assert len(refusals) == 2
    assert all(h["x-rate-limit-problem"] == "concurrent" for h in refusals)


def test_control_can_change_limits(connected):
    control(connected.base_url, "limits", {"minute": 1, "reset": True})
    assert _organisation(connected)[0] == 200
    assert _organisation(connected)[0] == 429
    snapshot = control(connected.base_url, "limits")
    assert snapshot["limits"]["minute"] == 1


# ------------------------------------------------------------------ Idempotency-Key
def test_repeated_key_replays_the_first_answer_and_does_not_post_twice(connected):
    invoice = day_invoice(connected.contact_id(), "POS-IDEM", day=connected.today)
    first = connected.accounting.create_invoices(
        connected.tenant_id, invoices(invoice), idempotency_key="day-1"
    )
    again = connected.accounting.create_invoices(
        connected.tenant_id, invoices(invoice), idempotency_key="day-1"
    )
    assert again.invoices[0].invoice_id == first.invoices[0].invoice_id
    assert (
        len(connected.accounting.get_invoices(connected.tenant_id, invoice_numbers=["POS-IDEM"]).invoices)
        == 1
    )
    assert control(connected.base_url, "state")["runtime"]["idempotent_replays"] == 1


def test_errors_are_replayed_too(connected):
    invoice = day_invoice(connected.contact_id(), "POS-IDEM-2", status="AUTHORISED", day=connected.today)
    made = connected.accounting.create_invoices(connected.tenant_id, invoices(invoice)).invoices[0]
    into_617 = payments(payment(made.invoice_id, "10.00", "617", day=connected.today))
    first = refused(
        connected.accounting.create_payments, connected.tenant_id, into_617, idempotency_key="pay-1"
    )
    assert first == ["Account must be valid."]
    control(connected.base_url, "accounts/enable-payments", {"code": "617"})
    assert (
        refused(connected.accounting.create_payments, connected.tenant_id, into_617, idempotency_key="pay-1")
        == first
    )
    made = connected.accounting.create_payments(
        connected.tenant_id, into_617, idempotency_key="pay-2"
    ).payments
    assert made[0].amount == 10


def test_reused_key_with_a_different_body_is_refused(connected):
    pos = connected.contact_id()
    connected.accounting.create_invoices(
        connected.tenant_id,
        invoices(day_invoice(pos, "K-1", day=connected.today)),
        idempotency_key="same-key",
    )
    assert refused(
        connected.accounting.create_invoices,
        connected.tenant_id,
        invoices(day_invoice(pos, "K-2", day=connected.today)),
        idempotency_key="same-key",
    ) == [
        "The Idempotency-Key has already been used for a different request. Use a new key for a new request."
    ]


def test_keys_are_kept_six_minutes(connected):
    invoice = invoices(day_invoice(connected.contact_id(), "K-6", day=connected.today))
    connected.accounting.create_invoices(connected.tenant_id, invoice, idempotency_key="six")
    connected.sandbox.clock.advance(359)
    connected.accounting.create_invoices(connected.tenant_id, invoice, idempotency_key="six")  # replayed
    connected.sandbox.clock.advance(2)
    assert refused(
        connected.accounting.create_invoices, connected.tenant_id, invoice, idempotency_key="six"
    ) == ["Invoice # must be unique."]


def test_key_window_is_configurable(make_sandbox):
    connected = Connected(make_sandbox(idempotency_seconds=10))
    invoice = invoices(day_invoice(connected.contact_id(), "K-10", day=connected.today))
    connected.accounting.create_invoices(connected.tenant_id, invoice, idempotency_key="ten")
    connected.sandbox.clock.advance(11)
    assert refused(
        connected.accounting.create_invoices, connected.tenant_id, invoice, idempotency_key="ten"
    ) == ["Invoice # must be unique."]


# ------------------------------------------------------------------ faults
def test_next_calls_answer_500_then_recover(connected):
    control(connected.base_url, "faults", {"kind": "500", "count": 2})
    for _ in range(2):
        with pytest.raises(HTTPStatusException) as failure:
            connected.accounting.get_organisations(connected.tenant_id)
        assert failure.value.status == 500
        assert failure.value.body == b"An unhandled error with the Xero API"
    assert connected.accounting.get_organisations(connected.tenant_id).organisations


def test_organisation_offline_503_only_on_matching_paths(connected):
    control(
        connected.base_url,
        "faults",
        {"kind": "offline", "count": 1, "path_contains": "/Payments", "retry_after": 30},
    )
    assert connected.accounting.get_organisations(connected.tenant_id).organisations
    status, headers, body = connected.raw("GET", "/api.xro/2.0/Payments")
    assert (status, body, headers["retry-after"]) == (503, b"Organisation offline", "30")
    assert connected.raw("GET", "/api.xro/2.0/Payments")[0] == 200


def test_maintenance_503(connected):
    control(connected.base_url, "faults", {"kind": "503", "count": 1})
    status, _, body = _organisation(connected)
    assert (status, body) == (503, b"The Xero API is currently offline for maintenance")


def test_daily_limit_429_and_disconnected_403_only_on_matching_paths(connected):
    control(connected.base_url, "faults", {"kind": "429-day", "count": 1, "path_contains": "Tracking"})
    control(connected.base_url, "faults", {"kind": "403", "count": 1, "path_contains": "Tracking"})
    assert _organisation(connected)[0] == 200
    status, headers, body = connected.raw("GET", "/api.xro/2.0/TrackingCategories")
    assert (status, headers["x-rate-limit-problem"], body) == (429, "day", b"")
    status, _, body = connected.raw("GET", "/api.xro/2.0/TrackingCategories")
    assert status == 403 and json.loads(body)["Detail"] == "AuthenticationUnsuccessful"
    assert connected.raw("GET", "/api.xro/2.0/TrackingCategories")[0] == 200


def test_dropped_connection(connected):
    control(connected.base_url, "faults", {"kind": "drop", "count": 1, "method": "PUT"})
    with pytest.raises((urllib3.exceptions.HTTPError, ConnectionError)):
        connected.accounting.create_invoices(
            connected.tenant_id, invoices(day_invoice(connected.contact_id(), "DROP-1", day=connected.today))
        )
    assert connected.accounting.get_invoices(connected.tenant_id, invoice_numbers=["DROP-1"]).invoices == []
    assert control(connected.base_url, "faults")["pending"] == []


def test_lost_answer_the_work_is_done_and_the_same_key_replays_it(connected):
    control(connected.base_url, "faults", {"kind": "drop-after", "count": 1, "method": "PUT"})
    day = invoices(day_invoice(connected.contact_id(), "LOST-1", day=connected.today))
    with pytest.raises((urllib3.exceptions.HTTPError, ConnectionError)):
        connected.accounting.create_invoices(connected.tenant_id, day, idempotency_key="lost-1")
    saved = connected.accounting.get_invoices(connected.tenant_id, invoice_numbers=["LOST-1"]).invoices
    assert len(saved) == 1
    again = connected.accounting.create_invoices(connected.tenant_id, day, idempotency_key="lost-1").invoices[
        0
    ]
    assert again.invoice_id == saved[0].invoice_id


def test_faults_can_hit_the_token_endpoint(connected):
    control(connected.base_url, "faults", {"kind": "503", "count": 1, "path_contains": "/connect/token"})
    status, _, _ = http_request(
        "POST",
        connected.base_url + "/connect/token",
        f"grant_type=refresh_token&client_id={connected.sandbox.client_id}&refresh_token=any",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 503


def test_unknown_fault_kind_is_a_clear_control_error(connected):
    with pytest.raises(RuntimeError, match="kind must be one of"):
        control(connected.base_url, "faults", {"kind": "gremlins"})


def test_clearing_faults_and_latency(connected):
    control(connected.base_url, "faults", {"kind": "500", "count": 5})
    control(connected.base_url, "latency", {"ms": 5})
    cleared = control(connected.base_url, "faults", method="DELETE")
    assert cleared == {"latency_ms": 0, "pending": []}
    assert _organisation(connected)[0] == 200


# ------------------------------------------------------------------ control surface
def test_clock_moves_through_the_control_endpoint(connected):
    before = control(connected.base_url, "clock")
    after = control(connected.base_url, "clock", {"advance_seconds": 1801})
    assert after["offset_seconds"] - before["offset_seconds"] == pytest.approx(1801)
    with pytest.raises(HTTPStatusException) as failure:  # the SDK's own clock still thinks the token is fresh
        connected.identity.get_connections()
    assert failure.value.status == 401
    assert json.loads(failure.value.body)["Detail"].startswith("TokenExpired")


def test_requests_are_counted_per_endpoint(connected):
    control(connected.base_url, "requests", method="DELETE")
    connected.accounting.get_organisations(connected.tenant_id)
    connected.accounting.get_accounts(connected.tenant_id)
    connected.accounting.get_accounts(connected.tenant_id)
    counts = control(connected.base_url, "requests")
    assert counts["by_endpoint"] == {"GET /api.xro/2.0/accounts": 2, "GET /api.xro/2.0/organisation": 1}
    assert counts["total"] == 3


def test_calls_answered_with_an_error_are_counted_by_endpoint_and_status(connected):
    control(connected.base_url, "requests", method="DELETE")
    connected.accounting.get_organisations(connected.tenant_id)
    assert control(connected.base_url, "requests")["refused"] == {}
    invoice = invoices(day_invoice(connected.contact_id(), "R-1", day=connected.today))
    connected.accounting.create_invoices(connected.tenant_id, invoice)
    refused(connected.accounting.create_invoices, connected.tenant_id, invoice)  # the number is taken
    control(connected.base_url, "faults", {"kind": "500", "count": 1})
    with pytest.raises(HTTPStatusException):
        connected.accounting.get_organisations(connected.tenant_id)
    assert control(connected.base_url, "requests")["refused"] == {
        "GET /api.xro/2.0/organisation 500": 1,
        "PUT /api.xro/2.0/invoices 400": 1,
    }
    control(connected.base_url, "requests", method="DELETE")
    assert control(connected.base_url, "requests")["refused"] == {}


def test_state_dump_holds_everything(connected):
    state = control(connected.base_url, "state")
    organisations = state["world"]["organisations"]
    assert {o["organisation"]["name"] for o in organisations.values()} == {
        "Harbour Street Hardware",
        "Pier Nine Café",
    }
    assert state["world"]["connections"]
    assert "now" in state["runtime"]


def test_control_index_and_mistakes_answer_in_words(connected):
    index = control(connected.base_url, "")
    assert any("/_sandbox/faults" in line and "drop-after" in line for line in index["endpoints"])
    assert len(index["endpoints"]) == 22
    status, _, body = http_request("POST", connected.base_url + "/_sandbox/nothing-here", b"{}")
    assert status == 404 and "endpoints" in json.loads(body)
    status, _, body = http_request("POST", connected.base_url + "/_sandbox/lock-dates", b"not json")
    assert status == 400 and json.loads(body) == {"error": "the body is not JSON"}
    status, _, body = http_request(
        "POST",
        connected.base_url + "/_sandbox/lock-dates",
        json.dumps({"period_lock_date": "31/12/2025"}).encode(),
    )
    assert status == 400 and "YYYY-MM-DD" in json.loads(body)["error"]


def test_reset_starts_again_from_a_seed(connected):
    control(connected.base_url, "reset", {"seed": "empty"})
    assert [t["name"] for t in connected.sandbox.tenants] == ["My Shop"]
    with pytest.raises(HTTPStatusException):
        connected.identity.get_connections()


def test_an_unexpected_failure_is_xeros_500_never_a_traceback(connected, monkeypatch, capsys):
    from xerohelper.sandbox import accounting

    def broken(call):
        raise RuntimeError("boom")

    monkeypatch.setattr(accounting, "get_organisation", broken)
    status, headers, body = _organisation(connected)
    assert status == 500
    assert body == b"An unhandled error with the Xero API"
    assert headers["content-type"].startswith("text/plain")
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_a_tracking_option_can_be_archived_restored_and_deleted(connected):
    api, tenant = connected.accounting, connected.tenant_id

    def options(archived: bool) -> dict[str, str]:
        (till,) = api.get_tracking_categories(tenant, include_archived=archived).tracking_categories
        return {o.name: str(o.status).rsplit(".", 1)[-1] for o in till.options}

    assert control(connected.base_url, "tracking/archive", {"category": "Till", "option": "Till 2"}) == {
        "tracking_option_id": ANY,
        "status": "ARCHIVED",
    }
    assert "Till 2" not in options(False) and options(True)["Till 2"] == "ARCHIVED"
    control(connected.base_url, "tracking/restore", {"category": "till", "option": "TILL 2"})
    assert options(False)["Till 2"] == "ACTIVE"
    control(connected.base_url, "tracking/delete", {"category": "Till", "option": "Till 1"})
    assert "Till 1" not in options(True)
    status, _, body = http_request(
        "POST",
        connected.base_url + "/_sandbox/tracking/archive",
        json.dumps({"category": "Till", "option": "Till 7"}).encode(),
    )
    assert status == 400 and "no option" in json.loads(body)["error"]
    control(connected.base_url, "tracking/delete", {"category": "Till"})
    assert api.get_tracking_categories(tenant, include_archived=True).tracking_categories == []
