"""Keep the keyboard's place in view: a scroll area scrolls to whatever inside it gets the focus, however the
focus got there. Qt scrolls only when Tab moves between two of its own children; Tab coming in from a button
outside (the wizard's Next, the day's action bar) would leave the focused field out of sight.

    follow_focus(scroll_area)   # also: Tab never stops on the scroll area itself, only on what it holds
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

MARGIN = 24  # pixels shown round the focused widget, so its label or row is seen too


class _FocusFollower(QObject):
    """Lives as the scroll area's child (and goes with it); scrolls it when the focus lands inside."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.area):
            return
        content = self.area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.area.ensureWidgetVisible(new, MARGIN, MARGIN)


def follow_focus(area: QScrollArea) -> QScrollArea:
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FocusFollower(area)
    return area


def focus_for_keys(widget: QWidget) -> None:
    """Put the keyboard on `widget` (the next thing to do) and show it there: Qt draws a button's focus
    ring only once a key has moved the focus in that window, so a page that places the focus itself
    says it has, as a shortcut key would (a mouse click hides the rings again, as Qt does)."""
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    widget.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
    widget.update()
