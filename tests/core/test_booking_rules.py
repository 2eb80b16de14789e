"""Tips, gift cards and surcharges booked as a bookkeeper would (against the demo shop's chart)."""

from __future__ import annotations

from decimal import Decimal

from xerohelper.core.booking_rules import (
    Booking,
    booking_of,
    category_accounts,
    suggested_sales,
    suggested_tender_account,
)
from xerohelper.core.mapping import SalesAccount
from xerohelper.core.organisation_setup import AccountInfo, OrganisationSetup, TaxRateInfo


def account(code, name, kind, payments=False):
    return AccountInfo(code, name, kind, "ACTIVE", payments)


SETUP = OrganisationSetup(
    accounts={
        a.code: a
        for a in (
            account("200", "Sales", "REVENUE"),
            account("260", "Card Surcharges", "OTHERINCOME"),
            account("830", "Gift Card Liability", "CURRLIAB", payments=True),
            account("835", "Tips Payable", "CURRLIAB"),
            account("860", "Rounding", "CURRLIAB"),
        )
    },
    tax_rates={
        "OUTPUT": TaxRateInfo("OUTPUT", "GST on Income", Decimal("10"), "ACTIVE", True),
        "BASEXCLUDED": TaxRateInfo("BASEXCLUDED", "BAS Excluded", Decimal("0"), "ACTIVE", True),
    },
    base_currency="AUD",
    period_lock_date=None,
    end_of_year_lock_date=None,
    short_code="!x",
    name="Shop",
)


def test_what_each_kind_of_line_is():
    assert booking_of("Tips") is Booking.TIPS and booking_of("Tip") is Booking.TIPS
    assert booking_of("Gift card sales") is Booking.GIFT_CARDS_SOLD
    assert booking_of("Card surcharge") is Booking.SURCHARGE
    assert booking_of("Tiptop bread") is Booking.SALES and booking_of("Hardware") is Booking.SALES


def test_tips_and_gift_cards_sold_go_to_liabilities_without_tax_and_redeemed_cards_pay_into_them():
    assert suggested_sales("Tips", SETUP) == SalesAccount("835", "BASEXCLUDED")
    assert suggested_sales("Gift card sales", SETUP) == SalesAccount("830", "BASEXCLUDED")
    assert suggested_tender_account("Square Gift Card", SETUP) == "830"
    assert suggested_tender_account("Visa", SETUP) is None
    assert suggested_sales("Card surcharge", SETUP) == SalesAccount("260", "")
    assert suggested_sales("Hardware", SETUP) is None
    assert [a.code for a in category_accounts("Tips", SETUP)][:1] == ["835"]
    assert "835" not in [a.code for a in category_accounts("Hardware", SETUP)]  # ordinary sales: income only
