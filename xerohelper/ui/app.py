"""Start the Qt application and show the main window — before anything heavy is loaded."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from xerohelper import APP_NAME, __version__
from xerohelper.ui.main_window import MainWindow

log = logging.getLogger("xerohelper.ui")
SMOKE_ENV = "XEROHELPER_SMOKE"  # set: print "shown ok" once the window is up and answering, then quit

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
    from xerohelper.ui.wheel_guard import guard_the_wheel

    guard_the_wheel()  # the wheel scrolls pages, never a closed drop-down's choice
    return app


def _start_logging(demo: bool) -> None:
    from xerohelper.services.app_files import start_logging

    start_logging(make_folders=True)
    qInstallMessageHandler(_qt_message_to_log)
    log.info("xerohelper %s starting%s", __version__, " in demo mode" if demo else "")


def run_app(demo: bool = False) -> int:
    app = create_application()
    window = MainWindow(demo=demo)
    window.show()
    QTimer.singleShot(0, lambda: _start_logging(demo))  # the log file is opened once the window is up
    if os.environ.get(SMOKE_ENV):
        # Packaging and start-up checks: say when the window is up and answering, then quit.
        def shown() -> None:
            print(f"shown ok platform={app.platformName()} pid={os.getpid()}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    return app.exec()
