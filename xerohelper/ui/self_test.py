"""`xerohelper --demo --self-test`: the real window runs the demo shop's day end to end with nobody at it,
then says in one JSON line whether it worked. For packaging checks, CI after installing, and support.

    {"ok": true, "steps": ["done", "done", "done"], "seconds": 7.4, "problem": null}

It clicks what the owner would click, in the real window on the real services: the demo connects (the
browser step is done for the owner), Shop setup → Next, Finish, the demo till's file is imported as the file
chooser would hand it over, the primary button runs the sales summary, the approval and the payments, and
the day is read back from the practice Xero. "problem" is the title of the explanation the owner would
see, or what stopped the run. Exit code 0 when the three steps are done, 1 otherwise.

It runs in a throwaway folder (its own settings, journal, practice Xero and logs), so it never touches
the owner's data and needs no password store, and it works offscreen with no D-Bus. The folder is removed
at the end, unless the run failed: then its path is printed on stderr for support (logs inside).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from xerohelper.core.checklist import ORDER, StepState

log = logging.getLogger(__name__)

REPORT_ENV = "XEROHELPER_SELF_TEST_REPORT"  # also write the JSON line to this file (no stdout on Windows)
TIME_LIMIT_SECONDS = 180
TICK_MS = 50


class SelfTest(QObject):
    """Watches the window every TICK_MS and does the next thing the owner would do."""

    def __init__(self, window, time_limit: float = TIME_LIMIT_SECONDS) -> None:
        super().__init__(window)
        self.window = window
        self.started = time.monotonic()
        self.time_limit = time_limit
        self.phase = "opening the demo shop"
        self.clicked_step = None  # the step whose button was clicked last
        self.imported = False
        self.read_back = None  # the checklist read back from the practice Xero
        self.result: dict | None = None
        self.on_finished = None  # called with the result
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start()

    # ---- one look at the window ----------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.result is not None:
            return
        if time.monotonic() - self.started > self.time_limit:
            self._finish(f"The self-test ran out of time while {self.phase}")
            return
        try:
            self._next_move()
        except Exception as error:  # a fault of the self-test or the window: report it, never hang
            log.exception("self-test: %s failed", self.phase)
            self._finish(f"The self-test stopped while {self.phase}: {type(error).__name__}")

    def _next_move(self) -> None:
        window = self.window
        screen = window.day_screen
        if screen is not None and window.pages.currentWidget() is screen:
            self._on_the_day(screen)
            return
        if window.pages.currentWidget() is window.reconnect_page:
            self._finish(window.reconnect_page.reason.text() or "The demo asked to sign in again")
            return
        wizard = window.wizard
        connect_page = wizard.connect_page
        if wizard.currentPage() is connect_page and connect_page.problem.isVisible():
            self._finish(connect_page.problem.title.text())
            return
        if wizard.currentPage() is wizard.setup_page and wizard.setup_page.isComplete():
            self.phase = "setting up the demo shop"
            self._click(wizard.button(QWizard.WizardButton.NextButton))
        elif wizard.currentPage() is wizard.ready_page:
            self.phase = "finishing the set-up"
            self._click(wizard.button(QWizard.WizardButton.FinishButton))

    def _on_the_day(self, screen) -> None:
        if screen.busy or screen.snapshot is None:
            return
        trouble = screen.problem_card.explanation
        if trouble is not None:
            self._finish(trouble.title)
            return
        if screen.pos_card.problem_label.text():
            self._finish(screen.pos_card.problem_label.text().splitlines()[0])
            return
        if not self.imported:
            self.phase = "importing the demo till's file"
            self.imported = True
            session = self.window.session
            screen.pos_card.import_file(session.demo_day_file(screen.trading_date))
            return
        if screen.snapshot.day is None:
            return  # the import is still being shown
        if self.clicked_step is not None:
            card = screen.step_card(self.clicked_step)
            if card.explanation_card.explanation is not None:
                self._finish(card.explanation_card.explanation.title)
                return
        checklist = screen.snapshot.checklist
        following = checklist.next_step
        if following is not None:
            if following.step is self.clicked_step and following.state is not StepState.READY:
                self._finish(f"{following.title}: {following.reason}")
                return
            self.phase = f"running “{following.title}”"
            self.clicked_step = following.step
            self._click(screen.run_next_button)
            return
        if not checklist.is_finished:
            waiting = next(s for s in checklist.steps if s.state is not StepState.DONE)
            self._finish(f"{waiting.title}: {waiting.reason}" if waiting.reason else waiting.title)
            return
        if self.read_back is None:
            self._read_back(screen)

    def _read_back(self, screen) -> None:
        """Read the day back from the practice Xero, as "check again" does."""
        from xerohelper.ui.workers import run_in_background

        self.phase = "reading the day back from Xero"
        self.read_back = "reading"
        session, day, place = self.window.session, screen.trading_date, screen.location
        run_in_background(
            lambda: session.check_again(day, place),
            on_done=self._read,
            on_failed=lambda error: self._finish(_title_of(error)),
        )

    def _read(self, checklist) -> None:
        self.read_back = checklist
        waiting = next((s for s in checklist.steps if s.state is not StepState.DONE), None)
        self._finish(None if waiting is None else f"Read back from Xero: {waiting.title} is {waiting.state}")

    def _click(self, button) -> None:
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

    # ---- the answer ----------------------------------------------------------------------------------------
    def steps(self) -> list[str]:
        checklist = None if self.read_back in (None, "reading") else self.read_back
        if checklist is None and self.window.day_screen is not None and self.window.day_screen.snapshot:
            checklist = self.window.day_screen.snapshot.checklist
        if checklist is None:
            return [str(StepState.NOT_STARTED)] * len(ORDER)
        return [str(checklist[step].state) for step in ORDER]

    def _finish(self, problem: str | None) -> None:
        self._timer.stop()
        steps = self.steps()
        ok = problem is None and all(state == StepState.DONE for state in steps)
        if not ok and problem is None:
            problem = "The day did not finish"
        self.result = {
            "ok": ok,
            "steps": steps,
            "seconds": round(time.monotonic() - self.started, 1),
            "problem": problem,
        }
        log.info("self-test: %s", self.result)
        if self.on_finished is not None:
            self.on_finished(self.result)


def _title_of(error: BaseException) -> str:
    from xerohelper.ui.failure_words import explain_failure

    return getattr(error, "words", None) or explain_failure(error).title


def report(result: dict) -> None:
    """The one JSON line: on stdout when there is one, and in $XEROHELPER_SELF_TEST_REPORT when set."""
    line = json.dumps(result, ensure_ascii=False)
    if sys.stdout is not None:
        print(line, flush=True)
    target = os.environ.get(REPORT_ENV, "").strip()
    if target:
        Path(target).write_text(line + "\n", encoding="utf-8")


def run_self_test(app: QApplication) -> int:
    """Open the demo in a throwaway folder, run its day, report, clean up. Returns the exit code."""
    from xerohelper.services.throwaway_demo import ThrowawayDemo
    from xerohelper.ui.app import app_icon
    from xerohelper.ui.main_window import MainWindow

    app.setWindowIcon(app_icon())
    demo = ThrowawayDemo()
    window = MainWindow(session=demo.session)
    window.show()
    test = SelfTest(window)
    test.on_finished = lambda _result: QTimer.singleShot(0, lambda: (window.close(), app.quit()))
    test.start()
    app.exec()
    if test.result is None:  # the window was closed before the day was done
        test._finish("The window was closed before the self-test finished")
    result = test.result
    demo.finish(keep=not result["ok"])
    report(result)
    if result["ok"]:
        return 0
    print(f"xerohelper self-test: the logs are in {demo.logs}", file=sys.stderr)
    return 1
