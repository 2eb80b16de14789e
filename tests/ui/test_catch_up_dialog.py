"""Catch-up of missed days against the demo sandbox: progress as it goes, a summary that names the day
needing attention and leads to it, and Cancel that stops before the next call to Xero."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day import SalesLine, Tender
from xerohelper.ui.catch_up_dialog import CatchUpDialog, day_words


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def missed_days(session, count: int):
    """Days before the demo's three already-posted ones, imported from the demo till."""
    today = session.today()
    dates = [today - timedelta(days=3 + n) for n in range(count, 0, -1)]
    for d in dates:
        import_demo_day(session, d)
    return dates


def open_dialog(qtbot, session, dates) -> CatchUpDialog:
    dialog = CatchUpDialog(session, dates)
    qtbot.addWidget(dialog)
    progress = []
    dialog.bar.valueChanged.connect(progress.append)
    dialog.progress_seen = progress
    dialog.show()
    return dialog


def test_sends_the_days_and_sums_up(qtbot, session):
    dates = missed_days(session, 3)
    dialog = open_dialog(qtbot, session, dates)
    assert dialog.days_label.text() == f"Sending {day_words(dates[0])} to {day_words(dates[-1])}…"
    with qtbot.waitSignal(dialog.caught_up, timeout=20000) as done:
        pass
    outcome = done.args[0]
    assert outcome.sent == dates and outcome.first_attention is None
    # The demo shop sends drafts for the owner to check.
    assert dialog.summary_label.text() == "3 days sent. 3 drafts wait for your approval in Xero."
    assert dialog.outcome.summary() == dialog.summary_label.text()
    assert dialog.heading.text() == "Caught up"
    assert len(set(dialog.progress_seen)) >= 3 and dialog.bar.value() == dialog.bar.maximum()
    assert not dialog.go_button.isVisible()
    assert dialog.cancel_button.text() == "&Close"
    days = session.day_service()
    assert all(days.checklist(d)[Step.SALES_SUMMARY].state is StepState.DONE for d in dates)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_names_the_day_that_needs_attention_and_goes_to_it(qtbot, session):
    dates = missed_days(session, 4)
    days = session.day_service()
    second = days.journal.day(days.organisation_id, dates[1])
    days.save_day(
        replace(
            second,
            sales=(*second.sales, SalesLine("Coffee", Decimal("10.00"), Decimal("1.00"))),
            tenders=(*second.tenders, Tender("Coffee card", Decimal("11.00"))),
        )
    )
    dialog = open_dialog(qtbot, session, dates)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.summary_label.text().splitlines() == [
        "1 day sent. It waits for your approval in Xero.",
        f"{day_words(dates[1])} needs attention: The sales category “Coffee” has no Xero account yet. "
        "Choose one in Shop setup. 2 later days wait until it is fixed.",
    ]
    assert dialog.outcome.summary() == " ".join(dialog.summary_label.text().splitlines())
    assert dialog.go_button.isVisible() and dialog.go_button.text() == f"&Go to {day_words(dates[1])}"
    with qtbot.waitSignal(dialog.go_to_day, timeout=1000) as went:
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert went.args == [dates[1]]
    assert dialog.result() == CatchUpDialog.DialogCode.Accepted
    assert days.checklist(dates[2])[Step.SALES_SUMMARY].state is not StepState.DONE


def test_cancel_stops_before_the_next_call_and_nothing_is_lost(qtbot, session):
    dates = missed_days(session, 3)
    session.sandbox.app.faults.latency_ms = 250
    dialog = open_dialog(qtbot, session, dates)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=10000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc while sending = Cancel, the dialog stays to say so
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    assert dialog.step_label.text() == "Stopping before the next call to Xero…"
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome.cancelled and dialog.heading.text() == "Catch-up stopped"
    assert dialog.summary_label.text().startswith("Stopped.")
    assert "catch up again when you're ready" in dialog.summary_label.text()
    # The service can run again at once (the stop is not left on), and finishes the days.
    session.sandbox.app.faults.latency_ms = 0
    checklists = session.catch_up(dates)
    assert all(c[Step.SALES_SUMMARY].state is StepState.DONE for c in checklists)
