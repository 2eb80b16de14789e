"""kill -9 of a `day run` process at every write point, then run again: Xero ends up with exactly one
invoice and one payment per tender — never a duplicate, never a lost day."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.services.connected_shop import connected_shop
from xerohelper.adapters.token_store import SERVICE_NAME
from xerohelper.services.demo_shop import demo_day_file

CHILD = Path(__file__).resolve().parents[1] / "support" / "day_run_child.py"
ROOT = Path(__file__).resolve().parents[2]


def day_run(
    shop, secret: dict, trading_date: date, file: Path | None, die_at: int | None, trace: bool = False
) -> subprocess.CompletedProcess:
    env = dict(os.environ, XH_TEST_KEYRING=json.dumps(secret), PYTHONPATH=str(ROOT))
    if die_at is not None:
        env["XH_TEST_DIE_AT"] = str(die_at)
    if trace:
        env["XH_TEST_TRACE"] = "1"
    args = ["day", "run", "--date", trading_date.isoformat(), "--approve", "--json"]
    args += ["--from", str(file)] if file is not None else []
    return subprocess.run(
        [sys.executable, str(CHILD), *args, "--sandbox", shop.xero.base_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow
def test_killed_at_every_write_point_then_run_again_posts_exactly_once(tmp_path, memory_keyring):
    with connected_shop(tmp_path) as shop:
        secret = {f"{s}\n{u}": p for (s, u), p in memory_keyring.store.items() if s == SERVICE_NAME}
        die_at, deaths = 1, []
        while True:
            trading_date = shop.today + timedelta(days=die_at)  # a fresh day for each round
            file = demo_day_file(trading_date, tmp_path / "till")
            number = f"POS-{trading_date:%Y%m%d}"
            killed = day_run(shop, secret, trading_date, file, die_at)
            if killed.returncode != -signal.SIGKILL:  # ran to the end: every write point has been tried
                assert killed.returncode == 0, killed.stderr
                break
            deaths.append(killed.stderr.strip().splitlines()[-1])
            again = day_run(shop, secret, trading_date, file, None)
            assert again.returncode == 0, again.stderr
            assert json.loads(again.stdout)["finished"] is True
            assert len(shop.invoices_numbered(number)) == 1, deaths[-1]
            assert len(shop.payments_on(number)) == 3, deaths[-1]
            die_at += 1
        assert len(deaths) >= 10, deaths  # intents, outcomes and records of all three steps were all hit
