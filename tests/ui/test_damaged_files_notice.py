"""In the app, the words about a damaged file that was set aside reach the owner in the status bar: a
settings file as the window opens, and a journal rebuilt from Xero when the day screen opens."""

from __future__ import annotations

import gc
import os

from PySide6.QtCore import QThreadPool

from tests.ui.test_demo_journey import WAIT, open_demo_to_the_day
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.journal import JOURNAL_FILE_NAME
from xerohelper.adapters.settings import SETTINGS_FILE_NAME
from xerohelper.core.checklist import Step, StepState
from xerohelper.ui.look import DayStatus
from xerohelper.ui.main_window import MainWindow


def test_a_damaged_settings_file_is_said_in_the_status_bar(qtbot):
    folder = AppFolders.for_this_user().settings
    folder.mkdir(parents=True)
    (folder / SETTINGS_FILE_NAME).write_bytes(b"\xff\xfe not settings \x00\x81")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_look is not None, timeout=WAIT)
    message = window.statusBar().currentMessage()
    assert message.startswith("xerohelper's settings file couldn't be read: it isn't readable text")
    assert "default settings" in message
    assert window.first_look.page == "welcome"
    window.close()


def test_a_damaged_journal_is_rebuilt_and_said_when_the_day_screen_opens(qtbot):
    window = open_demo_to_the_day(qtbot)
    session = window.session
    today = session.today()
    assert session.import_day(session.demo_day_file(today)).ok
    assert session.day_service().run_day(today, approve=True).is_finished
    journal = session.folders.data / "demo" / JOURNAL_FILE_NAME
    window.close()
    QThreadPool.globalInstance().waitForDone(WAIT)
    gc.collect()
    journal.write_bytes(os.urandom(8192))
    for companion in ("-wal", "-shm"):
        journal.with_name(journal.name + companion).unlink(missing_ok=True)

    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.day_screen is not None and window.day_screen.isVisible(), timeout=WAIT)
    screen = window.day_screen
    qtbot.waitUntil(lambda: screen.calendar.status_of(today) is DayStatus.PAID, timeout=WAIT)
    message = window.statusBar().currentMessage()
    assert message.startswith("xerohelper's record of the days it sent to Xero was damaged.")
    assert "xerohelper rebuilt the record from Xero" in message
    assert screen.step_card(Step.PAYMENTS).state is StepState.DONE
    window.close()
