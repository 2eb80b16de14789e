"""Catch-up for a shop with several tills: three tills × 90 kept days sent by one catch-up against the sandbox
(not a test).

Run:  .venv/bin/python tests/bench/bench_tills.py   (or through `./dev.sh bench tills`)

The tills go one after another, each in its own batched run, so the Xero calls grow with the tills, not with
the days: measured against one till's 90 days in the same run, three tills take at most three times its calls
(target ≤ 3.0×), 0 × 429 with Xero's real limits and 300 ms of latency on every call. Then the same
catch-up stopped halfway through the second till and run again from a fresh service: exactly one invoice per
till-day and one payment per tender in the sandbox, nothing twice.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from contextlib import suppress
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from tests.bench.table import Figure, report  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from tests.services.connected_shop import connected_shop  # noqa: E402
from xerohelper.adapters.xero_pacing import XeroPacer  # noqa: E402
from xerohelper.core.mapping import Tracking  # noqa: E402
from xerohelper.services.catch_up import CatchUpStopped, catch_up_list, send_ticked  # noqa: E402

XERO_LIMITS = {"minute_limit": 60, "concurrent_limit": 5, "day_limit": 5000}
DAYS = 90
TILLS = {"Back": "Till 1", "Front": "Till 2", "Kiosk": "Till 1"}
LATENCY_MS = 300


def kept_days(shop, tills) -> list:
    shop.control("lock-dates", {"tenant": shop.tenant_id, "end_of_year_lock_date": None})
    first = shop.today - timedelta(days=DAYS + 5)
    dates = [first + timedelta(days=n) for n in range(DAYS)]
    for d in dates:
        day = shop.the_day(d)
        for till in tills:
            shop.service.save_day(replace(day, location=till))
    return dates


def xero_calls(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if "/api.xro/" in k)


def catch_up(tills) -> dict:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.mapping = replace(
            shop.mapping,
            approve_automatically=True,
            tracking=Tracking("Till", {t: TILLS[t] for t in tills if t}) if any(tills) else None,
        )
        shop.pacer = XeroPacer()  # real waits
        shop.service = shop.new_service()
        kept_days(shop, tills)
        rows = catch_up_list(shop.service)
        shop.reset_call_counts()
        shop.control("latency", {"ms": LATENCY_MS})
        started = time.perf_counter()
        done = send_ticked(shop.service, rows)
        return {
            "days": len(rows),
            "sent": sum(r.outcome == "sent" for r in done),
            "calls": xero_calls(shop.calls()),
            "429s": shop.pacer.rate_limited,
            "wall": time.perf_counter() - started,
        }


def stopped_and_started_again() -> dict:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.mapping = replace(shop.mapping, approve_automatically=True, tracking=Tracking("Till", TILLS))
        shop.service = shop.new_service()
        kept_days(shop, TILLS)
        before = _live(shop)
        cancel = threading.Event()
        begun: list[str] = []

        def say(words: str) -> None:
            if len(begun) == 2 and words.startswith("Recording the payments"):
                cancel.set()  # the second till's invoices are in, its payments not yet

        with suppress(CatchUpStopped):
            send_ticked(
                shop.service,
                catch_up_list(shop.service),
                progress=say,
                cancel=cancel,
                on_till=lambda till, *_: begun.append(till),
            )
        shop.service = shop.new_service()
        done = send_ticked(shop.service, catch_up_list(shop.service))
        invoices, payments = (
            [row for row in rows if row["id"] not in {b["id"] for b in seen}]
            for rows, seen in zip(_live(shop), before, strict=True)
        )
        return {
            "sent": sum(r.outcome == "sent" for r in done),
            "invoices": len(invoices),
            "distinct_numbers": len({i["invoice_number"] for i in invoices}),
            "payments": len(payments),
            "tenders": 3 * DAYS * len(TILLS),  # Cash, EFTPOS, Amex each day
        }


def _live(shop) -> tuple[list[dict], list[dict]]:
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
        one = catch_up([""])
        three = catch_up(list(TILLS))
        print(
            f"one till, {one['days']} days: {one['calls']} Xero calls, {one['wall']:.1f} s; "
            f"{len(TILLS)} tills, {three['days']} till-days: {three['calls']} Xero calls, "
            f"{three['wall']:.1f} s, 429s: {three['429s']}, sent {three['sent']}/{three['days']}"
        )
        again = stopped_and_started_again()
        print(
            f"stopped in the second till and run again: the sandbox holds {again['invoices']} invoices "
            f"({again['distinct_numbers']} numbers) and {again['payments']} payments "
            f"(target {again['tenders']})"
        )
    return report(
        [
            Figure(f"one till, {DAYS} days at {LATENCY_MS} ms: Xero calls", one["calls"], "calls",
                   baseline=True),
            Figure(f"{len(TILLS)} tills × {DAYS} days: Xero calls per one till's",
                   three["calls"] / one["calls"], "×", float(len(TILLS)), digits=2),
            Figure(f"{len(TILLS)} tills: 429 (too many) answers", three["429s"], "", 0),
            Figure(f"{len(TILLS)} tills: till-days sent", three["sent"], "days", DAYS * len(TILLS),
                   at_most=False),
            Figure(f"{len(TILLS)} tills: wall time", three["wall"], "s", 120, digits=1),
            Figure("tills stopped, run again: invoices sent twice",
                   again["invoices"] - again["distinct_numbers"], "", 0),
            Figure("tills stopped, run again: payments over one per tender",
                   again["payments"] - again["tenders"], "", 0),
        ]
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
