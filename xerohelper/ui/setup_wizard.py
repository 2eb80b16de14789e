"""The first-run wizard that walks a shop owner from nothing to a connected, set-up shop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)


class WelcomePage(QWizardPage):
    """First page: say what the app does, then connect to Xero or try the demo shop."""

    connect_requested = Signal()
    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("welcome_page")
        # No wizard title here: the page draws its own, larger welcome.

        heading = QLabel("Your till's takings in Xero, every day")
        heading.setObjectName("welcome_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)

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
        body_font = intro.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        intro.setFont(body_font)

        self.connect_button = QCommandLinkButton(
            "Connect to Xero",
            "Sign in to Xero in your web browser and choose your organisation. "
            "xerohelper never sees your Xero password.",
        )
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setAccessibleName("Connect to Xero")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_requested)

        self.demo_button = QCommandLinkButton(
            "Try the demo shop",
            "Look around with a made-up shop and a practice Xero. Nothing is sent to your real Xero.",
        )
        self.demo_button.setObjectName("demo_button")
        self.demo_button.setAccessibleName("Try the demo shop")
        self.demo_button.clicked.connect(self.demo_requested)

        privacy = QLabel(
            "Your Xero sign-in is remembered in this computer's password store, never in a plain file."
        )
        privacy.setWordWrap(True)
        privacy.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        column = QWidget()
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(heading)
        inner.addSpacing(4)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addWidget(self.connect_button)
        inner.addWidget(self.demo_button)
        inner.addSpacing(16)
        inner.addWidget(privacy)

        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 3)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)


class SetupWizard(QWizard):
    """The wizard itself. Its pages only draw; decisions live outside Qt."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle("Set up xerohelper")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.welcome_page = WelcomePage()
        self.addPage(self.welcome_page)
        # The welcome page is answered by its two big buttons, not by Next/Finish.
        self.setButtonLayout([QWizard.WizardButton.Stretch])
