"""The first-run wizard that walks a shop owner from nothing to a connected, set-up shop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QLabel,
    QVBoxLayout,
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
        self.setTitle("Welcome to xerohelper")
        self.setSubTitle("Get each day's till takings into Xero, correctly, in a few clicks.")

        intro = QLabel(
            "Every day xerohelper takes your till's totals and, in order:"
            "<ol style='margin-left:-20px'>"
            "<li><b>posts the sales summary</b> to Xero as one invoice for the day,</li>"
            "<li><b>gets it approved</b>, by you or automatically,</li>"
            "<li><b>records each payment</b> (cash, card, voucher…) in the right account.</li>"
            "</ol>"
            "If Xero refuses something, it tells you why in plain words and opens the Xero screen "
            "where you fix it."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.connect_button = QCommandLinkButton(
            "Connect to Xero",
            "Sign in to Xero in your web browser and choose your organisation. "
            "xerohelper never sees your Xero password.",
        )
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setAccessibleName("Connect to Xero")
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
        privacy.setEnabled(False)  # greyed, secondary text in the palette's own colours

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        layout.addWidget(privacy)


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
