"""The window's everyday side: the tray, the watched export folder (QFileSystemWatcher, and a timer as a
fallback where change notices don't come: network folders, some file systems) and the closing-time
reminder's timer. What to do with which file, and when to remind, is decided outside Qt (services over
core); the looks run on workers. Created once the window is up and connected, not at start-up."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from xerohelper.ui.tray import Tray
from xerohelper.ui.tray_start import bring_back, tray_of
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)
POLL_MS = 30_000  # the fallback look at the folder (and the reminder's clock)
SETTLING_MS = 1_000  # while a file is still growing, look again this soon


class EverydayWatch(QObject):
    looked = Signal(list)  # the OwnerAlerts of one look (already notified)
    open_day = Signal(object, str)  # a date: show that day (at that till, when not "")
    show_problem = Signal(str)  # a file's problems: show them on the day screen's import card
    reconnect_needed = Signal(object)  # the error: Xero wants the owner to sign in again

    def __init__(self, session, tray: Tray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tray = tray
        self.everyday = None  # services.everyday.Everyday, made on the first look (on a worker)
        self.folder = ""
        self.choices = None  # the owner's EverydayChoices, as of the last look
        self.connection_words = ""  # "Connected to Harbour Street Hardware"
        self._busy = False
        self._again = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.look_soon())
        self.watcher.fileChanged.connect(lambda _path: self.look_soon())
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.look)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.look)
        tray.alert_clicked.connect(self._clicked)

    def start(self) -> None:
        self.timer.start()
        self.look()

    def stop(self) -> None:
        self.timer.stop()
        self.soon.stop()

    def look_soon(self, ms: int = SETTLING_MS) -> None:
        self.soon.start(ms)

    def look(self) -> None:
        """Look at the folder and the clock on a worker; alerts come back as notifications."""
        if self._busy:
            self._again = True
            return
        self._busy = True

        def work():
            everyday = self.session.everyday()
            alerts = everyday.look()
            return everyday, alerts, everyday.settings.choices(), everyday.waiting(), everyday.today_words()

        run_in_background(work, on_done=self._looked, on_failed=self._failed)

    def _looked(self, answer) -> None:
        self._busy = False
        self.everyday, alerts, self.choices, waiting, today = answer
        self.tray.show_state(f"{self.connection_words}: {today}" if self.connection_words else today)
        self._watch(self.choices.watched_folder)
        for alert in alerts:
            self.tray.notify(alert)
        self.looked.emit(alerts)
        if waiting or self._again:
            self._again = False
            self.look_soon()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        log.warning("the watched folder couldn't be looked at: %r", error)
        from xerohelper.services.explaining import needs_reconnect

        if needs_reconnect(error):
            self.reconnect_needed.emit(error)  # the window shows its page, and notifies from the tray
            return
        from xerohelper.services.export_folder import OwnerAlert
        from xerohelper.ui.failure_words import explain_failure

        card = explain_failure(error)  # never only a log line: the owner hears what stopped, and what to do
        self.tray.notify(OwnerAlert("needs you", card.title, card.what_happened, card=card))

    def notify_reconnect(self) -> None:
        from xerohelper.services.export_folder import OwnerAlert

        self.tray.notify(
            OwnerAlert("reconnect", "Xero needs you to sign in again", "Click to reconnect; nothing is lost.")
        )

    def _watch(self, folder: str) -> None:
        if folder == self.folder:
            return
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.folder = folder
        if folder and not self.watcher.addPath(folder):
            log.info(
                "the watched folder %s can't be watched for changes: looked at every %d s", folder, POLL_MS
            )

    def _clicked(self, alert) -> None:
        if alert.problem:
            self.show_problem.emit(alert.problem)
        elif isinstance(alert.trading_date, date):
            self.open_day.emit(alert.trading_date, alert.location)
        else:
            self.open_day.emit(None, "")


# ---- the window's side (kept here so the main window only calls two functions) ----
def start_everyday(window) -> None:
    """Make the tray and the watch once the window is up and connected (again: nothing new)."""
    if window.everyday_watch is not None:
        window.everyday_watch.connection_words = window.connection_label.text()
        window.everyday_watch.look()
        return
    tray = tray_of(window)  # made at start when the app started in the tray (ui/tray_start.py)
    watch = EverydayWatch(window.session, tray, window)
    watch.connection_words = window.connection_label.text()
    window.everyday_watch = watch
    watch.open_day.connect(lambda day, till: _open_day(window, day, till))
    watch.show_problem.connect(lambda words: _open_problem(window, words))
    watch.reconnect_needed.connect(lambda error: window.show_reconnect(getattr(error, "reason", None)))
    watch.looked.connect(lambda alerts: _refresh_day(window, alerts))
    watch.start()


def keep_in_tray(window) -> bool:
    """Closing the window: stay in the tray when there is one and the owner chose that (said the first
    time). False: the window really closes."""
    watch = window.everyday_watch
    if watch is None or not watch.tray.available or watch.choices is None or not watch.choices.keep_in_tray:
        return False
    window.hide()
    if not watch.choices.told_about_tray:
        from dataclasses import replace

        from xerohelper.services.export_folder import OwnerAlert

        watch.choices = replace(watch.choices, told_about_tray=True)
        watch.tray.notify(
            OwnerAlert(
                "kept",
                "xerohelper is still running",
                "It keeps watching for till exports in the tray. To stop it, choose Quit in the tray's menu "
                "(or switch this off in Settings).",
            )
        )
        run_in_background(lambda: window.session.everyday().told_about_tray(), on_done=lambda _r: None)
    return True


def _open_day(window, day, till: str = "") -> None:
    """A day's notification opens that day (at its till, a shop with several); one without a day
    (reconnect) opens the window as it is."""
    bring_back(window)
    if day is not None:
        window.show_day_screen(day, till or None)


def _open_problem(window, words: str) -> None:
    bring_back(window)
    window.show_day_screen()
    window.day_screen.pos_card.show_problem(words)


def _refresh_day(window, alerts) -> None:
    if alerts and window.day_screen is not None and window.isVisible():
        window.day_screen.refresh()


def send_today(window) -> None:
    def done(_checklists) -> None:
        watch.look()  # its state in the tray; the day screen shows the rest
        if window.day_screen is not None:
            window.day_screen.refresh()

    watch = window.everyday_watch
    run_in_background(lambda: window.session.everyday().send_today(), on_done=done, on_failed=watch._failed)
