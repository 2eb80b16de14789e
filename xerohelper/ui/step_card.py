"""One step of the day's checklist as a card: its number and title, a badge with its state (icon and words),
why it is in that state, the step's own buttons (Skip…, Undo skip, and for a draft waiting for approval:
open it in Xero / check again), and — when Xero said no — the explanation card right under it.

The card only shows and announces; the day screen does the work (in the background) and hands back the
step's new status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.checklist import ORDER, Step, StepState, StepStatus
from xerohelper.core.explain import ScreenLink
from xerohelper.ui import look
from xerohelper.ui.explanation_card import ExplanationCard, plain
from xerohelper.ui.open_link import open_link, xero_address

# What each step is for, in one line under its title.
PURPOSE = {
    Step.SALES_SUMMARY: "The day's takings go to Xero as one sales invoice.",
    Step.APPROVE: "Xero needs the invoice approved before payments can go on it.",
    Step.PAYMENTS: "Each way you were paid (cash, EFTPOS, cards…) is recorded in its account.",
}

# What a step's card says when the checklist has nothing more specific to say.
READY_WORDS = {
    Step.SALES_SUMMARY: "Ready to send to Xero.",
    Step.APPROVE: "Ready to approve.",
    Step.PAYMENTS: "Ready to record the payments.",
}

# Reasons an owner often has for skipping a step (they can type their own).
SKIP_REASONS = {
    Step.SALES_SUMMARY: (
        "The shop was closed",
        "I entered this day in Xero myself",
        "These sales go in with another day",
    ),
    Step.APPROVE: ("I approve and pay this invoice in Xero myself",),
    Step.PAYMENTS: (
        "I record these payments in Xero myself",
        "The payments come in through the bank feed",
        "There were no payments",
    ),
}

SKIP_ALSO = {
    Step.SALES_SUMMARY: "Skipping the sales summary skips the whole day: nothing is sent to Xero for it.",
    Step.APPROVE: "Payments can't go on an invoice that isn't approved, so they are skipped too.",
    Step.PAYMENTS: "The invoice stays in Xero as it is; no payments are recorded on it.",
}


def _button(text: str, name: str, icon: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(plain(text))
    button.setAutoDefault(True)  # Enter on a focused button presses it
    if icon:
        button.setIcon(look.icon(icon))
    return button


class StepCard(QFrame):
    skip_requested = Signal(object)  # Step
    unskip_requested = Signal(object)  # Step
    try_again = Signal(object)  # Step: the owner fixed what the explanation said
    check_again = Signal(object)  # Step: the owner approved the draft in Xero
    opened_in_xero = Signal(str)  # the url given to the system browser
    open_shop_setup = Signal(object)  # SetupRow: the explanation is about this row of Shop setup

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"step_card_{step.value.replace('-', '_')}")
        self.setAccessibleName(f"Step {self.number}: {step.title}")
        self.status: StepStatus | None = None
        self.draft_link: ScreenLink | None = None
        self.can_skip = False
        self._busy = False
        self._styled_for: tuple = ()
        self._shown: tuple | None = None  # (status, draft link, can skip) as set_status last showed them
        self._buttons_shown: tuple = ()  # (draft row, skip, unskip, busy) as _update_buttons set them

        self._number = QLabel(str(self.number))
        self._number.setObjectName("step_number")
        self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._number.setFixedSize(30, 30)
        self._number.setFont(look.scaled_font(self._number.font(), 1.1, bold=True))
        self.title_label = QLabel(step.title)
        self.title_label.setObjectName("step_title")
        look.make_heading(self.title_label, 1.15)
        self.purpose_label = look.secondary(QLabel(PURPOSE[step]))
        self.purpose_label.setWordWrap(True)
        self.badge = look.Badge(look.STEP_LOOKS[StepState.NOT_STARTED])
        self.badge.setObjectName("step_badge")
        self.reason_label = QLabel()
        self.reason_label.setObjectName("step_reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.open_draft_button = _button("Open the draft in &Xero", "open_draft_button", "open-in-xero")
        self.open_draft_button.setToolTip(
            "Opens the day's invoice in Xero, where you can check and approve it"
        )
        self.open_draft_button.clicked.connect(self._open_draft)
        self.check_again_button = _button(
            "I've approved it in Xero — check a&gain", "check_again_button", "try-again"
        )
        self.check_again_button.clicked.connect(lambda: self.check_again.emit(self.step))
        self.skip_button = _button("S&kip…", f"skip_button_{step.value.replace('-', '_')}")
        self.skip_button.setAccessibleName(f"Skip {step.title.lower()}")
        self.skip_button.setToolTip("Leave this step out for this day, and say why")
        self.skip_button.clicked.connect(lambda: self.skip_requested.emit(self.step))
        self.unskip_button = _button("&Undo skip", f"unskip_button_{step.value.replace('-', '_')}")
        self.unskip_button.setAccessibleName(f"Undo skipping {step.title.lower()}")
        self.unskip_button.clicked.connect(lambda: self.unskip_requested.emit(self.step))

        self.explanation_card = ExplanationCard(name=f"explanation_card_{step.value.replace('-', '_')}")
        self.explanation_card.try_again.connect(lambda: self.try_again.emit(self.step))
        self.explanation_card.opened_in_xero.connect(self.opened_in_xero)
        self.explanation_card.open_shop_setup.connect(self.open_shop_setup)

        # layout: [number] title ........ [badge]
        #                  purpose
        #                  reason
        #                  [buttons]
        #         explanation card
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        reason_row = QHBoxLayout()
        reason_row.setSpacing(10)
        reason_row.addWidget(self.reason_label, 1)
        reason_row.addWidget(self.unskip_button, 0, Qt.AlignmentFlag.AlignBottom)
        reason_row.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignBottom)
        self._draft_row = QWidget()
        draft = QHBoxLayout(self._draft_row)
        draft.setContentsMargins(0, 2, 0, 0)
        draft.setSpacing(8)
        draft.addWidget(self.open_draft_button)
        draft.addWidget(self.check_again_button)
        draft.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addLayout(head)
        text.addWidget(self.purpose_label)
        text.addSpacing(2)
        text.addLayout(reason_row)
        text.addWidget(self._draft_row)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self._number, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        body = QVBoxLayout(self)
        body.setContentsMargins(14, 12, 14, 12)
        body.setSpacing(10)
        body.addLayout(row)
        body.addWidget(self.explanation_card)
        self._restyle(None)
        self.set_status(StepStatus(step, StepState.NOT_STARTED))

    @property
    def number(self) -> int:
        return ORDER.index(self.step) + 1

    @property
    def state(self) -> StepState:
        return self.status.state if self.status else StepState.NOT_STARTED

    # ---- what the card shows ---------------------------------------------------------------------------
    def set_status(
        self, status: StepStatus, draft_link: ScreenLink | None = None, can_skip: bool | None = None
    ) -> None:
        """Show the step's state and reason. `draft_link` opens the invoice waiting for approval;
        `can_skip` offers Skip… (default: when the step could run now)."""
        shown = (status, draft_link, can_skip)
        if shown == self._shown:
            return  # as shown: each step's answer brings every card's status, mostly unchanged
        self._shown = shown
        self.status = status
        self.draft_link = draft_link
        self.can_skip = (
            status.state in (StepState.READY, StepState.NEEDS_ATTENTION) if can_skip is None else can_skip
        )
        state = status.state
        self.badge.set_look(look.STEP_LOOKS[state])
        reason = status.reason or (READY_WORDS[self.step] if state is StepState.READY else "")
        if state is StepState.SKIPPED:
            reason = f"Skipped: {status.reason}"
        self.reason_label.setText(reason)
        attention = status.attention if state is StepState.NEEDS_ATTENTION else None
        self.explanation_card.set_explanation(attention)
        self.setAccessibleDescription(f"{look.STEP_LOOKS[state].words}. {reason}".strip())
        self._restyle(state)
        self._update_buttons()

    def show_running(self, words: str = "") -> None:
        """The step is being worked on: say so, with the latest progress words."""
        self._shown = None
        self.badge.set_look(look.STEP_LOOKS[StepState.RUNNING])
        self.reason_label.setText(words or "Working on it…")
        self._restyle(StepState.RUNNING)

    def show_problem(self, explanation) -> None:
        """An unexpected failure while this step ran: show it like Xero's refusals."""
        self._shown = None
        self.badge.set_look(look.STEP_LOOKS[StepState.NEEDS_ATTENTION])
        self.reason_label.setText("This didn't work. See below for what to do.")
        self.explanation_card.set_explanation(explanation)
        self._restyle(StepState.NEEDS_ATTENTION)

    def set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        self.explanation_card.set_busy(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        state = self.state
        waiting = (
            self.step is Step.APPROVE
            and self.draft_link is not None
            and state
            in (
                StepState.READY,
                StepState.NEEDS_ATTENTION,
            )
        )
        shown = (
            waiting,
            self.can_skip and state is not StepState.SKIPPED,
            state is StepState.SKIPPED,
            self._busy,
        )
        if shown == self._buttons_shown:
            return
        self._buttons_shown = shown
        self._draft_row.setVisible(waiting)
        self.skip_button.setVisible(shown[1])
        self.unskip_button.setVisible(shown[2])
        for button in (self.open_draft_button, self.check_again_button, self.skip_button, self.unskip_button):
            button.setEnabled(not self._busy)

    def _open_draft(self) -> None:
        if self.draft_link is None:
            return
        url = xero_address(self, self.draft_link)
        open_link(self, url)
        self.opened_in_xero.emit(url)

    # ---- colours ---------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._styled_for[:1] != (look.palette_key(),):
            self._restyle(self.state)

    def _restyle(self, state: StepState | None) -> None:
        key = (look.palette_key(), state)
        if key == self._styled_for:
            return
        new_palette = key[:1] != self._styled_for[:1]
        self._styled_for = key
        tone = look.STEP_LOOKS[state].tone if state is not None else look.Tone.NEUTRAL
        colour = look.tone_colour(tone)
        edges = (StepState.NEEDS_ATTENTION, StepState.RUNNING)
        if new_palette:
            look.style_toned_card(self, tuple(look.STEP_LOOKS[s].tone for s in edges))
        look.set_card_tone(self, tone if state in edges else None)
        palette = look.current_palette()
        ink = palette.color(QPalette.ColorRole.Base).name() if look.is_dark(palette) else "white"
        filled = state in (StepState.DONE, StepState.NEEDS_ATTENTION, StepState.RUNNING, StepState.READY)
        look.set_style_sheet(
            self._number,
            f"QLabel#step_number {{ border-radius: 15px; border: 2px solid {colour.name()};"
            f" color: {ink if filled else colour.name()};"
            f" background: {colour.name() if filled else 'transparent'}; }}",
        )


class SkipDialog(QDialog):
    """Ask why a step is being skipped (the reason is kept with the day and shown on the card)."""

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skip_dialog")
        self.setWindowTitle(f"Skip {step.title.lower()}")
        self.step = step
        question = QLabel(f"Why are you skipping “{step.title}” for this day?")
        question.setWordWrap(True)
        look.make_heading(question, 1.1)
        note = look.secondary(QLabel(SKIP_ALSO[step] + " You can undo this later."))
        note.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("skip_reason")
        self.reason.setAccessibleName("Reason for skipping")
        self.reason.setEditable(True)
        self.reason.addItems(SKIP_REASONS[step])
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText("Choose or type a reason")
        label = QLabel("&Reason:")
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("&Skip this step", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("skip_ok_button")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(note)
        layout.addSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._changed("")

    def _changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def reason_text(self) -> str:
        return self.reason.currentText().strip()
