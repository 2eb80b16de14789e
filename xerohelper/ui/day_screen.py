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

This file shows the day (a DaySnapshot) and the till picker. Its parts, each in its own file:
ui/day_screen_layout.py (the widgets, made and laid out), ui/day_screen_work.py (running work in the
background, the busy state), ui/day_screen_steps.py (the checklist's actions) and ui/day_screen_figures.py
(importing a till file, the Z report, the till difference).
"""

from __future__ import annotations

import logging
from datetime import date

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from xerohelper.core.checklist import Step, StepState
from xerohelper.core.connection import ConnectionState, ConnectionStatus, ReconnectNeeded
from xerohelper.core.dates import long_date
from xerohelper.services.day_snapshot import DaySnapshot
from xerohelper.ui import look
from xerohelper.ui.day_calendar import DayCalendar
from xerohelper.ui.day_screen_figures import FigureActions
from xerohelper.ui.day_screen_keys import KeyboardPlace
from xerohelper.ui.day_screen_layout import RUN_NEXT, DayScreenLayout
from xerohelper.ui.day_screen_steps import StepActions
from xerohelper.ui.day_screen_work import BUSY_AFTER_MS, FRAME_MS, BackgroundWork
from xerohelper.ui.explanation_card import ExplanationCard, plain
from xerohelper.ui.pos_card import PosCard, balance_words
from xerohelper.ui.step_card import StepCard
from xerohelper.ui.workers import run_in_background
from xerohelper.ui.z_report_dialog import ZReportDialog

log = logging.getLogger(__name__)

RUN_WORDS = {
    Step.SALES_SUMMARY: "Se&nd the sales summary",
    Step.APPROVE: "&Approve the invoice in Xero",
    Step.PAYMENTS: "&Record the payments",
}
WHAT_IT_DOES = {
    Step.SALES_SUMMARY: "Sends the day's takings to Xero as one sales invoice.",
    Step.APPROVE: "Approves the day's invoice in Xero, so the payments can go on it. "
    "You can also approve it in Xero yourself.",
    Step.PAYMENTS: "Records each payment against the day's invoice, into its account.",
}


class DayScreen(DayScreenLayout, FigureActions, StepActions, BackgroundWork, KeyboardPlace, QWidget):
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
        self._focus_back = False  # a button of the day had the focus when work started (day_screen_keys)
        self._placed: QWidget | None = None  # where this screen last put the keyboard
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
        self._progress_timer = QTimer(self)  # progress words wait for the next frame (day_screen_work.py)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(FRAME_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._build()
        self._calendar.xero_days_read.connect(self._xero_days_read)
        self._watch_cards()

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
            if self._warmed_up:  # perhaps another organisation: the calendar looks in Xero again
                self._read_days_in_xero()
        self._show_connection(status)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # the screen comes (after the wizard, Reconnect, from the tray)
            self._focus_back = True  # the keyboard goes to what comes next once the day is shown
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
        till = snapshot.location if snapshot.location in snapshot.tills else None
        self._calendar.set_statuses(snapshot.statuses, snapshot.weeks, till)
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
        self._say_found_in_xero(snapshot)
        self._set_controls_enabled()
        self._share_letters()
        self._keep_the_keyboard()  # on the primary button after work, or on what comes next
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

    # ---- the organisation's set-up, and the plan's monthly limit -------------------------------------------
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
        if self.snapshot is not None and self.snapshot.connection.connected:
            self._read_days_in_xero()

    # ---- days already in Xero (sent from another computer, or before xerohelper) --------------------------
    def _read_days_in_xero(self) -> None:
        """The calendar reads each month it shows from Xero, in the background, once a month."""
        session = self.session
        self._calendar.read_from_xero(lambda month: session.days_in_xero(month))

    def _xero_days_read(self) -> None:
        snapshot = self.snapshot
        if snapshot is not None and not self.busy:
            self._show_next(snapshot)
            self._say_found_in_xero(snapshot)

    def _say_found_in_xero(self, snapshot: DaySnapshot) -> None:
        """A day whose invoice Xero has but this computer doesn't know of: said under the steps."""
        day = snapshot.trading_date
        status = self._calendar.status_of(day)
        if snapshot.invoice is not None or status is None or not self._calendar.found_in_xero(day):
            return
        words = (
            f"Xero already has this day's invoice ({status.title.lower()}, {status.meaning}), sent from "
            "another computer or before xerohelper. "
        )
        if snapshot.day is None:
            words += "Import the day's till file to see its figures here."
        else:
            words += "Sending looks it up first: xerohelper won't send the day twice."
        self._next_label.setText(words)

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
