"""The day screen's import keeps every day of a file and says which days it found (issue 14, part 6): a
five-day file imports five days; a day Xero already has with the same figures is left alone, one with other
figures is kept for the owner to re-send. The real window's widgets, the demo sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QThreadPool

from tests.days_file import days_file
from xerohelper.core.catch_up import InXero
from xerohelper.core.dates import short_date
from xerohelper.services.app_session import AppSession
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.workers import jobs_running

WAIT = 20_000


@pytest.fixture
def session():
    session = AppSession(demo=True)
    session.open()
    session.connect()
    yield session
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()


@pytest.fixture
def screen(qtbot, session):
    screen = DayScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=WAIT)
    yield screen
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)


def import_file(qtbot, screen, path) -> str:
    screen.pos_card.notes_label.setText("")
    screen.pos_card.import_file(path)
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.notes_label.text() != "", timeout=WAIT)
    return screen.pos_card.notes_label.text()


def test_a_five_day_file_imports_five_days_and_says_which(qtbot, screen, session, tmp_path):
    today = session.today()
    dates = [today - timedelta(days=n) for n in (4, 3, 2, 1, 0)]
    words = import_file(qtbot, screen, days_file(tmp_path / "week.csv", dates))
    assert words.startswith("This file holds 5 days: " + ", ".join(short_date(d) for d in dates[:2]))
    kept = session.catch_up_list()
    assert [r.trading_date for r in kept] == dates  # every day kept, not only the one shown
    assert screen.pos_card.day is not None and screen.pos_card.day.date == today


def test_days_in_xero_are_left_alone_or_offered_for_resend(qtbot, screen, session, tmp_path):
    today = session.today()
    dates = [today - timedelta(days=n) for n in (12, 11)]
    import_file(qtbot, screen, days_file(tmp_path / "two.csv", dates))
    session.send_catch_up(session.catch_up_list())
    words = import_file(
        qtbot, screen, days_file(tmp_path / "again.csv", dates, cash_extra={dates[1]: "500.00"})
    )
    assert f"Already in Xero with the same figures, left alone: {short_date(dates[0])}." in words
    assert f"Xero holds other figures for {short_date(dates[1])}" in words
    assert f"It has no takings for {short_date(today)}." in words
    assert session.catch_up_list() == []  # the different day waits for the owner's re-send
    assert session.resend_preview(dates[1]).figures_changed
    from xerohelper.services.catch_up import where_it_stands

    assert where_it_stands(session.day_service(), dates[1]) is InXero.DIFFERENT


def test_the_day_screen_counts_down_while_xero_asks_to_wait(qtbot, screen, session, tmp_path):
    from xerohelper.sandbox.faults import Fault

    today = session.today()
    import_file(qtbot, screen, days_file(tmp_path / "today.csv", [today]))
    session.sandbox.app.faults.add(Fault("429", 1, path_contains="Invoices", method="PUT", retry_after=2))
    seen: list[str] = []
    screen.run_next_button.click()
    qtbot.waitUntil(lambda: screen.wait_countdown.isVisible() or not screen.busy, timeout=WAIT)
    seen.append(screen.wait_countdown.text())
    assert seen[0].startswith("Xero asked xerohelper to slow down")
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert not screen.wait_countdown.isVisible()
