"""`xerohelper --demo --self-test`: the demo's day end to end in the real window with nobody at it, one JSON
line, exit 0/1 — offscreen, with no password store and no D-Bus, in a fresh home, leaving nothing behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.self_test import SelfTest


def test_the_self_test_runs_the_demo_day_with_no_keyring_and_no_dbus(tmp_path):
    home, temp = tmp_path / "fresh-home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        # keyring's "no password store at all": the real Xero sign-in would refuse it; the demo needs none
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XEROHELPER_SELF_TEST_REPORT": str(tmp_path / "report.json"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "xerohelper", "--demo", "--self-test"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout + result.stderr
    answer = json.loads(lines[0])
    assert answer["ok"] is True, answer
    assert answer["steps"] == ["done", "done", "done"]
    assert answer["problem"] is None
    assert isinstance(answer["seconds"], float | int) and answer["seconds"] > 0
    assert result.returncode == 0
    assert json.loads((tmp_path / "report.json").read_text()) == answer
    # nothing left: no throwaway folder in the temp folder, nothing written into the fresh home
    assert list(temp.iterdir()) == []
    assert list(home.iterdir()) == []


def test_a_day_xero_refuses_makes_the_self_test_say_so(qtbot, tmp_path):
    folders = AppFolders(tmp_path / "s", tmp_path / "d", tmp_path / "l").create()
    session = AppSession(folders=folders, demo=True)
    session.open()
    session.connect()
    # the practice Xero's books are locked up to today: the day's sales summary can't go in
    control(session.sandbox.base_url, "lock-dates", {"period_lock_date": session.today().isoformat()})
    window = MainWindow(session=session)
    qtbot.addWidget(window)
    window.show()
    test = SelfTest(window, time_limit=60)
    test.start()
    qtbot.waitUntil(lambda: test.result is not None, timeout=60_000)
    window.close()
    assert test.result["ok"] is False
    assert test.result["steps"][0] == "needs attention"
    assert test.result["problem"]
    assert "lock" in test.result["problem"].lower(), test.result
