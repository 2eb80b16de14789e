"""What a screen reader and a keyboard user meet in a window, found by walking its widgets.

- `unnamed(window)`: the controls, cards, badges and state icons shown in `window` that a screen reader
  could not speak: it asks Qt's own accessibility interface for each widget's name (what Orca, NVDA or
  VoiceOver read), so a button's words count, a line edit's buddy label counts, and an icon-only button
  or a bare tinted frame does not.
- `mnemonic_clashes(window)`: two visible controls (menus included) answering the same Alt+letter, a
  mnemonic that reaches nothing, and input fields whose label has no buddy.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)
INPUTS = (QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader speaks for `widget` (Qt's accessibility interface, as the reader asks it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def shown_in(window: QWidget) -> list[QWidget]:
    """The widgets of `window` a person can see now: shown, inside a shown parent, not a part of another
    control (a spin box's or combo box's own line edit, a table's header)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or isinstance(widget, QHeaderView):
            continue
        found.append(widget)
    return found


def _plain(label: QLabel) -> bool:
    """Whether the label shows its words as plain text (where & marks an Alt+letter)."""
    rich = label.textFormat() is Qt.TextFormat.RichText or (
        label.textFormat() is Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )
    return not rich


def _ours(widget: QWidget) -> bool:
    return type(widget).__module__.startswith("xerohelper.")


def _words_beside(label: QLabel) -> bool:
    """An icon label with words next to it (the same parent shows a label with text): the icon repeats
    what the words say, so the state is not told by the icon's colour alone."""
    parent = label.parentWidget()
    return parent is not None and any(
        other is not label and other.isVisible() and other.text().strip()
        for other in parent.findChildren(QLabel)
        if other.parentWidget() is parent
    )


def _bare_icon(label: QLabel) -> bool:
    """A label showing only a picture, with no name and no words beside it."""
    picture = label.pixmap()
    if label.text().strip() or picture is None or picture.isNull():
        return False
    return not label.accessibleName() and not _words_beside(label)


def _card(widget: QWidget) -> bool:
    """One of the app's own framed widgets (a card, a badge, a problem box), not a scroll area."""
    return isinstance(widget, QFrame) and _ours(widget) and not isinstance(widget, QAbstractScrollArea)


def unnamed(window: QWidget) -> list[str]:
    """What a screen reader can't speak in `window` as it is shown now, as readable lines for an assert."""
    gaps = []
    for widget in shown_in(window):
        what = f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"
        if isinstance(widget, CONTROLS):
            if not spoken_name(widget):
                gaps.append(f"{what}: a control with no name")
        elif isinstance(widget, QLabel):
            if _bare_icon(widget):
                gaps.append(f"{what}: an icon that tells a state with no words")
        elif _card(widget) and not widget.accessibleName():
            gaps.append(f"{what}: a card or badge with no name")
        if widget.property("badge") and widget.accessibleName() != getattr(widget, "text", lambda: "")():
            gaps.append(f"{what}: a badge whose name isn't its words")
    return gaps


# ---- mnemonics ---------------------------------------------------------------------------------------
def mnemonic(text: str) -> str | None:
    """The Alt+letter of a control's words ("Se&nd" → "n"), None without one."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def _menu_letters(bar: QMenuBar) -> list[tuple[str, str]]:
    return [(letter, a.text()) for a in bar.actions() if a.isVisible() and (letter := mnemonic(a.text()))]


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """Each Alt+letter shown in `window` (its menu bar's titles too) with the words that carry it."""
    found = []
    for bar in window.findChildren(QMenuBar):
        found += _menu_letters(bar)
    for widget in shown_in(window):
        takes_letters = isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        )
        if takes_letters and (letter := mnemonic(widget.text())):
            found.append((letter, widget.text()))
    return found


def _shared(found: list[tuple[str, str]], prefix: str = "") -> list[str]:
    letters = [letter for letter, _ in found]
    return sorted(
        {f"{prefix}Alt+{letter.upper()}: {text}" for letter, text in found if letters.count(letter) > 1}
    )


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Alt+letters shared by two visible controls of `window`, labels whose & reaches nothing, and
    each menu's own clashes; as readable lines for an assert."""
    problems = _shared(window_mnemonics(window))
    for widget in shown_in(window):
        if isinstance(widget, QLabel) and _plain(widget) and re.search(r"(?<!&)&[^&\s]", widget.text()):
            buddy = widget.buddy()
            if buddy is None:
                problems.append(f"{widget.text()}: an Alt+letter that leads nowhere (no buddy)")
            elif not buddy.isVisibleTo(window):
                problems.append(f"{widget.text()}: its Alt+letter leads to a hidden field")
    for menu in window.findChildren(QMenu):
        entries = [(letter, a.text()) for a in menu.actions() if (letter := mnemonic(a.text()))]
        problems += _shared(entries, f"menu {menu.title()}: ")
    return problems


def unlabelled_inputs(window: QWidget) -> list[str]:
    """Input fields shown in `window` with a label next to them whose Alt+letter can't reach them: the
    label should name the field as its buddy (then Alt+letter and the screen reader both find it)."""
    problems = []
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    for widget in shown_in(window):
        if isinstance(widget, INPUTS) and id(widget) not in buddies and not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()}: no label leads to it")
    return problems
