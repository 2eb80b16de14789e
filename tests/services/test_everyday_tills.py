"""The tray's "Send today" and its words for a shop with two tills (the demo sandbox, the real SDK):
today's day at each till goes in, and the tray's words are about all of them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.ui.demo_session import demo_session
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.demo_shop import DEMO_MAPPING


def test_send_today_sends_each_tills_day_and_the_words_cover_every_till():
    with demo_session() as session:
        session.save_mapping(
            replace(
                DEMO_MAPPING,
                approve_automatically=True,
                tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}),
            )
        )
        day = session.import_file(session.demo_day_file(session.today())).days[0]
        days = session.day_service()
        for till in ("Front", "Back"):
            days.save_day(replace(day, location=till))
        everyday = session.everyday()
        assert everyday.today_words() == "today isn't in Xero yet"

        checklists = everyday.send_today()
        assert len(checklists) == 2 and all(c.is_finished for c in checklists)
        assert everyday.today_words() == "today is in Xero"
        state = control(session.sandbox.base_url, "state")
        ledger = next(
            o for o in state["world"]["organisations"].values()
            if o["organisation"]["name"] == "Harbour Street Hardware"
        )  # fmt: skip
        numbers = {i["invoice_number"] for i in ledger["invoices"].values() if i["status"] == "PAID"}
        assert {f"POS-{session.today():%Y%m%d}-{t}" for t in ("FRONT", "BACK")} <= numbers


@pytest.mark.parametrize(("sent", "reminded"), [(["Front"], True), (["Front", "Back"], False)])
def test_the_closing_reminder_counts_the_day_in_xero_only_when_every_till_is(sent, reminded):
    from datetime import datetime, time, timedelta

    from xerohelper.core.closing_time import ClosingHours
    from xerohelper.services.closing_reminder import ClosingReminder
    from xerohelper.services.everyday_settings import EverydaySettings

    with demo_session() as session:
        session.save_mapping(
            replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}))
        )
        today = session.today()
        day = session.import_file(session.demo_day_file(today)).days[0]
        days = session.day_service()
        for till in ("Front", "Back"):
            days.save_day(replace(day, location=till))
        for till in sent:
            session.catch_up([today], till)
        settings = EverydaySettings(session.connection.folders.settings)
        open_today = tuple(time(17, 0) if n == today.weekday() else None for n in range(7))
        settings.save_choices(replace(settings.choices(), closing=ClosingHours(open_today, timedelta(0))))
        due = ClosingReminder(session, settings).due(datetime.combine(today, time(23, 0)))
        assert [a.trading_date for a in due] == ([today] if reminded else [])
        if reminded:  # it names the till whose day isn't in Xero, and opens the day at it
            (alert,) = due
            assert alert.title.endswith("at the till “Back” isn't in Xero") and alert.location == "Back"
            assert alert.words == (
                "Today's takings at the till “Back” aren't in Xero yet. Click to open the day and send it."
            )


def two_tills_one_sent(session, approve: bool = True):
    """Today kept at Front and Back; Back's day already sent to Xero, Front's not."""
    session.save_mapping(
        replace(
            DEMO_MAPPING,
            approve_automatically=approve,
            tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}),
        )
    )
    today = session.today()
    day = session.import_file(session.demo_day_file(today)).days[0]
    days = session.day_service()
    for till in ("Front", "Back"):
        days.save_day(replace(day, location=till))
    (back,) = session.catch_up([today], "Back")
    assert back.is_finished
    return today


def _invoices(session) -> list[dict]:
    state = control(session.sandbox.base_url, "state")
    ledger = next(
        o for o in state["world"]["organisations"].values()
        if o["organisation"]["name"] == "Harbour Street Hardware"
    )  # fmt: skip
    return [i for i in ledger["invoices"].values() if i["status"] != "DELETED"]


def test_send_today_with_one_till_already_sent_sends_only_the_other_once():
    with demo_session() as session:
        today = two_tills_one_sent(session)
        everyday = session.everyday()
        assert everyday.today_words() == "today isn't in Xero yet at the till “Front”"
        control(session.sandbox.base_url, "requests", method="DELETE")

        checklists = everyday.send_today()
        assert [c.is_finished for c in checklists] == [True]  # Front's day only: Back's was in Xero
        calls = control(session.sandbox.base_url, "requests")["by_endpoint"]
        writes = {k: n for k, n in calls.items() if not k.startswith("GET ")}
        assert writes == {"PUT /api.xro/2.0/invoices": 1, "PUT /api.xro/2.0/payments": 1}  # Front's, once
        numbers = [i["invoice_number"] for i in _invoices(session)]
        for till in ("FRONT", "BACK"):
            assert numbers.count(f"POS-{today:%Y%m%d}-{till}") == 1  # 0 duplicates
        assert everyday.today_words() == "today is in Xero"
        assert everyday.send_today() == []  # nothing left to send: no call to Xero
