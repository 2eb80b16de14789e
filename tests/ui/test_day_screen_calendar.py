"""The day screen's calendar tells the truth: the demo organisation's days sent before xerohelper show as in
Xero (read in the background once, however often the day is shown again), the day screen says so for such a
day, and offline the calendar only says so quietly: no card, the day still works. Real widgets, the demo
sandbox, the real SDK."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QThreadPool

from tests.ui.test_day_screen import WAIT, click_run_next, import_the_demo_day, state
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.workers import jobs_running

INVOICE_READS = "GET /api.xro/2.0/invoices"


@pytest.fixture
def session():
    session = AppSession(demo=True)
    session.open()
    session.connect()
    yield session
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()


def open_screen(qtbot, session) -> DayScreen:
    screen = DayScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=WAIT)
    return screen


def test_days_sent_before_xerohelper_show_as_in_xero_and_the_day_says_so(qtbot, session):
    control(session.sandbox.base_url, "requests", method="DELETE")
    screen = open_screen(qtbot, session)
    yesterday = session.today() - timedelta(days=1)
    if yesterday.month != session.today().month:
        pytest.skip("the demo's earlier days are in last month on the first of the month")
    calendar = screen.calendar
    qtbot.waitUntil(lambda: calendar.found_in_xero(yesterday), timeout=WAIT)
    assert calendar.status_of(yesterday) is DayStatus.PAID
    assert "(found in Xero: not sent from this computer)" in calendar.describe(yesterday)

    screen.show_day(yesterday)
    qtbot.waitUntil(lambda: screen.snapshot.trading_date == yesterday and not screen.busy, timeout=WAIT)
    words = screen.findChild(type(screen.pos_card.heading), "next_step_words").text()
    assert words.startswith("Xero already has this day's invoice (paid, done), sent from another computer")
    assert "Import the day's till file" in words

    for _ in range(3):  # the day shown again and again: the month is not read again
        screen.refresh()
        qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)
    assert control(session.sandbox.base_url, "requests")["by_endpoint"].get(INVOICE_READS) == 1


def test_offline_the_calendar_says_so_quietly_and_the_day_still_goes_to_xero(qtbot, session):
    session.day_service()  # opened first, so the test can take the waits out of the tries
    session.day_service().books.pacer.backoff = (0.0,)
    control(session.sandbox.base_url, "faults", {"kind": "offline", "count": 5, "path_contains": "/Invoices"})
    screen = open_screen(qtbot, session)
    note = screen.calendar.xero_note
    qtbot.waitUntil(note.isVisible, timeout=WAIT)
    assert note.text() == "Xero couldn't be read: days sent from another computer may be missing."
    assert not screen.problem_card.isVisible()  # a quiet note, not a card

    import_the_demo_day(qtbot, screen, session)
    click_run_next(qtbot, screen)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE
    assert screen.calendar.status_of(session.today()) is DayStatus.SENT_AS_DRAFT
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)
