"""Preflight: before anything is written, predict what Xero would refuse, and explain it with the same card
Xero's refusal would get (DESIGN.md, "When something goes wrong").

It covers the whole day — the sales summary's accounts and tax rates, the till difference, every tender's
account, the tenders' sum against the invoice's total — so a day that would be refused at step 3 stops
before step 1, with nothing written. (The plan's remaining approvals are checked by the caller with the
organisation's plan: services/day/sales_summary.py `predicted`.)
"""

from __future__ import annotations

from dataclasses import replace

from xerohelper.core.checklist import Step
from xerohelper.core.dates import long_date
from xerohelper.core.day import Day
from xerohelper.core.explain import Action, Explanation, SetupRow, Stage, explanation_for, open_in_xero
from xerohelper.core.mapping import Mapping
from xerohelper.core.money import ZERO, money_words
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.sales_invoice import PlanProblem
from xerohelper.core.till_difference import undecided_card
from xerohelper.core.till_tracking import option_problem, tracking_missing


def preflight(
    day: Day, mapping: Mapping, setup: OrganisationSetup, contact: ContactInfo | None
) -> list[tuple[Step, Explanation]]:
    """Every problem Xero would find with this day, the one to fix first at the front."""
    short_code = setup.short_code
    found: list[tuple[Step, Explanation]] = []

    def card(
        step: Step, key: str, where: str = "", ids: dict[str, str] | None = None, row=None, **values: str
    ) -> None:
        explanation = explanation_for(key, values=values, short_code=short_code, where=where, ids=ids)
        found.append((step, replace(explanation, setup_row=row)))

    # The customer contact the day's invoice goes to.
    if contact is None:
        found.append((Step.SALES_SUMMARY, contact_missing(mapping.customer_contact, short_code)))
    elif contact.status == "ARCHIVED":
        card(
            Step.SALES_SUMMARY,
            "contact-archived",
            ids={"ContactID": contact.contact_id},  # Open in Xero opens the contact itself (it has Restore)
            contact_name=contact.name,
        )

    # Lock dates: nothing on or before them can be added.
    if setup.end_of_year_lock_date and day.date <= setup.end_of_year_lock_date:
        card(
            Step.SALES_SUMMARY,
            "day-is-locked",
            lock_kind="end of year",
            lock_date=long_date(setup.end_of_year_lock_date),
        )
    elif setup.period_lock_date and day.date <= setup.period_lock_date:
        card(
            Step.SALES_SUMMARY,
            "day-is-locked",
            lock_kind="period",
            lock_date=long_date(setup.period_lock_date),
        )

    # Sales accounts and their tax rates.
    categories = sorted({line.category for line in day.sales if line.category in mapping.sales})
    accounts_seen: set[str] = set()
    taxes_seen: set[str] = set()
    for category in categories:
        target = mapping.sales[category]
        account = setup.accounts.get(target.account_code)
        if target.account_code not in accounts_seen:
            accounts_seen.add(target.account_code)
            if account is None or account.status != "ACTIVE":
                card(
                    Step.SALES_SUMMARY,
                    "account-not-for-sales",
                    where=category,
                    row=SetupRow(SetupRow.SALES, category),
                    account_code=target.account_code,
                )
        if target.tax_type not in taxes_seen:
            taxes_seen.add(target.tax_type)
            rate = setup.tax_rates.get(target.tax_type)
            if rate is None or rate.status != "ACTIVE" or not rate.for_revenue:
                card(
                    Step.SALES_SUMMARY,
                    "tax-type-not-accepted",
                    where=category,
                    row=SetupRow(SetupRow.SALES, category),
                    tax_type=target.tax_type,
                )
    if mapping.rounding_account_code:
        rounding = setup.accounts.get(mapping.rounding_account_code)
        if rounding is None or rounding.status != "ACTIVE":
            card(
                Step.SALES_SUMMARY,
                "account-not-for-sales",
                where="Rounding",
                row=SetupRow(SetupRow.ROUNDING),
                account_code=mapping.rounding_account_code,
            )

    # The till difference: decided by the owner, and its account there to take it.
    if not day.difference_decided:
        found.append((Step.SALES_SUMMARY, undecided_card(day)))
    elif day.till_difference != ZERO and mapping.till_difference_account_code:
        over_short = setup.accounts.get(mapping.till_difference_account_code)
        if over_short is None or over_short.status != "ACTIVE":
            card(
                Step.SALES_SUMMARY,
                "account-not-for-sales",
                where="Till difference",
                account_code=mapping.till_difference_account_code,
            )

    # The till's tracking option: Xero leaves out, without a word, one it doesn't know.
    if mapping.tracking is not None and setup.tracking is not None and day.location:
        option = mapping.tracking.option_by_location.get(day.location)
        category = mapping.tracking.category_name
        if option and option not in setup.tracking.get(category, ()):
            card = option_problem(setup.tracking_choices, category, option, day.location, short_code)
            found.append(
                (Step.SALES_SUMMARY, card or tracking_missing(category, option, day.location, short_code))
            )

    # Where each tender is paid into: exists, has a code, isn't archived, accepts payments.
    for tender in sorted({t.name for t in day.tenders if t.name in mapping.tenders and t.amount != ZERO}):
        code = mapping.tenders[tender]
        account = setup.accounts.get(code)
        if account is None or not code.strip():
            key = "account-needs-code" if setup.accounts_without_code else "account-not-found"
            card(Step.PAYMENTS, key, where=tender, row=SetupRow(SetupRow.TENDERS, tender), account_code=code)
        elif account.status != "ACTIVE" or not account.accepts_payments:
            card(
                Step.PAYMENTS,
                "account-not-valid",
                where=tender,
                row=SetupRow(SetupRow.TENDERS, tender),
                account_code=code,
            )

    return sorted(found, key=lambda item: item[1].sort_key)


def tenders_too_much(day: Day, paid: set[str], amount_due, invoice_number: str, short_code: str | None):
    """The tenders' sum against what the invoice in Xero still owes: a payment over it would be refused
    ("Payment amount exceeds the amount outstanding"), so it is said before any payment is sent."""
    to_pay = sum((t.amount for t in day.tenders if t.amount > ZERO and t.name not in paid), ZERO)
    if to_pay <= amount_due:
        return None
    return explanation_for(
        "payment-too-big",
        values={"amount": money_words(to_pay), "invoice_number": invoice_number},
        short_code=short_code,
        where="the day's tenders",
    )


def contact_missing(name: str, short_code: str | None) -> Explanation:
    return Explanation(
        title=f"There is no contact called “{name}” in Xero",
        what_happened=(
            f"xerohelper puts each day's sales on one Xero contact, “{name}”, and Xero has no contact "
            "with that name."
        ),
        why="The contact was never made, was renamed in Xero, or Shop setup names a different one.",
        steps=(
            "In Xero, go to Contacts > All contacts and click New contact.",
            f"Type “{name}” as the contact name and save. "
            "(Or choose another contact in xerohelper's Shop setup.)",
            "Come back to xerohelper and click “I've fixed it — try again”.",
        ),
        action=Action.FIX_IN_XERO,
        screen=open_in_xero("contacts", short_code),
        key="contact-missing",
        stage=Stage.SETUP,
        predicted=True,
    )


def setup_problems(problems: list[PlanProblem] | tuple[PlanProblem, ...]) -> Explanation:
    """Problems xerohelper found in its own Shop setup (a category without an account, a tax mismatch…)."""
    first = problems[0]
    fix_in_xero = first.fix_in == "xero"
    return Explanation(
        title="Shop setup needs a change before this can be sent"
        if not fix_in_xero
        else "This needs doing by hand in Xero",
        what_happened=" ".join(p.message for p in problems),
        why="xerohelper checks the day against your Shop setup before it sends anything to Xero.",
        steps=(
            ("Do what is described above in Xero.", "Then skip this step in xerohelper.")
            if fix_in_xero
            else (
                "In xerohelper, open Shop setup.",
                "Make the change described above and save.",
                "Come back to the day and click “I've fixed it — try again”.",
            )
        ),
        action=Action.FIX_IN_XERO if fix_in_xero else Action.FIX_IN_APP,
        key="shop-setup",
        stage=Stage.SETUP,
        predicted=True,
        setup_row=next((p.row for p in problems if p.row is not None), None),
    )
