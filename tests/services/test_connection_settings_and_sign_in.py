"""The connection service before Xero answers anything: where the client id and port come from, status
from what is saved, and sign-ins that stop early (cancel, timeout, port taken, no safe keyring)."""

from __future__ import annotations

import socket
import threading
import time

import keyring
import pytest
from keyring.backends import fail

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.settings import ConnectionSettings, Settings
from xerohelper.adapters.token_store import SavedSignIn, TokenStore
from xerohelper.core.connection import (
    CallbackPortTaken,
    ClientIdMissing,
    ConnectionProblem,
    ConnectionState,
    ConnectStep,
    PasswordStoreProblem,
    ReconnectReason,
    SignInCancelled,
    SignInTimedOut,
)
from xerohelper.sandbox import DEFAULT_CLIENT_ID
from xerohelper.services.connection import ConnectionService, NotASandboxAddress

SANDBOX = "http://127.0.0.1:9"  # nothing listens there: these tests never reach Xero


@pytest.fixture
def folders():
    return AppFolders.for_this_user()


def service(environ=None, **kwargs) -> ConnectionService:
    return ConnectionService.for_sandbox(SANDBOX, environ=environ or {}, **kwargs)


def save_connection(folders, **values) -> None:
    settings = Settings.load(folders.settings)
    settings.set_connection(ConnectionSettings(**values), "sandbox")
    settings.save()


def test_a_fresh_computer_is_not_connected():
    status = service().status()
    assert status.state is ConnectionState.NOT_CONNECTED
    assert status.as_json() == {"connected": False, "organisation": None, "reconnect_reason": None}


def test_the_client_id_comes_from_the_environment_before_the_settings(folders):
    save_connection(folders, client_id="FROM-SETTINGS")
    assert service().client_id == "FROM-SETTINGS"
    assert service({"XEROHELPER_CLIENT_ID": " FROM-ENV "}).client_id == "FROM-ENV"


def test_the_callback_port_comes_from_the_environment_then_the_settings_then_8742(folders):
    assert service().callback_port == 8742
    save_connection(folders, callback_port=9001)
    assert service().callback_port == 9001
    assert service({"XEROHELPER_CALLBACK_PORT": "9002"}).callback_port == 9002


def test_a_callback_port_that_is_not_a_number_is_explained():
    with pytest.raises(ConnectionProblem) as caught:
        _ = service({"XEROHELPER_CALLBACK_PORT": "eighty"}).callback_port
    assert "'eighty'" in caught.value.words
    assert "XEROHELPER_CALLBACK_PORT" in caught.value.next_step


def test_the_sandbox_falls_back_to_its_own_client_id():
    assert service().client_id == DEFAULT_CLIENT_ID
    assert service({"XEROHELPER_CLIENT_ID": "MINE"}).client_id == "MINE"


def test_signing_in_to_xero_without_a_client_id_says_how_to_get_one():
    opened = []
    with pytest.raises(ClientIdMissing) as caught:
        ConnectionService.for_xero(environ={}, open_browser=opened.append).sign_in()
    assert opened == []
    assert "XEROHELPER_CLIENT_ID" in caught.value.next_step
    assert "README" in caught.value.next_step


def test_a_saved_organisation_with_its_sign_in_in_the_keyring_is_connected(folders):
    save_connection(folders, tenant_id="T1", organisation_name="Corner Café", short_code="!abc")
    TokenStore("sandbox").save(SavedSignIn.fresh("R", "T1", ()))
    status = service().status()
    assert status.connected
    assert status.as_json() == {
        "connected": True,
        "organisation": {"name": "Corner Café", "tenant_id": "T1", "short_code": "!abc"},
        "reconnect_reason": None,
    }


def test_a_saved_organisation_whose_sign_in_is_gone_from_the_keyring_needs_reconnecting(folders):
    save_connection(folders, tenant_id="T1", organisation_name="Corner Café")
    status = service().status()
    assert status.state is ConnectionState.RECONNECT_NEEDED
    assert status.reconnect_reason is ReconnectReason.SIGN_IN_NOT_SAVED
    assert status.as_json()["organisation"]["name"] == "Corner Café"
    assert "keyring" in status.as_json()["reconnect_reason"]


def test_a_remembered_reconnect_reason_is_reported_in_plain_words(folders):
    save_connection(folders, tenant_id="T1", organisation_name="Café", reconnect_reason="sign_in_ended")
    TokenStore("sandbox").save(SavedSignIn.fresh("R", "T1", ()))
    status = service().status()
    assert status.state is ConnectionState.RECONNECT_NEEDED
    assert status.as_json()["reconnect_reason"].startswith("Xero has ended xerohelper's sign-in")
    assert "Reconnect needed (Café)" in status.in_words()


def test_the_sandbox_and_xero_are_remembered_separately(folders):
    save_connection(folders, tenant_id="T1", organisation_name="Demo shop")
    TokenStore("sandbox").save(SavedSignIn.fresh("R", "T1", ()))
    assert service().status().connected
    assert ConnectionService.for_xero(environ={}).status().state is ConnectionState.NOT_CONNECTED


def test_the_command_line_address_must_be_a_web_address():
    with pytest.raises(NotASandboxAddress) as caught:
        ConnectionService.for_command_line("127.0.0.1:8900")
    assert "http://127.0.0.1:8900" in str(caught.value)
    assert ConnectionService.for_command_line(None).endpoints.name == "xero"
    assert ConnectionService.for_command_line("http://127.0.0.1:8900").endpoints.name == "sandbox"


ENV = {"XEROHELPER_CLIENT_ID": "CID", "XEROHELPER_CALLBACK_PORT": "0"}


def test_no_safe_keyring_is_said_before_the_browser_opens():
    keyring.set_keyring(fail.Keyring())
    opened = []
    with pytest.raises(PasswordStoreProblem) as caught:
        service(ENV, open_browser=opened.append).sign_in()
    assert opened == []
    assert "password store" in caught.value.words


def test_cancel_from_another_thread_stops_the_sign_in():
    progress = []
    connection = service(ENV, open_browser=lambda link: True)
    threading.Timer(0.3, connection.cancel).start()
    with pytest.raises(SignInCancelled):
        connection.sign_in(progress=progress.append)
    steps = [p.step for p in progress]
    assert steps == [ConnectStep.OPENING_BROWSER, ConnectStep.WAITING_FOR_BROWSER]
    assert progress[0].link.startswith(SANDBOX + "/identity/connect/authorize?")
    assert progress[1].seconds_left == 120


def test_a_sign_in_that_never_comes_back_times_out():
    connection = service(ENV, open_browser=lambda link: True, login_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(SignInTimedOut):
        connection.sign_in()
    assert time.monotonic() - started < 10


def test_when_the_browser_does_not_open_the_link_is_given_to_copy():
    progress = []
    connection = service(ENV, open_browser=lambda link: False, login_timeout=0.2)
    with pytest.raises(SignInTimedOut):
        connection.sign_in(progress=progress.append)
    waiting = progress[-1]
    assert waiting.step is ConnectStep.WAITING_FOR_BROWSER
    assert "did not open" in waiting.words
    assert waiting.link in waiting.words


def test_a_browser_that_crashes_is_treated_like_one_that_did_not_open():
    def broken(link):
        raise OSError("no display")

    progress = []
    with pytest.raises(SignInTimedOut):
        service(ENV, open_browser=broken, login_timeout=0.2).sign_in(progress=progress.append)
    assert "did not open" in progress[-1].words


def test_a_taken_callback_port_names_the_port_setting_and_variable():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        opened = []
        with pytest.raises(CallbackPortTaken) as caught:
            service({**ENV, "XEROHELPER_CALLBACK_PORT": str(port)}, open_browser=opened.append).sign_in()
    assert opened == []
    assert f"port {port}" in caught.value.words
    assert "XEROHELPER_CALLBACK_PORT" in caught.value.next_step


def test_an_installed_app_carries_a_built_in_client_id_that_the_environment_and_settings_still_beat(
    folders, tmp_path, monkeypatch
):
    from xerohelper.adapters import built_in_app

    written = built_in_app.write_built_in_client_id(
        " B1B2C3D4E5F60718293A4B5C6D7E8F90\n", tmp_path / "id.txt"
    )
    monkeypatch.setattr(built_in_app, "FILE", written)
    monkeypatch.setattr(
        "xerohelper.services.connection.built_in_client_id", lambda: built_in_app.built_in_client_id(written)
    )
    xero = ConnectionService.for_xero(environ={})
    assert xero.client_id_source() == ("B1B2C3D4E5F60718293A4B5C6D7E8F90", "built-in")
    assert ConnectionService.for_xero(environ={"XEROHELPER_CLIENT_ID": "MINE"}).client_id_source() == (
        "MINE",
        "environment",
    )
    xero.save_client_id("a1b2c3d4e5f60718293a4b5c6d7e8f90")  # the owner's own app, kept as Xero writes it
    assert ConnectionService.for_xero(environ={}).client_id_source() == (
        "A1B2C3D4E5F60718293A4B5C6D7E8F90",
        "settings",
    )
    with pytest.raises(ValueError, match="31 characters"):
        xero.save_client_id("A1B2C3D4E5F60718293A4B5C6D7E8F9")
    # The sandbox never takes Xero's built-in app: it has its own.
    assert service().client_id == DEFAULT_CLIENT_ID
    # No build setting: the packaging step leaves no file, and there is no built-in client id.
    built_in_app.write_built_in_client_id("", written)
    assert built_in_app.built_in_client_id(written) == ""


def test_the_packaging_hook_writes_the_built_in_client_id_from_the_build_setting(
    tmp_path, monkeypatch, capsys
):
    from xerohelper.adapters import built_in_app

    target = tmp_path / "built_in_client_id.txt"
    monkeypatch.setattr(built_in_app, "FILE", target)
    monkeypatch.setattr(built_in_app.write_built_in_client_id, "__defaults__", (target,))
    monkeypatch.setenv(built_in_app.BUILD_SETTING, "B1B2C3D4E5F60718293A4B5C6D7E8F90")
    assert built_in_app.main() == 0
    assert built_in_app.built_in_client_id(target) == "B1B2C3D4E5F60718293A4B5C6D7E8F90"
