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
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.built_in_app import built_in_client_id
from xerohelper.adapters.settings import (
    CALLBACK_PORT_ENV,
    CLIENT_ID_ENV,
    DEFAULT_CALLBACK_PORT,
    ConnectionSettings,
    Settings,
)
from xerohelper.adapters.settings import SettingsFileDamaged as SettingsFileDamaged  # the commands catch it
from xerohelper.adapters.token_store import SavedSignIn, TokenStore
from xerohelper.adapters.xero_api import TokenEndpoint, Tokens, TokenSet, XeroApi, XeroEndpoints
from xerohelper.adapters.xero_login import (
    CallbackListener,
    authorize_url,
    code_challenge,
    new_code_verifier,
    new_state,
)
from xerohelper.core.connection import (
    LOGIN_TIMEOUT_SECONDS,
    ClientIdMissing,
    ConnectionProblem,
    ConnectionState,
    ConnectionStatus,
    ConnectProgress,
    ConnectStep,
    NoOrganisationAllowed,
    NotConnected,
    Organisation,
    OrganisationChoice,
    ReconnectNeeded,
    ReconnectReason,
    SignInCancelled,
    client_id_problem,
)

log = logging.getLogger(__name__)

Progress = Callable[[ConnectProgress], None]
Chooser = Callable[[list[OrganisationChoice]], OrganisationChoice | None]


class OrganisationChoiceNeeded(ConnectionProblem):
    """Several organisations (or not the one we had) and nobody to ask: the caller must choose."""

    def __init__(self, choices: list[OrganisationChoice], missing: str = "") -> None:
        names = ", ".join(c.name for c in choices)
        words = (
            f"{missing} is not among the organisations you allowed xerohelper into ({names})."
            if missing
            else f"You allowed xerohelper into several organisations: {names}."
        )
        super().__init__(words, "Choose the organisation xerohelper should post your takings to.")
        self.choices = choices


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


class ConnectionService:
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

    # ---- what the app knows --------------------------------------------------------------------------
    def _saved(self) -> ConnectionSettings:
        return self._settings.connection(self.endpoints.name)

    def _reload(self) -> ConnectionSettings:
        """Read the settings file again: another xerohelper window may have changed it."""
        with self._lock:
            self._settings = Settings.load(self.folders.settings)
            return self._saved()

    def _save(self, **changes) -> None:
        with self._lock:
            self._settings.set_connection(replace(self._saved(), **changes), self.endpoints.name)
            self._settings.save()

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

    def save_client_id(self, client_id: str) -> None:
        """Keep the owner's own Xero app's client id in the settings (checked for shape: ValueError)."""
        problem = client_id_problem(client_id)
        if problem:
            raise ValueError(problem)
        self._save(client_id="".join(client_id.split()).upper())  # Xero writes them in upper case

    @property
    def callback_port(self) -> int:
        """XEROHELPER_CALLBACK_PORT, else the settings' callback_port, else 8742."""
        raw = self._environ.get(CALLBACK_PORT_ENV, "").strip()
        if not raw:
            return self._saved().callback_port or DEFAULT_CALLBACK_PORT
        if raw.isdigit() and 0 <= int(raw) <= 65535:
            return int(raw)
        raise ConnectionProblem(
            f"{CALLBACK_PORT_ENV} is set to {raw!r}, which is not a port number.",
            f"Set {CALLBACK_PORT_ENV} to a number between 1024 and 65535 (the port registered in your "
            f"Xero app's redirect URI), or remove it to use {DEFAULT_CALLBACK_PORT}.",
        )

    @property
    def tenant_id(self) -> str:
        return self._saved().tenant_id

    def saved_organisation(self) -> Organisation | None:
        saved = self._saved()
        if not saved.tenant_id:
            return None
        return Organisation(
            tenant_id=saved.tenant_id,
            name=saved.organisation_name,
            short_code=saved.short_code,
            connection_id=saved.connection_id,
        )

    def status(self) -> ConnectionStatus:
        """What the app knows without asking Xero (quick; reads the settings and the keyring)."""
        with self._lock:
            saved = self._reload()
            organisation = self.saved_organisation()
            if organisation is None:
                return ConnectionStatus(ConnectionState.NOT_CONNECTED)
            if saved.reconnect_reason:
                try:
                    reason = ReconnectReason(saved.reconnect_reason)
                except ValueError:
                    reason = ReconnectReason.SIGN_IN_ENDED
                return ConnectionStatus(ConnectionState.RECONNECT_NEEDED, organisation, reason)
            if self._api is None and self._store.load() is None:
                return ConnectionStatus(
                    ConnectionState.RECONNECT_NEEDED, organisation, ReconnectReason.SIGN_IN_NOT_SAVED
                )
            return ConnectionStatus(ConnectionState.CONNECTED, organisation)

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

    # ---- signing in -------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Cancel the sign-in that is waiting for the browser (from any thread)."""
        with self._lock:
            if self._cancel is not None:
                self._cancel.set()

    def sign_in(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> list[OrganisationChoice]:
        """Sign in to Xero in the system browser; returns the organisations the user allowed.

        Raises SignInCancelled, SignInTimedOut, SignInRefused, CallbackPortTaken, ClientIdMissing,
        NoOrganisationAllowed, XeroUnreachable, XeroRejectedApp or PasswordStoreProblem.
        """
        report = progress or (lambda _p: None)
        endpoint = self._token_endpoint()
        self._store.check()  # say now, not after the browser, if the sign-in can't be kept safely
        cancel = cancel or threading.Event()
        with self._lock:
            self._cancel = cancel
        try:
            verifier, state = new_code_verifier(), new_state()
            with CallbackListener(self.callback_port, state) as listener:
                link = authorize_url(
                    self.endpoints.authorize,
                    endpoint.client_id,
                    listener.redirect_uri,
                    state,
                    code_challenge(verifier),
                )
                report(ConnectProgress(ConnectStep.OPENING_BROWSER, "Opening Xero's sign-in page…", link))
                if cancel.is_set():
                    raise SignInCancelled()
                opened = self._try_open_browser(link)
                seconds = int(self._login_timeout)
                report(
                    ConnectProgress(
                        ConnectStep.WAITING_FOR_BROWSER,
                        "Sign in to Xero in your browser, choose your organisation and click Allow access."
                        if opened
                        else "Your browser did not open. Copy this link into your browser to sign in to "
                        f"Xero: {link}",
                        link,
                        seconds,
                    )
                )
                code = listener.wait(self._login_timeout, cancel)
                redirect = listener.redirect_uri
        finally:
            with self._lock:
                self._cancel = None
        report(ConnectProgress(ConnectStep.CHECKING_SIGN_IN, "Checking the sign-in with Xero…"))
        first = endpoint.exchange_code(code, redirect, verifier)
        with self._lock:
            self._persist(first)  # the code is spent: keep its refresh token before anything else
            self._api = api = self._new_api(endpoint, first)
        report(ConnectProgress(ConnectStep.READING_ORGANISATIONS, "Reading your Xero organisations…"))
        choices = api.organisations_allowed()
        if not choices:
            raise NoOrganisationAllowed()
        with self._lock:
            self._choices = choices
        log.info("signed in to Xero; %d organisation(s) allowed", len(choices))
        return choices

    def choose_organisation(self, tenant_id: str, progress: Progress | None = None) -> Organisation:
        """Connect to one of the organisations from sign_in(): read it and remember it."""
        report = progress or (lambda _p: None)
        with self._lock:
            api = self._api
            choice = next((c for c in self._choices if c.tenant_id == tenant_id), None)
        if api is None or choice is None:
            raise ConnectionProblem(
                "That organisation is not one you allowed xerohelper into in this sign-in.",
                "Click Connect and sign in to Xero again.",
            )
        report(ConnectProgress(ConnectStep.READING_ORGANISATION, f"Reading {choice.name} from Xero…"))
        organisation = api.organisation(choice.tenant_id, choice.connection_id)
        with self._lock:
            self._save(
                client_id=api.tokens.client_id,
                tenant_id=organisation.tenant_id,
                organisation_name=organisation.name,
                short_code=organisation.short_code,
                connection_id=organisation.connection_id,
                reconnect_reason="",
            )
            api.tokens.save_again()  # the keyring entry now names this organisation
        log.info("connected to Xero organisation %s", organisation.name)
        report(ConnectProgress(ConnectStep.DONE, f"Connected to {organisation.name}."))
        return organisation

    def connect(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        choose: Chooser | None = None,
        organisation: str | None = None,
    ) -> Organisation:
        """sign_in() and choose_organisation() in one go.

        With `organisation` (a name or tenant id), connects that one. Otherwise goes back to the organisation
        it had, if the user allowed it again (that is Reconnect), or takes the only one allowed, or asks
        `choose(choices)`; without `choose`, OrganisationChoiceNeeded. It never switches silently to
        another organisation than the one it had.
        """
        had = self.saved_organisation()
        choices = self.sign_in(progress, cancel)
        if organisation:
            return self.choose_organisation(_named(choices, organisation).tenant_id, progress)
        pick = next((c for c in choices if had and c.tenant_id == had.tenant_id), None)
        if pick is None and had is None and len(choices) == 1:
            pick = choices[0]
        if pick is None:
            if progress is not None:
                progress(ConnectProgress(ConnectStep.CHOOSING_ORGANISATION, "Choose your organisation."))
            if choose is None:
                raise OrganisationChoiceNeeded(choices, had.name if had else "")
            pick = choose(choices)
            if pick is None:
                raise SignInCancelled()
        return self.choose_organisation(pick.tenant_id, progress)

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

    def _try_open_browser(self, link: str) -> bool:
        try:
            return bool(self._open_browser(link))
        except Exception as err:  # a browser that fails to start: show the link instead
            log.info("could not open the browser: %s", type(err).__name__)
            return False


def _named(choices: list[OrganisationChoice], organisation: str) -> OrganisationChoice:
    wanted = organisation.strip().lower()
    for choice in choices:
        if wanted in (choice.name.lower(), choice.tenant_id.lower()):
            return choice
    names = ", ".join(c.name for c in choices)
    raise ConnectionProblem(
        f"'{organisation}' is not one of the organisations you allowed xerohelper into: {names}.",
        "Choose one of those, or connect again and allow that organisation on Xero's page.",
    )


def _open_in_system_browser(link: str) -> bool:
    """The system browser (honours $BROWSER). Never an embedded web view: Xero's login page blocks them."""
    return webbrowser.open(link, new=1)
