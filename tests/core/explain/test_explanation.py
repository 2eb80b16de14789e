"""The explanation card's three forms: the --json contract, text for people, and "Copy for support"."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from xerohelper.core.explain.cards import explain, explanation_for
from xerohelper.core.explain.explanation import Action, Explanation, render_text
from xerohelper.core.explain.failed_call import FailedCall, NoAnswer
from xerohelper.core.explain.redact import redact

NOW = datetime(2026, 4, 21, 9, 30, 5, tzinfo=UTC)
CONTRACT_KEYS = {"title", "explanation", "steps", "action", "screen", "xero_messages"}


def _card(status=400, text="Invoice # must be unique.", short_code="!abc12", **kw) -> Explanation:
    return explain(FailedCall.from_http(status, text, **kw), short_code=short_code, now=NOW)[0]


def test_json_form_is_exactly_the_contract():
    out = _card().to_json_dict()
    assert set(out) == CONTRACT_KEYS
    assert isinstance(out["title"], str) and isinstance(out["explanation"], str)
    assert isinstance(out["steps"], list) and all(isinstance(s, str) for s in out["steps"])
    assert out["action"] in {a.value for a in Action}
    assert set(out["screen"]) == {"name", "menu", "path", "url"}
    assert out["screen"]["path"] == "/AccountsReceivable/Search.aspx"
    assert out["xero_messages"] == ["Invoice # must be unique."]
    json.dumps(out)  # plain JSON types only


def test_json_form_without_a_screen_has_null():
    out = _card(503, "").to_json_dict()
    assert out["screen"] is None and out["action"] == "retry-later"


def test_the_explanation_text_is_what_happened_then_why():
    card = _card()
    assert card.explanation == f"{card.what_happened}\n\n{card.why}"


def test_the_card_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        _card().title = "changed"  # type: ignore[misc]


def test_text_form_numbers_the_steps_and_shows_the_link_and_xeros_words():
    text = _card().as_text()
    assert text.startswith("This invoice number is already used in Xero\n")
    assert "\n  1. In Xero, go to Sales > Invoices" in text
    assert "\n  2. " in text and "\n  3. " in text
    assert "Open in Xero: Invoices (Sales > Invoices)" in text
    assert "shortcode=!abc12" in text
    assert "Xero said:\n  “Invoice # must be unique.”" in text


def test_text_form_lists_the_other_problems_after_the_first():
    body = {
        "Elements": [
            {
                "ValidationErrors": [
                    {"Message": "Payment amount exceeds the amount outstanding on this document"}
                ]
            },
            {"ValidationErrors": [{"Message": "Account must be valid."}]},
        ]
    }
    cards = explain(FailedCall.from_http(400, json.dumps(body)), now=NOW)
    text = render_text(cards)
    assert text.startswith(cards[0].title)
    assert (
        "After that, Xero also mentioned:\n  2. A payment is more than what's still owed on the invoice"
        in text
    )
    assert "“Payment amount exceeds the amount outstanding on this document”" in text


def test_support_text_has_status_time_messages_and_details():
    headers = {"Xero-Correlation-Id": "f00d-1234", "Retry-After": "40", "X-Rate-Limit-Problem": "minute"}
    card = explain(FailedCall.from_http(429, "", headers), now=NOW)[0]
    text = card.support_text()
    assert "When: 2026-04-21 09:30:05 UTC" in text
    assert "HTTP status: 429" in text
    assert "  - X-Rate-Limit-Problem: minute" in text
    assert "Xero-Correlation-Id: f00d-1234" in text
    assert "[minute-limit]" in text
    assert "Suggested next step: Wait, then try again (retry-later)" in text


def test_support_text_converts_the_time_to_utc():
    card = dataclasses.replace(
        _card(), occurred_at=datetime(2026, 4, 21, 21, 0, tzinfo=timezone(timedelta(hours=12)))
    )
    assert "When: 2026-04-21 09:00:00 UTC" in card.support_text()


def test_support_text_without_an_answer_says_so():
    card = explain(
        FailedCall(no_answer=NoAnswer.DROPPED, detail="ProtocolError: Connection aborted."), now=NOW
    )[0]
    text = card.support_text()
    assert "HTTP status: no answer from Xero" in text
    assert "Technical cause: ProtocolError: Connection aborted." in text


def test_support_text_of_a_predicted_problem_says_nothing_was_sent():
    card = explanation_for("day-is-locked", values={"lock_date": "31-Mar-2026"}, now=NOW)
    text = card.support_text()
    assert "nothing was sent to Xero" in text
    assert "HTTP status" not in text


def test_support_text_never_contains_tokens():
    secret = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXN0dWZm"
    detail = (
        f"MaxRetryError: url=/connect/token?refresh_token=abc123secret&code=xyz789 "
        f'body={{"access_token": "{secret}", "refresh_token": "r-0123456789"}} Authorization: Bearer {secret}'
    )
    card = explain(FailedCall(no_answer=NoAnswer.OFFLINE, detail=detail), now=NOW)[0]
    text = card.support_text()
    for leaked in (secret, "abc123secret", "xyz789", "r-0123456789"):
        assert leaked not in text
    assert "refresh_token=[hidden]" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer [hidden]"),
        ("WWW-Authenticate: Bearer error=invalid_token", "WWW-Authenticate: Bearer error=invalid_token"),
        ("Account code '200' is not valid", "Account code '200' is not valid"),
        ("?shortcode=!abc12&code=SECRET", "?shortcode=!abc12&code=[hidden]"),
        ('{"client_secret": "s3cr3t"}', '{"client_secret": "[hidden]"}'),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_every_action_has_words():
    for action in Action:
        assert action.words
