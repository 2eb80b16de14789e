"""Start the Qt application and show the main window — before anything heavy is loaded.

One app per user (single_instance.py): a second launch brings the running window to the front and quits.
`--demo --self-test` runs the demo's day in the real window with nobody at it (self_test.py).
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from xerohelper import APP_NAME, __version__
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.tray_start import start_in_tray

log = logging.getLogger("xerohelper.ui")
ICON_AFTER_MS = 100
LISTEN_AFTER_MS = 400
SMOKE_ENV = "XEROHELPER_SMOKE"  # set: print "shown ok … in=window|tray" once up and answering, then quit

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_to_log(mode: QtMsgType, context, message: str) -> None:
    logging.getLogger("xerohelper.qt").log(_QT_LEVELS.get(mode, logging.WARNING), message)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("xerohelper")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # ties the windows to xerohelper.desktop (its name and icon)
    from xerohelper.ui.wheel_guard import guard_the_wheel

    guard_the_wheel()  # the wheel scrolls pages, never a closed drop-down's choice
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """xerohelper's own icon (package data), one PNG per size so it is sharp everywhere."""
    from xerohelper.resources import resource

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("app", f"xerohelper-{size}.png")))
    return icon


def bring_to_front(window: QWidget) -> None:
    """Another launch asked for the running app: show its window on top (un-minimised)."""
    from PySide6.QtCore import Qt  # not before the first frame: Qt's namespace of enums takes ~20 ms to load

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def _start_logging(demo: bool) -> None:
    from xerohelper.services.app_files import start_logging

    start_logging(make_folders=True)
    qInstallMessageHandler(_qt_message_to_log)
    log.info("xerohelper %s starting%s", __version__, " in demo mode" if demo else "")


def run_app(demo: bool = False, self_test: bool = False, in_tray: bool = False) -> int:
    """Open the app; `in_tray` (at login): its tray icon and no window, where the desktop has a tray."""
    app = create_application()
    if self_test:
        from xerohelper.ui.self_test import run_self_test

        return run_self_test(app)
    from xerohelper.ui.single_instance import SingleInstance

    instance = SingleInstance.claim(f"{APP_NAME}-demo" if demo else APP_NAME)
    if instance is None:
        return 0  # it was already running: its window has been asked to come to the front
    window = MainWindow(demo=demo, pages_later=True)  # the first frame first, then the pages
    instance.raise_requested.connect(lambda: bring_to_front(window))
    app.aboutToQuit.connect(instance.release)
    if not (in_tray and start_in_tray(window)):
        window.show()
    # The icon is given once the first frames are drawn: decoding its sizes for the window manager takes
    # ~20-30 ms that the window shouldn't wait for (until then the desktop shows the menu entry's icon).
    QTimer.singleShot(ICON_AFTER_MS, lambda: app.setWindowIcon(app_icon()))
    # Later launches are answered once the first frames are drawn (loading QtNetwork takes ~17 ms); until
    # then a second launch keeps knocking (single_instance.CONNECT_TRIES_SECONDS).
    QTimer.singleShot(LISTEN_AFTER_MS, instance.listen)
    window.pages_built.connect(lambda: _start_logging(demo))  # the log file: once the window is up
    if os.environ.get(SMOKE_ENV):
        # Packaging and start-up checks: say when the window is up and answering, then quit.
        def shown() -> None:
            where = "window" if window.isVisible() else "tray" if window.tray is not None else "nowhere"
            print(f"shown ok platform={app.platformName()} pid={os.getpid()} in={where}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    return app.exec()
