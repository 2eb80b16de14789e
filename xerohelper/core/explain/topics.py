"""What a message of Xero's is about, and which topic decides when a message is about several.

Xero's messages often name more than one thing: "The document date cannot be before the period lock date"
for an invoice *line's account*, "You have reached the limit of approved invoices on your plan". The card
(and the Xero screen it opens) must follow the thing the owner has to change, which is the most specific
topic: a locked period or a plan limit before a contact or an account, a tax rate or a bank account before
an account in general, a payment before the invoice it pays.

PRECEDENCE is the one place this order is written. Matching (matching.py) uses it in two tiers: a message
an entry recognises word for word always beats a guess from the words it mentions (the fallbacks); among
the entries of one tier that fit, the topic earliest here wins, then the entry written first.
"""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    PERIOD = "locked period"
    PLAN = "Xero plan"
    CONNECTION = "connection"
    XERO_SERVICE = "Xero's limits and outages"
    NO_ANSWER = "no answer"
    CURRENCY = "currency"
    TRACKING = "tracking"
    TAX = "tax rate"
    BANK_ACCOUNT = "bank account"
    CONTACT = "contact"
    ACCOUNT = "account"
    PAYMENT = "payment"
    INVOICE = "invoice"
    APP = "xerohelper itself"
    UNKNOWN = "unknown"


# The most specific first.
PRECEDENCE: tuple[Topic, ...] = (
    Topic.PERIOD,
    Topic.PLAN,
    Topic.CONNECTION,
    Topic.XERO_SERVICE,
    Topic.NO_ANSWER,
    Topic.CURRENCY,
    Topic.TRACKING,
    Topic.TAX,
    Topic.BANK_ACCOUNT,
    Topic.CONTACT,
    Topic.ACCOUNT,
    Topic.PAYMENT,
    Topic.INVOICE,
    Topic.APP,
    Topic.UNKNOWN,
)

_RANK = {topic: n for n, topic in enumerate(PRECEDENCE)}


def rank(topic: Topic) -> int:
    """Where `topic` stands in PRECEDENCE: lower decides first."""
    return _RANK[topic]
