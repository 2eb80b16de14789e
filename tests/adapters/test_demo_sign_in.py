"""The demo's sign-in to the practice Xero lives in the demo's own folder: no keyring needed or touched,
never the keyring entry of `--sandbox` command-line connections; the real Xero sign-in still needs a safe
keyring."""

from __future__ import annotations

import stat

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.demo_sign_in import DemoSignIn
from xerohelper.adapters.token_store import SavedSignIn, TokenStore
from xerohelper.core.connection import PasswordStoreProblem
from xerohelper.services.app_session import AppSession
from xerohelper.services.connection import ConnectionService


def test_saves_loads_and_forgets_in_a_file_only_this_user_can_read(tmp_path):
    store = DemoSignIn(tmp_path / "demo")
    assert store.load() is None
    store.save(SavedSignIn.fresh("practice-token", "tenant-1", ("accounting.transactions",)))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    again = DemoSignIn(tmp_path / "demo").load()
    assert again.refresh_token == "practice-token" and again.tenant_id == "tenant-1"
    store.delete()
    store.delete()  # nothing to forget is fine
    assert store.load() is None


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


def _folders(tmp_path) -> AppFolders:
    return AppFolders(tmp_path / "settings", tmp_path / "data", tmp_path / "logs").create()


def test_the_demo_connects_and_comes_back_connected_with_no_keyring_at_all(tmp_path, no_keyring):
    session = AppSession(folders=_folders(tmp_path), demo=True)
    try:
        session.open()
        organisation = session.connect()
        assert organisation.name == "Harbour Street Hardware"
    finally:
        session.close()
    again = AppSession(folders=_folders(tmp_path), demo=True)
    try:
        look = again.open()  # the next launch: still signed in, from the demo's own folder
        assert look.status.connected
        assert again.connection.read_organisation().name == "Harbour Street Hardware"
    finally:
        again.close()
    assert (tmp_path / "data" / "demo" / "practice-sign-in.json").is_file()


def test_the_demo_leaves_the_command_lines_sandbox_sign_in_alone(tmp_path, memory_keyring):
    TokenStore("sandbox").save(SavedSignIn.fresh("cli-sandbox-token", "cli-tenant", ()))
    before = dict(memory_keyring.store)
    session = AppSession(folders=_folders(tmp_path), demo=True)
    try:
        session.open()
        session.connect()
    finally:
        session.close()
    assert memory_keyring.store == before  # nothing written, replaced or deleted in the keyring


def test_the_real_xero_sign_in_still_refuses_a_computer_with_no_keyring(tmp_path, no_keyring):
    service = ConnectionService.for_xero(folders=_folders(tmp_path), client_id="my-app")
    with pytest.raises(PasswordStoreProblem):
        service.sign_in()
