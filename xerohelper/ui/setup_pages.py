"""The set-up wizard's first pages: Welcome, and Connect (waiting for the browser, and what to do when
signing in stopped). They only draw and collect; where they lead is core's SetupFlow's business
(ui/setup_wizard.py asks it). Use your own Xero app: ui/own_app_page.py; choose organisation, shop setup and
Ready: ui/setup_shop_pages.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from xerohelper.core.setup_flow import Page, SetupFlow, SignInTrouble
from xerohelper.ui import look
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.problem_box import ProblemBox
from xerohelper.ui.setup_page_parts import centred, heading, page_words


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
        for button in (self.connect_button, self.demo_button):
            button.setIcon(look.icon("expand", size=20))  # the style's own arrow is black, lost on dark
        privacy = page_words(
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
        self.words = page_words("Opening Xero's sign-in page in your web browser…")
        self.words.setObjectName("connect_words")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Connecting")
        self.link = page_words(secondary=True)
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
