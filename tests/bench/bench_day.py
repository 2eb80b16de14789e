"""Xero calls for a normal day and for a 31-day catch-up, counted by the sandbox (not a test).

Run:  .venv/bin/python tests/bench/bench_day.py

Targets (DESIGN.md): a normal day ≤ 6 Xero calls once the organisation's set-up has been read (the app
reads it when the day screen opens and keeps it); a 31-day catch-up ≤ 15 calls and no 429. The catch-up
also runs with 100 ms of latency injected into every Xero call, for its wall time.
The sandbox keeps Xero's real limits here (60 calls a minute, 5 at once).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from tests.bench.table import Figure, report  # noqa: E402
from tests.services.connected_shop import connected_shop  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402

SETUP_READS = {
    "GET /api.xro/2.0/accounts",
    "GET /api.xro/2.0/taxrates",
    "GET /api.xro/2.0/organisation",
    "GET /api.xro/2.0/contacts",
}
XERO_LIMITS = {"minute_limit": 60, "concurrent_limit": 5, "day_limit": 5000}


def xero_calls(counts: dict[str, int]) -> tuple[int, int]:
    api = {k: v for k, v in counts.items() if "/api.xro/" in k}
    return sum(v for k, v in api.items() if k not in SETUP_READS), sum(
        v for k, v in api.items() if k in SETUP_READS
    )


def normal_day(approve_automatically: bool) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        if approve_automatically:
            shop.approve_automatically()
        shop.service.organisation_setup()
        shop.service.save_day(shop.the_day())
        shop.reset_call_counts()
        shop.service.run_day(shop.today, approve=True)
        day_calls, setup_calls = xero_calls(shop.calls())
        mode = "approve automatically" if approve_automatically else "draft, then Approve now"
        print(
            f"  normal day ({mode}): {day_calls} Xero calls (target ≤ 6), set-up reads during the run: "
            f"{setup_calls}, 429s: {shop.pacer.rate_limited}"
        )
        return [Figure(f"Xero calls: a normal day ({mode})", day_calls, "calls", 6)]


def catch_up(latency_ms: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.approve_automatically()
        dates = [shop.today - timedelta(days=40 - n) for n in range(31)]
        for d in dates:
            shop.service.save_day(shop.the_day(d))
        shop.reset_call_counts()
        if latency_ms:
            shop.control("latency", {"ms": latency_ms})
        started = time.perf_counter()
        checklists = shop.service.catch_up(dates)
        wall = time.perf_counter() - started
        day_calls, setup_calls = xero_calls(shop.calls())
        finished = sum(c.is_finished for c in checklists)
        print(
            f"  31-day catch-up, {latency_ms} ms latency: {day_calls + setup_calls} Xero calls in all "
            f"({setup_calls} set-up reads) (target ≤ 15), 429s: {shop.pacer.rate_limited} (target 0), "
            f"days finished: {finished}/31, wall time {wall:.2f} s"
        )
        if latency_ms:
            return [Figure(f"31-day catch-up, {latency_ms} ms Xero latency: wall time", wall, "s", digits=1)]
        return [
            Figure("Xero calls: a 31-day catch-up", day_calls + setup_calls, "calls", 15),
            Figure("Xero calls: 429 (too many) answers in the catch-up", shop.pacer.rate_limited, "", 0),
            Figure("31-day catch-up: days finished", finished, "days", 31, at_most=False),
        ]


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ.update(
            HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_STATE_HOME=f"{home}/s"
        )
        return report(
            normal_day(approve_automatically=True)
            + normal_day(approve_automatically=False)
            + catch_up(latency_ms=0)
            + catch_up(latency_ms=100)
        )


if __name__ == "__main__":
    sys.exit(main())
