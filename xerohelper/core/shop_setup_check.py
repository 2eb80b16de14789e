"""What the Shop setup screen offers and what it warns about, without Qt: which Xero accounts can take the
day's sales, which can receive payments, which tax rates apply to sales, and — for each row of the setup —
what is still missing or would be refused by Xero, in the owner's words.

The screen draws this; the words and the choices are decided here, so they can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from xerohelper.core.booking_rules import category_accounts
from xerohelper.core.checklist import Step
from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.core.explain import Explanation
from xerohelper.core.mapping import PLACEHOLDERS, Mapping
from xerohelper.core.organisation_setup import AccountInfo, ContactInfo, OrganisationSetup, TaxRateInfo
from xerohelper.core.preflight import preflight

SALES_ACCOUNT_TYPES = ("REVENUE", "SALES", "OTHERINCOME")
NOT_ABOUT_THE_SETUP = ("day-is-locked",)  # preflight cards about a particular day, not about the setup

# Where a problem is shown: ("sales", category), ("tender", name), or one of the single fields below.
CONTACT = ("contact", "")
INVOICE_NUMBER = ("invoice-number", "")
REFERENCE = ("reference", "")
ROUNDING = ("rounding", "")
TILL_DIFFERENCE = ("till-difference", "")
Row = tuple[str, str]


# ---- the choices ----------------------------------------------------------------------------------------
def sales_accounts(setup: OrganisationSetup) -> list[AccountInfo]:
    """Active income accounts, by code: where a sales category can go."""
    return sorted(
        (a for a in setup.accounts.values() if a.status == "ACTIVE" and a.type in SALES_ACCOUNT_TYPES),
        key=lambda a: a.code,
    )


def payment_accounts(setup: OrganisationSetup) -> list[AccountInfo]:
    """Active accounts Xero lets a payment go into (bank accounts, and accounts with payments enabled)."""
    return sorted(
        (a for a in setup.accounts.values() if a.status == "ACTIVE" and a.accepts_payments),
        key=lambda a: a.code,
    )


def rounding_accounts(setup: OrganisationSetup) -> list[AccountInfo]:
    """Active accounts for the cents of rounding; one called “Rounding” first, then by code."""
    return sorted(
        (a for a in setup.accounts.values() if a.status == "ACTIVE" and a.type != "BANK"),
        key=lambda a: ("rounding" not in a.name.casefold(), a.code),
    )


def till_difference_accounts(setup: OrganisationSetup) -> list[AccountInfo]:
    """Active accounts for the till's over/short: one named like “Over/Short” or “Till difference” first."""

    def looks_right(account: AccountInfo) -> bool:
        name = account.name.casefold()
        return any(word in name for word in ("over", "short", "difference", "discrepanc"))

    return sorted(
        (a for a in setup.accounts.values() if a.status == "ACTIVE" and a.type != "BANK"),
        key=lambda a: (not looks_right(a), a.code),
    )


def sales_tax_rates(setup: OrganisationSetup) -> list[TaxRateInfo]:
    """Active tax rates that can be used on sales, by name."""
    return sorted(
        (t for t in setup.tax_rates.values() if t.status == "ACTIVE" and t.for_revenue),
        key=lambda t: t.name.casefold(),
    )


def account_label(account: AccountInfo) -> str:
    """'200 · Sales'."""
    return f"{account.code} · {account.name}"


def tax_label(rate: TaxRateInfo) -> str:
    """'GST on Income (10%)'."""
    return f"{rate.name} ({percent(rate.rate)})"


def percent(rate: Decimal) -> str:
    """10.0000 → '10%', 12.5000 → '12.5%'."""
    text = f"{rate.normalize():f}" if rate == rate.to_integral_value() else f"{rate:f}".rstrip("0")
    return f"{text.rstrip('.')}%"


# ---- the check ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShopSetupCheck:
    """What needs doing, row by row: words, and the preflight cards (with Open in Xero) where Xero would
    refuse something."""

    words: dict[Row, list[str]] = field(default_factory=dict)
    cards: dict[Row, list[Explanation]] = field(default_factory=dict)

    def for_row(self, row: Row) -> tuple[list[str], list[Explanation]]:
        return self.words.get(row, []), self.cards.get(row, [])

    def all_words(self) -> list[str]:
        """Everything, one sentence each, for a summary or a log line."""
        found: list[str] = []
        for (kind, name), words in self.words.items():
            prefix = f"{name}: " if kind in ("sales", "tender") and name else ""
            found += [prefix + w for w in words if prefix + w not in found]
        return found

    @property
    def ok(self) -> bool:
        return not self.words


def check_shop_setup(
    mapping: Mapping,
    setup: OrganisationSetup,
    categories: Iterable[str] = (),
    tenders: Iterable[str] = (),
    contact: ContactInfo | None = None,
    contact_checked_for: str | None = None,
    unfinished_sales: Iterable[str] = (),
    today: date | None = None,
) -> ShopSetupCheck:
    """The problems of `mapping` against the organisation's `setup`.

    `categories` and `tenders` are the names the screen shows (the day's and the Mapping's).
    `contact` is what Xero found for the name `contact_checked_for`; when the owner has typed another name
    since, the contact is not judged (it is looked up again when the setup is used).
    `unfinished_sales`: categories whose account is chosen but whose tax rate is not (or the other way).
    """
    categories = list(dict.fromkeys([*categories, *mapping.sales]))
    tenders = list(dict.fromkeys([*tenders, *mapping.tenders]))
    unfinished = set(unfinished_sales)
    words: dict[Row, list[str]] = {}
    cards: dict[Row, list[Explanation]] = {}

    def say(row: Row, text: str) -> None:
        words.setdefault(row, [])
        if text not in words[row]:
            words[row].append(text)

    sales_codes = {a.code for a in sales_accounts(setup)}
    sales_rates = {t.tax_type for t in sales_tax_rates(setup)}
    for category in categories:
        row = ("sales", category)
        target = mapping.sales.get(category)
        if target is None:
            if category in unfinished:
                say(row, "Choose both the account and the tax rate for these sales.")
            else:
                say(row, "Choose the Xero account these sales go to, and their tax rate.")
            continue
        account = setup.accounts.get(target.account_code)
        if account is None:
            say(row, f"Account {target.account_code} is not in your Xero chart of accounts. Choose another.")
        elif account.status != "ACTIVE":
            say(row, f"{account_label(account)} is archived in Xero. Choose another account.")
        elif target.account_code not in sales_codes and account not in category_accounts(category, setup):
            say(row, f"{account_label(account)} is not a sales account. Choose a sales or revenue account.")
        if target.tax_type not in sales_rates:
            rate = setup.tax_rates.get(target.tax_type)
            name = tax_label(rate) if rate else target.tax_type
            say(row, f"The tax rate {name} can't be used on sales in Xero. Choose another tax rate.")

    payment_codes = {a.code for a in payment_accounts(setup)}
    for tender in tenders:
        row = ("tender", tender)
        code = mapping.tenders.get(tender)
        if not code:
            say(row, "Choose the account this money is paid into (a bank or clearing account).")
            continue
        account = setup.accounts.get(code)
        if account is None:
            say(row, f"Account {code} is not in your Xero chart of accounts. Choose another.")
        elif account.status != "ACTIVE":
            say(row, f"{account_label(account)} is archived in Xero. Choose another account.")
        elif code not in payment_codes:
            say(
                row,
                f"{account_label(account)} doesn't accept payments. Choose a bank account, or in Xero tick "
                "“Enable payments to this account” on it.",
            )

    if mapping.rounding_account_code:
        rounding = setup.accounts.get(mapping.rounding_account_code)
        if rounding is None or rounding.status != "ACTIVE":
            say(ROUNDING, f"Account {mapping.rounding_account_code} is not an active account in Xero.")
    else:
        say(ROUNDING, "Choose where the cents of rounding go (usually the account called “Rounding”).")
    if mapping.till_difference_account_code:
        over_short = setup.accounts.get(mapping.till_difference_account_code)
        if over_short is None or over_short.status != "ACTIVE":
            say(
                TILL_DIFFERENCE,
                f"Account {mapping.till_difference_account_code} is not an active account in Xero.",
            )

    example = today or date.today()
    number_problem = _pattern_problem(lambda: mapping.invoice_number(example), "invoice number")
    reference_problem = _pattern_problem(lambda: mapping.reference(example), "reference")
    if number_problem:
        say(INVOICE_NUMBER, number_problem)
    if reference_problem:
        say(REFERENCE, reference_problem)
    if not number_problem and not reference_problem:
        for problem in mapping.problems():
            say(CONTACT if "contact" in problem else INVOICE_NUMBER, problem)
    elif not mapping.customer_contact.strip():
        say(CONTACT, "Choose the Xero contact the day's sales are invoiced to (for example “POS Sales”).")

    contact_judged = (
        contact_checked_for is not None
        and mapping.customer_contact.strip().casefold() == contact_checked_for.strip().casefold()
    )
    # Xero's own view: the same cards a day would get, placed on the row they are about.
    day = Day(
        date=today or date.today(),
        source="shop-setup",
        sales=tuple(SalesLine(c, Decimal("1.00"), Decimal("0.00")) for c in categories if c.strip()),
        tenders=tuple(Tender(t, Decimal("1.00")) for t in tenders if t.strip()),
    )
    for step, explanation in preflight(day, mapping, setup, contact):
        if explanation.key in NOT_ABOUT_THE_SETUP:
            continue
        if explanation.key.startswith("contact"):
            if contact_judged and mapping.customer_contact.strip():
                cards.setdefault(CONTACT, []).append(explanation)
                say(CONTACT, explanation.title + ".")
            continue
        if explanation.where == "Rounding":
            row = ROUNDING
        elif explanation.where == "Till difference":
            row = TILL_DIFFERENCE
        elif step is Step.PAYMENTS:
            row = ("tender", explanation.where)
        else:
            row = ("sales", explanation.where)
        cards.setdefault(row, []).append(explanation)
    return ShopSetupCheck(words, cards)


def _pattern_problem(fill, what: str) -> str | None:
    """Words for a pattern that can't be filled in (unknown {name}, a { without its }…), else None."""
    try:
        fill()
    except KeyError as unknown:
        return (
            f"The {what} uses {{{unknown.args[0]}}}, which xerohelper doesn't know. "
            f"You can use: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}."
        )
    except (ValueError, IndexError, AttributeError, TypeError):
        return (
            f"The {what} has a curly bracket out of place. Write the parts that change with the day "
            f"in curly brackets, like {{yyyymmdd}}."
        )
    return None
