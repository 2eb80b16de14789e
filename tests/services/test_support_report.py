"""The support report after a real day against the demo sandbox: everything support needs, and no token,
e-mail address or till line in it — even when an old log file holds them in the clear."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper import __version__
from xerohelper.adapters.logs import LOG_FILE_NAME, start_logging
from xerohelper.core.checklist import Step, StepState
from xerohelper.sandbox.testing import control
from xerohelper.services.support_report import (
    build_support_report,
    default_report_path,
    report_file_name,
    save_support_report,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


@pytest.fixture
def logged_session():
    """A connected demo session whose log file is written, as in the app."""
    with demo_session() as session:
        start_logging(session.folders.logs, logging.DEBUG)
        try:
            yield session
        finally:
            root = logging.getLogger("xerohelper")
            for handler in [h for h in root.handlers if getattr(h, "_xerohelper", False)]:
                root.removeHandler(handler)
                handler.close()


def issued_tokens(session) -> set[str]:
    world = session.sandbox.world
    with world.lock:
        return set(world.access_tokens) | set(world.refresh_tokens)


def test_a_report_after_a_real_day_has_what_support_needs_and_no_secrets(logged_session):
    session = logged_session
    days = session.day_service()
    today = session.today()
    day = import_demo_day(session, today)
    days.run_day(today, approve=False)
    days.run_next_step(today)  # approve
    # Changed in Xero after the set-up was read: Xero itself refuses the Amex payment, in its own words.
    control(session.sandbox.base_url, "accounts/disable-payments", {"code": "616"})
    checklist = days.run_next_step(today)
    assert checklist[Step.PAYMENTS].state is StepState.NEEDS_ATTENTION
    xero_words = checklist[Step.PAYMENTS].attention.xero_messages
    assert xero_words

    tokens = issued_tokens(session)
    assert tokens
    log_file = session.folders.logs / LOG_FILE_NAME
    with log_file.open("a", encoding="utf-8") as old_log:  # as if an older version had logged them
        for token in tokens:
            old_log.write(f"2026-11-01 old line Authorization: Bearer {token}\n")
            old_log.write(f"2026-11-01 old line refresh_token={token}&grant_type=refresh_token\n")
            old_log.write(f"2026-11-01 old line token {token} seen\n")
        old_log.write("2026-11-01 old line mail from owner.name+shop@example.com.au\n")

    report = build_support_report(session, toolkit="PySide6 6.x, Qt 6.x")

    for token in tokens:
        assert token not in report
        assert token[:24] not in report
    assert not EMAIL.search(report), EMAIL.search(report)
    assert f"xerohelper: {__version__}" in report and "Window toolkit: PySide6 6.x, Qt 6.x" in report
    assert "State: connected" in report and "Organisation: Harbour Street Hardware" in report
    assert '"customer_contact": "POS Sales"' in report and '"Amex": {' in report
    number = f"POS-{today:%Y%m%d}"
    assert number in report
    assert "Payment tenders: needs attention" in report
    assert "xerohelper: details for support" in report  # the card's support text
    assert all(words in report for words in xero_words)  # Xero's own messages
    assert "old line" in report and report.count("[hidden]") >= 3 * len(tokens)
    # No till lines: the categories' takings are not in the report.
    assert [f"{line.net:.2f}" for line in day.sales if f"{line.net:.2f}" in report] == []
    log_part = report.split("== Log (the last 300 lines) ==")[1]
    assert 0 < len(log_part.strip().splitlines()) <= 300


def test_saved_where_the_owner_finds_it(tmp_path, logged_session):
    now = datetime(2026, 11, 22, 9, 31)
    assert report_file_name(now) == "xerohelper-support-20261122-0931.txt"
    home = tmp_path / "someone"
    home.mkdir()
    assert default_report_path(now, home) == home / "xerohelper-support-20261122-0931.txt"
    (home / "Desktop").mkdir()
    path = default_report_path(now, home)
    assert path == home / "Desktop" / "xerohelper-support-20261122-0931.txt"
    text = build_support_report(logged_session)
    assert save_support_report(text, path).read_text(encoding="utf-8") == text


def test_a_report_without_a_connection_still_says_what_it_can():
    with demo_session() as session:
        session.connection.disconnect()
        report = build_support_report(session)
    assert "State: not connected" in report
    assert "== The last 7 days ==\n(not available: xerohelper is not connected to Xero yet.)" in report
    assert Path  # the report was built without raising
