"""The organisations a fresh sandbox starts with.

``demo`` — two organisations one person can connect:
  * **Harbour Street Hardware** (AU, GST, Standard plan, ShortCode ``!Xk3Lp``): a chart of accounts with
    codes, a cheque account 090 and a cash float 091, card and Amex clearing accounts that accept payments,
    a gift-card liability that accepts payments, a clearing account that does not, a bank account without a
    code, an archived sales account, Xero's Australian tax rates, a "POS Sales" customer, an archived
    "Cash Sales" contact from an earlier till system, and the three days before today already posted
    (invoices ``POS-YYYYMMDD``, approved and paid by tender).
  * **Pier Nine Café** (AU, Starter plan: 20 approved invoices a month), a smaller chart, no history.
``empty`` — one new organisation, "My Shop": Xero's default chart and tax rates, no contacts, no invoices.

Ids are stable (derived from names), so a tenant id stays the same from one run to the next.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.store import (
    Account,
    Contact,
    Currency,
    Invoice,
    Ledger,
    LineItem,
    Organisation,
    Payment,
    TaxRate,
    TrackingCategory,
    TrackingOption,
    User,
    World,
)
from xerohelper.sandbox.totals import invoice_totals, line_tax

SEEDS = ("demo", "empty")
_NAMESPACE = uuid.UUID("6f1d3c2a-8b4e-4f7a-9c1d-2e3f4a5b6c7d")
HARBOUR_STREET = "Harbour Street Hardware"
PIER_NINE = "Pier Nine Café"
MY_SHOP = "My Shop"


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def build_world(seed: str, clock: Clock) -> World:
    if seed not in SEEDS:
        raise ValueError(f"unknown seed {seed!r}; choose one of {', '.join(SEEDS)}")
    world = World()
    ledgers = [_harbour_street(clock), _pier_nine(clock)] if seed == "demo" else [_my_shop(clock)]
    for ledger in ledgers:
        world.organisations[ledger.tenant_id] = ledger
    user = User(
        user_id=stable_id("user", "sam"),
        email="sam@harbourstreethardware.example",
        given_name="Sam",
        family_name="Taylor",
        tenant_ids=[ledger.tenant_id for ledger in ledgers],
    )
    world.users[user.user_id] = user
    return world


# ---------------------------------------------------------------- building blocks
def _australian_tax_rates() -> list[TaxRate]:
    everything = ["ASSET", "EQUITY", "EXPENSE", "LIABILITY", "REVENUE"]
    return [
        TaxRate(
            "GST on Income",
            "OUTPUT",
            Decimal("10.0000"),
            "OUTPUT",
            ["ASSET", "LIABILITY", "REVENUE"],
            for_purchases=False,
        ),
        TaxRate(
            "GST on Expenses",
            "INPUT",
            Decimal("10.0000"),
            "INPUT",
            ["ASSET", "EXPENSE", "LIABILITY"],
            for_sales=False,
        ),
        TaxRate(
            "GST Free Income",
            "EXEMPTOUTPUT",
            Decimal("0.0000"),
            "OUTPUT",
            ["ASSET", "LIABILITY", "REVENUE"],
            for_purchases=False,
        ),
        TaxRate(
            "GST Free Expenses",
            "EXEMPTEXPENSES",
            Decimal("0.0000"),
            "INPUT",
            ["ASSET", "EXPENSE", "LIABILITY"],
            for_sales=False,
        ),
        TaxRate("BAS Excluded", "BASEXCLUDED", Decimal("0.0000"), "BASEXCLUDED", everything),
        TaxRate(
            "GST on Imports",
            "GSTONIMPORTS",
            Decimal("0.0000"),
            "GSTONIMPORTS",
            ["ASSET", "EXPENSE"],
            for_sales=False,
        ),
        TaxRate("GST on Capital", "CAPEXINPUT", Decimal("10.0000"), "INPUT", ["ASSET"], for_sales=False),
        TaxRate("Input Taxed", "INPUTTAXED", Decimal("0.0000"), "INPUTTAXED", ["EXPENSE", "REVENUE"]),
    ]


def _account(tenant: str, code: str | None, name: str, kind: str, tax: str, **extra) -> Account:
    return Account(
        account_id=stable_id(tenant, "account", code or name),
        code=code,
        name=name,
        type=kind,
        tax_type=tax,
        **extra,
    )


def _default_chart(tenant: str, moment: datetime) -> list[Account]:
    """The accounts Xero gives a new Australian organisation (the ones a shop's day touches)."""
    accounts = [
        _account(
            tenant,
            "090",
            "Business Bank Account",
            "BANK",
            "BASEXCLUDED",
            bank_account_number="062000 12345678",
            bank_account_type="BANK",
            currency_code="AUD",
        ),
        _account(
            tenant,
            "091",
            "Business Savings Account",
            "BANK",
            "BASEXCLUDED",
            bank_account_number="062000 87654321",
            bank_account_type="BANK",
            currency_code="AUD",
        ),
        _account(
            tenant,
            "200",
            "Sales",
            "REVENUE",
            "OUTPUT",
            description="Income from any normal business activity",
        ),
        _account(tenant, "260", "Other Revenue", "REVENUE", "OUTPUT"),
        _account(tenant, "270", "Interest Income", "REVENUE", "EXEMPTOUTPUT"),
        _account(tenant, "310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT"),
        _account(tenant, "404", "Bank Fees", "EXPENSE", "EXEMPTEXPENSES"),
        _account(tenant, "610", "Accounts Receivable", "CURRENT", "BASEXCLUDED", system_account="DEBTORS"),
        _account(tenant, "800", "Accounts Payable", "CURRLIAB", "BASEXCLUDED", system_account="CREDITORS"),
        _account(tenant, "820", "GST", "CURRLIAB", "BASEXCLUDED", system_account="GST"),
        _account(tenant, "860", "Rounding", "CURRLIAB", "BASEXCLUDED", system_account="ROUNDING"),
        _account(
            tenant, "960", "Retained Earnings", "EQUITY", "BASEXCLUDED", system_account="RETAINEDEARNINGS"
        ),
    ]
    for account in accounts:
        account.updated = moment
    return accounts


def _organisation(tenant: str, name: str, short_code: str, created: datetime, **extra) -> Organisation:
    return Organisation(
        organisation_id=tenant,
        name=name,
        short_code=short_code,
        legal_name=extra.pop("legal_name", name),
        created=created,
        **extra,
    )


def _australian_currencies() -> list[Currency]:
    return [Currency("AUD", "Australian Dollar"), Currency("NZD", "New Zealand Dollar")]


def _ledger(organisation: Organisation, accounts: list[Account], contacts: list[Contact]) -> Ledger:
    return Ledger(
        organisation=organisation,
        accounts={account.account_id: account for account in accounts},
        tax_rates=_australian_tax_rates(),
        contacts={contact.contact_id: contact for contact in contacts},
        currencies=_australian_currencies(),
    )


def _last_financial_year_end(today: date) -> date:
    """The 30 June that closed the last financial year the accountant has finished (about 4 months on)."""
    cutoff = today - timedelta(days=120)
    year = cutoff.year if cutoff.month > 6 else cutoff.year - 1
    return date(year, 6, 30)


# ---------------------------------------------------------------- Harbour Street Hardware
def _harbour_street(clock: Clock) -> Ledger:
    tenant = stable_id("organisation", HARBOUR_STREET)
    created = datetime(2021, 3, 1, 22, 14, 5, tzinfo=UTC)
    organisation = _organisation(
        tenant,
        HARBOUR_STREET,
        "!Xk3Lp",
        created,
        legal_name="Harbour Street Hardware Pty Ltd",
        tax_number="51 824 753 556",
    )
    today = clock.today(organisation.utc_offset_minutes)
    organisation.end_of_year_lock_date = _last_financial_year_end(today)
    moment = clock.now() - timedelta(days=30)
    accounts = _default_chart(tenant, moment)
    accounts[0].name = "Business Cheque Account"
    accounts[1] = _account(
        tenant,
        "091",
        "Cash Float",
        "BANK",
        "BASEXCLUDED",
        bank_account_number="062000 11112222",
        bank_account_type="BANK",
        currency_code="AUD",
        description="Till cash waiting to be banked",
    )
    accounts += [
        _account(tenant, "210", "Sales - GST Free", "REVENUE", "EXEMPTOUTPUT"),
        _account(tenant, "220", "Workshop Hire (old)", "REVENUE", "OUTPUT", status="ARCHIVED"),
        _account(
            tenant,
            "615",
            "Card Settlements Clearing",
            "CURRENT",
            "BASEXCLUDED",
            enable_payments_to_account=True,
            description="EFTPOS, Visa and Mastercard takings until the bank settles them",
        ),
        _account(tenant, "616", "Amex Clearing", "CURRENT", "BASEXCLUDED", enable_payments_to_account=True),
        _account(tenant, "617", "Till Float Clearing", "CURRENT", "BASEXCLUDED"),
        _account(
            tenant, "830", "Gift Card Liability", "CURRLIAB", "BASEXCLUDED", enable_payments_to_account=True
        ),
        _account(
            tenant,
            "835",
            "Tips Payable",
            "CURRLIAB",
            "BASEXCLUDED",
            description="Tips customers gave the staff, paid out with wages",
        ),
        _account(
            tenant,
            None,
            "Square Payouts",
            "BANK",
            "BASEXCLUDED",
            bank_account_number="082000 55556666",
            bank_account_type="BANK",
            currency_code="AUD",
        ),
        _account(tenant, "420", "Entertainment", "EXPENSE", "INPUT"),
        _account(
            tenant,
            "865",
            "Till Over/Short",
            "EXPENSE",
            "BASEXCLUDED",
            description="Cash over and short: what the till took more or less than its sales",
        ),
    ]
    for account in accounts:
        account.updated = moment
    contacts = [
        Contact(
            stable_id(tenant, "contact", "POS Sales"),
            "POS Sales",
            contact_number="POS",
            is_customer=True,
            updated=moment,
        ),
        Contact(
            stable_id(tenant, "contact", "Cash Sales"),
            "Cash Sales",
            status="ARCHIVED",
            contact_number="CASH",
            is_customer=True,
            updated=moment,
        ),
        Contact(
            stable_id(tenant, "contact", "Coastal Builders"),
            "Coastal Builders Pty Ltd",
            account_number="CB-001",
            email_address="accounts@coastalbuilders.example",
            is_customer=True,
            updated=moment,
        ),
        Contact(
            stable_id(tenant, "contact", "Bolt & Nut"),
            "Bolt & Nut Supplies Pty Ltd",
            is_supplier=True,
            email_address="orders@boltandnut.example",
            updated=moment,
        ),
    ]
    ledger = _ledger(organisation, accounts, contacts)
    ledger.tracking_categories = [
        TrackingCategory(
            stable_id(tenant, "tracking", "Till"),
            "Till",
            options=[
                TrackingOption(stable_id(tenant, "tracking", "Till", "1"), "Till 1"),
                TrackingOption(stable_id(tenant, "tracking", "Till", "2"), "Till 2"),
                TrackingOption(
                    stable_id(tenant, "tracking", "Till", "3"), "Till 3 (removed)", status="ARCHIVED"
                ),
            ],
        ),
    ]
    pos_sales = contacts[0]
    for days_back, (taxable, gst_free, cash, cards, amex) in zip(
        (3, 2, 1),
        (
            ("1843.55", "126.40", "412.95", "1402.00", "155.00"),
            ("2210.10", "88.00", "530.60", "1612.50", "155.00"),
            ("1675.25", "142.75", "389.00", "1309.00", "120.00"),
        ),
        strict=True,
    ):
        _post_earlier_day(
            ledger,
            pos_sales,
            today - timedelta(days=days_back),
            Decimal(taxable),
            Decimal(gst_free),
            {"091": Decimal(cash), "615": Decimal(cards), "616": Decimal(amex)},
        )
    return ledger


def _post_earlier_day(
    ledger: Ledger,
    customer: Contact,
    day: date,
    taxable: Decimal,
    gst_free: Decimal,
    tenders: dict[str, Decimal],
) -> None:
    tenant = ledger.tenant_id
    number = f"POS-{day:%Y%m%d}"
    rate = ledger.tax_rate("OUTPUT").rate
    lines = [
        LineItem(
            stable_id(tenant, number, "1"),
            "Hardware & tools (till summary)",
            Decimal("1"),
            taxable,
            taxable,
            line_tax(taxable, rate, "Inclusive"),
            account_code="200",
            tax_type="OUTPUT",
        ),
        LineItem(
            stable_id(tenant, number, "2"),
            "GST-free lines (till summary)",
            Decimal("1"),
            gst_free,
            gst_free,
            Decimal("0.00"),
            account_code="210",
            tax_type="EXEMPTOUTPUT",
        ),
    ]
    sub_total, total_tax, total = invoice_totals(
        ((line.line_amount, line.tax_amount) for line in lines), "Inclusive"
    )
    stamp = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8)
    invoice = Invoice(
        invoice_id=stable_id(tenant, "invoice", number),
        type="ACCREC",
        contact_id=customer.contact_id,
        date=day,
        due_date=day,
        status="AUTHORISED",
        line_amount_types="Inclusive",
        currency_code="AUD",
        invoice_number=number,
        reference=f"Z-report {day:%d %b %Y}",
        line_items=lines,
        sub_total=sub_total,
        total_tax=total_tax,
        total=total,
        updated=stamp,
    )
    ledger.invoices[invoice.invoice_id] = invoice
    paid = sum(tenders.values(), Decimal("0.00"))
    if paid != total:  # keep the seed honest: tenders must settle the day exactly
        raise AssertionError(f"demo seed: tenders {paid} do not settle {number} total {total}")
    for code, amount in tenders.items():
        account = ledger.account_by_code(code)
        payment = Payment(
            payment_id=stable_id(tenant, "payment", number, code),
            invoice_id=invoice.invoice_id,
            account_id=account.account_id,
            date=day,
            amount=amount,
            reference=f"{number} {account.name}",
            updated=stamp,
        )
        ledger.payments[payment.payment_id] = payment
        invoice.payment_ids.append(payment.payment_id)
        invoice.amount_paid += amount
    invoice.status = "PAID"
    invoice.fully_paid_on = day


# ---------------------------------------------------------------- Pier Nine Café (Starter plan)
def _pier_nine(clock: Clock) -> Ledger:
    tenant = stable_id("organisation", PIER_NINE)
    created = datetime(2024, 9, 12, 1, 2, 3, tzinfo=UTC)
    organisation = _organisation(
        tenant,
        PIER_NINE,
        "!Pn9Cf",
        created,
        legal_name="Pier Nine Cafe Pty Ltd",
        plan="STARTER",
        approved_invoice_limit=20,
        tax_number="33 051 775 556",
    )
    moment = clock.now() - timedelta(days=30)
    accounts = _default_chart(tenant, moment)
    accounts.append(
        _account(tenant, "615", "EFTPOS Clearing", "CURRENT", "BASEXCLUDED", enable_payments_to_account=True)
    )
    accounts[-1].updated = moment
    contacts = [
        Contact(stable_id(tenant, "contact", "POS Sales"), "POS Sales", is_customer=True, updated=moment)
    ]
    return _ledger(organisation, accounts, contacts)


# ---------------------------------------------------------------- empty: a brand-new organisation
def _my_shop(clock: Clock) -> Ledger:
    tenant = stable_id("organisation", MY_SHOP)
    created = clock.now() - timedelta(days=1)
    organisation = _organisation(tenant, MY_SHOP, "!Mys01", created)
    return _ledger(organisation, _default_chart(tenant, created), [])
