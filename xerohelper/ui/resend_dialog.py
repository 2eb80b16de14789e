"""The confirmation before a corrected day is sent again (the day screen's “Send the corrected day again…”):
exactly what will change in Xero, and Cancel as the safe default (Enter and Esc both leave Xero alone)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from xerohelper.ui import look
from xerohelper.ui.explanation_card import plain

HISTORY_NOTE = "Your accountant may see the voided invoice in Xero's history."


class ResendDialog(QDialog):
    """Accepted only when the owner clicked “Send the corrected day”."""

    def __init__(self, preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resend_dialog")
        self.setWindowTitle("Send the corrected day again")
        self.setAccessibleName("Send the corrected day again")
        self.setMinimumWidth(520)
        self.preview = preview

        what = "the corrected day" if preview.figures_changed else "the day"
        heading = look.make_heading(QLabel(f"Send {what} to Xero again, as invoice {preview.new_number}?"))
        heading.setObjectName("resend_heading")
        heading.setWordWrap(True)

        why = QLabel(
            "Your till's figures for this day changed after it was sent to Xero."
            if preview.figures_changed
            else "The day is already in Xero. Send it again only if what is there is wrong."
        )
        why.setObjectName("resend_why")
        why.setWordWrap(True)

        lead = QLabel("This is what xerohelper will do in Xero:")
        lead.setObjectName("resend_lead")
        self.changes = QLabel(_bullets(preview.words.splitlines()))
        self.changes.setObjectName("resend_changes")
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.setAccessibleName("What will change in Xero")
        self.changes.setAccessibleDescription(preview.words)

        note = look.secondary(QLabel(HISTORY_NOTE))
        note.setObjectName("resend_history_note")
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.resend_button = self.buttons.addButton(
            "&Send the corrected day" if preview.figures_changed else "&Send the day again",
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.resend_button.setObjectName("resend_button")
        self.resend_button.setAccessibleName(plain(self.resend_button.text()))
        self.resend_button.setAutoDefault(False)
        self.resend_button.setDefault(False)
        self.cancel_button = self.buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAccessibleName("Cancel: leave Xero as it is")
        self.cancel_button.setDefault(True)
        self.resend_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(why)
        layout.addWidget(lead)
        layout.addWidget(self.changes)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.cancel_button.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()


def _bullets(lines: list[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines if line.strip())
    return f"<ul style='margin-left: -16px'>{items}</ul>"
