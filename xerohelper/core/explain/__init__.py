"""Explaining what Xero refused, in a shop owner's words, with the Xero screen that fixes it (pure Python).

    explanation.py          the card model: Explanation, Action, Stage, render_text
    failed_call.py          what came back from Xero (FailedCall, NoAnswer) and its messages read out
    entries/                the catalogue, one module per topic; entry.py says how an entry is written
    topics.py               what a message is about, and the one precedence order between topics
    matching.py             which entry a message lands on
    words.py                fill: the one function that puts values into an entry's (and a hint's) words
    cards.py                from a failed call, messages or an entry key to cards, the one to fix first first
    connection_problems.py  the connection's own problems (core.connection) on the same cards
    screens.py              Xero's screens and the "Open in Xero" links
    redact.py               secrets kept out of what is copied or logged

The services' one entry (services/explaining.py) turns exceptions and raw answers into these cards.
"""

from __future__ import annotations

from xerohelper.core.explain.cards import entry_for_message, explain, explain_messages, explanation_for
from xerohelper.core.explain.connection_problems import explain_connection_problem
from xerohelper.core.explain.explanation import Action, Explanation, SetupRow, Stage, render_text
from xerohelper.core.explain.failed_call import FailedCall, NoAnswer
from xerohelper.core.explain.redact import redact
from xerohelper.core.explain.screens import ScreenLink, open_in_xero
from xerohelper.core.explain.topics import PRECEDENCE, Topic

__all__ = [
    "PRECEDENCE",
    "Action",
    "Explanation",
    "FailedCall",
    "NoAnswer",
    "ScreenLink",
    "SetupRow",
    "Stage",
    "Topic",
    "entry_for_message",
    "explain",
    "explain_connection_problem",
    "explain_messages",
    "explanation_for",
    "open_in_xero",
    "redact",
    "render_text",
]
