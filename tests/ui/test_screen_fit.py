"""Every window fits the screen it opens on, 1024×600 included (Save stays visible, the content scrolls),
and no two controls of a window answer the same Alt+letter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

from tests.ui.accessibility import window_mnemonics
from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.ui import look
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.z_report_dialog import ZReportDialog

SMALL = QRect(0, 0, 1024, 600)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(look, "available_rect", lambda widget: SMALL)


def fits(widget: QWidget) -> bool:
    return widget.width() <= SMALL.width() and widget.height() + look.WINDOW_FRAME.height() <= SMALL.height()


def inside(child: QWidget, window: QWidget) -> bool:
    top_left = child.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, child.size()))


def test_a_window_is_never_bigger_than_the_free_part_of_the_screen():
    assert look.fitted_size(QSize(1100, 720), SMALL) == QSize(1008, 560)
    assert look.fitted_size(QSize(780, 620), SMALL) == QSize(780, 560)
    assert look.fitted_size(QSize(700, 400), QRect(0, 0, 1366, 768)) == QSize(700, 400)


def test_the_z_report_fits_a_small_screen_with_save_in_view(qtbot, small_screen):
    day = date(2026, 11, 21)
    dialog = ZReportDialog(day, ("Hardware", "Paint"), ("Cash", "EFTPOS"), today=day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert fits(dialog)
    assert dialog.save_button.isVisible() and inside(dialog.save_button, dialog)


def test_the_main_window_fits_a_small_screen(qtbot, small_screen):
    window = MainWindow(open_session=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert fits(window)


def test_no_two_controls_of_the_day_window_share_an_alt_letter(qtbot, small_screen):
    with demo_session() as session:
        import_demo_day(session, session.today())  # the day's steps are offered: "Send" among them
        window = MainWindow(session=session, open_session=False)
        qtbot.addWidget(window)
        window.show()
        window.show_day_screen()
        qtbot.waitUntil(lambda: window.day_screen.snapshot is not None, timeout=10_000)
        found = window_mnemonics(window)
        letters = [letter for letter, _ in found]
        clashes = sorted({text for letter, text in found if letters.count(letter) > 1})
        assert ("n", "Se&nd the sales summary") in found
        assert not clashes, clashes


def test_after_reconnect_the_owner_is_back_on_their_day_and_the_header_agrees(qtbot):
    with demo_session() as session:
        window = MainWindow(session=session, open_session=False)
        qtbot.addWidget(window)
        window.show()
        earlier = session.today().replace(day=1) if session.today().day > 1 else session.today()
        window.show_day(earlier)
        qtbot.waitUntil(lambda: window.day_screen.snapshot is not None, timeout=10_000)
        window.show_reconnect(None)
        assert window.pages.currentWidget() is window.reconnect_page
        window._reconnected(session.organisation())
        assert window.pages.currentWidget() is window.day_screen
        assert window.day_screen.trading_date == earlier
        assert session.organisation().name in window.connection_label.text()
        assert session.organisation().name in window.windowTitle()
        qtbot.waitUntil(lambda: window.day_screen.snapshot.trading_date == earlier, timeout=10_000)


def test_typing_digits_into_the_calendar_never_jumps_to_another_year(qtbot):
    from xerohelper.ui.day_calendar import DayCalendar

    calendar = DayCalendar()
    qtbot.addWidget(calendar)
    calendar.show()
    calendar.set_selected(date(2026, 11, 21))
    view = calendar.calendar.findChild(QWidget, "qt_calendar_calendarview")
    view.setFocus()
    qtbot.keyClicks(view, "1206")
    qtbot.keyClick(view, "\r")
    assert calendar.selected().year == 2026


def test_the_calendar_shows_where_the_keyboard_is(qtbot):
    from xerohelper.ui.day_calendar import DayCalendar

    calendar = DayCalendar()
    qtbot.addWidget(calendar)
    calendar.show()
    view = calendar.calendar.findChild(QWidget, "qt_calendar_calendarview")
    calendar.set_selected(date(2026, 11, 21))
    assert not has_a_ring(view)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert has_a_ring(view)  # round the chosen day


def has_a_ring(view: QWidget) -> bool:
    """A straight line of text colour at least 20 px long: a ring's edge (no digit draws one)."""
    image = view.grab().toImage()
    ink = view.palette().color(view.foregroundRole())
    for y in range(image.height()):
        run = 0
        for x in range(image.width()):
            run = run + 1 if image.pixelColor(x, y) == ink else 0
            if run >= 20:
                return True
    return False
