from datetime import date
from decimal import Decimal

from xerohelper.core.checklist import Step
from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.core.mapping import Mapping, Tracking
from xerohelper.core.sales_invoice import (
    PaymentPlan,
    PlanProblem,
    SalesInvoicePlan,
    plan_credit_note,
    plan_payments,
    plan_sales_invoice,
    xero_total,
)

SAT = date(2026, 11, 21)
RATES = {"OUTPUT": Decimal("10.00"), "EXEMPTOUTPUT": Decimal("0"), "BASEXCLUDED": Decimal("0")}
MAPPING = (
    Mapping(rounding_account_code="860", rounding_tax_type="BASEXCLUDED")
    .with_sales("Hardware", "200", "OUTPUT")
    .with_sales("Fresh food", "201", "EXEMPTOUTPUT")
    .with_tender("Cash", "091")
    .with_tender("EFTPOS", "610")
)


def day(*sales, tenders=(("Cash", "50.00"), ("EFTPOS", "65.00")), location="") -> Day:
    return Day(SAT, "generic", sales=sales, tenders=[Tender(n, a) for n, a in tenders], location=location)


def test_plain_day_needs_no_rounding_and_groups_lines_by_category_and_kind():
    d = day(
        SalesLine("Hardware", "80.00", "8.00"),
        SalesLine("Hardware", "20.00", "2.00"),
        SalesLine("Hardware", "-5.00", "-0.50", LineKind.REFUND),
        SalesLine("Fresh food", "10.50", "0"),
    )
    plan = plan_sales_invoice(d, MAPPING, RATES)
    assert isinstance(plan, SalesInvoicePlan)
    assert plan.number == "POS-20261121"
    assert [(line.description, line.account_code, line.net) for line in plan.lines] == [
        ("Hardware sales", "200", Decimal("100.00")),
        ("Hardware refunds", "200", Decimal("-5.00")),
        ("Fresh food sales", "201", Decimal("10.50")),
    ]
    assert plan.total == d.totals.gross == Decimal("115.00")
    assert xero_total(plan.lines, RATES) == plan.total
    assert not plan.approve


def test_cents_of_difference_become_a_rounding_line():
    # The till taxed each sale separately: 3 × (0.33 net + 0.03 tax) = 1.08; Xero taxes the line: 0.99 + 0.10.
    d = day(*[SalesLine("Hardware", "0.33", "0.03") for _ in range(3)], tenders=(("Cash", "1.08"),))
    plan = plan_sales_invoice(d, MAPPING, RATES)
    assert plan.lines[-1].description == "Rounding"
    assert plan.lines[-1].net == Decimal("-0.01")
    assert plan.lines[-1].account_code == "860" and plan.lines[-1].tax_type == "BASEXCLUDED"
    assert xero_total(plan.lines, RATES) == Decimal("1.08") == plan.total


def test_a_big_difference_is_a_wrong_tax_rate_not_rounding():
    # the till charged tax; the mapping says exempt
    d = day(SalesLine("Fresh food", "100.00", "10.00"), tenders=(("Cash", "110.00"),))
    (problem,) = plan_sales_invoice(d, MAPPING, RATES)
    assert problem.step is Step.SALES_SUMMARY and problem.fix_in == "app"
    assert "10.00 lower than your till's 110.00" in problem.message
    assert "wrong tax rate" in problem.message


def test_rounding_without_a_rounding_account_asks_for_one():
    d = day(*[SalesLine("Hardware", "0.33", "0.03") for _ in range(3)], tenders=(("Cash", "1.08"),))
    mapping = Mapping(sales=MAPPING.sales, tenders=MAPPING.tenders)
    (problem,) = plan_sales_invoice(d, mapping, RATES)
    assert "rounding account" in problem.message


def test_unmapped_category_and_unknown_tax_rate_are_named():
    d = day(SalesLine("Garden", "10", "1"), SalesLine("Hardware", "10", "1"))
    problems = plan_sales_invoice(d, MAPPING, {"INPUT": Decimal("10")})
    messages = " ".join(p.message for p in problems)
    assert "“Garden” has no Xero account" in messages
    assert "“OUTPUT” chosen in Shop setup isn't one of this organisation's tax rates" in messages


def test_second_posting_gets_a_suffix_and_tracking_follows_the_location():
    mapping = Mapping(
        sales=MAPPING.sales,
        tenders=MAPPING.tenders,
        tracking=Tracking("Shop", {"Main St": "Main Street"}),
        approve_automatically=True,
    )
    plan = plan_sales_invoice(
        day(SalesLine("Hardware", "10", "1"), tenders=(("Cash", "11"),), location="Main St"),
        mapping,
        RATES,
        posting=2,
    )
    assert plan.number == "POS-20261121-MAIN-ST-2"
    assert plan.lines[0].tracking == (("Shop", "Main Street"),)
    assert plan.approve


def test_payments_one_per_tender_skipping_those_already_recorded():
    d = day(SalesLine("Hardware", "100", "10"), tenders=(("Cash", "50"), ("EFTPOS", "60"), ("Voucher", "0")))
    plans = plan_payments(d, MAPPING, already_paid={"Cash"})
    assert plans == [
        PaymentPlan("EFTPOS", "610", Decimal("60.00"), SAT, "Till takings Sat 21 Nov 2026 – EFTPOS")
    ]


def test_payment_problems_unmapped_tenders():
    d = day(SalesLine("Hardware", "100", "10"), tenders=(("Amex", "50"), ("Cash", "60")))
    problems = plan_payments(d, MAPPING)
    assert all(isinstance(p, PlanProblem) and p.step is Step.PAYMENTS for p in problems)
    assert "“Amex” has no Xero account" in " ".join(p.message for p in problems)


def test_money_paid_back_goes_through_a_credit_note_that_cancels_on_the_invoice():
    # Sales 100 + tax 10; card took 130, cash paid 20 back to customers.
    d = day(SalesLine("Hardware", "100", "10"), tenders=(("EFTPOS", "130"), ("Cash", "-20")))
    invoice = plan_sales_invoice(d, MAPPING, RATES)
    assert invoice.total == Decimal("130.00")  # what the positive tenders pay
    refunds_line = invoice.lines[-1]
    assert (refunds_line.account_code, refunds_line.tax_type, refunds_line.net) == (
        "860",
        "BASEXCLUDED",
        Decimal("20.00"),
    )
    assert xero_total(invoice.lines, RATES) == invoice.total
    credit_note = plan_credit_note(d, MAPPING)
    assert credit_note.number == "POS-20261121-CN" and credit_note.total == Decimal("20.00")
    assert credit_note.lines[0].account_code == refunds_line.account_code  # the two cancel out
    payments = plan_payments(d, MAPPING)
    assert [(p.tender, p.amount, p.refund) for p in payments] == [
        ("EFTPOS", Decimal("130.00"), False),
        ("Cash", Decimal("20.00"), True),
    ]
    assert plan_credit_note(day(SalesLine("Hardware", "100", "10")), MAPPING) is None


def test_a_day_that_gave_back_more_than_it_took_posts_a_zero_invoice_and_a_credit_note():
    d = day(
        SalesLine("Hardware", "10.00", "1.00"),
        SalesLine("Hardware", "-50.00", "-5.00", LineKind.REFUND),
        tenders=(("Cash", "-44.00"),),
    )
    invoice = plan_sales_invoice(d, MAPPING, RATES)
    assert invoice.total == Decimal("0.00")
    assert plan_credit_note(d, MAPPING).total == Decimal("44.00")


def test_figures_that_cannot_add_up_are_explained_not_sent():
    d = day(
        SalesLine("Hardware", "10.00", "1.00"),
        SalesLine("Hardware", "-50.00", "-5.00", LineKind.REFUND),
        tenders=(("Cash", "-10.00"),),  # refunds of 44.00, but only 10.00 paid out
    )
    (problem,) = plan_sales_invoice(d, MAPPING, RATES)
    assert problem.fix_in == "app" and "don't add up" in problem.message


def test_refunds_paid_out_need_a_rounding_account():
    mapping = Mapping(sales=MAPPING.sales, tenders=MAPPING.tenders)
    d = day(SalesLine("Hardware", "100", "10"), tenders=(("EFTPOS", "130"), ("Cash", "-20")))
    (problem,) = plan_sales_invoice(d, mapping, RATES)
    assert "paid 20.00 back" in problem.message and "rounding account" in problem.message


def test_a_negative_sale_row_is_explained_as_a_negative_sale_not_a_tax_rate():
    d = day(
        SalesLine("Hardware", "100.00", "10.00"),
        SalesLine("Hardware", "-45.45", "4.55"),  # keyed as a sale, below zero, tax of the other sign
        tenders=(("Cash", "69.10"),),
    )
    (problem,) = plan_sales_invoice(d, MAPPING, RATES)
    assert (
        "negative sale" in problem.message
        and "“Hardware” -$45.45 before tax with $4.55 tax" in problem.message
    )
    assert "tax rate" not in problem.message
