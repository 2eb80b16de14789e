"""Start the Qt application and show the main window — before anything heavy is loaded."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from xerohelper import APP_NAME, __version__
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.logs import start_logging
from xerohelper.ui.main_window import MainWindow

log = logging.getLogger("xerohelper.ui")

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
    return app


def run_app(demo: bool = False) -> int:
    folders = AppFolders.for_this_user().create()
    start_logging(folders.logs)
    qInstallMessageHandler(_qt_message_to_log)
    app = create_application()
    log.info("xerohelper %s starting%s", __version__, " in demo mode" if demo else "")
    window = MainWindow(demo=demo)
    window.show()
    return app.exec()
