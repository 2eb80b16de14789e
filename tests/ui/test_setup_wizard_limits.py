"""The wizard's Shop setup page when Xero's daily limit stops the read of the accounts: nothing is being
sent, so the page says to press Try again tomorrow — not the day's words ("xerohelper sends the rest by
itself tomorrow")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.test_demo_journey import WAIT
from xerohelper.sandbox.testing import control
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.setup_wizard import SETUP


def test_the_daily_limit_while_reading_the_accounts_says_to_try_again_tomorrow(qtbot):
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete(), timeout=WAIT)
    session = window.session
    control(
        session.sandbox.base_url,
        "faults",
        {"tenant": "Harbour Street Hardware", "kind": "429-day", "count": 1, "path_contains": "Accounts"},
    )
    with pytest.raises(Exception) as refused:  # Xero's real answer, through the real SDK
        session.organisation_setup(fresh=True)
    window._setup_failed(refused.value)  # what the wizard's background read hands back on failure
    page = wizard.setup_page
    words = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())
    assert "daily limit" in words
    assert "Press Try again tomorrow" in words and "accounts and tax rates" in words
    assert "sends the rest" not in words and "429" not in words
