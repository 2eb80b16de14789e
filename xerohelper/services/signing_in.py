"""Signing in to Xero in the browser and choosing the organisation (a part of ConnectionService: it
uses the connection's settings and tokens, in connection.py and connection_settings.py)."""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable

from xerohelper.adapters.settings import SettingsFileDamaged as SettingsFileDamaged  # the commands catch it
from xerohelper.adapters.xero_login import (
    CallbackListener,
    authorize_url,
    code_challenge,
    new_code_verifier,
    new_state,
)
from xerohelper.core.connection import (
    ConnectionProblem,
    ConnectProgress,
    ConnectStep,
    NoOrganisationAllowed,
    Organisation,
    OrganisationChoice,
    SignInCancelled,
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


class SigningIn:
    """The sign-in side of ConnectionService (self._lock, self._store, self._api… are set by its __init__)."""

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
