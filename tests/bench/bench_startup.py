"""Cold start to the interactive window: xerohelper against a bare PySide6 window started the same way.

Run:  .venv/bin/python tests/bench/bench_startup.py [runs, default 7]

Both are started as new processes, alternately, offscreen (xerohelper through its installed launcher,
as a double-click does); each prints a line once its window is shown and the event loop answers, then
quits. The time is the wall time from spawning the process to that line. Target (DESIGN.md): xerohelper
≤ 1.5 × the bare window. Also prints xerohelper's peak memory at that point.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1100, 720); w.show()
def shown():
    print("shown ok", flush=True); app.quit()
QTimer.singleShot(0, shown); app.exec()
"""
# The installed launcher (what a double-click runs), else the module.
_LAUNCHER = Path(sys.executable).with_name("xerohelper")
XEROHELPER = [str(_LAUNCHER)] if _LAUNCHER.exists() else [sys.executable, "-m", "xerohelper"]
PEAK = "import resource, sys; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"


def time_to_window(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    for line in process.stdout:
        if line.startswith("shown ok"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise SystemExit(f"{args} never showed its window")
    process.wait(30)
    return elapsed


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XEROHELPER_SMOKE="1",
            HOME=home,
            XDG_CONFIG_HOME=f"{home}/c",
            XDG_DATA_HOME=f"{home}/d",
            XDG_STATE_HOME=f"{home}/s",
        )
        env.setdefault("LC_ALL", "C.UTF-8")
        bare, ours = [], []
        for _ in range(runs):
            bare.append(time_to_window([sys.executable, "-c", BARE], env))
            ours.append(time_to_window(XEROHELPER, env))
        b, o = statistics.median(bare), statistics.median(ours)
        print(f"bare PySide6 window: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f}) over {runs} runs")
        print(f"xerohelper window:   median {o * 1000:.0f} ms (min {min(ours) * 1000:.0f}) over {runs} runs")
        print(f"ratio xerohelper / bare: {o / b:.2f} (target ≤ 1.5)")
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import subprocess, sys; subprocess.run([sys.executable, '-m', 'xerohelper'], "
                f"stdout=subprocess.DEVNULL); {PEAK}",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"xerohelper peak memory to the first window: {probe.stdout.strip()} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
