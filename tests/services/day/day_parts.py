"""The parts of a day's run, put together for the tests of services/day/: against the sandbox (a connected
shop: the real SDK, the real sandbox, the real journal), or offline (the real journal, no Xero at all)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.services.connected_shop import ConnectedShop
from xerohelper.adapters.journal import Journal
from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun
from xerohelper.services.day.day_status import DayStatus
from xerohelper.services.day.needs_attention import NeedsAttention
from xerohelper.services.day.setup_cache import SetupCache
from xerohelper.services.demo_shop import DEMO_MAPPING, demo_day_file
from xerohelper.services.explaining import Explainer
from xerohelper.services.import_day import import_day_file

ORGANISATION = "org-1"


def demo_day(trading_date: date, folder: Path) -> Day:
    """The demo till's day, imported through the real importer."""
    outcome = import_day_file(demo_day_file(trading_date, folder))
    assert outcome.ok, outcome.message
    return outcome.days[0]


def shop_run(
    shop: ConnectedShop,
    progress: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    setup_cache: SetupCache | None = None,
) -> DayRun:
    """A run for the connected shop, as the service makes one per call."""
    books = XeroBooks(shop.connection.api(), shop.tenant_id, shop.pacer, cancel)
    explainer = Explainer(lambda: shop.short_code)
    attention = NeedsAttention(shop.journal, shop.tenant_id, explainer)
    return DayRun(
        books=books,
        journal=shop.journal,
        organisation_id=shop.tenant_id,
        shop_mapping=lambda: shop.mapping,
        explainer=explainer,
        status=DayStatus(shop.journal, shop.tenant_id, lambda: shop.mapping, attention),
        attention=attention,
        setup_cache=setup_cache or SetupCache(lambda: shop.mapping),
        say=progress or (lambda words: None),
    )


@dataclass
class OfflineDays:
    """A journal and the day's status and attention for one organisation; no Xero (books is None)."""

    journal: Journal
    folder: Path
    mapping: Mapping = DEMO_MAPPING

    def __post_init__(self) -> None:
        self.explainer = Explainer()
        self.attention = NeedsAttention(self.journal, ORGANISATION, self.explainer)
        self.status = DayStatus(self.journal, ORGANISATION, lambda: self.mapping, self.attention)

    def save(self, trading_date: date) -> DayKey:
        day = demo_day(trading_date, self.folder)
        self.status.save_day(day)
        return DayKey(day.date, day.location)

    def run(self, heard: list[str] | None = None) -> DayRun:
        return DayRun(
            books=None,  # type: ignore[arg-type]  # any call to Xero fails the test
            journal=self.journal,
            organisation_id=ORGANISATION,
            shop_mapping=lambda: self.mapping,
            explainer=self.explainer,
            status=self.status,
            attention=self.attention,
            setup_cache=SetupCache(lambda: self.mapping),
            say=heard.append if heard is not None else (lambda words: None),
        )
