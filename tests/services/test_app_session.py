"""The window's one door to the services (AppSession), against the demo sandbox: answers in our own types,
and progress and cancel that belong to the one call that was given them."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.adapters.xero_pacing import Cancelled
from xerohelper.core.checklist import InvoiceFacts, Step, StepState
from xerohelper.core.day import Day
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def sent(session, d) -> bool:
    return session.checklist(d)[Step.SALES_SUMMARY].state is StepState.DONE


def test_a_day_snapshot_is_made_of_our_own_types(session):
    today = session.today()
    import_demo_day(session, today)
    session.run_next_step(today)  # the sales summary, as a draft
    snapshot = session.day_snapshot(today, "", (today.year, today.month))
    assert isinstance(snapshot.day, Day) and isinstance(snapshot.invoice, InvoiceFacts)
    assert snapshot.checklist[Step.SALES_SUMMARY].state is StepState.DONE
    assert snapshot.invoice.status == "DRAFT" and snapshot.draft_link is not None
    assert snapshot.posting == 1 and not snapshot.figures_changed
    assert snapshot.statuses[today] is DayStatus.SENT_AS_DRAFT  # the draft waits for approval
    assert snapshot.organisation_name == "Harbour Street Hardware"
    assert not [
        name
        for name, value in vars(snapshot).items()
        if type(value).__module__.startswith(("xerohelper.adapters", "xero_python"))
    ]


def test_progress_goes_to_the_call_that_asked_for_it(session):
    today = session.today()
    import_demo_day(session, today)
    heard: list[str] = []
    session.run_next_step(today, progress=heard.append)
    assert any("sales summary" in words.lower() or "Sending" in words for words in heard), heard
    before = list(heard)
    session.run_next_step(today)  # approve: no listener given, so nothing more reaches the first one
    assert heard == before
    assert session.checklist(today)[Step.APPROVE].state is StepState.DONE


def test_a_cancelled_catch_up_sends_nothing_and_the_next_one_runs(session):
    today = session.today()
    dates = [today - timedelta(days=5), today - timedelta(days=4)]
    for d in dates:
        import_demo_day(session, d)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        session.catch_up(dates, cancel=cancel)
    assert not any(sent(session, d) for d in dates)
    checklists = session.catch_up(dates)  # its own cancel, not set: the stop was the first call's only
    assert all(c[Step.SALES_SUMMARY].state is StepState.DONE for c in checklists)


def test_closing_stops_the_work_under_way_before_its_next_call(session):
    today = session.today()
    dates = [today - timedelta(days=n) for n in (8, 7, 6, 5)]
    for d in dates:
        import_demo_day(session, d)
    control(session.sandbox.base_url, "latency", {"ms": 300})
    heard = threading.Event()
    ended: list[BaseException | None] = []

    def catch_up():
        try:
            session.catch_up(dates, progress=lambda words: heard.set())
            ended.append(None)
        except BaseException as error:
            ended.append(error)

    worker = threading.Thread(target=catch_up)
    worker.start()
    assert heard.wait(10)
    session.stop_waiting()  # the window is closing
    worker.join(20)
    assert not worker.is_alive() and isinstance(ended[0], Cancelled)
    with pytest.raises(Cancelled):  # and work asked for after that doesn't start
        session.run_next_step(dates[-1])


def test_skipping_a_step_skips_the_ones_after_it_and_unskipping_puts_them_back(session):
    today = session.today()
    import_demo_day(session, today)
    checklist = session.skip(today, Step.APPROVE, "  I approve in Xero myself ")
    assert [checklist[s].state for s in (Step.APPROVE, Step.PAYMENTS)] == [StepState.SKIPPED] * 2
    assert checklist[Step.SALES_SUMMARY].state is StepState.READY
    checklist = session.unskip(today, Step.APPROVE)
    assert StepState.SKIPPED not in [checklist[s].state for s in Step]


def test_the_till_names_and_the_history_come_from_the_journal(session):
    today = session.today()
    day = import_demo_day(session, today)
    seen = session.till_names_seen()
    assert set(seen.categories) >= {line.category for line in day.sales}
    assert set(seen.tenders) >= {t.name for t in day.tenders}
    rows = session.history()
    assert rows[0].trading_date == today and rows[0].state is DayStatus.IMPORTED
