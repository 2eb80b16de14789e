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


# ---- the keyboard's focus ----------------------------------------------------------------------------
def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    words = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'} {words!r}".strip()


def _scrolled_away(widget: QWidget) -> bool:
    """Whether a scroll area around `widget` shows less than its middle (the owner can't see it)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            view = parent.viewport()
            if not view.rect().contains(widget.mapTo(view, widget.rect().center())):
                return True
        parent = parent.parentWidget()
    return False


def _ring_hidden(widget: QWidget) -> bool:
    """Qt's styles draw a button's (or tick box's) focus ring only once a key has moved the focus in its
    window; a style sheet with its own :focus look draws it always."""
    if not isinstance(widget, QAbstractButton) or ":focus" in widget.styleSheet():
        return False
    return not widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)


def focus_unseen(window: QWidget) -> str | None:
    """Why the owner can't see where the keyboard is in `window` (None: they can). The focused widget must
    be shown, usable, not scrolled out of sight or cut off by the window's edge, and a control that
    draws its focus, not a page, frame or scroll area that draws none."""
    from PySide6.QtWidgets import QApplication, QStackedWidget, QWizardPage

    widget = QApplication.focusWidget()
    if widget is None:
        return "nothing has the keyboard focus"
    if widget is not window and not window.isAncestorOf(widget):
        return f"the focus is outside the window, on {describe(widget)}"
    if not widget.isVisible():
        return f"the focus is on a hidden widget: {describe(widget)}"
    if not widget.isEnabled():
        return f"the focus is on a widget that can't be used: {describe(widget)}"
    quiet = (QWizardPage, QStackedWidget, QAbstractScrollArea)
    if (isinstance(widget, quiet) and not isinstance(widget, QAbstractItemView)) or type(widget) in (
        QWidget,
        QFrame,
    ):
        return f"the focus is on a container that shows no focus: {describe(widget)}"
    if _ring_hidden(widget):
        return f"the focused widget draws no ring (no key has moved the focus yet): {describe(widget)}"
    if _scrolled_away(widget):
        return f"the focused widget is scrolled out of sight: {describe(widget)}"
    centre = widget.mapTo(window, widget.rect().center())
    if not window.rect().contains(centre):
        return f"the focused widget is outside the window's edge: {describe(widget)}"
    return None


STAYS = 4  # Tab presses a control may keep (sections of a time, links of a label) before it's a trap


def tab_round(qtbot, window: QWidget, limit: int = 80) -> list[str]:
    """Press Tab on whatever has the focus until the focus comes round again: where Tab sticks (a text
    box that keeps it), or lands on something the owner can't see, as readable lines."""
    from PySide6.QtWidgets import QApplication

    problems: list[str] = []
    seen: list[QWidget] = []
    stayed = 0
    reachable = [w for w in shown_in(window) if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for _ in range(limit):
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None:
            problems.append("nothing has the keyboard focus")
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if now is focused and len(reachable) > 1:
            # A time's hours then minutes, a label's links: Tab moves inside a few times, then on.
            stayed += 1
            if stayed > STAYS:
                problems.append(f"Tab stays in {describe(focused)}")
                break
            continue
        stayed = 0
        if problem := focus_unseen(window):
            problems.append(f"Tab from {describe(focused)}: {problem}")
        if now in seen:
            break
        seen.append(now)
    return problems


def no_default_button(dialog: QWidget) -> list[str]:
    """A dialog where Enter presses nothing: no visible, usable default button."""
    from PySide6.QtWidgets import QApplication, QPushButton

    if isinstance(QApplication.focusWidget(), QAbstractItemView):
        return []  # a list or table has the keyboard: Enter is its own (it opens the row)
    shown = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    buttons = [b for b in shown if b.isDefault()]
    if shown and not buttons:
        return ["no default button: Enter does nothing"]
    return [f"the default button {describe(b)} can't be pressed" for b in buttons if not b.isEnabled()]


def labels_reach_their_fields(qtbot, window: QWidget) -> list[str]:
    """Press each label's Alt+letter in `window`: the keyboard must land in the field the label names
    (buttons are left alone: their letter presses them)."""
    from PySide6.QtWidgets import QApplication

    problems = []
    for label in shown_in(window):
        if not isinstance(label, QLabel) or label.buddy() is None or not _plain(label):
            continue
        letter = mnemonic(label.text())
        buddy = label.buddy()
        if letter is None or not letter.isalnum() or not buddy.isEnabled():
            continue
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, letter, Qt.KeyboardModifier.AltModifier)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if now is None or not (now is buddy or buddy.isAncestorOf(now) or now is buddy.focusProxy()):
            problems.append(f"Alt+{letter.upper()} ({label.text()}) lands on {describe(now)}, not its field")
    return problems
