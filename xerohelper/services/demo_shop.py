"""The demo shop: the built-in sandbox's Harbour Street Hardware, set up and ready, with a day of takings
to import (xerohelper/resources/demo/harbour-street-day.csv, re-dated to the day being shown)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xerohelper.core.mapping import Mapping
from xerohelper.resources import resource

DEMO_ORGANISATION = "Harbour Street Hardware"
DAY_FILE = resource("demo", "harbour-street-day.csv")
_FILE_DATE = "2026-11-21"  # the date written in the demo file

# How the demo till's categories and tenders go into the sandbox's chart of accounts (demo_seed.py).
DEMO_MAPPING = (
    Mapping(
        customer_contact="POS Sales",
        rounding_account_code="860",
        rounding_tax_type="BASEXCLUDED",
        till_difference_account_code="865",
        approve_automatically=False,
    )
    .with_sales("Hardware & tools", "200", "OUTPUT")
    .with_sales("Paint", "200", "OUTPUT")
    .with_sales("Garden", "200", "OUTPUT")
    .with_sales("Bread & milk", "210", "EXEMPTOUTPUT")
    .with_tender("Cash", "091")
    .with_tender("EFTPOS", "615")
    .with_tender("Visa", "615")
    .with_tender("Mastercard", "615")
    .with_tender("Amex", "616")
)


def demo_day_file(trading_date: date, folder: Path) -> Path:
    """The demo till's export for `trading_date`, written into `folder` (as a till would save it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"harbour-street-{trading_date.isoformat()}.csv"
    path.write_text(
        DAY_FILE.read_text(encoding="utf-8").replace(_FILE_DATE, trading_date.isoformat()), "utf-8"
    )
    return path
