"""The catch-up list's State column for the days of a week held back by one of its days (weekly summaries):
what they wait for, in plain words — not "Needs attention: Waits for…"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.ui.demo_session import demo_session
from xerohelper.core.catch_up import CatchUpRow, InXero, KeptDay
from xerohelper.ui.catch_up_dialog import CatchUpDialog

WAITS = "Waits for Wed 21 Oct 2026, which needs you first"


def test_a_held_back_day_says_what_it_waits_for_and_the_stopped_day_what_needs_attention(qtbot):
    stopped = KeptDay(
        date(2026, 10, 21), "", Decimal("365.50"), InXero.NOT_SENT, "Xero won't use account 617"
    )
    held = KeptDay(date(2026, 10, 22), "", Decimal("371.00"), InXero.NOT_SENT, waits=WAITS)
    with demo_session() as session:
        dialog = CatchUpDialog(session, [CatchUpRow(stopped), CatchUpRow(held)])
        qtbot.addWidget(dialog)
        states = [dialog.day_list.topLevelItem(i).text(2) for i in range(2)]
        assert states == ["Needs attention: Xero won't use account 617", WAITS]
