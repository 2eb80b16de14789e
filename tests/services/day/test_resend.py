"""Re-sending a corrected day: the preview in words, then payments removed, the invoice voided and the
day sent again — each said to the run's listener."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.services.day.day_parts import shop_run
from xerohelper.adapters.journal import PaymentRecord
from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.day import Tender
from xerohelper.services.day.checklist_runner import ChecklistRunner
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.resend import Resend, ResendPreview


def resend_for(shop, runner: ChecklistRunner) -> Resend:
    return Resend(shop.journal, shop.tenant_id, lambda: shop.mapping, runner)


def test_the_preview_says_what_changes_in_xero():
    invoice = InvoiceFacts("i1", "POS-20261121", "PAID", Decimal("2240.40"), Decimal("0"))
    note = InvoiceFacts("c1", "POS-20261121-CN", "PAID", Decimal("20.00"), Decimal("0"))
    preview = ResendPreview(
        invoice=invoice,
        payments=(PaymentRecord("Cash", "p1", Decimal("412.30"), "i1"),),
        new_number="POS-20261121-2",
        new_total=Decimal("2251.40"),
        figures_changed=True,
        credit_note=note,
    )
    assert preview.words.splitlines() == [
        "Remove the payment on invoice POS-20261121 (Cash $412.30).",
        "Void invoice POS-20261121 ($2,240.40); it stays in Xero's history.",
        "Void credit note POS-20261121-CN ($20.00) for the refunds paid out.",
        "Send the day again as invoice POS-20261121-2 ($2,251.40), then its payments.",
    ]
    draft = replace(preview, invoice=replace(invoice, status="DRAFT"), payments=(), credit_note=None)
    assert draft.words.splitlines()[0].startswith("Delete invoice POS-20261121")


def test_nothing_to_resend_before_the_day_is_in_xero(shop):
    run = shop_run(shop)
    run.status.save_day(shop.the_day())
    assert resend_for(shop, ChecklistRunner()).preview(shop.today) is None


def test_a_corrected_day_is_voided_and_sent_again_saying_so(shop):
    shop.approve_automatically()
    runner = ChecklistRunner()
    key = DayKey(shop.today)
    day = shop.the_day()
    run = shop_run(shop)
    run.status.save_day(day)
    assert runner.run(run, [key])[0].is_finished
    more_cash = tuple(
        Tender(t.name, t.amount + (Decimal("11.00") if t.name == "Cash" else 0)) for t in day.tenders
    )
    sales = (*day.sales, type(day.sales[0])("Garden", Decimal("10.00"), Decimal("1.00")))
    run.status.save_day(replace(day, tenders=more_cash, sales=sales))
    number = f"POS-{shop.today:%Y%m%d}"
    assert resend_for(shop, runner).preview(shop.today).new_number == f"{number}-2"
    old_invoice_id = run.record(key).invoice.invoice_id

    heard: list[str] = []
    checklist = resend_for(shop, runner).resend(shop_run(shop, progress=heard.append), key)

    assert checklist.is_finished
    assert heard[:2] == ["Removing the day's payments in Xero…", f"Voiding invoice {number} in Xero…"]
    assert "Sending the sales summary to Xero…" in heard
    assert shop.invoices_numbered(number)[0]["status"] == "VOIDED" and shop.payments_on(number) == []
    assert shop.invoices_numbered(f"{number}-2")[0]["status"] == "PAID"
    attempts = shop.journal.attempts(shop.tenant_id, shop.today)
    removed = [a.xero_ids for a in attempts if a.action == "remove-payment"]
    assert len(removed) == 3 and all(ids["Status"] == "DELETED" and ids["PaymentID"] for ids in removed)
    (voided,) = [a.xero_ids for a in attempts if a.action == "void-invoice"]
    assert voided == {"DocumentID": old_invoice_id, "Status": "VOIDED"}
