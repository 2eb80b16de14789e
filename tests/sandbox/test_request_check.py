"""The request check (request_check.py, hooked in by request_watch.py) catches what Xero's spec does not
allow, through the real SDK and through raw requests, and a wrong request fails the test that sent it."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from xero_python.accounting import Contact, Invoice, Invoices, LineItem

from tests.sandbox.request_check import SDK_READ_ONLY_DEFAULTS

pytest_plugins = ["pytester"]
ROOT = Path(__file__).resolve().parents[2]


def _invoice(connected, **extra) -> Invoice:
    invoice = Invoice(
        type="ACCREC",
        contact=Contact(contact_id=connected.contact_id()),
        line_items=[LineItem(description="Till sales", quantity=1, unit_amount=10, account_code="200")],
        date=connected.today,
        invoice_number="POS-CHECK",
        status="DRAFT",
    )
    for name, value in extra.items():
        setattr(invoice, name, value)
    return invoice


def test_what_the_sdk_sends_for_the_app_passes(connected, request_check):
    connected.accounting.create_invoices(connected.tenant_id, Invoices(invoices=[_invoice(connected)]))
    assert request_check.take() == []


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("amount_credited", Decimal("0"), "'AmountCredited' is read-only in Invoice"),
        ("amount_paid", Decimal("0"), "'AmountPaid' is read-only in Invoice"),
        ("has_attachments", True, "'HasAttachments' is read-only in Invoice"),  # not the SDK's default
    ],
)
def test_a_read_only_key_sent_through_the_real_sdk_is_flagged(connected, request_check, field, value, words):
    invoice = _invoice(connected, **{field: value})
    connected.accounting.create_invoices(connected.tenant_id, Invoices(invoices=[invoice]))
    taken = request_check.take()
    assert len(taken) == 1
    assert taken[0].startswith("PUT /api.xro/2.0/Invoices")
    assert words in taken[0]


def test_a_made_up_key_in_a_raw_request_is_flagged(connected, request_check):
    body = {
        "Invoices": [{"Type": "ACCREC", "Contact": {"ContactID": connected.contact_id()}, "Colour": "red"}]
    }
    connected.raw("PUT", "/api.xro/2.0/Invoices", json.dumps(body).encode())
    taken = request_check.take()
    assert len(taken) == 1
    assert "Invoices/0/Colour: 'Colour' is not a property of Invoice" in taken[0]
    assert '"Colour": "red"' in taken[0]  # the body sent is shown


@pytest.mark.parametrize(
    ("path", "headers", "words"),
    [
        (
            "/api.xro/2.0/Invoices?colour=red",
            {},
            "query parameter 'colour' is not declared for GET /Invoices",
        ),
        ("/api.xro/2.0/Invoices?includearchived=true", {}, "the spec spells it 'includeArchived'"),
        ("/api.xro/2.0/Invoices?page=first", {}, "query parameter page: 'first' is not a integer"),
        ("/api.xro/2.0/Invoices", {"X-Shop": "1"}, "header 'X-Shop' is not declared for GET /Invoices"),
        ("/api.xro/2.0/Invoices", {"Idempotency-Key": "k"}, "header 'Idempotency-Key' is not declared"),
        ("/api.xro/2.0/Invoices/Nothing/Here", {}, "the spec has no path like /Invoices/Nothing/Here"),
    ],
)
def test_undeclared_query_parameters_and_headers_are_flagged(connected, request_check, path, headers, words):
    connected.raw("GET", path, headers=headers)
    taken = request_check.take()
    assert len(taken) == 1 and words in taken[0], taken


def test_the_sdk_defaults_on_the_list_are_only_the_ones_the_sdk_sends_on_its_own():
    from xero_python.accounting import Account
    from xero_python.api_client.serializer import serialize

    for (schema, key), value in SDK_READ_ONLY_DEFAULTS.items():
        model = {"Invoice": Invoice, "Account": Account}[schema]
        assert serialize(model())[key] == value


def test_a_wrong_request_fails_the_test_that_sent_it(pytester, monkeypatch):
    """Run two tests in a fresh pytest: the one that sends a made-up key fails at teardown, with the request,
    its path and what is wrong; the other passes."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest(
        "from tests.sandbox.request_watch import (  # noqa: F401\n"
        "    _watching_every_sandbox, every_request_matches_xeros_spec, pytest_terminal_summary,\n"
        "    request_check)\n"
    )
    pytester.makepyfile(
        test_inner=textwrap.dedent(
            """
            import json
            import pytest
            from xerohelper.sandbox import Sandbox
            from xerohelper.sandbox.testing import connect, http_request

            @pytest.fixture(scope="module")
            def signed_in():
                with Sandbox("demo", auto_consent=True) as sandbox:
                    token = connect(sandbox.base_url, sandbox.client_id)
                    yield sandbox, {
                        "Authorization": "Bearer " + token["access_token"],
                        "xero-tenant-id": sandbox.tenants[0]["tenant_id"],
                        "Content-Type": "application/json",
                    }

            def test_sends_a_made_up_key(signed_in):
                sandbox, headers = signed_in
                body = json.dumps({"Contacts": [{"Name": "Till", "Mood": "cheerful"}]})
                http_request("PUT", sandbox.base_url + "/api.xro/2.0/Contacts", body, headers)

            def test_sends_only_what_xero_allows(signed_in):
                sandbox, headers = signed_in
                http_request("GET", sandbox.base_url + "/api.xro/2.0/Organisation", None, headers)
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=2, errors=1)
    output = result.stdout.str()
    assert "ERROR at teardown of test_sends_a_made_up_key" in output
    assert "PUT /api.xro/2.0/Contacts (answered 200)" in output
    assert "Contacts/0/Mood: 'Mood' is not a property of Contact" in output
    assert "requests checked against Xero's spec: 4" in output  # authorize, token, PUT, GET


def test_an_answer_xero_would_not_give_is_flagged_too(connected, request_check, monkeypatch):
    """The watcher checks each answer as well (spec_check.py): a sandbox answer without Xero's envelope fails
    the test like a wrong request does."""
    from xerohelper.sandbox import accounting
    from xerohelper.sandbox.responses import json_response

    monkeypatch.setattr(
        accounting, "get_organisation", lambda call: json_response(200, {"Organisations": []})
    )
    status, _, _ = connected.raw("GET", "/api.xro/2.0/Organisation")
    assert status == 200
    (flagged,) = request_check.take()
    assert flagged.startswith("GET /api.xro/2.0/Organisation (answered 200)")
    assert "the answer: envelope lacks Id" in flagged
