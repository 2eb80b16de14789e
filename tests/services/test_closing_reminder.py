"""The closing-time reminder against the demo's journal: once per day not in Xero, never on a closed day."""

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.closing_time import ClosingHours
from xerohelper.services.closing_reminder import ClosingReminder
from xerohelper.services.everyday_settings import EverydaySettings


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def reminder(session, closes):
    settings = EverydaySettings(session.connection.folders.settings)
    settings.save_choices(
        replace(settings.choices(), closing=ClosingHours(closes, grace=timedelta(minutes=30)))
    )
    return ClosingReminder(session, settings)


def test_a_day_not_in_xero_is_reminded_once_after_closing(session):
    today = session.today()
    every_day = tuple(time(17, 0) if n == today.weekday() else None for n in range(7))  # open today only
    before = datetime.combine(today, time(17, 29))
    after = datetime.combine(today, time(17, 30))
    assert reminder(session, every_day).due(before) == []
    alerts = reminder(session, every_day).due(after)
    assert [(a.kind, a.trading_date) for a in alerts] == [("reminder", today)]
    assert alerts[0].words.startswith("Today's takings aren't in Xero yet")
    assert reminder(session, every_day).due(after + timedelta(hours=2)) == []  # said once, kept in settings


def test_a_day_sent_to_xero_is_not_reminded(session):
    today = session.today()
    import_demo_day(session, today)
    session.catch_up([today])
    open_today = tuple(time(17, 0) if n == today.weekday() else None for n in range(7))
    assert reminder(session, open_today).due(datetime.combine(today, time(23, 0))) == []


def test_no_nagging_on_a_closed_day(session):
    today = session.today()
    closed_today_and_yesterday = tuple(
        None if n in (today.weekday(), (today.weekday() - 1) % 7) else time(17, 0) for n in range(7)
    )
    late = datetime.combine(today, time(23, 0))
    assert reminder(session, closed_today_and_yesterday).due(late) == []
    tomorrow = today + timedelta(days=1)
    assert reminder(session, closed_today_and_yesterday).next_check(late) == datetime.combine(
        tomorrow, time(17, 30)
    )
