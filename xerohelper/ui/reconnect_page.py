"""Shown when Xero has ended the connection: why, in plain words, and one button to reconnect.
The day's work is kept as it is and carries on after reconnecting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from xerohelper.ui.setup_page_parts import centred, heading


class ReconnectPage(QWidget):
    reconnect_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reconnect_page")
        self.heading = heading("Xero needs you to sign in again")
        self.reason = QLabel()
        self.reason.setObjectName("reconnect_reason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept = QLabel(
            "The days you imported and the steps already done in Xero are kept: xerohelper carries on "
            "where it stopped once you have signed in."
        )
        self.kept.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setObjectName("reconnect_progress")
        self.progress.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.button = QPushButton("&Reconnect to Xero")
        self.button.setObjectName("reconnect_button")
        self.button.setAccessibleName("Reconnect to Xero")
        self.button.setDefault(True)
        self.button.setMinimumHeight(40)
        self.button.setMinimumWidth(220)
        self.button.clicked.connect(self.reconnect_requested)

        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.reason, self.kept, self.progress, self.busy):
            inner.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        inner.addLayout(row)
        centred(self, column, 640)

    def show_reason(self, words: str, next_step: str) -> None:
        self.reason.setText(f"{words}\n\n{next_step}".strip())
        self.progress.clear()
        self.busy.hide()
        self.button.setEnabled(True)

    def show_working(self, words: str) -> None:
        self.progress.setText(words)
        self.busy.show()
        self.button.setEnabled(False)
