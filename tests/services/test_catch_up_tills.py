"""Catch-up for a shop with two tills, against the sandbox (real SDK, real journal): each till's days listed
and sent in one go, each invoice with its till's number, reference and tracking option; nothing twice after
a second run or a Cancel halfway; one till's refusal stops only that till, the organisation's stops all."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.days_file import days_file
from tests.services.connected_shop import connected_shop
from xerohelper.core.checklist import Step
from xerohelper.core.explain import SetupRow
from xerohelper.core.mapping import Tracking
from xerohelper.services.catch_up import CatchUpStopped, catch_up_list, keep_days, send_ticked
from xerohelper.services.import_day import import_day_file

TILLS = {"Front": "Till 1", "Back": "Till 2"}


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.mapping = replace(shop.mapping, approve_automatically=True, tracking=Tracking("Till", TILLS))
        yield shop


def three_missed_days_at_two_tills(shop, tmp_path):
    dates = [shop.today - timedelta(days=n) for n in (12, 11, 10)]
    outcome = import_day_file(days_file(tmp_path / "days.csv", dates))
    assert outcome.ok, outcome.message()
    keep_days(shop.service, [replace(d, location=till) for d in outcome.days for till in TILLS])
    return dates


def live(shop, kind: str) -> list[dict]:
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    return [x for x in ledger[kind].values() if x["status"] not in ("DELETED", "VOIDED")]


def invoices_of(shop, dates) -> dict[str, list[dict]]:
    numbers = {f"POS-{d:%Y%m%d}-{till.upper()}" for d in dates for till in TILLS}
    found: dict[str, list[dict]] = {}
    for invoice in live(shop, "invoices"):
        if invoice["invoice_number"] in numbers:
            found.setdefault(invoice["invoice_number"], []).append(invoice)
    return found


def test_two_tills_three_days_each_go_in_one_catch_up_each_invoice_its_tills_own(shop, tmp_path):
    dates = three_missed_days_at_two_tills(shop, tmp_path)
    rows = catch_up_list(shop.service)
    assert [(r.location, r.trading_date) for r in rows] == [
        *(("Back", d) for d in dates),
        *(("Front", d) for d in dates),
    ]
    heard: list[tuple[str, int, int]] = []
    done = send_ticked(shop.service, rows, on_till=lambda *till: heard.append(till))
    assert heard == [("Back", 0, 2), ("Front", 1, 2)]
    assert [r.outcome for r in done] == ["sent"] * 6

    found = invoices_of(shop, dates)
    assert len(found) == 6 and all(len(same) == 1 for same in found.values())
    for d in dates:
        for till, option in TILLS.items():
            (invoice,) = found[f"POS-{d:%Y%m%d}-{till.upper()}"]
            assert invoice["reference"].endswith(f"– {till}") and invoice["status"] == "PAID"
            assert {t["Option"] for line in invoice["line_items"] for t in line["tracking"]} == {option}
    assert len({i["reference"] for same in found.values() for i in same}) == 6

    invoices, payments = len(live(shop, "invoices")), len(live(shop, "payments"))
    assert catch_up_list(shop.service) == []  # run twice: nothing left to send
    assert send_ticked(shop.service, rows) and len(live(shop, "invoices")) == invoices
    assert len(live(shop, "payments")) == payments


def test_cancel_halfway_then_again_sends_each_tills_days_once(shop, tmp_path):
    dates = three_missed_days_at_two_tills(shop, tmp_path)
    invoices, payments = len(live(shop, "invoices")), len(live(shop, "payments"))
    cancel = threading.Event()
    tills_begun: list[str] = []

    def say(words: str) -> None:
        if tills_begun == ["Back"] and words.startswith("Recording the payments"):
            cancel.set()  # halfway through the first till

    with pytest.raises(CatchUpStopped) as stop:
        send_ticked(
            shop.service,
            catch_up_list(shop.service),
            progress=say,
            cancel=cancel,
            on_till=lambda till, *_: tills_begun.append(till),
        )
    assert tills_begun == ["Back"]  # the front till wasn't begun
    outcomes = {(r.location, r.outcome) for r in stop.value.rows}
    assert outcomes == {("Back", "sent, not finished"), ("Front", "not sent")}

    shop.service = shop.new_service()  # as after a restart
    done = send_ticked(shop.service, catch_up_list(shop.service))
    assert [r.outcome for r in done] == ["sent"] * 6
    assert all(len(same) == 1 for same in invoices_of(shop, dates).values())
    assert len(live(shop, "invoices")) == invoices + 6
    assert len(live(shop, "payments")) == payments + 3 * 6  # Cash, EFTPOS, Amex: once each


def test_a_till_whose_option_was_archived_stops_before_any_write_and_the_other_till_goes_on(shop, tmp_path):
    dates = three_missed_days_at_two_tills(shop, tmp_path)
    shop.control("tracking/archive", {"tenant": shop.tenant_id, "category": "Till", "option": "Till 2"})
    done = send_ticked(shop.service, catch_up_list(shop.service))

    back = [r.outcome for r in done if r.location == "Back"]
    assert back[0] == "needs attention: The tracking option “Till 2” was archived in Xero"
    assert back[1:] == ["not sent", "not sent"]  # its later days wait for it
    assert [r.outcome for r in done if r.location == "Front"] == ["sent"] * 3
    found = invoices_of(shop, dates)
    assert not [n for n in found if n.endswith("-BACK")]  # nothing written for the back till
    assert len(found) == 3

    card = shop.service.checklist(dates[0], "Back")[Step.SALES_SUMMARY].attention
    assert card.predicted and "archived" in card.why
    assert card.screen is not None and card.screen.screen.key == "tracking_category"  # the category itself
    assert card.setup_row == SetupRow(SetupRow.TILLS, "Back")  # and Shop setup at the till


def test_a_locked_period_stops_every_till(shop, tmp_path):
    dates = three_missed_days_at_two_tills(shop, tmp_path)
    shop.control("lock-dates", {"tenant": shop.tenant_id, "period_lock_date": dates[0].isoformat()})
    shop.reset_call_counts()
    done = send_ticked(shop.service, catch_up_list(shop.service))
    assert done[0].location == "Back" and done[0].outcome.startswith("needs attention")
    assert {r.outcome for r in done if r.location == "Front"} == {"not sent"}  # the organisation's problem
    assert invoices_of(shop, dates) == {}
    assert not [e for e in shop.calls() if not e.startswith("GET ")]  # no write at all


def test_weekly_summaries_of_two_tills_one_invoice_a_week_each(shop):
    from xerohelper.core.weeks import week_of

    shop.mapping = replace(shop.mapping, weekly=True)
    week = week_of(week_of(shop.today).first - timedelta(days=8))  # a week that is over
    for d in week.days():
        day = shop.the_day(d)
        for till in TILLS:
            shop.service.save_day(replace(day, location=till))
    rows = catch_up_list(shop.service)
    assert {r.location for r in rows} == set(TILLS) and len(rows) == 2 * len(week.days())
    done = send_ticked(shop.service, rows)
    assert {r.outcome for r in done} == {"sent"}
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
    for till, option in TILLS.items():
        (invoice,) = shop.invoices_numbered(f"{number}-{till.upper()}")
        assert invoice["status"] == "PAID" and invoice["reference"].endswith(f"({till})")
        assert {t["Option"] for line in invoice["line_items"] for t in line["tracking"]} == {option}
