"""The explanation card: what went wrong, why it usually happens, how to fix it (numbered, in Xero's own menu
words), a button to the exact Xero screen, "I've fixed it — try again", and Xero's own words under Details
with "Copy for support".

    card = ExplanationCard()
    card.set_explanation(explanation)          # None hides the card
    card.try_again.connect(...)                # the owner says it's fixed

Open in Xero goes through open_link (the system browser, or the link to copy when none opens; in the demo
the sandbox's page of the same record, see ui/open_link.py); Copy for support puts
Explanation.support_text() on the clipboard (never a token).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.explain import Explanation
from xerohelper.ui import look
from xerohelper.ui.open_link import open_link, xero_address

TRY_AGAIN = "I've &fixed it — try again"
WORDS = "words_with_letter"  # a button's property: its words with the & of its Alt+letter
OPEN_SETUP = "Open Shop set&up"
COPIED_FOR = 4000  # ms the "Copied" note stays


def plain(text: str) -> str:
    """A button's words without its mnemonic marker: "&Open in Xero" → "Open in Xero"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _words(text: str = "", selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(look.scaled_font(label.font(), 1.0, bold=True))
    return label


class ExplanationCard(QFrame):
    """One thing to fix, and the way to fix it."""

    try_again = Signal()
    opened_in_xero = Signal(str)  # the url given to the system browser
    open_shop_setup = Signal(object)  # the SetupRow the card is about: open Shop setup there
    copied = Signal(str)  # the text put on the clipboard

    def __init__(self, parent: QWidget | None = None, name: str = "explanation_card") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName("What went wrong and how to fix it")
        self._explanation: Explanation | None = None
        self._busy = False
        self._letters = True  # the buttons answer their Alt+letters (see set_letters)
        self._styled_for: tuple[str, ...] = ()

        self._icon = QLabel()
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = _words()
        self.title_label.setObjectName("explanation_title")
        self.title_label.setFont(look.scaled_font(self.title_label.font(), 1.2, bold=True))
        self.predicted_label = look.secondary(
            _words("Found before sending: nothing was sent to Xero.", selectable=False)
        )
        self.predicted_label.setObjectName("explanation_predicted")

        self.what_label = _words()
        self.what_label.setObjectName("explanation_what_happened")
        self._why_heading = _section("Why this usually happens")
        self.why_label = _words()
        self.why_label.setObjectName("explanation_why")
        self._steps_heading = _section("How to fix it")
        self._steps_box = QWidget()
        self._steps_grid = QGridLayout(self._steps_box)
        self._steps_grid.setContentsMargins(0, 0, 0, 0)
        self._steps_grid.setHorizontalSpacing(8)
        self._steps_grid.setVerticalSpacing(4)
        self._steps_grid.setColumnStretch(1, 1)
        self.step_labels: list[QLabel] = []

        self.open_button = QPushButton("&Open in Xero")
        self.open_button.setObjectName("open_in_xero_button")
        self.open_button.setAccessibleName("Open in Xero")
        self.open_button.setIcon(look.icon("open-in-xero"))
        self.open_button.clicked.connect(self.open_in_xero)
        self.setup_button = QPushButton(OPEN_SETUP)
        self.setup_button.setObjectName("open_shop_setup_button")
        self.setup_button.setAccessibleName(plain(OPEN_SETUP))
        self.setup_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setup_button.clicked.connect(self._open_setup)
        self.screen_label = look.secondary(_words())
        self.screen_label.setObjectName("explanation_screen")
        self.hint_label = _words()
        self.hint_label.setObjectName("explanation_hint")

        self.try_again_button = QPushButton(TRY_AGAIN)
        self.try_again_button.setObjectName("try_again_button")
        self.try_again_button.setAccessibleName(plain(TRY_AGAIN))
        self.try_again_button.setIcon(look.icon("try-again"))
        self.try_again_button.clicked.connect(self.try_again)

        self.details_button = QToolButton()
        self.details_button.setObjectName("details_button")
        self.details_button.setText("Xero's &words")  # Alt+D is the Day menu
        self.details_button.setAccessibleName("Details: Xero's own words")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setIconSize(QSize(14, 14))
        self.details_button.toggled.connect(self._show_details)
        self.copy_button = QPushButton("Co&py for support")  # Alt+C: Send the &corrected day
        self.copy_button.setObjectName("copy_for_support_button")
        self.copy_button.setAccessibleName("Copy for support")
        self.copy_button.setIcon(look.icon("copy"))
        self.copy_button.clicked.connect(self.copy_for_support)
        self.copied_label = look.secondary(_words("", selectable=False))
        self.copied_label.setObjectName("copied_note")

        self.details_text = _words()
        self.details_text.setObjectName("explanation_details")
        self.details_text.setAccessibleName("Xero's own words")
        self.details_frame = QFrame()
        self.details_frame.setObjectName("details_frame")
        self.details_frame.setStyleSheet(
            "QFrame#details_frame { background: palette(alternate-base); border-radius: 6px; }"
        )
        inside = QVBoxLayout(self.details_frame)
        inside.setContentsMargins(10, 8, 10, 8)
        inside.addWidget(self.details_text)
        self.details_frame.setVisible(False)

        # layout
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.predicted_label)
        head.addLayout(titles, 1)

        xero_row = QHBoxLayout()
        xero_row.setSpacing(10)
        xero_row.addWidget(self.setup_button)
        xero_row.addWidget(self.open_button)
        xero_row.addWidget(self.screen_label, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.try_again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copied_label)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.copy_button)

        body = QVBoxLayout(self)
        body.setContentsMargins(16, 14, 16, 14)
        body.setSpacing(6)
        body.addLayout(head)
        body.addSpacing(2)
        body.addWidget(self.what_label)
        body.addSpacing(4)
        body.addWidget(self._why_heading)
        body.addWidget(self.why_label)
        body.addSpacing(4)
        body.addWidget(self._steps_heading)
        body.addWidget(self._steps_box)
        body.addSpacing(6)
        body.addLayout(xero_row)
        body.addWidget(self.hint_label)
        body.addSpacing(6)
        body.addLayout(buttons)
        body.addWidget(self.details_frame)

        self.setTabOrder(self.setup_button, self.open_button)
        self.setTabOrder(self.open_button, self.try_again_button)
        self.setTabOrder(self.try_again_button, self.details_button)
        self.setTabOrder(self.details_button, self.copy_button)
        self._restyle()
        self._show_details(False)
        self.setVisible(False)

    # ---- what to show -----------------------------------------------------------------------------------
    @property
    def explanation(self) -> Explanation | None:
        return self._explanation

    def set_explanation(self, explanation: Explanation | None) -> None:
        """Show this explanation (None hides the card). Details close again for a new problem."""
        if explanation == self._explanation:
            self.setVisible(explanation is not None)
            return
        self._explanation = explanation
        if explanation is None:
            self.setVisible(False)
            return
        self.title_label.setText(explanation.title)
        self.setAccessibleDescription(explanation.title)
        self.predicted_label.setVisible(explanation.predicted)
        self.what_label.setText(explanation.what_happened)
        self.what_label.setVisible(bool(explanation.what_happened))
        self.why_label.setText(explanation.why)
        self._why_heading.setVisible(bool(explanation.why))
        self.why_label.setVisible(bool(explanation.why))
        self._fill_steps(explanation.steps)
        screen = explanation.screen
        self.open_button.setVisible(screen is not None)
        self.screen_label.setVisible(screen is not None)
        self.hint_label.setVisible(bool(screen and screen.hint))
        if screen is not None:
            self.screen_label.setText(f"{screen.name} — {screen.menu}")
            self.open_button.setToolTip(xero_address(self, screen))
            self.open_button.setAccessibleDescription(f"Opens {screen.name} in your web browser")
            self.hint_label.setText(f"When it opens: {screen.hint}" if screen.hint else "")
        row = explanation.setup_row
        self.setup_button.setVisible(row is not None)
        if row is not None:
            self.setup_button.setAccessibleDescription(
                f"Opens Shop setup at {row.name}" if row.name else "Opens Shop setup"
            )
        self.details_text.setText(self._details(explanation))
        self.details_button.setChecked(False)
        self.copied_label.setText("")
        self.setVisible(True)

    def _fill_steps(self, steps: tuple[str, ...]) -> None:
        while self._steps_grid.count():
            item = self._steps_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.step_labels = []
        for row, text in enumerate(steps):
            number = QLabel(f"{row + 1}.")
            number.setFont(look.scaled_font(number.font(), 1.0, bold=True))
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            words = _words(text)
            words.setObjectName(f"explanation_step_{row + 1}")
            self._steps_grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps_grid.addWidget(words, row, 1)
            self.step_labels.append(words)
        self._steps_heading.setVisible(bool(steps))
        self._steps_box.setVisible(bool(steps))

    @staticmethod
    def _details(explanation: Explanation) -> str:
        lines: list[str] = []
        if explanation.xero_messages:
            lines.append("Xero said:")
            lines += [f"“{message}”" for message in explanation.xero_messages]
        elif explanation.predicted:
            lines.append(
                "Xero hasn't said anything: xerohelper found this in its check before sending, "
                "so nothing was sent."
            )
        else:
            lines.append("Xero sent no message of its own.")
        if explanation.where:
            lines.append(f"Which: {explanation.where}")
        return "\n".join(lines)

    # ---- the buttons -----------------------------------------------------------------------------------
    def open_in_xero(self) -> None:
        if self._explanation is None or self._explanation.screen is None:
            return
        url = xero_address(self, self._explanation.screen)
        open_link(self, url)
        self.opened_in_xero.emit(url)

    def _open_setup(self) -> None:
        if self._explanation is not None and self._explanation.setup_row is not None:
            self.open_shop_setup.emit(self._explanation.setup_row)

    def copy_for_support(self) -> None:
        if self._explanation is None:
            return
        text = self._explanation.support_text()
        QGuiApplication.clipboard().setText(text)
        self.copied_label.setText("Copied: paste it into your message to support.")
        QTimer.singleShot(COPIED_FOR, self, lambda: self.copied_label.setText(""))
        self.copied.emit(text)

    def _show_details(self, shown: bool) -> None:
        self.details_frame.setVisible(shown)
        self.details_button.setIcon(look.icon("collapse" if shown else "expand"))
        self.details_button.setToolTip("Hide Xero's own words" if shown else "Show Xero's own words")

    def set_busy(self, busy: bool) -> None:
        """While work runs, the card stays readable but its buttons wait."""
        self._busy = busy
        for button in (self.try_again_button, self.open_button, self.setup_button):
            button.setEnabled(not busy)

    def set_try_again_text(self, text: str) -> None:
        self._set_words(self.try_again_button, text)
        self.try_again_button.setAccessibleName(plain(text))

    def set_letters(self, on: bool) -> None:
        """Whether the card's buttons answer Alt+letters. Off for a second card shown at the same time
        (the day's problem and a step's refusal): the two would share every letter; the first keeps them."""
        self._letters = on
        for button in (
            self.open_button,
            self.setup_button,
            self.try_again_button,
            self.details_button,
            self.copy_button,
        ):
            self._set_words(button, button.property(WORDS) or button.text())

    def _set_words(self, button, words: str) -> None:
        button.setProperty(WORDS, words)  # as written, with its & (kept while the letter is off)
        button.setText(words if self._letters else plain(words).replace("&", "&&"))

    # ---- follow the palette ----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and look.palette_key() != self._styled_for:
            self._restyle()

    def _restyle(self) -> None:
        self._styled_for = look.palette_key()
        colour = look.tone_colour(look.Tone.ATTENTION)
        self._icon.setPixmap(look.pixmap("attention", colour, 24))
        look.style_card(self, look.Tone.ATTENTION)
