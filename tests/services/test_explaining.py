"""The real xero-python SDK against a real HTTP server on 127.0.0.1 answering as Xero does: every exception it
raises (and what the network raises under it) becomes the right explanation."""

from __future__ import annotations

import errno
import json
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import urllib3
from urllib3 import HTTPHeaderDict
from xero_python.accounting import AccountingApi
from xero_python.api_client import ApiClient, Configuration
from xero_python.api_client.oauth2 import OAuth2Token, TokenApi
from xero_python.exceptions import (
    AccessTokenExpiredError,
    AccountingBadRequestException,
    ApiSSLException,
    HTTPStatusException,
    NotFoundException,
    OAuth2InvalidGrantError,
    RateLimitException,
)
from xero_python.identity import IdentityApi

from xerohelper.adapters.xero_errors import (
    failed_call_from_exception,
    failed_call_from_http,
)
from xerohelper.core.connection import (
    CallbackPortTaken,
    ClientIdMissing,
    NotConnected,
    ReconnectNeeded,
    ReconnectReason,
    SignInRefused,
    XeroRejectedApp,
    XeroUnreachable,
)
from xerohelper.core.explain.cards import explain
from xerohelper.core.explain.entries import ALL_ENTRIES
from xerohelper.core.explain.explanation import Action
from xerohelper.core.explain.failed_call import NoAnswer
from xerohelper.core.explain.words import fill
from xerohelper.services.explaining import (
    INVOICE_NUMBER_TAKEN,
    Explainer,
    explain_answer,
    explain_error,
    needs_reconnect,
)

NOW = datetime(2026, 4, 21, 9, 30, tzinfo=UTC)


class FakeXero(ThreadingHTTPServer):
    """Answers every request with the scripted (status, body, headers), or drops it, or answers late."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer: tuple[int, bytes, dict[str, str]] = (200, b"{}", {})
        self.mode = "answer"  # "drop": close without answering; "slow": answer after 0.6 s
        self.seen: list[str] = []

    def handle_error(self, request, client_address) -> None:
        pass  # the "slow" answer is written after the client gave up: a broken pipe is expected

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def script(self, status: int, body: str | bytes | dict = b"", **headers: str) -> None:
        if isinstance(body, dict):
            body = json.dumps(body)
        data = body.encode() if isinstance(body, str) else body
        self.answer = (status, data, {k.replace("_", "-"): v for k, v in headers.items()})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _any(self) -> None:
        server: FakeXero = self.server  # type: ignore[assignment]
        server.seen.append(f"{self.command} {self.path}")
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if server.mode == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if server.mode == "slow":
            time.sleep(0.6)
        status, body, headers = server.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _any


@pytest.fixture
def xero():
    server = FakeXero()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _client(base: str, *, expired: bool = False, retries: bool = False):
    token = {
        "access_token": "ACCESS-1",
        "refresh_token": "REFRESH-1",
        "token_type": "Bearer",
        "expires_in": 1800,
        "expires_at": time.time() + (-10 if expired else 1800),
        "scope": ["offline_access"],
    }
    cfg = Configuration()  # set attributes, never constructor arguments (xero-sdk.md §2.6)
    cfg.oauth2_token = OAuth2Token(client_id="CID", client_secret="SECRET")
    client = ApiClient(
        cfg, pool_threads=1, oauth2_token_getter=lambda: token, oauth2_token_saver=token.update
    )
    if not retries:  # the app's fix for urllib3's silent 429/503 retries (xero-sdk.md §9)
        pool = client.rest_client.pool_manager
        pool.connection_pool_kw["retries"] = urllib3.Retry(
            total=0, raise_on_status=False, respect_retry_after_header=False
        )
        pool.clear()
    return client, AccountingApi(client, base_url=f"{base}/api.xro/2.0"), IdentityApi(client, base_url=base)


@pytest.fixture
def sdk(xero):
    client, accounting, identity = _client(xero.base)
    yield accounting, identity
    client.rest_client.pool_manager.clear()


def _raised(call) -> BaseException:
    with pytest.raises(Exception) as caught:
        call()
    return caught.value


# ---- Xero answered -------------------------------------------------------------------------------------


def test_400_validation_exception_with_every_message(xero, sdk):
    accounting, _ = sdk
    xero.script(
        400,
        {
            "ErrorNumber": 10,
            "Type": "ValidationException",
            "Message": "A validation exception occurred",
            "Elements": [
                {
                    "Type": "ACCREC",
                    "InvoiceID": "00000000-0000-0000-0000-000000000000",
                    "InvoiceNumber": "POS-20260421",
                    "ValidationErrors": [
                        {"Message": "Invoice not of valid status for modification"},
                        {"Message": "Account code '4100' is not a valid code for this document."},
                    ],
                }
            ],
        },
        Xero_Correlation_Id="corr-42",
    )
    error = _raised(lambda: accounting.get_invoices("tenant"))
    assert isinstance(error, AccountingBadRequestException)
    call = failed_call_from_exception(error)
    assert call.status == 400 and call.header("xero-correlation-id") == "corr-42"
    cards = explain_error(error, short_code="!abc12", now=NOW)
    # the SDK's .reason keeps only the first message; both are here, the set-up one first
    assert [c.key for c in cards] == ["account-not-for-sales", "invoice-cannot-change"]
    assert cards[0].title == "Account 4100 can't be used on a sales invoice"
    assert ("Xero-Correlation-Id", "corr-42") in cards[0].support_details


def test_400_with_a_body_that_is_not_json(xero, sdk):
    # AccountingBadRequestException.status parses the body and raises on text: the adapter must not use it.
    accounting, _ = sdk
    xero.script(400, "Invoice # must be unique.")
    error = _raised(lambda: accounting.get_invoices("tenant"))
    assert isinstance(error, AccountingBadRequestException)
    with pytest.raises(ValueError):
        _ = error.status
    card = explain_error(error, now=NOW)[0]
    assert (card.key, card.status) == ("invoice-number-used", 400)


def test_401_problem_body_with_challenge_header(xero, sdk):
    accounting, _ = sdk
    xero.script(
        401,
        {"title": "Unauthorized", "status": 401, "detail": "AuthenticationUnsuccessful", "instance": "e3ec"},
        WWW_Authenticate="Bearer error=invalid_token",
    )
    error = _raised(lambda: accounting.get_accounts("tenant"))
    assert type(error) is HTTPStatusException
    card = explain_error(error, now=NOW)[0]
    assert (card.key, card.action) == ("sign-in-refused", Action.RECONNECT)


def test_403_organisation_disconnected(xero, sdk):
    accounting, _ = sdk
    xero.script(
        403, {"Type": None, "Title": "Forbidden", "Status": 403, "Detail": "AuthenticationUnsuccessful"}
    )
    card = explain_error(_raised(lambda: accounting.get_tax_rates("tenant")), short_code="!abc12", now=NOW)[0]
    assert (card.key, card.action, card.screen.screen.key) == (
        "organisation-disconnected",
        Action.RECONNECT,
        "connected_apps",
    )


def test_404_not_found(xero, sdk):
    accounting, _ = sdk
    xero.script(404, b"")
    error = _raised(lambda: accounting.get_invoice("tenant", "11111111-2222-3333-4444-555555555555"))
    assert isinstance(error, NotFoundException)
    assert explain_error(error, now=NOW)[0].key == "not-found"


def test_429_minute_limit_waits_as_xero_says(xero, sdk):
    accounting, _ = sdk
    xero.script(429, b"", Retry_After="40", X_Rate_Limit_Problem="minute", X_MinLimit_Remaining="0")
    error = _raised(lambda: accounting.get_payments("tenant"))
    assert isinstance(error, RateLimitException)
    card = explain_error(error, now=NOW)[0]
    assert (card.key, card.action, card.retry_after) == ("minute-limit", Action.RETRY_LATER, 40)
    assert "in about 40 seconds" in card.title
    assert len(xero.seen) == 1  # no hidden retries


def test_429_day_limit(xero, sdk):
    accounting, _ = sdk
    xero.script(429, b"", Retry_After="73451", X_Rate_Limit_Problem="day", X_DayLimit_Remaining="0")
    card = explain_error(_raised(lambda: accounting.get_payments("tenant")), now=NOW)[0]
    assert (card.key, card.retry_after) == ("day-limit", 73451)


def test_the_pacers_daily_limit_carries_xeros_answer(xero, sdk):
    accounting, _ = sdk
    xero.script(429, b"", Retry_After="73451", X_Rate_Limit_Problem="day")
    error = _raised(lambda: accounting.get_payments("tenant"))

    class DailyLimitReached(Exception):  # the shape of adapters.xero_pacing's: Xero's 429 in .error
        def __init__(self, error):
            super().__init__("daily limit")
            self.error = error

    assert explain_error(DailyLimitReached(error), now=NOW)[0].key == "day-limit"


def test_503_maintenance_and_500(xero, sdk):
    accounting, _ = sdk
    xero.script(503, "The Xero API is currently offline for maintenance", Retry_After="600")
    card = explain_error(_raised(lambda: accounting.get_currencies("tenant")), now=NOW)[0]
    assert (card.key, card.retry_after) == ("xero-maintenance", 600)
    assert "in about 10 minutes" in card.title
    xero.script(500, "An unhandled error with the Xero API")
    assert explain_error(_raised(lambda: accounting.get_organisations("tenant")), now=NOW)[0].key == (
        "xero-server-error"
    )


def test_the_sdk_as_it_comes_retries_503_silently_then_raises(xero):
    client, accounting, _ = _client(xero.base, retries=True)  # urllib3's default Retry(total=3)
    try:
        xero.script(503, b"", Retry_After="0")
        error = _raised(lambda: accounting.get_currencies("tenant"))
    finally:
        client.rest_client.pool_manager.clear()
    assert len(xero.seen) == 4
    assert explain_error(error, now=NOW)[0].key == "xero-unavailable"


def test_urllib3_giving_up_on_too_many_error_answers():
    reason = urllib3.exceptions.ResponseError("too many 429 error responses")
    error = urllib3.exceptions.MaxRetryError(None, "/api.xro/2.0/Payments", reason)
    call = failed_call_from_exception(error)
    assert (call.status, call.no_answer) == (429, None)
    assert explain(call, now=NOW)[0].key == "too-many-requests"


# ---- invalid_grant from wherever the refresh happened (xero-sdk.md §2.5) -----------------------------------


@pytest.fixture
def refresh_at_fake_xero(xero, monkeypatch):
    monkeypatch.setattr(TokenApi, "refresh_token_url", f"{xero.base}/connect/token")
    xero.script(400, b'{"error":"invalid_grant"}')
    client, accounting, identity = _client(xero.base, expired=True)
    yield accounting, identity
    client.rest_client.pool_manager.clear()


def test_invalid_grant_inside_an_accounting_call(refresh_at_fake_xero):
    accounting, _ = refresh_at_fake_xero
    error = _raised(lambda: accounting.get_invoices("tenant"))
    assert isinstance(error, AccountingBadRequestException)
    card = explain_error(error, now=NOW)[0]
    assert (card.key, card.action, card.xero_messages) == (
        "sign-in-ended",
        Action.RECONNECT,
        ("invalid_grant",),
    )


def test_invalid_grant_inside_an_identity_call(refresh_at_fake_xero):
    _, identity = refresh_at_fake_xero
    error = _raised(identity.get_connections)
    assert isinstance(error, OAuth2InvalidGrantError)
    assert explain_error(error, now=NOW)[0].key == "sign-in-ended"


# ---- no answer -------------------------------------------------------------------------------------------


def test_connection_refused_means_xero_could_not_be_reached():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client, accounting, _ = _client(f"http://127.0.0.1:{port}")
    try:
        error = _raised(lambda: accounting.get_invoices("tenant"))
    finally:
        client.rest_client.pool_manager.clear()
    assert isinstance(error, urllib3.exceptions.MaxRetryError)
    card = explain_error(error, now=NOW)[0]
    assert (card.key, card.action, card.status) == ("no-internet", Action.RETRY_LATER, None)
    assert any(
        name == "Technical cause" and "refused" in value.lower() for name, value in card.support_details
    )


def test_a_connection_dropped_before_the_answer(xero, sdk):
    accounting, _ = sdk
    xero.mode = "drop"
    error = _raised(lambda: accounting.get_invoices("tenant"))
    assert explain_error(error, now=NOW)[0].key == "connection-dropped"


def test_xero_answering_too_late(xero, sdk):
    accounting, _ = sdk
    xero.mode = "slow"
    # the SDK takes an int or a (connect, read) pair; a float is silently ignored
    error = _raised(lambda: accounting.get_invoices("tenant", _request_timeout=(2, 0.2)))
    assert explain_error(error, now=NOW)[0].key == "xero-too-slow"


def test_the_sdks_own_ssl_and_token_exceptions():
    ssl_error = ApiSSLException(status=0, reason="SSLError\n[SSL: CERTIFICATE_VERIFY_FAILED]")
    assert explain_error(ssl_error, now=NOW)[0].key == "secure-connection-failed"
    assert explain_error(AccessTokenExpiredError(), now=NOW)[0].key == "sign-in-expired"


def test_the_sign_in_port_already_in_use():
    with socket.socket() as first, socket.socket() as second:
        first.bind(("127.0.0.1", 0))
        first.listen()
        port = first.getsockname()[1]
        with pytest.raises(OSError) as caught:
            second.bind(("127.0.0.1", port))
    assert caught.value.errno == errno.EADDRINUSE
    card = explain_error(caught.value, port=port, now=NOW)[0]
    assert (card.key, card.action) == ("sign-in-port-busy", Action.FIX_IN_APP)
    assert f"port {port}" in card.title


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), NoAnswer.DROPPED),
        (socket.gaierror(-2, "Name or service not known"), NoAnswer.OFFLINE),
        (TimeoutError("timed out"), NoAnswer.TIMEOUT),
        (ValueError("Invalid value for `status` (WEIRD)"), NoAnswer.UNEXPECTED),
    ],
)
def test_plain_errors_under_the_sdk(error, expected):
    assert failed_call_from_exception(error).no_answer is expected


# ---- the connection's own problems -------------------------------------------------------------------------


def test_reconnect_needed_keeps_xeros_own_answer_when_it_has_one(xero, sdk):
    accounting, _ = sdk
    xero.script(403, {"Title": "Forbidden", "Status": 403, "Detail": "AuthenticationUnsuccessful"})
    answer = _raised(lambda: accounting.get_invoices("tenant"))
    try:
        raise ReconnectNeeded(ReconnectReason.ORGANISATION_DISCONNECTED, "HTTP 403") from answer
    except ReconnectNeeded as problem:
        card = explain_error(problem, now=NOW)[0]
    assert (card.key, card.xero_messages, card.status) == (
        "organisation-disconnected",
        ("AuthenticationUnsuccessful",),
        403,
    )


@pytest.mark.parametrize(
    ("problem", "key", "action"),
    [
        (ReconnectNeeded(ReconnectReason.SIGN_IN_ENDED, "invalid_grant"), "sign-in-ended", Action.RECONNECT),
        (
            ReconnectNeeded(ReconnectReason.ORGANISATION_NOT_LISTED),
            "organisation-disconnected",
            Action.RECONNECT,
        ),
        (ReconnectNeeded(ReconnectReason.SIGN_IN_NOT_SAVED), "not-signed-in", Action.RECONNECT),
        (XeroUnreachable("no route"), "no-internet", Action.RETRY_LATER),
        (CallbackPortTaken(8742, "callback_port", "XEROHELPER_PORT"), "sign-in-port-busy", Action.FIX_IN_APP),
        (SignInRefused("access_denied"), "sign-in-cancelled", Action.RECONNECT),
        (
            SignInRefused("unauthorized_client", "Invalid redirect_uri"),
            "return-address-mismatch",
            Action.FIX_IN_APP,
        ),
        (XeroRejectedApp("invalid_client"), "app-not-recognised", Action.FIX_IN_APP),
        (ClientIdMissing("XEROHELPER_CLIENT_ID"), "connection:ClientIdMissing", Action.FIX_IN_APP),
    ],
)
def test_connection_problems_get_cards(problem, key, action):
    card = explain_error(problem, now=NOW)[0]
    assert (card.key, card.action) == (key, action)
    assert card.title and card.steps


def test_unreachable_with_a_dropped_connection_underneath():
    try:
        raise XeroUnreachable("ProtocolError") from urllib3.exceptions.ProtocolError("Connection aborted.")
    except XeroUnreachable as problem:
        assert explain_error(problem, now=NOW)[0].key == "connection-dropped"


# ---- raw answers ----------------------------------------------------------------------------------------


def test_raw_answer_with_urllib3_headers():
    headers = HTTPHeaderDict({"Retry-After": "7", "X-Rate-Limit-Problem": "minute"})
    call = failed_call_from_http(429, b"", headers)
    assert call.header("retry-after") == "7"
    assert explain(call, now=NOW)[0].retry_after == 7


def test_the_core_never_loads_the_sdk_or_qt():
    probe = (
        "import sys\n"
        "import xerohelper.core.explain, xerohelper.core.explain.screens\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('xero_python', 'PySide6', 'urllib3')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


# ---- the one entry: services.explaining -------------------------------------------------------------------


def test_a_raw_answer_and_the_same_answer_kept_in_the_journal_get_the_same_card():
    body = json.dumps(
        {
            "Elements": [
                {
                    "ValidationErrors": [
                        {"Message": "Account code '4100' is not a valid code for this document."}
                    ]
                }
            ]
        }
    )
    raw = explain_answer(400, body, {"Xero-Correlation-Id": "abc"}, short_code="!abc12", now=NOW)[0]
    assert raw.key == "account-not-for-sales"
    assert "4100" in raw.title + raw.what_happened
    assert ("Xero-Correlation-Id", "abc") in raw.support_details
    stored = Explainer(lambda: "!abc12").for_stored(400, body)
    assert (stored.key, stored.title, stored.screen) == (raw.key, raw.title, raw.screen)


class _TheOrganisationLeft(ReconnectNeeded):
    """A more particular kind of ReconnectNeeded: still a reconnect, whatever its class is called."""


def test_needs_reconnect_goes_by_the_type_not_the_class_name():
    assert needs_reconnect(ReconnectNeeded(ReconnectReason.SIGN_IN_ENDED))
    assert needs_reconnect(_TheOrganisationLeft(ReconnectReason.ORGANISATION_DISCONNECTED))
    assert not needs_reconnect(NotConnected())
    assert not needs_reconnect(OSError(errno.ENETUNREACH, "Network is unreachable"))


def test_an_os_error_gets_a_card_in_words():
    card = explain_error(OSError(errno.ENETUNREACH, "Network is unreachable"), now=NOW)[0]
    assert card.key == "no-internet"
    assert "Errno" not in card.title + card.what_happened


def test_an_invoice_number_taken_by_another_total_uses_the_entrys_own_words():
    card = Explainer(lambda: "!abc12").for_item(
        INVOICE_NUMBER_TAKEN,
        "POS-20260421",
        [],
        {"xero_total": "312.50", "till_total": "298.20", "invoice_id": None},
    )
    entry = ALL_ENTRIES["invoice-number-used"]
    assert card.key == entry.key and card.where == "POS-20260421"
    assert card.title == "Invoice number POS-20260421 is already used in Xero"
    assert card.what_happened == fill(entry.what, {"invoice_number": "POS-20260421", **TOTALS})
    assert "312.50" in card.what_happened and "298.20" in card.what_happened
    assert not card.predicted


TOTALS = {"xero_total": "312.50", "till_total": "298.20"}


def test_a_failed_payment_links_to_its_own_invoice_when_the_invoice_id_is_known():
    invoice_id = "aaaaaaaa-0000-4000-8000-000000000001"
    card = Explainer(lambda: "!abc12").for_item(
        "payment",
        "Visa",
        ["The payment date is in the future"],
        {"amount": "25.00", "invoice_number": "POS-20260421", "invoice_id": invoice_id},
    )
    assert card.key == "about-a-payment" and card.where == "the Visa payment of 25.00"
    assert card.screen is not None and card.screen.screen.key == "invoice"
    assert invoice_id in card.screen.url
