"""Running the day screen's work in the background, and the busy state while it runs.

Every call to the session goes through `_start`: the work runs on a worker (ui/workers.py), then the day is
read afresh and shown; its step card shows the progress words, the buttons wait, and after half a second a
busy indicator appears. A failure is shown on the step's card (or on the problem card, with Try again);
Xero ending the sign-in goes to the main window as `reconnect_needed`, the day's work kept.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QTimer

from xerohelper.core.checklist import Step, StepState
from xerohelper.core.connection import ReconnectNeeded
from xerohelper.services.explaining import explain_error
from xerohelper.ui import look
from xerohelper.ui.wait_countdown import XeroWait
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)

BUSY_AFTER_MS = 500  # the busy indicator shows for work that takes longer than this
FRAME_MS = 16  # progress words are shown at most once a frame (60 a second)


class BackgroundWork:
    """How the day screen runs its work (a mixin of DayScreen: it uses the screen's widgets and `_show`)."""

    def _start(self, work, step: Step | None = None, words: str = "Working on it…", after=None) -> None:
        """Run `work(progress)` in the background (it calls the session, passing `progress` on to work with
        Xero), then show the day afresh; `after(result)` on the GUI."""
        if self.busy or self.trading_date is None:
            return
        self._last_action = (work, step, words, after)
        session, day, place = self.session, self.trading_date, self.location
        month = self._calendar.shown_month()

        def job(report):
            result = work(report)
            return result, session.day_snapshot(day, place, month)

        self._problem_card.set_explanation(None)
        self._set_busy(True, step, words)
        run_in_background(
            job,
            on_done=lambda answer: self._finished(answer, after),
            on_failed=lambda error: self._failed(error, step, (work, step, words, after), busy=True),
            on_progress=self._progress,
        )

    def _finished(self, answer, after) -> None:
        if not shiboken6.isValid(self):
            return
        result, snapshot = answer
        self._loads += 1  # a load started before this work would show the day as it was
        self._set_busy(False)
        self._reconnect = None
        self._show(snapshot)
        if snapshot.trading_date != self.trading_date:
            self.refresh()  # the owner moved to another day meanwhile: the work's answer was for the old one
            return
        if after is not None:
            after(result)
        QTimer.singleShot(0, self, self._scroll_to_what_matters)

    def _scroll_to_what_matters(self) -> None:
        """After work: bring the step that needs the owner (or the one to run next) into view."""
        if self.snapshot is None:
            return
        checklist = self.snapshot.checklist
        target = next((s for s in checklist.steps if s.state is StepState.NEEDS_ATTENTION), None)
        target = target or checklist.next_step
        if target is not None:
            self._scroll.ensureWidgetVisible(self._step_cards[target.step], 0, 16)

    def _failed(self, error: BaseException, step: Step | None, action, busy: bool = False) -> None:
        if not shiboken6.isValid(self):
            return
        if busy:
            self._set_busy(False)
        if isinstance(error, ReconnectNeeded):
            # The main window shows Reconnect; the day stays as it is, its work kept in the journal.
            self._reconnect = error
            self._connection_badge.set_look(look.RECONNECT_NEEDED)
            if self.snapshot is not None:
                self._show(self.snapshot)
            self.reconnect_needed.emit(error)
            return
        log.warning("day screen: %s failed", "a step" if step else "loading the day", exc_info=error)
        short_code = self.snapshot.short_code if self.snapshot else None
        explanation = explain_error(error, short_code=short_code)[0]
        if self.snapshot is not None and self.snapshot.trading_date == self.trading_date:
            self._show(self.snapshot)
        if step is not None:
            self._step_cards[step].show_problem(explanation)
        else:
            self._last_action = action if isinstance(action, tuple) else None
            self._problem_card.set_explanation(explanation)

    def _progress(self, words) -> None:
        """A progress report from the work: its words are shown at the next frame, the latest of those
        that came meanwhile (a burst of reports costs one redraw, not one each)."""
        if not shiboken6.isValid(self) or not self.busy:
            return
        if isinstance(words, XeroWait):
            self.wait_countdown.start(words)
            return
        self._progress_words = str(words)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _show_progress(self) -> None:
        if not self.busy:
            return
        self._busy_words.setText(self._progress_words)
        if self._running_step is not None:
            self._step_cards[self._running_step].show_running(self._progress_words)

    def _set_busy(self, busy: bool, step: Step | None = None, words: str = "") -> None:
        if busy and not self.busy:  # the buttons wait, and Qt moves the focus away: brought back after
            self._note_the_keyboard()
        self.busy = busy
        self._running_step = step if busy else None
        self._progress_words = words if busy else ""
        if busy:
            self._busy_words.setText(words)
            self._busy_timer.start()
            if step is not None:
                self._step_cards[step].show_running(words)
        else:
            self._busy_timer.stop()
            self._progress_timer.stop()
            self._busy_bar.setVisible(False)
            self._busy_words.setVisible(False)
            self.wait_countdown.stop()
        self._set_controls_enabled()
        self.busy_changed.emit(busy)

    def _show_busy_indicator(self) -> None:
        if self.busy:
            self._busy_bar.setVisible(True)
            self._busy_words.setVisible(True)

    @property
    def busy_indicator_shown(self) -> bool:
        return self._busy_bar.isVisible()

    def _set_controls_enabled(self) -> None:
        ready = not self.busy and self.snapshot is not None
        following = self.snapshot.checklist.next_step if self.snapshot else None
        self._run_next_button.setEnabled(ready and following is not None)
        finished = self.snapshot is not None and self.snapshot.checklist.is_finished
        self._run_next_button.setVisible(not finished)  # nothing more to run: the words say the day is done
        # The shortcut is said only while it does something: with the button greyed, Ctrl+Enter does nothing.
        self._run_next_keys.setVisible(self._run_next_button.isEnabled() and not finished)
        self._pos_card.set_busy(not ready)
        self._problem_card.set_busy(self.busy)
        for card in self._step_cards.values():
            card.set_busy(not ready)

    def _repeat_last_action(self) -> None:
        self._problem_card.set_explanation(None)
        if self._last_action is None:
            self.refresh()
            return
        work, step, words, after = self._last_action
        self._start(work, step=step, words=words, after=after)
