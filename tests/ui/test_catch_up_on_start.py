"""On start, the window offers the catch-up list when days were imported but never sent — the list only:
nothing goes to Xero until the owner confirms (issue 14, part 7)."""

from __future__ import annotations

import gc
from datetime import timedelta

from PySide6.QtCore import QThreadPool

from tests.days_file import days_file
from tests.ui.test_demo_journey import WAIT, open_demo_to_the_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.ui.catch_up_dialog import CatchUpDialog
from xerohelper.ui.main_window import MainWindow


def test_days_imported_but_not_sent_are_listed_when_the_app_starts(qtbot, tmp_path):
    window = open_demo_to_the_day(qtbot)
    session = window.session
    earlier = [session.today() - timedelta(days=n) for n in (9, 8)]
    outcome, found, new = session.import_days(days_file(tmp_path / "two.csv", earlier))
    assert outcome.ok and len(found) == 2 and new == []
    window.close()
    QThreadPool.globalInstance().waitForDone(WAIT)
    gc.collect()

    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(CatchUpDialog) is not None, timeout=WAIT)
    dialog = window.findChild(CatchUpDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.dates == earlier and dialog.send_button.isEnabled()
    days = window.session.day_service()
    assert all(days.checklist(d)[Step.SALES_SUMMARY].state is not StepState.DONE for d in earlier)
    dialog.reject()  # not now: nothing sent
    assert all(days.checklist(d)[Step.SALES_SUMMARY].state is not StepState.DONE for d in earlier)
    window.close()
