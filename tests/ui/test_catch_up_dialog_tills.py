"""The catch-up dialog for a shop with two tills (real widgets, the demo sandbox): each till's days listed
with the till's name, sent in one go till by till, each till-day's outcome shown; one till's refusal
leaves the other till's days to go in."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.demo_session import demo_session
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.ui.catch_up_dialog import CatchUpDialog, day_words

TILLS = {"Front": "Till 1", "Back": "Till 2"}


@pytest.fixture
def session():
    with demo_session() as session:
        session.save_mapping(replace(DEMO_MAPPING, tracking=Tracking("Till", TILLS)))
        yield session


def missed_days_at_two_tills(session, count: int = 3):
    today = session.today()
    dates = [today - timedelta(days=3 + n) for n in range(count, 0, -1)]
    days = session.day_service()
    for d in dates:
        outcome = session.import_file(session.demo_day_file(d))
        assert outcome.ok, outcome.message()
        day = outcome.days[0]
        for till in TILLS:
            days.save_day(replace(day, location=till))
    return dates


def open_dialog(qtbot, session) -> CatchUpDialog:
    rows = session.catch_up_list()
    dialog = CatchUpDialog(session, rows)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: CatchUpDialog, index: int) -> list[str]:
    return [dialog.day_list.topLevelItem(i).text(index) for i in range(dialog.day_list.topLevelItemCount())]


def test_each_tills_days_are_listed_with_its_name_and_sent_in_one_go(qtbot, session):
    dates = missed_days_at_two_tills(session)
    dialog = open_dialog(qtbot, session)
    assert dialog.heading.text() == "6 days not in Xero yet, at 2 tills"
    assert column(dialog, 1) == ["Back"] * 3 + ["Front"] * 3
    assert column(dialog, 0) == [day_words(d) for d in dates] * 2
    assert dialog.send_button.text() == "&Send 6 days to Xero"
    dialog.set_ticked(4, False)  # the front till's second day waits
    with qtbot.waitSignal(dialog.caught_up, timeout=30000) as done:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert column(dialog, 3) == ["Sent as a draft"] * 4 + ["Not ticked: left for later", "Sent as a draft"]
    assert outcome.locations == ["Back"] * 3 + ["Front"] * 2
    assert dialog.summary_label.text().splitlines() == [
        "5 days sent. 5 drafts wait for your approval in Xero.",
        f"Not ticked, left for the next catch-up: {day_words(dates[1])} (Front).",
    ]
    state = control(session.sandbox.base_url, "state")
    ledger = next(
        o
        for o in state["world"]["organisations"].values()
        if o["organisation"]["name"] == "Harbour Street Hardware"
    )
    numbers = sorted(i["invoice_number"] for i in ledger["invoices"].values() if i["status"] != "DELETED")
    for d in dates:
        assert f"POS-{d:%Y%m%d}-BACK" in numbers
    assert f"POS-{dates[1]:%Y%m%d}-FRONT" not in numbers and f"POS-{dates[2]:%Y%m%d}-FRONT" in numbers


def test_one_tills_archived_option_stops_only_that_till_and_goes_to_its_day(qtbot, session):
    dates = missed_days_at_two_tills(session, 2)
    control(
        session.sandbox.base_url,
        "tracking/archive",
        {"tenant": "Harbour Street Hardware", "category": "Till", "option": "Till 2"},
    )
    dialog = open_dialog(qtbot, session)
    with qtbot.waitSignal(dialog.caught_up, timeout=30000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    states = column(dialog, 3)
    assert states[0] == "Needs attention: The tracking option “Till 2” was archived in Xero"
    assert states[1:] == [
        f"Waits until {day_words(dates[0])} (Back) is fixed",
        "Sent as a draft",
        "Sent as a draft",
    ]
    assert dialog.heading.text() == "Catch-up needs you"
    assert dialog.summary_label.text().splitlines() == [
        "2 days sent. 2 drafts wait for your approval in Xero.",
        f"{day_words(dates[0])} (Back) needs attention: The tracking option “Till 2” was archived in Xero. "
        "1 later day waits until it is fixed.",
    ]
    assert dialog.go_button.text() == f"&Go to {day_words(dates[0])} (Back)"
    with qtbot.waitSignal(dialog.go_to_till_day, timeout=1000) as went:
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert went.args == [dates[0], "Back"]


def test_a_problem_of_the_whole_organisation_stops_every_till(qtbot, session):
    dates = missed_days_at_two_tills(session, 2)
    control(
        session.sandbox.base_url,
        "lock-dates",
        {"tenant": "Harbour Street Hardware", "period_lock_date": dates[-1].isoformat()},
    )
    session.day_service().forget_setup()
    dialog = open_dialog(qtbot, session)
    with qtbot.waitSignal(dialog.caught_up, timeout=30000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    states = column(dialog, 3)
    first = f"{day_words(dates[0])} (Back)"
    assert states[0].startswith("Needs attention")
    assert states[1:] == [f"Waits until {first} is fixed"] * 3  # the front till's days too: nothing sent
    assert dialog.outcome.sent == []


def test_go_to_opens_the_day_screen_at_that_tills_day(qtbot):
    from tests.ui.test_demo_journey import WAIT, open_demo_to_the_day

    window = open_demo_to_the_day(qtbot)
    session = window.session
    session.save_mapping(replace(DEMO_MAPPING, tracking=Tracking("Till", TILLS)))
    dates = missed_days_at_two_tills(session, 2)
    control(
        session.sandbox.base_url,
        "tracking/archive",
        {"tenant": "Harbour Street Hardware", "category": "Till", "option": "Till 1"},
    )
    window.catch_up()
    qtbot.waitUntil(lambda: window.findChild(CatchUpDialog) is not None, timeout=WAIT)
    dialog = window.findChild(CatchUpDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    with qtbot.waitSignal(dialog.caught_up, timeout=30000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.go_button.text() == f"&Go to {day_words(dates[0])} (Front)"  # the back till went in
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    screen = window.day_screen
    qtbot.waitUntil(
        lambda: (
            screen.snapshot is not None
            and screen.snapshot.trading_date == dates[0]
            and screen.snapshot.location == "Front"
        ),
        timeout=WAIT,
    )
    assert screen.till_picker.currentText() == "Front"
    window.close()
