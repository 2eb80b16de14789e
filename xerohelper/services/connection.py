"""Connecting xerohelper to Xero: sign in, choose the organisation, stay connected, reconnect, disconnect.

Blocking calls, meant to run on a worker thread (the window never calls them on the GUI thread); every
method is safe to call from any thread. A sign-in can be cancelled from another thread with `cancel()`,
and reports its steps through a `progress` callback (called on the worker thread).

    service = ConnectionService.for_xero()            # or .for_sandbox(base_url)
    choices = service.sign_in(progress=..., cancel=...)  # browser, code exchange, GET /Connections
    organisation = service.choose_organisation(choices[0].tenant_id)
    api = service.api()                                # XeroApi for the other services
    service.status()                                   # no network; .check() asks Xero

When Xero ends the connection (any call, any thread) the service enters "reconnect needed" with the reason,
remembers it in the settings. It never touches pending work: `connect()` again signs in, goes back to the
same organisation, and the work carries on where it stopped.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.built_in_app import built_in_client_id
from xerohelper.adapters.settings import (
    CLIENT_ID_ENV,
    Settings,
)
from xerohelper.adapters.settings import SettingsFileDamaged as SettingsFileDamaged  # the commands catch it
from xerohelper.adapters.token_store import SavedSignIn, TokenStore
from xerohelper.adapters.xero_api import TokenEndpoint, Tokens, TokenSet, XeroApi, XeroEndpoints
from xerohelper.core.connection import (
    LOGIN_TIMEOUT_SECONDS,
    ClientIdMissing,
    ConnectionProblem,
    ConnectionState,
    ConnectionStatus,
    NotConnected,
    OrganisationChoice,
    ReconnectNeeded,
    ReconnectReason,
)
from xerohelper.services.connection_settings import ConnectionSettingsKept
from xerohelper.services.signing_in import Chooser as Chooser  # the names the callers import from here
from xerohelper.services.signing_in import OrganisationChoiceNeeded as OrganisationChoiceNeeded
from xerohelper.services.signing_in import Progress as Progress
from xerohelper.services.signing_in import SigningIn, _open_in_system_browser

log = logging.getLogger(__name__)


class NotASandboxAddress(ValueError):
    def __init__(self, given: str) -> None:
        super().__init__(
            f"--sandbox needs the sandbox's address, like http://127.0.0.1:8900, not {given!r}. "
            "'xerohelper sandbox' prints it when it starts."
        )


@dataclass(frozen=True)
class DisconnectResult:
    told_xero: bool  # False: forgotten on this computer, but Xero could not be told (offline…)
    words: str


class ConnectionService(ConnectionSettingsKept, SigningIn):
    def __init__(
        self,
        endpoints: XeroEndpoints,
        folders: AppFolders | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        open_browser: Callable[[str], bool] | None = None,
        token_store: TokenStore | None = None,
        login_timeout: float = LOGIN_TIMEOUT_SECONDS,
        client_id: str = "",
        default_client_id: str = "",
    ) -> None:
        self.endpoints = endpoints
        self.folders = folders or AppFolders.for_this_user()
        self._environ = os.environ if environ is None else environ
        self._open_browser = open_browser or _open_in_system_browser
        self._store = token_store or TokenStore(endpoints.name)
        self._login_timeout = login_timeout
        self._client_id_override = client_id
        self._default_client_id = default_client_id
        self._lock = threading.RLock()
        self._settings = Settings.load(self.folders.settings)
        self._api: XeroApi | None = None
        self._choices: list[OrganisationChoice] = []
        self._cancel: threading.Event | None = None

    @classmethod
    def for_xero(cls, **kwargs) -> ConnectionService:
        return cls(XeroEndpoints.xero(), **kwargs)

    @classmethod
    def for_sandbox(cls, base_url: str, **kwargs) -> ConnectionService:
        """The sandbox at base_url; without a client id set anywhere, the sandbox's own one."""
        from xerohelper.sandbox import DEFAULT_CLIENT_ID

        kwargs.setdefault("default_client_id", DEFAULT_CLIENT_ID)
        return cls(XeroEndpoints.sandbox(base_url), **kwargs)

    @classmethod
    def for_command_line(cls, sandbox: str | None, **kwargs) -> ConnectionService:
        """Xero, or the sandbox at `sandbox` (the commands' --sandbox BASE_URL)."""
        if sandbox is None:
            return cls.for_xero(**kwargs)
        parts = urlsplit(sandbox)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise NotASandboxAddress(sandbox)
        return cls.for_sandbox(sandbox, **kwargs)

    # ---- the client id (the test of an installed app replaces built_in_client_id here) ----------------
    @property
    def client_id(self) -> str:
        """Given to the service, else XEROHELPER_CLIENT_ID, else the settings, else the one built into an
        installed app, else the default (the sandbox's)."""
        return self.client_id_source()[0]

    def client_id_source(self) -> tuple[str, str]:
        """The client id and where it comes from: "given", "environment", "settings", "built-in", "default"
        or "" (none: the owner registers their own Xero app and pastes its client id)."""
        for client_id, source in (
            (self._client_id_override, "given"),
            (self._environ.get(CLIENT_ID_ENV, "").strip(), "environment"),
            (self._saved().client_id, "settings"),
            (built_in_client_id() if self.endpoints.name == "xero" else "", "built-in"),
            (self._default_client_id, "default"),
        ):
            if client_id:
                return client_id, source
        return "", ""

    def check(self) -> ConnectionStatus:
        """Ask Xero: is the sign-in still good and the organisation still connected? (1–2 calls.)"""
        status = self.status()
        if status.state is not ConnectionState.CONNECTED:
            return status
        try:
            allowed = self.api().organisations_allowed()
        except ReconnectNeeded:
            return self.status()
        if not any(c.tenant_id == status.organisation.tenant_id for c in allowed):
            self._reconnect_needed(ReconnectReason.ORGANISATION_NOT_LISTED, "not in GET /Connections")
        return self.status()

    # ---- using the connection -----------------------------------------------------------------------------
    def api(self) -> XeroApi:
        """The connection's XeroApi. Raises NotConnected or ReconnectNeeded (with the reason)."""
        with self._lock:
            status = self.status()
            if status.state is ConnectionState.NOT_CONNECTED:
                raise NotConnected()
            if status.state is ConnectionState.RECONNECT_NEEDED:
                raise ReconnectNeeded(status.reconnect_reason)
            if self._api is None:
                saved = self._store.load()
                if saved is None:  # removed from the keyring since status() looked
                    raise ReconnectNeeded(ReconnectReason.SIGN_IN_NOT_SAVED)
                start = TokenSet.from_refresh_token(saved.refresh_token, saved.scopes)
                self._api = self._new_api(self._token_endpoint(), start)
            return self._api

    def refresh(self) -> None:
        """Get a new access token now (the rotated refresh token is saved first)."""
        self.api().tokens.refresh()

    def _token_endpoint(self) -> TokenEndpoint:
        client_id = self.client_id
        if not client_id:
            raise ClientIdMissing(CLIENT_ID_ENV)
        return TokenEndpoint(self.endpoints, client_id)

    def _new_api(self, endpoint: TokenEndpoint, start: TokenSet) -> XeroApi:
        api: XeroApi | None = None

        def ended(reason: ReconnectReason, details: str) -> None:
            if api is self._api:  # not a late answer to a connection that was replaced since
                self._reconnect_needed(reason, details)
            else:
                log.info("ignored %s from an earlier connection", reason.value)

        tokens = Tokens(
            endpoint,
            start,
            persist=self._persist,
            latest_saved=self._latest_saved_refresh_token,
            on_reconnect_needed=ended,
        )
        api = XeroApi(self.endpoints, tokens, on_reconnect_needed=ended)
        return api

    def _persist(self, token_set: TokenSet) -> None:
        self._store.save(SavedSignIn.fresh(token_set.refresh_token, self.tenant_id, token_set.scopes))

    def _latest_saved_refresh_token(self) -> str | None:
        saved = self._store.load()
        return saved.refresh_token if saved else None

    def _reconnect_needed(self, reason: ReconnectReason, details: str = "") -> None:
        """Xero ended the connection: remember why; pending work (the journal) is left exactly as it is."""
        log.warning("reconnect needed: %s (%s)", reason.value, details)
        with self._lock:
            if reason is ReconnectReason.SIGN_IN_ENDED and self._api is not None:
                dead = self._api.tokens.current().refresh_token
                with contextlib.suppress(ConnectionProblem):
                    if self._latest_saved_refresh_token() == dead:
                        self._store.delete()  # a refresh token Xero refuses is of no use to anyone
            self._save(reconnect_reason=reason.value)

    # ---- disconnecting --------------------------------------------------------------------------------
    def disconnect(self) -> DisconnectResult:
        """Remove the connection in Xero, revoke the sign-in, and forget it on this computer."""
        saved = self._reload()
        if not saved.tenant_id and self._api is None and self._store.load() is None:
            return DisconnectResult(True, "xerohelper was not connected to Xero; there was nothing to do.")
        told_xero = True
        details = ""
        try:
            api = self.api()
        except (NotConnected, ReconnectNeeded):
            api = None  # nothing Xero would still accept: just forget it here
        except ConnectionProblem as problem:
            api, told_xero, details = None, False, problem.details or problem.words
        if api is not None:
            try:
                if saved.connection_id:
                    api.delete_connection(saved.connection_id)
                api.tokens.endpoint.revoke(api.tokens.current().refresh_token)
            except ReconnectNeeded:
                pass  # Xero had already ended it: nothing left to remove there
            except ConnectionProblem as problem:  # forget it here whatever Xero says
                told_xero, details = False, problem.details or problem.words
        with self._lock:
            self._store.delete()
            self._save(
                tenant_id="", organisation_name="", short_code="", connection_id="", reconnect_reason=""
            )
            self._api = None
            self._choices = []
        name = saved.organisation_name or "Xero"
        if told_xero:
            words = (
                f"Disconnected from {name}. xerohelper no longer has access and has forgotten the sign-in."
            )
        else:
            log.warning("disconnect: Xero could not be told (%s)", details)
            words = (
                f"xerohelper has forgotten the sign-in to {name} on this computer, but could not tell Xero. "
                "To remove its access in Xero too, open Settings → Connected apps in Xero and disconnect "
                "xerohelper."
            )
        return DisconnectResult(told_xero, words)
