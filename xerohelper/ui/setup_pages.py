"""The set-up wizard's pages: Welcome, Connect, Choose organisation, Shop setup, Ready. They only draw and
collect; where they lead is core's SetupFlow's business (ui/setup_wizard.py asks it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from xerohelper.core.setup_flow import Page, SetupFlow
from xerohelper.ui.problem_box import ProblemBox


def heading(text: str, scale: float = 1.6) -> QLabel:
    """A large bold title that wraps."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _words(text: str = "", secondary: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if secondary:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def centred(page: QWidget, column: QWidget, max_width: int = 680) -> None:
    """Lay `column` out in the middle of `page`, no wider than `max_width`, a little above centre."""
    column.setMaximumWidth(max_width)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, 4)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)


class WelcomePage(QWizardPage):
    """First page: say what the app does, then connect to Xero or try the demo shop."""

    connect_requested = Signal()
    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("welcome_page")
        title = heading("Your till's takings in Xero, every day", 1.8)
        title.setObjectName("welcome_heading")
        intro = QLabel(
            "<p>Each day xerohelper takes your till's totals and, in order:</p>"
            "<ol>"
            "<li><b>posts the sales summary</b> to Xero as one invoice for the day,</li>"
            "<li><b>gets it approved</b>, by you or automatically,</li>"
            "<li><b>records each payment</b> (cash, card, voucher…) in the right account.</li>"
            "</ol>"
            "<p>If Xero refuses something, xerohelper tells you why in plain words and opens the Xero "
            "screen where you fix it.</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        font = intro.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        intro.setFont(font)

        self.connect_button = QCommandLinkButton(
            "&Connect to Xero",
            "Sign in to Xero in your web browser and choose your organisation. "
            "xerohelper never sees your Xero password.",
        )
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setAccessibleName("Connect to Xero")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_requested)
        self.demo_button = QCommandLinkButton(
            "&Try the demo shop",
            "Look around with a made-up shop and a practice Xero. Nothing is sent to your real Xero.",
        )
        self.demo_button.setObjectName("demo_button")
        self.demo_button.setAccessibleName("Try the demo shop")
        self.demo_button.clicked.connect(self.demo_requested)
        privacy = _words(
            "Your Xero sign-in is remembered in this computer's password store, never in a plain file.", True
        )

        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (title, intro, self.connect_button, self.demo_button, privacy):
            inner.addWidget(widget)
        inner.insertSpacing(2, 12)
        inner.insertSpacing(5, 16)
        centred(self, column, 640)


class ConnectPage(QWizardPage):
    """Waiting for the browser; what is happening in words; Cancel; every failure explained."""

    cancel_requested = Signal()
    retry_requested = Signal()

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__()
        self.setObjectName("connect_page")
        self.flow = flow
        self.heading = heading("Connecting to Xero")
        self.words = _words("Opening Xero's sign-in page in your web browser…")
        self.words.setObjectName("connect_words")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Connecting")
        self.link = _words(secondary=True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        self.link.setObjectName("connect_link")
        self.problem = ProblemBox("connect_problem", accessible_name="Why connecting didn't work")
        self.cancel_button = QPushButton("Ca&ncel")
        self.cancel_button.setObjectName("cancel_connect_button")
        self.cancel_button.setAccessibleName("Cancel connecting")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.retry_button = QPushButton("&Try again")
        self.retry_button.setObjectName("retry_connect_button")
        self.retry_button.setAccessibleName("Try connecting again")
        self.retry_button.clicked.connect(self.retry_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.words, self.busy, self.link, self.problem):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        centred(self, column)
        self.show_waiting("Opening Xero's sign-in page in your web browser…")

    def show_waiting(self, words: str, link: str | None = None, seconds_left: int | None = None) -> None:
        self.words.setText(words + (f" (about {seconds_left // 60 or 1} min left)" if seconds_left else ""))
        self.busy.show()
        self.link.setVisible(bool(link))
        if link:
            self.link.setText(f"Browser didn't open? <a href=\"{link}\">Open Xero's sign-in page</a>.")
        self.problem.clear()
        self.retry_button.hide()
        self.cancel_button.show()
        self.completeChanged.emit()

    def show_problem(self, title: str, words: str, next_step: str) -> None:
        self.busy.hide()
        self.link.hide()
        self.words.setText("xerohelper couldn't connect to Xero.")
        self.problem.show_problem(f"{words}\n\n{next_step}".strip(), title)
        self.retry_button.setVisible(self.flow.offers_try_again(Page.CONNECT))
        self.cancel_button.hide()
        self.retry_button.setFocus()
        self.completeChanged.emit()

    def show_connected(self, organisation_name: str) -> None:
        self.busy.hide()
        self.link.hide()
        self.problem.clear()
        self.cancel_button.hide()
        self.retry_button.hide()
        self.words.setText(f"Connected to {organisation_name}.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.flow.can_go_on(Page.CONNECT)


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
        self.words = _words("Reading your accounts and tax rates from Xero…")
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

    def show_problem(self, title: str, words: str) -> None:
        """The accounts couldn't be read (no editor: Try again), or the setup couldn't be saved (the editor
        stays, and Next saves again)."""
        self.busy.hide()
        self.words.hide()
        self.status.show()
        self.problem.show_problem(words, title)
        self.retry_button.setVisible(self.flow.offers_try_again(Page.SETUP))
        if self.retry_button.isVisibleTo(self):
            self.retry_button.setFocus()
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
        self.connected = _words()
        self.connected.setObjectName("ready_words")
        self.how = _words()
        self.next = _words(
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

    def show_summary(self, organisation_name: str, approve_automatically: bool) -> None:
        self.connected.setText(
            f"xerohelper is connected to {organisation_name} and knows where your takings go."
        )
        self.how.setText(
            "Each day's invoice will be approved for you, so the payments can go straight on."
            if approve_automatically
            else "Each day's invoice goes to Xero as a draft first, for you to check and approve."
        )
