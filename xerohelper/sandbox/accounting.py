"""The Accounting API under ``/api.xro/2.0``: routing, the settings reads, and list plumbing.

Reads: Organisation, Accounts, TaxRates, TrackingCategories, Currencies, Contacts, Invoices, CreditNotes,
Payments (``where``, ``order``, ``page``/``pageSize``, ``If-Modified-Since``, and each resource's own
filters). Writes live in contacts.py, invoices.py, credit_notes.py and payments.py. Credit notes need the
same scopes as invoices (``accounting.invoices`` covers credit notes; reference/xero-oauth.md).
Paths match without regard to case.
Every handler runs with ``world.lock`` held.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from typing import Any

from xerohelper.sandbox import render
from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.responses import (
    Response,
    authorization_unsuccessful,
    json_response,
    no_data_processed,
    not_found,
    post_data_invalid,
    query_parse_exception,
)
from xerohelper.sandbox.settings import SandboxSettings
from xerohelper.sandbox.store import Ledger, World
from xerohelper.sandbox.where import QueryError, order_rows, where_filter
from xerohelper.sandbox.xero_wire import (
    WireError,
    envelope,
    parse_bool,
    parse_http_datetime,
    wire_value_to_sortable,
)

SETTINGS_READ = ("accounting.settings", "accounting.settings.read")
CONTACTS_READ = ("accounting.contacts", "accounting.contacts.read")
CONTACTS_WRITE = ("accounting.contacts",)
INVOICES_READ = (
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.invoices",
    "accounting.invoices.read",
)
INVOICES_WRITE = ("accounting.transactions", "accounting.invoices")
PAYMENTS_READ = (
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.payments",
    "accounting.payments.read",
)
PAYMENTS_WRITE = ("accounting.transactions", "accounting.payments")


@dataclass
class Call:
    """One Accounting API request, with the organisation it is for."""

    method: str
    parts: list[str]  # path segments after /api.xro/2.0, as sent
    query: dict[str, str]  # parameter names lower-cased
    headers: Message
    body: bytes
    ledger: Ledger
    world: World
    clock: Clock
    settings: SandboxSettings

    @property
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def unitdp(self) -> int:
        return 4 if self.query.get("unitdp", "").strip() == "4" else 2

    @property
    def summarize_errors(self) -> bool:
        """Missing means true: any failure fails the whole request with a 400 (xero-sdk.md §4.2)."""
        return parse_bool(self.query.get("summarizeerrors"), default=True)

    def ok(self, plural: str, items: list, **extra: Any) -> Response:
        return json_response(200, envelope(self.settings.app_name, self.now, plural, items, **extra))

    def read_json(self, plural: str, resource: str) -> list[dict] | Response:
        """The posted elements: ``{"<Plural>": [...]}`` or one bare element. Xero's answers for bad bodies."""
        if not self.body.strip():
            return no_data_processed(resource)
        try:
            document = json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            return post_data_invalid()
        if isinstance(document, dict):
            found = next((value for key, value in document.items() if key.lower() == plural.lower()), None)
            if found is None:
                return [document] if document else no_data_processed(resource)
            document = found
        if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
            return post_data_invalid()
        if not document:
            return no_data_processed(resource)
        return document


def _modified_since(call: Call) -> datetime | None:
    value = call.headers.get("If-Modified-Since")
    if not value:
        return None
    try:
        return parse_http_datetime(value)
    except WireError:
        return None


def filter_rows(call: Call, rows: Iterable[dict], type_name: str) -> list[dict]:
    """where, If-Modified-Since and order, applied to wire rows."""
    predicate = where_filter(call.query.get("where"), type_name, render.FIELDS[type_name])
    since = _modified_since(call)
    since_ms = int(since.timestamp() * 1000) if since else None
    kept = []
    for row in rows:
        if since_ms is not None:
            stamp = wire_value_to_sortable(row.get("UpdatedDateUTC"))
            if isinstance(stamp, int) and stamp <= since_ms:
                continue
        if predicate is not None and not predicate(row):
            continue
        kept.append(row)
    return order_rows(kept, call.query.get("order"), type_name, render.FIELDS[type_name])


def paginate(call: Call, rows: list[dict], default_size: int = 100) -> tuple[list[dict], dict | None]:
    """Xero pages by ``page`` (1-based) and ``pageSize`` (at most 1000); no page means every row."""
    page_text = call.query.get("page")
    if not page_text:
        return rows, None
    try:
        page = max(1, int(page_text))
        size = min(1000, max(1, int(call.query.get("pagesize") or default_size)))
    except ValueError:
        page, size = 1, default_size
    count = len(rows)
    start = (page - 1) * size
    return rows[start : start + size], {
        "page": page,
        "pageSize": size,
        "pageCount": max(1, math.ceil(count / size)) if count else 0,
        "itemCount": count,
    }


# ------------------------------------------------------------------ settings reads
def get_organisation(call: Call) -> Response:
    return call.ok("Organisations", [render.organisation(call.ledger.organisation)])


def get_accounts(call: Call, account_id: str | None = None) -> Response:
    if account_id is not None:
        account = call.ledger.accounts.get(account_id.strip().lower())
        return call.ok("Accounts", [render.account(account)]) if account else not_found()
    rows = filter_rows(call, (render.account(a) for a in call.ledger.accounts.values()), "Account")
    return call.ok("Accounts", rows)


def get_tax_rates(call: Call) -> Response:
    rows = filter_rows(call, (render.tax_rate(r) for r in call.ledger.tax_rates), "TaxRate")
    return call.ok("TaxRates", rows)


def get_tracking_categories(call: Call, category_id: str | None = None) -> Response:
    include_archived = parse_bool(call.query.get("includearchived"))
    categories = [
        c
        for c in call.ledger.tracking_categories
        if (include_archived or c.status == "ACTIVE")
        and (category_id is None or c.tracking_category_id == category_id.strip().lower())
    ]
    if category_id is not None and not categories:
        return not_found()
    rows = filter_rows(
        call, (render.tracking_category(c, include_archived) for c in categories), "TrackingCategory"
    )
    return call.ok("TrackingCategories", rows)


def get_currencies(call: Call) -> Response:
    rows = filter_rows(call, (render.currency(c) for c in call.ledger.currencies), "Currency")
    return call.ok("Currencies", rows)


# ------------------------------------------------------------------ routing
Handler = Callable[[Call], Response]


def _route(call: Call) -> tuple[tuple[str, ...], Handler] | None:
    """(scopes that may call it, handler) for this method and path; None when Xero has no such endpoint."""
    from xerohelper.sandbox import contacts, credit_notes, invoices, payments  # they import this one

    resource = call.parts[0].lower() if call.parts else ""
    item = call.parts[1] if len(call.parts) > 1 else None
    extra = len(call.parts) > 2
    method = call.method
    if extra:
        return None
    table: dict[tuple[str, str, bool], tuple[tuple[str, ...], Handler]] = {
        ("GET", "organisation", False): (SETTINGS_READ, get_organisation),
        ("GET", "accounts", False): (SETTINGS_READ, get_accounts),
        ("GET", "accounts", True): (SETTINGS_READ, lambda c: get_accounts(c, item)),
        ("GET", "taxrates", False): (SETTINGS_READ, get_tax_rates),
        ("GET", "trackingcategories", False): (SETTINGS_READ, get_tracking_categories),
        ("GET", "trackingcategories", True): (SETTINGS_READ, lambda c: get_tracking_categories(c, item)),
        ("GET", "currencies", False): (SETTINGS_READ, get_currencies),
        ("GET", "contacts", False): (CONTACTS_READ, contacts.list_contacts),
        ("GET", "contacts", True): (CONTACTS_READ, lambda c: contacts.get_contact(c, item)),
        ("PUT", "contacts", False): (CONTACTS_WRITE, lambda c: contacts.save_contacts(c, create_only=True)),
        ("POST", "contacts", False): (CONTACTS_WRITE, lambda c: contacts.save_contacts(c, create_only=False)),
        ("POST", "contacts", True): (CONTACTS_WRITE, lambda c: contacts.update_contact(c, item)),
        ("GET", "invoices", False): (INVOICES_READ, invoices.list_invoices),
        ("GET", "invoices", True): (INVOICES_READ, lambda c: invoices.get_invoice(c, item)),
        ("PUT", "invoices", False): (INVOICES_WRITE, lambda c: invoices.save_invoices(c, create_only=True)),
        ("POST", "invoices", False): (INVOICES_WRITE, lambda c: invoices.save_invoices(c, create_only=False)),
        ("POST", "invoices", True): (INVOICES_WRITE, lambda c: invoices.update_invoice(c, item)),
        ("GET", "creditnotes", False): (INVOICES_READ, credit_notes.list_credit_notes),
        ("GET", "creditnotes", True): (INVOICES_READ, lambda c: credit_notes.get_credit_note(c, item)),
        ("PUT", "creditnotes", False): (
            INVOICES_WRITE,
            lambda c: credit_notes.save_credit_notes(c, create_only=True),
        ),
        ("POST", "creditnotes", False): (
            INVOICES_WRITE,
            lambda c: credit_notes.save_credit_notes(c, create_only=False),
        ),
        ("POST", "creditnotes", True): (INVOICES_WRITE, lambda c: credit_notes.update_credit_note(c, item)),
        ("GET", "payments", False): (PAYMENTS_READ, payments.list_payments),
        ("GET", "payments", True): (PAYMENTS_READ, lambda c: payments.get_payment(c, item)),
        ("PUT", "payments", False): (PAYMENTS_WRITE, payments.create_payments),
        ("POST", "payments", False): (PAYMENTS_WRITE, payments.create_payments),
        ("POST", "payments", True): (PAYMENTS_WRITE, lambda c: payments.delete_payment(c, item)),
    }
    return table.get((method, resource, item is not None))


def is_known_path(parts: list[str]) -> bool:
    return bool(parts) and parts[0].lower() in {
        "organisation",
        "accounts",
        "taxrates",
        "trackingcategories",
        "currencies",
        "contacts",
        "invoices",
        "creditnotes",
        "payments",
    }


def handle(call: Call, scopes: list[str]) -> Response:
    found = _route(call)
    if found is None:
        return not_found()
    allowed, handler = found
    if not any(scope in scopes for scope in allowed):
        return authorization_unsuccessful()
    try:
        return handler(call)
    except QueryError as problem:
        return query_parse_exception(str(problem))
