"""The app in the tray: its icon, with Open, Send today and Quit, made when the app starts in the tray
(`xerohelper --in-tray`, what starting at login runs) or once the window is connected (ui/everyday.py).

    start_in_tray(window)   # True: the tray icon is there and the window stays hidden; False: no tray here

Started in the tray, the window comes when the owner asks for it (Open, a notification, a second launch),
or by itself when the app can't do its work without them (not connected to Xero, Shop setup not done).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from xerohelper.ui.tray import Tray


def start_in_tray(window) -> bool:
    """The tray icon and no window, where the desktop has a tray (False: it has none; show the window)."""
    tray = (window.tray_factory or Tray)(window)
    if not tray.available:
        tray.hide()
        tray.deleteLater()
        return False
    _hold(window, tray)
    window.started_in_tray = True
    return True


def tray_of(window) -> Tray:
    """The window's tray, made now if the app didn't start in it."""
    if window.tray is None:
        _hold(window, (window.tray_factory or Tray)(window))
    return window.tray


def bring_back(window) -> None:
    window.showNormal()
    if QGuiApplication.platformName() != "offscreen":  # no window stack to raise in
        window.raise_()
        window.activateWindow()


def _hold(window, tray: Tray) -> None:
    window.tray = tray
    tray.open_requested.connect(lambda: bring_back(window))
    tray.quit_requested.connect(window.quit_app)
    tray.send_today_requested.connect(lambda: _send_today(window))


def _send_today(window) -> None:
    from xerohelper.ui.everyday import send_today

    if window.everyday_watch is None:  # not connected yet: the window says what is needed
        bring_back(window)
        return
    send_today(window)
