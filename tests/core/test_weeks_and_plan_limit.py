"""Weeks for weekly summaries, and the words ahead of a plan's monthly cap (pure core, no Xero)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.core.mapping import Mapping
from xerohelper.core.plan_limit import (
    PlanAllowance,
    allowance_words,
    first_over,
    monthly_cap,
)
from xerohelper.core.sales_invoice import PlanProblem
from xerohelper.core.week_invoice import plan_week_credit_note, plan_week_invoice
from xerohelper.core.weeks import Week, waits_briefly, week_of, week_waits


def test_a_week_runs_monday_to_sunday_and_stops_at_the_end_of_the_month():
    assert week_of(date(2026, 12, 3)) == Week(date(2026, 12, 1), date(2026, 12, 6))  # not from 30 Nov
    assert week_of(date(2026, 11, 30)) == Week(date(2026, 11, 30), date(2026, 11, 30))
    assert week_of(date(2026, 12, 31)) == Week(date(2026, 12, 28), date(2026, 12, 31))
    assert week_of(date(2027, 1, 2)) == Week(date(2027, 1, 1), date(2027, 1, 3))
    assert week_of(date(2026, 12, 9)).words == "the week of 7–13 December 2026"
    october = {week_of(date(2026, 10, d)) for d in range(1, 32)}
    assert len(october) == 5 and sum(len(w.days()) for w in october) == 31


def test_a_week_is_sent_once_it_is_over_or_every_day_is_in():
    week = Week(date(2026, 12, 7), date(2026, 12, 13))
    assert not week.ready({date(2026, 12, 7)}, today=date(2026, 12, 13))
    assert week.ready({date(2026, 12, 7)}, today=date(2026, 12, 14))
    assert week.ready(set(week.days()), today=date(2026, 12, 13))
    assert "once the week is over" in week_waits(week, set(), date(2026, 12, 9))
    assert week_waits(week, set(), date(2026, 12, 14)) == ""
    held = week_waits(week, set(), date(2026, 12, 14), held_by=date(2026, 12, 9))
    assert held == (
        "Waits for Wed 9 Dec 2026, which needs you first: the week of 7–13 December 2026 goes to Xero as one "
        "invoice."
    )
    # In a list of days (the catch-up's), a few words: what it waits for; a week not over keeps its sentence.
    assert waits_briefly(held) == "Waits for Wed 9 Dec 2026, which needs you first"
    not_over = week_waits(week, set(), date(2026, 12, 9))
    assert waits_briefly(not_over) == not_over.rstrip(".") and "once the week is over" in not_over


def test_plans_with_a_cap_and_the_words_ahead_of_it():
    assert monthly_cap("STARTER") == ("Starter", 20) and monthly_cap("IGNITE") == ("Ignite", 20)
    assert monthly_cap("STANDARD") is None and monthly_cap("") is None
    allowance = PlanAllowance("Starter", 20, (2026, 12), 17)
    days = [date(2026, 12, d) for d in range(21, 32)]
    assert first_over([(d, 1) for d in days], allowance.left) == date(2026, 12, 24)
    assert first_over([(d, 1) for d in days[:3]], allowance.left) is None
    words = allowance_words(allowance, date(2026, 12, 24), weekly=False)
    assert words.startswith(
        "Your Xero plan (Starter) approves 20 sales invoices a month; 3 left for December 2026. "
        "Sending one invoice a day, from Thursday 24 December Xero would refuse"
    )
    assert "weekly summaries" in words
    assert allowance.with_approved(5).left == 0


def test_the_week_invoice_has_each_day_s_lines_and_the_week_s_number():
    mapping = (
        Mapping(rounding_account_code="860").with_sales("Paint", "200", "OUTPUT").with_tender("Cash", "090")
    )
    week = Week(date(2026, 12, 1), date(2026, 12, 6))
    days = [
        Day(date(2026, 12, d), "generic", (SalesLine("Paint", Decimal("10.00"), Decimal("1.00")),),
            (Tender("Cash", Decimal("11.00")),))
        for d in (1, 2)
    ]  # fmt: skip
    plan = plan_week_invoice(days, week, mapping, {"OUTPUT": Decimal(10)})
    assert plan.number == "POS-20261201-20261206" and plan.trading_date == date(2026, 12, 1)
    assert [line.description for line in plan.lines] == ["Tue 1 Dec – Paint sales", "Wed 2 Dec – Paint sales"]
    assert plan.total == Decimal("22.00")
    assert mapping.week_invoice_number(week.first, week.last, attempt=2) == "POS-20261201-20261206-2"
    unbalanced = Day(date(2026, 12, 3), "generic", days[0].sales, (Tender("Cash", Decimal("-5.00")),))
    problems = plan_week_invoice([unbalanced], week, mapping, {"OUTPUT": Decimal(10)})
    assert isinstance(problems, list) and isinstance(problems[0], PlanProblem)
    assert problems[0].message.startswith("Thu 3 Dec: ")


def test_refunds_paid_out_in_a_week_go_through_the_week_s_one_credit_note():
    mapping = (
        Mapping(rounding_account_code="860", rounding_tax_type="NONE")
        .with_sales("Paint", "200", "OUTPUT")
        .with_tender("Cash", "090")
        .with_tender("Card", "610")
    )
    week = Week(date(2026, 12, 7), date(2026, 12, 13))
    sale = (SalesLine("Paint", Decimal("100.00"), Decimal("10.00")),)
    cash, card = (lambda a: Tender("Cash", Decimal(a))), (lambda a: Tender("Card", Decimal(a)))
    days = [
        Day(date(2026, 12, 7), "generic", sale, (cash("-20.00"), card("130.00"))),
        Day(date(2026, 12, 8), "generic", sale, (cash("110.00"),)),
        Day(date(2026, 12, 10), "generic", sale, (cash("140.00"), card("-30.00"))),
    ]
    rates = {"OUTPUT": Decimal(10), "NONE": Decimal(0)}

    plan = plan_week_invoice(days, week, mapping, rates)

    refund_lines = [(line.description, line.net) for line in plan.lines if line.account_code == "860"]
    assert refund_lines == [
        ("Mon 7 Dec – Refunds paid out to customers (see the week's credit note)", Decimal("20.00")),
        ("Thu 10 Dec – Refunds paid out to customers (see the week's credit note)", Decimal("30.00")),
    ]
    assert plan.total == Decimal("380.00")  # what the tenders above zero took: 130 + 110 + 140
    note = plan_week_credit_note(days, week, mapping)
    assert note.number == "POS-20261207-20261213-CN" and note.trading_date == week.first
    assert [(line.description, line.net, line.account_code) for line in note.lines] == [
        ("Mon 7 Dec – Refunds paid out to customers", Decimal("20.00"), "860"),
        ("Thu 10 Dec – Refunds paid out to customers", Decimal("30.00"), "860"),
    ]
    assert note.total == Decimal("50.00")
    assert plan_week_credit_note(days[1:2], week, mapping) is None  # no refunds that week: no credit note
    assert plan_week_credit_note(days, week, mapping, posting=2).number == "POS-20261207-20261213-2-CN"


def test_a_week_of_tax_inclusive_days_goes_as_one_tax_inclusive_invoice():
    mapping = (
        Mapping(rounding_account_code="860").with_sales("Online", "200", "OUTPUT").with_tender("Visa", "610")
    )
    week = Week(date(2026, 12, 7), date(2026, 12, 13))
    inclusive = SalesLine("Online", Decimal("115.00"), Decimal("0.00"), tax_included=True)
    days = [
        Day(date(2026, 12, d), "shopify-payments", (inclusive,), (Tender("Visa", Decimal("115.00")),))
        for d in (7, 8)
    ]
    plan = plan_week_invoice(days, week, mapping, {"OUTPUT": Decimal(15)})
    assert plan.amounts_include_tax and plan.total == Decimal("230.00")
    exclusive = Day(
        date(2026, 12, 9), "generic", (SalesLine("Online", Decimal("100.00"), Decimal("15.00")),),
        (Tender("Visa", Decimal("115.00")),),
    )  # fmt: skip
    problems = plan_week_invoice([*days, exclusive], week, mapping, {"OUTPUT": Decimal(15)})
    assert isinstance(problems, list) and "tax included" in problems[0].message


def test_the_weekly_choice_goes_with_the_mapping_file():
    weekly = Mapping(weekly=True)
    assert weekly.to_dict()["summary"] == "week"
    assert Mapping.from_dict(weekly.to_dict()).weekly is True
    assert Mapping.from_dict(Mapping().to_dict()).weekly is False


def test_weekly_words_name_the_first_week_the_plan_would_refuse():
    allowance = PlanAllowance("Starter", 20, (2026, 12), 17)
    weeks = [(date(2026, 12, 7), 2), (date(2026, 12, 14), 1), (date(2026, 12, 21), 1)]  # the 7th paid refunds
    assert first_over(weeks, allowance.left) == date(2026, 12, 21)
    assert first_over(weeks[1:], allowance.left) is None
    words = allowance_words(allowance, date(2026, 12, 21), weekly=True)
    assert "3 left for December 2026" in words
    assert "from the week of 21–27 December 2026 Xero would refuse to approve the week's invoice" in words
    assert allowance_words(allowance, None, weekly=True).endswith("so every day fits.")
