"""Weekly summaries under kill -9: a `day run` of a week killed at every write point, then run again, leaves
Xero with exactly one invoice for the week and one payment per tender per day — never a duplicate; and, for a
week whose till paid money back, exactly one credit note with one refund per day that paid any."""

from __future__ import annotations

import json
import signal
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.services.connected_shop import connected_shop
from tests.services.day.test_week_refunds import paying_back
from tests.services.test_day_run_killed import day_run
from xerohelper.adapters.journal import Journal
from xerohelper.adapters.token_store import SERVICE_NAME
from xerohelper.core.weeks import week_of
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.services.shop_mapping import save_mapping


def credit_notes_numbered(shop, number: str) -> list[dict]:
    notes = shop.control("state")["world"]["organisations"][shop.tenant_id]["credit_notes"].values()
    return [n for n in notes if n["invoice_number"] == number and n["status"] != "DELETED"]


def refunds_on(shop, note: dict) -> list[dict]:
    payments = shop.control("state")["world"]["organisations"][shop.tenant_id]["payments"].values()
    return [p for p in payments if p["credit_note_id"] == note["invoice_id"] and p["status"] != "DELETED"]


@pytest.mark.slow
@pytest.mark.parametrize("refunds", [False, True], ids=["plain week", "week with refunds paid out"])
def test_a_week_killed_at_every_write_point_then_run_again_posts_exactly_once(
    tmp_path, memory_keyring, refunds
):
    with connected_shop(tmp_path) as shop:
        secret = {f"{s}\n{u}": p for (s, u), p in memory_keyring.store.items() if s == SERVICE_NAME}
        folders = shop.connection.folders
        save_mapping(folders.settings, shop.tenant_id, replace(DEMO_MAPPING, weekly=True))
        journal = Journal.in_folder(folders.data)  # the child's journal (the same user folders)
        die_at, deaths = 1, []
        monday = shop.today - timedelta(days=shop.today.weekday())
        try:
            while True:
                monday += timedelta(weeks=1)  # a fresh week for each round, every day of it in
                week = week_of(monday)
                days = week.days()
                if refunds and len(days) < 3:  # a week cut short at a month's end: too short for two refunds
                    continue
                figures = [shop.the_day(d) for d in days]
                if refunds:  # cash handed back on the week's 2nd day, an Amex refund on its 3rd
                    figures[1] = paying_back(figures[1], "Cash", "20.00", instead="EFTPOS")
                    figures[2] = paying_back(figures[2], "Amex", "30.00", instead="Cash")
                for day in figures:
                    journal.save_day(shop.tenant_id, day)
                number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
                killed = day_run(shop, secret, days[-1], None, die_at)
                if killed.returncode != -signal.SIGKILL:  # ran to the end: every write point was tried
                    assert killed.returncode == 0, killed.stdout
                    break
                deaths.append(killed.stderr.strip().splitlines()[-1])
                again = day_run(shop, secret, days[-1], None, None)
                assert again.returncode == 0, again.stderr
                assert json.loads(again.stdout)["finished"] is True
                assert len(shop.invoices_numbered(number)) == 1, deaths[-1]
                positive = sum(1 for day in figures for t in day.tenders if t.amount > 0)
                assert len(shop.payments_on(number)) == positive, deaths[-1]
                notes = credit_notes_numbered(shop, f"{number}-CN")
                assert len(notes) == (1 if refunds else 0), deaths[-1]
                if refunds:
                    assert notes[0]["status"] == "PAID", deaths[-1]
                    assert len(refunds_on(shop, notes[0])) == 2, deaths[-1]
                die_at += 1
        finally:
            journal.close()
        assert len(deaths) >= (11 if refunds else 8), deaths
