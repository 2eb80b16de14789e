"""About xerohelper: the version, where its settings, journal and log are kept (text that can be selected
and copied), Open the log folder, and Save a support report… in one click."""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper import __version__
from xerohelper.services.app_files import app_files
from xerohelper.ui import look
from xerohelper.ui.failure_words import still_open
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)


def toolkit_versions() -> str:
    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"


class AboutDialog(QDialog):
    """`session` is the AppSession (None before it exists: the usual folders for this user are shown)."""

    report_saved = Signal(object)  # the Path of the support report

    def __init__(self, session=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About xerohelper")
        self.setAccessibleName("About xerohelper")
        self.setMinimumWidth(600)
        self.session = session
        files = app_files(session)  # the demo keeps its own settings and journal
        self.settings_path = files.settings_file
        self.journal_path = files.journal_file
        self.log_folder = files.log_folder
        self.log_path = files.log_file

        title = look.make_heading(QLabel(f"xerohelper {__version__}"), 1.5)
        title.setObjectName("about_title")
        blurb = QLabel(
            "Sends your till's daily takings to Xero: the sales summary, its approval, and each payment."
        )
        blurb.setObjectName("about_blurb")
        blurb.setWordWrap(True)
        demo = (
            QLabel("You are using the demo shop with a practice Xero.")
            if getattr(session, "demo", False)
            else None
        )

        where = QFormLayout()
        where.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.settings_label = self._path_label("settings_path", self.settings_path, "Settings file")
        self.journal_label = self._path_label("journal_path", self.journal_path, "Journal of the days sent")
        self.log_label = self._path_label("log_path", self.log_path, "Log file")
        where.addRow("Settings:", self.settings_label)
        where.addRow("Journal:", self.journal_label)
        where.addRow("Log:", self.log_label)
        where_heading = look.make_heading(QLabel("Where xerohelper keeps things on this computer"), 1.05)

        self.open_logs_button = QPushButton("Open the &log folder")
        self.open_logs_button.setObjectName("open_log_folder_button")
        self.open_logs_button.setAccessibleName("Open the log folder")
        self.open_logs_button.setAutoDefault(False)
        self.open_logs_button.clicked.connect(self.open_log_folder)
        self.report_button = QPushButton("&Save a support report…")
        self.report_button.setObjectName("support_report_button")
        self.report_button.setAccessibleName("Save a support report")
        self.report_button.setToolTip(
            "Saves a text file with what support needs to help: "
            "no passwords, sign-in codes or customer details."
        )
        self.report_button.setAutoDefault(False)
        self.report_button.clicked.connect(self.save_support_report)
        actions = QHBoxLayout()
        actions.addWidget(self.open_logs_button)
        actions.addWidget(self.report_button)
        actions.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("about_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        privacy = look.secondary(
            QLabel(
                "The support report leaves out your Xero sign-in, e-mail addresses and your till's "
                "individual sales. Read it before you send it: it is plain text."
            )
        )
        privacy.setObjectName("about_privacy")
        privacy.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("&Close", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("close_button")
        self.close_button.setAccessibleName("Close")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(blurb)
        if demo is not None:
            demo.setObjectName("about_demo")
            layout.addWidget(demo)
        layout.addSpacing(8)
        layout.addWidget(where_heading)
        layout.addLayout(where)
        layout.addSpacing(4)
        layout.addLayout(actions)
        layout.addWidget(privacy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.close_button.setFocus()

    @staticmethod
    def _path_label(name: str, path: Path, accessible: str) -> QLabel:
        label = QLabel(str(path))
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; Ctrl+C copies the selection
        return label

    # ---- the log folder -------------------------------------------------------------------------------
    def open_log_folder(self) -> None:
        folder = self.log_folder

        def make_sure_it_exists() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            return folder

        run_in_background(
            make_sure_it_exists,
            on_done=self._open_folder,
            on_failed=lambda error: self._say(f"The log folder {folder} can't be opened ({error})."),
        )

    def _open_folder(self, folder: Path) -> None:
        if not still_open(self):
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._say(f"Your computer couldn't open the folder. It is here: {folder}")

    # ---- the support report ---------------------------------------------------------------------------
    def ask_report_path(self) -> Path | None:
        """Where to save the report: the owner chooses, starting on the Desktop (tests replace this)."""
        from xerohelper.services.support_report import default_report_path

        suggested = default_report_path()
        path, _ = QFileDialog.getSaveFileName(
            self, "Save a support report", str(suggested), "Text files (*.txt);;All files (*)"
        )
        return Path(path) if path else None

    def save_support_report(self) -> None:
        if self.session is None:
            self._say("Wait until xerohelper has started, then try again.")
            return
        path = self.ask_report_path()
        if path is None:
            return
        session, toolkit = self.session, toolkit_versions()
        self.report_button.setEnabled(False)
        self._say("Writing the support report…")

        def work() -> Path:
            from xerohelper.services.support_report import build_support_report, save_support_report

            return save_support_report(build_support_report(session, toolkit=toolkit), path)

        run_in_background(work, on_done=self._report_saved, on_failed=self._report_failed)

    def _report_saved(self, path: Path) -> None:
        if not still_open(self):
            return
        self.report_button.setEnabled(True)
        self._say(f"Saved the support report to {path}. Attach that file to your e-mail to support.")
        self.report_saved.emit(path)

    def _report_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.report_button.setEnabled(True)
        self._say(f"The support report could not be saved ({error}). Choose another folder and try again.")

    def _say(self, words: str) -> None:
        if still_open(self):
            self.message.setText(words)
            self.message.setVisible(bool(words))
