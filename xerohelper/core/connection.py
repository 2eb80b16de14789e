"""The connection to Xero as the shop owner sees it: connected, not connected, or "reconnect needed" and why.

Everything here is plain Python (no Qt, no SDK, no keyring): the states, the organisation we are connected
to, the steps of signing in, and every way connecting can go wrong, each in words a shop owner can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from xerohelper.core.plain_text import shown_name

CONNECTED_APPS_IN_XERO = "Settings → Connected apps"
LOGIN_TIMEOUT_SECONDS = 120
CLIENT_ID_LENGTH = 32  # Xero's client ids are 32 hexadecimal characters, written in upper case
_HEX = frozenset("0123456789abcdefABCDEF")


def client_id_problem(text: str) -> str:
    """Why `text` can't be a Xero app's client id, in words ("" when it has the right shape)."""
    given = "".join(text.split())
    if not given:
        return "Paste your Xero app's client id first."
    if not set(given) <= _HEX:
        return (
            "That isn't a client id: a client id has only the digits 0–9 and the letters A–F. On your app's "
            "Configuration page in Xero, copy the line under “Client id” (a PKCE app has no secret)."
        )
    if len(given) != CLIENT_ID_LENGTH:
        return (
            f"That has {len(given)} characters; a Xero client id has {CLIENT_ID_LENGTH}. Copy the whole line "
            "under “Client id” on your app's Configuration page."
        )
    return ""


class ConnectionState(Enum):
    NOT_CONNECTED = "not connected"
    CONNECTED = "connected"
    RECONNECT_NEEDED = "reconnect needed"


class ReconnectReason(Enum):
    """Why Xero stopped accepting the connection. The value is stored in the settings file; keep it stable."""

    # Xero's token endpoint said invalid_grant: the sign-in was revoked, or not used for 60 days.
    SIGN_IN_ENDED = "sign_in_ended"
    # An API call got 401 AuthenticationUnsuccessful: Xero no longer accepts the app's pass.
    ACCESS_REFUSED = "access_refused"
    # An API call for the organisation got 403 AuthenticationUnsuccessful: the app was removed from it.
    ORGANISATION_DISCONNECTED = "organisation_disconnected"
    # The organisation is no longer in the list of organisations this sign-in may use (GET /connections).
    ORGANISATION_NOT_LISTED = "organisation_not_listed"
    # The saved sign-in is missing from this computer's keyring (deleted, or a different user account).
    SIGN_IN_NOT_SAVED = "sign_in_not_saved"

    @property
    def words(self) -> str:
        return _REASON_WORDS[self][0]

    @property
    def next_step(self) -> str:
        return _REASON_WORDS[self][1]


_RECONNECT = "Click Reconnect and sign in to Xero again. Nothing you have entered in xerohelper is lost."
_REASON_WORDS = {
    ReconnectReason.SIGN_IN_ENDED: (
        "Xero has ended xerohelper's sign-in. This happens when someone disconnects xerohelper in Xero, "
        "or when xerohelper has not been used for 60 days.",
        _RECONNECT,
    ),
    ReconnectReason.ACCESS_REFUSED: (
        "Xero no longer accepts xerohelper's sign-in. Usually the app was disconnected in Xero "
        f"({CONNECTED_APPS_IN_XERO}) or the Xero user who connected it lost access.",
        _RECONNECT,
    ),
    ReconnectReason.ORGANISATION_DISCONNECTED: (
        "Xero refused xerohelper access to your organisation. Usually someone removed xerohelper in Xero "
        f"({CONNECTED_APPS_IN_XERO}), the role of the Xero user who connected it changed, or it was a demo "
        "company that Xero reset.",
        _RECONNECT + " Sign in as a Xero user with the Standard or Adviser role.",
    ),
    ReconnectReason.ORGANISATION_NOT_LISTED: (
        "Your organisation is no longer among the organisations xerohelper may use in Xero. It was "
        f"disconnected in Xero ({CONNECTED_APPS_IN_XERO}), or the Xero user who signed in can't reach it.",
        _RECONNECT + " On Xero's page, tick your organisation and click Allow access.",
    ),
    ReconnectReason.SIGN_IN_NOT_SAVED: (
        "xerohelper's saved Xero sign-in is missing from this computer's password store (keyring). It may "
        "have been deleted, or you are signed in to the computer as a different user.",
        _RECONNECT,
    ),
}


@dataclass(frozen=True)
class OrganisationChoice:
    """One organisation the signed-in Xero user allowed xerohelper into (an entry of GET /connections)."""

    tenant_id: str
    name: str
    connection_id: str
    newly_allowed: bool = False  # allowed in this very sign-in (Xero's authEventId), worth pre-selecting

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", shown_name(self.name))


@dataclass(frozen=True)
class Organisation:
    """The organisation xerohelper posts to, as read from Xero's Organisation endpoint."""

    tenant_id: str
    name: str
    short_code: str  # for "Open in Xero" links through the shortcode wrapper
    connection_id: str = ""
    base_currency: str = ""
    period_lock_date: date | None = None  # nothing on or before this date can change (except by advisers)
    end_of_year_lock_date: date | None = None  # nothing on or before this date can change at all

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", shown_name(self.name))

    def as_json(self) -> dict[str, str]:
        """The shape `xerohelper status --json` prints."""
        return {"name": self.name, "tenant_id": self.tenant_id, "short_code": self.short_code}


@dataclass(frozen=True)
class ConnectionStatus:
    state: ConnectionState
    organisation: Organisation | None = None
    reconnect_reason: ReconnectReason | None = None

    @property
    def connected(self) -> bool:
        return self.state is ConnectionState.CONNECTED

    def as_json(self) -> dict:
        """`{"connected": bool, "organisation": {...} | null, "reconnect_reason": str | null}`."""
        return {
            "connected": self.connected,
            "organisation": self.organisation.as_json() if self.organisation else None,
            "reconnect_reason": self.reconnect_reason.words if self.reconnect_reason else None,
        }

    def in_words(self) -> str:
        if self.state is ConnectionState.CONNECTED and self.organisation:
            return f"Connected to Xero: {self.organisation.name}."
        if self.state is ConnectionState.RECONNECT_NEEDED and self.reconnect_reason:
            name = f" ({self.organisation.name})" if self.organisation else ""
            reason = self.reconnect_reason
            return f"Reconnect needed{name}. {reason.words}\n{reason.next_step}"
        return "Not connected to Xero. Click Connect (or run 'xerohelper connect') to sign in."


# ---- signing in: the steps, for a progress line in the window or on the command line ---------------------


class ConnectStep(Enum):
    OPENING_BROWSER = "opening browser"
    WAITING_FOR_BROWSER = "waiting for browser"
    CHECKING_SIGN_IN = "checking sign-in"
    READING_ORGANISATIONS = "reading organisations"
    CHOOSING_ORGANISATION = "choosing organisation"
    READING_ORGANISATION = "reading organisation"
    DONE = "done"


@dataclass(frozen=True)
class ConnectProgress:
    step: ConnectStep
    words: str
    link: str | None = None  # the sign-in link, for "Copy link" when the browser did not open
    seconds_left: int | None = None


# ---- what can go wrong, each with what happened and what to do --------------------------------------------


class ConnectionProblem(Exception):
    """A problem with the connection to Xero: `words` say what happened, `next_step` what to do."""

    def __init__(self, words: str, next_step: str, details: str = "") -> None:
        super().__init__(words)
        self.words = words
        self.next_step = next_step
        self.details = details  # Xero's own message or the technical cause, for "Copy for support"

    def in_words(self) -> str:
        return f"{self.words}\n{self.next_step}"


class ReconnectNeeded(ConnectionProblem):
    def __init__(self, reason: ReconnectReason, details: str = "") -> None:
        super().__init__(reason.words, reason.next_step, details)
        self.reason = reason


class NotConnected(ConnectionProblem):
    def __init__(self) -> None:
        super().__init__(
            "xerohelper is not connected to Xero yet.",
            "Click Connect (or run 'xerohelper connect') and sign in to Xero.",
        )


class SignInCancelled(ConnectionProblem):
    def __init__(self) -> None:
        super().__init__(
            "You cancelled the sign-in to Xero.", "Click Connect when you are ready to try again."
        )


class SignInTimedOut(ConnectionProblem):
    def __init__(self, seconds: int) -> None:
        minutes = f"{seconds // 60} minutes" if seconds >= 120 and seconds % 60 == 0 else f"{seconds} seconds"
        super().__init__(
            f"Xero did not send the sign-in back to xerohelper within {minutes}.",
            f"Click Connect to try again and finish signing in within {minutes}. If no browser window "
            "opened, copy the link xerohelper shows into your browser.",
        )


class SignInRefused(ConnectionProblem):
    """Xero came back to the app with an error instead of a sign-in (the `error` parameter)."""

    def __init__(self, error: str, description: str = "") -> None:
        details = f"{error}: {description}" if description else error
        if error == "access_denied":
            words = "You chose not to allow xerohelper into Xero."
            step = "Click Connect again and, on Xero's page, click Allow access."
        else:
            words = f"Xero refused the sign-in request ({details})."
            step = (
                "This usually means the Xero app's settings don't match xerohelper's: check the client id "
                "and that the app's redirect URI is exactly the one in the README. Then click Connect again."
            )
        super().__init__(words, step, details)
        self.error = error


class CallbackPortTaken(ConnectionProblem):
    def __init__(self, port: int, setting: str, env_var: str) -> None:
        super().__init__(
            f"xerohelper needs port {port} on this computer to hear back from Xero after you sign in, "
            "but another program is using it (often another xerohelper sign-in that is still open).",
            f"Close other xerohelper windows and try again. If the port stays busy, pick another port: set "
            f'{env_var} (or "{setting}" in the settings file) and add http://localhost:PORT/callback with '
            "that port to your Xero app's redirect URIs.",
        )
        self.port = port


class NoOrganisationAllowed(ConnectionProblem):
    def __init__(self) -> None:
        super().__init__(
            "You signed in to Xero but did not allow xerohelper into any organisation.",
            "Click Connect again and, on Xero's page, choose your organisation and click Allow access.",
        )


class ClientIdMissing(ConnectionProblem):
    def __init__(self, env_var: str) -> None:
        super().__init__(
            "xerohelper does not know which Xero app to sign in with (the app's client id is not set).",
            f"Register a Xero app as the README explains, then put its client id in {env_var} or in the "
            'settings file ("client_id").',
        )


class XeroUnreachable(ConnectionProblem):
    def __init__(self, details: str = "") -> None:
        super().__init__(
            "xerohelper could not reach Xero.",
            "Check this computer's internet connection, then try again. Nothing was changed.",
            details,
        )


class SignInServiceBusy(XeroUnreachable):
    """Xero's sign-in service (which renews the pass every 30 minutes) said "too many requests" or "not now".

    Nothing reached the organisation: the renewal comes before any call that sends something."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        ConnectionProblem.__init__(
            self,
            "Xero's sign-in service is busy and asked xerohelper to wait, so nothing was sent.",
            "Nothing needs fixing: wait a few minutes, then try again. Your work is kept.",
            f"Xero's sign-in service answered HTTP {status}"
            + (f" (Retry-After: {retry_after:g} s)" if retry_after is not None else ""),
        )
        self.status = status
        self.retry_after = retry_after  # seconds, when Xero said how long


class XeroRejectedApp(ConnectionProblem):
    """Xero's token endpoint refused the app itself (wrong client id, or a code that was already used)."""

    def __init__(self, error: str, details: str = "") -> None:
        if error == "invalid_client":
            words = "Xero does not recognise this app's client id."
            step = "Check your Xero app's client id (README: registering a Xero app), then connect again."
        elif error == "invalid_grant":
            words = "The sign-in took too long or was already used."
            step = "Click Connect and sign in again."
        else:
            words = f"Xero refused the sign-in ({error})."
            step = "Click Connect and sign in again. If it keeps happening, copy the details for support."
        super().__init__(words, step, details or error)
        self.error = error


class PasswordStoreProblem(ConnectionProblem):
    """The keyring can't keep the sign-in safely (none, locked, plaintext or throwaway)."""
