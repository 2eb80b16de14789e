"""Catch up: the days imported but not in Xero, listed first with their takings, each ticked; the owner
unticks what should wait and confirms; then they go in one go, with a progress bar, a countdown when Xero asks
to wait, Cancel, and at the end each day's state in the list and a summary that leads to the first day needing
attention. Nothing is sent before the owner confirms the list. (Which days are listed, and the ticking, is
core/catch_up.py's: tested without a window.) A shop with several tills sees each till's days together, with
the till's name; the tills go one after another, and one till's refusal doesn't stop the others' days.

The days go to Xero in one batched run (a month of days in a handful of calls). Cancel stops before
xerohelper's next call to Xero: what was sent stays sent, nothing is half-done (the journal keeps each
intent, and the next run checks Xero before it sends anything again).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.catch_up import (
    CatchUpRow,
    all_in_xero,
    in_list_order,
    tick,
    ticked,
    ticked_total,
    tills_of,
)
from xerohelper.core.connection import ReconnectNeeded
from xerohelper.ui import look
from xerohelper.ui.catch_up_summary import CatchUpOutcome, day_words, plural
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.failure_words import explain_failure, short_code_of, still_open
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.wait_countdown import WaitCountdown, XeroWait, heard_by
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


class CatchUpDialog(QDialog):
    """Lists `rows` (core CatchUpRow: the days not in Xero, ticked) for the owner to confirm; sends the ticked
    ones on "Send". `go_to_day(date)` when the owner chooses to look at a day that needs attention;
    `caught_up(CatchUpOutcome)` at the end."""

    go_to_day = Signal(object)  # datetime.date
    go_to_till_day = Signal(object, str)  # datetime.date and its till ("" for a shop with one till)
    caught_up = Signal(object)  # CatchUpOutcome
    reconnect_needed = Signal(object)  # the ReconnectNeeded error, for the window's Reconnect page

    def __init__(self, session, rows: list[CatchUpRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catch_up_dialog")
        self.setWindowTitle("Catch up with Xero")
        self.setAccessibleName("Catch up with Xero")
        self.setMinimumWidth(560)
        self.session = session
        self.rows = sorted(rows, key=in_list_order)
        self.tills = [t for t in tills_of(self.rows) if t]  # empty for a shop with one till
        self.outcome: CatchUpOutcome | None = None
        self._started = False
        self._running = False
        self._cancel = threading.Event()  # this catch-up's own: Cancel sets it
        self._year = session.today().year if hasattr(session, "today") else None

        count = len(self.rows)
        heading = f"{plural(count, 'day')} not in Xero yet"
        if len(self.tills) > 1:
            heading += f", at {plural(len(self.tills), 'till')}"
        self.heading = look.make_heading(QLabel(heading))
        self.heading.setObjectName("catch_up_heading")
        self.heading.setWordWrap(True)
        self.days_label = QLabel(
            "Untick any day that should wait, then send the rest. Nothing goes to Xero until you press Send."
        )
        self.days_label.setObjectName("catch_up_days")
        self.days_label.setWordWrap(True)
        self.day_list = QTreeWidget()
        self.day_list.setObjectName("catch_up_list")
        self.day_list.setAccessibleName("Days to send")
        headings = ["Day", "Till", "Takings", "State"] if self.tills else ["Day", "Takings", "State"]
        self.state_column = len(headings) - 1
        self.day_list.setColumnCount(len(headings))
        self.day_list.setHeaderLabels(headings)
        self.day_list.setRootIsDecorated(False)
        self.day_list.setUniformRowHeights(True)
        for column in range(self.state_column):
            self.day_list.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.day_list.header().setStretchLastSection(True)
        for row in self.rows:
            words = [self._row_words(row), *([row.location] if self.tills else [])]
            item = QTreeWidgetItem([*words, look.money_words(row.day.total), _state_words(row)])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked)
            item.setTextAlignment(
                self.state_column - 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.day_list.addTopLevelItem(item)
        self.day_list.itemChanged.connect(self._ticked)
        self.total_label = look.secondary(QLabel())
        self.total_label.setObjectName("catch_up_total")
        self.bar = QProgressBar()
        self.bar.setObjectName("catch_up_progress")
        self.bar.setAccessibleName("Catch-up progress")
        self.bar.setRange(0, (len(STAGES) + 1) * max(1, len(self.tills)))
        self._till_step = 0  # where the bar starts for the till being sent
        self._till = ""  # the till being sent, when there are several
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setVisible(False)
        self.step_label = look.secondary(QLabel(""))
        self.step_label.setObjectName("catch_up_step")
        self.step_label.setWordWrap(True)
        self.step_label.setVisible(False)
        self.countdown = WaitCountdown(name="catch_up_wait")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("catch_up_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setVisible(False)
        self.card = ExplanationCard(name="catch_up_problem")
        self.card.try_again_button.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton()
        self.send_button.setObjectName("send_button")
        self.send_button.clicked.connect(self.start)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button = QPushButton()
        self.go_button.setObjectName("go_to_day_button")
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
        layout.addWidget(self.day_list, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.step_label)
        layout.addWidget(self.countdown)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.card)
        layout.addWidget(self.buttons)
        self._show_choice()

    # ---- choosing ------------------------------------------------------------------------------------------
    @property
    def dates(self) -> list[date]:
        """The ticked days."""
        return [r.trading_date for r in ticked(self.rows)]

    def set_ticked(self, index: int, on: bool) -> None:
        self.day_list.topLevelItem(index).setCheckState(
            0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        )

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0 or self._started:
            return
        index = self.day_list.indexOfTopLevelItem(item)
        self.rows = tick(self.rows, index, item.checkState(0) == Qt.CheckState.Checked)
        self._show_choice()

    def _show_choice(self) -> None:
        chosen = ticked(self.rows)
        words = f"&Send {plural(len(chosen), 'day')} to Xero" if chosen else "&Send"
        self.send_button.setText(words)
        self.send_button.setAccessibleName(words.replace("&", ""))
        self.send_button.setEnabled(bool(chosen))
        self.send_button.setDefault(True)
        total = look.money_words(ticked_total(self.rows))
        self.total_label.setText(f"Ticked: {plural(len(chosen), 'day')}, takings {total}.")

    # ---- running --------------------------------------------------------------------------------------
    def start(self) -> None:
        """The owner confirmed the list: send the ticked days."""
        if self._started or not ticked(self.rows):
            return
        self._started = True
        self._running = True
        session, rows = self.session, list(self.rows)
        dates = self.dates
        chosen = ticked(rows)
        log.info("catch-up: %d days from %s, %d till(s)", len(dates), dates[0], len(tills_of(chosen)))
        for index in range(self.day_list.topLevelItemCount()):
            item = self.day_list.topLevelItem(index)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.heading.setText(f"Sending {plural(len(dates), 'day')} to Xero")
        self.days_label.setText(self._days_words())
        self.send_button.setVisible(False)
        self.bar.setVisible(True)
        self.step_label.setText("Starting…")
        self.step_label.setVisible(True)
        cancel = self._cancel

        def work(report):
            from xerohelper.services.catch_up import CatchUpStopped

            outcome = CatchUpOutcome(dates, locations=[r.location for r in chosen])
            done = rows
            try:
                if cancel.is_set():
                    outcome.cancelled = True
                else:
                    done = session.send_catch_up(
                        rows,
                        progress=report,
                        cancel=cancel,
                        on_wait=heard_by(report),
                        on_till=lambda till, index, count: report(TillBegins(till, index, count)),
                    )
            except CatchUpStopped as stop:
                done = stop.rows
                if cancel.is_set():
                    outcome.cancelled = True
                else:
                    outcome.error = stop.reason
            except Exception as error:
                outcome.error = error
            outcome.rows = done
            outcome.checklists = [session.checklist(r.trading_date, r.location) for r in ticked(done)]
            return outcome

        run_in_background(work, on_done=self._finished, on_failed=self._failed, on_progress=self._progress)

    def _progress(self, words) -> None:
        if not still_open(self):
            return
        if isinstance(words, XeroWait):
            self.countdown.start(words)
            return
        if isinstance(words, TillBegins):
            self._till_step = words.index * (len(STAGES) + 1)
            self._till = words.till if words.count > 1 else ""
            self.bar.setValue(max(self.bar.value(), self._till_step))
            return
        if not isinstance(words, str):
            return
        self.countdown.stop()
        self.step_label.setText(f"{self._till}: {words}" if self._till else words)
        for index, start in enumerate(STAGES, 1):
            if words.startswith(start):
                self.bar.setValue(max(self.bar.value(), self._till_step + index))
                break

    def _finished(self, outcome: CatchUpOutcome) -> None:
        if not still_open(self):
            return
        self._running = False
        self.outcome = outcome
        self.countdown.stop()
        if outcome.rows:
            self.rows = list(outcome.rows)
        behind = self._behind(outcome)
        for index, row in enumerate(self.rows):
            item = self.day_list.topLevelItem(index)
            words = behind.get(index) or _state_words(row)
            item.setText(self.state_column, words)
            item.setToolTip(self.state_column, words)  # in full, when the column is narrow
        self.bar.setValue(self.bar.maximum())
        self.bar.setVisible(False)
        self.step_label.setVisible(False)
        self.days_label.setText(self._days_words(sending=False))
        self.heading.setText(
            "Catch-up stopped"
            if outcome.cancelled
            else "Catch-up needs you"
            if outcome.error is not None or not all_in_xero(self.rows)
            else "Caught up"
        )
        left = [r for r in self.rows if not r.ticked]
        lines = outcome.summary_lines(self._year)
        if left and not outcome.cancelled:
            names = ", ".join(self._where(r) for r in left)
            lines.append(f"Not ticked, left for the next catch-up: {names}.")
        self.summary_label.setText("\n".join(lines))
        self.total_label.setVisible(False)
        self.summary_label.setVisible(True)
        if outcome.error is not None:
            self.card.set_explanation(explain_failure(outcome.error, short_code_of(self.session)))
            if isinstance(outcome.error, ReconnectNeeded):
                self.reconnect_needed.emit(outcome.error)
        attention = outcome.first_attention
        if attention is not None:
            till = outcome.first_attention_till
            where = day_words(attention[0], self._year) + (f" ({till})" if till else "")
            self.go_button.setText(f"&Go to {where}")
            self.go_button.setAccessibleName(f"Go to {where}")
            self.go_button.setVisible(True)
            self.go_button.setDefault(True)
            focus_for_keys(self.go_button)
        self.cancel_button.setText("&Close")
        self.cancel_button.setAccessibleName("Close")
        self.cancel_button.setEnabled(True)
        if attention is None:  # nothing needs the owner: Enter closes, and the keyboard is on Close
            self.send_button.setDefault(False)
            self.cancel_button.setDefault(True)
            focus_for_keys(self.cancel_button)
        log.info("catch-up: %s", outcome.summary(self._year))
        before = self.size()
        self.adjustSize()  # room for the summary; never narrower than it was (the states are longer now)
        width, height = max(before.width(), self.width()), max(before.height(), self.height())
        look.fit_to_screen(self, width, height)  # never taller than the screen
        self.caught_up.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        """The work itself broke (not Xero: that is in the outcome)."""
        chosen = ticked(self.rows)
        outcome = CatchUpOutcome(self.dates, error=error, locations=[r.location for r in chosen])
        self._finished(outcome)

    # ---- leaving --------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel (button or Esc): while sending, stop before the next call to Xero; otherwise, close."""
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
            self.go_to_till_day.emit(attention[0], self.outcome.first_attention_till)
            self.accept()

    def _row_words(self, row: CatchUpRow) -> str:
        """The day (and, in the Day column of a one-till list, its place when it has one)."""
        where = f" — {row.location}" if row.location and not self.tills else ""
        return day_words(row.trading_date, self._year) + where

    def _behind(self, outcome: CatchUpOutcome) -> dict[int, str]:
        """Ticked days not sent because a day before them needs attention (its till's first, or the
        organisation's problem on another till): "Waits until Monday 30 November (Back) is fixed"."""
        if outcome.cancelled or outcome.error is not None:
            return {}
        firsts = {till: when for when, till, _ in outcome.attentions}
        if not firsts:
            return {}
        first = next(iter(firsts.items()))
        waits = {}
        for index, row in enumerate(self.rows):
            if not row.ticked or row.outcome != "not sent":
                continue
            till, when = (row.location, firsts[row.location]) if row.location in firsts else first
            if (till, when) != (row.location, row.trading_date):
                where = day_words(when, self._year) + (f" ({till})" if till else "")
                waits[index] = f"Waits until {where} is fixed"
        return waits

    def _where(self, row: CatchUpRow) -> str:
        """'Tuesday 18 November (Front)': the day and its till."""
        return day_words(row.trading_date, self._year) + (f" ({row.location})" if row.location else "")

    def _days_words(self, sending: bool = True) -> str:
        dates = self.dates
        if not dates:
            return "There are no days to send."
        first, last = dates[0], dates[-1]
        days = (
            day_words(first, self._year)
            if first == last
            else f"{day_words(first, self._year)} to {day_words(last, self._year)}"
        )
        return f"Sending {days}…" if sending else f"{days}:"


@dataclass(frozen=True)
class TillBegins:
    """Heard from the catch-up: `till`'s days begin (`index` of `count` tills)."""

    till: str
    index: int
    count: int


def _state_words(row: CatchUpRow) -> str:
    """The State column: before the run, where the day stands; after it, how it ended (unticked: waits)."""
    if row.outcome:
        return row.outcome[0].upper() + row.outcome[1:]
    if not row.ticked:
        return "Not ticked: left for later"
    if row.day.attention:
        return f"Needs attention: {row.day.attention}"
    if row.day.waits:
        return row.day.waits
    return row.day.in_xero.value[0].upper() + row.day.in_xero.value[1:]
