"""Sign-in and tokens, as Xero's identity service checks them (reference/xero-oauth.md §1-§2).

- ``GET /identity/connect/authorize``: known client id, redirect URI matched exactly, known scopes,
  ``response_type=code``, an S256 ``code_challenge``. The app is one created since 2 March 2026: it may ask
  only for granular scopes, and the broad ones are refused as an unknown scope is (option
  ``broad_scopes_allowed`` models an older app, which may use them until September 2027). A wrong client
  or redirect URI shows an error page (the app is never told); other problems go back to the redirect URI
  with ``error=``. Then the consent page (choose an organisation, Allow / Cancel) or, with auto-consent,
  straight back with ``code`` and ``state``. An app at its tier's connection cap (``connection_limit``)
  cannot connect another organisation.
- ``POST /connect/token``: ``authorization_code`` (single use, 5 minutes, same redirect URI, PKCE
  verifier) and ``refresh_token`` (rotated on every use; the previous one still works for 30 minutes;
  unused ones die after 60 days). Failures answer the compact ``{"error":"invalid_grant"}``.
  A refresh token is only issued with ``offline_access``; an id_token only with ``openid``.
- ``POST /connect/revocation``: revokes the token family and removes the person's connections to the app.
- ``GET /connections`` (``?authEventId=``) and ``DELETE /connections/{id}``.
- API calls: ``Authorization: Bearer`` checked here (401 bodies), then the tenant (403).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import urllib.parse
from collections.abc import Iterable
from datetime import datetime, timedelta

from xerohelper.sandbox import consent_page, messages
from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.responses import (
    Response,
    authentication_unsuccessful,
    html_response,
    plain_json,
    redirect,
    text_response,
    token_error,
    token_expired,
)
from xerohelper.sandbox.settings import SandboxSettings
from xerohelper.sandbox.store import (
    AccessToken,
    AuthCode,
    Connection,
    Grant,
    PendingConsent,
    RefreshToken,
    World,
)
from xerohelper.sandbox.xero_wire import identity_datetime, new_guid

ISSUER = "https://identity.xero.com"
KNOWN_SCOPES = frozenset(
    (
        "openid",
        "profile",
        "email",
        "offline_access",
        "accounting.transactions",
        "accounting.transactions.read",
        "accounting.invoices",
        "accounting.invoices.read",
        "accounting.payments",
        "accounting.payments.read",
        "accounting.banktransactions",
        "accounting.banktransactions.read",
        "accounting.manualjournals",
        "accounting.manualjournals.read",
        "accounting.contacts",
        "accounting.contacts.read",
        "accounting.settings",
        "accounting.settings.read",
        "accounting.attachments",
        "accounting.attachments.read",
        "accounting.reports.read",
        "accounting.reports.aged.read",
        "accounting.reports.balancesheet.read",
        "accounting.reports.profitandloss.read",
        "accounting.reports.trialbalance.read",
        "accounting.budgets.read",
        "accounting.journals.read",
    )
)
# Broad scopes that apps created on or after 2 March 2026 cannot ask for; older apps may until September
# 2027 (reference/xero-oauth.md §3.2, developer.xero.com/faq/granular-scopes: "Apps created on or after
# 2 March 2026 will use the new granular scopes"; deprecated: accounting.transactions (+ .read) and
# accounting.reports.read). Xero shows the error page it shows for a scope it does not know (§2.2;
# xero-errors.jsonl "unauthorized_client : Invalid scope for client", cause: "broad scopes not available
# to apps created after 2 Mar 2026").
BROAD_SCOPES = frozenset(
    ("accounting.transactions", "accounting.transactions.read", "accounting.reports.read")
)
_VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_CHALLENGE = re.compile(r"^[A-Za-z0-9\-_]{43}$")


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Identity:
    """The identity side of the sandbox. Call everything with ``world.lock`` held (the server does)."""

    def __init__(self, world: World, clock: Clock, settings: SandboxSettings) -> None:
        self.world = world
        self.clock = clock
        self.settings = settings
        self._signing_key = secrets.token_bytes(32)

    # ------------------------------------------------------------------ helpers
    def _now(self) -> datetime:
        return self.clock.now()

    def _scope_key(self, user_id: str, client_id: str) -> str:
        return f"{user_id}|{client_id}"

    def _jwt(self, claims: dict) -> str:
        header = _b64(json.dumps({"alg": "HS256", "kid": "xero-sandbox", "typ": "JWT"}).encode())
        body = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(self._signing_key, f"{header}.{body}".encode(), hashlib.sha256).digest()
        return f"{header}.{body}.{_b64(signature)}"

    def scopes_for_this_app(self) -> frozenset[str]:
        """What the registered app may ask for: granular scopes only, unless it predates 2 March 2026."""
        return KNOWN_SCOPES if self.settings.broad_scopes_allowed else KNOWN_SCOPES - BROAD_SCOPES

    def organisations_for(self, user_id: str) -> list[tuple[str, str]]:
        user = self.world.users[user_id]
        return [
            (tid, self.world.organisations[tid].organisation.name)
            for tid in user.tenant_ids
            if tid in self.world.organisations
        ]

    def _auto_consent_tenants(self, user_id: str) -> list[str]:
        available = self.organisations_for(user_id)
        wanted = self.settings.auto_consent_tenants
        if wanted is None:
            return [available[0][0]] if available else []
        if wanted == "all":
            return [tid for tid, _ in available]
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        lowered = {name.strip().lower() for name in names}
        return [tid for tid, name in available if tid in lowered or name.lower() in lowered]

    # ------------------------------------------------------------------ authorize and consent
    def authorize(self, query: dict[str, str]) -> Response:
        client_id = query.get("client_id", "")
        redirect_uri = query.get("redirect_uri", "")
        if client_id != self.settings.client_id:
            return html_response(400, consent_page.error(500, messages.UNKNOWN_CLIENT))
        if redirect_uri not in self.settings.redirect_uris:
            return html_response(400, consent_page.error(500, messages.INVALID_REDIRECT_URI))
        state = query.get("state")
        scopes = query.get("scope", "").split()
        if not scopes or any(scope not in self.scopes_for_this_app() for scope in scopes):
            return html_response(400, consent_page.error(500, messages.INVALID_SCOPE_FOR_CLIENT))
        if query.get("response_type") != "code":
            return self._redirect_error(redirect_uri, "unsupported_response_type", state)
        challenge = query.get("code_challenge", "")
        if query.get("code_challenge_method") != "S256" or not _CHALLENGE.match(challenge):
            return self._redirect_error(
                redirect_uri, messages.INVALID_REQUEST, state, "code challenge required (S256)"
            )
        user = self.world.default_user
        pending = PendingConsent(
            request_id=secrets.token_urlsafe(16),
            client_id=client_id,
            redirect_uri=redirect_uri,
            scopes=scopes,
            state=state,
            code_challenge=challenge,
            nonce=query.get("nonce"),
            created=self._now(),
        )
        if self.settings.auto_consent:
            tenants = self._auto_consent_tenants(user.user_id)
            if self._over_connection_limit(client_id, tenants):  # the person could only cancel
                return self._redirect_error(
                    redirect_uri, "access_denied", state, messages.CONNECTION_LIMIT_REACHED
                )
            return self._grant_consent(pending, user.user_id, tenants)
        self.world.pending[pending.request_id] = pending
        return self._consent_page(pending, user.user_id)

    def _consent_page(self, pending: PendingConsent, user_id: str, error: str | None = None) -> Response:
        user = self.world.users[user_id]
        over_the_cap = frozenset(
            tid
            for tid, _ in self.organisations_for(user_id)
            if self._over_connection_limit(pending.client_id, [tid])
        )
        html = consent_page.consent(
            app_name=self.settings.app_name,
            request_id=pending.request_id,
            person=f"{user.given_name} {user.family_name} ({user.email})",
            scopes=pending.scopes,
            organisations=self.organisations_for(user_id),
            error=error or (messages.CONNECTION_LIMIT_REACHED if over_the_cap else None),
            over_the_cap=over_the_cap,
        )
        return html_response(200, html)

    def consent(self, form: dict[str, list[str]]) -> Response:
        request_id = (form.get("request_id") or [""])[0]
        pending = self.world.pending.get(request_id)
        if pending is None or self._now() - pending.created > timedelta(minutes=30):
            return html_response(
                400, consent_page.error(400, "This sign-in request has expired. Start again.")
            )
        user = self.world.default_user
        decision = (form.get("decision") or ["allow"])[0]
        if decision != "allow":
            del self.world.pending[request_id]
            return self._redirect_error(pending.redirect_uri, "access_denied", pending.state)
        allowed = {tid for tid, _ in self.organisations_for(user.user_id)}
        chosen = [tid for tid in form.get("tenant_id", []) if tid in allowed]
        if not chosen:
            return self._consent_page(pending, user.user_id, "Choose an organisation to connect.")
        if self._over_connection_limit(pending.client_id, chosen):
            return self._consent_page(pending, user.user_id, messages.CONNECTION_LIMIT_REACHED)
        del self.world.pending[request_id]
        return self._grant_consent(pending, user.user_id, chosen)

    def _over_connection_limit(self, client_id: str, tenant_ids: Iterable[str]) -> bool:
        """Would connecting these organisations take the app over its tier's cap (limits.DEVELOPER_TIERS)?"""
        cap = self.settings.connection_limit
        if cap is None:
            return False
        connected = {
            c.tenant_id for c in self.world.connections.values() if c.active and c.client_id == client_id
        }
        return len(connected | set(tenant_ids)) > cap

    def _grant_consent(self, pending: PendingConsent, user_id: str, tenant_ids: Iterable[str]) -> Response:
        now = self._now()
        auth_event_id = new_guid()
        key = self._scope_key(user_id, pending.client_id)
        scopes = list(dict.fromkeys([*self.world.consented_scopes.get(key, []), *pending.scopes]))
        self.world.consented_scopes[key] = scopes
        chosen = list(tenant_ids)
        for tenant_id in chosen:
            self._connect(user_id, pending.client_id, tenant_id, auth_event_id, now)
        code = AuthCode(
            code=secrets.token_hex(32).upper(),
            client_id=pending.client_id,
            redirect_uri=pending.redirect_uri,
            code_challenge=pending.code_challenge,
            scopes=scopes,
            user_id=user_id,
            tenant_ids=chosen,
            auth_event_id=auth_event_id,
            issued=now,
            expires=now + timedelta(seconds=self.settings.code_seconds),
            nonce=pending.nonce,
        )
        self.world.codes[code.code] = code
        self._forget_expired(now)
        params = {"code": code.code, "scope": " ".join(pending.scopes)}
        if pending.state is not None:
            params["state"] = pending.state
        params["session_state"] = secrets.token_urlsafe(24)
        return redirect(_with_query(pending.redirect_uri, params))

    def _connect(
        self, user_id: str, client_id: str, tenant_id: str, auth_event_id: str, now: datetime
    ) -> None:
        for connection in self.world.connections.values():
            if (connection.user_id, connection.client_id, connection.tenant_id) == (
                user_id,
                client_id,
                tenant_id,
            ):
                connection.active = True
                connection.auth_event_id = auth_event_id
                connection.updated = now
                return
        connection = Connection(new_guid(), user_id, client_id, tenant_id, auth_event_id, now, now)
        self.world.connections[connection.connection_id] = connection

    def _redirect_error(
        self, redirect_uri: str, error: str, state: str | None, description: str | None = None
    ) -> Response:
        params = {"error": error}
        if description:
            params["error_description"] = description
        if state is not None:
            params["state"] = state
        return redirect(_with_query(redirect_uri, params))

    # ------------------------------------------------------------------ token endpoint
    def token(self, form: dict[str, str]) -> Response:
        grant_type = form.get("grant_type", "")
        if grant_type not in ("authorization_code", "refresh_token"):
            return token_error(messages.UNSUPPORTED_GRANT_TYPE)
        if form.get("client_id") != self.settings.client_id:
            return token_error(messages.INVALID_CLIENT)
        if grant_type == "authorization_code":
            return self._exchange_code(form)
        return self._refresh(form)

    def _exchange_code(self, form: dict[str, str]) -> Response:
        now = self._now()
        code = self.world.codes.get(form.get("code", ""))
        if code is None or code.used or now >= code.expires or code.client_id != form.get("client_id"):
            return token_error(messages.INVALID_GRANT)
        if form.get("redirect_uri") != code.redirect_uri:
            return token_error(messages.INVALID_GRANT)
        verifier = form.get("code_verifier", "")
        if not _VERIFIER.match(verifier) or not hmac.compare_digest(s256(verifier), code.code_challenge):
            return token_error(messages.INVALID_GRANT)
        code.used = True
        grant = Grant(new_guid(), code.user_id, code.client_id, list(code.scopes), code.auth_event_id, now)
        self.world.grants[grant.grant_id] = grant
        return plain_json(200, self._issue(grant, now, nonce=code.nonce))

    def _refresh(self, form: dict[str, str]) -> Response:
        now = self._now()
        presented = form.get("refresh_token", "")
        if not presented:
            return token_error(messages.INVALID_REQUEST)
        record = self.world.refresh_tokens.get(presented)
        if record is None:
            return token_error(messages.INVALID_GRANT)
        grant = self.world.grants.get(record.grant_id)
        if (
            grant is None
            or grant.revoked
            or grant.client_id != form.get("client_id")
            or now >= record.expires
        ):
            return token_error(messages.INVALID_GRANT)
        if record.rotated_at is not None and now > record.rotated_at + timedelta(
            seconds=self.settings.refresh_grace_seconds
        ):
            return token_error(messages.INVALID_GRANT)
        if record.rotated_at is None:
            record.rotated_at = now
        return plain_json(200, self._issue(grant, now))

    def _issue(self, grant: Grant, now: datetime, nonce: str | None = None) -> dict:
        """A token answer with exactly Xero's keys (the SDK passes the dict to update_token(**token))."""
        user = self.world.users[grant.user_id]
        lifetime = self.settings.access_token_seconds
        expires = now + timedelta(seconds=lifetime)
        claims = {
            "nbf": int(now.timestamp()),
            "exp": int(expires.timestamp()),
            "iss": ISSUER,
            "aud": f"{ISSUER}/resources",
            "client_id": grant.client_id,
            "sub": user.user_id.replace("-", ""),
            "auth_time": int(grant.created.timestamp()),
            "xero_userid": user.user_id,
            "global_session_id": grant.grant_id.replace("-", ""),
            "sid": grant.grant_id.replace("-", "").upper(),
            "authentication_event_id": grant.auth_event_id,
            "jti": secrets.token_hex(16).upper(),
            "scope": grant.scopes,
            "amr": ["pwd"],
        }
        access = self._jwt(claims)
        self._forget_expired(now)
        self.world.access_tokens[access] = AccessToken(
            access, grant.grant_id, list(grant.scopes), now, expires
        )
        answer: dict = {}
        if "openid" in grant.scopes:
            id_claims = {
                "nbf": int(now.timestamp()),
                "exp": int((now + timedelta(minutes=5)).timestamp()),
                "iss": ISSUER,
                "aud": grant.client_id,
                "iat": int(now.timestamp()),
                "sub": user.user_id.replace("-", ""),
                "xero_userid": user.user_id,
                "global_session_id": grant.grant_id.replace("-", ""),
                "preferred_username": user.email,
                "email": user.email,
                "given_name": user.given_name,
                "family_name": user.family_name,
                "amr": ["pwd"],
            }
            if nonce:
                id_claims["nonce"] = nonce
            answer["id_token"] = self._jwt(id_claims)
        answer["access_token"] = access
        answer["expires_in"] = lifetime
        answer["token_type"] = "Bearer"
        if "offline_access" in grant.scopes:
            refresh = secrets.token_hex(32)
            self.world.refresh_tokens[refresh] = RefreshToken(
                refresh, grant.grant_id, now, now + timedelta(days=self.settings.refresh_token_days)
            )
            answer["refresh_token"] = refresh
        answer["scope"] = " ".join(grant.scopes)
        return answer

    # ------------------------------------------------------------------ revocation
    def revoke(self, form: dict[str, str]) -> Response:
        if form.get("client_id") != self.settings.client_id:
            return token_error(messages.INVALID_CLIENT)
        token = form.get("token", "")
        grant_id = None
        if token in self.world.refresh_tokens:
            grant_id = self.world.refresh_tokens[token].grant_id
        elif token in self.world.access_tokens:
            grant_id = self.world.access_tokens[token].grant_id
        grant = self.world.grants.get(grant_id) if grant_id else None
        if grant is not None and grant.client_id == form.get("client_id"):
            self.revoke_app_for_user(grant.user_id, grant.client_id)
        return Response(200, b"", None)

    def revoke_app_for_user(self, user_id: str, client_id: str) -> int:
        """What revocation does: every token family of this person for this app dies, connections go."""
        revoked = 0
        for grant in self.world.grants.values():
            if grant.user_id == user_id and grant.client_id == client_id and not grant.revoked:
                grant.revoked = True
                revoked += 1
        for access in self.world.access_tokens.values():
            grant = self.world.grants.get(access.grant_id)
            if grant is not None and grant.revoked:
                access.revoked = True
        for connection in self.world.connections.values():
            if connection.user_id == user_id and connection.client_id == client_id:
                connection.active = False
        self.world.consented_scopes.pop(self._scope_key(user_id, client_id), None)
        return revoked

    # ------------------------------------------------------------------ API authentication
    def authenticate(self, authorization: str | None) -> tuple[AccessToken, Grant] | Response:
        if not authorization or not authorization.startswith("Bearer "):
            return authentication_unsuccessful()
        token = authorization[len("Bearer ") :].strip()
        access = self.world.access_tokens.get(token)
        if access is None or access.revoked:
            return authentication_unsuccessful()
        grant = self.world.grants.get(access.grant_id)
        if grant is None or grant.revoked:
            return authentication_unsuccessful()
        if self._now() >= access.expires:
            return token_expired(messages.token_expired_text(access.expires))
        return access, grant

    def tenant_connected(self, grant: Grant, tenant_id: str | None) -> bool:
        if not tenant_id:
            return False
        wanted = tenant_id.strip().lower()
        return any(
            c.active
            and c.tenant_id == wanted
            and c.user_id == grant.user_id
            and c.client_id == grant.client_id
            for c in self.world.connections.values()
        )

    # ------------------------------------------------------------------ connections
    def _connections_of(self, grant: Grant) -> list[Connection]:
        found = [
            c
            for c in self.world.connections.values()
            if c.active and c.user_id == grant.user_id and c.client_id == grant.client_id
        ]
        return sorted(found, key=lambda c: c.created)

    def list_connections(self, grant: Grant, auth_event_id: str | None) -> Response:
        rows = []
        for connection in self._connections_of(grant):
            if auth_event_id and connection.auth_event_id != auth_event_id.strip().lower():
                continue
            ledger = self.world.organisations.get(connection.tenant_id)
            rows.append(
                {
                    "id": connection.connection_id,
                    "authEventId": connection.auth_event_id,
                    "tenantId": connection.tenant_id,
                    "tenantType": "ORGANISATION",
                    "tenantName": ledger.organisation.name if ledger else "",
                    "createdDateUtc": identity_datetime(connection.created),
                    "updatedDateUtc": identity_datetime(connection.updated),
                }
            )
        return plain_json(200, rows)

    def delete_connection(self, grant: Grant, connection_id: str) -> Response:
        for connection in self._connections_of(grant):
            if connection.connection_id == connection_id.strip().lower():
                connection.active = False
                connection.updated = self._now()
                return Response(204, b"", None)
        return text_response(404, "")

    def remove_tenant_connections(self, tenant_id: str) -> int:
        """As if the person clicked Disconnect in Xero's Connected Apps for this organisation."""
        removed = 0
        for connection in self.world.connections.values():
            if connection.tenant_id == tenant_id and connection.active:
                connection.active = False
                connection.updated = self._now()
                removed += 1
        return removed

    def expire_access_tokens(self) -> int:
        now = self._now()
        count = 0
        for access in self.world.access_tokens.values():
            if access.expires > now:
                access.expires = now
                count += 1
        return count

    def discovery(self, base_url: str) -> Response:
        return plain_json(
            200,
            {
                "issuer": ISSUER,
                "authorization_endpoint": f"{base_url}/identity/connect/authorize",
                "token_endpoint": f"{base_url}/connect/token",
                "revocation_endpoint": f"{base_url}/connect/revocation",
                "scopes_supported": sorted(self.scopes_for_this_app()),
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code", "refresh_token"],
                "code_challenge_methods_supported": ["S256"],
            },
        )

    def _forget_expired(self, now: datetime) -> None:
        """Drop long-dead codes and access tokens so a long-running sandbox does not grow without end."""
        if len(self.world.codes) + len(self.world.access_tokens) < 2000:
            return
        day_ago = now - timedelta(days=1)
        for code in [c for c, record in self.world.codes.items() if record.expires < day_ago]:
            del self.world.codes[code]
        for token in [t for t, record in self.world.access_tokens.items() if record.expires < day_ago]:
            del self.world.access_tokens[token]


def _with_query(uri: str, params: dict[str, str]) -> str:
    separator = "&" if urllib.parse.urlsplit(uri).query else "?"
    return uri + separator + urllib.parse.urlencode(params)
