"""Opening a link in the owner's web browser, and what to do when no browser opens.

    open_link(widget, url)      the system browser; when none opens, a small dialog shows the link with Copy
    xero_address(widget, link)  where an "Open in Xero" link goes from this widget: Xero itself, or in the
                                demo the built-in sandbox (the main window says which, see WEB_BASE)

The main window sets its WEB_BASE property from the session (AppSession.xero_web_base); a card finds it on
its own window or the window it was opened from, so every "Open in Xero" in the demo lands on the sandbox's
page of the same record.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.explain import ScreenLink

WEB_BASE = "xeroWebBase"  # a window's property: the origin that shows Xero's screens (empty: Xero's own)
COPIED_FOR = 4000  # ms the "Copied" note stays

log = logging.getLogger(__name__)


def xero_address(widget: QWidget, link: ScreenLink) -> str:
    return link.url_at(web_base(widget))


def web_base(widget: QWidget | None) -> str | None:
    """The WEB_BASE of the widget's window, or of the window it was opened from."""
    while widget is not None:
        value = widget.property(WEB_BASE)
        if value:
            return str(value)
        widget = widget.parentWidget()
    return None


def open_link(widget: QWidget, url: str) -> bool:
    """Open `url` in the system browser. When none opens, show it in a dialog to copy; False then."""
    if QDesktopServices.openUrl(QUrl(url)):
        return True
    log.warning("no web browser opened %s: showing the link to copy", url)
    dialog = LinkDialog(url, widget)
    dialog.open()
    return False


class LinkDialog(QDialog):
    """ "Your computer didn't open a web browser": the link, selectable, with Copy and Close."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_dialog")
        self.setWindowTitle("Open this link in your web browser")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        words = QLabel(
            "Your computer didn't open a web browser. Copy this link and paste it into your browser's "
            "address bar:"
        )
        words.setWordWrap(True)
        self.address = QLineEdit(url)
        self.address.setObjectName("link_address")
        self.address.setReadOnly(True)
        self.address.setAccessibleName("The link")
        self.address.setCursorPosition(0)
        self.copied_label = QLabel("")
        self.copied_label.setObjectName("link_copied_note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy the link")
        self.copy_button.setObjectName("copy_link_button")
        self.copy_button.setAccessibleName("Copy the link")
        self.copy_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(self.address)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self.address.selectAll()
        self.copied_label.setText("Copied: paste it into your web browser.")
        QTimer.singleShot(COPIED_FOR, self, lambda: self.copied_label.setText(""))
