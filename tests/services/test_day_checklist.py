"""The day's checklist against the sandbox: the real SDK, the real journal, Xero's real rules."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.services.connected_shop import connected_shop
from xerohelper.adapters.xero_pacing import Cancelled
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.connection import ReconnectNeeded
from xerohelper.core.day import Tender
from xerohelper.core.explain.explanation import Action

DONE, READY, NOT_STARTED, ATTENTION = (
    StepState.DONE,
    StepState.READY,
    StepState.NOT_STARTED,
    StepState.NEEDS_ATTENTION,
)
# Xero calls a normal day may make once the organisation's set-up has been read (DESIGN.md: at most 6).
SETUP_READS = (
    "GET /api.xro/2.0/accounts",
    "GET /api.xro/2.0/taxrates",
    "GET /api.xro/2.0/organisation",
    "GET /api.xro/2.0/contacts",
)


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as connected:
        yield connected


def states(checklist) -> list[StepState]:
    return [s.state for s in checklist.steps]


def test_draft_then_approve_then_tenders(shop):
    day = shop.the_day()
    number = f"POS-{shop.today:%Y%m%d}"
    assert states(shop.service.save_day(day)) == [READY, NOT_STARTED, NOT_STARTED]

    after_run = shop.service.run_day(shop.today, approve=False)
    assert states(after_run) == [DONE, READY, NOT_STARTED]
    assert (
        "approve the sales summary first" in after_run[Step.PAYMENTS].reason
    )  # tenders not offered on a draft
    (draft,) = shop.invoices_numbered(number)
    assert draft["status"] == "DRAFT"
    assert Decimal(draft["total"]) == day.totals.gross == Decimal("2240.40")
    assert shop.payments_on(number) == []

    assert states(shop.service.run_next_step(shop.today)) == [DONE, DONE, READY]  # "Approve now"
    finished = shop.service.run_next_step(shop.today)
    assert finished.is_finished
    assert finished[Step.PAYMENTS].reason == f"Invoice {number} is paid in full."
    (paid,) = shop.invoices_numbered(number)
    assert paid["status"] == "PAID"
    amounts = sorted(Decimal(p["amount"]) for p in shop.payments_on(number))
    assert amounts == sorted(t.amount for t in day.tenders)


def test_approve_automatically_runs_all_three_steps_in_at_most_six_calls(shop):
    shop.approve_automatically()
    shop.service.save_day(shop.the_day())
    shop.service.organisation_setup()  # read when the day screen opens, then kept
    shop.reset_call_counts()

    checklist = shop.service.run_day(shop.today)

    assert checklist.is_finished
    calls = shop.calls()
    day_calls = sum(n for endpoint, n in calls.items() if endpoint not in SETUP_READS)
    assert day_calls <= 6, calls
    assert not any(endpoint in calls for endpoint in SETUP_READS), "set-up reads should be cached"


def test_an_unapproved_draft_keeps_tenders_back_with_the_reason(shop):
    shop.service.save_day(shop.the_day())
    shop.service.run_day(shop.today, approve=False)
    again = shop.service.run_day(shop.today, approve=False)  # the owner hasn't approved it yet
    assert states(again) == [DONE, READY, NOT_STARTED]
    assert again[Step.PAYMENTS].reason.startswith("Xero only takes payments on an approved invoice")
    assert len(shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}")) == 1


def test_approved_in_xero_by_the_owner_is_seen_when_checking_again(shop):
    shop.service.save_day(shop.the_day())
    checklist = shop.service.run_day(shop.today, approve=False)
    invoice_id = shop.journal.record(shop.tenant_id, shop.today).invoice.invoice_id
    api = shop.connection.api()
    from xero_python.accounting.models import Invoice, Invoices

    api.call(
        api.accounting.update_invoice,
        shop.tenant_id,
        invoice_id,
        Invoices(invoices=[Invoice(status="AUTHORISED")]),
    )
    assert checklist[Step.APPROVE].state is READY
    assert states(shop.service.refresh(shop.today)) == [DONE, DONE, READY]


def test_archived_contact_is_predicted_and_explained_then_fixed(shop):
    shop.control("contacts/archive", {"tenant": shop.tenant_id, "contact": "POS Sales"})
    shop.service.save_day(shop.the_day())
    checklist = shop.service.run_day(shop.today)
    summary = checklist[Step.SALES_SUMMARY]
    assert summary.state is ATTENTION
    card = summary.attention
    assert card.key == "contact-archived" and card.action is Action.FIX_IN_XERO
    assert "POS Sales" in card.what_happened
    assert "/Contacts/" in card.screen.url and "shortcode=!Xk3Lp" in card.screen.url
    assert shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}") == []  # nothing was sent

    shop.control("contacts/restore", {"tenant": shop.tenant_id, "contact": "POS Sales"})
    shop.service.refresh(shop.today)  # "I've fixed it — try again"
    assert shop.service.run_day(shop.today, approve=True).is_finished


def test_a_day_inside_the_lock_date_is_predicted(shop):
    shop.control("lock-dates", {"tenant": shop.tenant_id, "period_lock_date": shop.today.isoformat()})
    shop.service.save_day(shop.the_day())
    card = shop.service.run_day(shop.today)[Step.SALES_SUMMARY].attention
    assert card.key == "day-is-locked" and card.predicted
    assert "/Setup/FinancialSettings.aspx" in card.screen.path


def test_a_payment_account_that_refuses_payments_stops_the_day_before_anything_is_sent(shop):
    shop.control("accounts/disable-payments", {"tenant": shop.tenant_id, "code": "616"})
    shop.service.save_day(shop.the_day())
    checklist = shop.service.run_day(shop.today, approve=True)
    assert states(checklist) == [ATTENTION, NOT_STARTED, NOT_STARTED]
    card = checklist[Step.SALES_SUMMARY].attention
    assert card.key == "account-not-valid" and "616" in card.what_happened
    assert card.where == "Amex" and card.predicted
    assert shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}") == []


def test_xero_refusing_one_tender_does_not_sink_the_others(shop):
    shop.service.save_day(shop.the_day())
    shop.service.run_day(shop.today, approve=False)  # the set-up is read and kept from here on
    shop.service.run_next_step(shop.today)  # approve
    # Changed in Xero after the set-up was read: preflight can't know, so Xero itself refuses Amex.
    shop.control("accounts/disable-payments", {"tenant": shop.tenant_id, "code": "616"})

    payments = shop.service.run_next_step(shop.today)[Step.PAYMENTS]

    assert payments.state is ATTENTION
    card = payments.attention
    assert not card.predicted and card.xero_messages  # Xero's own words
    assert "Amex" in card.where
    number = f"POS-{shop.today:%Y%m%d}"
    assert sorted(Decimal(p["amount"]) for p in shop.payments_on(number)) == [
        Decimal("412.30"),
        Decimal("1565.60"),
    ]
    record = shop.journal.record(shop.tenant_id, shop.today)
    assert {p.tender for p in record.payments} == {"Cash", "EFTPOS"}
    assert record.invoice.amount_due == Decimal("262.50")

    shop.control("accounts/enable-payments", {"tenant": shop.tenant_id, "code": "616"})
    shop.service.refresh(shop.today)
    assert shop.service.run_next_step(shop.today).is_finished
    assert len(shop.payments_on(number)) == 3


def test_someone_elses_invoice_with_the_same_number_is_explained_not_posted_over(shop):
    from xero_python.accounting.models import Contact, Invoice, Invoices, LineItem

    api = shop.connection.api()
    contacts = api.call(api.accounting.get_contacts, shop.tenant_id, where='Name=="POS Sales"').contacts
    number = f"POS-{shop.today:%Y%m%d}"
    handmade = Invoice(
        type="ACCREC",
        contact=Contact(contact_id=contacts[0].contact_id),
        date=shop.today,
        due_date=shop.today,
        invoice_number=number,
        status="DRAFT",
        line_items=[
            LineItem(
                description="by hand", quantity=1.0, unit_amount=10.0, account_code="200", tax_type="OUTPUT"
            )
        ],
    )
    api.call(api.accounting.create_invoices, shop.tenant_id, Invoices(invoices=[handmade]))

    shop.service.save_day(shop.the_day())
    card = shop.service.run_day(shop.today)[Step.SALES_SUMMARY].attention
    assert card.key == "invoice-number-used"
    assert "2240.40" in card.what_happened and "11.00" in card.what_happened
    assert len(shop.invoices_numbered(number)) == 1


def test_503_and_dropped_connections_are_retried_without_posting_twice(shop):
    shop.approve_automatically()
    shop.service.save_day(shop.the_day())
    shop.control("faults", {"kind": "503", "count": 1, "path_contains": "/invoices", "method": "PUT"})
    shop.control("faults", {"kind": "drop", "count": 1, "path_contains": "/payments"})
    assert shop.service.run_day(shop.today).is_finished
    number = f"POS-{shop.today:%Y%m%d}"
    assert len(shop.invoices_numbered(number)) == 1
    assert len(shop.payments_on(number)) == 3


def test_a_low_minute_allowance_is_respected_before_xero_says_429(tmp_path):
    with connected_shop(tmp_path, minute_limit=3) as shop:
        shop.approve_automatically()
        shop.service.save_day(shop.the_day())
        assert shop.service.run_day(shop.today).is_finished
        assert shop.pacer.rate_limited == 0
        assert shop.waits and all(seconds == 60 for seconds in shop.waits)


def test_a_429_storm_is_waited_out_as_xero_says(tmp_path):
    with connected_shop(tmp_path, minute_limit=3) as shop:
        shop.pacer.low_minute_allowance = 0  # as if another app used the organisation's allowance
        shop.approve_automatically()
        shop.service.save_day(shop.the_day())
        assert shop.service.run_day(shop.today).is_finished
        assert shop.pacer.rate_limited >= 1
        assert shop.waits and all(seconds > 0 for seconds in shop.waits)
        number = f"POS-{shop.today:%Y%m%d}"
        assert len(shop.invoices_numbered(number)) == 1 and len(shop.payments_on(number)) == 3


def test_revoked_mid_run_then_reconnect_resumes_with_nothing_lost(shop):
    shop.service.save_day(shop.the_day())
    shop.service.run_day(shop.today, approve=False)
    shop.control("tokens/revoke", {})
    shop.control("tokens/expire", {})
    with pytest.raises(ReconnectNeeded):
        shop.service.run_next_step(shop.today)
    assert shop.journal.day(shop.tenant_id, shop.today) is not None  # pending work untouched

    shop.connection.connect()  # Reconnect: the same organisation again
    shop.service = shop.new_service()
    assert shop.service.run_day(shop.today, approve=True).is_finished
    number = f"POS-{shop.today:%Y%m%d}"
    assert len(shop.invoices_numbered(number)) == 1 and len(shop.payments_on(number)) == 3


def test_a_corrected_day_is_sent_again_after_confirmation(shop):
    shop.approve_automatically()
    day = shop.the_day()
    shop.service.save_day(day)
    assert shop.service.run_day(shop.today).is_finished
    number = f"POS-{shop.today:%Y%m%d}"
    assert shop.service.resend_preview(shop.today).figures_changed is False

    # The till's figures changed after posting: ten dollars more cash.
    corrected = replace(
        day,
        tenders=tuple(
            Tender(t.name, t.amount + (Decimal("11.00") if t.name == "Cash" else 0)) for t in day.tenders
        ),
        sales=(*day.sales, type(day.sales[0])("Garden", Decimal("10.00"), Decimal("1.00"))),
    )
    shop.service.save_day(corrected)
    preview = shop.service.resend_preview(shop.today)
    assert preview.figures_changed
    assert preview.new_number == f"{number}-2"
    assert "Remove the 3 payments" in preview.words and f"Void invoice {number}" in preview.words
    assert "($2,251.40)" in preview.words and "Cash $412.30" in preview.words

    assert shop.service.resend(shop.today).is_finished
    (old,) = shop.invoices_numbered(number)
    assert old["status"] == "VOIDED"
    assert shop.payments_on(number) == []
    (new,) = shop.invoices_numbered(f"{number}-2")
    assert new["status"] == "PAID" and Decimal(new["total"]) == Decimal("2251.40")
    assert len(shop.payments_on(f"{number}-2")) == 3


def test_catch_up_posts_missed_days_in_order_and_stops_at_the_first_that_needs_attention(shop):
    shop.approve_automatically()
    first = shop.today - timedelta(days=20)
    dates = [first + timedelta(days=n) for n in range(5)]
    for d in dates:
        day = shop.the_day(d)
        if d == dates[2]:  # that day the till took a voucher, which has no Xero account yet
            day = replace(day, tenders=(*day.tenders[:-1], Tender("Voucher", day.tenders[-1].amount)))
        shop.service.save_day(day)
    shop.service.organisation_setup()
    shop.reset_call_counts()

    checklists = shop.service.catch_up(dates)

    assert [c.is_finished for c in checklists] == [True, True, False, False, False]
    stuck = checklists[2]
    assert (
        stuck[Step.PAYMENTS].state is ATTENTION and "Voucher" in stuck[Step.PAYMENTS].attention.what_happened
    )
    assert states(checklists[3]) == [READY, NOT_STARTED, NOT_STARTED]  # untouched until day 3 is fixed
    assert shop.invoices_numbered(f"POS-{dates[3]:%Y%m%d}") == []
    calls = shop.calls()
    assert calls["PUT /api.xro/2.0/invoices"] == 1 and calls["PUT /api.xro/2.0/payments"] == 1, calls

    shop.mapping = shop.mapping.with_tender("Voucher", "830")  # fixed in Shop setup
    assert all(c.is_finished for c in shop.service.catch_up(dates))
    for d in dates:
        assert len(shop.invoices_numbered(f"POS-{d:%Y%m%d}")) == 1
        assert len(shop.payments_on(f"POS-{d:%Y%m%d}")) == 3


def test_refunds_paid_out_in_cash_go_out_through_a_credit_note(shop):
    day = shop.the_day()
    # The till paid $20.00 back in cash; the card takings cover the rest of the day.
    tenders = {"Amex": Decimal("262.50"), "Cash": Decimal("-20.00"), "EFTPOS": Decimal("1997.90")}
    day = replace(day, tenders=tuple(Tender(name, amount) for name, amount in tenders.items()))
    assert day.totals.difference == Decimal("0.00")
    shop.service.save_day(day)
    assert shop.service.run_day(shop.today, approve=True).is_finished

    number = f"POS-{shop.today:%Y%m%d}"
    (invoice,) = shop.invoices_numbered(number)
    assert invoice["status"] == "PAID" and Decimal(invoice["total"]) == Decimal("2260.40")
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    # The sandbox keeps a credit note as a kind of invoice (its number and id under the invoice's names).
    (note,) = [n for n in ledger["credit_notes"].values() if n["invoice_number"] == f"{number}-CN"]
    assert note["status"] == "PAID" and Decimal(note["total"]) == Decimal("20.00")
    refunds = [p for p in ledger["payments"].values() if p["credit_note_id"] == note["invoice_id"]]
    assert [Decimal(p["amount"]) for p in refunds] == [Decimal("20.00")]
    record = shop.journal.record(shop.tenant_id, shop.today)
    assert {p.tender for p in record.payments} == {"Amex", "Cash", "EFTPOS"}
    assert record.credit_note.status == "PAID"


def test_a_refund_day_in_draft_mode_then_sent_again_voids_both_documents(shop):
    day = shop.the_day()
    tenders = {"Amex": Decimal("262.50"), "Cash": Decimal("-20.00"), "EFTPOS": Decimal("1997.90")}
    day = replace(day, tenders=tuple(Tender(name, amount) for name, amount in tenders.items()))
    shop.service.save_day(day)
    drafted = shop.service.run_day(shop.today, approve=False)
    assert states(drafted) == [DONE, READY, NOT_STARTED]
    assert "credit note" in drafted[Step.SALES_SUMMARY].reason
    approved = shop.service.run_next_step(shop.today)
    assert "and credit note" in approved[Step.APPROVE].reason
    assert shop.service.run_next_step(shop.today).is_finished

    preview = shop.service.resend_preview(shop.today)
    assert "Void credit note" in preview.words
    assert shop.service.resend(shop.today, approve=True).is_finished
    number = f"POS-{shop.today:%Y%m%d}"
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    notes = {n["invoice_number"]: n["status"] for n in ledger["credit_notes"].values()}
    assert notes == {f"{number}-CN": "VOIDED", f"{number}-2-CN": "PAID"}
    assert shop.invoices_numbered(number)[0]["status"] == "VOIDED"
    assert shop.invoices_numbered(f"{number}-2")[0]["status"] == "PAID"


def test_progress_and_cancel_belong_to_the_call_that_passes_them(shop):
    number = f"POS-{shop.today:%Y%m%d}"
    default: list[str] = []
    shop.service.progress = default.append  # the service's own listener, for calls that name none
    shop.service.save_day(shop.the_day())
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        shop.service.run_day(shop.today, approve=True, cancel=stop)
    assert shop.invoices_numbered(number) == []  # stopped before anything was sent
    with pytest.raises(Cancelled):
        shop.service.organisation_setup(cancel=stop)

    heard: list[str] = []
    default.clear()
    assert shop.service.run_day(shop.today, approve=True, progress=heard.append).is_finished
    assert "Sending the sales summary to Xero…" in heard and "Recording the payments in Xero…" in heard
    assert default == []  # this call's words went to this call's listener only

    shop.service.resend(shop.today)  # the figures didn't change: re-sent all the same, said to the default
    assert default[0] == "Removing the day's payments in Xero…"


def test_cancel_mid_run_keeps_the_intent_and_the_next_run_posts_once(shop):
    number = f"POS-{shop.today:%Y%m%d}"
    shop.service.save_day(shop.the_day())
    stop = threading.Event()

    def listen(words: str) -> None:
        if words == "Sending the sales summary to Xero…":
            stop.set()  # the owner presses Cancel just as the invoice is about to go

    with pytest.raises(Cancelled):
        shop.service.run_day(shop.today, approve=True, progress=listen, cancel=stop)
    assert shop.invoices_numbered(number) == []
    (intent,) = shop.journal.unfinished(shop.tenant_id, shop.today)
    assert intent.action == "create-invoice"

    assert shop.service.run_day(shop.today, approve=True).is_finished  # another call: not cancelled
    assert len(shop.invoices_numbered(number)) == 1 and len(shop.payments_on(number)) == 3


def test_two_calls_at_once_each_hear_only_their_own_progress(shop):
    shop.approve_automatically()
    first, second = shop.today - timedelta(days=30), shop.today - timedelta(days=31)
    for d in (first, second):
        shop.service.save_day(shop.the_day(d))
    heard: dict[str, list[str]] = {"first": [], "second": []}

    def post(name: str, trading_date) -> None:
        shop.service.run_day(trading_date, progress=lambda words: heard[name].append(f"{name}: {words}"))

    threads = [threading.Thread(target=post, args=(n, d)) for n, d in (("first", first), ("second", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for name, words in heard.items():
        assert words and all(w.startswith(f"{name}: ") for w in words)
        assert f"{name}: Recording the payments in Xero…" in words
    assert shop.service.checklist(first).is_finished and shop.service.checklist(second).is_finished
