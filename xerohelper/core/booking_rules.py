"""What the till reports, booked as a bookkeeper would: not everything on a till's sales side is income.

Tips belong to the staff: they go to a liability account (not sales) by default. Gift cards sold are money
owed to the card holder: a liability; gift cards redeemed are a payment (a tender) against that liability.
Card surcharges are their own income category, apart from the goods sold. Shop setup suggests accounts
for these from the organisation's chart of accounts; the owner (or bookkeeper) can choose others.
"""

from __future__ import annotations

import re
from enum import StrEnum

from xerohelper.core.mapping import SalesAccount
from xerohelper.core.organisation_setup import AccountInfo, OrganisationSetup

LIABILITY_TYPES = ("CURRLIAB", "LIABILITY", "TERMLIAB")
INCOME_TYPES = ("REVENUE", "SALES", "OTHERINCOME")
NO_TAX = ("BASEXCLUDED", "NONE", "EXEMPTOUTPUT", "ZERORATEDOUTPUT")  # the first the organisation has


class Booking(StrEnum):
    SALES = "sales"
    TIPS = "tips"  # a liability: owed to the staff
    GIFT_CARDS_SOLD = "gift cards sold"  # a liability: owed to the card holder
    SURCHARGE = "surcharge"  # income of its own


def booking_of(category: str) -> Booking:
    name = category.casefold()
    words = re.findall(r"[a-z]+", name)
    if any(word in ("tip", "tips", "tipping") for word in words) or "gratuit" in name:
        return Booking.TIPS
    if "gift" in name and ("card" in name or "voucher" in name or "certificate" in name):
        return Booking.GIFT_CARDS_SOLD
    if "surcharge" in name:
        return Booking.SURCHARGE
    return Booking.SALES


def is_gift_card_tender(tender: str) -> bool:
    name = tender.casefold()
    return "gift" in name and any(word in name for word in ("card", "voucher", "certificate"))


def category_accounts(category: str, setup: OrganisationSetup) -> list[AccountInfo]:
    """The accounts a category may go to: income accounts; for tips and gift cards sold, liabilities too
    (those first)."""
    wanted = INCOME_TYPES + (LIABILITY_TYPES if booking_of(category) in _LIABILITIES else ())
    return sorted(
        (a for a in setup.accounts.values() if a.status == "ACTIVE" and a.type in wanted),
        key=lambda a: (_rank(category, a), a.code),
    )


def suggested_sales(category: str, setup: OrganisationSetup) -> SalesAccount | None:
    """The account and tax rate a bookkeeper would choose for a category that isn't ordinary sales."""
    booking = booking_of(category)
    if booking is Booking.SALES:
        return None
    candidates = [a for a in category_accounts(category, setup) if _rank(category, a) == 0]
    if not candidates:
        return None
    account = candidates[0]
    if booking in _LIABILITIES:
        tax = next((t for t in NO_TAX if t in setup.tax_rates and setup.tax_rates[t].status == "ACTIVE"), "")
        return SalesAccount(account.code, tax) if tax else None
    return SalesAccount(account.code, "")  # a surcharge's tax rate is the shop's usual one: the owner picks


def suggested_tender_account(tender: str, setup: OrganisationSetup) -> str | None:
    """Gift cards redeemed are paid into the gift card liability (when it accepts payments)."""
    if not is_gift_card_tender(tender):
        return None
    for account in sorted(setup.accounts.values(), key=lambda a: a.code):
        if account.status == "ACTIVE" and account.accepts_payments and "gift" in account.name.casefold():
            return account.code
    return None


_LIABILITIES = (Booking.TIPS, Booking.GIFT_CARDS_SOLD)
_WORDS = {
    Booking.TIPS: ("tip", "gratuit"),
    Booking.GIFT_CARDS_SOLD: ("gift",),
    Booking.SURCHARGE: ("surcharge",),
    Booking.SALES: (),
}


def _rank(category: str, account: AccountInfo) -> int:
    """0: the account a bookkeeper would pick (its name says what it is, of the right kind); 1: the rest."""
    booking = booking_of(category)
    name = account.name.casefold()
    named = any(word in name for word in _WORDS[booking])
    right_kind = account.type in (LIABILITY_TYPES if booking in _LIABILITIES else INCOME_TYPES)
    return 0 if named and right_kind else 1
