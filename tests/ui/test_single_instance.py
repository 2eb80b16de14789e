"""One xerohelper per user: a second launch raises the running window and quits; a crash's leftovers
(lock and socket) don't stop the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from xerohelper.ui.single_instance import SingleInstance

CLAIM = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from xerohelper.ui.single_instance import SingleInstance\n"
    "app = QCoreApplication([])\n"
    "me = SingleInstance.claim(sys.argv[1], Path(sys.argv[2]))\n"
    "if me is None:\n    print('asked the running one to come to the front', flush=True); sys.exit(0)\n"
    "print('listening' if me.listen() else 'not listening', flush=True)\n"
    "time.sleep(60)\n"
)


def _key() -> str:
    return f"xh-test-{uuid.uuid4().hex[:8]}"


def _claim_in_a_child(key: str, folder: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CLAIM, key, str(folder)], stdout=subprocess.PIPE, text=True, **kwargs
    )


def test_a_second_launch_asks_the_first_to_come_to_the_front(qtbot):
    folder, key = Path(os.environ["XDG_RUNTIME_DIR"]), _key()
    first = SingleInstance.claim(key, folder)
    assert first is not None and first.listen()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=15_000):
            second = _claim_in_a_child(key, folder)
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
        out, _ = second.communicate()
        assert second.returncode == 0
        assert out.strip() == "asked the running one to come to the front"
    finally:
        first.release()
    third = SingleInstance.claim(key, folder)  # released: the next one runs
    assert third is not None
    third.release()


def test_a_crashed_apps_lock_and_socket_are_taken_over(qtbot):
    folder, key = Path(os.environ["XDG_RUNTIME_DIR"]), _key()
    crashed = _claim_in_a_child(key, folder)
    assert crashed.stdout.readline().strip() == "listening"
    crashed.send_signal(signal.SIGKILL)  # no clean-up: the lock file and the socket file stay behind
    crashed.communicate(timeout=10)
    assert sorted(p.suffix for p in folder.iterdir() if p.name.startswith(key)) == [".lock", ".socket"]
    started = time.monotonic()
    after = SingleInstance.claim(key, folder)
    assert after is not None and time.monotonic() - started < 2  # no waiting on the dead one
    try:
        assert after.listen()
        with qtbot.waitSignal(after.raise_requested, timeout=15_000):
            second = _claim_in_a_child(key, folder)
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
        second.communicate()
        assert second.returncode == 0
    finally:
        after.release()


def test_double_clicking_the_app_while_it_runs_raises_its_window(tmp_path):
    """The real `xerohelper`: the second launch quits at once, the first one is asked to come forward."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        [sys.executable, "-m", "xerohelper"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = next(Path(os.environ["XDG_RUNTIME_DIR"]).glob("xerohelper-*.socket"), None)
        deadline = time.monotonic() + 30
        while socket is None and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.1)
            socket = next(Path(os.environ["XDG_RUNTIME_DIR"]).glob("xerohelper-*.socket"), None)
        assert socket is not None, "the first launch never started listening"
        second = subprocess.run([sys.executable, "-m", "xerohelper"], env=env, timeout=30)
        assert second.returncode == 0
        assert first.poll() is None  # the first one is still running
        log = Path(os.environ["XDG_STATE_HOME"]) / "xerohelper" / "log"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            text = "".join(p.read_text() for p in log.glob("*.log")) if log.is_dir() else ""
            if "asked this window to come to the front" in text:
                break
            time.sleep(0.1)
        assert "asked this window to come to the front" in text
    finally:
        first.terminate()
        first.wait(15)


def test_a_folder_it_cannot_write_to_does_not_stop_the_app(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root can write anywhere")
        started = time.monotonic()
        assert SingleInstance.claim(_key(), folder) is not None
        assert time.monotonic() - started < 1  # no knocking on a door that isn't there
    finally:
        folder.chmod(0o700)
