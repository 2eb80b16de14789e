"""A Xero plan that caps approved sales invoices (Starter: 20 a month): a whole 31-day month posted in weekly
mode, in weekly mode with refunds paid out in some weeks (cash handed back, a card refunded: the week's credit
note), in daily mode, and in daily mode with the cap check switched off (as before), counted by the sandbox
and the journal (not a test).

Run:  .venv/bin/python tests/bench/bench_plan_cap.py

Targets (issue 15): weekly mode posts all 31 days with 0 refusals, with refunds too (invoices and credit notes
together within the 20); daily mode stops, before anything is sent for it, at the day that would go over the
cap (0 writes for that day and after), 0 refusals.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from tests.bench.table import Figure, report  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from tests.services.connected_shop import connected_shop  # noqa: E402
from tests.services.day.test_plan_cap_and_weeks import (  # noqa: E402
    STARTER,
    a_past_month_of_31_days,
    approved_in,
    post_the_month,
    refusals,
)
from tests.services.day.test_week_refunds import paying_back  # noqa: E402
from xerohelper.core.checklist import Step  # noqa: E402
from xerohelper.services.day import approval, sales_summary  # noqa: E402

XERO_LIMITS = {"minute_limit": 60, "concurrent_limit": 5, "day_limit": 5000}


def month(mode: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp, connected_shop(Path(tmp), **XERO_LIMITS) as shop:
        shop.control("organisation", STARTER)
        shop.mapping = replace(shop.mapping, weekly=mode.startswith("weekly"))
        days = a_past_month_of_31_days(shop.today)
        shop.reset_call_counts()
        if "refunds" in mode:  # cash back on the 3rd and the 16th, an Amex refund on the 17th
            for d in days:
                shop.service.save_day(shop.the_day(d))
            for d in (days[2], days[15]):
                shop.service.save_day(paying_back(shop.the_day(d), "Cash", "12.50", instead="EFTPOS"))
            shop.service.save_day(paying_back(shop.the_day(days[16]), "Amex", "40.00", instead="Cash"))
        if mode == "daily, no cap check (as before)":
            with (
                mock.patch.object(sales_summary, "first_over_the_cap", return_value=None),
                mock.patch.object(approval, "first_over_the_cap", return_value=None),
            ):
                checklists = post_the_month(shop, days)
        elif "refunds" in mode:
            checklists = shop.service.catch_up(days, approve=True)
        else:
            checklists = post_the_month(shop, days)
        finished = sum(c.is_finished for c in checklists)
        stopped = [
            (d, c[Step.SALES_SUMMARY].attention.key)
            for d, c in zip(days, checklists, strict=True)
            if c[Step.SALES_SUMMARY].attention is not None
        ]
        writes_after = sum(
            len(shop.journal.attempts(shop.tenant_id, d)) for d in days if stopped and d >= stopped[0][0]
        )
        calls = sum(v for k, v in shop.calls().items() if "/api.xro/" in k)
        ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
        notes = [n for n in ledger["credit_notes"].values() if n["status"] in ("AUTHORISED", "PAID")]
        print(
            f"{mode}: {days[0]:%B %Y}, days finished {finished}/31, approved invoices "
            f"{len(approved_in(shop, days))}, approved credit notes {len(notes)}, "
            f"refusals by Xero {len(refusals(shop, days))}, "
            + (f"stopped before sending on {stopped[0][0]} ({stopped[0][1]}), writes for that day and "
               f"after {writes_after}, " if stopped else "")
            + f"Xero calls {calls}, 429s {shop.pacer.rate_limited}"
        )  # fmt: skip
        return {
            "finished": finished,
            "refusals": len(refusals(shop, days)),
            "calls": calls,
            "approved": len(approved_in(shop, days)) + len(notes),
        }


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(
            HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_STATE_HOME=f"{home}/s"
        )
        weekly = month("weekly")
        refunds = month("weekly, refunds in some weeks")
        daily = month("daily")
        month("daily, no cap check (as before)")
    return report(
        [
            Figure("plan cap (20 a month), weekly: refusals by Xero over 31 days", weekly["refusals"], "", 0),
            Figure("plan cap, weekly: days finished", weekly["finished"], "days", 31, at_most=False),
            Figure("plan cap, weekly: Xero calls for the month", weekly["calls"], "calls"),
            Figure("plan cap, weekly with refunds: refusals by Xero", refunds["refusals"], "", 0),
            Figure(
                "plan cap, weekly with refunds: days finished", refunds["finished"], "days", 31, at_most=False
            ),
            Figure(
                "plan cap, weekly with refunds: invoices + credit notes approved",
                refunds["approved"],
                "documents",
                20,
            ),
            Figure("plan cap, weekly with refunds: Xero calls for the month", refunds["calls"], "calls"),
            Figure("plan cap, daily: refusals by Xero (stopped before instead)", daily["refusals"], "", 0),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
