"""The organisation's set-up is read from Xero once, trusted for half an hour, and forgotten on request."""

from __future__ import annotations

from dataclasses import replace

from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.core.mapping import Tracking
from xerohelper.services.day.setup_cache import SETUP_MAX_AGE, SetupCache

SETUP_READS = {
    "GET /api.xro/2.0/accounts",
    "GET /api.xro/2.0/taxrates",
    "GET /api.xro/2.0/organisation",
    "GET /api.xro/2.0/contacts",
}


def reads(shop) -> int:
    return sum(n for endpoint, n in shop.calls().items() if endpoint in SETUP_READS)


def test_read_once_then_kept_for_half_an_hour_then_read_again(shop):
    now = [1000.0]
    cache = SetupCache(lambda: shop.mapping, clock=lambda: now[0])
    books = XeroBooks(shop.connection.api(), shop.tenant_id, shop.pacer)
    shop.reset_call_counts()
    assert not cache.is_fresh()

    setup, contact = cache.read(books)
    assert reads(shop) == 4 and cache.is_fresh()
    assert "616" in setup.accounts and contact.name == "POS Sales" and contact.status == "ACTIVE"

    now[0] += SETUP_MAX_AGE - 1
    assert cache.read(books) == (setup, contact) and reads(shop) == 4  # kept: no call to Xero

    now[0] += 1
    assert not cache.is_fresh()
    cache.read(books)
    assert reads(shop) == 8


def test_forgotten_when_the_owner_may_have_changed_something(shop):
    cache = SetupCache(lambda: shop.mapping)
    books = XeroBooks(shop.connection.api(), shop.tenant_id, shop.pacer)
    cache.read(books)
    shop.control("contacts/archive", {"tenant": shop.tenant_id, "contact": "POS Sales"})
    assert cache.read(books)[1].status == "ACTIVE"  # still the kept one
    cache.forget()
    assert cache.read(books)[1].status == "ARCHIVED"


def test_shop_setups_read_without_tracking_is_never_kept_for_a_tracked_shop(shop):
    """Shop setup reads the tracking categories on its own (so a failure there leaves the rest usable);
    a day's run must not be handed a tracked shop's set-up that has no tracking to check its tills with."""
    tracked = replace(shop.mapping, tracking=Tracking("Till", {"Front": "Till 1"}))
    cache = SetupCache(lambda: tracked)
    books = XeroBooks(shop.connection.api(), shop.tenant_id, shop.pacer)
    shop.reset_call_counts()

    setup, contact = cache.read(books, with_tracking=False)
    assert setup.tracking is None and contact.name == "POS Sales" and not cache.is_fresh()
    assert shop.calls().get("GET /api.xro/2.0/trackingcategories", 0) == 0

    setup, _ = cache.read(books)  # a day's run: with the tracking, then kept
    assert setup.tracking["Till"] == ("Till 1", "Till 2") and cache.is_fresh()
    assert cache.read(books, with_tracking=False)[0] is setup  # the kept one, tracking and all
