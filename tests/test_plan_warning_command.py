"""`xerohelper day run` warns ahead of a Xero plan's monthly cap of approved invoices, in words."""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date, timedelta

from tests.services.connected_shop import connected_shop
from xerohelper.cli import main
from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.weeks import week_of
from xerohelper.services.demo_shop import DEMO_MAPPING, demo_day_file
from xerohelper.services.shop_mapping import save_mapping


def run_day(shop, day: date, tmp_path, *more: str) -> int:
    file = demo_day_file(day, tmp_path / "till")
    args = ["day", "run", "--date", day.isoformat(), "--from", str(file), "--approve", *more]
    return main([*args, "--sandbox", shop.xero.base_url])


def test_day_run_warns_when_one_invoice_a_day_would_go_over_the_plan_s_cap(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        shop.control("organisation", {"approved_invoice_limit": 20, "plan": "STARTER"})
        day = shop.today.replace(day=1)
        code = run_day(shop, day, tmp_path)
        out = capsys.readouterr().out
        assert code == 0
        already = shop.service.books.approved_sales_invoices(day.year, day.month)
        left = 20 - already
        last = calendar.monthrange(day.year, day.month)[1]
        over = day + timedelta(days=1 + left)
        month = f"{MONTHS[day.month - 1]} {day.year}"
        assert f"Your Xero plan (Starter) approves 20 sales invoices a month; {left} left for {month}." in out
        if over.day <= last:
            assert f"from {WEEKDAYS[over.weekday()]} {over.day} {MONTHS[over.month - 1]} Xero would" in out
            assert "Choose weekly summaries in Shop setup" in out


def test_day_run_in_weekly_mode_says_every_day_fits_and_no_warning_without_a_cap(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        code = run_day(shop, shop.today, tmp_path, "--json")
        assert "plan_warning" not in json.loads(capsys.readouterr().out)  # Harbour Street's plan has no cap

        shop.control("organisation", {"approved_invoice_limit": 20, "plan": "STARTER"})
        save_mapping(shop.connection.folders.settings, shop.tenant_id, replace(DEMO_MAPPING, weekly=True))
        day = week_of(shop.today).first - timedelta(days=1)  # last week: over, so it is sent
        code = run_day(shop, day, tmp_path, "--json")
        report = json.loads(capsys.readouterr().out)
        assert code == 0 and report["finished"]
        assert report["plan_warning"].endswith("Weekly summaries send about five a month, so every day fits.")
