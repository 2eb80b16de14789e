"""What the owner did in Xero is read back into the journal."""

from __future__ import annotations

from xero_python.accounting.models import Invoice, Invoices

from tests.services.day.day_parts import shop_run
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.read_back import read_back
from xerohelper.services.day.sales_summary import SalesSummary


def test_an_invoice_approved_in_xero_is_read_back(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    run.status.save_day(shop.the_day())
    SalesSummary().run(run, [key], shop.mapping)
    api = shop.connection.api()
    invoice_id = run.record(key).invoice.invoice_id
    api.call(
        api.accounting.update_invoice,
        shop.tenant_id,
        invoice_id,
        Invoices(invoices=[Invoice(status="AUTHORISED")]),
    )
    assert run.record(key).invoice.status == "DRAFT"

    read_back(run, [key])

    assert run.record(key).invoice.status == "AUTHORISED"
