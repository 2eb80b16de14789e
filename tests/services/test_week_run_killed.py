"""Weekly summaries under kill -9: a `day run` of a week killed at every kind of write point, then run again,
leaves Xero with exactly one invoice for the week and one payment per tender per day — never a duplicate; and,
for a week whose till paid money back, exactly one credit note with one refund per day that paid any.

A week writes the same sequence for each of its days' payments, so dying at the fifth day's payment is the
same case as dying at the second's. The test first runs a week through once, listing its write points, then
dies at each point whose place in the sequence (the write before it, itself, the write after it) it has not
died at yet — every kind of crash, in a fraction of the time of dying at all of them."""

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


def kill_points(names: list[str]) -> list[int]:
    """The write points (numbered from 1) worth dying at: each one whose neighbours make a place in the
    sequence not seen before."""
    seen, points = set(), []
    for i, name in enumerate(names):
        place = (names[i - 1] if i else None, name, names[i + 1] if i + 1 < len(names) else None)
        if place not in seen:
            seen.add(place)
            points.append(i + 1)
    return points


def write_points(completed) -> list[str]:
    prefix = "write point "
    return [line.split(": ", 1)[1] for line in completed.stderr.splitlines() if line.startswith(prefix)]


def credit_notes_numbered(shop, number: str) -> list[dict]:
    notes = shop.control("state")["world"]["organisations"][shop.tenant_id]["credit_notes"].values()
    return [n for n in notes if n["invoice_number"] == number and n["status"] != "DELETED"]


def refunds_on(shop, note: dict) -> list[dict]:
    payments = shop.control("state")["world"]["organisations"][shop.tenant_id]["payments"].values()
    return [p for p in payments if p["credit_note_id"] == note["invoice_id"] and p["status"] != "DELETED"]


@pytest.mark.slow
@pytest.mark.timeout(300)  # two processes per crash point; a loaded machine runs them slowly
@pytest.mark.parametrize("refunds", [False, True], ids=["plain week", "week with refunds paid out"])
def test_a_week_killed_at_every_write_point_then_run_again_posts_exactly_once(
    tmp_path, memory_keyring, refunds
):
    with connected_shop(tmp_path) as shop:
        secret = {f"{s}\n{u}": p for (s, u), p in memory_keyring.store.items() if s == SERVICE_NAME}
        folders = shop.connection.folders
        save_mapping(folders.settings, shop.tenant_id, replace(DEMO_MAPPING, weekly=True))
        journal = Journal.in_folder(folders.data)  # the child's journal (the same user folders)
        deaths: list[str] = []
        monday = shop.today - timedelta(days=shop.today.weekday())

        def next_week():
            nonlocal monday
            while True:
                monday += timedelta(weeks=1)  # a fresh week for each round, every day of it in
                week = week_of(monday)
                if len(week.days()) == 7:  # a whole week, so every round writes the same sequence
                    break
            figures = [shop.the_day(d) for d in week.days()]
            if refunds:  # cash handed back on the week's 2nd day, an Amex refund on its 3rd
                figures[1] = paying_back(figures[1], "Cash", "20.00", instead="EFTPOS")
                figures[2] = paying_back(figures[2], "Amex", "30.00", instead="Cash")
            for day in figures:
                journal.save_day(shop.tenant_id, day)
            return week, figures

        try:
            week, _ = next_week()
            through = day_run(shop, secret, week.last, None, None, trace=True)
            assert through.returncode == 0, through.stderr
            names = write_points(through)
            points = kill_points(names)
            for die_at in points:
                week, figures = next_week()
                days = week.days()
                number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
                killed = day_run(shop, secret, days[-1], None, die_at)
                assert killed.returncode == -signal.SIGKILL, (die_at, names, killed.stderr)
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
        finally:
            journal.close()
        assert len(deaths) >= (11 if refunds else 8), deaths
        assert set(names) <= {death.split(": ", 1)[1] for death in deaths}, "every kind of write was died at"
