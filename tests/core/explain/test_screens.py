"""Xero screens: every link well-formed, through the shortcode wrapper, falling back when an id is missing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from xerohelper.core.explain.screens import SCREENS, WRAPPER, open_in_xero

SHORT_CODE = "!abc12"
IDS = {
    "InvoiceID": "1cf1a11c-0000-4000-8000-000000000001",
    "ContactID": "2cf1a11c-0000-4000-8000-000000000002",
    "PaymentID": "3cf1a11c-0000-4000-8000-000000000003",
    "AccountID": "4cf1a11c-0000-4000-8000-000000000004",
    "TrackingCategoryID": "5cf1a11c-0000-4000-8000-000000000005",
}


def _wrapped(url: str) -> tuple[str, str]:
    """(shortcode, redirecturl) of a link through the organisationlogin wrapper, checking its shape."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "go.xero.com",
        "/organisationlogin/default.aspx",
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"shortcode", "redirecturl"}, url
    assert len(query["shortcode"]) == len(query["redirecturl"]) == 1, url
    assert " " not in url and "{" not in url and "}" not in url
    return query["shortcode"][0], query["redirecturl"][0]


@pytest.mark.parametrize("key", sorted(SCREENS))
def test_every_screen_link_with_a_short_code_is_well_formed(key):
    link = SCREENS[key].resolve(SHORT_CODE, **IDS)
    assert link.path.startswith("/") and "{" not in link.path
    if link.screen.host == "go.xero.com":
        short_code, redirect = _wrapped(link.url)
        assert short_code == SHORT_CODE
        assert redirect == link.path
    else:  # Xero's reports and status pages live on their own hosts
        parts = urlsplit(link.url)
        assert parts.scheme == "https" and parts.netloc == link.screen.host
        assert "{" not in link.url


@pytest.mark.parametrize("key", sorted(SCREENS))
def test_every_screen_link_without_a_short_code_is_a_plain_xero_page(key):
    link = SCREENS[key].resolve(None, **IDS)
    parts = urlsplit(link.url)
    assert parts.scheme == "https"
    assert "{" not in link.url and " " not in link.url
    assert "shortcode" not in link.url
    if link.screen.host == "go.xero.com":
        assert parts.netloc == "go.xero.com"
        assert link.url == "https://go.xero.com" + link.path
        parse_qs(parts.query, strict_parsing=bool(parts.query))  # raises if malformed


def test_screens_that_need_the_short_code_fall_back_when_it_is_unknown():
    users = open_in_xero("users")
    assert users.screen.key == "home"
    assert users.url == "https://go.xero.com/"
    with_code = open_in_xero("users", SHORT_CODE)
    assert with_code.screen.key == "users"
    assert with_code.path == "/app/!abc12/settings/users"


def test_the_invoice_opens_itself_when_its_id_is_known():
    link = open_in_xero("invoice", SHORT_CODE, InvoiceID=IDS["InvoiceID"])
    assert link.screen.key == "invoice"
    assert _wrapped(link.url)[1] == f"/AccountsReceivable/View.aspx?InvoiceID={IDS['InvoiceID']}"
    assert link.hint == ""


@pytest.mark.parametrize("missing", [None, "", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_invoice_falls_back_to_the_invoices_list_with_a_hint(missing):
    link = open_in_xero("invoice", SHORT_CODE, InvoiceID=missing)
    assert link.screen.key == "invoices"
    assert link.path == "/AccountsReceivable/Search.aspx"
    assert "Search" in link.hint


def test_a_payment_falls_back_to_its_invoice_then_to_the_list():
    assert open_in_xero("payment", SHORT_CODE, PaymentID=IDS["PaymentID"]).screen.key == "payment"
    via_invoice = open_in_xero("payment", SHORT_CODE, InvoiceID=IDS["InvoiceID"])
    assert via_invoice.screen.key == "invoice"
    assert "click the payment" in via_invoice.hint
    assert open_in_xero("payment", SHORT_CODE).screen.key == "invoices"


def test_the_inner_path_keeps_its_own_encoded_parameters():
    link = open_in_xero("drafts", SHORT_CODE)
    _, redirect = _wrapped(link.url)
    assert redirect == "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FDRAFT"
    # the inner '?' '=' and '%' are encoded, so the wrapper's own query can't swallow them
    assert "redirecturl=/AccountsReceivable/Search.aspx%3FinvoiceStatus%3DINVOICESTATUS%252FDRAFT" in link.url


def test_ids_with_odd_characters_are_encoded_not_pasted():
    link = open_in_xero("contact", SHORT_CODE, ContactID="a b&c=d/e")
    assert _wrapped(link.url)[1] == "/Contacts/View/a%20b%26c%3Dd%2Fe"


def test_a_short_code_with_spaces_around_it_is_trimmed_and_an_empty_one_ignored():
    assert _wrapped(open_in_xero("chart_of_accounts", "  !abc12 ").url)[0] == "!abc12"
    assert (
        open_in_xero("chart_of_accounts", "   ").url
        == "https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx"
    )


def test_the_archived_contacts_have_no_link_of_their_own_so_the_hint_says_where_to_click():
    link = open_in_xero("archived_contacts", SHORT_CODE)
    assert link.path == "/Contacts/Search.aspx"
    assert "Archived" in link.hint


def test_the_reference_paths_are_the_ones_xero_documents():
    expected = {
        "chart_of_accounts": "/GeneralLedger/ChartOfAccounts.aspx",
        "invoices": "/AccountsReceivable/Search.aspx",
        "financial_settings": "/Setup/FinancialSettings.aspx",
        "tax_rates": "/Setup/TaxRates.aspx",
        "bank_accounts": "/Bank/BankAccounts.aspx",
        "currencies": "/Setup/CurrencyRates.aspx",
        "connected_apps": "/Settings/ConnectedApps",
        "awaiting_payment": "/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2FAUTHORISED",
    }
    for key, path in expected.items():
        assert SCREENS[key].path == path


def test_every_screen_has_a_name_and_menu_words():
    for screen in SCREENS.values():
        assert screen.name and screen.menu, screen.key
        assert screen.fallback is None or screen.fallback in SCREENS, screen.key


def test_json_form_of_a_link():
    link = open_in_xero("chart_of_accounts", SHORT_CODE)
    assert link.to_json_dict() == {
        "name": "Chart of accounts",
        "menu": "Accounting > Chart of accounts",
        "path": "/GeneralLedger/ChartOfAccounts.aspx",
        "url": f"{WRAPPER}?shortcode=!abc12&redirecturl=/GeneralLedger/ChartOfAccounts.aspx",
    }
