"""The main window opens at once on the welcome page, then loads the rest in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt

from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.setup_pages import WelcomePage


def test_window_opens_on_welcome_page_and_says_not_connected(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.wizard.welcome_page
    assert window.wizard.currentPage() is page
    assert window.windowTitle() == "xerohelper — Not connected"
    qtbot.waitUntil(lambda: window.first_look is not None, timeout=5000)  # the session opened off the GUI
    assert window.first_look.page == "welcome"
    assert page.connect_button.isVisible() and page.connect_button.isEnabled()
    assert page.demo_button.isVisible() and page.demo_button.isEnabled()
    assert page.connect_button.text() == "&Connect to Xero"
    assert page.demo_button.text() == "&Try the demo shop"
    assert window.connection_label.text() == "Not connected"
    window.close()


def test_welcome_buttons_announce_the_owners_choice(qtbot):
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.demo_requested, timeout=1000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.connect_requested, timeout=1000):
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)


def test_title_follows_the_connected_organisation(qtbot):
    window = MainWindow(open_session=False)
    qtbot.addWidget(window)
    window.show_organisation("Harbour Street Hardware")
    assert window.windowTitle() == "xerohelper — Harbour Street Hardware"
    assert window.connection_label.text() == "Connected to Harbour Street Hardware"
    window.show_organisation(None)
    assert window.windowTitle() == "xerohelper — Not connected"


def test_started_as_the_app_does_the_first_frame_comes_before_the_pages(qtbot):
    from xerohelper.core.setup_flow import Page  # what main_window names the wizard's pages by
    from xerohelper.ui import setup_wizard

    assert (Page.CONNECT, Page.SETUP, Page.READY) == (
        setup_wizard.CONNECT,
        setup_wizard.SETUP,
        setup_wizard.READY,
    )
    window = MainWindow(open_session=False, pages_later=True)
    qtbot.addWidget(window)
    assert window.pages is None and window.centralWidget() is None
    with qtbot.waitSignal(window.pages_built, timeout=5000):
        window.show()  # drawn: the pages follow
    assert window.centralWidget() is window.pages
    assert window.wizard.currentPage() is window.wizard.welcome_page
    window.close()
