"""A fence around one widget whose insides change often (a step card): a change inside that leaves its
size as it was goes no further than the fence, and one that changes it lays out the page once.

Qt passes every change of a widget's words or buttons up through each layout above it to the window: the
step card, then the day's column (with the till's card and its rows of figures), then the scroll area. It
does so even when the card keeps its size. And it lays out from the bottom up: when a button inside the
card is shown, every layout above is laid out at once, while the column still has its old height (the
till's card is squeezed to make room), and the column is grown and laid out again later.

The fence has no layout of its own, so both stop at it. When the card's size for its width has changed, the
fence tells the layouts above and asks the scroll area it is in for the page's new height first, so the
column is laid out once, at its new height.

    column.addWidget(SizeFence(card))
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class SizeFence(QWidget):
    def __init__(self, inside: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inside = inside
        inside.setParent(self)
        self.setObjectName(f"{inside.objectName()}_fence")
        self.setSizePolicy(inside.sizePolicy())
        self._told: dict = {}  # what the layout above was told, and keeps: size hints, heights for widths

    def _stale(self) -> bool:
        """Has the inside changed from what the layout above was told? (Told nothing: it will ask.)"""
        inside = self.inside
        for what, told in self._told.items():
            if what == "hint":
                now = inside.sizeHint()
            elif what == "least":
                now = inside.minimumSizeHint()
            else:
                now = inside.heightForWidth(what)
            if inside.hasHeightForWidth() and what in ("hint", "least"):
                now, told = now.width(), told.width()  # a column goes by the height for its width
            if now != told:
                return True
        return False

    # ---- what the layout above asks ----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        self._told["hint"] = hint = self.inside.sizeHint()
        return hint

    def minimumSizeHint(self) -> QSize:
        self._told["least"] = least = self.inside.minimumSizeHint()
        return least

    def hasHeightForWidth(self) -> bool:
        return self.inside.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        height = self.inside.heightForWidth(width)
        self._told.pop(width, None)
        self._told[width] = height
        if len(self._told) > 6:  # a layout keeps a few widths' heights (Qt: 3); the oldest are forgotten
            del self._told[next(w for w in self._told if isinstance(w, int))]
        return height

    # ---- what happens inside -----------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            if self._stale():
                self._told.clear()
                self.setSizePolicy(self.inside.sizePolicy())
                self._grow_the_page()
            elif self.inside.size() != self.size():
                self.inside.resize(self.size())
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.inside.setGeometry(0, 0, self.width(), self.height())

    def _grow_the_page(self) -> None:
        """Tell the layouts above; in a scroll area, have it size the page to its new height before the
        column is laid out (the column is then laid out once, at its new size). The scroll area's request
        is posted ahead of the column's: the cards that change together are all counted in it (Qt keeps one
        request per widget)."""
        area, widget = None, self.parentWidget()
        while widget is not None and area is None:
            area = widget if isinstance(widget, QScrollArea) else None
            widget = widget.parentWidget()
        if area is not None and area.widgetResizable() and area.widget() is not None:
            QApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))
        self.updateGeometry()
        widget = self.parentWidget()
        while area is not None and widget is not None and widget is not area.widget():
            widget.updateGeometry()  # each layout on the way to the page asks its items afresh
            widget = widget.parentWidget()
