"""`xerohelper connect`, `status --json` and `disconnect` against the sandbox, with $BROWSER set to a
stand-in that signs in like a person would (so the commands really go through Python's webbrowser)."""

from __future__ import annotations

import io
import json
import socket
import stat
import sys
import webbrowser
from pathlib import Path

import pytest

from tests.services.sandbox_sign_in import HARBOUR, PIER, sign_in_sandbox
from xerohelper.cli import main

STAND_IN = Path(__file__).resolve().parent / "services" / "browser_stand_in.py"


@pytest.fixture
def browser(tmp_path, monkeypatch):
    """$BROWSER → the stand-in; webbrowser reads $BROWSER once per process, so make it read it again."""
    script = tmp_path / "browser"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STAND_IN}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.setenv("PYTHONPATH", str(STAND_IN.parents[2]))
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return script


@pytest.fixture
def xero(monkeypatch, browser):
    with sign_in_sandbox() as running:
        for key, value in running.environ.items():
            monkeypatch.setenv(key, value)
        yield running


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def status_json(capsys, xero) -> dict:
    code, out, _ = run(capsys, "status", "--json", "--sandbox", xero.base_url)
    assert code == 0
    return json.loads(out)


def test_connect_status_disconnect(xero, capsys):
    assert status_json(capsys, xero) == {"connected": False, "organisation": None, "reconnect_reason": None}

    code, out, err = run(capsys, "connect", "--sandbox", xero.base_url)
    assert (code, out) == (0, f"Connected to Xero: {HARBOUR}.\n")
    assert "Waiting for Xero" in err

    assert status_json(capsys, xero) == {
        "connected": True,
        "organisation": {"name": HARBOUR, "tenant_id": xero.tenant(HARBOUR), "short_code": "!Xk3Lp"},
        "reconnect_reason": None,
    }
    code, out, _ = run(capsys, "status", "--sandbox", xero.base_url)
    assert (code, out) == (0, f"Connected to Xero: {HARBOUR}.\n")

    code, out, _ = run(capsys, "disconnect", "--sandbox", xero.base_url)
    assert code == 0
    assert out.startswith(f"Disconnected from {HARBOUR}.")
    assert status_json(capsys, xero)["connected"] is False
    code, out, _ = run(capsys, "disconnect", "--sandbox", xero.base_url)
    assert (code, out) == (0, "xerohelper was not connected to Xero; there was nothing to do.\n")


def test_status_names_the_reason_when_xero_ended_the_connection(xero, capsys):
    assert run(capsys, "connect", "--sandbox", xero.base_url)[0] == 0
    xero.control("connections/remove", {"tenant": HARBOUR})
    status = status_json(capsys, xero)
    assert status["connected"] is False
    assert status["organisation"]["name"] == HARBOUR
    assert status["reconnect_reason"].startswith("Your organisation is no longer among the organisations")
    code, out, _ = run(capsys, "status", "--sandbox", xero.base_url)
    assert code == 0
    assert out.startswith(f"Reconnect needed ({HARBOUR}).")
    assert "Click Reconnect" in out

    assert run(capsys, "connect", "--sandbox", xero.base_url)[0] == 0  # reconnect
    assert status_json(capsys, xero)["reconnect_reason"] is None


def test_several_organisations_need_organisation_when_nobody_can_be_asked(monkeypatch, browser, capsys):
    with sign_in_sandbox(auto_consent=True, auto_consent_tenants="all") as xero:
        for key, value in xero.environ.items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: nobody to ask
        code, _, err = run(capsys, "connect", "--sandbox", xero.base_url)
        assert code == 1
        assert f"{HARBOUR}, {PIER}" in err
        assert "--organisation NAME" in err
        code, out, _ = run(capsys, "connect", "--sandbox", xero.base_url, "--organisation", "pier nine café")
        assert (code, out) == (0, f"Connected to Xero: {PIER}.\n")
        code, out, _ = run(
            capsys, "connect", "--sandbox", xero.base_url, "--organisation", xero.tenant(HARBOUR)
        )
        assert (code, out) == (0, f"Connected to Xero: {HARBOUR}.\n")  # switching is asked for by name
        assert status_json(capsys, xero)["organisation"]["name"] == HARBOUR


def test_an_organisation_that_was_not_allowed_is_named(monkeypatch, browser, capsys):
    with sign_in_sandbox(auto_consent=True, auto_consent_tenants="all") as xero:
        for key, value in xero.environ.items():
            monkeypatch.setenv(key, value)
        code, _, err = run(capsys, "connect", "--sandbox", xero.base_url, "--organisation", "Nowhere Ltd")
        assert code == 1
        assert "'Nowhere Ltd' is not one of the organisations you allowed xerohelper into" in err


def test_saying_no_in_xero(xero, capsys, monkeypatch):
    monkeypatch.setenv("XEROHELPER_TEST_DECISION", "deny")
    code, out, err = run(capsys, "connect", "--sandbox", xero.base_url)
    assert (code, out) == (1, "")
    assert "You chose not to allow xerohelper into Xero." in err


def test_a_taken_port_is_explained(xero, capsys, monkeypatch):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        monkeypatch.setenv("XEROHELPER_CALLBACK_PORT", str(busy.getsockname()[1]))
        code, _, err = run(capsys, "connect", "--sandbox", xero.base_url)
    assert code == 1
    assert "XEROHELPER_CALLBACK_PORT" in err


def test_connect_without_a_client_id_says_where_to_put_one(capsys, monkeypatch):
    monkeypatch.delenv("XEROHELPER_CLIENT_ID", raising=False)
    code, _, err = run(capsys, "connect")
    assert code == 1
    assert "XEROHELPER_CLIENT_ID" in err


@pytest.mark.parametrize("command", ["connect", "status", "disconnect"])
def test_a_sandbox_address_that_is_not_one_is_a_usage_error(capsys, command):
    code, _, err = run(capsys, command, "--sandbox", "127.0.0.1:8900")
    assert code == 2
    assert "http://127.0.0.1:8900" in err
