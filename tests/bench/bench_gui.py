"""The window while a day goes to a slow Xero in another process, and the memory the app takes (not a test).

Run:  .venv/bin/python tests/bench/bench_gui.py [--once | --stalls | --profile]

The sandbox runs as its own process (`xerohelper sandbox --port 0 --auto-consent`), as Xero does: it
shares no Python lock with the app. The real app, offscreen, connects to it as the demo does (through
the sign-in page, consented at once), goes through Shop setup to the day, imports the demo till's day,
then runs the three steps with 300 ms of latency injected into every Xero call. A 2 ms heartbeat timer
on the GUI thread records each gap between its ticks while the steps run: the longest gap is the longest
the window could not answer the owner (target: no stall over 16 ms, one frame at 60 Hz). Measured in the
same run: the same heartbeat for as long again with the window idle (the gaps the computer itself makes:
other programs, the scheduler), and the GUI thread's own CPU time in each gap (time.thread_time), which
other programs don't inflate.

--stalls: what stalls: a watchdog thread samples every thread's stack whenever the heartbeat is late
by over 8 ms, each event the GUI thread delivers is timed (the longest gaps are listed with their
events), and garbage collections and full repaints are timed. --profile: the GUI thread's CPU profile.
Peak memory is the app process's maximum resident size at the end of the day (target ≤ 150 MB).
Each figure is the median of 3 runs, each in a fresh process (--once: one run).
"""

from __future__ import annotations

import collections
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = tempfile.mkdtemp(prefix="bench-gui-")
os.environ.update(
    HOME=HOME, XDG_CONFIG_HOME=f"{HOME}/c", XDG_DATA_HOME=f"{HOME}/d", XDG_STATE_HOME=f"{HOME}/s"
)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.table import Figure  # noqa: E402

LATENCY_MS = 300
BEAT_MS = 2
STALL_MS = 16
RUNS = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_sandbox(callback_port: int) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "xerohelper", "sandbox", "--port", "0", "--auto-consent",
         "--redirect-uri", f"http://localhost:{callback_port}/callback"],
        stdout=subprocess.PIPE, cwd=ROOT, text=True,
    )  # fmt: skip
    return process, json.loads(process.stdout.readline())["base_url"]


def sandbox_session(base_url: str, callback_port: int):
    """The app's session, wired to the sandbox at base_url as the demo wires its own."""
    from xerohelper.services import app_session, practice_xero
    from xerohelper.services.connection import ConnectionService

    class SandboxSession(app_session.AppSession):
        def open(self):
            with self._lock:
                if self.connection is None:
                    self.connection = ConnectionService.for_sandbox(
                        base_url,
                        folders=self.folders,
                        environ={**self._environ, "XEROHELPER_CALLBACK_PORT": str(callback_port)},
                        open_browser=practice_xero._follow_sign_in_link,
                    )
            return super().open()

    return SandboxSession()


class Watchdog(threading.Thread):
    """Samples the GUI thread's stack while its heartbeat is late."""

    def __init__(self, gui_thread: int, last_beat: list[float]) -> None:
        super().__init__(daemon=True)
        self.gui_thread, self.last_beat = gui_thread, last_beat
        self.samples: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.002):
            if time.perf_counter() - self.last_beat[0] > 0.008:
                frames = sys._current_frames()
                for ident, other in frames.items():
                    if ident in (self.gui_thread, self.ident):
                        continue
                    top = traceback.extract_stack(other)[-2:]
                    where = " < ".join(f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in reversed(top))
                    self.samples[f"[another thread] {where}"] += 1
                frame = frames.get(self.gui_thread)
                if frame is not None:
                    stack = traceback.extract_stack(frame)
                    ours = [f for f in stack if "xerohelper" in f.filename or "PySide6" in f.filename]
                    where = " < ".join(
                        f"{Path(f.filename).stem}.{f.name}:{f.lineno}"
                        for f in reversed(ours[-4:] or stack[-3:])
                    )
                    self.samples[where] += 1


def timed_application():
    """A QApplication that times each event it delivers (outermost only), for --stalls."""
    from PySide6.QtWidgets import QApplication

    class Timed(QApplication):
        def __init__(self, argv) -> None:
            super().__init__(argv)
            self.depth = 0
            self.recording = False
            self.slow: list[tuple[float, str]] = []

        def notify(self, receiver, event) -> bool:
            self.depth += 1
            began = time.perf_counter()
            try:
                return super().notify(receiver, event)
            finally:
                self.depth -= 1
                took = (time.perf_counter() - began) * 1000
                if self.recording and self.depth == 0 and took > 0.5:
                    try:
                        what = f"{type(receiver).__name__}({receiver.objectName()}) {event.type().name}"
                    except RuntimeError:  # deleted meanwhile
                        what = f"{type(receiver).__name__} {event.type().name}"
                    self.slow.append((took, what, began))

    return Timed(sys.argv[:1])


def wait(app, condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)


def measure_once(stalls: bool = False) -> list[Figure]:
    import keyring
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QWizard

    from tests.support.memory_keyring import MemoryKeyring
    from xerohelper.core.checklist import Step, StepState
    from xerohelper.sandbox.testing import control
    from xerohelper.ui.app import create_application
    from xerohelper.ui.main_window import MainWindow
    from xerohelper.ui.setup_wizard import READY, SETUP

    keyring.set_keyring(MemoryKeyring())
    port = _free_port()
    sandbox, base_url = start_sandbox(port)
    try:
        timed = timed_application() if stalls else None
        app = create_application()
        window = MainWindow(session=sandbox_session(base_url, port))
        window.resize(1280, 720)
        window.show()
        wait(app, lambda: window.first_look is not None)
        window.start_connecting()
        wizard = window.wizard
        wait(app, lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete())
        wizard.button(QWizard.WizardButton.NextButton).click()
        wait(app, lambda: wizard.currentId() == READY)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        wait(app, lambda: window.day_screen is not None and window.day_screen.pos_card.isEnabled())
        screen = window.day_screen
        screen.pos_card.import_file(window.session.demo_day_file(window.session.today()))
        wait(app, lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.READY)
        wait(app, screen.run_next_button.isEnabled)
        settled = time.monotonic() + 1.0  # the imported day drawn, its labels polished: then the steps
        wait(app, lambda: time.monotonic() > settled)
        control(base_url, "latency", {"ms": LATENCY_MS})

        gaps: list[tuple[float, float]] = []  # (wall ms, GUI thread CPU ms)
        last = [time.perf_counter(), time.thread_time()]

        ends: list[float] = []

        def beat() -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            gaps.append(((now - last[0]) * 1000, (cpu - last[1]) * 1000))
            ends.append(now)
            last[0], last[1] = now, cpu

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(BEAT_MS)
        heartbeat.timeout.connect(beat)
        watchdog = Watchdog(threading.get_ident(), last) if stalls else None
        collections_seen: list[tuple[int, str, float]] = []
        if stalls:
            import gc

            began_gc: dict[int, float] = {}

            def timed_gc(phase: str, info: dict) -> None:
                key = threading.get_ident()
                if phase == "start":
                    began_gc[key] = time.thread_time()
                elif key in began_gc:
                    where = "GUI" if key == watchdog.gui_thread else "worker"
                    took = (time.thread_time() - began_gc.pop(key)) * 1000
                    collections_seen.append((info["generation"], where, took))

            gc.callbacks.append(timed_gc)
        started = time.perf_counter()
        last[0], last[1] = started, time.thread_time()
        heartbeat.start()
        if watchdog:
            watchdog.start()
            timed.recording = True
        profile = None
        if "--profile" in sys.argv:
            import cProfile

            profile = cProfile.Profile(time.thread_time)  # CPU time: not other programs, not waits
            profile.enable()
        for step in (Step.SALES_SUMMARY, Step.APPROVE, Step.PAYMENTS):
            wait(app, screen.run_next_button.isEnabled)
            screen.run_next_button.click()
            wait(app, lambda step=step: screen.step_card(step).state is StepState.DONE)
        heartbeat.stop()
        took = time.perf_counter() - started
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        if watchdog:
            watchdog.stop.set()
        # The same heartbeat for as long again with the day finished and the window idle: the gaps the
        # computer itself makes (other programs, the scheduler), the floor under the figure above.
        steps_gaps = list(gaps)
        gaps.clear()
        last[0], last[1] = time.perf_counter(), time.thread_time()
        heartbeat.start()
        idle_until = time.monotonic() + took
        wait(app, lambda: time.monotonic() > idle_until)
        heartbeat.stop()
        idle_gaps, gaps = list(gaps), steps_gaps
        del ends[len(gaps) :]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if stalls:
            for what, widget in (("window", window), ("day screen", screen), ("calendar", screen._calendar)):
                cpu = time.thread_time()
                for _ in range(5):
                    widget.repaint()
                print(
                    f"    a full repaint of the {what}: {(time.thread_time() - cpu) / 5 * 1000:.1f} ms of CPU"
                )
        window.close()
    finally:
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(10)
    longest = max(gaps)
    busiest = max(g[1] for g in gaps)
    idle = max(idle_gaps)
    over = sum(1 for wall, _ in gaps if wall > STALL_MS)
    print(
        f"  three steps, {LATENCY_MS} ms Xero latency, sandbox in its own process: {took:.2f} s; "
        f"{len(gaps)} heartbeats; gaps over {STALL_MS} ms: {over}; longest {longest[0]:.1f} ms "
        f"(GUI thread busy {longest[1]:.1f} ms of it); idle window, as long again: longest gap "
        f"{idle[0]:.1f} ms, gaps over {STALL_MS} ms: {sum(1 for wall, _ in idle_gaps if wall > STALL_MS)}"
    )
    if watchdog:
        for where, count in watchdog.samples.most_common(25):
            print(f"    {count:4d}  {where}")
        for took, what, _ in sorted(timed.slow, reverse=True)[:12]:
            print(f"    {took:6.1f} ms  {what}")
        for (wall, cpu), end in sorted(zip(gaps, ends, strict=True), reverse=True)[:4]:
            print(f"    a gap of {wall:.1f} ms (GUI thread CPU {cpu:.1f} ms):")
            for took, what, began in timed.slow:
                if end - wall / 1000 <= began <= end:
                    print(f"        {took:5.1f} ms  {what}")
        for generation, where, took in collections_seen:
            if took > 0.5:
                print(
                    f"    garbage collection (generation {generation}) on the {where} thread: {took:.1f} ms"
                )
    return [
        Figure("GUI: longest stall while 3 steps run (300 ms Xero)", longest[0], "ms", STALL_MS, digits=1),
        Figure("GUI: longest gap, window idle as long (floor)", idle[0], "ms", digits=1, baseline=True),
        Figure("GUI: longest GUI-thread CPU in one heartbeat gap", busiest, "ms", STALL_MS, digits=1),
        Figure("GUI: peak memory through a day (app alone)", peak, "MB", 150),
    ]


def measure(runs: int = RUNS) -> list[Figure]:
    """Each figure's median over `runs` runs, each in a fresh process (one run's longest gap is one
    sample of how busy the computer was)."""
    import statistics
    from dataclasses import replace

    from tests.bench.table import FIGURES

    samples: dict[str, list[Figure]] = {}
    for number in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--once", "--figures"], cwd=ROOT, capture_output=True, text=True
        )
        lines = done.stdout.splitlines()
        print("\n".join(line for line in lines if not line.startswith(FIGURES)), flush=True)
        found = [line for line in lines if line.startswith(FIGURES)]
        if done.returncode != 0 or not found:
            raise SystemExit(f"run {number + 1} failed:\n{done.stderr[-2000:]}")
        for figure in json.loads(found[0][len(FIGURES) :]):
            samples.setdefault(figure["name"], []).append(Figure(**figure))
    return [
        replace(
            figures[0],
            name=f"{name} (median of {runs})",
            measured=statistics.median(f.measured for f in figures),
        )
        for name, figures in samples.items()
    ]


def main() -> int:
    from tests.bench.table import report

    if "--once" in sys.argv or "--stalls" in sys.argv or "--profile" in sys.argv:
        try:
            return report(measure_once(stalls="--stalls" in sys.argv))
        finally:
            shutil.rmtree(HOME, ignore_errors=True)
    shutil.rmtree(HOME, ignore_errors=True)  # the runs have their own
    return report(measure())


if __name__ == "__main__":
    sys.exit(main())
