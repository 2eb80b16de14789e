"""Helpers for talking to a running sandbox from tests and tools (no pytest in here).

- ``connect(base_url, client_id, ...)`` — the whole sign-in with an HTTP client standing in for the
  browser: authorize → consent page (choose organisation, Allow) → redirect → code exchange with PKCE.
  Returns a token set ready for the SDK (``expires_at`` added, ``scope`` as a list).
- ``sdk_client(base_url, token, client_id)`` — a real xero-python ``ApiClient`` pointed at the sandbox,
  with ``AccountingApi`` and ``IdentityApi`` on the sandbox's base URLs and a refresh that works without a
  client secret (PKCE) against the sandbox's token endpoint. urllib3's silent retries of 429/503 are off
  by default, so limits and outages surface at once.
- ``control(base_url, path, body)`` — call a ``/_sandbox/`` control endpoint.
- ``watch_every_sandbox(observer)`` — call ``observer(request, response)`` after every answer of every
  sandbox in this process, started by anyone (the tests' request check); returns a function that stops it.
- ``refresh(...)``, ``revoke(...)``, ``pkce_pair()``, ``authorize_url(...)``, ``http_request(...)``.

How xero-python 15.2.0 is pointed at another host (checked against the installed SDK):
``AccountingApi(api_client, base_url=BASE + "/api.xro/2.0")`` and ``IdentityApi(api_client, base_url=BASE)``;
the token endpoint is a class attribute of ``TokenApi`` that ignores base_url, so refreshing goes through
a small ``TokenApi`` subclass carrying the sandbox's token URL (used by ``SandboxToken`` below). Build the
``Configuration`` with no arguments and set attributes afterwards (its constructor arguments are ignored
after the first one in a process — reference/xero-sdk.md §2.6).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from typing import Any

from xerohelper.sandbox import server

DEFAULT_SCOPES = (
    "openid",
    "profile",
    "email",
    "offline_access",
    "accounting.invoices",
    "accounting.payments",
    "accounting.contacts",
    "accounting.settings.read",
)  # the granular scopes xerohelper asks for (adapters/xero_login.py, README), as a new app must


class SignInError(RuntimeError):
    """The sign-in did not end with a token set; ``details`` says what the sandbox answered."""

    def __init__(self, message: str, details: dict | None = None) -> None:
        super().__init__(message)
        self.details = details or {}


# ------------------------------------------------------------------ watching
def watch_every_sandbox(observer: Callable[[Any, Any], None]) -> Callable[[], None]:
    """Call ``observer(request, response)`` after every answer of every sandbox in this process (also
    those the app starts itself, as in demo mode). It runs on the sandbox's thread before the answer is
    sent, so the client sees the answer only after the observer has seen the request. Returns ``stop``."""
    server.EVERY_SANDBOX_OBSERVERS.append(observer)

    def stop() -> None:
        if observer in server.EVERY_SANDBOX_OBSERVERS:
            server.EVERY_SANDBOX_OBSERVERS.remove(observer)

    return stop


# ------------------------------------------------------------------ plain HTTP
def http_request(
    method: str,
    url: str,
    body: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, dict[str, str], bytes]:
    """One request, redirects not followed: (status, headers with lower-case names, body)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        data = body.encode() if isinstance(body, str) else body
        connection.request(method, target or "/", body=data, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def _form_post(url: str, fields: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    return http_request(
        "POST", url, urllib.parse.urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"}
    )


def control(base_url: str, path: str, body: dict | None = None, method: str | None = None) -> dict:
    """Call ``/_sandbox/<path>``; POST when a body is given, else GET. Raises on a non-200 answer."""
    method = method or ("POST" if body is not None else "GET")
    data = json.dumps(body).encode() if body is not None else None
    url = f"{base_url.rstrip('/')}/_sandbox/{path.lstrip('/')}"
    status, _, answer = http_request(method, url, data, {"Content-Type": "application/json"})
    document = json.loads(answer or b"{}")
    if status != 200:
        raise RuntimeError(f"sandbox control {method} {path} answered {status}: {document}")
    return document


# ------------------------------------------------------------------ sign-in
def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_url(
    base_url: str,
    client_id: str,
    redirect_uri: str,
    scopes: tuple[str, ...] | list[str],
    state: str,
    challenge: str,
) -> str:
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{base_url.rstrip('/')}/identity/connect/authorize?{query}"


def _redirect_params(location: str) -> dict[str, str]:
    return {k: v[-1] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(location).query).items()}


def _organisation_choices(html: str) -> dict[str, str]:
    """{tenant_id: organisation name} from the consent page's radio buttons."""
    found = re.findall(r'name=tenant_id value="([^"]+)"[^>]*>\s*([^<]+)</label>', html)
    return {unescape(tid): unescape(name).strip() for tid, name in found}


def connect(
    base_url: str,
    client_id: str,
    redirect_uri: str | None = None,
    scopes: tuple[str, ...] | list[str] = DEFAULT_SCOPES,
    organisation: str | None = None,
    allow: bool = True,
) -> dict:
    """Sign in as the sandbox's person and return the token set (with ``expires_at``, ``scope`` as a list).

    ``organisation`` picks one on the consent page by tenant id or name (default: the first offered).
    With ``allow=False`` the person clicks Cancel; that raises SignInError with ``details["error"]``.
    """
    base_url = base_url.rstrip("/")
    redirect_uri = redirect_uri or "http://localhost:8742/callback"
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    status, headers, body = http_request(
        "GET", authorize_url(base_url, client_id, redirect_uri, scopes, state, challenge)
    )
    if status == 200:  # the consent page
        page = body.decode("utf-8")
        request_id = re.search(r'name=request_id value="([^"]+)"', page)
        choices = _organisation_choices(page)
        if request_id is None or not choices:
            raise SignInError("the consent page had no organisation to choose", {"page": page})
        chosen = next(iter(choices))
        if organisation is not None:
            wanted = organisation.strip().lower()
            matches = [tid for tid, name in choices.items() if wanted in (tid.lower(), name.lower())]
            if not matches:
                raise SignInError(f"organisation {organisation!r} is not offered", {"offered": choices})
            chosen = matches[0]
        fields = {
            "request_id": unescape(request_id.group(1)),
            "decision": "allow" if allow else "deny",
            "tenant_id": chosen,
        }
        status, headers, body = _form_post(f"{base_url}/identity/connect/consent", fields)
    if status != 302:
        raise SignInError(
            f"authorize answered {status}", {"status": status, "body": body.decode("utf-8", "replace")}
        )
    params = _redirect_params(headers.get("location", ""))
    if params.get("state") != state:
        raise SignInError("the state did not come back unchanged", params)
    if "error" in params or "code" not in params:
        raise SignInError(f"sign-in refused: {params.get('error')}", params)
    return exchange_code(base_url, client_id, params["code"], redirect_uri, verifier)


def _token_set(answer: dict) -> dict:
    token = dict(answer)
    token["scope"] = str(token.get("scope", "")).split()
    token["expires_at"] = time.time() + int(token.get("expires_in", 0))
    return token


def exchange_code(base_url: str, client_id: str, code: str, redirect_uri: str, verifier: str) -> dict:
    status, _, body = _form_post(
        f"{base_url.rstrip('/')}/connect/token",
        {
            "grant_type": "authorization_code",
            "client_id": client_id,
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        },
    )
    if status != 200:
        raise SignInError(f"the code exchange answered {status}", {"status": status, "body": body.decode()})
    return _token_set(json.loads(body))


def refresh(base_url: str, client_id: str, refresh_token: str) -> dict:
    """Refresh as a PKCE app does (no secret). Raises SignInError with Xero's body on failure."""
    status, _, body = _form_post(
        f"{base_url.rstrip('/')}/connect/token",
        {"grant_type": "refresh_token", "client_id": client_id, "refresh_token": refresh_token},
    )
    if status != 200:
        raise SignInError(f"refresh answered {status}", {"status": status, "body": body.decode()})
    return _token_set(json.loads(body))


def revoke(base_url: str, client_id: str, refresh_token: str) -> int:
    status, _, _ = _form_post(
        f"{base_url.rstrip('/')}/connect/revocation", {"token": refresh_token, "client_id": client_id}
    )
    return status


# ------------------------------------------------------------------ the real SDK, pointed at the sandbox
@dataclass
class SdkClient:
    api_client: Any  # xero_python.api_client.ApiClient
    accounting: Any  # xero_python.accounting.AccountingApi on BASE/api.xro/2.0
    identity: Any  # xero_python.identity.IdentityApi on BASE
    token: dict  # the live token set; the SDK's saver keeps it current after a refresh


def sdk_client(base_url: str, token: dict, client_id: str | None = None, retries: bool = False) -> SdkClient:
    """A real xero-python client for the sandbox. ``client_id`` enables refreshing inside the SDK."""
    from xero_python.accounting import AccountingApi
    from xero_python.api_client import ApiClient, Configuration
    from xero_python.api_client.oauth2 import OAuth2Token, TokenApi
    from xero_python.identity import IdentityApi

    base_url = base_url.rstrip("/")

    class SandboxTokenApi(TokenApi):
        """Refresh and revoke against the sandbox, the way a PKCE app does (no client secret)."""

        refresh_token_url = f"{base_url}/connect/token"
        revoke_token_url = f"{base_url}/connect/revocation"

        def refresh_token(self, refresh_token, scope):
            response, _status, _headers = self.api_client.call_api(
                self.refresh_token_url,
                "POST",
                header_params={
                    "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                post_params={
                    "grant_type": "refresh_token",
                    "refresh_token": refresh_token,
                    "client_id": self.client_id,
                },
                auth_settings=None,
                _preload_content=False,
            )
            return self.parse_token_response(response)

    class SandboxToken(OAuth2Token):
        def can_refresh_access_token(self):
            return bool(self.refresh_token and self.client_id)

        def refresh_access_token(self, api_client):
            if not self.can_refresh_access_token():
                return False
            new_token = self.fetch_access_token(SandboxTokenApi(api_client, self.client_id, None))
            self.update_token(**new_token)
            api_client.set_oauth2_token(new_token)
            return True

    live = dict(token)
    configuration = Configuration()
    configuration.oauth2_token = SandboxToken(client_id=client_id)

    def saver(new_token: dict) -> None:
        live.clear()
        live.update(new_token)

    api_client = ApiClient(
        configuration, pool_threads=1, oauth2_token_getter=lambda: live, oauth2_token_saver=saver
    )
    if not retries:
        import urllib3

        pool = api_client.rest_client.pool_manager
        pool.connection_pool_kw["retries"] = urllib3.Retry(
            total=0, raise_on_status=False, respect_retry_after_header=False
        )
        pool.clear()
    return SdkClient(
        api_client=api_client,
        accounting=AccountingApi(api_client, base_url=f"{base_url}/api.xro/2.0"),
        identity=IdentityApi(api_client, base_url=base_url),
        token=live,
    )
