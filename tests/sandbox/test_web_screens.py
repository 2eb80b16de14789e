"""The sandbox shows Xero's own screens at their paths: every "Open in Xero" link the app can make, pointed at
the sandbox (as the demo does), lands on a page that names the record it is about."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from xerohelper.core.explain.entries import ALL_ENTRIES
from xerohelper.core.explain.screens import SCREENS, open_in_xero
from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.testing import connect, http_request

HARBOUR_STREET = "Harbour Street Hardware"


def screens_the_app_links_to() -> set[str]:
    """Every screen an entry names, the ones the services name themselves, and where each falls back to."""
    keys = {e.screen for e in ALL_ENTRIES.values() if e.screen}
    keys |= {"invoice", "contacts", "connected_apps", "home"}  # day_snapshot, preflight, connection problems
    while True:
        more = {SCREENS[k].fallback for k in keys if SCREENS[k].fallback} - keys
        if not more:
            return keys
        keys |= more


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1 = ""
        self.header = ""
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self._in.append(tag)

    def handle_endtag(self, tag) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data) -> None:
        if "h1" in self._in:
            self.h1 += data
        if "header" in self._in:
            self.header += data
        self.text.append(data)


def read_page(url: str) -> tuple[int, _Page]:
    status, _, body = http_request("GET", url)
    page = _Page()
    page.feed(body.decode("utf-8"))
    return status, page


@pytest.fixture(scope="module")
def demo():
    with Sandbox("demo") as sandbox:
        connect(sandbox.base_url, sandbox.client_id)  # so Connected apps has an app to show
        yield sandbox


def harbour_street(sandbox: Sandbox):
    return next(x for x in sandbox.world.organisations.values() if x.organisation.name == HARBOUR_STREET)


def test_the_app_links_to_the_screens_this_test_knows():
    assert screens_the_app_links_to() >= {"invoice", "drafts", "chart_of_accounts", "contact", "payment"}
    assert set(EXPECTED) >= screens_the_app_links_to()


def _paid_invoice(ledger):
    return next(i for i in ledger.invoices.values() if i.payment_ids and i.invoice_number)


EXPECTED = {  # screen key → what the page's heading names, given the ledger
    "invoice": lambda ledger: f"Invoice {_paid_invoice(ledger).invoice_number}",
    "draft_invoice": lambda ledger: f"Invoice {_paid_invoice(ledger).invoice_number}",
    "archived_contact": lambda ledger: "POS Sales",
    "invoices": lambda ledger: "Invoices",
    "drafts": lambda ledger: "Invoices: Draft",
    "payment": lambda ledger: "Payment of $",
    "contact": lambda ledger: "POS Sales",
    "contacts": lambda ledger: "Contacts",
    "archived_contacts": lambda ledger: "Contacts",
    "chart_of_accounts": lambda ledger: "Chart of accounts",
    "bank_accounts": lambda ledger: "Bank accounts",
    "financial_settings": lambda ledger: "Financial settings",
    "tax_rates": lambda ledger: "Tax rates",
    "tracking_categories": lambda ledger: "Tracking categories",
    "currencies": lambda ledger: "Currencies",
    "connected_apps": lambda ledger: "Connected apps",
    "subscription": lambda ledger: "Subscription and billing",
    "users": lambda ledger: "Users",
    "home": lambda ledger: "Dashboard",
}


@pytest.mark.parametrize("key", sorted(screens_the_app_links_to()))
def test_each_screen_the_app_links_to_names_the_right_record(demo, key):
    ledger = harbour_street(demo)
    invoice = _paid_invoice(ledger)
    ids = {
        "InvoiceID": invoice.invoice_id,
        "ContactID": invoice.contact_id,
        "PaymentID": invoice.payment_ids[0],
        "AccountID": next(a.account_id for a in ledger.accounts.values() if a.type == "BANK"),
        "TrackingCategoryID": ledger.tracking_categories[0].tracking_category_id,
    }
    link = open_in_xero(key, ledger.organisation.short_code, **ids)
    url = link.url_at(demo.base_url)
    assert url.startswith(demo.base_url + "/")

    status, page = read_page(url)

    assert status == 200, url
    assert EXPECTED[key](ledger) in page.h1, (url, page.h1)
    assert HARBOUR_STREET in page.header  # the organisation the short code names


def test_the_invoice_page_shows_its_amounts_status_and_lines(demo):
    ledger = harbour_street(demo)
    invoice = _paid_invoice(ledger)
    link = open_in_xero("invoice", ledger.organisation.short_code, InvoiceID=invoice.invoice_id)

    _, page = read_page(link.url_at(demo.base_url))

    text = " ".join(page.text)
    assert f"${invoice.total:,.2f}" in text
    assert "Paid" in text or "Awaiting payment" in text
    assert all(line.description in text for line in invoice.line_items if line.description)


def test_the_drafts_list_shows_only_drafts_and_the_payment_names_its_invoice(demo):
    ledger = harbour_street(demo)
    invoice = _paid_invoice(ledger)
    short_code = ledger.organisation.short_code

    _, drafts = read_page(open_in_xero("drafts", short_code).url_at(demo.base_url))
    _, payment = read_page(
        open_in_xero("payment", short_code, PaymentID=invoice.payment_ids[0]).url_at(demo.base_url)
    )

    assert invoice.invoice_number not in " ".join(drafts.text)  # it is paid, not a draft
    assert invoice.invoice_number in " ".join(payment.text)


def test_another_organisations_short_code_shows_that_organisation(demo):
    other = next(x for x in demo.world.organisations.values() if x.organisation.name != HARBOUR_STREET)
    _, page = read_page(
        open_in_xero("chart_of_accounts", other.organisation.short_code).url_at(demo.base_url)
    )
    assert other.organisation.name in page.header


def test_an_unknown_record_is_a_plain_not_found_page(demo):
    ledger = harbour_street(demo)
    link = open_in_xero(
        "invoice", ledger.organisation.short_code, InvoiceID="0b6c1b9e-0000-4000-8000-000000000001"
    )
    status, page = read_page(link.url_at(demo.base_url))
    assert status == 404 and "no invoice" in " ".join(page.text)


def test_the_pages_are_not_counted_as_calls_to_xero(demo):
    before = sum(demo.app.counts.values())
    read_page(open_in_xero("chart_of_accounts").url_at(demo.base_url))
    assert sum(demo.app.counts.values()) == before


def test_without_a_web_base_the_link_is_xeros_own():
    link = open_in_xero("invoice", "!Xk3Lp", InvoiceID="0b6c1b9e-0000-4000-8000-000000000001")
    assert link.url_at(None) == link.url and link.url.startswith("https://go.xero.com/")
    assert open_in_xero("xero_status").url_at("http://127.0.0.1:9") == "https://status.xero.com/"
