"""Weekly summaries under kill -9: a `day run` of a week killed at every write point, then run again, leaves
Xero with exactly one invoice for the week and one payment per tender per day — never a duplicate."""

from __future__ import annotations

import json
import signal
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.services.connected_shop import connected_shop
from tests.services.test_day_run_killed import day_run
from xerohelper.adapters.journal import Journal
from xerohelper.adapters.token_store import SERVICE_NAME
from xerohelper.core.weeks import week_of
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.services.shop_mapping import save_mapping


@pytest.mark.slow
def test_a_week_killed_at_every_write_point_then_run_again_posts_exactly_once(tmp_path, memory_keyring):
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
                for d in days:
                    journal.save_day(shop.tenant_id, shop.the_day(d))
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
                assert len(shop.payments_on(number)) == 3 * len(days), deaths[-1]
                die_at += 1
        finally:
            journal.close()
        assert len(deaths) >= 8, deaths
