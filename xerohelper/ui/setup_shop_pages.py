"""The set-up wizard's last pages: choose the organisation, set up the shop, Ready. They only draw and
collect; where they lead is core's SetupFlow's business (ui/setup_wizard.py asks it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from xerohelper.core.setup_flow import Page, SetupFlow
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.problem_box import ProblemBox
from xerohelper.ui.setup_page_parts import centred, heading, page_words


class ChooseOrganisationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("choose_page")
        self.setTitle("Choose your organisation")
        self.setSubTitle("You allowed xerohelper into more than one Xero organisation. Which shop is this?")
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.box = QVBoxLayout(self)
        self.box.addStretch(1)
        self.choices: list = []

    def set_choices(self, choices) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        self.choices = list(choices)
        for index, choice in enumerate(self.choices):
            button = QRadioButton(choice.name)
            button.setObjectName(f"organisation_{index}")
            button.setAccessibleName(choice.name)
            self.group.addButton(button, index)
            self.box.insertWidget(index, button)
            if choice.newly_allowed and self.group.checkedId() < 0:
                button.setChecked(True)
        self.completeChanged.emit()

    def chosen(self):
        index = self.group.checkedId()
        return self.choices[index] if index >= 0 else None

    def focus_first(self) -> None:
        """The organisation offered first (the arrows move between them; Enter goes on)."""
        button = self.group.checkedButton() or next(iter(self.group.buttons()), None)
        if button is not None:
            focus_for_keys(button)

    def isComplete(self) -> bool:
        return self.chosen() is not None


class ShopSetupPage(QWizardPage):
    """Sales categories and tenders mapped to accounts and tax rates; problems shown inline."""

    retry_requested = Signal()

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__()
        self.setObjectName("setup_page")
        self.flow = flow
        # QWizard gives a page only the height it asks for; this page's list should use the whole window.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setTitle("Set up your shop")
        self.setSubTitle(
            "Tell xerohelper where each kind of sale and each way of paying goes in Xero. "
            "You can change this later in Settings."
        )
        self.editor = None
        self.words = page_words("Reading your accounts and tax rates from Xero…")
        self.words.setObjectName("setup_words")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.problem = ProblemBox("setup_problem", accessible_name="What went wrong")
        self.retry_button = QPushButton("&Try again")
        self.retry_button.setObjectName("retry_setup_button")
        self.retry_button.setAccessibleName("Read the accounts from Xero again")
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        self.status = QWidget()  # what is happening, or what went wrong: at the top, as tall as its words
        column = QVBoxLayout(self.status)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.words)
        column.addWidget(self.busy)
        column.addWidget(self.problem)
        column.addLayout(retry_row)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)

    def show_loading(self) -> None:
        self.words.setText("Reading your accounts and tax rates from Xero…")
        self.status.show()
        self.words.show()
        self.busy.show()
        self.problem.clear()
        self.retry_button.hide()
        if self.editor is not None:
            self.editor.hide()
        self.completeChanged.emit()

    def show_editor(self, editor: QWidget) -> None:
        if self.editor is not None:
            self.layout_.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = editor
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        editor.changed.connect(self.completeChanged)
        self.layout_.addWidget(editor, 1)
        self.words.hide()
        self.busy.hide()
        self.status.setVisible(self.problem.isVisibleTo(self.status))
        editor.show()
        self.completeChanged.emit()
        if self.isVisible():  # read while the owner waited here: the keyboard goes into the setup
            self.focus_first()

    def focus_first(self) -> None:
        """The setup's first choice once it is shown (Enter there is the wizard's Next), Try again after
        a failure, else the page itself while the accounts are read."""
        if self.retry_button.isVisibleTo(self):
            focus_for_keys(self.retry_button)
        elif self.editor is not None and self.editor.isVisibleTo(self):
            self.editor.focus_first()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, title: str, words: str) -> None:
        """The accounts couldn't be read (no editor: Try again), or the setup couldn't be saved (the editor
        stays, and Next saves again)."""
        self.busy.hide()
        self.words.hide()
        self.status.show()
        self.problem.show_problem(words, title)
        self.retry_button.setVisible(self.flow.offers_try_again(Page.SETUP))
        if self.retry_button.isVisibleTo(self):
            focus_for_keys(self.retry_button)
        self.completeChanged.emit()

    def clear_problem(self) -> None:
        self.problem.clear()
        self.retry_button.hide()
        self.status.setVisible(self.editor is None)

    def isComplete(self) -> bool:
        if self.editor is None or not self.flow.can_go_on(Page.SETUP):
            return False
        return not self.editor.save_waits_for()  # the editor's own rule for what must be fixed first


class ReadyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ready_page")
        self.title = heading("You're ready", 1.8)
        self.connected = page_words()
        self.connected.setObjectName("ready_words")
        self.how = page_words()
        self.next = page_words(
            "Click Finish to see today's takings. Import your till's end-of-day export, or type in the "
            "Z-report totals, then send the day to Xero one step at a time."
        )
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        for widget in (self.title, self.connected, self.how, self.next):
            font = widget.font()
            if widget is not self.title:
                font.setPointSizeF(font.pointSizeF() * 1.1)
                widget.setFont(font)
            inner.addWidget(widget)
        centred(self, column, 640)

    def focus_first(self) -> None:
        """Finish: Enter (or Space) opens the day."""
        wizard = self.wizard()
        if wizard is not None:
            focus_for_keys(wizard.button(wizard.WizardButton.FinishButton))

    def show_summary(self, organisation_name: str, approve_automatically: bool) -> None:
        self.connected.setText(
            f"xerohelper is connected to {organisation_name} and knows where your takings go."
        )
        self.how.setText(
            "Each day's invoice will be approved for you, so the payments can go straight on."
            if approve_automatically
            else "Each day's invoice goes to Xero as a draft first, for you to check and approve."
        )
