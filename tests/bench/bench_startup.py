"""Cold start to the interactive window: xerohelper against a bare PySide6 window started the same way.

Run:  .venv/bin/python tests/bench/bench_startup.py [runs, default 15]

Both are started as new processes, alternately, offscreen (xerohelper through its installed launcher,
as a double-click does); each prints a line once its window is shown and the event loop answers, then
quits. The time is the wall time from spawning the process to that line (the median of the runs, after
one run of each to warm the disk cache; xerohelper's modules are byte-compiled first, as installed).
Target (issue 11): xerohelper ≤ 1.3 × the bare window. Also measured, without a target: the time until
xerohelper's first page (the wizard, built once the first frame is drawn) is there and the loop answers,
and xerohelper's peak memory at its first window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure, report  # noqa: E402

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
FIRST_PAGE = """
import sys
from PySide6.QtCore import QTimer
from xerohelper.ui.app import create_application
from xerohelper.ui.main_window import MainWindow
app = create_application()
try:
    w = MainWindow(open_session=False, pages_later=True)
except TypeError:  # a version that builds its pages at once
    w = MainWindow(open_session=False)
w.show()
def shown():
    print("shown ok", flush=True); app.quit()
built = getattr(w, "pages_built", None)
if built is None:
    QTimer.singleShot(0, shown)
else:
    built.connect(lambda: QTimer.singleShot(0, shown))
app.exec()
"""
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


def measure(runs: int = 15) -> list[Figure]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XEROHELPER_SMOKE="1",
            HOME=home,
            XDG_CONFIG_HOME=f"{home}/c",
            XDG_DATA_HOME=f"{home}/d",
            XDG_STATE_HOME=f"{home}/s",
            PYTHONPATH=str(ROOT),
        )
        env.setdefault("LC_ALL", "C.UTF-8")
        # As installed (pip byte-compiles a wheel; a packaged app ships its bytecode): compiled once here,
        # not on every start, even where the environment says not to write bytecode.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "xerohelper")], env=env, check=True
        )
        for warm_up in ([sys.executable, "-c", BARE], XEROHELPER, [sys.executable, "-c", FIRST_PAGE]):
            time_to_window(warm_up, env)
        bare, ours, page = [], [], []
        for _ in range(runs):
            bare.append(time_to_window([sys.executable, "-c", BARE], env))
            ours.append(time_to_window(XEROHELPER, env))
            page.append(time_to_window([sys.executable, "-c", FIRST_PAGE], env))
        b, o, p = (statistics.median(x) * 1000 for x in (bare, ours, page))
        print(
            f"  {runs} runs each; bare min {min(bare) * 1000:.0f} ms, "
            f"xerohelper min {min(ours) * 1000:.0f} ms, first page min {min(page) * 1000:.0f} ms"
        )
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
    return [
        Figure("start: bare PySide6 window (median)", b, "ms", baseline=True),
        Figure("start: xerohelper window (median)", o, "ms"),
        Figure("start: xerohelper / bare window", o / b, "×", 1.3, digits=2),
        Figure("start: the same, fastest runs (less noise)", min(ours) / min(bare), "×", 1.3, digits=2),
        Figure("start: xerohelper's first page ready (median)", p, "ms"),
        Figure("start: xerohelper peak memory at its window", float(probe.stdout.strip()), "MB"),
    ]


def main() -> int:
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    return report(measure(int(numbers[0]) if numbers else 15))


if __name__ == "__main__":
    sys.exit(main())
