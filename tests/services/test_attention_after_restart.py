"""A day that needs attention still does after the app is closed and opened again, with the same card —
also when the problem was only predicted (nothing sent to Xero). The demo sandbox, the real SDK, the
journal in the data folder; two sessions one after the other, as two starts of the app."""

from __future__ import annotations

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control


def snapshot_of(session, day):
    return session.day_snapshot(day, "", (day.year, day.month))


def test_a_predicted_refusal_still_needs_attention_after_a_restart(tmp_path):
    with demo_session() as session:
        today = session.today()
        import_demo_day(session, today)
        control(session.sandbox.base_url, "contacts/archive", {"contact": "POS Sales"})
        checklist = session.run_next_step(today)
        before = checklist[Step.SALES_SUMMARY]
        assert before.state is StepState.NEEDS_ATTENTION and before.attention.predicted
        assert snapshot_of(session, today).statuses[today] is DayStatus.NEEDS_ATTENTION
        attempts = session.day_service().journal.attempts(session.day_service().organisation_id, today)
        assert attempts == []  # predicted: nothing went to Xero, so no failed attempt to find it by

    with demo_session() as session:  # the app opened again on the same data folder
        snapshot = snapshot_of(session, today)
        assert snapshot.statuses[today] is DayStatus.NEEDS_ATTENTION
        after = snapshot.checklist[Step.SALES_SUMMARY]
        assert after.state is StepState.NEEDS_ATTENTION
        assert after.attention == before.attention  # the same explanation, word for word
        assert session.history()[0].status_words == f"Needs attention: {before.attention.title}"

        control(session.sandbox.base_url, "contacts/restore", {"contact": "POS Sales"})
        assert session.run_next_step(today)[Step.SALES_SUMMARY].state is StepState.DONE
        days = session.day_service()
        assert days.journal.problems(days.organisation_id, today) == {}  # sent: the problem is gone
        assert snapshot_of(session, today).statuses[today] is DayStatus.SENT_AS_DRAFT


def test_an_undecided_till_difference_needs_attention_after_a_restart(tmp_path):
    from dataclasses import replace
    from decimal import Decimal

    with demo_session() as session:
        today = session.today()
        day = import_demo_day(session, today)
        short = replace(
            day,
            tenders=(replace(day.tenders[0], amount=day.tenders[0].amount - Decimal("5")), *day.tenders[1:]),
        )
        session.save_day(short)
        assert snapshot_of(session, today).statuses[today] is DayStatus.NEEDS_ATTENTION

    with demo_session() as session:
        assert snapshot_of(session, today).statuses[today] is DayStatus.NEEDS_ATTENTION
        session.accept_difference(today)
        assert snapshot_of(session, today).statuses[today] is DayStatus.IMPORTED
