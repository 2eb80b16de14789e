"""The day screen: what the shop owner sees every day.

    screen = DayScreen(session)              # an opened, connected AppSession
    screen.reconnect_needed.connect(...)     # Xero ended the sign-in: show Reconnect (the day's work is kept)
    screen.busy_changed.connect(...)         # work with Xero started / ended
    screen.show_day(session.today())

Left: a calendar coloured by each day's status. Right: the day's POS card (import a till file or type the
Z report), then the checklist — sales summary, approve, payments — each step a card with its state and,
when Xero said no, the explanation card under it. At the bottom, the primary button says what it will do
next ("Send the sales summary").

Nothing here waits for Xero or the disk on the GUI thread: every call to the session (the facade over the
services; work with Xero gets its own progress listener per call) runs through workers.run_in_background,
and its result (a fresh DaySnapshot) comes back to the GUI thread to be shown. While work runs, its step
card says so with the progress words, the buttons wait, and after half a second a busy indicator appears.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.checklist import ORDER, Step, StepState
from xerohelper.core.connection import ConnectionState, ConnectionStatus, ReconnectNeeded
from xerohelper.core.dates import long_date
from xerohelper.services.day_snapshot import DaySnapshot
from xerohelper.services.explaining import explain_error
from xerohelper.ui import look
from xerohelper.ui.day_calendar import DayCalendar
from xerohelper.ui.explanation_card import ExplanationCard, plain
from xerohelper.ui.pos_card import PosCard, balance_words
from xerohelper.ui.resend_dialog import ResendDialog
from xerohelper.ui.step_card import SkipDialog, StepCard
from xerohelper.ui.wait_countdown import WaitCountdown, XeroWait, heard_by
from xerohelper.ui.workers import run_in_background
from xerohelper.ui.z_report_dialog import ZReportDialog

log = logging.getLogger(__name__)

BUSY_AFTER_MS = 500  # the busy indicator shows for work that takes longer than this
CONTENT_WIDTH = 1040  # the day's column stops growing here: long lines are hard to read
RUN_WORDS = {
    Step.SALES_SUMMARY: "Se&nd the sales summary",
    Step.APPROVE: "&Approve the invoice in Xero",
    Step.PAYMENTS: "&Record the payments",
}
RUN_NEXT = "&Run next step"
WHAT_IT_DOES = {
    Step.SALES_SUMMARY: "Sends the day's takings to Xero as one sales invoice.",
    Step.APPROVE: "Approves the day's invoice in Xero, so the payments can go on it. "
    "You can also approve it in Xero yourself.",
    Step.PAYMENTS: "Records each payment against the day's invoice, into its account.",
}


class _ScrolledColumn(QWidget):
    """The scroll area's content. Its height comes from its width (wrapped words): without this, the
    scroll area would also honour the height the words need at the narrowest width, and scroll for nothing."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class DayScreen(QWidget):
    reconnect_needed = Signal(object)  # the ReconnectNeeded exception
    busy_changed = Signal(bool)
    loaded = Signal(object)  # the DaySnapshot just shown
    open_shop_setup = Signal(object)  # SetupRow: a card asks for Shop setup at this row

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_screen")
        self.setAccessibleName("The day's takings and checklist")
        self.session = session
        self.location = ""
        self.trading_date: date | None = None
        self.snapshot: DaySnapshot | None = None
        self.busy = False
        self._focus_back = False  # the run-next button had the focus when a step started
        self.z_report_dialog: ZReportDialog | None = None
        self.till_names_dialog = None  # "which of your names is it?" after an import, while open
        self._loads = 0  # each load has a number; only the latest one is shown
        self._running_step: Step | None = None
        self._progress_words = ""
        self._last_action = None
        self._reconnect: ReconnectNeeded | None = None
        self._warmed_up = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy_indicator)
        self._build()

    # ---- what the main window uses ------------------------------------------------------------------------
    @property
    def run_next_button(self) -> QPushButton:
        return self._run_next_button

    @property
    def step_cards(self) -> list[StepCard]:
        return list(self._step_cards.values())

    def step_card(self, step: Step) -> StepCard:
        return self._step_cards[step]

    @property
    def explanation_cards(self) -> dict[Step, ExplanationCard]:
        """The explanation card under each step (shown only when that step needs attention)."""
        return {step: card.explanation_card for step, card in self._step_cards.items()}

    @property
    def problem_card(self) -> ExplanationCard:
        """The explanation card for a problem that belongs to no step (loading the day, importing)."""
        return self._problem_card

    @property
    def calendar(self) -> DayCalendar:
        return self._calendar

    @property
    def sends_to_label(self) -> QLabel:
        """The organisation the button sends to, next to the button."""
        return self._sends_to

    @property
    def pos_card(self) -> PosCard:
        return self._pos_card

    def show_day(self, trading_date: date) -> None:
        """Show `trading_date` (the figures, the checklist and the calendar around it)."""
        self.trading_date = trading_date
        self._calendar.set_selected(trading_date)
        self._day_title.setText(long_date(trading_date))
        self._problem_card.set_explanation(None)
        self._pos_card.clear_problem()
        self.refresh()

    def refresh(self) -> None:
        """Read the day again from the journal (no call to Xero) and show it."""
        if self.trading_date is None:
            return
        self._loads += 1
        number = self._loads
        session, day, place = self.session, self.trading_date, self.location
        month = self._calendar.shown_month()
        run_in_background(
            lambda: session.day_snapshot(day, place, month),
            on_done=lambda snapshot: self._loaded(number, snapshot),
            on_failed=lambda error: self._load_failed(number, error),
        )

    def set_connection(self, status: ConnectionStatus) -> None:
        """The main window tells the screen when the connection changes (after a reconnect, say)."""
        if status.connected:
            self._reconnect = None
        self._show_connection(status)

    # ---- building the screen ------------------------------------------------------------------------------
    def _build(self) -> None:
        # header: the organisation and the connection, always visible; the busy indicator on the right
        self._organisation = look.make_heading(QLabel("…"), 1.45)
        self._organisation.setObjectName("organisation_name")
        self._organisation.setAccessibleName("Organisation")
        self._connection_badge = look.Badge(look.NOT_CONNECTED)
        self._connection_badge.setObjectName("connection_badge")
        self._demo_label = look.secondary(QLabel("Demo shop: a practice Xero, nothing real is sent"))
        self._demo_label.setObjectName("demo_note")
        self._demo_label.setVisible(bool(getattr(self.session, "demo", False)))
        self._busy_bar = QProgressBar()
        self._busy_bar.setObjectName("busy_indicator")
        self._busy_bar.setAccessibleName("Working")
        self._busy_bar.setRange(0, 0)
        self._busy_bar.setTextVisible(False)
        self._busy_bar.setFixedWidth(140)
        self._busy_bar.setMaximumHeight(10)
        self._busy_words = look.secondary(QLabel())
        self._busy_words.setObjectName("busy_words")
        self._busy_bar.setVisible(False)
        self._busy_words.setVisible(False)
        self.wait_countdown = WaitCountdown()  # shown while Xero asks xerohelper to wait
        header = QFrame()
        header.setObjectName("day_header")
        top = QHBoxLayout(header)
        top.setContentsMargins(20, 12, 20, 12)
        top.setSpacing(12)
        top.addWidget(self._organisation)
        top.addWidget(self._connection_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self._demo_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self._busy_words)
        top.addWidget(self.wait_countdown)
        top.addWidget(self._busy_bar)
        header.setStyleSheet(
            "QFrame#day_header { background: palette(base); border-bottom: 1px solid palette(mid); }"
        )

        # left: the calendar
        self._calendar = DayCalendar()
        self._calendar.date_chosen.connect(self._date_chosen)
        self._calendar.month_shown.connect(lambda year, month: self.refresh())
        self._calendar.setFixedWidth(300)
        self._calendar.calendar.setMinimumHeight(260)
        days_heading = look.make_heading(QLabel("Da&ys"), 1.1)
        days_heading.setBuddy(self._calendar.calendar)
        left = QVBoxLayout()
        left.setContentsMargins(20, 16, 12, 16)
        left.setSpacing(8)
        left.addWidget(days_heading)
        left.addWidget(self._calendar)
        left.addStretch(1)

        # right: the day
        self._day_title = look.make_heading(QLabel(""), 1.3)
        self._day_title.setObjectName("day_title")
        # Ahead of a Xero plan's monthly cap of approved invoices ("3 left; from Wednesday 24 December …").
        self._plan_warning = QLabel("")
        self._plan_warning.setObjectName("plan_warning")
        self._plan_warning.setAccessibleName("Your Xero plan's monthly limit")
        self._plan_warning.setWordWrap(True)
        self._plan_warning.setContentsMargins(10, 6, 10, 6)
        look.style_card(self._plan_warning, look.Tone.ATTENTION)
        self._plan_warning.hide()
        self._till_picker = QComboBox()
        self._till_picker.setObjectName("till_picker")
        self._till_picker.setAccessibleName("Till or location")
        self._till_picker.setToolTip("Each till has its own takings, checklist and invoice")
        self._till_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._till_picker.setVisible(False)
        self._till_picker.activated.connect(self._till_chosen)
        self._till_words = QLabel("Ti&ll:")
        self._till_words.setBuddy(self._till_picker)
        self._till_words.setVisible(False)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(self._day_title, 1)
        title_row.addWidget(self._till_words, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self._till_picker, 0, Qt.AlignmentFlag.AlignVCenter)
        self._problem_card = ExplanationCard(name="problem_card")
        self._problem_card.try_again.connect(self._repeat_last_action)
        self._problem_card.open_shop_setup.connect(self.open_shop_setup)
        self._pos_card = PosCard()
        self._pos_card.import_requested.connect(self._import)
        self._pos_card.z_report_requested.connect(self._type_z_report)
        self._pos_card.resend_requested.connect(self._resend)
        self._pos_card.accept_difference_requested.connect(self.accept_difference)
        checklist_heading = look.make_heading(QLabel("Sending the day to Xero"), 1.15)
        self._step_cards: dict[Step, StepCard] = {}
        for step in ORDER:
            card = StepCard(step)
            card.skip_requested.connect(self._ask_skip)
            card.unskip_requested.connect(self._unskip)
            card.try_again.connect(self._try_again)
            card.check_again.connect(self._check_again)
            card.open_shop_setup.connect(self.open_shop_setup)
            self._step_cards[step] = card

        content = QWidget()
        content.setObjectName("day_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 16, 20, 16)
        column.setSpacing(12)
        column.addLayout(title_row)
        column.addWidget(self._plan_warning)
        column.addWidget(self._problem_card)
        column.addWidget(self._pos_card)
        column.addSpacing(4)
        column.addWidget(checklist_heading)
        for card in self._step_cards.values():
            column.addWidget(card)
        column.addStretch(1)
        content.setMaximumWidth(CONTENT_WIDTH)
        holder = _ScrolledColumn()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(0)
        centred.addWidget(content, 1)
        centred.addStretch(0)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("day_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(holder)

        # bottom: what happens next, and the button that does it
        self._next_label = QLabel()
        self._next_label.setObjectName("next_step_words")
        self._next_label.setWordWrap(True)
        self._next_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._run_next_button = QPushButton(RUN_NEXT)
        self._run_next_button.setObjectName("run_next_button")
        self._run_next_button.setAccessibleName("Run next step")
        self._run_next_button.setAutoDefault(True)
        self._run_next_button.setDefault(True)
        self._run_next_button.setMinimumWidth(260)
        self._run_next_button.setMinimumHeight(40)
        self._run_next_button.setFont(look.scaled_font(self._run_next_button.font(), 1.1, bold=True))
        self._run_next_button.setToolTip("Ctrl+Enter")
        self._run_next_button.clicked.connect(self.run_next_step)
        self._run_next_button.setStyleSheet(
            "QPushButton#run_next_button { background: palette(highlight); color: palette(highlighted-text);"
            " border: 1px solid palette(highlight); border-radius: 6px; padding: 6px 18px; }"
            " QPushButton#run_next_button:focus { border: 2px solid palette(text); }"
            " QPushButton#run_next_button:disabled { background: palette(button);"
            " color: palette(mid); border: 1px solid palette(mid); }"
        )
        action_bar = QFrame()
        action_bar.setObjectName("action_bar")
        action_bar.setStyleSheet(
            "QFrame#action_bar { background: palette(base); border-top: 1px solid palette(mid); }"
        )
        inner = QWidget()
        inner.setMaximumWidth(CONTENT_WIDTH)
        across = QHBoxLayout(action_bar)
        across.setContentsMargins(0, 0, 0, 0)
        across.addStretch(0)
        across.addWidget(inner, 1)
        across.addStretch(0)
        bottom = QHBoxLayout(inner)
        bottom.setContentsMargins(16, 10, 20, 10)
        bottom.setSpacing(16)
        self._next_icon = QLabel()
        self._next_icon.setFixedWidth(22)
        bottom.addWidget(self._next_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self._next_label, 1)
        self._sends_to = look.secondary(QLabel())
        self._sends_to.setObjectName("sends_to")
        self._sends_to.setAccessibleName("Sends to the Xero organisation")
        self._sends_to.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        sending = QVBoxLayout()
        sending.setSpacing(2)
        sending.addWidget(self._run_next_button)
        sending.addWidget(self._sends_to)
        bottom.addLayout(sending)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._scroll, 1)
        right.addWidget(action_bar)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(left)
        body.addLayout(right, 1)

        screen = QVBoxLayout(self)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.setSpacing(0)
        screen.addWidget(header)
        screen.addLayout(body, 1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.run_next_step)
        self._set_controls_enabled()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.trading_date is None:
            self.show_day(self.session.today())

    # ---- showing a snapshot -------------------------------------------------------------------------------
    def _loaded(self, number: int, snapshot: DaySnapshot) -> None:
        if not shiboken6.isValid(self) or number != self._loads:
            return
        self._show(snapshot)
        if not self._warmed_up:
            self._warm_up()
        else:
            self._check_plan()

    def _load_failed(self, number: int, error: BaseException) -> None:
        if not shiboken6.isValid(self) or number != self._loads:
            return
        self._failed(error, step=None, action=self.refresh)

    def _show(self, snapshot: DaySnapshot) -> None:
        self._calendar.set_last_day(snapshot.today)
        self._calendar.set_statuses(snapshot.statuses, snapshot.weeks)
        if snapshot.trading_date != self.trading_date or snapshot.location != self.location:
            return  # the owner has moved on to another day; that day's own load will show it
        if not self.location and len(snapshot.tills) > 1:  # several tills: show the first till's day
            self.location = snapshot.tills[0]
            self.refresh()
            return
        self.snapshot = snapshot
        self._show_tills(snapshot.tills)
        self._organisation.setText(snapshot.organisation_name or "Not connected")
        self._show_connection(snapshot.connection)
        today = " (today)" if snapshot.trading_date == snapshot.today else ""
        self._day_title.setText(long_date(snapshot.trading_date) + today)
        self._pos_card.show_day(snapshot.day, snapshot.figures_changed)
        earlier_finished = True
        for step, card in self._step_cards.items():
            status = snapshot.checklist[step]
            can_skip = status.state in (StepState.READY, StepState.NEEDS_ATTENTION) or (
                status.state is StepState.NOT_STARTED and earlier_finished
            )
            card.set_status(status, snapshot.draft_link if step is Step.APPROVE else None, can_skip)
            earlier_finished = earlier_finished and status.state in (StepState.DONE, StepState.SKIPPED)
        if self.busy and self._running_step is not None:
            self._step_cards[self._running_step].show_running(self._progress_words)
        self._show_next(snapshot)
        self._set_controls_enabled()
        back = self._focus_back and not self.busy
        if (self.focusWidget() is None or back) and self._run_next_button.isEnabled():
            self._run_next_button.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter runs the next step
        if back:
            self._focus_back = False
        self.loaded.emit(snapshot)

    def _show_connection(self, status: ConnectionStatus) -> None:
        if self._reconnect is not None or status.state is ConnectionState.RECONNECT_NEEDED:
            self._connection_badge.set_look(look.RECONNECT_NEEDED)
        elif status.connected:
            self._connection_badge.set_look(look.CONNECTED)
        else:
            self._connection_badge.set_look(look.NOT_CONNECTED)
        if status.organisation is not None:
            self._organisation.setText(status.organisation.name)
        name = status.organisation.name if status.organisation is not None else ""
        self._sends_to.setText(f"Sends to: {name}" if name else "")
        self._sends_to.setVisible(bool(name))

    def _show_next(self, snapshot: DaySnapshot) -> None:
        checklist = snapshot.checklist
        following = checklist.next_step
        mark = None
        if checklist.needs_attention:
            mark = look.STEP_LOOKS[StepState.NEEDS_ATTENTION]
        elif checklist.is_finished:
            mark = look.STEP_LOOKS[
                StepState.SKIPPED
                if checklist[Step.SALES_SUMMARY].state is StepState.SKIPPED
                else StepState.DONE
            ]
        if mark is None:
            self._next_icon.clear()
        else:
            self._next_icon.setPixmap(look.pixmap(mark.icon, look.tone_colour(mark.tone), 20))
        if following is None:
            self._run_next_button.setText(RUN_NEXT)
            self._run_next_button.setAccessibleName("Run next step")
            if checklist.is_finished:
                skipped = checklist[Step.SALES_SUMMARY].state is StepState.SKIPPED
                words = (
                    "This day is skipped: nothing goes to Xero for it."
                    if skipped
                    else "All done for this day: the takings are in Xero."
                )
            else:
                waiting = next(
                    s for s in checklist.steps if s.state not in (StepState.DONE, StepState.SKIPPED)
                )
                words = f"{waiting.title}: {waiting.reason}" if waiting.reason else ""
            self._next_label.setText(words)
            return
        self._run_next_button.setText(RUN_WORDS[following.step])
        self._run_next_button.setAccessibleName(plain(RUN_WORDS[following.step]))
        words = f"Next: {WHAT_IT_DOES[following.step]}"
        if following.state is StepState.NEEDS_ATTENTION:
            first = (
                f"The {following.title.lower()} can't go to Xero yet."
                if getattr(following.attention, "predicted", False)
                else f"Xero said no to the {following.title.lower()}."
            )
            words = f"{first} Fix it as the card above says, then click “I've fixed it — try again”."
        day = snapshot.day
        if following.step is Step.SALES_SUMMARY and day is not None:
            tone, balance = balance_words(day)
            if tone is look.Tone.ATTENTION:
                words += f"\n{balance}"
        self._next_label.setText(words)

    # ---- the work -----------------------------------------------------------------------------------------
    def run_next_step(self) -> None:
        """The primary button: run the next step that can run."""
        if self.busy or self.snapshot is None or self.trading_date is None:
            return
        following = self.snapshot.checklist.next_step
        if following is None:
            return
        day, place = self.trading_date, self.location
        words = {
            Step.SALES_SUMMARY: "Sending the sales summary to Xero…",
            Step.APPROVE: "Approving the invoice in Xero…",
            Step.PAYMENTS: "Recording the payments in Xero…",
        }[following.step]
        session = self.session
        self._start(
            lambda progress: session.run_next_step(day, place, progress=progress, on_wait=heard_by(progress)),
            step=following.step,
            words=words,
        )

    def _try_again(self, step: Step) -> None:
        """I've fixed it — try again: read the day back from Xero, then run that step again."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda progress: session.try_again(
                day, step, place, progress=progress, on_wait=heard_by(progress)
            ),
            step=step,
            words="Checking Xero again…",
        )

    def _check_again(self, step: Step) -> None:
        """I've approved it in Xero — check again."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda progress: session.check_again(day, place, progress=progress, on_wait=heard_by(progress)),
            step=step,
            words="Checking the invoice in Xero…",
        )

    def _ask_skip(self, step: Step) -> None:
        if self.busy:
            return
        dialog = SkipDialog(step, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.skip(step, dialog.reason_text()))
        dialog.open()

    def skip(self, step: Step, reason: str) -> None:
        """Skip `step` (and the steps after it, which can't happen without it) for the day shown."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.skip(day, step, reason, place), words="Noting the skipped step…"
        )

    def _unskip(self, step: Step) -> None:
        session, day, place = self.session, self.trading_date, self.location
        self._start(lambda _progress: session.unskip(day, step, place), words="Putting the step back…")

    def _import(self, path: Path) -> None:
        if self.busy or self.trading_date is None:
            return
        session = self.session
        self._pos_card.clear_problem()
        self._start(
            lambda _progress: session.import_days(path),
            words=f"Reading {path.name}…",
            after=self._imported,
        )

    def confirm_new_places(self, places: list[str], organisation: str) -> bool:
        """A till file of a shop or till never seen for this organisation: keep it? (tests replace this)"""
        names = ", ".join(f"“{p}”" for p in places)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "A shop or till xerohelper hasn't seen here",
            f"This till file is for {names}, which xerohelper has never sent to {organisation}.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            "Check that you are connected to the right organisation. If this is a new till of this shop, "
            "keep the figures; nothing is sent until you click the send button."
        )
        keep = box.addButton("Keep the figures", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is keep

    def _imported(self, answer, ask: bool = True) -> None:
        """Every day of the file is kept (or left alone, when Xero has it already): say which. A shop or
        till never seen for this organisation is asked about first; names the till uses that the shop
        doesn't are asked about after (`ask`)."""
        outcome, found, new_places = answer
        if not outcome.ok:
            self._pos_card.show_problem(outcome.message())
            return
        if new_places:
            organisation = self.snapshot.organisation_name if self.snapshot else "this organisation"
            if not self.confirm_new_places(new_places, organisation):
                self._pos_card.show_problem(
                    f"Not kept: {outcome.file.name} is for {', '.join(new_places)}, never sent to "
                    f"{organisation}. Nothing was kept or sent."
                )
                return
            session, days = self.session, outcome.days
            self._start(
                lambda _progress: session.keep_days(days),
                words="Keeping the day's figures…",
                after=lambda kept: self._say_imported(outcome, kept, ask),
            )
            return
        self._say_imported(outcome, found, ask)

    def _say_imported(self, outcome, found, ask: bool = True) -> None:
        from xerohelper.services.catch_up import found_words

        notes = [*found_words(found, self.trading_date), *outcome.notes]
        for question in outcome.questions:
            hint = f" (probably “{question.suggestion}”)" if question.suggestion else ""
            notes.append(question.text() + hint)
        self._pos_card.show_imported(outcome.file.name, notes)
        if ask and outcome.questions and outcome.source and self.snapshot is not None:
            self._ask_till_names(outcome)

    def _ask_till_names(self, outcome) -> None:
        """Which of the shop's names each new till name is: remembered, then the file read again with them."""
        from xerohelper.ui.shop_setup_till_names import TillNamesDialog

        dialog = TillNamesDialog(outcome.questions, self.snapshot.categories, self.snapshot.tenders, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.till_names_dialog = dialog
        session, source, path = self.session, outcome.source, outcome.file

        def remember() -> None:
            categories, tenders = dialog.answers()
            if not categories and not tenders:
                return

            def work(_progress):
                session.remember_till_names(source, categories, tenders)
                outcome = session.import_file(path)  # read again, in the shop's names now
                found = session.keep_days(outcome.days) if outcome.ok else []
                return outcome, found, []

            self._start(
                work,
                words="Remembering your till's names…",
                after=lambda again: self._imported(again, ask=False),  # new names: mapped in Shop setup
            )

        dialog.accepted.connect(remember)
        dialog.open()

    def _type_z_report(self) -> None:
        if self.busy or self.snapshot is None:
            return
        snapshot = self.snapshot
        dialog = ZReportDialog(
            snapshot.trading_date,
            snapshot.categories,
            snapshot.tenders,
            today=snapshot.today,
            day=snapshot.day,
            location=self.location,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.keep_day(dialog.day))
        dialog.destroyed.connect(self._forget_z_report_dialog)
        self.z_report_dialog = dialog
        dialog.open()

    def _forget_z_report_dialog(self, *_) -> None:
        self.z_report_dialog = None

    def keep_day(self, day) -> None:
        """Keep typed figures for the day (the Z-report dialog's result)."""
        if day is None:
            return
        self._pos_card.clear_problem()
        session = self.session
        self._start(lambda _progress: session.save_day(day), words="Keeping the day's totals…")

    def accept_difference(self) -> None:
        """Book the day's till difference on the till difference account (the POS card's button)."""
        if self.busy or self.trading_date is None:
            return
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.accept_difference(day, place), words="Booking the till difference…"
        )

    def _resend(self) -> None:
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.resend_preview(day, place),
            words="Working out the changes…",
            after=self._confirm_resend,
        )

    def _confirm_resend(self, preview) -> None:
        if preview is None:
            return
        dialog = ResendDialog(preview, self)
        session, day, place = self.session, self.trading_date, self.location
        dialog.accepted.connect(
            lambda: self._start(
                lambda progress: session.resend(day, place, progress=progress, on_wait=heard_by(progress)),
                step=Step.SALES_SUMMARY,
                words="Sending the day again…",
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _repeat_last_action(self) -> None:
        self._problem_card.set_explanation(None)
        if self._last_action is None:
            self.refresh()
            return
        work, step, words, after = self._last_action
        self._start(work, step=step, words=words, after=after)

    def _warm_up(self) -> None:
        """Read the organisation's accounts and tax rates once, so the first run needs no reads of its own."""
        self._warmed_up = True
        session = self.session

        day, place = self.trading_date, self.location

        def read_setup():
            session.organisation_setup()
            return (day, place, session.plan_warning(day, place)) if day is not None else None

        def failed(error):
            if isinstance(error, ReconnectNeeded) and shiboken6.isValid(self):
                self._failed(error, step=None, action=None)
            else:
                log.info("reading the organisation's set-up failed: %r", error)

        run_in_background(read_setup, on_done=self._show_plan_warning, on_failed=failed)

    def _check_plan(self) -> None:
        """The plan's warning for the day shown (kept with the set-up: no call to Xero most times)."""
        snapshot = self.snapshot
        if snapshot is None or not snapshot.connection.connected:
            return
        session, day, place = self.session, snapshot.trading_date, snapshot.location
        run_in_background(
            lambda: (day, place, session.plan_warning(day, place)),
            on_done=self._show_plan_warning,
            on_failed=lambda error: log.info("no plan warning: %r", error),
        )

    def _show_plan_warning(self, found) -> None:
        if not shiboken6.isValid(self) or found is None:
            return
        day, place, words = found
        if day != self.trading_date or place != self.location:
            return  # another day is shown by now
        self._plan_warning.setText(words)
        self._plan_warning.setVisible(bool(words))

    # ---- running in the background ------------------------------------------------------------------------
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
        if not shiboken6.isValid(self) or not self.busy:
            return
        if isinstance(words, XeroWait):
            self.wait_countdown.start(words)
            return
        self._progress_words = str(words)
        self._busy_words.setText(self._progress_words)
        if self._running_step is not None:
            self._step_cards[self._running_step].show_running(self._progress_words)

    def _set_busy(self, busy: bool, step: Step | None = None, words: str = "") -> None:
        if busy and not self.busy:  # disabling the button moves Qt's focus away: bring it back after
            self._focus_back = QApplication.focusWidget() is self._run_next_button
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
        self._pos_card.set_busy(not ready)
        self._problem_card.set_busy(self.busy)
        for card in self._step_cards.values():
            card.set_busy(not ready)

    # ---- several tills -------------------------------------------------------------------------------------
    @property
    def till_picker(self) -> QComboBox:
        return self._till_picker

    def choose_till(self, till: str) -> None:
        """Show `till`'s day: its own figures, checklist and calendar marks."""
        if till == self.location or self.busy:
            return
        self.location = till
        self._problem_card.set_explanation(None)
        self._pos_card.clear_problem()
        self.refresh()

    def _till_chosen(self, index: int) -> None:
        self.choose_till(self._till_picker.itemText(index))

    def _show_tills(self, tills: tuple[str, ...]) -> None:
        several = len(tills) > 1
        if [self._till_picker.itemText(i) for i in range(self._till_picker.count())] != list(tills):
            self._till_picker.clear()
            self._till_picker.addItems(list(tills))
        self._till_picker.setCurrentIndex(max(self._till_picker.findText(self.location), 0))
        self._till_picker.setVisible(several)
        self._till_words.setVisible(several)

    def _date_chosen(self, day: date) -> None:
        if day != self.trading_date:
            self.show_day(day)
