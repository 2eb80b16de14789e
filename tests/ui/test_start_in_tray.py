"""Started at login, the app sits in the tray with no window: the login entry's command (--in-tray) is run
for real, and a window started in the tray is watched against the demo sandbox. Offscreen Qt has no system
tray: there the app opens its window as it always did; the tray a desktop would have is the ObservedTray
of tests/ui/test_everyday_tray.py."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.demo_session import demo_session
from tests.ui.test_everyday_tray import ObservedTray
from xerohelper.services.start_at_login import IN_TRAY, StartAtLogin, login_command
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.tray_start import start_in_tray

ROOT = Path(__file__).resolve().parents[2]


def exec_line(entry: Path) -> list[str]:
    (line,) = [line for line in entry.read_text().splitlines() if line.startswith("Exec=")]
    return shlex.split(line.removeprefix("Exec="))


def test_the_login_entry_starts_the_app_in_the_tray(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    StartAtLogin().set_on(True)  # the switch in Settings, as the owner turns it on
    command = exec_line(tmp_path / "config" / "autostart" / "xerohelper.desktop")
    assert command == login_command() and command[-1] == IN_TRAY
    # The command as the desktop runs it at login. Offscreen Qt has no tray: the window opens, as before.
    started = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "XEROHELPER_SMOKE": "1", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert "shown ok platform=offscreen" in started.stdout and "in=window" in started.stdout


def test_the_command_line_knows_the_flag():
    helped = subprocess.run(
        [sys.executable, "-m", "xerohelper", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert helped.returncode == 0 and "--in-tray" in helped.stdout


@pytest.fixture
def in_tray(monkeypatch):
    monkeypatch.setattr(MainWindow, "tray_factory", ObservedTray)


def test_started_in_the_tray_the_window_stays_hidden_until_asked_for(qtbot, in_tray):
    with demo_session() as session:
        session.save_mapping(session.mapping())  # connected and set up: nothing needs the owner
        window = MainWindow(session=session)
        qtbot.addWidget(window)
        assert start_in_tray(window)
        tray = window.tray
        assert tray is not None and tray.available
        qtbot.waitUntil(lambda: window.everyday_watch is not None, timeout=15000)
        qtbot.waitUntil(lambda: window.everyday_watch.choices is not None, timeout=15000)
        assert window.everyday_watch.tray is tray  # the one icon, from the start
        assert "today" in tray.state_words
        assert not window.isVisible()
        assert window.first_look.page == "day"
        tray.open_requested.emit()  # Open in the tray's menu, or a click on the icon
        assert window.isVisible()
        window.quit_app()


def test_started_in_the_tray_but_not_connected_the_window_comes_by_itself(qtbot, in_tray):
    window = MainWindow()  # a first start: nobody has connected to Xero yet
    qtbot.addWidget(window)
    assert start_in_tray(window)
    qtbot.waitUntil(lambda: window.first_look is not None, timeout=15000)
    assert window.isVisible()  # the owner has to connect: the window, not an icon they may never notice
    window.quit_app()


def test_where_the_desktop_has_no_tray_the_window_opens_as_before(qtbot):
    window = MainWindow(open_session=False)
    qtbot.addWidget(window)
    assert not start_in_tray(window)  # offscreen: no system tray
    assert window.tray is None
