"""Talking to Xero through the official xero-python SDK, with the fixes it needs for a desktop app.

- Where Xero is: `XeroEndpoints.xero()`, or `XeroEndpoints.sandbox(base_url)` which maps every Xero origin
  (login, identity, api) onto the sandbox's origin with the same path.
- The token endpoint (code exchange, refresh, revocation) for a PKCE app: no client secret, the client id
  in the form body (`TokenEndpoint`). The SDK can't refresh PKCE tokens by itself (its OAuth2Token wants a
  secret); `PkceOAuth2Token` hands every request a valid access token from `Tokens` instead.
- `Tokens`: the access token lives in memory only; one refresh at a time (a lock); the rotated refresh token
  is saved to the keyring before the new access token is used; a refresh that another thread (or another
  xerohelper process) already did is not done twice.
- urllib3's silent retries are turned off: the SDK would otherwise sleep through a 429 or 503 for hours.
- `XeroApi.call()` runs any SDK call and turns Xero's "this sign-in is over" answers into ReconnectNeeded.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import urllib3
from xero_python.accounting import AccountingApi
from xero_python.api_client import ApiClient, Configuration
from xero_python.api_client.oauth2 import OAuth2Token
from xero_python.exceptions import ApiException, HTTPStatusException, NotFoundException
from xero_python.identity import IdentityApi

from xerohelper import __version__
from xerohelper.core.connection import (
    CONNECTED_APPS_IN_XERO,
    ConnectionProblem,
    Organisation,
    OrganisationChoice,
    ReconnectNeeded,
    ReconnectReason,
    SignInServiceBusy,
    XeroRejectedApp,
    XeroUnreachable,
)

REQUEST_TIMEOUT = (10, 60)  # seconds: to connect, then to read an answer
EXPIRY_MARGIN = 60  # refresh this many seconds before the access token runs out
ACCESS_TOKEN_SECONDS = 1800

log = logging.getLogger(__name__)

ReconnectListener = Callable[[ReconnectReason, str], None]


# ---- where Xero is ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XeroEndpoints:
    name: str  # "xero" or "sandbox": also the settings section and the keyring entry of this connection
    authorize: str
    token: str
    revocation: str
    identity_base: str  # GET /Connections, DELETE /Connections/{id}
    accounting_base: str

    @classmethod
    def xero(cls) -> XeroEndpoints:
        return cls(
            name="xero",
            authorize="https://login.xero.com/identity/connect/authorize",
            token="https://identity.xero.com/connect/token",
            revocation="https://identity.xero.com/connect/revocation",
            identity_base="https://api.xero.com",
            accounting_base="https://api.xero.com/api.xro/2.0",
        )

    @classmethod
    def sandbox(cls, base_url: str) -> XeroEndpoints:
        """Every Xero origin becomes the sandbox's origin, same path (DESIGN.md, the Xero sandbox)."""
        real = cls.xero()
        base = base_url.rstrip("/")

        def moved(url: str) -> str:
            path = url.split("://", 1)[1]
            path = path[path.find("/") :] if "/" in path else ""
            return base + path

        return cls(
            name="sandbox",
            authorize=moved(real.authorize),
            token=moved(real.token),
            revocation=moved(real.revocation),
            identity_base=moved(real.identity_base),
            accounting_base=moved(real.accounting_base),
        )


# ---- tokens ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class TokenSet:
    """One answer of Xero's token endpoint. Never printed: repr hides the tokens."""

    access_token: str
    refresh_token: str
    expires_at: float  # epoch seconds
    scopes: tuple[str, ...] = ()
    expires_in: int = ACCESS_TOKEN_SECONDS
    auth_event_id: str = field(default="", compare=False)

    def __repr__(self) -> str:
        return f"TokenSet(<hidden>, expires_at={self.expires_at:.0f}, scopes={' '.join(self.scopes)!r})"

    @classmethod
    def from_refresh_token(cls, refresh_token: str, scopes=()) -> TokenSet:
        """What a saved sign-in gives at start-up: no access token yet, so the first use refreshes."""
        return cls(
            access_token="", refresh_token=refresh_token, expires_at=0.0, scopes=tuple(scopes), expires_in=0
        )

    @classmethod
    def from_answer(cls, answer: dict, now: float | None = None) -> TokenSet:
        now = time.time() if now is None else now
        access = answer.get("access_token")
        refresh = answer.get("refresh_token")
        if not access or not refresh:
            raise XeroRejectedApp(
                "no_refresh_token",
                "Xero's answer had no refresh token: the offline_access scope was not granted.",
            )
        expires_in = int(answer.get("expires_in") or ACCESS_TOKEN_SECONDS)
        return cls(
            access_token=str(access),
            refresh_token=str(refresh),
            expires_at=now + expires_in,
            scopes=tuple(str(answer.get("scope") or "").split()),
            expires_in=expires_in,
            auth_event_id=_auth_event_id(str(access)),
        )

    def usable(self, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        return bool(self.access_token) and self.expires_at > now + EXPIRY_MARGIN

    def sdk_token(self) -> dict:
        """Shaped as xero-python requires: exactly these keys, scope as a list, expires_at set."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "scope": list(self.scopes),
            "expires_in": self.expires_in,
            "expires_at": self.expires_at,
            "token_type": "Bearer",
        }


def _auth_event_id(access_token: str) -> str:
    """Xero's access tokens are JWTs whose `authentication_event_id` marks this very sign-in's connections."""
    try:
        payload = access_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return str(claims.get("authentication_event_id") or "")
    except (IndexError, ValueError, AttributeError):
        return ""


def no_silent_retries(api_client: ApiClient) -> ApiClient:
    """Turn off urllib3's retries so 429/503 come back at once instead of sleeping (xero-python#74)."""
    pool = api_client.rest_client.pool_manager
    pool.connection_pool_kw["retries"] = urllib3.Retry(
        total=0, raise_on_status=False, respect_retry_after_header=False
    )
    pool.clear()
    return api_client


def _new_configuration() -> Configuration:
    # Configuration keeps a process-wide default and ignores constructor arguments after the first call:
    # always create it bare and set attributes (xero-sdk.md §2.6).
    return Configuration()


class TokenEndpoint:
    """Xero's token and revocation endpoints, as a PKCE app uses them (client id in the body, no secret)."""

    def __init__(self, endpoints: XeroEndpoints, client_id: str, timeout=REQUEST_TIMEOUT) -> None:
        self.endpoints = endpoints
        self.client_id = client_id
        self.timeout = timeout
        self._client = no_silent_retries(ApiClient(_new_configuration(), pool_threads=1))
        self._client.user_agent = f"xerohelper/{__version__} {self._client.user_agent}"

    def exchange_code(self, code: str, redirect: str, verifier: str) -> TokenSet:
        answer = self._post(
            self.endpoints.token,
            {
                "grant_type": "authorization_code",
                "client_id": self.client_id,
                "code": code,
                "redirect_uri": redirect,
                "code_verifier": verifier,
            },
            ends_sign_in=False,  # invalid_grant here: the code was late or used, not the end of a sign-in
        )
        return TokenSet.from_answer(answer)

    def refresh(self, refresh_token: str) -> TokenSet:
        answer = self._post(
            self.endpoints.token,
            {"grant_type": "refresh_token", "client_id": self.client_id, "refresh_token": refresh_token},
            ends_sign_in=True,
        )
        return TokenSet.from_answer(answer)

    def revoke(self, refresh_token: str) -> None:
        """Ends the sign-in and removes all its connections in Xero. Already revoked counts as done."""
        with contextlib.suppress(ReconnectNeeded):
            self._post(
                self.endpoints.revocation,
                {"token": refresh_token, "client_id": self.client_id},
                ends_sign_in=True,
            )

    def _post(self, url: str, form: dict, ends_sign_in: bool) -> dict:
        try:
            response, _status, _headers = self._client.call_api(
                url,
                "POST",
                header_params={
                    "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                post_params=form,
                auth_settings=None,
                _preload_content=False,
                _request_timeout=self.timeout,
            )
        except HTTPStatusException as err:
            error = str(_json_body(err).get("error") or "")
            log.info("Xero's token endpoint answered %s %s", err.status, error)
            if err.status == 429 or err.status >= 500:
                raise SignInServiceBusy(err.status, _retry_after_seconds(err)) from err
            if error == "invalid_grant" and ends_sign_in:
                raise ReconnectNeeded(ReconnectReason.SIGN_IN_ENDED, "invalid_grant") from err
            if error:
                raise XeroRejectedApp(error, f"HTTP {err.status}: {error}") from err
            raise XeroUnreachable(f"Xero's sign-in service answered HTTP {err.status}") from err
        except (urllib3.exceptions.HTTPError, ApiException, OSError) as err:
            raise XeroUnreachable(f"{type(err).__name__}: {err}") from err
        text = response.data.decode("utf-8") if response.data else ""
        response.release_conn()
        try:
            return json.loads(text) if text.strip() else {}
        except ValueError as err:
            raise XeroUnreachable("Xero's sign-in service sent an answer that is not JSON") from err


class Tokens:
    """The connection's tokens, safe to use from several threads.

    `persist(token_set)` is called with every new token set *before* it is used (it saves the rotated refresh
    token to the keyring); if it fails, the new set is not used and the old refresh token, which Xero
    still accepts for 30 minutes, is kept. `latest_saved()` returns the refresh token in the keyring, so
    that a rotation done by another xerohelper process is picked up instead of refreshing a stale token.
    """

    def __init__(
        self,
        endpoint: TokenEndpoint,
        current: TokenSet,
        persist: Callable[[TokenSet], None],
        latest_saved: Callable[[], str | None] | None = None,
        on_reconnect_needed: ReconnectListener | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._current = current
        self._persist = persist
        self._latest_saved = latest_saved
        self._on_reconnect_needed = on_reconnect_needed
        self._lock = threading.Lock()
        self._ended: ReconnectNeeded | None = None  # Xero ended the sign-in: no more refresh attempts
        self._untold: ReconnectNeeded | None = None  # ... and the listener has not heard of it yet
        self.refresh_count = 0  # refreshes done by this object (for tests and the benchmarks)

    @property
    def client_id(self) -> str:
        return self.endpoint.client_id

    def current(self) -> TokenSet:
        with self._lock:
            return self._current

    def access_token(self) -> str:
        """A valid access token, refreshing first if it runs out within a minute."""
        try:
            with self._lock:
                if not self._current.usable():
                    self._refresh_locked()
                return self._current.access_token
        finally:
            self._tell_if_ended()

    def refresh(self, rejected: TokenSet | None = None) -> TokenSet:
        """Refresh now; with `rejected`, only if the current set is still that one (else it's done)."""
        try:
            with self._lock:
                if rejected is None or self._current is rejected:
                    self._refresh_locked()
                return self._current
        finally:
            self._tell_if_ended()

    def sdk_token(self) -> dict:
        return self.current().sdk_token()

    def save_again(self) -> None:
        """Save the current set once more (e.g. when the organisation changed), in turn with refreshes."""
        with self._lock:
            self._persist(self._current)

    def _tell_if_ended(self) -> None:
        """Tell the listener (outside the lock, once) that Xero ended the sign-in."""
        with self._lock:
            problem, self._untold = self._untold, None
        if problem is not None and self._on_reconnect_needed is not None:
            self._on_reconnect_needed(problem.reason, problem.details)

    def _refresh_locked(self) -> None:
        if self._ended is not None:
            raise ReconnectNeeded(self._ended.reason, self._ended.details)
        refresh_token = self._current.refresh_token
        if self._latest_saved is not None:
            saved = self._latest_saved()
            if saved and saved != refresh_token:
                log.info("another xerohelper window refreshed the Xero sign-in; using its refresh token")
                refresh_token = saved
        try:
            new = self.endpoint.refresh(refresh_token)
        except ReconnectNeeded as problem:
            self._ended = self._untold = problem
            raise
        self._persist(new)  # the rotated refresh token is saved before the new access token is used
        self._current = new
        self.refresh_count += 1
        log.info("refreshed the Xero access token (valid for %s s)", new.expires_in)


class PkceOAuth2Token(OAuth2Token):
    """The SDK's token object for a PKCE app: every request asks `Tokens` for a valid access token.

    The SDK's own refresh needs a client secret and would quietly give up (xero-sdk.md §2.3); and its
    token object is shared by every thread using the client, so nothing here keeps token state of its own.
    """

    def __init__(self, tokens: Tokens) -> None:
        super().__init__(client_id=tokens.client_id, client_secret=None)
        self._tokens = tokens

    def can_refresh_access_token(self) -> bool:
        return bool(self._tokens.current().refresh_token and self.client_id)

    def refresh_access_token(self, api_client) -> bool:
        self._tokens.refresh()
        return True

    def revoke_access_token(self, api_client) -> bool:
        self._tokens.endpoint.revoke(self._tokens.current().refresh_token)
        return True

    def create_auth_settings(self, api_client) -> dict:
        return {
            "type": "oauth2",
            "in": "header",
            "key": "Authorization",
            "value": f"Bearer {self._tokens.access_token()}",
        }


def build_api_client(tokens: Tokens) -> ApiClient:
    cfg = _new_configuration()
    cfg.oauth2_token = PkceOAuth2Token(tokens)
    client = ApiClient(
        cfg,
        pool_threads=1,
        oauth2_token_getter=tokens.sdk_token,
        oauth2_token_saver=_tokens_are_saved_by_tokens,
    )
    client.user_agent = f"xerohelper/{__version__} {client.user_agent}"
    return no_silent_retries(client)


def _tokens_are_saved_by_tokens(token: dict) -> None:
    """The SDK's saver hook. Unused: `Tokens` saves every new refresh token itself, before it is used."""


# ---- reading and calling Xero ----------------------------------------------------------------------------


class XeroApi:
    """One connection's SDK clients (AccountingApi, IdentityApi) and the calls the connection needs."""

    def __init__(
        self,
        endpoints: XeroEndpoints,
        tokens: Tokens,
        on_reconnect_needed: ReconnectListener | None = None,
        timeout=REQUEST_TIMEOUT,
    ) -> None:
        self.endpoints = endpoints
        self.tokens = tokens
        self.timeout = timeout
        self._on_reconnect_needed = on_reconnect_needed
        self.api_client = build_api_client(tokens)
        self.accounting = AccountingApi(self.api_client, base_url=endpoints.accounting_base)
        self.identity = IdentityApi(self.api_client, base_url=endpoints.identity_base)

    def call(self, method: Callable, *args, **kwargs):
        """Run one SDK call (e.g. `api.call(api.accounting.get_invoices, tenant_id)`).

        An expired access token is refreshed once and the call repeated. Xero's answers that mean the
        sign-in or the organisation is gone become ReconnectNeeded (and the listener hears of it); every
        other SDK error is raised unchanged for the caller to explain. No connection → XeroUnreachable.
        """
        kwargs.setdefault("_request_timeout", self.timeout)
        for attempt in (1, 2):
            used = self.tokens.current()
            try:
                return method(*args, **kwargs)
            except HTTPStatusException as err:
                reason, detail = _reconnect_reason(err)
                if reason is None and detail.startswith("TokenExpired") and attempt == 1:
                    log.info("Xero says the access token expired; refreshing once and trying again")
                    self.tokens.refresh(rejected=used)
                    continue
                if reason is not None:
                    said = f"HTTP {err.status} {detail}".strip()
                    log.warning("Xero ended the connection: %s", said)
                    if self._on_reconnect_needed is not None:
                        self._on_reconnect_needed(reason, said)
                    raise ReconnectNeeded(reason, said) from err
                raise
            except urllib3.exceptions.HTTPError as err:
                raise XeroUnreachable(f"{type(err).__name__}: {err}") from err
        raise AssertionError("unreachable")  # pragma: no cover

    def organisations_allowed(self) -> list[OrganisationChoice]:
        """The organisations this sign-in may use (GET /Connections), organisations only (no practices)."""
        connections = self.call(self.identity.get_connections) or []
        newest_event = self.tokens.current().auth_event_id
        return [
            OrganisationChoice(
                tenant_id=str(c.tenant_id),
                name=str(c.tenant_name or ""),
                connection_id=str(c.id),
                newly_allowed=bool(newest_event) and str(c.auth_event_id or "") == newest_event,
            )
            for c in connections
            if str(c.tenant_type or "ORGANISATION").upper() == "ORGANISATION"
        ]

    def organisation(self, tenant_id: str, connection_id: str = "") -> Organisation:
        """Name, ShortCode (for deep links), base currency and lock dates (GET /Organisation)."""
        answer = self.call(self.accounting.get_organisations, tenant_id)
        org = answer.organisations[0]
        currency = org.base_currency
        return Organisation(
            tenant_id=tenant_id,
            name=str(org.name or ""),
            short_code=str(org.short_code or ""),
            connection_id=connection_id,
            base_currency=str(getattr(currency, "value", currency) or ""),
            period_lock_date=org.period_lock_date,
            end_of_year_lock_date=org.end_of_year_lock_date,
        )

    def delete_connection(self, connection_id: str) -> None:
        """Remove one organisation from this sign-in in Xero (DELETE /Connections/{id}); gone is fine."""
        try:
            self.call(self.identity.delete_connection, connection_id)
        except NotFoundException:
            log.info("the connection was already removed in Xero")
        except HTTPStatusException as err:
            raise ConnectionProblem(
                "Xero did not remove xerohelper's connection to your organisation.",
                f"Open {CONNECTED_APPS_IN_XERO} in Xero and disconnect xerohelper there.",
                details=f"HTTP {err.status} {_json_body(err) or ''}".strip(),
            ) from err


def _reconnect_reason(err: HTTPStatusException) -> tuple[ReconnectReason | None, str]:
    """Which of Xero's answers mean "reconnect", and Xero's short detail text."""
    body = _json_body(err)
    lowered = {str(k).lower(): v for k, v in body.items()}
    detail = str(lowered.get("detail") or lowered.get("error") or "")
    if err.status == 400 and lowered.get("error") == "invalid_grant":
        return ReconnectReason.SIGN_IN_ENDED, detail
    if err.status == 401 and detail == "AuthenticationUnsuccessful":
        return ReconnectReason.ACCESS_REFUSED, detail
    if err.status == 403 and detail == "AuthenticationUnsuccessful":
        return ReconnectReason.ORGANISATION_DISCONNECTED, detail
    return None, detail


def _retry_after_seconds(err: ApiException) -> float | None:
    """Xero's Retry-After header (whole seconds), if it sent one."""
    headers = err.headers or {}
    try:
        value = str(headers.get("Retry-After") or "").strip()
    except AttributeError:
        return None
    return float(value) if value.isdigit() else None


def _json_body(err: ApiException) -> dict:
    try:
        body = json.loads((err.body or b"").decode("utf-8"))
    except (ValueError, AttributeError):
        return {}
    return body if isinstance(body, dict) else {}
