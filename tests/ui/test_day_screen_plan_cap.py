"""The day screen warns ahead of a Xero plan's monthly cap of approved invoices, in words, against the
built-in sandbox (its demo shop put on the Starter plan's 20 a month)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from tests.ui.test_day_screen import SHOP, WAIT
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.workers import jobs_running


def test_the_day_screen_says_how_many_approvals_the_plan_has_left(qtbot):
    session = AppSession(demo=True)
    session.open()
    session.connect()
    try:
        control(session.sandbox.base_url, "organisation", {"tenant": SHOP, "approved_invoice_limit": 20,
                                                           "plan": "STARTER"})  # fmt: skip
        screen = DayScreen(session)
        qtbot.addWidget(screen)
        screen.resize(1280, 720)
        screen.show()
        qtbot.waitExposed(screen)
        screen.show_day(session.today())
        warning = screen.findChild(QLabel, "plan_warning")
        qtbot.waitUntil(lambda: warning.isVisible(), timeout=WAIT)
        assert warning.text().startswith("Your Xero plan (Starter) approves 20 sales invoices a month;")
        assert " left for " in warning.text()
        qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        session.close()


def test_no_warning_on_a_plan_without_a_cap(qtbot):
    session = AppSession(demo=True)
    session.open()
    session.connect()
    try:
        screen = DayScreen(session)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        screen.show_day(session.today())
        qtbot.waitUntil(lambda: screen.snapshot is not None and jobs_running() == 0, timeout=WAIT)
        assert not screen.findChild(QLabel, "plan_warning").isVisible()
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        session.close()
