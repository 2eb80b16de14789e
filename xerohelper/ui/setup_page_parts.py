"""What the set-up wizard's pages share: a big heading, a paragraph of words, a column in the middle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def heading(text: str, scale: float = 1.6) -> QLabel:
    """A large bold title that wraps."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def page_words(text: str = "", secondary: bool = False) -> QLabel:
    """Words that wrap and can be selected; `secondary` greys them a little."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if secondary:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def centred(page: QWidget, column: QWidget, max_width: int = 680) -> None:
    """Lay `column` out in the middle of `page`, no wider than `max_width`, a little above centre."""
    column.setMaximumWidth(max_width)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, 4)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
