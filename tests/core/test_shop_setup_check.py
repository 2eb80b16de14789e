"""The Shop setup's choices and row-by-row problems, without Qt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import AccountInfo, ContactInfo, OrganisationSetup, TaxRateInfo
from xerohelper.core.shop_setup_check import (
    CONTACT,
    INVOICE_NUMBER,
    REFERENCE,
    ROUNDING,
    check_shop_setup,
    payment_accounts,
    percent,
    rounding_accounts,
    sales_accounts,
    sales_tax_rates,
    tax_label,
)

SETUP = OrganisationSetup(
    accounts={
        a.code: a
        for a in (
            AccountInfo("090", "Bank", "BANK", "ACTIVE", True),
            AccountInfo("200", "Sales", "REVENUE", "ACTIVE", False),
            AccountInfo("205", "Shop sales", "SALES", "ACTIVE", False),
            AccountInfo("220", "Old sales", "REVENUE", "ARCHIVED", False),
            AccountInfo("270", "Interest", "OTHERINCOME", "ACTIVE", False),
            AccountInfo("404", "Bank fees", "EXPENSE", "ACTIVE", False),
            AccountInfo("615", "Card clearing", "CURRENT", "ACTIVE", True),
            AccountInfo("617", "Float", "CURRENT", "ACTIVE", False),
            AccountInfo("860", "Rounding", "CURRLIAB", "ACTIVE", False),
        )
    },
    tax_rates={
        t.tax_type: t
        for t in (
            TaxRateInfo("OUTPUT", "GST on Income", Decimal("10.0000"), "ACTIVE"),
            TaxRateInfo("OUTPUT2", "GST on Income", Decimal("12.5000"), "ACTIVE"),
            TaxRateInfo("INPUT", "GST on Expenses", Decimal("10.0000"), "ACTIVE", for_revenue=False),
            TaxRateInfo("OLD", "Old GST", Decimal("15"), "ARCHIVED"),
        )
    },
    base_currency="AUD",
    period_lock_date=date(2026, 12, 31),  # a lock date is about a day, not the setup: not reported here
    end_of_year_lock_date=None,
    short_code="!abc",
    name="Test shop",
)
CONTACT_OK = ContactInfo("c1", "POS Sales", "ACTIVE")
GOOD = Mapping(rounding_account_code="860").with_sales("Paint", "200", "OUTPUT").with_tender("Cash", "090")


def test_choices_and_labels():
    assert [a.code for a in sales_accounts(SETUP)] == ["200", "205", "270"]
    assert [a.code for a in payment_accounts(SETUP)] == ["090", "615"]
    assert rounding_accounts(SETUP)[0].code == "860" and "090" not in [
        a.code for a in rounding_accounts(SETUP)
    ]
    assert [t.tax_type for t in sales_tax_rates(SETUP)] == ["OUTPUT", "OUTPUT2"]
    assert tax_label(SETUP.tax_rates["OUTPUT"]) == "GST on Income (10%)"
    assert percent(Decimal("12.5000")) == "12.5%" and percent(Decimal("0.0000")) == "0%"


def test_a_good_setup_has_nothing_to_say():
    check = check_shop_setup(
        GOOD, SETUP, ["Paint"], ["Cash"], CONTACT_OK, "POS Sales", today=date(2026, 11, 21)
    )
    assert check.ok and check.all_words() == [] and check.cards == {}


def test_each_problem_lands_on_its_row():
    mapping = (
        Mapping(invoice_number_pattern="POS-{yyyymmdd", reference_pattern="{when}")
        .with_sales("Paint", "220", "OUTPUT")
        .with_sales("Tools", "404", "INPUT")
        .with_tender("Amex", "617")
    )
    check = check_shop_setup(mapping, SETUP, ["Coffee"], ["Cash"], None, "POS Sales")
    words = check.words
    assert "Choose the Xero account" in words[("sales", "Coffee")][0]
    assert "archived" in words[("sales", "Paint")][0]
    assert "not a sales account" in words[("sales", "Tools")][0]
    assert "can't be used on sales" in words[("sales", "Tools")][1]
    assert "doesn't accept payments" in words[("tender", "Amex")][0]
    assert "Choose the account" in words[("tender", "Cash")][0]
    assert "curly bracket" in words[INVOICE_NUMBER][0]
    assert "{when}" in words[REFERENCE][0]
    assert "Rounding" in words[ROUNDING][0]
    assert [c.key for c in check.cards[("tender", "Amex")]] == ["account-not-valid"]
    assert check.cards[("sales", "Paint")][0].key == "account-not-for-sales"
    assert check.cards[CONTACT][0].key == "contact-missing"
    assert all(not c.key.startswith("day-is-locked") for cards in check.cards.values() for c in cards)
    assert "Amex: " + words[("tender", "Amex")][0] in check.all_words()


def test_a_contact_is_judged_only_under_the_name_it_was_looked_up_by():
    renamed = Mapping(customer_contact="Till sales", rounding_account_code="860")
    assert (
        CONTACT not in check_shop_setup(renamed, SETUP, contact=None, contact_checked_for="POS Sales").cards
    )
    archived = ContactInfo("c1", "POS Sales", "ARCHIVED")
    check = check_shop_setup(GOOD, SETUP, contact=archived, contact_checked_for="pos sales")
    assert check.cards[CONTACT][0].key == "contact-archived"
    empty = Mapping(customer_contact=" ", rounding_account_code="860")
    assert "Choose the Xero contact" in check_shop_setup(empty, SETUP).words[CONTACT][0]
