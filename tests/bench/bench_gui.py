"""The window while steps run against a slow Xero, and the memory a demo day takes (not a test).

Run:  .venv/bin/python tests/bench/bench_gui.py

The real app in demo mode, offscreen: through Shop setup to the day, the sample imported, then the three
steps run with 300 ms of latency injected into every Xero call. A 10 ms heartbeat timer on the GUI thread
measures the longest gap between its ticks while the steps run (target: no stall over 50 ms).
Peak memory is the process's maximum resident size at the end of the day, the sandbox included
(target ≤ 150 MB).
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
home = tempfile.mkdtemp()
os.environ.update(
    HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_STATE_HOME=f"{home}/s"
)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

from tests.conftest import MemoryKeyring  # noqa: E402
from xerohelper.core.checklist import Step, StepState  # noqa: E402
from xerohelper.sandbox.testing import control  # noqa: E402
from xerohelper.ui.app import create_application  # noqa: E402
from xerohelper.ui.main_window import MainWindow  # noqa: E402
from xerohelper.ui.setup_wizard import READY, SETUP  # noqa: E402

LATENCY_MS = 300


def wait(app, condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    app = create_application()
    window = MainWindow(demo=True)
    window.resize(1280, 720)
    window.show()
    wizard = window.wizard
    wait(app, lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete())
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait(app, lambda: wizard.currentId() == READY)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait(app, lambda: window.day_screen is not None and window.day_screen.pos_card.isEnabled())
    screen = window.day_screen
    screen.pos_card.import_file(window.session.demo_day_file(window.session.today()))
    wait(app, lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.READY)
    control(window.session.sandbox.base_url, "latency", {"ms": LATENCY_MS})

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    started = time.perf_counter()
    for step in (Step.SALES_SUMMARY, Step.APPROVE, Step.PAYMENTS):
        wait(app, screen.run_next_button.isEnabled)
        screen.run_next_button.click()
        wait(app, lambda step=step: screen.step_card(step).state is StepState.DONE)
    heartbeat.stop()
    took = time.perf_counter() - started
    stalls = [g for g in gaps if g > 50]
    print(
        f"three steps with {LATENCY_MS} ms Xero latency: {took:.2f} s; {len(gaps)} heartbeats (10 ms); "
        f"longest gap {max(gaps):.0f} ms; gaps over 50 ms: {len(stalls)} (target 0)"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory through a demo day (app + in-process sandbox): {peak_mb:.0f} MB (target ≤ 150 MB)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
