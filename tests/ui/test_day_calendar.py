"""The calendar tells the truth: seven states, each with a colour, an icon and words (legend, tooltip, what a
screen reader says for the chosen day); days already in Xero read in the background, once a month, marked
"found in Xero"; offline, a quiet note and the calendar still works. Real widgets, the demo sandbox."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control
from xerohelper.ui import look
from xerohelper.ui.day_calendar import LEGEND, NOT_READ_WORDS, DayCalendar, StatusCalendar, pydate, qdate

WAIT = 20_000
MARCH = {date(2027, 3, n + 1): status for n, status in enumerate(LEGEND)}  # Monday 1 March 2027 …


@pytest.fixture
def calendar(qtbot):
    widget = DayCalendar()
    qtbot.addWidget(widget)
    widget.resize(300, 480)
    widget.show()
    return widget


def test_seven_states_each_with_words_an_icon_and_a_colour_of_their_own(calendar):
    assert list(calendar.legend_labels) == list(DayStatus)  # every state is in the legend
    for status, label in calendar.legend_labels.items():
        assert label.isVisible() and label.accessibleName() == status.words
        assert status.title in label.text() and status.meaning in label.text()
        assert look.icon_path(look.DAY_LOOKS[status].icon).is_file()
    icons = {look.DAY_LOOKS[s].icon for s in DayStatus}
    assert len(icons) == len(DayStatus)  # never colour alone: each state has its own mark
    for dark in (False, True):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b" if dark else "#f0f0f0"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e" if dark else "#ffffff"))
        colours = {look.tone_colour(look.DAY_LOOKS[s].tone, palette).name() for s in DayStatus}
        assert len(colours) == len(DayStatus)  # and its own colour, in light and dark palettes
    assert calendar.from_xero_label.isVisible() and "found in Xero" in calendar.from_xero_label.text()


def test_each_day_says_its_state_in_words_for_the_tooltip_and_a_screen_reader(calendar):
    calendar.set_statuses(MARCH)
    calendar.calendar.setCurrentPage(2027, 3)
    assert {day: calendar.status_of(day) for day in MARCH} == MARCH
    draft = date(2027, 3, 3)
    assert calendar.describe(draft) == "Wednesday 3 March: sent as draft, waiting for approval"
    fmt = calendar.calendar.dateTextFormat(qdate(draft))
    assert fmt.toolTip() == "Wednesday 3 March: sent as draft, waiting for approval"
    assert fmt.background().color() != calendar.calendar.dateTextFormat(qdate(date(2027, 3, 5))).background()

    calendar.set_selected(date(2027, 3, 6))  # the chosen day's words are the calendar's description
    assert (
        calendar.calendar.accessibleDescription()
        == "Saturday 6 March: needs attention, something to sort out"
    )
    calendar.set_statuses({})  # gone from the journal: no state, no tooltip, the date alone
    assert (
        calendar.status_of(draft) is None and calendar.calendar.dateTextFormat(qdate(draft)).toolTip() == ""
    )
    assert calendar.calendar.accessibleDescription() == "Saturday 6 March"


@pytest.fixture
def drawn(monkeypatch):
    """The days the calendar draws (each call of paintCell), in order."""
    days: list[date] = []
    draw = StatusCalendar.paintCell

    def counting(self, painter, rect, qd):
        days.append(pydate(qd))
        draw(self, painter, rect, qd)

    monkeypatch.setattr(StatusCalendar, "paintCell", counting)
    return days


def settle(qtbot) -> None:
    """Let every pending repaint happen."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def test_a_refresh_redraws_only_the_days_whose_state_changed(qtbot, calendar, drawn):
    calendar.calendar.setCurrentPage(2027, 3)
    calendar.set_statuses(MARCH)
    qtbot.waitUntil(lambda: len(drawn) >= 42, timeout=WAIT)  # the month, drawn once
    settle(qtbot)
    drawn.clear()
    calendar.set_statuses(dict(MARCH))  # every step's answer brings the month again, mostly the same
    settle(qtbot)
    assert drawn == []
    calendar.set_statuses(MARCH, weeks={date(2027, 3, 2): "the week of 1 March"})  # a tooltip's words alone
    settle(qtbot)
    assert drawn == []
    assert "the week of 1 March" in calendar.calendar.dateTextFormat(qdate(date(2027, 3, 2))).toolTip()

    approved = {**MARCH, date(2027, 3, 3): DayStatus.APPROVED}  # one day moves on
    calendar.set_statuses(approved)
    qtbot.waitUntil(lambda: date(2027, 3, 3) in drawn, timeout=WAIT)
    settle(qtbot)
    assert 1 <= len(drawn) <= 7  # that day's cell, at most its week's row: never the month
    assert calendar.status_of(date(2027, 3, 3)) is DayStatus.APPROVED
    tooltip = calendar.calendar.dateTextFormat(qdate(date(2027, 3, 3))).toolTip()
    assert tooltip == "Wednesday 3 March: approved, not paid yet"


@pytest.fixture
def session():
    with demo_session() as opened:
        yield opened


def test_days_in_xero_are_read_in_the_background_once_a_month_and_marked(qtbot, calendar, session):
    today = session.today()
    import_demo_day(session, today)
    readers = []

    def read(month):
        readers.append(threading.current_thread())
        return session.days_in_xero(month)

    month = (today.year, today.month)
    snapshot = session.day_snapshot(today, "", month)
    calendar.set_last_day(today)
    calendar.set_selected(today)
    calendar.set_statuses(snapshot.statuses)
    calendar.read_from_xero(read)
    # the demo organisation's three days before today were sent before xerohelper was here: in Xero only
    earlier = [
        today - timedelta(days=n) for n in (1, 2, 3) if (today - timedelta(days=n)).month == today.month
    ]
    qtbot.waitUntil(lambda: not calendar._reading, timeout=WAIT)
    for day in earlier:
        assert calendar.status_of(day) is DayStatus.PAID and calendar.found_in_xero(day)
        assert calendar.describe(day).endswith("paid, done (found in Xero: not sent from this computer)")
    assert calendar.status_of(today) is DayStatus.IMPORTED and not calendar.found_in_xero(today)
    assert not calendar.xero_note.isVisible()

    days = session.day_service().days_in_xero
    for _ in range(2):  # back a month and forward again, twice
        calendar.calendar.showPreviousMonth()
        qtbot.waitUntil(lambda: not calendar._reading, timeout=WAIT)
        calendar.calendar.showNextMonth()
        qtbot.waitUntil(lambda: not calendar._reading, timeout=WAIT)
    assert days.reads == 2 and len(readers) == 2  # one read for each month shown, not per day or flip
    assert all(thread is not threading.main_thread() for thread in readers)  # never on the GUI thread


def test_offline_the_calendar_says_so_quietly_and_still_shows_what_is_known(qtbot, calendar, session):
    today = session.today()
    import_demo_day(session, today)
    session.day_service().books.pacer.backoff = (0.0,)  # no waiting between the tries in a test
    control(
        session.sandbox.base_url, "faults", {"kind": "offline", "count": 50, "path_contains": "/Invoices"}
    )
    calendar.set_statuses(session.day_snapshot(today, "", (today.year, today.month)).statuses)
    calendar.read_from_xero(lambda month: session.days_in_xero(month))
    qtbot.waitUntil(calendar.xero_note.isVisible, timeout=WAIT)
    assert calendar.xero_note.text() == NOT_READ_WORDS  # one short line: the calendar keeps its room
    why = calendar.xero_note.toolTip()  # the full words: why, for the tooltip and a screen reader
    assert why.startswith("Days sent from another computer may be missing here: ") and "503" not in why
    assert calendar.xero_note.accessibleDescription() == why
    assert calendar.status_of(today) is DayStatus.IMPORTED  # what the journal knows is still shown

    control(session.sandbox.base_url, "faults", method="DELETE")
    calendar.calendar.showPreviousMonth()
    calendar.calendar.showNextMonth()  # shown again: read again, and the note goes
    qtbot.waitUntil(lambda: not calendar._reading and not calendar.xero_note.isVisible(), timeout=WAIT)
