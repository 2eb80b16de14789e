"""Signing in: the PKCE maths, the sign-in link, and the loopback listener driven by a plain HTTP client."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from xerohelper.adapters.xero_login import (
    SCOPES,
    CallbackListener,
    authorize_url,
    code_challenge,
    new_code_verifier,
    new_state,
    redirect_uri,
)
from xerohelper.core.connection import CallbackPortTaken, SignInCancelled, SignInRefused, SignInTimedOut

STATE = "the-state-we-sent"


def test_code_challenge_matches_rfc_7636_appendix_b():
    assert (
        code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_verifiers_are_long_random_and_use_only_allowed_characters():
    verifiers = {new_code_verifier() for _ in range(50)}
    assert len(verifiers) == 50
    for verifier in verifiers:
        assert 43 <= len(verifier) <= 128
        assert re.fullmatch(r"[A-Za-z0-9\-._~]+", verifier)
        assert "=" not in code_challenge(verifier)


def test_states_are_random():
    assert len({new_state() for _ in range(50)}) == 50


def test_the_sign_in_link_carries_everything_xero_needs():
    link = authorize_url(
        "https://login.xero.com/identity/connect/authorize", "CID", redirect_uri(8742), "S", "C"
    )
    url = urlsplit(link)
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://login.xero.com/identity/connect/authorize"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert query == {
        "response_type": "code",
        "client_id": "CID",
        "redirect_uri": "http://localhost:8742/callback",
        "scope": "openid profile email offline_access accounting.invoices accounting.payments "
        "accounting.contacts accounting.settings.read",
        "state": "S",
        "code_challenge": "C",
        "code_challenge_method": "S256",
    }
    assert "offline_access" in SCOPES  # without it Xero gives no refresh token


def get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, str]:
    conn = http.client.HTTPConnection(host, port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        conn.close()


@pytest.fixture
def listener():
    with CallbackListener(0, STATE) as running:
        yield running


def wait_in_thread(listener, **kwargs):
    result: dict = {}

    def run():
        try:
            result["code"] = listener.wait(**kwargs)
        except Exception as err:
            result["error"] = err

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def test_the_callback_with_our_state_gives_the_code_and_a_friendly_page(listener):
    assert listener.redirect_uri == f"http://localhost:{listener.port}/callback"
    status, page = get(listener.port, f"/callback?code=ONE-TIME-CODE&state={STATE}&scope=openid")
    assert status == 200
    assert "go back to xerohelper" in page
    assert "ONE-TIME-CODE" not in page
    assert listener.wait(timeout=1) == "ONE-TIME-CODE"


@pytest.mark.parametrize(
    "path", ["/", "/favicon.ico", "/callback/", "/callbackx", "/other?code=x&state=" + STATE]
)
def test_every_other_path_gets_404_and_the_sign_in_keeps_waiting(listener, path):
    thread, result = wait_in_thread(listener, timeout=5)
    status, page = get(listener.port, path)
    assert status == 404
    assert "only used by xerohelper" in page
    assert thread.is_alive()  # still waiting
    get(listener.port, f"/callback?code=C&state={STATE}")
    thread.join(5)
    assert result == {"code": "C"}


def test_a_state_that_is_not_ours_is_rejected_and_the_sign_in_keeps_waiting(listener):
    thread, result = wait_in_thread(listener, timeout=5)
    status, page = get(listener.port, "/callback?code=FORGED&state=someone-else")
    assert status == 400
    assert "not the one xerohelper is waiting for" in page
    status, _ = get(listener.port, "/callback?code=FORGED")  # no state at all
    assert status == 400
    assert thread.is_alive()
    get(listener.port, f"/callback?code=REAL&state={STATE}")
    thread.join(5)
    assert result == {"code": "REAL"}


def test_xeros_error_parameter_ends_the_sign_in_with_plain_words(listener):
    status, page = get(listener.port, f"/callback?error=access_denied&state={STATE}")
    assert status == 200
    assert "go back to xerohelper" in page
    with pytest.raises(SignInRefused) as caught:
        listener.wait(timeout=1)
    assert caught.value.words == "You chose not to allow xerohelper into Xero."
    assert "Allow access" in caught.value.next_step


def test_other_xero_errors_name_the_error_and_point_at_the_app_settings(listener):
    get(
        listener.port,
        f"/callback?error=unauthorized_client&error_description=Invalid+redirect_uri&state={STATE}",
    )
    with pytest.raises(SignInRefused) as caught:
        listener.wait(timeout=1)
    assert "unauthorized_client: Invalid redirect_uri" in caught.value.words
    assert "redirect URI" in caught.value.next_step


def test_an_error_page_never_echoes_what_the_request_said(listener):
    _, page = get(listener.port, f"/callback?error=%3Cscript%3Ealert(1)%3C/script%3E&state={STATE}")
    assert "<script>" not in page


def test_it_gives_up_after_the_timeout(listener):
    started = time.monotonic()
    with pytest.raises(SignInTimedOut) as caught:
        listener.wait(timeout=0.3)
    assert time.monotonic() - started < 5
    assert "Click Connect to try again" in caught.value.next_step


def test_the_timeout_says_two_minutes_in_words():
    assert "within 2 minutes" in SignInTimedOut(120).words


def test_cancel_stops_the_wait_from_another_thread(listener):
    cancel = threading.Event()
    thread, result = wait_in_thread(listener, timeout=30, cancel=cancel)
    time.sleep(0.2)
    cancel.set()
    thread.join(5)
    assert isinstance(result.get("error"), SignInCancelled)


def test_a_taken_port_is_explained_with_the_setting_and_the_environment_variable(listener):
    with pytest.raises(CallbackPortTaken) as caught:
        CallbackListener(listener.port, STATE)
    problem = caught.value
    assert problem.port == listener.port
    assert f"port {listener.port}" in problem.words
    assert "XEROHELPER_CALLBACK_PORT" in problem.next_step
    assert '"callback_port"' in problem.next_step


def test_the_same_port_can_be_used_again_right_after_a_sign_in():
    with CallbackListener(0, STATE) as first:
        port = first.port
        get(port, f"/callback?code=C&state={STATE}")  # leaves a closed connection behind (TIME_WAIT)
        assert first.wait(timeout=1) == "C"
    with CallbackListener(port, STATE) as second:
        assert second.port == port


def _non_loopback_address() -> str | None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def test_the_listener_is_bound_to_loopback_only(listener):
    assert listener._server.server_address[0] == "127.0.0.1"
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no network address other than loopback to try")
    with pytest.raises(OSError):
        socket.create_connection((address, listener.port), timeout=2).close()
    status, _ = get(listener.port, "/")  # while loopback answers
    assert status == 404
