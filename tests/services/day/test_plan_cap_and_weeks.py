"""A Xero plan that caps approved sales invoices (Starter: 20 a month), against the sandbox with the real SDK.

Weekly summaries post every day of a 31-day month with no refusal; one invoice a day is stopped by preflight
at the day that would go over the cap, before anything is sent for it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from xerohelper.adapters.journal import Journal
from xerohelper.adapters.xero_past_days import XeroPastDays
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.dates import WEEKDAYS
from xerohelper.core.day_status import DayStatus
from xerohelper.core.plan_limit import monthly_cap
from xerohelper.core.weeks import week_of
from xerohelper.services.day_snapshot import month_statuses, month_weeks
from xerohelper.services.journal_rebuild import rebuild_from_xero

STARTER = {"approved_invoice_limit": 20, "plan": "STARTER"}


def a_past_month_of_31_days(today: date) -> list[date]:
    """The latest month before this one with 31 days (after the demo's end-of-year lock date)."""
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    while (first.replace(day=28) + timedelta(days=4)).replace(day=1) - first != timedelta(days=31):
        first = (first - timedelta(days=1)).replace(day=1)
    return [first + timedelta(days=n) for n in range(31)]


def refusals(shop, days: list[date]) -> list:
    """Every write Xero turned down for these days (the journal keeps each attempt's outcome)."""
    journal, organisation = shop.journal, shop.tenant_id
    return [a for d in days for a in journal.attempts(organisation, d) if a.outcome == "failed"]


def approved_in(shop, days: list[date]) -> list[dict]:
    """The sandbox's own record of approved (or paid) sales invoices dated in these days."""
    invoices = shop.control("state")["world"]["organisations"][shop.tenant_id]["invoices"].values()
    first, last = days[0].isoformat(), days[-1].isoformat()
    return [
        i
        for i in invoices
        if i["type"] == "ACCREC" and i["status"] in ("AUTHORISED", "PAID") and first <= i["date"] <= last
    ]


def post_the_month(shop, days: list[date]):
    for d in days:
        shop.service.save_day(shop.the_day(d))
    return shop.service.catch_up(days, approve=True)


def test_weekly_summaries_post_a_whole_month_on_a_starter_plan_without_one_refusal(shop):
    shop.control("organisation", STARTER)
    shop.mapping = replace(shop.mapping, weekly=True)
    month = a_past_month_of_31_days(shop.today)

    checklists = post_the_month(shop, month)

    assert [c.is_finished for c in checklists] == [True] * 31
    assert refusals(shop, month) == []
    weeks = sorted({week_of(d) for d in month})
    approved = approved_in(shop, month)
    assert sorted(i["invoice_number"] for i in approved) == sorted(
        f"POS-{w.first:%Y%m%d}-{w.last:%Y%m%d}" for w in weeks
    )
    assert len(approved) <= 6 and all(i["status"] == "PAID" for i in approved)
    # Each day's payments are dated on the day they were taken, on its week's invoice.
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    invoice_of = {i["invoice_id"]: i for i in approved}
    paid = [p for p in ledger["payments"].values() if p["invoice_id"] in invoice_of]
    assert len(paid) == 31 * 3
    for payment in paid:
        day = date.fromisoformat(payment["date"])
        week = week_of(day)
        assert invoice_of[payment["invoice_id"]]["invoice_number"].startswith(f"POS-{week.first:%Y%m%d}")


def test_one_invoice_a_day_stops_before_the_day_that_would_go_over_the_cap_with_nothing_sent(shop):
    shop.control("organisation", STARTER)
    month = a_past_month_of_31_days(shop.today)
    already = shop.service.books.approved_sales_invoices(month[0].year, month[0].month)
    fits = monthly_cap("STARTER")[1] - already

    checklists = post_the_month(shop, month)

    assert [c.is_finished for c in checklists[:fits]] == [True] * fits
    stopped = checklists[fits][Step.SALES_SUMMARY]
    assert stopped.state is StepState.NEEDS_ATTENTION
    assert stopped.attention.key == "plan-cap-ahead" and stopped.attention.predicted
    assert "20 sales invoices a month" in stopped.attention.what_happened
    assert refusals(shop, month) == []
    assert shop.journal.attempts(shop.tenant_id, month[fits]) == []  # not a single write for that day
    assert len(approved_in(shop, month)) == fits
    # The days after it wait, untouched.
    assert all(not c.is_finished and not c.needs_attention for c in checklists[fits + 1 :])
    # After a restart the capped day still needs attention, with the same card.
    again = shop.new_service().checklist(month[fits])[Step.SALES_SUMMARY]
    assert again.state is StepState.NEEDS_ATTENTION and again.attention == stopped.attention
    # The owner moves to a plan without a cap: the day goes in, and nothing is kept against it any more.
    shop.control("organisation", {"approved_invoice_limit": None, "plan": "STANDARD"})
    shop.service = shop.new_service()
    assert shop.service.run_day(month[fits], approve=True).is_finished
    assert shop.journal.problems(shop.tenant_id, month[fits]) == {}


def test_a_corrected_day_of_a_week_sends_the_week_again(shop):
    shop.mapping = replace(shop.mapping, weekly=True, approve_automatically=True)
    week = week_of(a_past_month_of_31_days(shop.today)[9])
    days = week.days()
    assert all(c.is_finished for c in post_the_month(shop, days))
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
    # The till's figures for one day of the week come in again, corrected.
    corrected = shop.the_day(days[1])
    more_cash = tuple(
        type(t)(t.name, t.amount + (Decimal("11.00") if t.name == "Cash" else 0)) for t in corrected.tenders
    )
    sales = (*corrected.sales, type(corrected.sales[0])("Garden", Decimal("10.00"), Decimal("1.00")))
    shop.service.save_day(replace(corrected, sales=sales, tenders=more_cash))

    preview = shop.service.resend_preview(days[1])
    assert preview.figures_changed and preview.weekly and preview.new_number == f"{number}-2"
    assert f"Void invoice {number}" in preview.words and "Send the week again" in preview.words
    assert len(preview.payments) == 3 * len(days)

    after = shop.service.resend(days[1])

    assert after.is_finished
    assert [i["status"] for i in shop.invoices_numbered(number)] == ["VOIDED"]
    again = shop.invoices_numbered(f"{number}-2")
    assert [i["status"] for i in again] == ["PAID"]
    assert Decimal(again[0]["total"]) == preview.new_total
    assert all(shop.service.checklist(d).is_finished for d in days)
    assert shop.payments_on(number) == [] and len(shop.payments_on(f"{number}-2")) == 3 * len(days)


def test_catch_up_lists_the_days_of_weeks_that_are_over_not_those_of_this_week(shop):
    shop.mapping = replace(shop.mapping, weekly=True)
    this_week = week_of(shop.today)
    last_week = week_of(this_week.first - timedelta(days=1))
    days = [*last_week.days(), *[d for d in this_week.days() if d < shop.today]]
    for d in days:
        shop.service.save_day(shop.the_day(d))
    due = shop.service.unfinished_days(days[0], shop.today)
    assert due == last_week.days()
    waiting = [d for d in days if d in this_week]
    for d in waiting:
        reason = shop.service.checklist(d)[Step.SALES_SUMMARY].reason
        assert reason.startswith("This shop sends one invoice a week:") and this_week.words in reason


def test_the_calendar_shows_a_week_s_state_on_each_of_its_days(shop):
    week = week_of(a_past_month_of_31_days(shop.today)[9])
    for d in week.days():
        shop.service.save_day(shop.the_day(d))
    shop.service.skip(week.days()[1], Step.SALES_SUMMARY, "Closed for a stocktake")
    shop.service.skip(week.days()[1], Step.APPROVE, "Closed for a stocktake")
    shop.service.skip(week.days()[1], Step.PAYMENTS, "Closed for a stocktake")
    month = (week.first.year, week.first.month)

    daily = month_statuses(shop.service, month)
    assert daily[week.days()[1]] is DayStatus.SKIPPED and daily[week.days()[0]] is DayStatus.IMPORTED
    weekly = month_statuses(shop.service, month, weekly=True)
    assert {weekly[d] for d in week.days()} == {DayStatus.IMPORTED}  # the week's state, on every day
    assert month_weeks(month)[week.days()[3]] == week.words


def test_the_warning_counts_the_days_still_to_post_from_the_day_shown(shop):
    shop.control("organisation", STARTER)
    month = a_past_month_of_31_days(shop.today)
    already = shop.service.books.approved_sales_invoices(month[0].year, month[0].month)
    left = 20 - already
    shop.service.save_day(shop.the_day(month[2]))  # the 3rd: figures in, not sent yet
    words = shop.service.plan_warning(month[9])  # looking at the 10th
    # still to post: the 3rd, then the 10th onwards; the (left+1)-th of those would be refused
    over = ([month[2], *month[9:]])[left]
    assert f"{left} left for" in words and f"from {WEEKDAYS[over.weekday()]} {over.day} " in words


def test_the_warning_counts_every_till_s_invoices_against_the_organisation_s_cap(shop):
    shop.control("organisation", STARTER)
    month = a_past_month_of_31_days(shop.today)
    left = 20 - shop.service.books.approved_sales_invoices(month[0].year, month[0].month)
    for till in ("Front", "Back"):
        shop.service.save_day(replace(shop.the_day(month[2]), location=till))
    words = shop.service.plan_warning(month[9], "Front")
    # still to post, at each till: the 3rd, then the 10th onwards — two invoices a day
    over = sorted([month[2], *month[9:]] * 2)[left]
    assert f"from {WEEKDAYS[over.weekday()]} {over.day} " in words

    shop.mapping = replace(shop.mapping, weekly=True)
    assert shop.service.plan_warning(month[9], "Front").endswith(
        "Weekly summaries send about five a month for each till, so every day fits."
    )


def test_a_lost_journal_is_rebuilt_with_the_week_s_invoice_on_each_day_and_its_own_payments(shop, tmp_path):
    shop.mapping = replace(shop.mapping, weekly=True, approve_automatically=True)
    week = week_of(shop.today - timedelta(days=7))
    days = week.days()
    assert all(c.is_finished for c in post_the_month(shop, days))

    fresh = Journal(tmp_path / "rebuilt.sqlite3")
    try:
        past = XeroPastDays(shop.connection.api(), shop.tenant_id, shop.pacer)
        rebuilt = rebuild_from_xero(fresh, shop.tenant_id, past, shop.mapping, today=shop.today)
        number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
        assert rebuilt.days >= len(days)
        for d in days:
            record = fresh.record(shop.tenant_id, d)
            assert record.invoice.number == number and record.invoice.status == "PAID"
            assert {p.tender for p in record.payments} == {"Cash", "EFTPOS", "Amex"}
            fresh.save_day(shop.tenant_id, shop.the_day(d))  # the till's figures imported again
            assert not fresh.record(shop.tenant_id, d).figures_changed_since_posting
    finally:
        fresh.close()


def test_check_again_on_one_day_of_a_week_reads_the_week_s_invoice_for_all_its_days(shop):
    shop.mapping = replace(shop.mapping, weekly=True)
    week = week_of(a_past_month_of_31_days(shop.today)[9])
    days = week.days()
    for d in days:
        shop.service.save_day(shop.the_day(d))
    shop.service.run_day(days[0])  # the week's invoice goes in as a draft
    number = f"POS-{week.first:%Y%m%d}-{week.last:%Y%m%d}"
    assert len(shop.invoices_numbered(number)) == 1
    shop.service.books.approve(  # the owner approves it in Xero
        [shop.service.journal.record(shop.tenant_id, days[0]).invoice], ["approved-in-xero"]
    )
    shop.service.refresh(days[-1])
    assert {shop.service.checklist(d)[Step.APPROVE].state for d in days} == {StepState.DONE}
