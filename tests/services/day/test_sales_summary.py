"""Step 1 against the sandbox: the day's invoice goes in once (found again after a crash, never sent
twice), someone else's number is explained, and refunds paid out get their credit note."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from tests.services.day.day_parts import shop_run
from xerohelper.core.checklist import Step
from xerohelper.core.day import Tender
from xerohelper.core.sales_invoice import plan_sales_invoice
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.sales_summary import SalesSummary, posting_of

STEP = Step.SALES_SUMMARY


def xero_calls(shop) -> dict[str, int]:
    return {e: n for e, n in shop.calls().items() if "/api.xro/" in e}


def test_the_days_invoice_goes_in_as_a_draft_and_is_recorded(shop):
    heard: list[str] = []
    run, key = shop_run(shop, progress=heard.append), DayKey(shop.today)
    run.status.save_day(shop.the_day())

    assert SalesSummary().run(run, [key], shop.mapping) == [key]

    invoice = run.record(key).invoice
    assert (invoice.number, invoice.status, invoice.total) == (
        f"POS-{shop.today:%Y%m%d}",
        "DRAFT",
        Decimal("2240.40"),
    )
    assert run.record(key).posting == 1 and len(shop.invoices_numbered(invoice.number)) == 1
    (attempt,) = shop.journal.attempts(shop.tenant_id, shop.today)
    assert (attempt.action, attempt.outcome) == ("create-invoice", "ok")
    assert attempt.request == {"number": invoice.number, "total": "2240.40"}
    assert attempt.xero_ids == {"InvoiceID": invoice.invoice_id}
    assert heard == [
        "Reading your organisation's accounts and tax rates…",
        "Checking Xero for the day's invoice…",
        "Sending the sales summary to Xero…",
    ]
    shop.reset_call_counts()
    assert SalesSummary().run(run, [key], shop.mapping) == [key]  # done: nothing more to ask Xero
    assert xero_calls(shop) == {}


def test_an_invoice_sent_just_before_a_crash_is_found_and_recorded_not_sent_again(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    day = shop.the_day()
    run.status.save_day(day)
    setup, contact = run.setup(key, STEP)
    plan = plan_sales_invoice(day, shop.mapping, setup.rates)
    attempt = run.begin(key, STEP, "create-invoice", {"number": plan.number, "total": str(plan.total)})
    run.books.create_invoices([plan], contact.contact_id, [attempt.idempotency_key])  # …and the app died
    shop.reset_call_counts()

    assert SalesSummary().run(run, [key], shop.mapping) == [key]

    assert "PUT /api.xro/2.0/invoices" not in xero_calls(shop)
    assert len(shop.invoices_numbered(plan.number)) == 1
    assert run.record(key).invoice.number == plan.number
    assert shop.journal.unfinished(shop.tenant_id, shop.today) == []  # Xero was asked: settled


def test_catch_up_goes_on_with_the_days_before_one_whose_number_someone_else_used(shop):
    from xero_python.accounting.models import Contact, Invoice, Invoices, LineItem

    run = shop_run(shop)
    days = [shop.the_day(shop.today - timedelta(days=n)) for n in (22, 21, 20)]  # none in Xero yet
    for day in days:
        run.status.save_day(day)
    keys = [DayKey(day.date) for day in days]
    api = shop.connection.api()
    contacts = api.call(api.accounting.get_contacts, shop.tenant_id, where='Name=="POS Sales"').contacts
    handmade = Invoice(
        type="ACCREC",
        contact=Contact(contact_id=contacts[0].contact_id),
        date=days[1].date,
        due_date=days[1].date,
        invoice_number=f"POS-{days[1].date:%Y%m%d}",
        line_items=[LineItem(description="by hand", quantity=1.0, unit_amount=10.0, account_code="200")],
    )
    api.call(api.accounting.create_invoices, shop.tenant_id, Invoices(invoices=[handmade]))

    assert SalesSummary().run(run, keys, shop.mapping) == keys[:1]
    assert run.attention.of(keys[1])[STEP].key == "invoice-number-used"
    assert run.record(keys[0]).invoice is not None


def test_refunds_paid_out_get_their_credit_note_after_the_invoice(shop):
    heard: list[str] = []
    run, key = shop_run(shop, progress=heard.append), DayKey(shop.today)
    day = shop.the_day()
    tenders = {"Amex": Decimal("262.50"), "Cash": Decimal("-20.00"), "EFTPOS": Decimal("1997.90")}
    run.status.save_day(replace(day, tenders=tuple(Tender(n, a) for n, a in tenders.items())))

    assert SalesSummary().run(run, [key], shop.mapping) == [key]

    record = run.record(key)
    assert record.credit_note.number == f"{record.invoice.number}-CN"
    assert (record.credit_note.status, record.credit_note.total) == ("DRAFT", Decimal("20.00"))
    assert heard[-1] == "Sending the credit note for the refunds paid out…"
    assert run.status.of(key)[STEP].reason.startswith(f"Invoice {record.invoice.number} is in Xero")


def test_which_posting_an_invoice_number_is(shop):
    setup, _ = shop_run(shop).setup(DayKey(shop.today), STEP)
    plan = plan_sales_invoice(shop.the_day(), shop.mapping, setup.rates)
    number = f"POS-{shop.today:%Y%m%d}"
    assert [posting_of(n, plan) for n in (number, f"{number}-2", f"{number}-12")] == [1, 2, 12]
