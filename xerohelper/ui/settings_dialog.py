"""Settings: the Xero connection (which organisation, Disconnect after a confirmation), the sign-in
callback port, the way into Shop setup, and every day's choices (tray, watched folder, closing time).
Everything that reads or writes runs in the background."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.connection import ConnectionState
from xerohelper.ui import look
from xerohelper.ui.everyday_settings_box import EverydaySettingsBox
from xerohelper.ui.failure_words import still_open
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    disconnected = Signal(object)  # the DisconnectResult (its .words say what happened)
    connect_requested = Signal()  # not connected: the owner asks to connect (the window runs it)
    shop_setup_saved = Signal(object)  # the Mapping saved in Shop setup

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self.setMinimumWidth(620)
        self.session = session
        self.status = None
        self.port_setting = None
        self.shop_setup_dialog = None

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self._connection_box())
        layout.addWidget(self._port_box())
        layout.addWidget(self._shop_box())
        self.everyday_box = EverydaySettingsBox(session, self)
        self.everyday_box.failed.connect(self._say)
        layout.addWidget(self.everyday_box)
        self.message = QLabel()
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("&Close", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("close_button")
        self.close_button.setAccessibleName("Close settings")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()

    # ---- the sections ---------------------------------------------------------------------------------
    def _connection_box(self) -> QGroupBox:
        box = QGroupBox("Xero connection")
        box.setObjectName("connection_box")
        self.badge = look.Badge()
        self.badge.setObjectName("connection_badge")
        self.organisation_label = QLabel("Checking…")
        self.organisation_label.setObjectName("organisation_label")
        self.organisation_label.setWordWrap(True)
        self.organisation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.disconnect_button = QPushButton("&Disconnect…")
        self.disconnect_button.setObjectName("disconnect_button")
        self.disconnect_button.setAccessibleName("Disconnect from Xero")
        self.disconnect_button.setAutoDefault(False)
        self.disconnect_button.setVisible(False)
        self.disconnect_button.clicked.connect(self._ask_to_disconnect)
        self.connect_button = QPushButton("C&onnect to Xero…")
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setAccessibleName("Connect to Xero")
        self.connect_button.setAutoDefault(False)
        self.connect_button.setVisible(False)
        self.connect_button.clicked.connect(self._connect_clicked)

        # The confirmation, in place (no second window to lose behind this one).
        self.confirm = QFrame()
        self.confirm.setObjectName("disconnect_confirmation")
        look.style_card(self.confirm, look.Tone.ATTENTION)
        self.confirm_words = QLabel()
        self.confirm_words.setObjectName("disconnect_question")
        self.confirm_words.setWordWrap(True)
        self.confirm_yes = QPushButton("D&isconnect")
        self.confirm_yes.setObjectName("confirm_disconnect_button")
        self.confirm_yes.setAccessibleName("Yes, disconnect from Xero")
        self.confirm_yes.setAutoDefault(False)
        self.confirm_yes.clicked.connect(self._disconnect)
        self.confirm_no = QPushButton("&Keep connected")
        self.confirm_no.setObjectName("keep_connected_button")
        self.confirm_no.setAccessibleName("Keep connected")
        self.confirm_no.setAutoDefault(False)
        self.confirm_no.clicked.connect(self._keep_connected)
        answers = QHBoxLayout()
        answers.addStretch(1)
        answers.addWidget(self.confirm_no)
        answers.addWidget(self.confirm_yes)
        inside = QVBoxLayout(self.confirm)
        inside.setContentsMargins(14, 10, 14, 10)
        inside.addWidget(self.confirm_words)
        inside.addLayout(answers)
        self.confirm.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.organisation_label, 1)
        top.addWidget(self.connect_button)
        top.addWidget(self.disconnect_button)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addWidget(self.confirm)
        return box

    def _port_box(self) -> QGroupBox:
        box = QGroupBox("Signing in to Xero")
        box.setObjectName("port_box")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("callback_port")
        self.port_spin.setAccessibleName("Sign-in callback port")
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setGroupSeparatorShown(False)
        self.port_spin.setEnabled(False)
        self.port_spin.valueChanged.connect(self._port_edited)
        label = QLabel("Callback &port:")
        label.setBuddy(self.port_spin)
        self.port_save = QPushButton("Sa&ve port")
        self.port_save.setObjectName("save_port_button")
        self.port_save.setAccessibleName("Save the callback port")
        self.port_save.setAutoDefault(False)
        self.port_save.setEnabled(False)
        self.port_save.clicked.connect(self._save_port)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.port_spin)
        row.addWidget(self.port_save)
        row.addStretch(1)
        self.port_words = look.secondary(QLabel())
        self.port_words.setObjectName("port_words")
        self.port_words.setWordWrap(True)
        self.port_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.port_words)
        return box

    def _shop_box(self) -> QGroupBox:
        box = QGroupBox("Shop setup")
        box.setObjectName("shop_box")
        words = QLabel(
            "Where each kind of sale and each way of paying goes in Xero, and how invoices are named."
        )
        words.setWordWrap(True)
        self.shop_button = QPushButton("Open &Shop setup…")
        self.shop_button.setObjectName("open_shop_setup_button")
        self.shop_button.setAccessibleName("Open Shop setup")
        self.shop_button.setAutoDefault(False)
        self.shop_button.clicked.connect(self.open_shop_setup)
        row = QHBoxLayout(box)
        row.addWidget(words, 1)
        row.addWidget(self.shop_button)
        return box

    # ---- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the connection and the port setting again (in the background)."""
        session = self.session

        def work():
            return session.status(), session.callback_port()

        run_in_background(work, on_done=self._show, on_failed=self._read_failed)

    def _show(self, read) -> None:
        if not still_open(self):
            return
        self.status, self.port_setting = read
        self._show_status(self.status)
        self._show_port(self.port_setting)
        self._fit()

    def _show_status(self, status) -> None:
        organisation = status.organisation
        name = organisation.name if organisation is not None else ""
        if status.state is ConnectionState.CONNECTED:
            self.badge.set_look(look.CONNECTED)
            self.organisation_label.setText(f"Sending your takings to {name}.")
        elif status.state is ConnectionState.RECONNECT_NEEDED:
            self.badge.set_look(look.RECONNECT_NEEDED)
            reason = status.reconnect_reason.words if status.reconnect_reason else ""
            self.organisation_label.setText(f"{name}: {reason}".strip(": "))
        else:
            self.badge.set_look(look.NOT_CONNECTED)
            self.organisation_label.setText("xerohelper is not connected to Xero.")
        connected = organisation is not None
        self.disconnect_button.setVisible(connected)
        self.disconnect_button.setEnabled(True)
        self.connect_button.setVisible(not connected)
        self.organisation_label.setAccessibleName(self.organisation_label.text())

    def _show_port(self, setting) -> None:
        self.port_spin.blockSignals(True)
        self.port_spin.setValue(setting.port)
        self.port_spin.blockSignals(False)
        self.port_spin.setEnabled(not setting.fixed_by)
        self.port_save.setEnabled(False)
        self._port_words(setting.port, setting.fixed_by)

    def _port_words(self, port: int, fixed_by: str = "") -> None:
        from xerohelper.services.callback_port import redirect_uri

        text = (
            f"When you sign in, Xero sends you back to xerohelper at {redirect_uri(port)}. "
            "Your Xero app's redirect URI must be exactly that. Change the port only if another program "
            "uses it, and change the redirect URI in your Xero app to match."
        )
        self.port_words.setText(f"{fixed_by}\n{text}" if fixed_by else text)

    def _read_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.organisation_label.setText("xerohelper couldn't read its settings.")
        self._say(getattr(error, "words", None) or str(error))

    # ---- disconnect -----------------------------------------------------------------------------------
    def _ask_to_disconnect(self) -> None:
        name = self.status.organisation.name if self.status and self.status.organisation else "Xero"
        self.confirm_words.setText(
            f"Disconnect from {name}? xerohelper will stop sending your takings there until you connect "
            "again, and Xero will remove its access. Your days and your Shop setup stay on this computer."
        )
        self.confirm.setVisible(True)
        self.disconnect_button.setEnabled(False)
        self.confirm_no.setDefault(True)  # Enter while asked: the safe answer
        focus_for_keys(self.confirm_no)
        self._fit()

    def _keep_connected(self) -> None:
        self.confirm.setVisible(False)
        self.confirm_no.setDefault(False)
        self.close_button.setDefault(True)
        self.disconnect_button.setEnabled(True)
        self.disconnect_button.setFocus()

    def _disconnect(self) -> None:
        self.confirm_yes.setEnabled(False)
        self.confirm_no.setEnabled(False)
        self._say("Disconnecting…")
        run_in_background(
            self.session.disconnect, on_done=self._disconnected, on_failed=self._disconnect_failed
        )

    def _disconnected(self, result) -> None:
        if not still_open(self):
            return
        log.info("disconnected from Xero (told Xero: %s)", result.told_xero)
        self.confirm.setVisible(False)
        self.confirm_no.setDefault(False)
        self.close_button.setDefault(True)
        self.confirm_yes.setEnabled(True)
        self.confirm_no.setEnabled(True)
        self._say(result.words)
        self.disconnected.emit(result)
        self.refresh()

    def _disconnect_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.confirm_yes.setEnabled(True)
        self.confirm_no.setEnabled(True)
        self._say(getattr(error, "words", None) or f"Disconnecting didn't work ({error}). Try again.")

    def _connect_clicked(self) -> None:
        self.connect_requested.emit()
        self.accept()

    # ---- the port -------------------------------------------------------------------------------------
    def _port_edited(self, port: int) -> None:
        saved = self.port_setting.saved if self.port_setting else None
        self.port_save.setEnabled(port != saved)
        self._port_words(port)

    def _save_port(self) -> None:
        session, port = self.session, self.port_spin.value()
        self.port_save.setEnabled(False)

        def work():
            return session.save_callback_port(port)

        run_in_background(work, on_done=self._port_saved, on_failed=self._port_failed)

    def _port_saved(self, setting) -> None:
        if not still_open(self):
            return
        self.port_setting = setting
        self._show_port(setting)
        self._say(f"Saved. The next sign-in uses port {setting.port}.")

    def _port_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.port_save.setEnabled(True)
        self._say(str(error))

    # ---- shop setup -----------------------------------------------------------------------------------
    def open_shop_setup(self) -> None:
        from xerohelper.ui.shop_setup import ShopSetupDialog

        dialog = ShopSetupDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.shop_setup_saved)
        self.shop_setup_dialog = dialog
        dialog.open()

    def _say(self, words: str) -> None:
        if still_open(self):
            self.message.setText(words)
            self.message.setVisible(bool(words))
            self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) to show text that arrived after the window opened."""
        layout = self.layout()
        layout.activate()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, self.sizeHint().height())
        room = look.fitted_size(QSize(self.width(), needed), look.available_rect(self))
        needed = min(needed, room.height())  # never taller than the screen
        if needed > self.height():
            self.resize(self.width(), needed)
