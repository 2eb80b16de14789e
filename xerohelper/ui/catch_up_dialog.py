"""Catch up: send the days that were missed, in one go, with a progress bar, the days named, Cancel, and a
summary at the end that leads to the first day needing attention.

The days go to Xero in one batched run (a month of days in a handful of calls). Cancel stops before
xerohelper's next call to Xero: what was sent stays sent, nothing is half-done (the journal keeps each
intent, and the next run checks Xero before it sends anything again).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.checklist import Checklist, Step, StepState
from xerohelper.core.connection import ReconnectNeeded
from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.explain import Explanation
from xerohelper.ui import look
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.failure_words import explain_failure, short_code_of, still_open
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)

# What the day service says as it goes, in the order it goes (its progress words start like these).
STAGES = (
    "Reading your organisation",
    "Checking Xero for",
    "Sending",
    "Approving",
    "Recording the payments",
    "Checking the invoice",
)


def day_words(d: date, this_year: int | None = None) -> str:
    """'Tuesday 18 November' (with the year when it isn't this year)."""
    words = f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}"
    return words if this_year in (None, d.year) else f"{words} {d.year}"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass
class CatchUpOutcome:
    """How the catch-up ended: each day's checklist (in date order), and whether it was stopped or failed."""

    dates: list[date]
    checklists: list[Checklist] = field(default_factory=list)
    cancelled: bool = False
    error: BaseException | None = None

    @property
    def sent(self) -> list[date]:
        return [d for d, c in zip(self.dates, self.checklists, strict=False) if _sent(c)]

    @property
    def drafts(self) -> list[date]:
        """Sent, and waiting for the owner to approve them in Xero."""
        return [
            d
            for d, c in zip(self.dates, self.checklists, strict=False)
            if _sent(c) and c[Step.APPROVE].state is StepState.READY
        ]

    @property
    def first_attention(self) -> tuple[date, str] | None:
        """The first day the owner has to look at, and why in a few words: a step Xero (or the check before
        sending) turned down, or a day that can't be sent as it is (a kind of sale without an account…)."""
        for d, checklist in zip(self.dates, self.checklists, strict=False):
            for status in checklist.steps:
                if status.state is StepState.NEEDS_ATTENTION:
                    attention = status.attention
                    return d, attention.title if isinstance(attention, Explanation) else status.reason
            first = checklist[Step.SALES_SUMMARY]
            if first.state is StepState.NOT_STARTED and first.reason:
                return d, first.reason
        return None

    @property
    def waiting(self) -> list[date]:
        """Days not sent (after a stop, or behind a day that needs attention)."""
        attention = self.first_attention
        return [
            d
            for d, c in zip(self.dates, self.checklists, strict=False)
            if not _sent(c) and (attention is None or d != attention[0])
        ]

    def summary(self, this_year: int | None = None) -> str:
        """'5 days sent. Wednesday 19 November needs attention: … 2 later days wait until it is fixed.'"""
        return " ".join(self.summary_lines(this_year))

    def summary_lines(self, this_year: int | None = None) -> list[str]:
        """The summary in three parts at most: what was sent, the day to look at, what waits."""
        lines: list[str] = []
        parts: list[str] = []
        sent, drafts = self.sent, self.drafts
        if self.cancelled:
            parts.append(
                "Stopped. " + (f"{plural(len(sent), 'day')} sent before you stopped." if sent else "")
            )
        elif sent:
            parts.append(f"{plural(len(sent), 'day')} sent.")
        if drafts:
            parts.append(
                "It waits for your approval in Xero."
                if len(drafts) == 1 and len(sent) == 1
                else f"{plural(len(drafts), 'draft')} {'waits' if len(drafts) == 1 else 'wait'} "
                "for your approval in Xero."
            )
        lines.append(" ".join(p.strip() for p in parts if p.strip()))
        parts = []
        attention = self.first_attention
        if attention is not None:
            when, why = attention
            parts.append(f"{day_words(when, this_year)} needs attention: {why.rstrip('.')}.")
        waiting = self.waiting
        if waiting and attention is not None:
            parts.append(
                f"{plural(len(waiting), 'later day')} {'waits' if len(waiting) == 1 else 'wait'} "
                "until it is fixed."
            )
        elif waiting and self.cancelled:
            parts.append(
                f"{plural(len(waiting), 'day')} still to send: catch up again when you're ready. "
                "Nothing is sent twice."
            )
        elif waiting and self.error is None:
            parts.append(f"{plural(len(waiting), 'day')} not sent.")
        lines.append(" ".join(p.strip() for p in parts if p.strip()))
        lines = [line for line in lines if line]
        return lines or ["Nothing needed sending: these days are already in Xero."]


def _sent(checklist: Checklist) -> bool:
    return checklist[Step.SALES_SUMMARY].state is StepState.DONE


class CatchUpDialog(QDialog):
    """Sends `dates` (the missed days, already imported) when shown; `go_to_day(date)` when the owner
    chooses to look at a day that needs attention; `caught_up(CatchUpOutcome)` at the end."""

    go_to_day = Signal(object)  # datetime.date
    caught_up = Signal(object)  # CatchUpOutcome
    reconnect_needed = Signal(object)  # the ReconnectNeeded error, for the window's Reconnect page

    def __init__(self, session, dates, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catch_up_dialog")
        self.setWindowTitle("Catch up with Xero")
        self.setAccessibleName("Catch up with Xero")
        self.setMinimumWidth(560)
        self.session = session
        self.dates = sorted(set(dates))
        self.outcome: CatchUpOutcome | None = None
        self._started = False
        self._running = False
        self._cancel = threading.Event()  # this catch-up's own: Cancel sets it
        year = session.today().year if hasattr(session, "today") else None
        self._year = year

        count = len(self.dates)
        self.heading = look.make_heading(QLabel(f"Sending {plural(count, 'day')} to Xero"))
        self.heading.setObjectName("catch_up_heading")
        self.heading.setWordWrap(True)
        self.days_label = QLabel(self._days_words())
        self.days_label.setObjectName("catch_up_days")
        self.days_label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("catch_up_progress")
        self.bar.setAccessibleName("Catch-up progress")
        self.bar.setRange(0, len(STAGES) + 1)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.step_label = look.secondary(QLabel("Starting…"))
        self.step_label.setObjectName("catch_up_step")
        self.step_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("catch_up_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setVisible(False)
        self.card = ExplanationCard(name="catch_up_problem")
        self.card.try_again_button.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.go_button = QPushButton()
        self.go_button.setObjectName("go_to_day_button")
        self.go_button.setVisible(False)
        self.go_button.clicked.connect(self._go_to_day)
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.setVisible(False)
        self.cancel_button = self.buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAccessibleName("Cancel the catch-up")
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.days_label)
        layout.addSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.step_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.card)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # ---- running --------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._started:
            self.start()

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._running = True
        session, dates = self.session, list(self.dates)
        log.info("catch-up: %d days from %s", len(dates), dates[0] if dates else "-")

        cancel = self._cancel

        def work(report):
            outcome = CatchUpOutcome(dates)
            try:
                if cancel.is_set():
                    outcome.cancelled = True
                else:
                    outcome.checklists = session.catch_up(dates, progress=report, cancel=cancel)
            except Exception as error:
                if cancel.is_set():
                    outcome.cancelled = True
                else:
                    outcome.error = error
            if not outcome.checklists:
                outcome.checklists = [session.checklist(d) for d in dates]  # the journal: no call to Xero
            return outcome

        run_in_background(work, on_done=self._finished, on_failed=self._failed, on_progress=self._progress)

    def _progress(self, words) -> None:
        if not still_open(self) or not isinstance(words, str):
            return
        self.step_label.setText(words)
        for index, start in enumerate(STAGES, 1):
            if words.startswith(start):
                self.bar.setValue(max(self.bar.value(), index))
                break

    def _finished(self, outcome: CatchUpOutcome) -> None:
        if not still_open(self):
            return
        self._running = False
        self.outcome = outcome
        self.bar.setValue(self.bar.maximum())
        self.bar.setVisible(False)
        self.step_label.setVisible(False)
        self.days_label.setText(self._days_words(sending=False))
        self.heading.setText(
            "Catch-up stopped"
            if outcome.cancelled
            else "Catch-up needs you"
            if outcome.error is not None or outcome.first_attention is not None
            else "Caught up"
        )
        self.summary_label.setText("\n".join(outcome.summary_lines(self._year)))
        self.summary_label.setVisible(True)
        if outcome.error is not None:
            self.card.set_explanation(explain_failure(outcome.error, short_code_of(self.session)))
            if isinstance(outcome.error, ReconnectNeeded):
                self.reconnect_needed.emit(outcome.error)
        attention = outcome.first_attention
        if attention is not None:
            self.go_button.setText(f"&Go to {day_words(attention[0], self._year)}")
            self.go_button.setAccessibleName(f"Go to {day_words(attention[0], self._year)}")
            self.go_button.setVisible(True)
            self.go_button.setDefault(True)
            self.go_button.setFocus()
        self.cancel_button.setText("&Close")
        self.cancel_button.setAccessibleName("Close")
        self.cancel_button.setEnabled(True)
        log.info("catch-up: %s", outcome.summary(self._year))
        self.adjustSize()
        self.caught_up.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        """The work itself broke (not Xero: that is in the outcome)."""
        outcome = CatchUpOutcome(list(self.dates), error=error)
        self._finished(outcome)

    # ---- leaving --------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel (button or Esc): while sending, stop before the next call to Xero; afterwards, close."""
        if self._running:
            self.cancel()
            return
        super().reject()

    def cancel(self) -> None:
        if not self._running or self._cancel.is_set():
            return
        self._cancel.set()
        self.step_label.setText("Stopping before the next call to Xero…")
        self.cancel_button.setEnabled(False)

    def closeEvent(self, event) -> None:
        if self._running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _go_to_day(self) -> None:
        attention = self.outcome.first_attention if self.outcome else None
        if attention is not None:
            self.go_to_day.emit(attention[0])
            self.accept()

    def _days_words(self, sending: bool = True) -> str:
        if not self.dates:
            return "There are no days to send."
        first, last = self.dates[0], self.dates[-1]
        days = (
            day_words(first, self._year)
            if first == last
            else f"{day_words(first, self._year)} to {day_words(last, self._year)}"
        )
        return f"Sending {days}…" if sending else f"{days}:"
