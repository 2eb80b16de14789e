"""Test set-up shared by every test.

- Qt draws offscreen (no display needed) in a UTF-8 locale, so Qt has nothing to warn about.
- Each test gets its own empty settings, data, log, cache and runtime folders.
- The keyring is an in-memory one; only the keyring integration test talks to a real Secret Service.
- Every request any sandbox receives is checked against Xero's spec (tests/sandbox/request_watch.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("LC_ALL", os.environ.get("LANG", "C")) in ("", "C", "POSIX"):
    os.environ["LC_ALL"] = "C.UTF-8"

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.sandbox.request_watch import (  # noqa: F401  every request to a sandbox is checked (see there)
    _watching_every_sandbox,
    every_request_matches_xeros_spec,
    pytest_terminal_summary,
    request_check,
)


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict, for tests only."""

    priority = 1  # type: ignore[assignment]  # used only when set explicitly

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """Point every per-user folder (settings, data, logs, cache, HOME) into the test's own tmp folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    # The app's single-instance lock and socket (ui/single_instance.py) go here: an app a test starts never
    # meets one the developer (or another test run) has open. Short, because a socket's path must be.
    runtime = tempfile.mkdtemp(prefix="xh-")
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    yield home
    shutil.rmtree(runtime, ignore_errors=True)
