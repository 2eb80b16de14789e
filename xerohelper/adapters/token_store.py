"""Keeps the Xero sign-in in this computer's password store (the OS keyring, through `keyring`).

Only the refresh token and a little metadata (tenant id, scopes, when the sign-in lapses) are stored, in
one entry under the service name "xerohelper", well under Windows Credential Manager's ~1280-character limit.
The access token is never stored: it lives in memory only (xero_api.py).

Password stores that would not keep the sign-in safe are refused, with words that say how to get a real
one: none at all (keyring's "fail" backend), the "null" backend that throws passwords away, and keyrings.alt's
file-based stores (plain text, or encrypted with a password xerohelper would have to ask for every time).
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

from xerohelper.core.connection import PasswordStoreProblem

SERVICE_NAME = "xerohelper"
WINDOWS_SECRET_LIMIT = 1280  # characters: Credential Manager's 2560-byte blob, stored as UTF-16
SIGN_IN_LIFETIME_SECONDS = 60 * 24 * 3600  # Xero ends a sign-in whose refresh token goes unused for 60 days
_FORMAT = 1

log = logging.getLogger(__name__)

_GET_A_KEYRING = (
    "On Linux, install and unlock a password store that offers the Secret Service: GNOME Keyring "
    "(package gnome-keyring, unlocked when you sign in to the desktop) or KeePassXC with Secret Service "
    "turned on. On Windows (Credential Manager) and macOS (Keychain) it is built in. Then try again."
)


@dataclass(frozen=True)
class SavedSignIn:
    """What the keyring holds for one connection."""

    refresh_token: str
    tenant_id: str = ""
    scopes: tuple[str, ...] = ()
    lapses_at: int = 0  # epoch seconds when Xero ends the sign-in if it is not used before then

    def __repr__(self) -> str:  # never print the token, even in a traceback or a debug log
        return f"SavedSignIn(refresh_token=<hidden>, tenant_id={self.tenant_id!r}, scopes={self.scopes!r})"

    @classmethod
    def fresh(cls, refresh_token: str, tenant_id: str, scopes, now: float | None = None) -> SavedSignIn:
        now = time.time() if now is None else now
        return cls(refresh_token, tenant_id, tuple(scopes), int(now) + SIGN_IN_LIFETIME_SECONDS)

    def to_secret(self) -> str:
        return json.dumps(
            {
                "v": _FORMAT,
                "refresh_token": self.refresh_token,
                "tenant_id": self.tenant_id,
                "scope": " ".join(self.scopes),
                "lapses_at": self.lapses_at,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_secret(cls, secret: str) -> SavedSignIn | None:
        try:
            data = json.loads(secret)
            return cls(
                refresh_token=str(data["refresh_token"]),
                tenant_id=str(data.get("tenant_id") or ""),
                scopes=tuple(str(data.get("scope") or "").split()),
                lapses_at=int(data.get("lapses_at") or 0),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


NO_KEYRING = (
    "xerohelper keeps your Xero sign-in in this computer's password store (keyring), but it could not "
    "find one.",
    _GET_A_KEYRING,
)


def refusal(backend: KeyringBackend) -> tuple[str, str] | None:
    """Why xerohelper won't keep a sign-in in this backend, and how to fix that; None if it will."""
    module = type(backend).__module__
    if module == "keyring.backends.fail":
        return NO_KEYRING
    if module == "keyring.backends.null":
        return (
            "The password store (keyring) is set to one that throws passwords away, so your Xero sign-in "
            "could not be remembered.",
            "Remove PYTHON_KEYRING_BACKEND from your environment (or the default-keyring line from "
            "keyringrc.cfg). " + _GET_A_KEYRING,
        )
    if module.startswith("keyrings.alt"):
        return (
            f"The only password store available ({type(backend).__name__} from keyrings.alt) keeps "
            "passwords in a file on disk, where anyone using this computer could read them, so xerohelper "
            "won't put your Xero sign-in there.",
            "Uninstall keyrings.alt (or remove PYTHON_KEYRING_BACKEND). " + _GET_A_KEYRING,
        )
    return None


def _configured_backend() -> KeyringBackend:
    """keyring's choice; a store named in PYTHON_KEYRING_BACKEND or keyringrc.cfg that won't load: refused."""
    try:
        return keyring.get_keyring()
    except Exception as err:  # keyring imports the configured backend by name: any import error can come
        raise PasswordStoreProblem(
            "The password store (keyring) chosen for this computer could not be started, so your Xero "
            "sign-in can't be kept safely.",
            "Remove PYTHON_KEYRING_BACKEND from your environment (or the default-keyring line from "
            "keyringrc.cfg), or install the store it names. " + _GET_A_KEYRING,
            details=f"{type(err).__name__}: {err}",
        ) from err


def safe_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The backend to use: the configured one, or the best safe one of a chain; refuses unsafe ones."""
    backend = backend if backend is not None else _configured_backend()
    if type(backend).__module__ == "keyring.backends.chainer":
        # A chain writes to the first backend that accepts, which may be a plaintext file when the real
        # keyring is locked. Use the first safe backend of the chain directly, never fall through.
        chained = list(type(backend).backends)
        safe = [b for b in chained if refusal(b) is None]
        if safe:
            return safe[0]
        reason = refusal(chained[0]) if chained else NO_KEYRING
    else:
        reason = refusal(backend)
    if reason is not None:
        raise PasswordStoreProblem(*reason, details=f"keyring backend: {type(backend).__module__}")
    return backend


class TokenStore:
    """One keyring entry per connection ("xero" for Xero, "sandbox" for the built-in sandbox)."""

    def __init__(
        self, entry: str, backend: KeyringBackend | None = None, service: str = SERVICE_NAME
    ) -> None:
        self.entry = entry
        self.service = service
        self._backend = backend

    def check(self) -> KeyringBackend:
        """The backend that will be used; raises PasswordStoreProblem if there is no safe one."""
        return safe_backend(self._backend)

    def load(self) -> SavedSignIn | None:
        backend = self.check()
        secret = self._guard(lambda: backend.get_password(self.service, self.entry), "read")
        if not secret:
            return None
        saved = SavedSignIn.from_secret(secret)
        if saved is None:
            log.warning(
                "the keyring entry %s/%s is not in a form xerohelper knows; ignored", self.service, self.entry
            )
        return saved

    def save(self, saved: SavedSignIn) -> None:
        secret = saved.to_secret()
        if len(secret) > WINDOWS_SECRET_LIMIT:
            raise PasswordStoreProblem(
                "Xero's sign-in is too long to keep in this computer's password store.",
                "Please report this to xerohelper support; it is a fault in xerohelper.",
                details=f"{len(secret)} characters, limit {WINDOWS_SECRET_LIMIT}",
            )
        backend = self.check()
        self._guard(lambda: backend.set_password(self.service, self.entry, secret), "save")
        log.debug("saved the Xero sign-in to the keyring entry %s/%s", self.service, self.entry)

    def delete(self) -> None:
        """Forget the sign-in; nothing to forget is fine."""
        backend = self.check()

        def remove() -> None:
            with contextlib.suppress(PasswordDeleteError):
                backend.delete_password(self.service, self.entry)

        self._guard(remove, "delete")
        log.debug("deleted the keyring entry %s/%s", self.service, self.entry)

    def _guard(self, action, verb: str):
        try:
            return action()
        except KeyringLocked as err:
            raise PasswordStoreProblem(
                "This computer's password store (keyring) is locked, so xerohelper can't "
                f"{verb} your Xero sign-in.",
                "Unlock it (on Linux: sign in to the desktop, or open Passwords and Keys and unlock "
                "the Login keyring), then try again.",
                details=f"{type(err).__name__}: {err}",
            ) from err
        except NoKeyringError as err:
            raise PasswordStoreProblem(*NO_KEYRING, details=str(err)) from err
        except Exception as err:  # the OS store's own errors (D-Bus, Credential Manager…) end here
            if isinstance(err, PasswordStoreProblem):
                raise
            raise PasswordStoreProblem(
                f"This computer's password store (keyring) refused to {verb} your Xero sign-in.",
                "Try again. If it keeps happening, restart the computer's password store (or the "
                "computer) and copy the details for support.",
                details=f"{type(err).__name__}: {err}",
            ) from err
