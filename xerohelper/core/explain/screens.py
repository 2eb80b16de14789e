"""Xero's own screens, for the "Open in Xero" button: what the screen is called, the menu words that lead
there, and the go.xero.com link that opens it in the right organisation.

Every screen of shared/reference/xero-screens.md is here, in one table, so a link that Xero moves is fixed in
one place. Links go through Xero's organisation shortcode wrapper

    https://go.xero.com/organisationlogin/default.aspx?shortcode={ShortCode}&redirecturl={path}

because Xero's classic pages carry no organisation and would otherwise open in whichever organisation the
browser last used. Without a short code the link is the bare go.xero.com page (Xero opens it in the current
organisation). A screen that needs an id we don't have (an invoice, a contact…) falls back to its list
screen, and `hint` tells the owner what to look for there; a hint may name what is known ("Search for
{invoice|the invoice by its number}") and is filled by words.fill like the catalogue's texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from xerohelper.core.explain.words import fill

GO_XERO = "https://go.xero.com"
WRAPPER = f"{GO_XERO}/organisationlogin/default.aspx"
SHORT_CODE = "ShortCode"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ZERO_GUID = "00000000-0000-0000-0000-000000000000"
_ORGANISATION_HOSTS = ("go.xero.com", "reporting.xero.com")  # pages of the organisation (not status.xero.com)


@dataclass(frozen=True)
class ScreenLink:
    """A screen worked out for one organisation and one document: what to show on the button."""

    screen: XeroScreen  # the screen actually opened (the list screen when the document's id was unknown)
    path: str  # the go.xero.com path that is opened, ids filled in
    url: str
    hint: str = ""  # what to look for on arrival when this is a fallback ("search for invoice POS-…")

    @property
    def name(self) -> str:
        return self.screen.name

    @property
    def menu(self) -> str:
        return self.screen.menu

    def to_json_dict(self) -> dict[str, str]:
        return {"name": self.screen.name, "menu": self.screen.menu, "path": self.path, "url": self.url}

    def url_at(self, web_base: str | None) -> str:
        """The link on another origin with Xero's screens at the same paths (the demo's sandbox): the
        same path and query, `web_base` instead of https://go.xero.com. None: Xero's own link."""
        if not web_base or self.screen.host not in _ORGANISATION_HOSTS:
            return self.url
        parts = urlsplit(self.url)
        return web_base.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass(frozen=True)
class XeroScreen:
    key: str
    name: str  # what a shop owner would call it: "Chart of accounts"
    menu: str  # Xero's own menu words: "Accounting > Chart of accounts"
    path: str  # go.xero.com path; {InvoiceID}, {ContactID}… for documents, {ShortCode} for Xero's newer pages
    fallback: str | None = None  # key of the screen to open when an id (or the short code) is missing
    hint: str = ""  # what to do on this screen when it was reached as a fallback
    host: str = "go.xero.com"  # a couple of Xero pages live elsewhere (reports, service status)

    @property
    def needs(self) -> tuple[str, ...]:
        """The ids this screen's link needs, besides the organisation's short code."""
        return tuple(n for n in _PLACEHOLDER.findall(self.path) if n != SHORT_CODE)

    @property
    def needs_short_code(self) -> bool:
        return f"{{{SHORT_CODE}}}" in self.path

    def url(self, short_code: str | None = None, **ids: str | None) -> str:
        return self.resolve(short_code, **ids).url

    def resolve(
        self, short_code: str | None = None, values: Mapping[str, str] | None = None, **ids: str | None
    ) -> ScreenLink:
        """The link for this organisation (short code, may be unknown) and these document ids.

        Falls back along `fallback` to a screen whose link can be made, keeping the hint of the screen
        that could not be opened ("open the invoice and click the payment"), filled with `values`.
        """
        short_code = (short_code or "").strip() or None
        known = {k: str(v).strip() for k, v in ids.items() if v and str(v).strip() and str(v) != _ZERO_GUID}
        screen: XeroScreen = self
        hint = ""
        while True:
            missing = [n for n in screen.needs if n not in known]
            if not missing and (short_code or not screen.needs_short_code):
                break
            hint = hint or screen.hint
            if screen.fallback is None:
                screen = SCREENS["home"]
                break
            screen = SCREENS[screen.fallback]
        if not hint and not screen.needs:
            hint = screen.hint  # a note for arriving on this screen ("click the Archived tab")
        path = screen._filled_path(short_code, known)
        return ScreenLink(screen, path, screen._link(path, short_code), fill(hint, values or {}))

    def _filled_path(self, short_code: str | None, ids: dict[str, str]) -> str:
        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            value = short_code if name == SHORT_CODE else ids[name]
            return quote(value or "", safe="!")

        return _PLACEHOLDER.sub(fill, self.path)

    def _link(self, path: str, short_code: str | None) -> str:
        if self.host != "go.xero.com":
            return f"https://{self.host}{path}"
        if not short_code:
            return f"{GO_XERO}{path}"
        query = urlencode({"shortcode": short_code, "redirecturl": path}, quote_via=quote, safe="/!")
        return f"{WRAPPER}?{query}"


def _screens(*screens: XeroScreen) -> dict[str, XeroScreen]:
    return {s.key: s for s in screens}


# The table of shared/reference/xero-screens.md §2, one row per screen. Menu words marked "(label
# unconfirmed)" there are Xero's usual wording; the path is what matters for the link.
SCREENS: dict[str, XeroScreen] = _screens(
    XeroScreen("home", "Xero", "Xero's home page (Dashboard)", "/"),
    # Sales
    XeroScreen(
        "invoice",
        "The invoice",
        "Sales > Invoices > (the invoice)",
        "/AccountsReceivable/View.aspx?InvoiceID={InvoiceID}",
        fallback="invoices",
        hint="Search for {invoice|the invoice by its number}, then open it.",
    ),
    XeroScreen(
        "invoice_new_look",
        "The invoice",
        "Sales > Invoices > (the invoice)",
        "/app/{ShortCode}/invoicing/view/{InvoiceID}",
        fallback="invoice",
    ),
    XeroScreen(
        "invoice_edit",
        "Edit the invoice",
        "Sales > Invoices > (the invoice) > Edit",
        "/AccountsReceivable/Edit.aspx?InvoiceID={InvoiceID}",
        fallback="invoice",
    ),
    XeroScreen(
        "new_invoice", "New invoice", "Sales > Invoices > New invoice", "/AccountsReceivable/Edit.aspx"
    ),
    XeroScreen(
        # The invoice itself when Xero gave its id; else the Draft tab, where a day's invoice waits.
        "draft_invoice",
        "The invoice",
        "Sales > Invoices > Draft > (the invoice)",
        "/AccountsReceivable/View.aspx?InvoiceID={InvoiceID}",
        fallback="drafts",
        hint="Open {invoice|the day's invoice} (look in Awaiting approval too).",
    ),
    XeroScreen("invoices", "Invoices", "Sales > Invoices", "/AccountsReceivable/Search.aspx"),
    XeroScreen(
        "drafts",
        "Draft invoices",
        "Sales > Invoices > Draft",
        "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FDRAFT",
    ),
    XeroScreen(
        "awaiting_approval",
        "Invoices awaiting approval",
        "Sales > Invoices > Awaiting approval",
        "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FSUBMITTED",
    ),
    XeroScreen(
        "awaiting_payment",
        "Invoices awaiting payment",
        "Sales > Invoices > Awaiting payment",
        "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FAUTHORISED",
    ),
    XeroScreen(
        "paid",
        "Paid invoices",
        "Sales > Invoices > Paid",
        "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FPAID",
    ),
    XeroScreen(
        "sales_overview",
        "Sales overview",
        "Sales > Sales overview",
        "/app/{ShortCode}/sales-overview",
        "invoices",
    ),
    XeroScreen(
        "invoice_settings",
        "Invoice settings",
        "Sales > Invoice settings",
        "/InvoiceSettings/InvoiceSettings.aspx",
        fallback="invoices",
    ),
    # Bank accounts and payments
    XeroScreen("bank_accounts", "Bank accounts", "Accounting > Bank accounts", "/Bank/BankAccounts.aspx"),
    XeroScreen(
        "bank_account",
        "The bank account",
        "Accounting > Bank accounts > (the account) > Reconcile",
        "/Bank/BankRec.aspx?accountID={AccountID}",
        fallback="bank_accounts",
        hint="Find the account in the list and open it.",
    ),
    XeroScreen(
        "bank_account_transactions",
        "Account transactions",
        "Accounting > Bank accounts > (the account) > Account transactions",
        "/Bank/BankTransactions.aspx?accountID={AccountID}",
        fallback="bank_accounts",
        hint="Find the account in the list, then open its Account transactions.",
    ),
    XeroScreen(
        "bank_statements",
        "Bank statements",
        "Accounting > Bank accounts > (the account) > Bank statements",
        "/Bank/Statements.aspx?accountID={AccountID}",
        fallback="bank_accounts",
        hint="Find the account in the list, then open its Bank statements.",
    ),
    XeroScreen(
        "payment",
        "The payment",
        "Sales > Invoices > (the invoice) > (the payment line)",
        "/Bank/ViewTransaction.aspx?bankTransactionID={PaymentID}",
        fallback="invoice",
        hint="Open {invoice|the invoice} and click the payment at the bottom of it.",
    ),
    # Chart of accounts and settings
    XeroScreen(
        "chart_of_accounts",
        "Chart of accounts",
        "Accounting > Chart of accounts",
        "/GeneralLedger/ChartOfAccounts.aspx",
    ),
    XeroScreen(
        "financial_settings",
        "Financial settings (lock dates)",
        "Accounting > Advanced > Financial settings",
        "/Setup/FinancialSettings.aspx",
    ),
    XeroScreen(
        "advanced_settings",
        "Advanced settings",
        "Accounting > Advanced",
        "/app/{ShortCode}/settings",
        fallback="home",
    ),
    XeroScreen("tax_rates", "Tax rates", "Accounting > Advanced > Tax rates", "/Setup/TaxRates.aspx"),
    XeroScreen(
        "tracking_categories",
        "Tracking categories",
        "Accounting > Advanced > Tracking categories",
        "/Setup/Tracking.aspx",
    ),
    XeroScreen(
        "tracking_category",
        "The tracking category",
        "Accounting > Advanced > Tracking categories > (the category)",
        "/Setup/Tracking.aspx?categoryID={TrackingCategoryID}",
        fallback="tracking_categories",
    ),
    XeroScreen("currencies", "Currencies", "Accounting > Advanced > Currencies", "/Setup/CurrencyRates.aspx"),
    XeroScreen(
        "history",
        "History and notes",
        "Accounting > Reports > History and notes",
        "/app/{ShortCode}/activity-summary",
        fallback="home",
    ),
    XeroScreen(
        "profit_and_loss",
        "Profit and Loss",
        "Accounting > Reports > Profit and Loss",
        "/{ShortCode}/v1/Run/1016",
        fallback="home",
        host="reporting.xero.com",
    ),
    # Contacts
    XeroScreen("contacts", "Contacts", "Contacts > All contacts", "/Contacts/Search.aspx"),
    XeroScreen(
        # Xero has no link to the Archived tab itself: open the contacts list and say where to click.
        "archived_contacts",
        "Archived contacts",
        "Contacts > All contacts > Archived",
        "/Contacts/Search.aspx",
        hint="Click the Archived tab to see archived contacts.",
    ),
    XeroScreen(
        # The contact itself when its id is known (an archived contact's page has Restore); else the list.
        "archived_contact",
        "The contact",
        "Contacts > All contacts > Archived > (the contact)",
        "/Contacts/View/{ContactID}",
        fallback="archived_contacts",
    ),
    XeroScreen(
        "contact",
        "The contact",
        "Contacts > All contacts > (the contact)",
        "/Contacts/View/{ContactID}",
        fallback="contacts",
        hint="Search for the contact by name, then open it.",
    ),
    # Organisation settings
    XeroScreen(
        "connected_apps",
        "Connected apps",
        "Settings > Connected apps",
        "/Settings/ConnectedApps",
    ),
    XeroScreen(
        "organisation_details",
        "Organisation details",
        "Settings > Organisation details",
        "/Settings/Organisation",
    ),
    XeroScreen("users", "Users", "Settings > Users", "/app/{ShortCode}/settings/users", fallback="home"),
    XeroScreen(
        "subscription",
        "Subscription and billing",
        "Settings > Subscription and billing",
        "/Settings/Subscription",
    ),
    XeroScreen(
        "payment_services", "Payment services", "Settings > Payment services", "/Settings/PaymentGateways/"
    ),
    XeroScreen("xero_status", "Xero's service status", "status.xero.com", "/", host="status.xero.com"),
)


def screen(key: str) -> XeroScreen:
    return SCREENS[key]


def open_in_xero(
    key: str, short_code: str | None = None, values: Mapping[str, str] | None = None, **ids: str | None
) -> ScreenLink:
    """The link for screen `key` in this organisation, falling back to the list screen for unknown ids;
    `values` fill its hint ("Search for invoice POS-20260421")."""
    return SCREENS[key].resolve(short_code, values, **ids)
