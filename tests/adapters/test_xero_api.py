"""The SDK wiring that needs no server: endpoints, token shapes, the retry fix, the Configuration pitfall.

The flows against a real HTTP counterpart (refresh rotation, races, revocation, 401/403) are in
test_xero_api_sandbox.py, against the sandbox.
"""

from __future__ import annotations

import base64
import json

import pytest
import urllib3
from xero_python.api_client.oauth2 import OAuth2Token

from xerohelper.adapters.xero_api import (
    TokenEndpoint,
    Tokens,
    TokenSet,
    XeroEndpoints,
    build_api_client,
)
from xerohelper.core.connection import XeroRejectedApp

ANSWER = {
    "id_token": "ID",
    "access_token": "ACCESS",
    "expires_in": 1800,
    "token_type": "Bearer",
    "refresh_token": "REFRESH",
    "scope": "openid offline_access accounting.invoices",
}


def test_xero_endpoints_are_xeros_own():
    xero = XeroEndpoints.xero()
    assert xero.authorize == "https://login.xero.com/identity/connect/authorize"
    assert xero.token == "https://identity.xero.com/connect/token"
    assert xero.revocation == "https://identity.xero.com/connect/revocation"
    assert xero.identity_base == "https://api.xero.com"
    assert xero.accounting_base == "https://api.xero.com/api.xro/2.0"


def test_a_sandbox_gets_every_xero_origin_with_the_same_path():
    sandbox = XeroEndpoints.sandbox("http://127.0.0.1:5555/")
    assert sandbox.name == "sandbox"
    assert sandbox.authorize == "http://127.0.0.1:5555/identity/connect/authorize"
    assert sandbox.token == "http://127.0.0.1:5555/connect/token"
    assert sandbox.revocation == "http://127.0.0.1:5555/connect/revocation"
    assert sandbox.identity_base == "http://127.0.0.1:5555"
    assert sandbox.accounting_base == "http://127.0.0.1:5555/api.xro/2.0"


def test_a_token_answer_becomes_the_dict_the_sdk_requires():
    tokens = TokenSet.from_answer(ANSWER, now=1000.0)
    sdk = tokens.sdk_token()
    assert sdk == {
        "access_token": "ACCESS",
        "refresh_token": "REFRESH",
        "scope": ["openid", "offline_access", "accounting.invoices"],
        "expires_in": 1800,
        "expires_at": 2800.0,
        "token_type": "Bearer",
    }
    holder = OAuth2Token(client_id="CID")
    holder.update_token(**sdk)  # the SDK's own check: extra or missing keys raise TypeError
    assert holder.scope == ["openid", "offline_access", "accounting.invoices"]
    assert not tokens.usable(now=2800.0 - 59)  # inside the minute before expiry
    assert tokens.usable(now=2800.0 - 61)


def test_an_answer_without_a_refresh_token_says_offline_access_was_not_granted():
    with pytest.raises(XeroRejectedApp) as caught:
        TokenSet.from_answer({**ANSWER, "refresh_token": None})
    assert "offline_access" in caught.value.details


def test_tokens_never_show_in_repr():
    tokens = TokenSet.from_answer(ANSWER)
    assert "ACCESS" not in repr(tokens)
    assert "REFRESH" not in repr(tokens)


def test_the_sign_in_event_is_read_from_a_jwt_access_token():
    payload = base64.urlsafe_b64encode(json.dumps({"authentication_event_id": "E1"}).encode()).rstrip(b"=")
    jwt = f"eyJhbGciOiJSUzI1NiJ9.{payload.decode()}.sig"
    assert TokenSet.from_answer({**ANSWER, "access_token": jwt}).auth_event_id == "E1"
    assert TokenSet.from_answer(ANSWER).auth_event_id == ""


def _tokens(access: str) -> Tokens:
    endpoint = TokenEndpoint(XeroEndpoints.sandbox("http://127.0.0.1:9"), "CID")
    start = TokenSet.from_answer({**ANSWER, "access_token": access})
    return Tokens(endpoint, start, persist=lambda _t: None)


def test_urllib3_retries_are_off_so_429_and_503_come_back_at_once():
    client = build_api_client(_tokens("A"))
    retries = client.rest_client.pool_manager.connection_pool_kw["retries"]
    assert isinstance(retries, urllib3.Retry)
    assert retries.total == 0
    assert retries.respect_retry_after_header is False


def test_two_clients_keep_their_own_tokens_despite_the_sdks_shared_configuration():
    first = build_api_client(_tokens("FIRST"))
    second = build_api_client(_tokens("SECOND"))
    assert first.configuration is not second.configuration
    assert first.configuration.oauth2_token is not second.configuration.oauth2_token
    header = first.configuration.auth_settings("OAuth2")(api_client=first)
    assert header["value"] == "Bearer FIRST"
    header = second.configuration.auth_settings("OAuth2")(api_client=second)
    assert header["value"] == "Bearer SECOND"
