"""The mouse wheel scrolls the page; it never changes a closed drop-down or a spin box it happens to pass
over (a wheel over Shop setup once moved Amex's account to "Gift Card Liability", then blanked it).

One filter for the whole application: a wheel over a closed combo box or a spin box inside a scrolling
page scrolls that page instead; outside a scrolling page it changes the value only when the field has
focus (the owner clicked or tabbed into it). An open drop-down list scrolls its list as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched, event) -> bool:
        # Every event of the application comes through here: the class check is the cheap one (asking the
        # event its type makes a Python enum each time, ~3 µs an event; a window's redraw has hundreds).
        if not isinstance(event, QWheelEvent) or not isinstance(watched, QComboBox | QAbstractSpinBox):
            return False
        area = _scrolling_page_of(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        return not watched.hasFocus()


def _scrolling_page_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def guard_the_wheel() -> None:
    """Install the guard on the running application (once; calling again does nothing)."""
    app = QApplication.instance()
    if app is None or app.property("xerohelper_wheel_guard"):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty("xerohelper_wheel_guard", True)
