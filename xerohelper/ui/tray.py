"""The tray: the connection and today's state at a glance, Open, Send today, Quit, and the notifications
("day sent", "needs you", "reconnect", the closing-time reminder).

`Tray` is what the window talks to. Every notification is recorded in `notifications` (the tests read
them: offscreen Qt has no system tray), and shown by a real QSystemTrayIcon where the desktop has one.
Clicking a notification emits `alert_clicked` with it; `click(alert)` does the same for a test.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

MESSAGE_MS = 10_000


class Tray(QObject):
    open_requested = Signal()
    send_today_requested = Signal()
    quit_requested = Signal()
    alert_clicked = Signal(object)  # the OwnerAlert whose notification was clicked

    def __init__(self, parent: QObject | None = None, use_system_tray: bool | None = None) -> None:
        super().__init__(parent)
        self.notifications: list = []  # every OwnerAlert notified, in order
        self.state_words = ""
        if use_system_tray is None:
            use_system_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._icon: QSystemTrayIcon | None = None
        self._last = None
        self.menu = QMenu()
        self.state_action = QAction("Starting…", self.menu)
        self.state_action.setEnabled(False)
        self.menu.addAction(self.state_action)
        self.menu.addSeparator()
        self.menu.addAction("&Open xerohelper", self.open_requested.emit)
        self.menu.addAction("&Send today", self.send_today_requested.emit)
        self.menu.addSeparator()
        self.menu.addAction("&Quit", self.quit_requested.emit)
        if use_system_tray:
            self._icon = QSystemTrayIcon(_app_icon(), self)
            self._icon.setContextMenu(self.menu)
            self._icon.activated.connect(self._activated)
            self._icon.messageClicked.connect(self._message_clicked)
            self._icon.setToolTip("xerohelper")
            self._icon.show()

    @property
    def available(self) -> bool:
        """There is a tray to sit in: closing the window may keep the app running."""
        return self._icon is not None

    def show_state(self, words: str) -> None:
        """The connection and today's state: the menu's first line and the icon's tooltip."""
        self.state_words = words
        self.state_action.setText(words)
        if self._icon is not None:
            self._icon.setToolTip(f"xerohelper — {words}")

    def notify(self, alert) -> None:
        self.notifications.append(alert)
        self._last = alert
        if self._icon is not None:
            warn = alert.kind in ("needs you", "problem", "reconnect", "reminder")
            kind = QSystemTrayIcon.MessageIcon.Warning if warn else QSystemTrayIcon.MessageIcon.Information
            self._icon.showMessage(alert.title, alert.words, kind, MESSAGE_MS)

    def click(self, alert) -> None:
        self.alert_clicked.emit(alert)

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()

    def _message_clicked(self) -> None:
        if self._last is not None:
            self.alert_clicked.emit(self._last)

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()


def _app_icon() -> QIcon:
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
    return icon
