"""Weekly summaries with refunds paid out (cash handed back, a card refunded), against the sandbox with the
real SDK: the week's invoice is paid in full by each day's tenders, the week's one credit note in full by the
refunds, each dated on its own day into its tender's account; nothing refused, and a second run writes
nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from tests.services.day.test_plan_cap_and_weeks import (
    STARTER,
    a_past_month_of_31_days,
    approved_in,
    refusals,
)
from xerohelper.core.checklist import Step
from xerohelper.core.day import Day, Tender
from xerohelper.core.weeks import week_of

WRITES = ("PUT ", "POST ", "DELETE ")


def paying_back(day: Day, refunded: str, amount: str, instead: str) -> Day:
    """The day with `refunded` paying `amount` back to customers (its tender below zero) and what it took
    that day taken by `instead`, so the till still balances."""
    tenders = {t.name: t.amount for t in day.tenders}
    back = Decimal(amount)
    tenders[instead] += tenders[refunded] + back
    tenders[refunded] = -back
    return replace(day, tenders=tuple(Tender(name, value) for name, value in tenders.items()))


def a_week_with_a_cash_and_a_card_refund(shop, week) -> list[Day]:
    days = [shop.the_day(d) for d in week.days()]
    days[1] = paying_back(days[1], "Cash", "20.00", instead="EFTPOS")  # cash handed back on the Tuesday
    days[3] = paying_back(days[3], "Amex", "30.00", instead="Cash")  # an Amex refund on the Thursday
    for day in days:
        assert day.difference_decided
        shop.service.save_day(day)
    return days


def ledger(shop) -> dict:
    return shop.control("state")["world"]["organisations"][shop.tenant_id]


def test_a_week_with_a_cash_and_a_card_refund_posts_paid_with_each_refund_on_its_day(shop):
    shop.mapping = replace(shop.mapping, weekly=True, approve_automatically=True)
    week = week_of(a_past_month_of_31_days(shop.today)[9])
    days = a_week_with_a_cash_and_a_card_refund(shop, week)

    checklists = shop.service.catch_up(week.days(), approve=True)

    assert all(c.is_finished for c in checklists)
    assert refusals(shop, week.days()) == []
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
    (invoice,) = shop.invoices_numbered(number)
    taken = {day.date: sum((t.amount for t in day.tenders if t.amount > 0), Decimal(0)) for day in days}
    assert invoice["status"] == "PAID" and Decimal(invoice["total"]) == sum(taken.values())
    # The invoice's payments: each day's own tenders, dated on that day.
    by_day: dict[date, Decimal] = {}
    for payment in shop.payments_on(number):
        paid_on = date.fromisoformat(payment["date"])
        by_day[paid_on] = by_day.get(paid_on, Decimal(0)) + Decimal(payment["amount"])
    assert by_day == taken
    # One credit note for the week, paid out in full: each refund on its own day, into its tender's account.
    (note,) = [n for n in ledger(shop)["credit_notes"].values() if n["invoice_number"] == f"{number}-CN"]
    assert note["status"] == "PAID" and Decimal(note["total"]) == Decimal("50.00")
    assert note["date"] == week.first.isoformat()
    refunds = [
        p
        for p in ledger(shop)["payments"].values()
        if p["credit_note_id"] == note["invoice_id"] and p["status"] != "DELETED"
    ]
    accounts = {a["account_id"]: a["code"] for a in ledger(shop)["accounts"].values()}
    assert sorted((p["date"], Decimal(p["amount"]), accounts[p["account_id"]]) for p in refunds) == [
        (week.days()[1].isoformat(), Decimal("20.00"), shop.mapping.tenders["Cash"]),
        (week.days()[3].isoformat(), Decimal("30.00"), shop.mapping.tenders["Amex"]),
    ]
    tuesday = shop.service.checklist(week.days()[1])[Step.PAYMENTS].reason
    assert (
        tuesday
        == f"Invoice {number} is paid in full, and the refunds are paid out of credit note {number}-CN."
    )
    # The days that paid refunds have the week's credit note in the journal; the others have none.
    for d in week.days():
        record = shop.journal.record(shop.tenant_id, d)
        if d in (week.days()[1], week.days()[3]):
            assert record.credit_note.number == f"{number}-CN" and record.credit_note.status == "PAID"
        else:
            assert record.credit_note is None

    shop.reset_call_counts()
    again = shop.service.catch_up(week.days(), approve=True)
    assert all(c.is_finished for c in again)
    assert [k for k in shop.calls() if k.startswith(WRITES)] == []  # re-run: not one write


def test_a_week_with_refunds_in_draft_mode_goes_step_by_step_then_sent_again_voids_both(shop):
    shop.mapping = replace(shop.mapping, weekly=True)
    week = week_of(a_past_month_of_31_days(shop.today)[16])
    a_week_with_a_cash_and_a_card_refund(shop, week)
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"

    shop.service.run_day(week.first, approve=False)  # the week's invoice and credit note go in as drafts
    notes = [n for n in ledger(shop)["credit_notes"].values() if n["invoice_number"] == f"{number}-CN"]
    assert [n["status"] for n in notes] == ["DRAFT"]
    assert all(c.is_finished for c in shop.service.catch_up(week.days(), approve=True))
    assert refusals(shop, week.days()) == []

    preview = shop.service.resend_preview(week.days()[5])  # a day that paid nothing back
    assert f"Void credit note {number}-CN" in preview.words
    assert shop.service.resend(week.days()[5], approve=True).is_finished
    statuses = {n["invoice_number"]: n["status"] for n in ledger(shop)["credit_notes"].values()}
    assert statuses[f"{number}-CN"] == "VOIDED" and statuses[f"{number}-2-CN"] == "PAID"
    (again,) = shop.invoices_numbered(f"{number}-2")
    assert again["status"] == "PAID" and Decimal(again["total"]) == preview.new_total
    assert all(shop.service.checklist(d).is_finished for d in week.days())


def test_a_starter_plan_posts_a_month_with_refunds_in_some_weeks_weekly_without_one_refusal(shop):
    shop.control("organisation", STARTER)
    shop.mapping = replace(shop.mapping, weekly=True)
    month = a_past_month_of_31_days(shop.today)
    for d in month:
        shop.service.save_day(shop.the_day(d))
    for d in (month[2], month[15]):  # cash back early in the month, a card refund later
        shop.service.save_day(paying_back(shop.the_day(d), "Cash", "12.50", instead="EFTPOS"))
    shop.service.save_day(paying_back(shop.the_day(month[16]), "Amex", "40.00", instead="Cash"))

    checklists = shop.service.catch_up(month, approve=True)

    assert [c.is_finished for c in checklists] == [True] * 31
    assert refusals(shop, month) == []
    weeks = {week_of(d) for d in month}
    assert len(approved_in(shop, month)) == len(weeks)
    notes = [n for n in ledger(shop)["credit_notes"].values() if n["status"] == "PAID"]
    assert sorted(n["invoice_number"] for n in notes) == sorted(
        f"POS-{w.first:%Y%m%d}-{w.last:%Y%m%d}-CN"
        for w in {week_of(d) for d in (month[2], month[15], month[16])}
    )
    year, number = month[0].year, month[0].month
    assert shop.service.books.approved_sales_credit_notes(year, number) == len(notes)


def approved_by_hand(shop, dated: date, count: int) -> None:
    """`count` sales invoices approved in Xero by hand, dated `dated` (they count against the plan's cap)."""
    from xero_python.accounting.models import Contact, Invoice, Invoices, LineItem

    api = shop.connection.api()
    contacts = api.call(api.accounting.get_contacts, shop.tenant_id, where='Name=="POS Sales"').contacts
    invoices = [
        Invoice(
            type="ACCREC",
            contact=Contact(contact_id=contacts[0].contact_id),
            date=dated,
            due_date=dated,
            status="AUTHORISED",
            invoice_number=f"BY-HAND-{n}",
            line_items=[LineItem(description="by hand", quantity=1.0, unit_amount=10.0, account_code="200")],
        )
        for n in range(count)
    ]
    api.call(api.accounting.create_invoices, shop.tenant_id, Invoices(invoices=invoices))


def test_a_week_s_credit_note_is_counted_against_the_cap_to_be_safe(shop):
    """Xero doesn't say whether its cap counts credit notes: a week whose invoice fits but whose credit note
    would not is stopped before anything is sent, with the plan's card."""
    shop.control("organisation", STARTER)
    month = a_past_month_of_31_days(shop.today)
    books = shop.service.books
    already = books.approved_sales_invoices(month[0].year, month[0].month)
    already += books.approved_sales_credit_notes(month[0].year, month[0].month)
    approved_by_hand(shop, month[0], 19 - already)  # room for one more: the week's invoice, not its note
    shop.mapping = replace(shop.mapping, weekly=True)
    week = week_of(month[9])
    a_week_with_a_cash_and_a_card_refund(shop, week)

    checklists = shop.service.catch_up(week.days(), approve=True)

    card = checklists[0][Step.SALES_SUMMARY].attention
    assert card.key == "plan-cap-ahead" and card.predicted
    assert all(shop.journal.attempts(shop.tenant_id, d) == [] for d in week.days())  # nothing sent
    assert refusals(shop, week.days()) == []


def test_a_lost_journal_is_rebuilt_with_the_week_s_credit_note_on_the_days_that_paid_refunds(shop, tmp_path):
    from xerohelper.adapters.journal import Journal
    from xerohelper.adapters.xero_past_days import XeroPastDays
    from xerohelper.services.journal_rebuild import rebuild_from_xero

    shop.mapping = replace(shop.mapping, weekly=True, approve_automatically=True)
    week = week_of(shop.today - timedelta(days=7))
    if len(week.days()) < 4:  # cut short at a month's end: the week before it
        week = week_of(week.first - timedelta(days=1))
    a_week_with_a_cash_and_a_card_refund(shop, week)
    assert all(c.is_finished for c in shop.service.catch_up(week.days(), approve=True))

    fresh = Journal(tmp_path / "rebuilt.sqlite3")
    try:
        past = XeroPastDays(shop.connection.api(), shop.tenant_id, shop.pacer)
        rebuild_from_xero(fresh, shop.tenant_id, past, shop.mapping, today=shop.today)
        number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
        tuesday, thursday = week.days()[1], week.days()[3]
        for d in week.days():
            record = fresh.record(shop.tenant_id, d)
            assert record.invoice.number == number
            if d in (tuesday, thursday):
                assert record.credit_note.number == f"{number}-CN"
            else:
                assert record.credit_note is None
        refunds = {
            (d, p.tender, p.amount)
            for d in (tuesday, thursday)
            for p in fresh.record(shop.tenant_id, d).payments
            if p.invoice_id == fresh.record(shop.tenant_id, d).credit_note.invoice_id
        }
        assert refunds == {(tuesday, "Cash", Decimal("20.00")), (thursday, "Amex", Decimal("30.00"))}
    finally:
        fresh.close()


def test_the_weekly_warning_names_the_week_the_plan_would_refuse_counting_a_refund_week_twice(shop):
    shop.control("organisation", STARTER)
    shop.mapping = replace(shop.mapping, weekly=True)
    month = a_past_month_of_31_days(shop.today)
    books = shop.service.books
    already = books.approved_sales_invoices(month[0].year, month[0].month)
    already += books.approved_sales_credit_notes(month[0].year, month[0].month)
    approved_by_hand(shop, month[0], 18 - already)  # 2 left
    weeks = sorted({week_of(d) for d in month if d >= week_of(month[9]).first})

    words = shop.service.plan_warning(month[9])
    assert "2 left for" in words and f"from {weeks[2].words} Xero would refuse" in words

    shop.service.save_day(paying_back(shop.the_day(month[9]), "Cash", "5.00", instead="EFTPOS"))
    words = shop.service.plan_warning(month[9])  # that week's credit note counts too
    assert f"from {weeks[1].words} Xero would refuse" in words
