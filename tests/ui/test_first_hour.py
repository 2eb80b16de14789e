"""The owner's first hour, by keyboard alone on a 1024×600 screen: from the first launch to Xero's real
sign-in page (no Xero app built in: register one and paste its client id on the way), and from a page
where connecting stopped to the demo shop. Only the web browser is replaced (none can run here); the
window, the session, the settings file, the sign-in listener and the link are the real ones."""

from __future__ import annotations

import socket
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xerohelper.core.setup_flow import Page
from xerohelper.ui.main_window import MainWindow

CLIENT_ID = "A1B2C3D4E5F60718293A4B5C6D7E8F90"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def browser(monkeypatch):
    """The system browser, as a list of the links it was asked to open."""
    opened: list[str] = []
    monkeypatch.setattr(
        "xerohelper.services.connection._open_in_system_browser", lambda link: opened.append(link) or True
    )
    monkeypatch.setenv("XEROHELPER_CALLBACK_PORT", str(_free_port()))
    monkeypatch.delenv("XEROHELPER_CLIENT_ID", raising=False)
    return opened


def small_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.first_look is not None, timeout=10000)
    assert window.width() <= 1024 and window.height() <= 600
    return window


def press(qtbot, key, text: str = "") -> None:
    """A key on whatever has the focus (what a keyboard user does), or typing `text` there."""
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    if text:
        qtbot.keyClicks(focused, text)
    else:
        qtbot.keyClick(focused, key)


def fits(window, widget) -> bool:
    """`widget` is shown inside the window (not cut off below a 600-pixel screen)."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return widget.isVisible() and window.rect().contains(top_left) and window.rect().contains(bottom_right)


def test_from_first_launch_to_xeros_sign_in_page_by_keyboard_on_a_small_screen(qtbot, browser):
    window = small_window(qtbot)
    wizard = window.wizard
    welcome = wizard.welcome_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is welcome.connect_button, timeout=2000)
    assert fits(window, welcome.connect_button) and fits(window, welcome.demo_button)
    assert "register" in welcome.connect_button.description()  # no Xero app built in: said before Connect

    press(qtbot, Qt.Key.Key_Space)  # Connect to Xero
    own_app = wizard.own_app_page
    assert wizard.currentId() == Page.OWN_APP
    qtbot.waitUntil(lambda: QApplication.focusWidget() is own_app.client_id, timeout=2000)
    assert own_app.redirect.text() == f"http://localhost:{window.session.callback_port().port}/callback"
    assert "developer.xero.com" in own_app.steps.text() and fits(window, own_app.client_id)

    press(qtbot, None, CLIENT_ID.lower()[:10])
    press(qtbot, Qt.Key.Key_Return)  # too short: nothing happens but words
    assert wizard.currentId() == Page.OWN_APP and "characters" in own_app.check_words.text()
    press(qtbot, None, CLIENT_ID[10:])
    press(qtbot, Qt.Key.Key_Return)  # saved, then connecting

    connect = wizard.connect_page
    qtbot.waitUntil(lambda: bool(browser) and connect.link.isVisible(), timeout=10000)
    assert wizard.currentId() == Page.CONNECT
    link = urlsplit(browser[0])
    assert (link.scheme, link.netloc, link.path) == ("https", "login.xero.com", "/identity/connect/authorize")
    assert parse_qs(link.query)["client_id"] == [CLIENT_ID]  # as Xero writes it, in upper case
    assert "Sign in to Xero in your browser" in connect.words.text()
    assert fits(window, connect.cancel_button)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is connect.cancel_button, timeout=2000)
    press(qtbot, Qt.Key.Key_Tab)  # the browser didn't open? Tab reaches the link to Xero's sign-in page
    assert QApplication.focusWidget() is connect.link and connect.link.hasSelectedText() is False
    assert connect.link.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    for _ in range(3):  # back out of the link (Shift+Tab first steps back through the words' links)
        if QApplication.focusWidget() is not connect.cancel_button:
            press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is connect.cancel_button

    press(qtbot, Qt.Key.Key_Space)  # Cancel: it reads as cancelled, with the ways on
    qtbot.waitUntil(lambda: connect.heading.text() == "Connecting cancelled", timeout=10000)
    assert connect.retry_button.isVisible() and connect.demo_button.isVisible()
    window.close()


def test_a_page_where_connecting_stopped_leads_to_the_demo_shop_by_keyboard(qtbot, browser, monkeypatch):
    monkeypatch.setenv("XEROHELPER_CLIENT_ID", CLIENT_ID)
    window = small_window(qtbot)
    wizard = window.wizard
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.welcome_page.connect_button, timeout=2000)
    press(qtbot, Qt.Key.Key_Space)  # a client id is set: Connect goes straight to signing in
    connect = wizard.connect_page
    qtbot.waitUntil(lambda: bool(browser), timeout=10000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is connect.cancel_button, timeout=2000)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: connect.demo_button.isVisible(), timeout=10000)
    assert fits(window, connect.demo_button)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Try the demo
    qtbot.waitUntil(lambda: window.session.demo, timeout=5000)
    qtbot.waitUntil(lambda: wizard.currentId() == Page.SETUP or window.day_screen is not None, timeout=20000)
    assert window.windowTitle().endswith("(demo)")
    window.close()
