"""The keyboard on the day screen: it is always somewhere the owner can see, on what comes next.

- After work the owner started from a button of the day (a step, the import, the Z report, a skip), the
  keyboard comes back to the primary button, so Enter runs the next step.
- When what had the focus went away (a button hidden or waiting, the day finished, the window just
  opened on the day), it goes to what comes next: the primary button; with no takings yet, the demo
  till's day (in the demo) or Import; on a finished day, the calendar, to choose another day.
- Two explanation cards at once (the day's problem and a step's refusal) would answer the same
  Alt+letters: the first one shown keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from xerohelper.ui.focus_in_view import focus_for_keys


class KeyboardPlace:
    """Where the day screen puts the keyboard (a mixin of DayScreen)."""

    def _note_the_keyboard(self) -> None:
        """Work starts: was the keyboard on one of the day's buttons? (They wait while it runs, and Qt moves
        the focus off a button that can't be pressed.)"""
        focused = QApplication.focusWidget()
        self._focus_back = isinstance(focused, QAbstractButton) and self.isAncestorOf(focused)

    def _keep_the_keyboard(self) -> None:
        if self.busy or not self.isVisible():
            return
        focused = QApplication.focusWidget()
        lost = focused is None or (
            focused.window() is self.window() and not (focused.isVisible() and focused.isEnabled())
        )
        if not (lost or self._focus_back):
            return
        if not self.isActiveWindow():
            # Activating the window puts back the focus it had and hides the ring: wait until it is active.
            self._focus_back = True
            return
        self._focus_back = False
        target = self._what_comes_next()
        if target is not None:
            focus_for_keys(target)
            self._placed = target

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None and new is not None and self.isAncestorOf(new):  # the window has the keys again
            QTimer.singleShot(0, self, self._after_activation)  # after Qt has put the old focus back

    def _after_activation(self) -> None:
        """The window is active again: Qt has put the focus back and hidden the ring. The keyboard goes
        where it was waiting to go, or keeps the place this screen gave it, with the ring shown."""
        if self._focus_back:
            self._keep_the_keyboard()
        elif self._placed is not None and QApplication.focusWidget() is self._placed:
            focus_for_keys(self._placed)

    def _what_comes_next(self) -> QWidget | None:
        usable = [
            w
            for w in (
                self._run_next_button,
                self._pos_card.sample_button if self.snapshot and self.snapshot.day is None else None,
                self._pos_card.import_button if self.snapshot and self.snapshot.day is None else None,
            )
            if w is not None and w.isVisibleTo(self) and w.isEnabled()
        ]
        if usable:
            return usable[0]
        days = self._calendar.calendar.findChild(QWidget, "qt_calendar_calendarview")
        return days if days is not None and days.isVisibleTo(self) else None

    def _cards(self) -> tuple:
        return (self._problem_card, *(c.explanation_card for c in self._step_cards.values()))

    def _share_letters(self) -> None:
        """Only the first explanation card shown answers Alt+letters."""
        taken = False
        for card in self._cards():
            card.set_letters(not taken)
            taken = taken or card.isVisibleTo(self)

    def _watch_cards(self) -> None:
        """Whenever a card comes or goes, the letters are shared again; whenever the window gets the
        keyboard back, the focus is where this screen put it, with its ring."""
        for card in self._cards():
            card.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide) and watched in self._cards():
            QTimer.singleShot(0, self, self._share_letters)
        return super().eventFilter(watched, event)
