"""The set-up wizard's pages: Welcome, Use your own Xero app, Connect, Choose organisation, Shop setup,
Ready. They only draw and collect; where they lead is core's SetupFlow's business (ui/setup_wizard.py
asks it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from xerohelper.core.connection import client_id_problem
from xerohelper.core.setup_flow import Page, SetupFlow, SignInTrouble
from xerohelper.ui.focus_in_view import focus_for_keys, follow_focus
from xerohelper.ui.problem_box import ProblemBox

DEVELOPER_PORTAL = "https://developer.xero.com/app/manage"
DEFAULT_REDIRECT_URI = "http://localhost:8742/callback"


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
    own_app_requested = Signal()

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
        self.own_app_button = QPushButton("Use your own Xero &app…")
        self.own_app_button.setObjectName("welcome_own_app_button")
        self.own_app_button.setAccessibleName("Use your own Xero app")
        self.own_app_button.setFlat(True)
        self.own_app_button.setAutoDefault(False)
        self.own_app_button.clicked.connect(self.own_app_requested)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_app_button)
        own_row.addStretch(1)
        inner.addLayout(own_row)
        centred(self, column, 640)

    def show_xero_app(self, known: bool) -> None:
        """Without a Xero app built in or saved, Connect first walks through registering one."""
        self.connect_button.setDescription(
            "Sign in to Xero in your web browser and choose your organisation. "
            "xerohelper never sees your Xero password."
            if known
            else "First register xerohelper with Xero (free, about five minutes; the next page shows how), "
            "then sign in in your web browser. xerohelper never sees your Xero password."
        )
        self.own_app_button.setVisible(known)  # without one, Connect leads to that page anyway

    def focus_first(self) -> None:
        focus_for_keys(self.connect_button)


class ConnectPage(QWizardPage):
    """Waiting for the browser; what is happening in words; Cancel. When signing in stopped: what happened,
    and ways on — Connect (again), fix the Xero app, try the demo shop — besides the wizard's Back."""

    cancel_requested = Signal()
    retry_requested = Signal()
    own_app_requested = Signal()
    demo_requested = Signal()

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__()
        self.setObjectName("connect_page")
        self.flow = flow
        self.heading = heading("Connecting to Xero")
        self.heading.setObjectName("connect_heading")
        self.words = _words("Opening Xero's sign-in page in your web browser…")
        self.words.setObjectName("connect_words")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Connecting")
        self.link = _words(secondary=True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        # Tab reaches the link and Enter opens it (by mouse too): the way on when no browser opened
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setObjectName("connect_link")
        self.problem = ProblemBox("connect_problem", accessible_name="Why connecting didn't work")
        self.cancel_button = QPushButton("Ca&ncel")
        self.cancel_button.setObjectName("cancel_connect_button")
        self.cancel_button.setAccessibleName("Cancel connecting")
        self.cancel_button.clicked.connect(self.cancel_requested)
        # "Connect", as the words next to it say ("Click Connect when you are ready…").
        self.retry_button = QPushButton("&Connect")
        self.retry_button.setObjectName("retry_connect_button")
        self.retry_button.setAccessibleName("Connect to Xero again")
        self.retry_button.clicked.connect(self.retry_requested)
        self.own_app_button = QPushButton("Use your own Xero &app…")
        self.own_app_button.setObjectName("own_app_button")
        self.own_app_button.setAccessibleName("Use your own Xero app")
        self.own_app_button.clicked.connect(self.own_app_requested)
        self.demo_button = QPushButton("&Try the demo shop")
        self.demo_button.setObjectName("failure_demo_button")
        self.demo_button.setAccessibleName("Try the demo shop")
        self.demo_button.setToolTip("A made-up shop and a practice Xero on this computer: no sign-in needed.")
        self.demo_button.clicked.connect(self.demo_requested)
        self._offers = {
            "connect": self.retry_button,
            "own app": self.own_app_button,
            "demo": self.demo_button,
        }

        self.buttons = QHBoxLayout()
        for button in (self.retry_button, self.own_app_button, self.demo_button, self.cancel_button):
            button.setAutoDefault(False)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.words, self.busy, self.link, self.problem):
            inner.addWidget(widget)
        inner.addLayout(self.buttons)
        centred(self, column)
        self.show_waiting("Opening Xero's sign-in page in your web browser…")

    def show_waiting(self, words: str, link: str | None = None, seconds_left: int | None = None) -> None:
        self.heading.setText("Connecting to Xero")
        self.words.setText(words + (f" (about {seconds_left // 60 or 1} min left)" if seconds_left else ""))
        self.busy.show()
        self.link.setVisible(bool(link))
        if link:
            self.link.setText(f"Browser didn't open? <a href=\"{link}\">Open Xero's sign-in page</a>.")
        self.problem.clear()
        for button in self._offers.values():
            button.hide()
        self.cancel_button.show()
        self.completeChanged.emit()

    def show_problem(self, title: str, words: str, next_step: str, advice: str = "") -> None:
        """Signing in stopped: a deliberate Cancel reads as cancelled; anything else says what happened and
        what to do (`advice`: what to install for this desktop, when the password store is the cause)."""
        self.busy.hide()
        self.link.hide()
        self.cancel_button.hide()
        if self.flow.sign_in_trouble is SignInTrouble.CANCELLED:
            self.heading.setText("Connecting cancelled")
            self.words.setText(
                "You cancelled connecting to Xero. Nothing was changed. Click Connect when you are ready, "
                "Try the demo shop to look around first, or Back."
            )
            self.problem.clear()
        else:
            self.heading.setText("Connecting to Xero didn't work")
            self.words.setText("xerohelper couldn't connect to Xero.")
            # With advice for this desktop, it replaces the general next step (it says the same, for here).
            text = f"{words}\n\nWhat to install: {advice}" if advice else f"{words}\n\n{next_step}".strip()
            self.problem.show_problem(text, title)
        offers = self.flow.failure_offers()
        for name, button in self._offers.items():
            button.setVisible(name in offers)
        first = self._offers[offers[0]] if offers else None
        if first is not None:
            focus_for_keys(first)
        self.completeChanged.emit()

    def show_connected(self, organisation_name: str) -> None:
        self.busy.hide()
        self.link.hide()
        self.problem.clear()
        self.cancel_button.hide()
        for button in self._offers.values():
            button.hide()
        self.heading.setText("Connecting to Xero")
        self.words.setText(f"Connected to {organisation_name}.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.flow.can_go_on(Page.CONNECT)

    def focus_first(self) -> None:
        """Cancel while waiting; after a failure, the first way forward (it has focus already)."""
        if self.cancel_button.isVisibleTo(self):
            focus_for_keys(self.cancel_button)
        else:
            visible = [b for b in self._offers.values() if b.isVisibleTo(self)]
            if visible and not any(b.hasFocus() for b in visible):
                focus_for_keys(visible[0])


class OwnAppPage(QWizardPage):
    """No Xero app built in (or the owner's bookkeeper wants their own): how to register one, step by step,
    the redirect URI to copy, and the client id pasted and checked before it is kept."""

    client_id_entered = Signal(str)  # a client id of the right shape: save it and connect

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("own_app_page")
        title = heading("Use your own Xero app")
        title.setObjectName("own_app_heading")
        self.intro = _words()
        self.intro.setObjectName("own_app_intro")
        self.steps = QLabel()
        self.steps.setObjectName("own_app_steps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setOpenExternalLinks(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.portal_button = QPushButton("&Open Xero's developer site")
        self.portal_button.setObjectName("developer_portal_button")
        self.portal_button.setAccessibleName("Open Xero's developer site in your web browser")
        self.portal_button.setAutoDefault(False)
        self.portal_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.portal)))
        self.redirect = QLineEdit()
        self.redirect.setObjectName("redirect_uri")
        self.redirect.setReadOnly(True)
        self.redirect.setAccessibleName("Redirect URI to register")
        self.copy_button = QPushButton("Co&py")
        self.copy_button.setObjectName("copy_redirect_button")
        self.copy_button.setAccessibleName("Copy the redirect URI")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self._copy)
        self.client_id = QLineEdit()
        self.client_id.setObjectName("client_id_edit")
        self.client_id.setAccessibleName("Your Xero app's client id")
        self.client_id.setPlaceholderText("32 characters, 0–9 and A–F")
        self.client_id.textChanged.connect(self._check)
        self.client_id.returnPressed.connect(self._use)
        self.step_four = _words()
        self.step_four.setObjectName("own_app_step_four")
        self.step_four.setTextFormat(Qt.TextFormat.RichText)
        self.step_four.setText(
            "&nbsp;&nbsp;&nbsp;4.&nbsp;On the app's <b>Configuration</b> page, copy the <b>Client id</b> and "
            "paste it here (a PKCE app has no secret: nothing else is needed)."
        )
        self.check_words = _words(secondary=True)
        self.check_words.setObjectName("client_id_check")
        self.use_button = QPushButton("Save and &connect")
        self.use_button.setObjectName("use_client_id_button")
        self.use_button.setAccessibleName("Save the client id and connect to Xero")
        self.use_button.setAutoDefault(False)
        self.use_button.clicked.connect(self._use)
        self.portal = DEVELOPER_PORTAL

        redirect_row = QHBoxLayout()
        redirect_row.addWidget(self.redirect, 1)
        redirect_row.addWidget(self.copy_button)
        id_label = QLabel("Client &id:")
        id_label.setBuddy(self.client_id)
        id_row = QHBoxLayout()
        id_row.addWidget(id_label)
        id_row.addWidget(self.client_id, 1)
        id_row.addWidget(self.use_button)
        portal_row = QHBoxLayout()
        portal_row.addWidget(self.portal_button)
        portal_row.addStretch(1)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(title)
        inner.addWidget(self.intro)
        inner.addLayout(portal_row)
        inner.addWidget(self.steps)
        inner.addLayout(redirect_row)
        inner.addWidget(self.step_four)
        inner.addLayout(id_row)
        inner.addWidget(self.check_words)
        scroll = follow_focus(QScrollArea())  # Tab goes to its fields, in view; never to the frame
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        holder = QWidget()
        centred(holder, column, 720)
        scroll.setWidget(holder)
        QVBoxLayout(self).addWidget(scroll)
        self.show_app(DEFAULT_REDIRECT_URI, built_in=False)
        self._check()

    def show_app(self, redirect_uri: str, built_in: bool, portal: str = DEVELOPER_PORTAL) -> None:
        self.portal = portal
        self.redirect.setText(redirect_uri)
        self.intro.setText(
            "This copy of xerohelper has a Xero app built in: use your own only if you or your bookkeeper "
            "registered one for your shop."
            if built_in
            else "xerohelper signs in to Xero through a Xero app. This copy has none built in, so register "
            "one for your shop: it is free and takes about five minutes (your bookkeeper can do it for you)."
        )
        self.steps.setText(
            "<ol>"
            f'<li>Open <a href="{portal}">Xero\'s developer site</a> and sign in with your Xero login.</li>'
            "<li>Click <b>New app</b>. Name it (for example “xerohelper for my shop”), choose "
            "<b>Mobile or desktop app</b> (Auth code with PKCE), and type any web address for the "
            "company URL.</li>"
            "<li>As the <b>Redirect URI</b>, paste exactly this address (Copy puts it on the clipboard), "
            "then click <b>Create app</b>:</li>"
            "</ol>"
        )

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.redirect.text())
        self.copy_button.setText("Co&pied")

    def _check(self, *_args) -> bool:
        text = self.client_id.text()
        problem = client_id_problem(text) if text.strip() else ""
        self.check_words.setText(problem)
        self.check_words.setVisible(bool(problem))
        self.use_button.setEnabled(bool(text.strip()) and not problem)
        return bool(text.strip()) and not problem

    def show_not_saved(self, words: str) -> None:
        """The client id couldn't be kept (the settings file): the words say why; the id stays typed."""
        self.check_words.setText(words)
        self.check_words.setVisible(bool(words))

    def _use(self) -> None:
        if self._check():
            self.client_id_entered.emit("".join(self.client_id.text().split()).upper())

    def focus_first(self) -> None:
        focus_for_keys(self.client_id)


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
