"""A real demo session for the UI tests: the built-in Xero sandbox with Harbour Street Hardware, signed in
(blocking is fine in a test's set-up), closed at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from xerohelper.services.app_session import AppSession


@contextmanager
def demo_session() -> Iterator[AppSession]:
    session = AppSession(demo=True)
    session.open()
    try:
        session.connect()
        yield session
    finally:
        _wait_for_background_work()
        session.close()


def _wait_for_background_work() -> None:
    """Background work may still be letting go of the journal after it reported back: closing the journal
    under it crashes SQLite, so the session closes only when the thread pool is idle (as the app must)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)


def import_demo_day(session: AppSession, trading_date: date):
    """The demo till's day for `trading_date`, imported through the real importer and kept in the journal."""
    outcome = session.import_file(session.demo_day_file(trading_date))
    assert outcome.ok, outcome.message()
    days = session.day_service()
    for day in outcome.days:
        days.save_day(day)
    return outcome.days[0]
