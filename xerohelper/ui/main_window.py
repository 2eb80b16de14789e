"""The main window: the set-up wizard on first run, later the day screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from xerohelper.ui.setup_wizard import SetupWizard

NOT_CONNECTED = "Not connected"


def window_title(organisation_name: str | None) -> str:
    return f"xerohelper — {organisation_name or NOT_CONNECTED}"


class MainWindow(QMainWindow):
    def __init__(self, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.demo = demo
        self.organisation_name: str | None = None
        self.setWindowTitle(window_title(None))
        self.resize(900, 640)
        self.setMinimumSize(720, 520)

        self.pages = QStackedWidget()
        self.wizard = SetupWizard()
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # lives inside the window, not as a dialog
        self.pages.addWidget(self.wizard)
        self.setCentralWidget(self.pages)

        welcome = self.wizard.welcome_page
        welcome.connect_requested.connect(self._not_yet_available)
        welcome.demo_requested.connect(self._not_yet_available)

    def show_organisation(self, name: str | None) -> None:
        self.organisation_name = name
        self.setWindowTitle(window_title(name))

    def _not_yet_available(self) -> None:
        self.statusBar().showMessage("This version can't do that yet: it comes in the next update.", 8000)
