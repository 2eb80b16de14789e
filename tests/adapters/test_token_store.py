"""The keyring token store: only the refresh token and small metadata, one entry, unsafe stores refused."""

from __future__ import annotations

import json
import uuid

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from xerohelper.adapters.token_store import (
    SERVICE_NAME,
    WINDOWS_SECRET_LIMIT,
    SavedSignIn,
    TokenStore,
    safe_backend,
)
from xerohelper.adapters.xero_login import SCOPES
from xerohelper.core.connection import PasswordStoreProblem

REFRESH = "r" * 64  # Xero's refresh tokens are opaque strings of this order of length


def test_the_sign_in_round_trips_through_one_keyring_entry(memory_keyring):
    store = TokenStore("xero")
    tenant = str(uuid.uuid4())
    saved = SavedSignIn.fresh(REFRESH, tenant, SCOPES, now=1_000.75)
    store.save(saved)
    loaded = store.load()
    assert loaded == saved == SavedSignIn(REFRESH, tenant, SCOPES, 1_000 + 60 * 24 * 3600)
    assert list(memory_keyring.store) == [(SERVICE_NAME, "xero")]
    stored = json.loads(memory_keyring.store[(SERVICE_NAME, "xero")])
    assert set(stored) == {"v", "refresh_token", "tenant_id", "scope", "lapses_at"}


def test_a_full_entry_fits_well_under_the_windows_limit():
    # A long refresh token, a tenant uuid and all our scopes still leave plenty of room.
    secret = SavedSignIn.fresh("x" * 400, str(uuid.uuid4()), SCOPES).to_secret()
    assert len(secret) < WINDOWS_SECRET_LIMIT // 2


def test_an_entry_over_the_windows_limit_is_refused_before_it_reaches_the_keyring(memory_keyring):
    with pytest.raises(PasswordStoreProblem) as caught:
        TokenStore("xero").save(SavedSignIn.fresh("x" * 1300, "t", SCOPES))
    assert "too long" in caught.value.words
    assert memory_keyring.store == {}


def test_sandbox_and_xero_entries_do_not_touch_each_other(memory_keyring):
    TokenStore("xero").save(SavedSignIn.fresh("real", "t1", ()))
    TokenStore("sandbox").save(SavedSignIn.fresh("demo", "t2", ()))
    TokenStore("sandbox").delete()
    assert TokenStore("xero").load().refresh_token == "real"
    assert TokenStore("sandbox").load() is None


def test_delete_is_fine_when_there_is_nothing_to_delete(memory_keyring):
    TokenStore("xero").delete()
    TokenStore("xero").save(SavedSignIn.fresh(REFRESH, "t", ()))
    TokenStore("xero").delete()
    TokenStore("xero").delete()
    assert memory_keyring.store == {}


def test_an_entry_in_an_unknown_form_reads_as_no_sign_in(memory_keyring):
    memory_keyring.store[(SERVICE_NAME, "xero")] = "not json"
    assert TokenStore("xero").load() is None


def test_the_refresh_token_never_shows_in_repr():
    saved = SavedSignIn.fresh("SECRET-REFRESH", "t", ())
    assert "SECRET-REFRESH" not in repr(saved)
    assert "SECRET-REFRESH" not in str(saved)


class _PlaintextStandIn(KeyringBackend):
    """Stands for keyrings.alt's PlaintextKeyring (not installed here): same module, same name."""

    priority = 0.5  # type: ignore[assignment]

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("a plaintext store must never receive the sign-in")

    def delete_password(self, service, username):
        return None


_PlaintextStandIn.__module__ = "keyrings.alt.file"
_PlaintextStandIn.__name__ = "PlaintextKeyring"


@pytest.mark.parametrize(
    ("backend", "must_say"),
    [
        (fail.Keyring(), ["could not find one", "gnome-keyring", "KeePassXC"]),
        (null.Keyring(), ["throws passwords away", "PYTHON_KEYRING_BACKEND", "gnome-keyring"]),
        (_PlaintextStandIn(), ["file on disk", "Uninstall keyrings.alt", "gnome-keyring"]),
    ],
    ids=["fail", "null", "plaintext"],
)
def test_unsafe_password_stores_are_refused_with_how_to_get_a_working_one(backend, must_say):
    keyring.set_keyring(backend)
    store = TokenStore("xero")
    with pytest.raises(PasswordStoreProblem) as caught:
        store.save(SavedSignIn.fresh(REFRESH, "t", ()))
    text = caught.value.in_words()
    for words in must_say:
        assert words in text
    with pytest.raises(PasswordStoreProblem):
        store.load()
    with pytest.raises(PasswordStoreProblem):
        store.check()


def _chain_of(*backends):
    """A stand-in for keyring's ChainerBackend (its chain comes from the installed backends)."""

    class Chain(KeyringBackend):
        priority = 10  # type: ignore[assignment]

        def get_password(self, service, username):
            raise AssertionError("the chain itself must not be used")

        def set_password(self, service, username, password):
            raise AssertionError("the chain itself must not be used")

    Chain.__module__ = "keyring.backends.chainer"
    Chain.backends = list(backends)
    return Chain()


def test_a_chain_uses_its_first_safe_store_and_never_falls_through_to_plaintext(memory_keyring):
    chain = _chain_of(_PlaintextStandIn(), memory_keyring)
    assert safe_backend(chain) is memory_keyring
    keyring.set_keyring(chain)
    TokenStore("xero").save(SavedSignIn.fresh(REFRESH, "t", ()))
    assert (SERVICE_NAME, "xero") in memory_keyring.store


def test_a_chain_of_only_plaintext_is_refused():
    with pytest.raises(PasswordStoreProblem) as caught:
        safe_backend(_chain_of(_PlaintextStandIn()))
    assert "keyrings.alt" in caught.value.words


class _LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")


def test_a_locked_keyring_says_unlock_it():
    keyring.set_keyring(_LockedKeyring())
    for action in (
        lambda s: s.load(),
        lambda s: s.save(SavedSignIn.fresh(REFRESH, "t", ())),
        lambda s: s.delete(),
    ):
        with pytest.raises(PasswordStoreProblem) as caught:
            action(TokenStore("xero"))
        assert "locked" in caught.value.words
        assert "Unlock it" in caught.value.next_step


@pytest.mark.parametrize(
    "configured",
    ["nonexistent.Backend", "keyring.backends.SecretService.Nope", "keyrings.alt.file.Plaintext"],
)
def test_a_password_store_that_cannot_be_loaded_gets_the_refusal_words(configured):
    """PYTHON_KEYRING_BACKEND (or keyringrc.cfg) names a store that isn't installed: words, no traceback."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHON_KEYRING_BACKEND=configured, XEROHELPER_CLIENT_ID="ABCDEF0123456789")
    result = subprocess.run(
        [sys.executable, "-m", "xerohelper", "connect"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "password store" in result.stderr
    assert "PYTHON_KEYRING_BACKEND" in result.stderr
