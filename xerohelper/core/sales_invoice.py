"""What the day's sales summary and its payments will look like in Xero, worked out before anything is sent.

Xero works the tax out itself, line by line (net × rate, rounded to the cent), so its total can differ from
the till's by a few cents. A rounding line makes Xero's total equal the till's total to the cent. A larger
difference means a category is mapped to the wrong tax rate, and that is said instead of hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from xerohelper.core.checklist import Step
from xerohelper.core.day import Day, LineKind
from xerohelper.core.explain.explanation import SetupRow
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import CENT, ZERO, money, money_words
from xerohelper.core.till_difference import line_description, undecided_words

# More than this between the till's total and Xero's is not rounding: it's a tax rate mapped wrongly.
ROUNDING_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    account_code: str
    tax_type: str
    net: Decimal
    tracking: tuple[tuple[str, str], ...] = ()  # (tracking category name, option)


@dataclass(frozen=True)
class SalesInvoicePlan:
    number: str
    reference: str
    trading_date: date
    lines: tuple[InvoiceLine, ...]
    total: Decimal  # what Xero will compute, rounding line included: equals the till's total
    approve: bool  # sent as AUTHORISED (approve automatically) instead of DRAFT
    # Line amounts include tax (Xero's LineAmountTypes Inclusive) and Xero works the tax out: for a till that
    # reports amounts with tax and no split (Shopify Payments), never sent as tax-free net.
    amounts_include_tax: bool = False


@dataclass(frozen=True)
class CreditNotePlan:
    """Money the till paid back to customers (negative tenders) goes out of Xero through a credit note: the
    day's invoice carries the same amount on a "refunds paid out" line, so the two cancel in the accounts,
    and each refund is paid out of the credit note into its tender's account."""

    number: str
    reference: str
    trading_date: date
    lines: tuple[InvoiceLine, ...]
    total: Decimal
    approve: bool


@dataclass(frozen=True)
class PaymentPlan:
    tender: str
    account_code: str
    amount: Decimal  # always positive: what goes into (or, for a refund, out of) the account
    trading_date: date
    reference: str
    refund: bool = False  # paid out of the day's credit note instead of into the invoice


@dataclass(frozen=True)
class PlanProblem:
    """Something that stops the plan, in the owner's words, and the step it belongs to."""

    step: Step
    message: str
    fix_in: str  # "app" (the mapping) or "xero"
    row: SetupRow | None = None  # the row of Shop setup to change, when it is one row


def xero_total(lines, tax_rates: dict[str, Decimal]) -> Decimal:
    """Total as Xero computes it for tax-exclusive lines: each line's tax rounded to the cent."""
    total = ZERO
    for line in lines:
        rate = tax_rates.get(line.tax_type, ZERO)
        tax = (line.net * rate / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)
        total += line.net + tax
    return total


def plan_sales_invoice(
    day: Day, mapping: Mapping, tax_rates: dict[str, Decimal], posting: int = 1
) -> SalesInvoicePlan | list[PlanProblem]:
    """The invoice for the day, or the problems that stop it. `tax_rates`: TaxType → rate in percent."""
    problems: list[PlanProblem] = [PlanProblem(Step.SALES_SUMMARY, p, "app") for p in day.problems()]
    problems += [PlanProblem(Step.SALES_SUMMARY, p, "app") for p in mapping.problems()]
    for category in mapping.unmapped_categories(line.category for line in day.sales):
        problems.append(
            PlanProblem(
                Step.SALES_SUMMARY,
                f"The sales category “{category}” has no Xero account yet. Choose one in Shop setup.",
                "app",
                SetupRow(SetupRow.SALES, category),
            )
        )
    mapped = sorted({s.category for s in day.sales if s.category in mapping.sales})
    for tax_type in sorted({mapping.sales[c].tax_type for c in mapped}):
        if tax_type not in tax_rates:
            first = next(c for c in mapped if mapping.sales[c].tax_type == tax_type)
            problems.append(
                PlanProblem(
                    Step.SALES_SUMMARY,
                    f"The tax rate “{tax_type}” chosen in Shop setup isn't one of this organisation's tax "
                    "rates. Choose another in Shop setup.",
                    "app",
                    SetupRow(SetupRow.SALES, first),
                )
            )
    if problems:
        return problems
    refunds = refunds_paid_out(day)
    if day.totals.gross + refunds < ZERO:
        words = (
            "The till's figures for this day don't add up: its refunds are bigger than its sales and what "
            "was paid out together. Check the Z report, correct the figures and import them again."
        )
        return [PlanProblem(Step.SALES_SUMMARY, words, "app")]
    if not day.difference_decided:
        return [PlanProblem(Step.SALES_SUMMARY, undecided_words(day), "app")]
    if day.till_difference != ZERO and not mapping.till_difference_account_code:
        words = (
            f"You chose to book the till's {money_words(abs(day.till_difference))} difference on the till "
            "difference account. Choose that account (over/short) in Shop setup."
        )
        return [PlanProblem(Step.SALES_SUMMARY, words, "app")]
    if refunds and not mapping.rounding_account_code:
        words = (
            f"The till paid {money_words(refunds)} back to customers. Choose a rounding account in Shop "
            "setup: xerohelper uses it to pass those refunds through a credit note."
        )
        return [PlanProblem(Step.SALES_SUMMARY, words, "app", SetupRow(SetupRow.ROUNDING))]

    tracking = _tracking_for(mapping, day.location)
    inclusive = any(line.tax_included for line in day.sales)
    grouped: dict[tuple[str, LineKind, str, str], Decimal] = {}
    for line in day.sales:
        target = mapping.sales[line.category]
        key = (line.category, line.kind, target.account_code, target.tax_type)
        grouped[key] = grouped.get(key, ZERO) + (line.gross if inclusive else line.net)
    lines = [
        InvoiceLine(_describe(category, kind), account, tax_type, net, tracking)
        for (category, kind, account, tax_type), net in grouped.items()
        if net != ZERO
    ]

    till_total = day.totals.gross
    # With amounts that include tax, Xero's total is the sum of the lines: nothing to round.
    computed = sum((line.net for line in lines), ZERO) if inclusive else xero_total(lines, tax_rates)
    difference = till_total - computed
    if difference != ZERO:
        odd = negative_sales(day)
        if abs(difference) > ROUNDING_TOLERANCE and odd:
            return [PlanProblem(Step.SALES_SUMMARY, negative_sale_words(odd), "app")]
        if abs(difference) > ROUNDING_TOLERANCE:
            return [
                PlanProblem(
                    Step.SALES_SUMMARY,
                    f"Xero would work out a total {money_words(abs(difference))} "
                    f"{'lower' if difference > 0 else 'higher'} than your till's {money_words(till_total)}. "
                    "That is more than rounding: a sales category is probably mapped to the wrong tax "
                    "rate. Check the tax rates in Shop setup.",
                    "app",
                )
            ]
        if not mapping.rounding_account_code:
            return [
                PlanProblem(
                    Step.SALES_SUMMARY,
                    f"Xero's total differs from your till's by {money_words(abs(difference))} (tax "
                    "rounding). Choose a rounding account in Shop setup so xerohelper can add a rounding "
                    "line.",
                    "app",
                    SetupRow(SetupRow.ROUNDING),
                )
            ]
        lines.append(
            InvoiceLine(
                "Rounding", mapping.rounding_account_code, mapping.rounding_tax_type, difference, tracking
            )
        )
    if day.till_difference != ZERO:  # the owner agreed (checked above): the invoice equals the money taken
        lines.append(
            InvoiceLine(
                line_description(day.till_difference),
                mapping.till_difference_account_code,
                mapping.rounding_tax_type,
                day.till_difference,
                tracking,
            )
        )
    if refunds:
        lines.append(_refunds_line(mapping, refunds, tracking))
    return SalesInvoicePlan(
        number=mapping.invoice_number(day.date, day.location, posting),
        reference=mapping.reference(day.date, day.location),
        trading_date=day.date,
        lines=tuple(lines),
        total=money(till_total + day.till_difference + refunds),
        approve=mapping.approve_automatically,
        amounts_include_tax=inclusive,
    )


def negative_sales(day: Day) -> list:
    """Sale rows below zero, or whose tax has the other sign to their amount: a return or a correction
    keyed as a sale. Xero's tax on them can't match the till's, and that is not a tax-rate problem."""
    return [
        line
        for line in day.sales
        if (line.kind is LineKind.SALE and line.net < ZERO) or (line.net * line.tax < ZERO)
    ]


def negative_sale_words(lines) -> str:
    listed = "; ".join(
        f"“{line.category}” {money_words(line.net)} before tax with {money_words(line.tax)} tax"
        for line in lines
    )
    return (
        f"The till's figures have a negative sale: {listed}. A sale below zero (or with tax of the other "
        "sign) is usually a return or a correction keyed as a sale, and Xero can't work out the same tax "
        "for it. Check that row on the till's report: make it a refund (amount and tax both negative), "
        "correct the figures and import them again."
    )


def refunds_paid_out(day: Day) -> Decimal:
    """Money the till paid back to customers: the negative tenders, as a positive amount."""
    return -sum((t.amount for t in day.tenders if t.amount < ZERO), ZERO)


def plan_credit_note(day: Day, mapping: Mapping, posting: int = 1) -> CreditNotePlan | None:
    """The day's credit note for refunds paid out, or None when the till paid nothing back."""
    refunds = refunds_paid_out(day)
    if not refunds or not mapping.rounding_account_code:
        return None
    return CreditNotePlan(
        number=credit_note_number(mapping.invoice_number(day.date, day.location, posting)),
        reference=mapping.reference(day.date, day.location),
        trading_date=day.date,
        lines=(_refunds_line(mapping, refunds, _tracking_for(mapping, day.location)),),
        total=refunds,
        approve=mapping.approve_automatically,
    )


def refunds_line(mapping: Mapping, refunds: Decimal, location: str, description: str) -> InvoiceLine:
    """The "refunds paid out" line, worded for the document it goes on (a week's invoice or credit note)."""
    line = _refunds_line(mapping, refunds, _tracking_for(mapping, location))
    return InvoiceLine(description, line.account_code, line.tax_type, line.net, line.tracking)


def credit_note_number(invoice_number: str) -> str:
    return f"{invoice_number}-CN"


REFUNDS_PAID_OUT = "Refunds paid out to customers"


def _refunds_line(mapping: Mapping, refunds: Decimal, tracking) -> InvoiceLine:
    return InvoiceLine(
        f"{REFUNDS_PAID_OUT} (see the day's credit note)",
        mapping.rounding_account_code,
        mapping.rounding_tax_type,
        refunds,
        tracking,
    )


def plan_payments(day: Day, mapping: Mapping, already_paid: set[str] | frozenset[str] = frozenset()):
    """One payment per tender not yet recorded, or the problems that stop them.

    Per tender, not netted per account, even when several tenders are paid into one account (card brands
    into one clearing account): each payment then matches a line of the till's own tender report, and a
    settlement split by scheme (one deposit per brand) still finds its own payment in Xero to match; a
    refund stays a refund (a credit note paid out) instead of silently lowering another brand's takings;
    and what was recorded stays keyed by the tender when Shop setup's accounts change between two runs."""
    problems = [
        PlanProblem(
            Step.PAYMENTS,
            f"The payment type “{tender}” has no Xero account to pay into yet. Choose one in Shop setup.",
            "app",
            SetupRow(SetupRow.TENDERS, tender),
        )
        for tender in mapping.unmapped_tenders(t.name for t in day.tenders if t.amount != ZERO)
    ]
    if problems:
        return problems
    reference = mapping.reference(day.date, day.location)
    return [
        PaymentPlan(
            t.name,
            mapping.tenders[t.name],
            abs(t.amount),
            day.date,
            f"{reference} – {t.name}" + (" refunds" if t.amount < ZERO else ""),
            refund=t.amount < ZERO,
        )
        for t in day.tenders
        if t.amount != ZERO and t.name not in already_paid
    ]


def _describe(category: str, kind: LineKind) -> str:
    return {LineKind.SALE: f"{category} sales", LineKind.DISCOUNT: f"{category} discounts",
            LineKind.REFUND: f"{category} refunds"}[kind]  # fmt: skip


def _tracking_for(mapping: Mapping, location: str) -> tuple[tuple[str, str], ...]:
    if mapping.tracking is None:
        return ()
    option = mapping.tracking.option_by_location.get(location)
    return ((mapping.tracking.category_name, option),) if option else ()
