"""Step 2 against the sandbox: drafts approved when asked — the credit note with its invoice — and a
refusal from Xero explained on the step."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.services.day.day_parts import shop_run
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day import Tender
from xerohelper.services.day.approval import Approval
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.sales_summary import SalesSummary

STEP = Step.APPROVE


def test_approving_waits_to_be_asked():
    approval = Approval()
    assert not approval.asked(None, approve=False)
    assert approval.asked(None, approve=True)
    assert approval.asked(Step.APPROVE, approve=False)  # "Approve now"
    assert not approval.asked(Step.PAYMENTS, approve=True)


def test_the_draft_and_its_credit_note_are_approved(shop):
    heard: list[str] = []
    run, key = shop_run(shop, progress=heard.append), DayKey(shop.today)
    tenders = {"Amex": Decimal("262.50"), "Cash": Decimal("-20.00"), "EFTPOS": Decimal("1997.90")}
    day = shop.the_day()
    run.status.save_day(replace(day, tenders=tuple(Tender(n, a) for n, a in tenders.items())))
    SalesSummary().run(run, [key], shop.mapping)
    heard.clear()

    assert Approval().run(run, [key], shop.mapping) == [key]

    record = run.record(key)
    assert (record.invoice.status, record.credit_note.status) == ("AUTHORISED", "AUTHORISED")
    assert heard == ["Approving the credit note for the refunds…", "Approving the sales summary in Xero…"]
    assert run.status.of(key)[STEP].state is StepState.DONE
    kept = {a.action: a.xero_ids for a in shop.journal.attempts(shop.tenant_id, shop.today)}
    assert kept["approve"] == {"InvoiceID": record.invoice.invoice_id, "Status": "AUTHORISED"}
    assert kept["approve-credit-note"] == {
        "CreditNoteID": record.credit_note.invoice_id,
        "Status": "AUTHORISED",
    }
    assert kept["create-credit-note"] == {"CreditNoteID": record.credit_note.invoice_id}


def test_with_nothing_to_approve_xero_is_not_asked(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    run.status.save_day(shop.the_day())  # not in Xero yet
    shop.reset_call_counts()
    assert Approval().run(run, [key], shop.mapping) == [key]
    assert not any("/api.xro/" in endpoint for endpoint in shop.calls())


def test_xero_refusing_the_approval_is_explained_and_the_day_waits(shop):
    run, key = shop_run(shop), DayKey(shop.today)
    run.status.save_day(shop.the_day())
    SalesSummary().run(run, [key], shop.mapping)
    shop.control("organisation", {"tenant": shop.tenant_id, "approved_invoice_limit": 0})

    assert Approval().run(run, [key], shop.mapping) == []

    card = run.attention.of(key)[STEP]
    assert not card.predicted and card.xero_messages
    (attempt,) = [a for a in shop.journal.attempts(shop.tenant_id, shop.today) if a.step is STEP]
    assert attempt.outcome == "failed" and attempt.http_status == 200
    assert card.xero_messages[0] in attempt.error_body  # Xero's words are kept in the journal
    assert run.record(key).invoice.status == "DRAFT"
