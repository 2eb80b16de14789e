"""Reading back the days already in Xero, through the real SDK against the sandbox: paged, filtered by type
and date with Xero's own `where`, each document with its date and its live payments."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.services.connected_shop import connected_shop
from xerohelper.adapters import xero_past_days
from xerohelper.adapters.xero_past_days import XeroPastDays


def test_sales_invoices_since_a_day_come_page_by_page_with_their_payments(tmp_path, monkeypatch):
    monkeypatch.setattr(xero_past_days, "PAGE_SIZE", 2)
    with connected_shop(tmp_path) as shop:
        past = XeroPastDays(shop.connection.api(), shop.tenant_id, shop.pacer)
        shop.reset_call_counts()
        found = past.sales_invoices(shop.today - timedelta(days=3))
        assert [d.facts.number for d in found] == [
            f"POS-{shop.today - timedelta(days=n):%Y%m%d}" for n in (3, 2, 1)
        ]  # the demo's three earlier days, oldest first
        assert sum(shop.calls().values()) == 2  # a full page of 2, then a page of 1
        first = found[0]
        assert first.document_date == shop.today - timedelta(days=3)
        assert first.facts.status == "PAID" and first.facts.amount_due == Decimal("0.00")
        assert sum(p.amount for p in first.payments) == first.facts.total
        assert all(isinstance(p.amount, Decimal) for p in first.payments)

        later = past.sales_invoices(shop.today - timedelta(days=1))
        assert [d.facts.number for d in later] == [f"POS-{shop.today - timedelta(days=1):%Y%m%d}"]
        assert past.sales_credit_notes(shop.today - timedelta(days=30)) == []
