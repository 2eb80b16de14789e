"""“Xero asked xerohelper to slow down: carrying on in 42 seconds.” — a line that counts down while the
work waits for Xero (a 429's Retry-After, the minute's allowance, a retry after no answer).

The work runs on a worker: its `on_wait(seconds, why)` is made with `heard_by(report)`, which turns each
wait into a `XeroWait` report; the screen's progress handler hands it to `WaitCountdown.start`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from xerohelper.core.waiting import wait_words
from xerohelper.ui import look

TICK_MS = 250


@dataclass(frozen=True)
class XeroWait:
    """One wait for Xero, as a progress report from the worker."""

    seconds: float
    why: str


def heard_by(report: Callable[[object], None]) -> Callable[[float, str], None]:
    """An `on_wait` for a session call that reports each wait through the worker's `report`."""
    return lambda seconds, why: report(XeroWait(seconds, why))


class WaitCountdown(QLabel):
    """Hidden until a wait starts; shows the seconds left, hides itself when they run out (or `stop()`)."""

    def __init__(self, parent: QWidget | None = None, name: str = "wait_countdown") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAccessibleName("Waiting for Xero")
        look.secondary(self)
        self.setVisible(False)
        self._why = ""
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self, wait: XeroWait) -> None:
        self._why = wait.why
        self._until = time.monotonic() + max(0.0, wait.seconds)
        self._timer.start()
        self._tick()
        self.setVisible(True)

    def stop(self) -> None:
        self._timer.stop()
        self.setVisible(False)

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self.stop()
            return
        self.setText(wait_words(left, self._why))
