"""Sign-in, tokens and connections, checked the way Xero checks them (reference/xero-oauth.md §1-§2)."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from xero_python.exceptions import HTTPStatusException, NotFoundException, OAuth2InvalidGrantError

from xerohelper.sandbox.testing import (
    SignInError,
    authorize_url,
    connect,
    control,
    exchange_code,
    http_request,
    pkce_pair,
    refresh,
    revoke,
    sdk_client,
)

REDIRECT = "http://localhost:8742/callback"


def _authorize(sandbox, **overrides):
    verifier, challenge = pkce_pair()
    params = {
        "response_type": "code",
        "client_id": sandbox.client_id,
        "redirect_uri": REDIRECT,
        "scope": "openid offline_access accounting.settings",
        "state": "st4te-123",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    params.update(overrides)
    params = {k: v for k, v in params.items() if v is not None}
    url = f"{sandbox.base_url}/identity/connect/authorize?{urllib.parse.urlencode(params)}"
    status, headers, body = http_request("GET", url)
    return verifier, status, headers, body


def _location_params(headers) -> dict:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(headers["location"]).query))


def _auto_code(make_sandbox, **options):
    sandbox = make_sandbox(auto_consent=True, **options)
    verifier, status, headers, _ = _authorize(sandbox)
    assert status == 302
    return sandbox, verifier, _location_params(headers)["code"]


def _token_post(sandbox, fields) -> tuple[int, bytes]:
    status, _, body = http_request(
        "POST",
        f"{sandbox.base_url}/connect/token",
        urllib.parse.urlencode(fields),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    return status, body


# ------------------------------------------------------------------ authorize
def test_unknown_client_id_gets_xeros_error_page(sandbox):
    _, status, _, body = _authorize(sandbox, client_id="NOT-OUR-APP")
    assert status == 400
    assert "unauthorized_client : Unknown client or client not enabled" in body.decode()


@pytest.mark.parametrize(
    "redirect_uri",
    ["http://localhost:8745/callback", "http://127.0.0.1:8742/callback", "http://localhost:8742/callback/"],
)
def test_redirect_uri_must_match_exactly(sandbox, redirect_uri):
    _, status, headers, body = _authorize(sandbox, redirect_uri=redirect_uri)
    assert status == 400
    assert "location" not in headers
    assert "unauthorized_client : Invalid redirect_uri" in body.decode()


def test_unknown_scope_gets_invalid_scope_page(sandbox):
    _, status, _, body = _authorize(sandbox, scope="openid accounting.everything")
    assert status == 400
    assert "unauthorized_client : Invalid scope for client" in body.decode()


@pytest.mark.parametrize("overrides", [{"code_challenge": None}, {"code_challenge_method": "plain"}])
def test_s256_code_challenge_is_required(sandbox, overrides, request_check):
    _, status, headers, _ = _authorize(sandbox, **overrides)
    assert status == 302
    params = _location_params(headers)
    assert params["error"] == "invalid_request"
    assert params["state"] == "st4te-123"
    assert "code_challenge" in request_check.take()[0]  # the app must never send it either


def test_consent_page_offers_every_organisation_and_allow_returns_code_and_state(sandbox):
    _, status, _, body = _authorize(sandbox)
    page = body.decode()
    assert status == 200
    assert "Harbour Street Hardware" in page and "Pier Nine Café" in page
    token = connect(sandbox.base_url, sandbox.client_id, organisation="Pier Nine Café")
    client = sdk_client(sandbox.base_url, token, sandbox.client_id)
    assert [c.tenant_name for c in client.identity.get_connections()] == ["Pier Nine Café"]


def test_deny_sends_access_denied_with_the_state(sandbox):
    with pytest.raises(SignInError) as refused:
        connect(sandbox.base_url, sandbox.client_id, allow=False)
    assert refused.value.details["error"] == "access_denied"
    assert refused.value.details["state"]


def test_auto_consent_redirects_at_once_with_state_scope_and_code(make_sandbox):
    sandbox = make_sandbox(auto_consent=True)
    _, status, headers, _ = _authorize(sandbox)
    params = _location_params(headers)
    assert status == 302
    assert headers["location"].startswith(REDIRECT + "?")
    assert params["state"] == "st4te-123"
    assert params["scope"] == "openid offline_access accounting.settings"
    assert params["code"]


def test_auto_consent_can_connect_every_organisation(make_sandbox):
    sandbox = make_sandbox(auto_consent=True, auto_consent_tenants="all")
    token = connect(sandbox.base_url, sandbox.client_id)
    names = [c.tenant_name for c in sdk_client(sandbox.base_url, token).identity.get_connections()]
    assert names == ["Harbour Street Hardware", "Pier Nine Café"]


# ------------------------------------------------------------------ code exchange
def test_code_is_single_use(make_sandbox):
    sandbox, verifier, code = _auto_code(make_sandbox)
    exchange_code(sandbox.base_url, sandbox.client_id, code, REDIRECT, verifier)
    status, body = _token_post(
        sandbox,
        {
            "grant_type": "authorization_code",
            "client_id": sandbox.client_id,
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    )
    assert (status, body) == (400, b'{"error":"invalid_grant"}')


def test_code_expires_after_five_minutes(make_sandbox):
    sandbox, verifier, code = _auto_code(make_sandbox)
    sandbox.clock.advance(301)
    with pytest.raises(SignInError) as failed:
        exchange_code(sandbox.base_url, sandbox.client_id, code, REDIRECT, verifier)
    assert failed.value.details["body"] == '{"error":"invalid_grant"}'


def test_code_still_works_just_inside_five_minutes(make_sandbox):
    sandbox, verifier, code = _auto_code(make_sandbox)
    sandbox.clock.advance(295)
    assert exchange_code(sandbox.base_url, sandbox.client_id, code, REDIRECT, verifier)["access_token"]


def test_wrong_code_verifier_is_invalid_grant(make_sandbox):
    sandbox, _, code = _auto_code(make_sandbox)
    other_verifier, _ = pkce_pair()
    with pytest.raises(SignInError) as failed:
        exchange_code(sandbox.base_url, sandbox.client_id, code, REDIRECT, other_verifier)
    assert failed.value.details["body"] == '{"error":"invalid_grant"}'


def test_exchange_needs_the_same_redirect_uri(make_sandbox):
    sandbox, verifier, code = _auto_code(make_sandbox)
    with pytest.raises(SignInError) as failed:
        exchange_code(sandbox.base_url, sandbox.client_id, code, "http://localhost:8743/callback", verifier)
    assert failed.value.details["body"] == '{"error":"invalid_grant"}'


def test_token_endpoint_refuses_unknown_client_and_grant_type(make_sandbox, request_check):
    sandbox, verifier, code = _auto_code(make_sandbox)
    assert _token_post(
        sandbox,
        {
            "grant_type": "authorization_code",
            "client_id": "OTHER",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    ) == (400, b'{"error":"invalid_client"}')
    assert _token_post(sandbox, {"grant_type": "password", "client_id": sandbox.client_id}) == (
        400,
        b'{"error":"unsupported_grant_type"}',
    )
    (flagged,) = request_check.take()
    assert "grant_type ['password'] is neither authorization_code nor refresh_token" in flagged


def test_token_answer_has_xeros_keys_and_lifetime(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    assert token["expires_in"] == 1800
    assert token["token_type"] == "Bearer"
    assert {"id_token", "access_token", "refresh_token", "scope"} <= set(token)


def test_no_refresh_token_without_offline_access_and_no_id_token_without_openid(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id, scopes=["accounting.settings.read"])
    assert "refresh_token" not in token
    assert "id_token" not in token
    assert token["scope"] == ["accounting.settings.read"]


# ------------------------------------------------------------------ access tokens
def test_access_token_expires_after_1800_seconds_with_token_expired_detail(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    client = sdk_client(sandbox.base_url, token)  # no client id: the SDK cannot refresh
    tenant = client.identity.get_connections()[0].tenant_id
    sandbox.clock.advance(1801)
    with pytest.raises(HTTPStatusException) as failed:
        client.accounting.get_organisations(tenant)
    body = json.loads(failed.value.body)
    assert failed.value.status == 401
    assert body["Title"] == "Unauthorized"
    assert body["Detail"].startswith("TokenExpired: token expired at ")


def test_access_token_lifetime_is_configurable(make_sandbox):
    sandbox = make_sandbox(access_token_seconds=120)
    token = connect(sandbox.base_url, sandbox.client_id)
    assert token["expires_in"] == 120
    client = sdk_client(sandbox.base_url, token)
    sandbox.clock.advance(121)
    with pytest.raises(HTTPStatusException) as failed:
        client.identity.get_connections()
    assert failed.value.status == 401


def test_garbled_bearer_token_is_authentication_unsuccessful(sandbox):
    status, headers, body = http_request(
        "GET",
        f"{sandbox.base_url}/api.xro/2.0/Organisation",
        headers={"Authorization": "Bearer not-a-token", "xero-tenant-id": sandbox.tenants[0]["tenant_id"]},
    )
    assert status == 401
    assert json.loads(body)["detail"] == "AuthenticationUnsuccessful"
    assert headers["www-authenticate"] == "Bearer error=invalid_token"


def test_missing_scope_is_authorization_unsuccessful(sandbox):
    token = connect(
        sandbox.base_url, sandbox.client_id, scopes=["offline_access", "accounting.settings.read"]
    )
    client = sdk_client(sandbox.base_url, token)
    tenant = client.identity.get_connections()[0].tenant_id
    with pytest.raises(HTTPStatusException) as failed:
        client.accounting.get_invoices(tenant)
    assert failed.value.status == 401
    assert json.loads(failed.value.body)["Detail"] == "AuthorizationUnsuccessful"
    assert "insufficent_scope" in failed.value.headers["WWW-Authenticate"]


@pytest.mark.parametrize("tenant", [None, "00000000-0000-0000-0000-000000000000", "not-a-guid"])
def test_missing_or_unknown_tenant_is_forbidden(connected, tenant, request_check):
    headers = {"Authorization": f"Bearer {connected.token['access_token']}"}
    if tenant is not None:
        headers["xero-tenant-id"] = tenant
    status, _, body = http_request("GET", f"{connected.base_url}/api.xro/2.0/Organisation", headers=headers)
    assert status == 403
    assert json.loads(body) | {"Instance": "x"} == {
        "Type": None,
        "Title": "Forbidden",
        "Status": 403,
        "Detail": "AuthenticationUnsuccessful",
        "Instance": "x",
        "Extensions": {},
    }
    taken = request_check.take()
    assert taken == [] if tenant is not None else "required header 'xero-tenant-id' is missing" in taken[0]


def test_organisation_not_consented_is_forbidden(connected):
    other = next(t["tenant_id"] for t in connected.sandbox.tenants if t["tenant_id"] != connected.tenant_id)
    with pytest.raises(HTTPStatusException) as failed:
        connected.accounting.get_organisations(other)
    assert failed.value.status == 403


# ------------------------------------------------------------------ refresh tokens
def test_refresh_rotates_the_refresh_token(sandbox):
    first = connect(sandbox.base_url, sandbox.client_id)
    second = refresh(sandbox.base_url, sandbox.client_id, first["refresh_token"])
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert refresh(sandbox.base_url, sandbox.client_id, second["refresh_token"])["access_token"]


def test_previous_refresh_token_works_for_30_minutes_then_invalid_grant(sandbox):
    first = connect(sandbox.base_url, sandbox.client_id)
    refresh(sandbox.base_url, sandbox.client_id, first["refresh_token"])
    sandbox.clock.advance(29 * 60)
    assert refresh(sandbox.base_url, sandbox.client_id, first["refresh_token"])["access_token"]
    sandbox.clock.advance(2 * 60)
    with pytest.raises(SignInError) as failed:
        refresh(sandbox.base_url, sandbox.client_id, first["refresh_token"])
    assert failed.value.details == {"status": 400, "body": '{"error":"invalid_grant"}'}


def test_unused_refresh_token_dies_after_60_days(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    sandbox.clock.advance(60 * 86400 + 1)
    with pytest.raises(SignInError):
        refresh(sandbox.base_url, sandbox.client_id, token["refresh_token"])


def test_the_sdk_refreshes_an_expired_token_without_a_client_secret(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    client = sdk_client(sandbox.base_url, token, sandbox.client_id)
    client.token["expires_at"] = 0  # the SDK refreshes before the call
    assert client.identity.get_connections()
    assert client.token["refresh_token"] != token["refresh_token"]
    assert isinstance(client.token["scope"], list)


def test_invalid_grant_reaches_the_sdk_byte_for_byte(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    token["refresh_token"] = "rotated-away"
    client = sdk_client(sandbox.base_url, token, sandbox.client_id)
    client.token["expires_at"] = 0
    with pytest.raises(OAuth2InvalidGrantError):
        client.identity.get_connections()


# ------------------------------------------------------------------ revocation and connections
def test_revocation_kills_tokens_and_removes_connections(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id)
    client = sdk_client(sandbox.base_url, token)
    tenant = client.identity.get_connections()[0].tenant_id
    assert revoke(sandbox.base_url, sandbox.client_id, token["refresh_token"]) == 200
    with pytest.raises(SignInError):
        refresh(sandbox.base_url, sandbox.client_id, token["refresh_token"])
    with pytest.raises(HTTPStatusException) as failed:
        client.accounting.get_organisations(tenant)
    assert failed.value.status == 401
    fresh = connect(sandbox.base_url, sandbox.client_id, scopes=["accounting.settings.read"])
    assert [c.tenant_id for c in sdk_client(sandbox.base_url, fresh).identity.get_connections()] == [tenant]


def test_connections_list_and_auth_event_filter(sandbox):
    first = connect(sandbox.base_url, sandbox.client_id, organisation="Harbour Street Hardware")
    connect(sandbox.base_url, sandbox.client_id, organisation="Pier Nine Café")
    client = sdk_client(sandbox.base_url, first)
    connections = client.identity.get_connections()
    assert [c.tenant_name for c in connections] == ["Harbour Street Hardware", "Pier Nine Café"]
    latest = connections[1].auth_event_id
    assert [c.tenant_name for c in client.identity.get_connections(auth_event_id=latest)] == [
        "Pier Nine Café"
    ]


def test_delete_connection_then_tenant_calls_are_forbidden_but_refresh_still_works(connected):
    connection = connected.identity.get_connections()[0]
    assert connected.identity.delete_connection(connection.id) is None
    assert connected.identity.get_connections() == []
    with pytest.raises(HTTPStatusException) as failed:
        connected.accounting.get_organisations(connected.tenant_id)
    assert failed.value.status == 403
    assert refresh(connected.base_url, connected.sandbox.client_id, connected.token["refresh_token"])


def test_delete_unknown_connection_is_not_found(connected):
    with pytest.raises(NotFoundException):
        connected.identity.delete_connection("00000000-0000-0000-0000-000000000001")


def test_control_remove_connection_is_like_disconnecting_in_xero(connected):
    control(connected.base_url, "connections/remove", {"tenant": "Harbour Street Hardware"})
    assert connected.identity.get_connections() == []
    with pytest.raises(HTTPStatusException) as failed:
        connected.accounting.get_organisations(connected.tenant_id)
    assert failed.value.status == 403


def test_control_revoke_tokens(connected):
    control(connected.base_url, "tokens/revoke", {})
    with pytest.raises(HTTPStatusException) as failed:
        connected.identity.get_connections()
    assert failed.value.status == 401
    with pytest.raises(SignInError):
        refresh(connected.base_url, connected.sandbox.client_id, connected.token["refresh_token"])


def test_connections_carry_only_the_app_minute_header(connected):
    status, headers, _ = http_request(
        "GET",
        f"{connected.base_url}/connections",
        headers={"Authorization": f"Bearer {connected.token['access_token']}"},
    )
    assert status == 200
    assert "x-appminlimit-remaining" in headers
    assert "x-minlimit-remaining" not in headers


def test_authorize_url_helper_round_trips(sandbox):
    verifier, challenge = pkce_pair()
    url = authorize_url(sandbox.base_url, sandbox.client_id, REDIRECT, ["openid"], "s", challenge)
    assert http_request("GET", url)[0] == 200
    assert len(verifier) >= 43
