"""The set-up wizard's page for using your own Xero app: how to register one, the redirect URI to copy, and
the client id checked before it is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from xerohelper.core.connection import client_id_problem
from xerohelper.ui.focus_in_view import focus_for_keys, follow_focus
from xerohelper.ui.setup_page_parts import centred, heading, page_words

DEVELOPER_PORTAL = "https://developer.xero.com/app/manage"
DEFAULT_REDIRECT_URI = "http://localhost:8742/callback"


class OwnAppPage(QWizardPage):
    """No Xero app built in (or the owner's bookkeeper wants their own): how to register one, step by step,
    the redirect URI to copy, and the client id pasted and checked before it is kept."""

    client_id_entered = Signal(str)  # a client id of the right shape: save it and connect

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("own_app_page")
        title = heading("Use your own Xero app")
        title.setObjectName("own_app_heading")
        self.intro = page_words()
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
        self.step_four = page_words()
        self.step_four.setObjectName("own_app_step_four")
        self.step_four.setTextFormat(Qt.TextFormat.RichText)
        self.step_four.setText(
            "&nbsp;&nbsp;&nbsp;4.&nbsp;On the app's <b>Configuration</b> page, copy the <b>Client id</b> and "
            "paste it here (a PKCE app has no secret: nothing else is needed)."
        )
        self.check_words = page_words(secondary=True)
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
