"""Settings' "Every day" section: start at login, stay in the tray, the watched export folder, sending
automatically, and when the shop closes (for the reminder). Read and saved on workers."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.closing_time import WEEKDAY_NAMES, ClosingHours
from xerohelper.ui.failure_words import still_open
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)
NO_FOLDER = "No folder chosen: exports are imported when you choose them on the day screen."


class EverydaySettingsBox(QGroupBox):
    saved = Signal(object)  # the EverydayState after a change was saved
    failed = Signal(str)  # words for the owner when reading or saving didn't work

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__("Every day", parent)
        self.setObjectName("everyday_box")
        self.session = session
        self.state = None  # the EverydayState shown
        self._filling = False

        self.login_check = QCheckBox("Start xerohelper when I log in")
        self.login_check.setObjectName("start_at_login")
        self.login_check.setToolTip(
            "At login it starts in the tray, without opening its window (where your desktop has a tray)"
        )
        self.tray_check = QCheckBox("Keep it running in the tray when I close the window")
        self.tray_check.setObjectName("keep_in_tray")
        self.folder_label = QLabel(NO_FOLDER)
        self.folder_label.setObjectName("watched_folder")
        self.folder_label.setWordWrap(True)
        self.choose_button = QPushButton("C&hoose folder…")
        self.choose_button.setObjectName("choose_folder_button")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose_folder)
        self.stop_button = QPushButton("Stop &watching")
        self.stop_button.setObjectName("stop_watching_button")
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(lambda: self.set_folder(""))
        self.send_check = QCheckBox("Send the days from that folder to Xero by themselves")
        self.send_check.setObjectName("send_automatically")
        send_words = QLabel(
            "Only when nothing needs checking: a till difference, figures that differ from what Xero "
            "has, or anything Xero would refuse always waits for you."
        )
        send_words.setObjectName("send_automatically_words")
        send_words.setWordWrap(True)
        send_words.setIndent(24)
        self.remind_check = QCheckBox("Remind me")
        self.remind_check.setObjectName("closing_reminder")
        self.remind_check.setToolTip(
            "A notification when a day's takings aren't in Xero some time after the shop closes "
            "(never on a day the shop is closed)"
        )
        self.grace_spin = QSpinBox()
        self.grace_spin.setObjectName("reminder_minutes")
        self.grace_spin.setRange(0, 600)
        self.grace_spin.setSingleStep(15)
        self.grace_spin.setSuffix(" min after closing")
        self.grace_spin.setAccessibleName("Remind me this many minutes after closing")

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Till exports are saved in:"))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.stop_button)
        start_row = QHBoxLayout()
        start_row.addWidget(self.login_check)
        start_row.addWidget(self.tray_check)
        start_row.addStretch(1)

        # The reminder on the left; when the shop closes each day (ticked: open that day) on the right.
        week = QGridLayout()
        week.addWidget(self.remind_check, 0, 0)
        week.addWidget(self.grace_spin, 1, 0)
        week.setColumnStretch(0, 1)
        self.open_checks: list[QCheckBox] = []
        self.time_edits: list[QTimeEdit] = []
        for index, name in enumerate(WEEKDAY_NAMES):
            check = QCheckBox(name[:3])
            check.setObjectName(f"open_{name.lower()}")
            check.setToolTip(f"Open on {name}s (no reminder on a day the shop is closed)")
            edit = QTimeEdit()
            edit.setObjectName(f"closes_{name.lower()}")
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(f"Closing time on {name}")
            check.toggled.connect(edit.setEnabled)
            week.addWidget(check, 0, index + 1)
            week.addWidget(edit, 1, index + 1)
            self.open_checks.append(check)
            self.time_edits.append(edit)

        layout = QVBoxLayout(self)
        layout.addLayout(start_row)
        layout.addLayout(folder_row)
        layout.addWidget(self.send_check)
        layout.addWidget(send_words)
        layout.addLayout(week)

        for check in (
            self.login_check,
            self.tray_check,
            self.send_check,
            self.remind_check,
            *self.open_checks,
        ):
            check.toggled.connect(self._changed)
        self.grace_spin.valueChanged.connect(self._changed)
        for edit in self.time_edits:
            edit.editingFinished.connect(self._changed)
        self.setEnabled(False)
        run_in_background(
            lambda: self.session.everyday().state(), on_done=self.show_state, on_failed=self._failed
        )

    def show_state(self, state) -> None:
        if not still_open(self):
            return
        self.state = state
        self._filling = True
        choices = state.choices
        self.login_check.setChecked(state.starts_at_login)
        self.tray_check.setChecked(choices.keep_in_tray)
        self.folder_label.setText(choices.watched_folder or NO_FOLDER)
        self.stop_button.setEnabled(bool(choices.watched_folder))
        self.send_check.setChecked(choices.send_automatically)
        self.send_check.setEnabled(bool(choices.watched_folder))
        self.remind_check.setChecked(choices.closing.enabled)
        self.grace_spin.setValue(int(choices.closing.grace.total_seconds() // 60))
        for check, edit, closes in zip(
            self.open_checks, self.time_edits, choices.closing.closes, strict=True
        ):
            shown = closes or time(17, 30)
            check.setChecked(closes is not None)
            edit.setTime(QTime(shown.hour, shown.minute))
            edit.setEnabled(closes is not None)
        self._filling = False
        self.setEnabled(True)

    def set_folder(self, folder: str) -> None:
        if self.state is None:
            return
        choices = replace(self.state.choices, watched_folder=folder)
        self._save(choices, self.login_check.isChecked())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "The folder your till's exports are saved in")
        if folder:
            self.set_folder(folder)

    def _changed(self, *_args) -> None:
        if self._filling or self.state is None:
            return
        closes = tuple(
            time(edit.time().hour(), edit.time().minute()) if check.isChecked() else None
            for check, edit in zip(self.open_checks, self.time_edits, strict=True)
        )
        closing = ClosingHours(
            closes, timedelta(minutes=self.grace_spin.value()), self.remind_check.isChecked()
        )
        choices = replace(
            self.state.choices,
            keep_in_tray=self.tray_check.isChecked(),
            send_automatically=self.send_check.isChecked(),
            closing=closing,
        )
        self._save(choices, self.login_check.isChecked())

    def _save(self, choices, starts_at_login: bool) -> None:
        def saved(state) -> None:
            self.show_state(state)
            self.saved.emit(state)

        run_in_background(
            lambda: self.session.everyday().save(choices, starts_at_login),
            on_done=saved,
            on_failed=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        log.warning("the everyday settings couldn't be read or saved: %r", error)
        if not still_open(self):
            return
        self.setEnabled(self.state is not None)
        self.failed.emit(
            "Your every-day choices couldn't be saved or read "
            f"({getattr(error, 'strerror', None) or 'the settings file is busy'}). Try again."
        )
