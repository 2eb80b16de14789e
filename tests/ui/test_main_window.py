"""The main window opens on the set-up wizard's welcome page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from xerohelper.ui.main_window import MainWindow


def test_window_opens_on_welcome_page_and_says_not_connected(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == "xerohelper — Not connected"
    page = window.wizard.currentPage()
    assert page is window.wizard.welcome_page
    assert page.connect_button.isVisible() and page.connect_button.isEnabled()
    assert page.demo_button.isVisible() and page.demo_button.isEnabled()
    assert page.connect_button.text() == "Connect to Xero"
    assert page.demo_button.text() == "Try the demo shop"


def test_welcome_buttons_announce_the_owners_choice(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    page = window.wizard.welcome_page
    with qtbot.waitSignal(page.demo_requested, timeout=1000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.connect_requested, timeout=1000):
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)


def test_title_follows_the_connected_organisation(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_organisation("Harbour Street Hardware")
    assert window.windowTitle() == "xerohelper — Harbour Street Hardware"
    window.show_organisation(None)
    assert window.windowTitle() == "xerohelper — Not connected"
