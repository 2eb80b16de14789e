"""A message that names two topics lands on the most specific one (topics.PRECEDENCE), and the screen it
opens follows: a locked period or a plan limit before a generic account, contact or connection problem."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from xerohelper.core.explain import PRECEDENCE, FailedCall, Topic, explain, explanation_for, open_in_xero
from xerohelper.core.explain.entries import ALL_ENTRIES, ENTRIES, FALLBACKS
from xerohelper.core.explain.topics import rank

NOW = datetime(2026, 4, 21, 9, 30, tzinfo=UTC)


def _card(text: str, status: int = 400):
    return explain(FailedCall.from_http(status, text), short_code="!Shop1", now=NOW)[0]


# Each of the first six landed on the less specific topic before the precedence order existed (the
# fallbacks were tried in the order they were written: connection, …, account, …, plan).
@pytest.mark.parametrize(
    ("message", "key", "screen"),
    [
        (
            "Your account has reached the maximum number of approved invoices for your plan this month",
            "about-the-plan",
            "subscription",
        ),
        ("Upgrade your plan to add more contacts", "about-the-plan", "subscription"),
        (
            "Your subscription plan doesn't include multi-currency: account 200 can't use USD",
            "about-the-plan",
            "subscription",
        ),
        (
            "Unauthorised change: the period is locked, lock date 31 March 2026",
            "about-a-lock-date",
            "financial_settings",
        ),
        (
            "Sign in as an adviser to post into a locked period (lock date 31 March 2026)",
            "about-a-lock-date",
            "financial_settings",
        ),
        ("Tracking category Region on account 200 is archived", "about-tracking", "tracking_categories"),
        # These already landed right; they stay right.
        (
            "You can't post to account 200 because the period is locked (lock date 31/03/2026)",
            "about-a-lock-date",
            "financial_settings",
        ),
        (
            "You have reached the limit of 20 invoices a month on your Xero plan; upgrade to approve more",
            "about-the-plan",
            "subscription",
        ),
        (
            "The payment can't be applied: invoice POS-1 is locked by the lock date 31 March 2026",
            "about-a-lock-date",
            "financial_settings",
        ),
        ("The tax rate on account 200 is archived", "about-tax", "tax_rates"),
        ("The bank account 090 can't take payments", "about-a-bank-account", "bank_accounts"),
        ("The payment date on invoice POS-1 is in the future", "about-a-payment", "invoices"),
    ],
)
def test_a_message_about_two_topics_lands_on_the_most_specific(message, key, screen):
    card = _card(message)
    assert card.key == key
    assert card.screen is not None and card.screen.screen.key == screen
    assert card.xero_messages == (message,)


def test_a_message_recognised_word_for_word_beats_a_topic_it_mentions():
    # "plan" would be the more specific topic, but the words are Xero's known refusal of an account code.
    card = _card("Account code '4100' is not a valid code for this document. Check your plan.")
    assert card.key == "account-not-for-sales"
    card = _card("The document date cannot be before the period lock date, currently set at 30-Nov-2018")
    assert card.key == "day-is-locked"
    assert "30 November 2018" in card.what_happened + card.title + " ".join(card.steps)


def test_the_precedence_names_every_topic_once_the_specific_ones_first():
    assert sorted(PRECEDENCE) == sorted(Topic)
    assert len(set(PRECEDENCE)) == len(PRECEDENCE)
    for specific in (Topic.PERIOD, Topic.PLAN):
        for generic in (Topic.ACCOUNT, Topic.CONTACT, Topic.CONNECTION, Topic.INVOICE):
            assert rank(specific) < rank(generic)
    for specific in (Topic.TAX, Topic.BANK_ACCOUNT, Topic.CURRENCY, Topic.TRACKING):
        assert rank(specific) < rank(Topic.ACCOUNT)
    assert rank(Topic.PAYMENT) < rank(Topic.INVOICE)


def test_every_entry_has_a_topic_and_every_topic_guess_is_reachable():
    assert all(isinstance(e.topic, Topic) for e in ALL_ENTRIES.values())
    assert {e.topic for e in FALLBACKS} >= {Topic.PERIOD, Topic.PLAN, Topic.ACCOUNT, Topic.CONTACT}
    assert all(e.topic is not Topic.UNKNOWN for e in ENTRIES)


def test_the_screen_hint_names_the_invoice_when_it_is_known():
    # Without the invoice's id the link falls back to the invoices list; the hint, filled like every text
    # of the catalogue, says which invoice to look for.
    card = explanation_for("about-a-payment", values={"invoice_number": "POS-20260421"}, predicted=False)
    assert card.screen is not None and card.screen.screen.key == "invoices"
    assert card.screen.hint == "Search for invoice POS-20260421, then open it."
    assert open_in_xero("invoice").hint == "Search for the invoice by its number, then open it."
    assert open_in_xero("payment", values={"invoice": "invoice POS-1"}).hint == (
        "Open invoice POS-1 and click the payment at the bottom of it."
    )
