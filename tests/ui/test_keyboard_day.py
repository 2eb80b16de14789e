"""Done when: a tester who has never seen the app gets from the first launch to a finished demo day on a
1024×600 screen by keyboard alone. Every move here is a key pressed on whatever has the focus (Tab, Enter,
Space, Ctrl+Enter), never a call on a widget or a click; after each, the test says where the focus is
and that the owner can see it there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from tests.ui.accessibility import describe, focus_unseen
from tests.ui.test_first_hour import browser, press, small_window  # noqa: F401  (browser: a fixture)
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.core.setup_flow import Page

WAIT = 20_000


def focus_on(qtbot, window, expected, why: str = "") -> None:
    """Wait until the keyboard is on `expected` (a widget, or a test of the focused widget), then check
    the owner can see it there."""
    found = (lambda w: w is expected) if not callable(expected) or hasattr(expected, "hasFocus") else expected
    try:
        qtbot.waitUntil(lambda: found(QApplication.focusWidget()), timeout=WAIT)
    except Exception:
        raise AssertionError(f"{why}: the focus is on {describe(QApplication.focusWidget())}") from None
    try:  # the page settles (its own focus move comes a moment after it is shown)
        qtbot.waitUntil(lambda: focus_unseen(window) is None, timeout=2000)
    except Exception:
        raise AssertionError(f"{why}: {focus_unseen(window)}") from None
    assert found(QApplication.focusWidget()), (
        f"{why}: the focus moved on to {describe(QApplication.focusWidget())}"
    )


@pytest.mark.usefixtures("browser")  # no browser can open here: the links it would open, kept
def test_from_the_first_launch_to_a_finished_demo_day_by_keyboard_on_a_small_screen(qtbot):
    window = small_window(qtbot)
    wizard = window.wizard
    welcome = wizard.welcome_page
    focus_on(qtbot, window, welcome.connect_button, "the first page")

    press(qtbot, Qt.Key.Key_Tab)
    focus_on(qtbot, window, welcome.demo_button, "Tab from Connect")
    press(qtbot, Qt.Key.Key_Space)  # Try the demo shop

    setup = wizard.setup_page
    qtbot.waitUntil(lambda: wizard.currentId() == Page.SETUP and setup.isComplete(), timeout=WAIT)
    focus_on(qtbot, window, lambda w: setup.editor is not None and setup.editor.isAncestorOf(w), "Shop setup")
    assert window.width() <= 1024 and window.height() <= 600
    press(qtbot, Qt.Key.Key_Return)  # Enter in the setup is the wizard's Next

    qtbot.waitUntil(lambda: wizard.currentId() == Page.READY, timeout=WAIT)
    focus_on(qtbot, window, wizard.button(QWizard.WizardButton.FinishButton), "You're ready")
    press(qtbot, Qt.Key.Key_Return)  # Finish

    qtbot.waitUntil(lambda: window.day_screen is not None, timeout=WAIT)
    screen = window.day_screen
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=WAIT)
    card = screen.pos_card
    focus_on(qtbot, window, card.sample_button, "the day, no takings yet: the demo till's day")
    press(qtbot, Qt.Key.Key_Space)  # import the demo till's day

    qtbot.waitUntil(lambda: screen.snapshot.day is not None and not screen.busy, timeout=WAIT)
    focus_on(qtbot, window, screen.run_next_button, "the day imported: the next step")
    assert screen.step_card(Step.SALES_SUMMARY).state is StepState.READY

    for step, key in ((Step.SALES_SUMMARY, Qt.Key.Key_Return), (Step.APPROVE, None), (Step.PAYMENTS, None)):
        if key is None:  # Ctrl+Enter, the shortcut the button shows
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        else:
            press(qtbot, key)
        qtbot.waitUntil(lambda step=step: screen.step_card(step).state is StepState.DONE, timeout=WAIT)
        qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
        if step is not Step.PAYMENTS:
            focus_on(qtbot, window, screen.run_next_button, f"after {step.title}: the next step")

    today = window.session.today()
    qtbot.waitUntil(lambda: screen.calendar.status_of(today) is DayStatus.PAID, timeout=WAIT)
    days = screen.calendar.calendar
    focus_on(qtbot, window, lambda w: days.isAncestorOf(w), "the day finished: the calendar, for another day")
    window.close()
