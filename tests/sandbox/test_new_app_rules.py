"""Xero's 2026 rules for new apps: granular scopes only (reference/xero-oauth.md §3.2), and the developer
tiers' connection caps and calls a day (§3.4, §3.5), as sandbox options."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from xerohelper.adapters.xero_login import SCOPES as APP_SCOPES
from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.limits import DEVELOPER_TIERS
from xerohelper.sandbox.testing import SignInError, authorize_url, connect, http_request, pkce_pair

REDIRECT = "http://localhost:8742/callback"


def _authorize(sandbox, scope: str) -> tuple[int, dict, str]:
    _, challenge = pkce_pair()
    url = authorize_url(sandbox.base_url, sandbox.client_id, REDIRECT, scope.split(), "st4te", challenge)
    status, headers, body = http_request("GET", url)
    return status, headers, body.decode()


# ------------------------------------------------------------------ scopes
@pytest.mark.parametrize(
    "broad", ["accounting.transactions", "accounting.transactions.read", "accounting.reports.read"]
)
def test_a_new_app_asking_for_a_broad_scope_gets_xeros_invalid_scope_page(sandbox, broad, request_check):
    status, headers, page = _authorize(sandbox, f"openid offline_access {broad}")
    assert status == 400
    assert "location" not in headers  # Xero shows an error page; the app is never called back
    assert "unauthorized_client : Invalid scope for client" in page
    # the request check flags the same request: the app must never send it
    taken = request_check.take()
    assert len(taken) == 1 and "apps created since 2 March 2026 cannot" in taken[0]


def test_an_app_created_before_march_2026_may_still_ask_for_the_broad_scopes(make_sandbox, request_check):
    sandbox = make_sandbox(broad_scopes_allowed=True)
    token = connect(sandbox.base_url, sandbox.client_id, scopes=["offline_access", "accounting.transactions"])
    assert token["scope"] == ["offline_access", "accounting.transactions"]
    assert len(request_check.take()) == 1  # the authorize request, flagged for a new app as xerohelper is


def test_the_scopes_xerohelper_asks_for_are_granted_to_a_new_app(sandbox):
    token = connect(sandbox.base_url, sandbox.client_id, scopes=APP_SCOPES)
    assert token["scope"] == list(APP_SCOPES)
    assert not set(APP_SCOPES) & {"accounting.transactions", "accounting.transactions.read"}


def test_discovery_lists_only_the_scopes_this_app_may_ask_for(make_sandbox):
    new_app, old_app = make_sandbox(), make_sandbox(broad_scopes_allowed=True)
    listed = {}
    for name, sandbox in (("new", new_app), ("old", old_app)):
        _, _, body = http_request("GET", f"{sandbox.base_url}/.well-known/openid-configuration")
        listed[name] = set(json.loads(body)["scopes_supported"])
    assert "accounting.transactions" not in listed["new"] and "accounting.invoices" in listed["new"]
    assert listed["old"] - listed["new"] == {
        "accounting.transactions",
        "accounting.transactions.read",
        "accounting.reports.read",
    }


# ------------------------------------------------------------------ developer tiers
def test_the_tier_table_has_xeros_2026_figures():
    figures = {key: (tier.connections, tier.day_limit) for key, tier in DEVELOPER_TIERS.items()}
    assert figures == {
        "starter": (5, 1000),
        "core": (50, 5000),
        "plus": (1000, 5000),
        "advanced": (10_000, 5000),
        "enterprise": (None, 5000),
    }


@pytest.mark.parametrize(("tier", "day_limit", "connections"), [("starter", 1000, 5), ("Core", 5000, 50)])
def test_a_tier_sets_the_calls_a_day_and_the_connection_cap(make_sandbox, tier, day_limit, connections):
    sandbox = make_sandbox(developer_tier=tier)  # over the roomy day limit the test fixture passes
    assert (sandbox.settings.day_limit, sandbox.settings.connection_limit) == (day_limit, connections)
    token = connect(sandbox.base_url, sandbox.client_id)
    tenant = sandbox.tenants[0]["tenant_id"]
    status, headers, _ = http_request(
        "GET",
        f"{sandbox.base_url}/api.xro/2.0/Organisation",
        headers={"Authorization": f"Bearer {token['access_token']}", "xero-tenant-id": tenant},
    )
    assert status == 200
    assert headers["x-daylimit-remaining"] == str(day_limit - 1)


def test_an_unknown_tier_is_refused_when_the_sandbox_is_made():
    with pytest.raises(ValueError, match="unknown developer tier 'gold'"):
        Sandbox("demo", developer_tier="gold")


def test_an_app_at_its_connection_cap_cannot_connect_another_organisation(make_sandbox):
    sandbox = make_sandbox(connection_limit=1)
    connect(sandbox.base_url, sandbox.client_id, organisation="Harbour Street Hardware")
    _, _, page = _authorize(sandbox, "openid offline_access accounting.invoices")
    # offered but disabled, as people report of Xero's consent page at the cap
    assert re.search(r"disabled> Pier Nine Café", page)
    assert not re.search(r"disabled> Harbour Street Hardware", page)
    with pytest.raises(SignInError) as refused:
        connect(sandbox.base_url, sandbox.client_id, organisation="Pier Nine Café")
    assert "This app has reached the limit of organisations it can connect to." in str(refused.value.details)
    # the organisation already connected can always be connected again
    assert connect(sandbox.base_url, sandbox.client_id, organisation="Harbour Street Hardware")


def test_auto_consent_over_the_cap_goes_back_as_access_denied(make_sandbox):
    sandbox = make_sandbox(auto_consent=True, auto_consent_tenants="all", connection_limit=1)
    _, challenge = pkce_pair()
    url = authorize_url(sandbox.base_url, sandbox.client_id, REDIRECT, ["openid"], "st4te", challenge)
    status, headers, _ = http_request("GET", url)
    assert status == 302
    params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(headers["location"]).query))
    assert params["error"] == "access_denied" and params["state"] == "st4te"
