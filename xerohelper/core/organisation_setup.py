"""What xerohelper knows of the organisation's set-up in Xero: accounts, tax rates, the sales contact,
lock dates and currency. Read from Xero by adapters/xero_books; checked by preflight before posting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xerohelper.core.plain_text import shown_name


@dataclass(frozen=True)
class AccountInfo:
    code: str
    name: str
    type: str  # Xero's: BANK, REVENUE, SALES, CURRLIAB…
    status: str  # ACTIVE / ARCHIVED
    accepts_payments: bool  # a bank account, or "Enable payments to this account" ticked
    account_id: str = ""
    default_tax_type: str = ""  # the account's own tax rate in Xero (its TaxType): a sales row's default

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", shown_name(self.name))


@dataclass(frozen=True)
class TaxRateInfo:
    tax_type: str
    name: str
    rate: Decimal  # percent
    status: str  # ACTIVE / ARCHIVED / DELETED
    for_revenue: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", shown_name(self.name))


@dataclass(frozen=True)
class ContactInfo:
    contact_id: str
    name: str
    status: str  # ACTIVE / ARCHIVED


@dataclass(frozen=True)
class OrganisationSetup:
    accounts: dict[str, AccountInfo]  # by code
    tax_rates: dict[str, TaxRateInfo]  # by TaxType
    base_currency: str
    period_lock_date: date | None
    end_of_year_lock_date: date | None
    short_code: str
    name: str
    accounts_without_code: tuple[str, ...] = ()  # names of accounts whose code was removed
    plan_class: str = ""  # Xero's Organisation.Class: the plan (STARTER, STANDARD, IGNITE…)
    # Active tracking categories → their active options; None when not read (a shop without tracking).
    tracking: dict[str, tuple[str, ...]] | None = None
    # The same as Xero has them, archived ones included (core/till_tracking.py's TrackingCategoryInfo).
    tracking_choices: tuple = ()

    @property
    def rates(self) -> dict[str, Decimal]:
        """Active tax rates in percent, by TaxType."""
        return {t: r.rate for t, r in self.tax_rates.items() if r.status == "ACTIVE"}
