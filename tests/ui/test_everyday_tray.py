"""Every day without remembering, in the real window against the demo sandbox: the app sits in the tray,
a till export dropped into the watched folder ends as a sent day and a notification with no click; a
broken export ends as a notification that opens its card. Offscreen Qt has no system tray: the Tray
records every notification, and this one says a tray is there (so closing keeps the app running)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from tests.services.test_export_folder import write_days
from tests.ui.demo_session import demo_session
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.closing_time import ClosingHours
from xerohelper.services.everyday_settings import EverydaySettings
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.tray import Tray


class ObservedTray(Tray):
    """The tray a desktop would have, without the desktop: notifications recorded, none shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, use_system_tray=False)

    @property
    def available(self) -> bool:
        return True


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


@pytest.fixture
def window(qtbot, session, tmp_path, monkeypatch):
    settings = EverydaySettings(session.connection.folders.settings)
    no_reminder = ClosingHours(enabled=False)  # the closing-time reminder has its own tests
    choices = replace(
        settings.choices(), watched_folder=str(tmp_path), send_automatically=True, closing=no_reminder
    )
    settings.save_choices(choices)
    monkeypatch.setattr(MainWindow, "tray_factory", ObservedTray)
    window = MainWindow(session=session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.everyday_watch is not None and window.everyday_watch.choices is not None, timeout=15000
    )
    yield window
    window.quit_app()


def kinds(window):
    return [(a.kind, a.trading_date) for a in window.everyday_watch.tray.notifications]


def test_closing_keeps_the_app_in_the_tray_and_says_so_once(qtbot, window):
    tray = window.everyday_watch.tray
    window.close()
    assert not window.isVisible()
    assert [a.title for a in tray.notifications] == ["xerohelper is still running"]
    tray.open_requested.emit()
    assert window.isVisible()
    window.close()
    assert len(tray.notifications) == 1  # said the first time only
    assert "today" in tray.state_words and "Connected to" in tray.state_words
    closed = []
    window.session.close = lambda: closed.append(True)  # the fixture's session closes it at the end
    tray.quit_requested.emit()  # Quit in the tray's menu really ends the app
    assert closed == [True] and not window.everyday_watch.timer.isActive()


def test_a_dropped_export_is_sent_from_the_tray_with_no_click(qtbot, window, session, tmp_path):
    window.close()  # in the tray
    day = session.today() - timedelta(days=4)
    write_days(tmp_path / "takings.csv", [day])
    qtbot.waitUntil(lambda: ("sent", day) in kinds(window), timeout=30000)
    assert not window.isVisible()
    assert session.day_service().checklist(day)[Step.SALES_SUMMARY].state is StepState.DONE
    sent = window.everyday_watch.tray.notifications[-1]
    assert sent.title.endswith("is in Xero") and "draft" in sent.words  # the demo shop sends drafts


def test_a_broken_export_is_a_notification_that_opens_its_card(qtbot, window, session, tmp_path):
    window.close()
    day = session.today() - timedelta(days=4)
    text = write_days(tmp_path / "takings.csv", [day]).read_text().replace("412.30", "four hundred")
    (tmp_path / "takings.csv").write_text(text)
    qtbot.waitUntil(lambda: any(k == "problem" for k, _ in kinds(window)), timeout=30000)
    problem = window.everyday_watch.tray.notifications[-1]
    window.everyday_watch.tray.click(problem)
    assert window.isVisible()
    card = window.day_screen.pos_card
    qtbot.waitUntil(lambda: card.problem_box.isVisible(), timeout=10000)
    assert "four hundred" in card.problem_label.text()
    assert session.day_service().checklist(day)[Step.SALES_SUMMARY].state is not StepState.DONE


def test_a_five_day_export_keeps_and_sends_five_days(qtbot, window, session, tmp_path):
    window.close()
    days = [session.today() - timedelta(days=n) for n in range(8, 3, -1)]
    write_days(tmp_path / "week.csv", days)
    qtbot.waitUntil(lambda: len([k for k in kinds(window) if k[0] == "sent"]) == 5, timeout=60000)
    assert [d for k, d in kinds(window) if k == "sent"] == days


def test_reconnect_while_in_the_tray_is_a_notification_that_opens_the_reconnect_page(qtbot, window):
    from xerohelper.core.connection import ReconnectReason

    window.close()
    reason = next(iter(ReconnectReason))
    window.show_reconnect(reason)
    window.show_reconnect(reason)  # said once
    reconnects = [a for a in window.everyday_watch.tray.notifications if a.kind == "reconnect"]
    assert len(reconnects) == 1
    window.everyday_watch.tray.click(reconnects[0])
    assert window.isVisible() and window.pages.currentWidget() is window.reconnect_page


def test_work_from_the_tray_that_fails_is_a_notification_in_words_not_only_a_log_line(qtbot, window):
    from xerohelper.core.connection import XeroUnreachable

    tray = window.everyday_watch.tray
    before = len(tray.notifications)
    window.everyday_watch._failed(XeroUnreachable("no route to host"))  # what Send today's worker hands back
    (said,) = tray.notifications[before:]
    assert said.kind == "needs you"
    assert "couldn't reach Xero" in said.title and "nothing was sent" in said.words
    assert said.card is not None and said.card.steps  # the card, with how to fix it, goes with it


def test_two_tills_one_sent_the_reminder_names_the_other_and_send_today_sends_only_it(
    qtbot, session, tmp_path, monkeypatch
):
    """Back's day is in Xero, Front's isn't: after closing, the reminder names Front and opens Front's day
    (not the first till's, Back); the tray's Send today sends Front's day only (no second one for Back)."""
    from datetime import time

    from tests.services.test_everyday_tills import two_tills_one_sent
    from xerohelper.sandbox.testing import control

    today = two_tills_one_sent(session, approve=True)
    settings = EverydaySettings(session.connection.folders.settings)
    closed_at_midnight = tuple(time(0, 0) if n == today.weekday() else None for n in range(7))
    settings.save_choices(
        replace(settings.choices(), watched_folder=str(tmp_path), closing=ClosingHours(closed_at_midnight))
    )
    monkeypatch.setattr(MainWindow, "tray_factory", ObservedTray)
    window = MainWindow(session=session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.everyday_watch is not None and bool(window.everyday_watch.tray.notifications),
        timeout=15000,
    )
    tray = window.everyday_watch.tray
    try:
        (reminder,) = [a for a in tray.notifications if a.kind == "reminder"]
        assert "at the till “Front” aren't in Xero yet" in reminder.words
        assert tray.state_words.endswith("today isn't in Xero yet at the till “Front”")
        window.close()
        tray.click(reminder)
        assert window.isVisible() and window.day_screen.location == "Front"
        assert window.day_screen.trading_date == today

        control(session.sandbox.base_url, "requests", method="DELETE")
        tray.send_today_requested.emit()
        qtbot.waitUntil(lambda: tray.state_words.endswith("today is in Xero"), timeout=30000)
        writes = {
            k: n for k, n in control(session.sandbox.base_url, "requests")["by_endpoint"].items()
            if not k.startswith("GET ")
        }  # fmt: skip
        assert writes == {"PUT /api.xro/2.0/invoices": 1, "PUT /api.xro/2.0/payments": 1}  # Front's, once
    finally:
        window.quit_app()
