"""Everything the sandbox remembers: organisations with their books, and who is connected with which token.

Money is Decimal, dates are dates, moments are aware UTC datetimes. The whole world turns into plain JSON
and back (``world_to_json`` / ``world_from_json``) for ``--state FILE``. One lock (``World.lock``) guards
every change; handlers hold it for the length of one request.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import threading
import types
import typing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

STATE_FORMAT = 1

ACCOUNT_CLASS_BY_TYPE = {
    "BANK": "ASSET",
    "CURRENT": "ASSET",
    "FIXED": "ASSET",
    "INVENTORY": "ASSET",
    "NONCURRENT": "ASSET",
    "PREPAYMENT": "ASSET",
    "CURRLIAB": "LIABILITY",
    "LIABILITY": "LIABILITY",
    "TERMLIAB": "LIABILITY",
    "PAYG": "LIABILITY",
    "EQUITY": "EQUITY",
    "DEPRECIATN": "EXPENSE",
    "DIRECTCOSTS": "EXPENSE",
    "EXPENSE": "EXPENSE",
    "OVERHEADS": "EXPENSE",
    "OTHERINCOME": "REVENUE",
    "REVENUE": "REVENUE",
    "SALES": "REVENUE",
}


def _utc_epoch() -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC)


# ====================================================================== the books of one organisation
@dataclass
class Organisation:
    organisation_id: str
    name: str
    short_code: str
    legal_name: str = ""
    version: str = "AU"
    country_code: str = "AU"
    base_currency: str = "AUD"
    timezone: str = "AUSEASTERNSTANDARDTIME"
    utc_offset_minutes: int = 600  # the organisation's local day, as a fixed offset from UTC
    plan: str = "STANDARD"  # Organisation.Class
    approved_invoice_limit: int | None = None  # invoices approvable per calendar month (Starter plans)
    period_lock_date: date | None = None
    end_of_year_lock_date: date | None = None
    financial_year_end_day: int = 30
    financial_year_end_month: int = 6
    sales_tax_basis: str = "ACCRUALS"
    sales_tax_period: str = "QUARTERLY1"
    tax_number: str = ""
    organisation_type: str = "COMPANY"
    pays_tax: bool = True
    is_demo_company: bool = False
    created: datetime = field(default_factory=_utc_epoch)


@dataclass
class Account:
    account_id: str
    code: str | None
    name: str
    type: str  # Xero AccountType: BANK, CURRENT, REVENUE, ...
    tax_type: str = "NONE"
    status: str = "ACTIVE"
    description: str | None = None
    bank_account_number: str | None = None
    bank_account_type: str | None = None
    currency_code: str | None = None
    enable_payments_to_account: bool = False
    show_in_expense_claims: bool = False
    system_account: str | None = None
    reporting_code: str | None = None
    updated: datetime = field(default_factory=_utc_epoch)

    @property
    def account_class(self) -> str:
        return ACCOUNT_CLASS_BY_TYPE.get(self.type, "ASSET")

    @property
    def accepts_payments(self) -> bool:
        return self.type == "BANK" or self.enable_payments_to_account


@dataclass
class TaxRate:
    name: str
    tax_type: str
    rate: Decimal
    report_tax_type: str
    applies_to: list[str]  # account classes: ASSET, EQUITY, EXPENSE, LIABILITY, REVENUE
    status: str = "ACTIVE"
    for_sales: bool = True  # usable on sales documents (ACCREC)
    for_purchases: bool = True  # usable on purchase documents (ACCPAY)
    component_name: str = "GST"


@dataclass
class Contact:
    contact_id: str
    name: str
    status: str = "ACTIVE"
    contact_number: str | None = None
    account_number: str | None = None
    email_address: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    is_customer: bool = False
    is_supplier: bool = False
    default_currency: str | None = None
    updated: datetime = field(default_factory=_utc_epoch)


@dataclass
class LineItem:
    line_item_id: str
    description: str | None
    quantity: Decimal
    unit_amount: Decimal  # kept to 4 places; shown to 2 unless unitdp=4
    line_amount: Decimal
    tax_amount: Decimal
    account_code: str | None = None
    tax_type: str | None = None
    discount_rate: Decimal | None = None
    item_code: str | None = None
    tracking: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Invoice:
    invoice_id: str
    type: str
    contact_id: str
    date: date
    due_date: date | None
    status: str
    line_amount_types: str
    currency_code: str
    invoice_number: str | None = None
    reference: str | None = None
    currency_rate: Decimal = Decimal("1")
    line_items: list[LineItem] = field(default_factory=list)
    sub_total: Decimal = Decimal("0.00")
    total_tax: Decimal = Decimal("0.00")
    total: Decimal = Decimal("0.00")
    amount_paid: Decimal = Decimal("0.00")
    fully_paid_on: date | None = None
    sent_to_contact: bool = False
    payment_ids: list[str] = field(default_factory=list)
    updated: datetime = field(default_factory=_utc_epoch)

    @property
    def amount_due(self) -> Decimal:
        if self.status in ("VOIDED", "DELETED"):
            return Decimal("0.00")
        return self.total - self.amount_paid


@dataclass
class CreditNote(Invoice):
    """A credit note (Type ACCRECCREDIT or ACCPAYCREDIT): Xero keeps it as an invoice, and so do we.

    ``invoice_number`` holds its CreditNoteNumber, ``amount_paid`` what has been refunded (payments
    against it), and ``amount_due`` is its RemainingCredit.
    """

    @property
    def remaining_credit(self) -> Decimal:
        return self.amount_due


@dataclass
class Payment:
    payment_id: str
    invoice_id: str  # "" when the payment is a refund against a credit note
    account_id: str
    date: date
    amount: Decimal
    reference: str | None = None
    status: str = "AUTHORISED"
    payment_type: str = "ACCRECPAYMENT"
    currency_rate: Decimal = Decimal("1")
    is_reconciled: bool = False
    batch_payment_id: str | None = None
    updated: datetime = field(default_factory=_utc_epoch)
    credit_note_id: str | None = None  # a refund paid out against this credit note


@dataclass
class TrackingOption:
    tracking_option_id: str
    name: str
    status: str = "ACTIVE"


@dataclass
class TrackingCategory:
    tracking_category_id: str
    name: str
    status: str = "ACTIVE"
    options: list[TrackingOption] = field(default_factory=list)


@dataclass
class Currency:
    code: str
    description: str


@dataclass
class Ledger:
    """One organisation (one Xero tenant) and its books."""

    organisation: Organisation
    accounts: dict[str, Account] = field(default_factory=dict)
    tax_rates: list[TaxRate] = field(default_factory=list)
    contacts: dict[str, Contact] = field(default_factory=dict)
    invoices: dict[str, Invoice] = field(default_factory=dict)
    payments: dict[str, Payment] = field(default_factory=dict)
    credit_notes: dict[str, CreditNote] = field(default_factory=dict)
    tracking_categories: list[TrackingCategory] = field(default_factory=list)
    currencies: list[Currency] = field(default_factory=list)

    @property
    def tenant_id(self) -> str:
        return self.organisation.organisation_id

    def account_by_code(self, code: str | None) -> Account | None:
        if code is None:
            return None
        wanted = code.strip().upper()
        for account in self.accounts.values():
            if account.code is not None and account.code.upper() == wanted:
                return account
        return None

    def tax_rate(self, tax_type: str | None) -> TaxRate | None:
        if tax_type is None:
            return None
        wanted = tax_type.strip().upper()
        return next((rate for rate in self.tax_rates if rate.tax_type.upper() == wanted), None)

    def find_contact(self, key: str) -> Contact | None:
        """By ContactID, or by name (case-insensitive)."""
        if key in self.contacts:
            return self.contacts[key]
        lowered = key.strip().lower()
        return next((c for c in self.contacts.values() if c.name.lower() == lowered), None)


# ====================================================================== identity: people, apps, tokens
@dataclass
class User:
    user_id: str
    email: str
    given_name: str
    family_name: str
    tenant_ids: list[str]  # organisations this person may connect


@dataclass
class Connection:
    connection_id: str
    user_id: str
    client_id: str
    tenant_id: str
    auth_event_id: str
    created: datetime
    updated: datetime
    active: bool = True


@dataclass
class Grant:
    """One token family: what a consent handed to an app, refreshed in turn."""

    grant_id: str
    user_id: str
    client_id: str
    scopes: list[str]
    auth_event_id: str
    created: datetime
    revoked: bool = False


@dataclass
class RefreshToken:
    token: str
    grant_id: str
    issued: datetime
    expires: datetime
    rotated_at: datetime | None = None  # when it was swapped for a newer one (grace starts)


@dataclass
class AccessToken:
    token: str
    grant_id: str
    scopes: list[str]
    issued: datetime
    expires: datetime
    revoked: bool = False


@dataclass
class AuthCode:
    code: str
    client_id: str
    redirect_uri: str
    code_challenge: str
    scopes: list[str]
    user_id: str
    tenant_ids: list[str]
    auth_event_id: str
    issued: datetime
    expires: datetime
    nonce: str | None = None
    used: bool = False


@dataclass
class PendingConsent:
    """An authorize request waiting for the person to choose Allow or Deny."""

    request_id: str
    client_id: str
    redirect_uri: str
    scopes: list[str]
    state: str | None
    code_challenge: str
    nonce: str | None
    created: datetime


@dataclass
class World:
    organisations: dict[str, Ledger] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    connections: dict[str, Connection] = field(default_factory=dict)
    consented_scopes: dict[str, list[str]] = field(default_factory=dict)  # "user|client" -> scopes
    grants: dict[str, Grant] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)
    codes: dict[str, AuthCode] = field(default_factory=dict)
    pending: dict[str, PendingConsent] = field(default_factory=dict)
    clock_offset_seconds: float = 0.0
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def ledger(self, tenant_id: str | None) -> Ledger | None:
        if not tenant_id:
            return None
        return self.organisations.get(tenant_id.strip().lower())

    @property
    def default_user(self) -> User:
        return next(iter(self.users.values()))


# ====================================================================== to JSON and back
_SKIP_FIELDS = {"lock"}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {
            f.name: _encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP_FIELDS
        }
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _decode(options[0], value)
    if origin is list:
        (item_kind,) = typing.get_args(kind)
        return [_decode(item_kind, item) for item in value]
    if origin is dict:
        _, item_kind = typing.get_args(kind)
        return {key: _decode(item_kind, item) for key, item in value.items()}
    if kind is Decimal:
        return Decimal(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(kind):
        hints = _HINTS.get(kind)
        if hints is None:
            hints = _HINTS[kind] = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.name not in _SKIP_FIELDS}
        return kind(**{name: _decode(hints[name], item) for name, item in value.items() if name in known})
    return value


def world_to_json(world: World) -> dict:
    with world.lock:
        return {"format": STATE_FORMAT, "world": _encode(world)}


def world_from_json(document: dict) -> World:
    if document.get("format") != STATE_FORMAT:
        raise ValueError(f"unknown sandbox state format {document.get('format')!r}")
    return _decode(World, document["world"])


def save_world(world: World, path: Path) -> None:
    """Write atomically: a crash never leaves half a state file."""
    document = world_to_json(world)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".sandbox-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=1)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_world(path: Path) -> World:
    with path.open(encoding="utf-8") as source:
        return world_from_json(json.load(source))
