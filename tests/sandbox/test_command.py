"""`xerohelper sandbox` on the command line: one JSON line when ready, serves, stops on SIGTERM/SIGINT."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from xerohelper.sandbox.testing import connect, http_request


def _start(*args: str) -> tuple[subprocess.Popen, dict]:
    process = subprocess.Popen(
        [sys.executable, "-m", "xerohelper", "sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    return process, json.loads(line)


def _stop(process: subprocess.Popen, signum: int = signal.SIGTERM) -> tuple[int, str, str]:
    process.send_signal(signum)
    out, err = process.communicate(timeout=10)
    return process.returncode, out, err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_prints_one_json_line_serves_and_stops_on_signal(signum):
    process, ready = _start(
        "--seed",
        "demo",
        "--auto-consent",
        "--client-id",
        "MYAPP",
        "--redirect-uri",
        "http://localhost:9999/callback",
    )
    try:
        assert ready["base_url"].startswith("http://127.0.0.1:")
        assert ready["client_id"] == "MYAPP"
        assert ready["redirect_uris"] == ["http://localhost:9999/callback"]
        assert [t["name"] for t in ready["tenants"]] == ["Harbour Street Hardware", "Pier Nine Café"]
        token = connect(ready["base_url"], "MYAPP", redirect_uri="http://localhost:9999/callback")
        status, _, body = http_request(
            "GET",
            ready["base_url"] + "/connections",
            headers={"Authorization": "Bearer " + token["access_token"]},
        )
        assert status == 200
        assert json.loads(body)[0]["tenantName"] == "Harbour Street Hardware"
    finally:
        code, rest_of_stdout, _ = _stop(process, signum)
    assert code == 0
    assert rest_of_stdout == ""  # exactly one line on stdout


def test_busy_port_is_explained_without_a_traceback():
    process, ready = _start()
    try:
        port = ready["base_url"].rsplit(":", 1)[1]
        second = subprocess.run(
            [sys.executable, "-m", "xerohelper", "sandbox", "--port", port],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 1
        assert "--port" in second.stderr
        assert "Traceback" not in second.stderr
        assert second.stdout == ""
    finally:
        _stop(process)


def test_empty_seed_has_one_new_organisation():
    process, ready = _start("--seed", "empty")
    try:
        assert [t["name"] for t in ready["tenants"]] == ["My Shop"]
    finally:
        _stop(process)


def test_developer_tier_and_broad_scopes_are_options():
    process, ready = _start("--developer-tier", "starter", "--broad-scopes")
    try:
        limits = json.loads(http_request("GET", ready["base_url"] + "/_sandbox/limits")[2])
        assert (limits["developer_tier"], limits["limits"]["day"], limits["limits"]["connections"]) == (
            "starter",
            1000,
            5,
        )
        token = connect(ready["base_url"], ready["client_id"], scopes=["accounting.transactions"])
        assert token["scope"] == ["accounting.transactions"]
    finally:
        assert _stop(process)[0] == 0
