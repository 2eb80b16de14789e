"""The whole demo journey in the real window, clicked like a first-time visitor would: the app opens on
the built-in sandbox, connects (the browser step done for them), shows Shop setup, then the day; the sample
is imported and the three steps are run; the day shows done. And Xero ending the connection mid-day:
Reconnect, and the day carries on with nothing lost."""

from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.setup_wizard import READY, SETUP

WAIT = 15_000


def click(qtbot, button) -> None:
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_demo_to_the_day(qtbot) -> MainWindow:
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    wizard = window.wizard
    # Connecting needs nobody at a browser in the demo; Shop setup comes up already filled in.
    qtbot.waitUntil(lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete(), timeout=WAIT)
    assert window.windowTitle() == "xerohelper — Harbour Street Hardware (demo)"
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == READY, timeout=WAIT)
    assert "Harbour Street Hardware" in wizard.ready_page.connected.text()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.day_screen is not None and window.day_screen.isVisible(), timeout=WAIT)
    return window


def import_the_sample(qtbot, window: MainWindow) -> None:
    screen = window.day_screen
    qtbot.waitUntil(lambda: screen.run_next_button is not None and screen.pos_card.isEnabled(), timeout=WAIT)
    screen.pos_card.import_file(window.session.demo_day_file(window.session.today()))
    qtbot.waitUntil(lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.READY, timeout=WAIT)


def test_the_demo_journey_from_start_to_a_finished_day(qtbot):
    window = open_demo_to_the_day(qtbot)
    screen = window.day_screen
    import_the_sample(qtbot, window)

    threads = []
    days = window.session.day_service()
    for name in ("run_next_step", "run_day"):
        original = getattr(days, name)

        def recorded(*args, _original=original, **kwargs):
            threads.append(threading.current_thread())
            return _original(*args, **kwargs)

        setattr(days, name, recorded)

    for step in (Step.SALES_SUMMARY, Step.APPROVE, Step.PAYMENTS):
        click(qtbot, screen.run_next_button)
        qtbot.waitUntil(lambda step=step: screen.step_card(step).state is StepState.DONE, timeout=WAIT)

    assert all(card.state is StepState.DONE for card in screen.step_cards)
    assert threads and all(t is not threading.main_thread() for t in threads)  # Xero work ran off the GUI
    today = window.session.today()
    qtbot.waitUntil(lambda: screen.calendar.status_of(today) is DayStatus.PAID, timeout=WAIT)
    window.close()


def test_xero_ending_the_connection_mid_day_then_reconnect_resumes(qtbot):
    window = open_demo_to_the_day(qtbot)
    screen = window.day_screen
    import_the_sample(qtbot, window)
    click(qtbot, screen.run_next_button)  # the sales summary goes in as a draft
    qtbot.waitUntil(lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.DONE, timeout=WAIT)

    base = window.session.sandbox.base_url
    control(base, "tokens/revoke", {})
    control(base, "tokens/expire", {})
    click(qtbot, screen.run_next_button)  # approving now needs a sign-in Xero has ended
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.reconnect_page, timeout=WAIT)
    assert "sign" in window.reconnect_page.reason.text().lower()
    assert "Nothing you have entered in xerohelper is lost" in window.reconnect_page.reason.text()
    assert "carries on where it stopped" in window.reconnect_page.kept.text()
    assert window.connection_label.text().endswith("sign in again")

    click(qtbot, window.reconnect_page.button)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is screen, timeout=WAIT)
    qtbot.waitUntil(lambda: screen.step_card(Step.APPROVE).state is StepState.READY, timeout=WAIT)
    assert screen.step_card(Step.SALES_SUMMARY).state is StepState.DONE  # kept, not sent again
    for step in (Step.APPROVE, Step.PAYMENTS):
        click(qtbot, screen.run_next_button)
        qtbot.waitUntil(lambda step=step: screen.step_card(step).state is StepState.DONE, timeout=WAIT)
    window.close()


def test_menus_lead_to_catch_up_history_settings_and_about(qtbot):
    window = open_demo_to_the_day(qtbot)
    assert window.catch_up_action.isEnabled() and window.history_action.isEnabled()
    session = window.session
    days = session.day_service()
    earlier = session.today() - timedelta(days=6)
    outcome = session.import_file(session.demo_day_file(earlier), earlier)
    days.save_day(outcome.days[0])  # a day imported but never sent

    window.catch_up_action.trigger()
    from xerohelper.ui.catch_up_dialog import CatchUpDialog

    qtbot.waitUntil(lambda: window.findChild(CatchUpDialog) is not None, timeout=WAIT)
    dialog = window.findChild(CatchUpDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.dates == [earlier]  # the list first: nothing goes until the owner confirms
    assert days.checklist(earlier)[Step.SALES_SUMMARY].state is not StepState.DONE
    click(qtbot, dialog.send_button)
    # The demo sends drafts: the missed day's sales summary goes in, waiting for approval.
    qtbot.waitUntil(lambda: days.checklist(earlier)[Step.SALES_SUMMARY].state is StepState.DONE, timeout=WAIT)
    dialog.close()

    for action, name in ((window.history_action, "HistoryView"), (window.settings_action, "SettingsDialog")):
        action.trigger()
        qtbot.waitUntil(
            lambda name=name: any(type(w).__name__ == name for w in window.findChildren(QWidget)),
            timeout=WAIT,
        )
    window.close()
