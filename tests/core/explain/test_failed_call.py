"""Reading Xero's messages out of every shape Xero answers with (verbatim bodies in xero_error_bodies/)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from xerohelper.core.explain.cards import explain
from xerohelper.core.explain.failed_call import FailedCall, read_messages, retry_after_seconds

BODIES = Path(__file__).parent / "xero_error_bodies"
NOW = datetime(2026, 4, 21, 9, 30, tzinfo=UTC)


def body(name: str) -> str:
    return (BODIES / f"{name}.json").read_text(encoding="utf-8")


def texts(status: int, text: str, headers=None) -> list[str]:
    return [m.text for m in read_messages(FailedCall.from_http(status, text, headers))]


# ---- 400 ValidationException ---------------------------------------------------------------------------


def test_validation_exception_gives_the_elements_messages_not_the_envelope():
    assert texts(400, body("02")) == [
        "The contact name Buzz Lightyear is already assigned to another contact. The contact name must be "
        "unique across all active contacts."
    ]
    assert texts(400, body("03")) == ["Please enter a unique Name."]
    assert texts(400, body("08")) == ["Invoice not of valid status for modification"]
    assert texts(400, body("13")) == [
        "The Bank Account Number must contain a 6-digit BSB code and account number"
    ]


def test_validation_exception_keeps_what_the_element_says_about_itself():
    [message] = read_messages(FailedCall.from_http(400, body("08")))
    assert message.kind == "invoice"
    assert message.value("invoice_number") == "CS-001854"
    assert message.value("InvoiceID") == "1cb8f5c6-xxxx-xxxx-xxxx-9ca48a1cac06"
    card = explain(FailedCall.from_http(400, body("08")), short_code="!abc12", now=NOW)[0]
    assert card.title == "Invoice CS-001854 can't be changed any more"
    assert card.screen.screen.key == "invoice"


def test_several_messages_on_one_element_and_on_its_lines():
    answer = {
        "ErrorNumber": 10,
        "Type": "ValidationException",
        "Message": "A validation exception occurred",
        "Elements": [
            {
                "Type": "ACCREC",
                "InvoiceID": "00000000-0000-0000-0000-000000000000",
                "InvoiceNumber": "POS-20260421",
                "HasErrors": True,
                "LineItems": [
                    {
                        "Description": "Coffee",
                        "AccountCode": "999",
                        "TaxType": "OUTPUT9",
                        "ValidationErrors": [],
                    },
                    {
                        "Description": "Cakes",
                        "AccountCode": "999",
                        "TaxType": "OUTPUT9",
                        "ValidationErrors": [{"Message": "Tax rate must be valid."}],
                    },
                ],
                "Contact": {"Name": "POS Sales", "ValidationErrors": []},
                "ValidationErrors": [
                    {"Message": "Account code '999' is not a valid code for this document."},
                    {"Message": "Invoice not of valid status for modification"},
                ],
            }
        ],
    }
    call = FailedCall.from_http(400, json.dumps(answer))
    messages = read_messages(call)
    assert [m.text for m in messages] == [
        "Account code '999' is not a valid code for this document.",
        "Invoice not of valid status for modification",
        "Tax rate must be valid.",
    ]
    line = messages[2]
    assert (line.kind, line.value("line"), line.value("tax_type"), line.value("invoice_number")) == (
        "line",
        "Cakes",
        "OUTPUT9",
        "POS-20260421",
    )
    cards = explain(call, short_code="!abc12", now=NOW)
    assert [c.key for c in cards] == ["account-not-for-sales", "tax-rate-not-valid", "invoice-cannot-change"]
    assert cards[1].where == "the line “Cakes” of invoice POS-20260421"
    assert cards[1].title == "The tax rate “OUTPUT9” can't be used here"
    # the zero id of an element that was never created is not a link
    assert cards[2].screen.screen.key == "invoices"


def test_the_envelope_alone_is_explained_as_refused_without_a_reason():
    answer = {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred"}
    assert texts(400, json.dumps(answer)) == ["A validation exception occurred"]
    assert explain(FailedCall.from_http(400, json.dumps(answer)), now=NOW)[0].key == "refused-without-reason"


def test_other_400_types_use_their_message():
    answer = {
        "ErrorNumber": 14,
        "Type": "PostDataInvalidException",
        "Message": "JSON for post data was invalid",
    }
    assert texts(400, json.dumps(answer)) == ["JSON for post data was invalid"]


def test_history_on_an_unknown_id_from_the_spec():
    assert texts(400, body("07")) == ["The document with the supplied id was not found for this endpoint."]
    assert texts(400, body("14")) == ["The document with the supplied id was not found for this endpoint."]


# ---- 200 with per-element errors --------------------------------------------------------------------------


def test_payments_with_an_error_say_which_payment():
    [message] = read_messages(FailedCall.from_http(200, body("01")))
    assert message.kind == "payment"
    assert (message.value("amount"), message.value("account_code"), message.value("invoice_number")) == (
        "$1.00",
        "970",
        "INV-0004",
    )
    card = explain(FailedCall.from_http(200, body("01"), element_labels=["Visa"]), now=NOW)[0]
    assert card.where == "the Visa payment of $1.00"
    assert card.title == "The $1.00 payment is more than what's still owed on invoice INV-0004"


def test_ok_elements_are_skipped_and_failed_ones_keep_their_position():
    answer = {
        "Payments": [
            {"PaymentID": "p-1", "Amount": 10.00, "StatusAttributeString": "OK", "ValidationErrors": []},
            {
                "PaymentID": "00000000-0000-0000-0000-000000000000",
                "Amount": 5.00,
                "StatusAttributeString": "ERROR",
                "HasValidationErrors": True,
                "ValidationErrors": [
                    {"Message": "Payment amount exceeds the amount outstanding on this document"}
                ],
            },
        ]
    }
    [message] = read_messages(FailedCall.from_http(200, json.dumps(answer)))
    assert (message.element, message.value("amount"), message.value("PaymentID")) == (1, "$5.00", None)
    card = explain(FailedCall.from_http(200, json.dumps(answer), element_labels=["Cash", "EFTPOS"]), now=NOW)[
        0
    ]
    assert card.where == "the EFTPOS payment of $5.00"


def test_invoice_collection_with_error_from_the_spec():
    assert texts(200, body("04")) == ["Invoice # must be unique."]
    card = explain(FailedCall.from_http(200, body("04")), now=NOW)[0]
    assert card.title == "Invoice number INV-0006 is already used in Xero"


def test_an_element_with_messages_counts_even_when_marked_ok():
    # The spec's credit-note example says "OK" and still carries a validation error.
    assert texts(200, body("05")) == [
        "An existing Credit Note with the specified CreditNoteID could not be found"
    ]


def test_bank_transaction_from_the_spec():
    [message] = read_messages(FailedCall.from_http(200, body("06")))
    assert message.kind == "bank transaction"
    assert message.value("account_code") == "088"


def test_warnings_on_a_saved_element_and_on_the_answer_count_as_failures():
    answer = {
        "Warnings": [{"Message": "Something Xero wants you to know."}],
        "ManualJournals": [
            {
                "Status": "DRAFT",
                "Warnings": [
                    {
                        "Message": "Account code '476' has been removed as it does not match a recognised "
                        "account."
                    }
                ],
            }
        ],
    }
    messages = read_messages(FailedCall.from_http(200, json.dumps(answer)))
    assert [(m.text[:20], m.warning) for m in messages] == [
        ("Something Xero wants", True),
        ("Account code '476' h", True),
    ]


def test_a_clean_200_has_no_messages():
    answer = {"Invoices": [{"InvoiceNumber": "POS-1", "StatusAttributeString": "OK", "ValidationErrors": []}]}
    assert texts(200, json.dumps(answer)) == []


# ---- 401 / 403 / token endpoint ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status", "text", "key"),
    [
        ("09", 401, "TokenExpired: token expired at 04/09/2023 05:16:59", "access-pass-expired"),
        ("10", 401, "AuthorizationUnsuccessful", "permission-not-given"),
        ("11", 403, "AuthenticationUnsuccessful", "organisation-disconnected"),
        ("12", 401, "AuthenticationUnsuccessful", "sign-in-refused"),  # lower-case keys
    ],
)
def test_problem_bodies_in_either_letter_case(name, status, text, key):
    call = FailedCall.from_http(status, body(name))
    assert [m.text for m in read_messages(call)] == [text]
    card = explain(call, now=NOW)[0]
    assert card.key == key
    assert any(name == "Instance" for name, _ in card.support_details)


def test_insufficient_scope_in_the_challenge_header_means_permission():
    call = FailedCall.from_http(401, "", {"WWW-Authenticate": 'Bearer error="insufficent_scope"'})
    card = explain(call, now=NOW)[0]
    assert card.key == "permission-not-given"


def test_invalid_token_challenge_with_a_body_stays_one_card():
    call = FailedCall.from_http(401, body("12"), {"WWW-Authenticate": "Bearer error=invalid_token"})
    cards = explain(call, now=NOW)
    assert [c.key for c in cards] == ["sign-in-refused"]
    assert cards[0].xero_messages == (
        "AuthenticationUnsuccessful",
        "WWW-Authenticate: Bearer error=invalid_token",
    )


@pytest.mark.parametrize("text", ['{"error":"invalid_grant"}', '{"error": "invalid_grant"}'])
def test_invalid_grant_compact_or_spaced(text):
    card = explain(FailedCall.from_http(400, text), now=NOW)[0]
    assert (card.key, card.xero_messages) == ("sign-in-ended", ("invalid_grant",))


def test_token_error_with_a_description():
    text = json.dumps({"error": "invalid_grant", "error_description": "refresh token expired"})
    assert texts(400, text) == ["invalid_grant: refresh token expired"]


# ---- 404, 429, 5xx ---------------------------------------------------------------------------------------


def test_404_empty_and_html():
    card = explain(FailedCall.from_http(404, ""), now=NOW)[0]
    assert (card.key, card.xero_messages) == ("not-found", ())
    html = (
        "<!DOCTYPE html><html><head><title>Not Found</title><style>p{}</style></head><body>Gone</body></html>"
    )
    assert texts(404, html) == ["Not Found Gone"]
    assert explain(FailedCall.from_http(404, html), now=NOW)[0].key == "not-found"


def test_429_minute_with_retry_after():
    headers = {"Retry-After": "40", "X-Rate-Limit-Problem": "minute", "X-MinLimit-Remaining": "0"}
    card = explain(FailedCall.from_http(429, "", headers), now=NOW)[0]
    assert (card.key, card.retry_after) == ("minute-limit", 40)
    assert "in about 40 seconds" in card.title
    assert card.xero_messages == ("X-Rate-Limit-Problem: minute",)
    assert ("Retry-After", "40") in card.support_details
    assert ("X-MinLimit-Remaining", "0") in card.support_details


def test_429_day_limit_waits_hours():
    headers = [("retry-after", "73451"), ("x-rate-limit-problem", "day"), ("x-daylimit-remaining", "0")]
    card = explain(FailedCall.from_http(429, "", headers), now=NOW)[0]
    assert (card.key, card.retry_after) == ("day-limit", 73451)
    assert card.title.endswith("carries on in about 20 hours")


def test_retry_after_as_a_date():
    call = FailedCall.from_http(429, "", {"Retry-After": "Tue, 21 Apr 2026 09:32:00 GMT"})
    assert retry_after_seconds(call, NOW) == 120
    assert retry_after_seconds(FailedCall.from_http(429, "", {"Retry-After": "soon"}), NOW) is None


def test_503_maintenance_text_and_organisation_offline():
    assert (
        explain(FailedCall.from_http(503, "The Xero API is currently offline for maintenance"), now=NOW)[
            0
        ].key
        == "xero-maintenance"
    )
    card = explain(FailedCall.from_http(503, "Organisation offline", {"Retry-After": "300"}), now=NOW)[0]
    assert (card.key, card.retry_after) == ("organisation-offline", 300)
    assert "in about 5 minutes" in card.title


# ---- text that isn't JSON -------------------------------------------------------------------------------


def test_old_xml_api_exception():
    xml = (
        "<ApiException><ErrorNumber>10</ErrorNumber><Type>ValidationException</Type>"
        "<Message>A validation exception occurred</Message><Elements><DataContractBase><ValidationErrors>"
        "<ValidationError><Message>Account could not be found</Message></ValidationError></ValidationErrors>"
        "</DataContractBase></Elements></ApiException>"
    )
    assert texts(400, xml) == ["Account could not be found"]


def test_json_cut_short_still_gives_its_messages():
    cut = (
        '{\n "ErrorNumber": 10,\n "Type": "ValidationException",\n "Message": "A validation '
        'exception occurred",'
        '\n "Elements": [{ "Type": "ACCREC", "ValidationErrors": [{ "Message": "Invoice # must be '
        'unique." }], '
        '"Contact": { "Name": "Mixpanel", "Addresses": [ …'
    )
    assert texts(400, cut) == ["Invoice # must be unique."]


def test_numbered_messages_pasted_from_another_tool():
    assert texts(
        400, "XERO API Exception detected: #1: Tax rate must be valid. #2: Account must be valid."
    ) == [
        "Tax rate must be valid.",
        "Account must be valid.",
    ]


def test_one_message_per_line():
    assert texts(400, "Tax rate must be valid.\n\nAccount must be valid.\n") == [
        "Tax rate must be valid.",
        "Account must be valid.",
    ]


def test_a_very_long_text_is_cut():
    [text] = texts(500, "x" * 5000)
    assert len(text) == 500 and text.endswith("…")


def test_bytes_with_a_byte_order_mark_and_odd_bytes_are_read():
    call = FailedCall.from_http(400, b"\xef\xbb\xbfInvoice # must be unique.\xff")
    assert [m.text for m in read_messages(call)] == ["Invoice # must be unique.\ufffd"]


def test_header_names_are_case_insensitive():
    call = FailedCall.from_http(429, "", {"Retry-After": "5"})
    assert call.header("RETRY-AFTER") == "5"
    assert call.header("x-rate-limit-problem") is None
