"""History: the journal's days newest first, in words, loaded in the background; a day opens on
double-click or Enter."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.dates import short_date
from xerohelper.core.day_status import DayStatus
from xerohelper.services.day_history import day_history
from xerohelper.ui.history_view import COLUMNS, HistoryView


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def shown(qtbot, session) -> HistoryView:
    view = HistoryView(session)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitUntil(lambda: view.pages.currentWidget() is not view.busy, timeout=10000)
    return view


def cell(view, row, column) -> str:
    return view.table.item(row, column).text()


def test_days_newest_first_in_words(qtbot, session):
    today = session.today()
    paid, waiting, taken = today - timedelta(days=5), today - timedelta(days=4), today - timedelta(days=1)
    for d in (paid, waiting, taken):
        import_demo_day(session, d)
    days = session.day_service()
    assert days.run_day(paid, approve=True).is_finished
    days.run_day(taken)  # the demo's Xero already has an invoice with that number (another total)

    view = shown(qtbot, session)
    assert [view.table.horizontalHeaderItem(c).text() for c in range(len(COLUMNS))] == list(COLUMNS)
    assert [cell(view, r, 0) for r in range(3)] == [short_date(taken), short_date(waiting), short_date(paid)]
    assert [r.state for r in view.rows] == [DayStatus.NEEDS_ATTENTION, DayStatus.IMPORTED, DayStatus.PAID]
    assert cell(view, 0, 3).startswith("Needs attention: Invoice number POS-")
    assert cell(view, 1, 1) == "—" and cell(view, 1, 3) == "Imported: figures in, not sent to Xero yet"
    assert cell(view, 2, 1) == f"POS-{paid:%Y%m%d}" and cell(view, 2, 3) == "Paid: done"
    assert cell(view, 2, 2) == "$2,240.40"
    assert "Cash $412.30" in cell(view, 2, 4) and "EFTPOS $1,565.60" in cell(view, 2, 4)
    # the payments are shown in full: one tender a line, the row tall enough and the column wide enough
    lines = cell(view, 2, 4).splitlines()
    metrics = view.table.fontMetrics()
    assert len(lines) == len(view.rows[2].payments) > 1
    assert view.table.rowHeight(2) >= metrics.height() * len(lines)
    assert view.table.columnWidth(4) >= max(metrics.horizontalAdvance(line) for line in lines)
    assert not view.table.item(0, 3).icon().isNull()
    assert day_history(days)[2].payments == view.rows[2].payments
    view.resize(840, 500)  # narrower: the payments column and its heading stay whole, the states wrap
    QApplication.processEvents()
    header = view.table.horizontalHeader()
    assert header.sectionSize(4) >= header.fontMetrics().horizontalAdvance(COLUMNS[4])
    assert view.table.columnWidth(4) >= max(metrics.horizontalAdvance(line) for line in lines)


def test_double_click_or_enter_opens_the_day(qtbot, session):
    today = session.today()
    first, second = today - timedelta(days=6), today - timedelta(days=5)
    for d in (first, second):
        import_demo_day(session, d)
    view = shown(qtbot, session)
    qtbot.waitExposed(view.table)
    where = view.table.visualItemRect(view.table.item(1, 2)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(view.go_to_day, timeout=1000) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [first]
    view.table.setCurrentCell(0, 0)
    with qtbot.waitSignal(view.go_to_day, timeout=1000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [second]


def test_no_days_yet_says_so_and_refresh_finds_new_ones(qtbot, session):
    view = shown(qtbot, session)
    assert view.pages.currentWidget() is view.empty and "No days yet" in view.empty.text()
    import_demo_day(session, session.today())
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert view.pages.currentWidget() is view.table


def test_a_failure_is_explained_with_try_again(qtbot, session):
    session.connection.disconnect()
    view = HistoryView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.busy.card.isVisible(), timeout=10000)
    assert "couldn't read your days" in view.busy.words.text()
    assert view.refresh_button.isEnabled()
