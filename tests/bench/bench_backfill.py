"""A year's backfill: 365 kept days sent by one catch-up against the sandbox (not a test).

Run:  .venv/bin/python tests/bench/bench_backfill.py   (or through `./dev.sh bench`)

Targets (DESIGN.md, issue 14): 365 days in ≤ 60 Xero calls in all (the set-up reads included), 0 × 429, within
2 minutes with 300 ms of latency on every Xero call. The sandbox keeps Xero's real limits (60 calls a minute,
5 at once), and its clock is real here: a wait for the next minute would be a real wait.

Then the same year stopped halfway (Cancel after the first batch of invoices) and sent again by a second
catch-up from a fresh service (as after a restart): the sandbox must hold exactly one invoice per day and one
payment per tender, nothing twice.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from tests.bench.table import Figure, report  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from tests.services.connected_shop import connected_shop  # noqa: E402
from xerohelper.adapters.xero_pacing import XeroPacer  # noqa: E402
from xerohelper.services.catch_up import CatchUpStopped, catch_up_list, send_ticked  # noqa: E402

XERO_LIMITS = {"minute_limit": 60, "concurrent_limit": 5, "day_limit": 5000}
DAYS = 365
LATENCY_MS = 300


def year_of_days(shop) -> list:
    """365 kept days of the demo till, ending a few days ago (the demo books' lock date lifted first)."""
    shop.control("lock-dates", {"tenant": shop.tenant_id, "end_of_year_lock_date": None})
    first = shop.today - timedelta(days=DAYS + 5)
    dates = [first + timedelta(days=n) for n in range(DAYS)]
    for d in dates:
        shop.service.save_day(shop.the_day(d))
    return dates


def xero_calls(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if "/api.xro/" in k)


def backfill() -> dict:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.approve_automatically()
        shop.pacer = XeroPacer()  # real waits: a wait for Xero's next minute would show in the wall time
        shop.service = shop.new_service()
        year_of_days(shop)
        rows = catch_up_list(shop.service)
        shop.reset_call_counts()
        shop.control("latency", {"ms": LATENCY_MS})
        waits: list[float] = []
        started = time.perf_counter()
        done = send_ticked(shop.service, rows, on_wait=lambda seconds, why: waits.append(seconds))
        wall = time.perf_counter() - started
        calls = xero_calls(shop.calls())
        sent = sum(r.outcome == "sent" for r in done)
        return {
            "days": len(rows),
            "sent": sent,
            "calls": calls,
            "429s": shop.pacer.rate_limited,
            "waits": len(waits),
            "wall": wall,
        }


def stopped_and_started_again() -> dict:
    """Cancel the catch-up once the first invoices are in; run it again from a fresh service; count."""
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.approve_automatically()
        dates = year_of_days(shop)
        before = _live(shop)
        cancel = threading.Event()

        def say(words: str) -> None:
            if words.startswith("Recording the payments"):
                cancel.set()  # the invoices are in, the payments not yet: stop here

        stopped = False
        try:
            send_ticked(shop.service, catch_up_list(shop.service), progress=say, cancel=cancel)
        except CatchUpStopped:
            stopped = True
        shop.service = shop.new_service()  # as after a restart
        again = catch_up_list(shop.service)
        shop.reset_call_counts()
        done = send_ticked(shop.service, again)
        second_calls = xero_calls(shop.calls())
        invoices, payments = (
            [row for row in rows if row["id"] not in {b["id"] for b in seen}]
            for rows, seen in zip(_live(shop), before, strict=True)
        )
        tenders = sum(
            len([t for t in shop.service.journal.day(shop.tenant_id, d).tenders if t.amount]) for d in dates
        )
        numbers = [i["invoice_number"] for i in invoices]
        return {
            "stopped": stopped,
            "second_run_days": len(again),
            "second_run_calls": second_calls,
            "sent": sum(r.outcome == "sent" for r in done),
            "invoices": len(invoices),
            "distinct_numbers": len(set(numbers)),
            "payments": len(payments),
            "tenders": tenders,
        }


def _live(shop) -> tuple[list[dict], list[dict]]:
    """The invoices and payments the sandbox holds (deleted ones left out), each with its "id"."""
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    invoices = [{**i, "id": i["invoice_id"]} for i in ledger["invoices"].values() if i["status"] != "DELETED"]
    payments = [{**p, "id": p["payment_id"]} for p in ledger["payments"].values() if p["status"] != "DELETED"]
    return invoices, payments


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(
            HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_STATE_HOME=f"{home}/s"
        )
        year = backfill()
        print(
            f"a year's backfill ({year['days']} days, {LATENCY_MS} ms latency): "
            f"{year['calls']} Xero calls in all (target ≤ 60), 429s: {year['429s']} (target 0), "
            f"waits: {year['waits']}, "
            f"days sent: {year['sent']}/{year['days']}, wall time {year['wall']:.1f} s (target ≤ 120 s)"
        )
        again = stopped_and_started_again()
        print(
            f"stopped halfway and started again: stopped={again['stopped']}, second run listed "
            f"{again['second_run_days']} days, sent {again['sent']} in {again['second_run_calls']} "
            f"Xero calls; the sandbox holds {again['invoices']} "
            f"invoices ({again['distinct_numbers']} numbers, target {DAYS}) and {again['payments']} payments "
            f"(target {again['tenders']}, one per tender)"
        )
    return report(
        [
            Figure(f"backfill, {DAYS} days at {LATENCY_MS} ms: Xero calls", year["calls"], "calls", 60),
            Figure("backfill: 429 (too many) answers", year["429s"], "", 0),
            Figure("backfill: wall time", year["wall"], "s", 120, digits=1),
            Figure("backfill: days sent", year["sent"], "days", DAYS, at_most=False),
            Figure("backfill stopped, run again: invoices sent twice",
                   again["invoices"] - again["distinct_numbers"], "", 0),
            Figure("backfill stopped, run again: payments over one per tender",
                   again["payments"] - again["tenders"], "", 0),
        ]
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
