"""The pieces of Shop setup's editor: the account and tax-rate pickers, a row's problems (in words, or the
explanation card when Xero would refuse), its Remove, the form's labels and examples, and the scroll area
the rows live in."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.explain import Explanation
from xerohelper.core.organisation_setup import AccountInfo, OrganisationSetup
from xerohelper.core.shop_setup_check import account_label, sales_tax_rates, tax_label
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.focus_in_view import follow_focus
from xerohelper.ui.problem_box import ProblemBox

CHOOSE_ACCOUNT = "Choose an account…"
CHOOSE_TAX = "Choose a tax rate…"


def slug(name: str) -> str:
    """A name as a piece of an object name: “Gift Card” → gift_card."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "row"


class RowProblems(QWidget):
    """The problems of one row: a problem box with a line of words each, or the explanation card when Xero
    would refuse (with Open in Xero, and “check again” when the owner can ask for the accounts to be read
    again)."""

    def __init__(self, object_name: str, on_recheck=None) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._on_recheck = on_recheck
        self.box = ProblemBox(f"{object_name}_box", tinted=False, accessible_name="No problems")
        self.words = self.box.words
        self.words.setObjectName(f"{object_name}_words")
        self._cards_box = QVBoxLayout()
        self._cards_box.setContentsMargins(0, 0, 0, 0)
        self.cards: list[ExplanationCard] = []
        self._shown: tuple = ((), ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addLayout(self._cards_box)
        self.setVisible(False)

    def show_problems(self, words: list[str], cards: list[Explanation]) -> None:
        shown = (tuple(words), tuple(cards))
        if shown == self._shown:
            return
        self._shown = shown
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for explanation in cards:
            card = ExplanationCard(name=f"{self.objectName()}_card")
            self._cards_box.addWidget(
                card
            )  # first: a card shown before it has a parent is a window of its own
            card.set_letters(False)  # several rows may show one: Alt+letters stay Shop setup's
            card.set_explanation(explanation)
            if self._on_recheck is not None:
                card.try_again.connect(self._on_recheck)
            else:
                card.try_again_button.setVisible(False)
            self.cards.append(card)
        # Words only for what no card explains already.
        text = "" if cards else "\n".join(words)
        self.box.show_problem(text)
        self.words.setAccessibleName(text or "No problems")
        self.setVisible(bool(text) or bool(self.cards))

    @property
    def text(self) -> str:
        return self.words.text()


class FittingScrollArea(QScrollArea):
    """Scrolls a column of word-wrapped text and cards: the column is as wide as the view and exactly as
    tall as its text needs at that width (QScrollArea's own resizing leaves gaps or clips wrapped text)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        follow_focus(self)  # Tab goes to the fields inside (each scrolled into view), never to the frame
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and (
            watched is self.viewport() or event.type() == QEvent.Type.LayoutRequest
        ):
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        width = self.viewport().width()
        layout = content.layout()
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else content.sizeHint().height()
        height = max(
            height,
            self.viewport().height(),
            layout.minimumSize().height() if not layout.hasHeightForWidth() else 0,
        )
        if content.size() != QSize(width, height):
            content.resize(width, height)


def stacked(*widgets: QWidget) -> QWidget:
    """A field with what belongs under it (its example, its problems), as one cell of a form."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    for widget in widgets:
        column.addWidget(widget)
    return holder


class AccountCombo(QComboBox):
    """A choice of Xero accounts shown as '200 · Sales'; the account already chosen stays offered even when
    Xero no longer allows it (so the owner sees what it was and the problem next to it)."""

    def __init__(
        self, accounts: list[AccountInfo], setup: OrganisationSetup, current: str, name: str
    ) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addItem(CHOOSE_ACCOUNT, "")
        for account in accounts:
            self.addItem(account_label(account), account.code)
        if current and self.findData(current) < 0:
            known = setup.accounts.get(current)
            if known is None:
                self.addItem(f"{current} · (not in Xero)", current)
            elif known.status != "ACTIVE":
                self.addItem(f"{account_label(known)} (archived)", current)
            else:
                self.addItem(f"{account_label(known)} (can't be used here)", current)
        self.setCurrentIndex(max(self.findData(current), 0))

    def code(self) -> str:
        return self.currentData() or ""


class TaxCombo(QComboBox):
    def __init__(self, setup: OrganisationSetup, current: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addItem(CHOOSE_TAX, "")
        for rate in sales_tax_rates(setup):
            self.addItem(tax_label(rate), rate.tax_type)
        if current and self.findData(current) < 0:
            known = setup.tax_rates.get(current)
            self.addItem(f"{tax_label(known)} (can't be used on sales)" if known else current, current)
        self.setCurrentIndex(max(self.findData(current), 0))

    def tax_type(self) -> str:
        return self.currentData() or ""


class RowWidgets:
    """One sales category or one tender: its name, its choices, its problems, and Remove."""

    def __init__(self, kind: str, name: str, widgets: list[QWidget], problems: RowProblems, remove) -> None:
        self.kind, self.name, self.widgets, self.problems, self.remove = kind, name, widgets, problems, remove

    def drop(self) -> None:
        for widget in [*self.widgets, self.problems, *([self.remove] if self.remove else [])]:
            widget.setParent(None)
            widget.deleteLater()


def buddy(text: str, field: QWidget) -> QLabel:
    """A form's label that moves focus to `field` with its Alt key."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def remove_button(object_name: str, accessible: str) -> QToolButton:
    """A row's Remove (rows the owner added, not the till's own names)."""
    button = QToolButton()
    button.setAutoRaise(True)
    button.setObjectName(object_name)
    button.setText("Remove")
    button.setAccessibleName(accessible)
    button.setToolTip(f"{accessible} from the shop setup")
    return button


def example(fill, after: str = "") -> str:
    """“For example: …” for a pattern being typed (a dash while it can't be filled in); `after` follows a
    filled-in example (the day it is for)."""
    try:
        return f"For example: {fill()}{after}"
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return "For example: —"


def either_or(title: str, name: str, first: tuple, second_choice: tuple, *, second: bool):
    """A group of two radio buttons, each (text, object name, accessible name); `second` checks the second.
    Returns the group box and the two buttons."""
    box = QGroupBox(title)
    box.setObjectName(name)
    buttons = []
    for text, object_name, accessible in (first, second_choice):
        button = QRadioButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(accessible)
        buttons.append(button)
    group = QButtonGroup(box)
    layout = QVBoxLayout(box)
    for button in buttons:
        group.addButton(button)
        layout.addWidget(button)
    buttons[1 if second else 0].setChecked(True)
    return box, buttons
