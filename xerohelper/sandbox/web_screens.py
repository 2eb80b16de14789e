"""Xero's own screens, as the sandbox's read-only pages: the paths go.xero.com has (see
shared/reference/xero-screens.md), so an app's "Open in Xero" link pointed at the sandbox's origin lands on
the record it names: the invoice, the drafts list, the chart of accounts and one account, the contact,
financial settings, connected apps.

    handles(method, lower_path)       is this a Xero screen's path (GET only)
    answer(site, path, query)         the page, as (status, html)

Xero's organisation wrapper ``/organisationlogin/default.aspx?shortcode=!abc&redirecturl=/path`` chooses
the organisation by its short code, as does ``/app/{ShortCode}/…``; a bare path shows the organisation
holding the record it names (or the first organisation). Nothing here changes anything.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from xerohelper.sandbox import web_pages as pages
from xerohelper.sandbox.store import Ledger, World

WRAPPER = "/organisationlogin/default.aspx"
_EXACT = {  # lower-case path → the page (given the ledger and the query, names lower-cased)
    "/accountsreceivable/view.aspx": lambda w, ledger, q: _invoice(w, ledger, q.get("invoiceid")),
    "/accountsreceivable/edit.aspx": lambda w, ledger, q: (
        _invoice(w, ledger, q.get("invoiceid"))
        if q.get("invoiceid")
        else (200, pages.elsewhere_page(ledger, "New invoice", "Sales > Invoices > New invoice"))
    ),
    "/accountsreceivable/search.aspx": lambda w, ledger, q: (200, pages.invoices_page(ledger, _status(q))),
    "/bank/bankaccounts.aspx": lambda w, ledger, q: (200, pages.accounts_page(ledger, only_bank=True)),
    "/bank/bankrec.aspx": lambda w, ledger, q: _account(ledger, q.get("accountid")),
    "/bank/banktransactions.aspx": lambda w, ledger, q: _account(ledger, q.get("accountid")),
    "/bank/statements.aspx": lambda w, ledger, q: _account(ledger, q.get("accountid")),
    "/bank/viewtransaction.aspx": lambda w, ledger, q: _payment(ledger, q.get("banktransactionid")),
    "/generalledger/chartofaccounts.aspx": lambda w, ledger, q: (200, pages.accounts_page(ledger)),
    "/setup/financialsettings.aspx": lambda w, ledger, q: (200, pages.settings_page(ledger)),
    "/setup/taxrates.aspx": lambda w, ledger, q: (200, pages.tax_rates_page(ledger)),
    "/setup/tracking.aspx": lambda w, ledger, q: (200, pages.tracking_page(ledger, q.get("categoryid"))),
    "/setup/currencyrates.aspx": lambda w, ledger, q: (200, pages.currencies_page(ledger)),
    "/contacts/search.aspx": lambda w, ledger, q: (200, pages.contacts_page(ledger)),
    "/contacts/view.aspx": lambda w, ledger, q: _contact(ledger, q.get("contactid")),
    "/settings/connectedapps": lambda w, ledger, q: (
        200,
        pages.connected_apps_page(ledger, _apps(w, ledger)),
    ),
    "/invoicesettings/invoicesettings.aspx": lambda w, ledger, q: _elsewhere(ledger, "Invoice settings"),
    "/settings/organisation": lambda w, ledger, q: _elsewhere(ledger, "Organisation details"),
    "/settings/subscription": lambda w, ledger, q: _elsewhere(ledger, "Subscription and billing"),
    "/settings/paymentgateways": lambda w, ledger, q: _elsewhere(ledger, "Payment services"),
}
_APP = {  # /app/{ShortCode}/<rest>: rest's first words → the page
    "invoicing/view": lambda w, ledger, rest: _invoice(w, ledger, rest),
    "contacts/contact": lambda w, ledger, rest: _contact(ledger, rest),
    "settings/users": lambda w, ledger, rest: _elsewhere(ledger, "Users"),
    "settings": lambda w, ledger, rest: _elsewhere(ledger, "Advanced settings"),
    "activity-summary": lambda w, ledger, rest: _elsewhere(ledger, "History and notes"),
    "sales-overview": lambda w, ledger, rest: _elsewhere(ledger, "Sales overview"),
}
Answer = tuple[int, str]


@dataclass(frozen=True)
class Site:
    """What the pages read: the sandbox's world, and the names of the apps that may connect to it."""

    world: World
    app_names: Mapping[str, str]  # client id → the app's registered name


def handles(method: str, lower: str) -> bool:
    if method not in ("GET", "HEAD"):
        return False
    return (
        lower == WRAPPER
        or lower in _EXACT
        or lower.startswith("/app/")
        or lower.startswith("/contacts/view/")
        or "/v1/run/" in lower
    )


def answer(site: Site, path: str, query: dict[str, str], ledger: Ledger | None = None) -> Answer:
    """The page for `path` (as sent, without its query) and `query` (names lower-cased)."""
    lower = path.lower().rstrip("/") or "/"
    world = site.world
    with world.lock:
        if lower == WRAPPER:
            return _wrapped(site, query)
        parts = [p for p in path.split("/") if p]
        if lower.startswith("/app/") and len(parts) >= 2:
            ledger = _by_short_code(world, parts[1]) or ledger
            if ledger is None:
                return 404, pages.not_here(None, "organisation")
            return _app(site, ledger, [p.lower() for p in parts[2:]], parts[2:])
        if "/v1/run/" in lower and parts:  # reporting.xero.com/{ShortCode}/v1/Run/{report}
            ledger = _by_short_code(world, parts[0]) or ledger
            return _elsewhere(ledger, "Reports")
        if lower == "/":
            ledger = ledger or _first(world)
            return (200, pages.home_page(ledger)) if ledger else (404, pages.not_here(None, "organisation"))
        if lower.startswith("/contacts/view/") and len(parts) == 3:
            return _contact(ledger or _holding(world, parts[2]), parts[2])
        page = _EXACT.get(lower)
        if page is None:
            return 404, pages.not_here(ledger, "screen")
        ledger = ledger or _holding(world, *(v for v in query.values() if v)) or _first(world)
        if ledger is None:
            return 404, pages.not_here(None, "organisation")
        return page(site, ledger, query)


def _wrapped(site: Site, query: dict[str, str]) -> Answer:
    ledger = _by_short_code(site.world, query.get("shortcode", ""))
    if ledger is None:
        return 404, pages.not_here(None, "organisation with this short code")
    inner = urllib.parse.urlsplit(query.get("redirecturl") or "/")
    inner_query = {k.lower(): v[-1] for k, v in urllib.parse.parse_qs(inner.query).items()}
    return answer(site, urllib.parse.unquote(inner.path) or "/", inner_query, ledger)


def _app(site: Site, ledger: Ledger, lower: list[str], parts: list[str]) -> Answer:
    for size in (2, 1):
        handler = _APP.get("/".join(lower[:size]))
        if handler is not None and len(lower) >= size:
            rest = parts[size] if len(parts) > size else ""
            return handler(site, ledger, rest)
    return 404, pages.not_here(ledger, "screen")


def _by_short_code(world: World, short_code: str) -> Ledger | None:
    wanted = short_code.strip()
    return next((x for x in world.organisations.values() if x.organisation.short_code == wanted), None)


def _first(world: World) -> Ledger | None:
    return next(iter(world.organisations.values()), None)


def _holding(world: World, *ids: str) -> Ledger | None:
    """The organisation that has a record with one of these ids."""
    for ledger in world.organisations.values():
        for wanted in ids:
            lowered = wanted.lower()
            if (
                lowered in ledger.invoices
                or lowered in ledger.credit_notes
                or lowered in ledger.contacts
                or lowered in ledger.payments
                or lowered in ledger.accounts
                or any(c.tracking_category_id == lowered for c in ledger.tracking_categories)
            ):
                return ledger
    return None


def _status(query: dict[str, str]) -> str | None:
    value = (query.get("invoicestatus") or "").upper()
    return value.rsplit("/", 1)[-1] if value.startswith("INVOICESTATUS/") else None


def _invoice(site: Site, ledger: Ledger | None, invoice_id: str | None) -> Answer:
    key = (invoice_id or "").lower()
    ledger = ledger or _holding(site.world, key)
    found = (ledger.invoices.get(key) or ledger.credit_notes.get(key)) if ledger else None
    if found is None:
        return 404, pages.not_here(ledger, "invoice")
    return 200, pages.invoice_page(ledger, found)


def _account(ledger: Ledger, account_id: str | None) -> Answer:
    found = ledger.accounts.get((account_id or "").lower())
    if found is None:
        return 404, pages.not_here(ledger, "account")
    return 200, pages.account_page(ledger, found)


def _payment(ledger: Ledger, payment_id: str | None) -> Answer:
    found = ledger.payments.get((payment_id or "").lower())
    if found is None:
        return 404, pages.not_here(ledger, "payment")
    return 200, pages.payment_page(ledger, found)


def _contact(ledger: Ledger | None, contact_id: str | None) -> Answer:
    found = ledger.contacts.get((contact_id or "").lower()) if ledger else None
    if found is None:
        return 404, pages.not_here(ledger, "contact")
    return 200, pages.contact_page(ledger, found)


def _apps(site: Site, ledger: Ledger) -> list[tuple[str, str]]:
    connections = site.world.connections.values()
    live = [c for c in connections if c.active and c.tenant_id == ledger.tenant_id]
    return [(site.app_names.get(c.client_id, "An app"), pages.day(c.created.date())) for c in live]


def _elsewhere(ledger: Ledger | None, title: str) -> Answer:
    return 200, pages.elsewhere_page(ledger, title, title)
