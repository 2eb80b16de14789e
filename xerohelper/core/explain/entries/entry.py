"""How an entry of the catalogue is written: what happened, why, and what to do, for a shop owner.

Each entry recognises Xero's messages by pattern, not by exact text: Xero puts account codes, tax rate names,
dates, currencies and contact names into its messages. Named groups in a pattern capture those values and
the texts use them: `{account_code}` must be known, `{invoice|the day's invoice}` falls back to the words
after the bar. A text given as a tuple lists alternatives, the first whose values are all known is used
(so a title can name the invoice when Xero said which one). The one function that fills them is
words.fill; nothing else changes an entry's words.

Values every text may use, besides a pattern's own groups:
  where    what Xero turned down ("the Visa payment (25.00)", "invoice POS-20260421")
  invoice  "invoice POS-20260421"            account  "account 090 “Card clearing”"
  contact  "the contact “POS Sales”"          wait     "in about 40 seconds"
  and what the failed element (or the caller) says about itself: invoice_number, amount, account_code,
  account_name, contact_name, line, tax_type, reference, xero_total, till_total; and from the payments
  step, when some tenders went in and others didn't: payments_in, payments_not_in ("Cash $120.00 and
  EFTPOS $300.00"), which every card adds to what happened (SO_FAR).

Each entry has a topic (topics.Topic): when a message fits several entries, the most specific topic
decides (topics.PRECEDENCE). Stage and priority say what to fix first when Xero gives several reasons
(see explanation.Stage). Screens are keys of screens.SCREENS.
Informed by shared/reference/xero-errors.jsonl (causes and fixes), worded afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from xerohelper.core.explain.explanation import Action, Stage
from xerohelper.core.explain.topics import Topic

Text = str | tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    key: str
    patterns: tuple[str, ...]  # regular expressions, matched case-insensitively anywhere in the message
    title: Text
    what: Text  # what happened
    why: Text  # why it usually happens
    steps: tuple[Text, ...]
    action: Action
    screen: str | None  # where "Open in Xero" goes
    stage: Stage
    topic: Topic  # what the message is about: decides between entries that fit the same message
    priority: int = 5  # order within the stage: lower first
    statuses: tuple[int, ...] = ()  # recognise the message only with these HTTP statuses (empty: any)
    lower: tuple[str, ...] = ()  # captured values to show in lower case ("Credit Note" → "credit note")


TRY_AGAIN = "Come back to xerohelper and click “I've fixed it — try again”."
COPY_FOR_SUPPORT = "Click “Copy for support” and send it to xerohelper's support. We'll tell you what to do."
COPY_IF_AGAIN = "click “Copy for support” and send it to xerohelper's support."
KEPT = " Your day's figures are kept in xerohelper."
RECONNECT = "In xerohelper, click Reconnect and sign in to Xero again."
ALLOW = "On Xero's page, choose your organisation and click Allow access."
STATUS_PAGE = (
    "If it lasts long, Xero's status page (status.xero.com) says whether Xero knows about a problem."
)

SO_FAR = (
    "\nAlready in Xero: {payments_in}. Not in Xero: {payments_not_in}. Don't add any of them in Xero by "
    "hand: when you try again, xerohelper sends only the ones not in Xero."
)

A, S = Action, Stage


def with_payments_so_far(text: Text) -> Text:
    """An entry's "what happened", first followed by which of the day's payments are already in Xero and
    which are not (known when some of a day's tenders went in and others were turned down)."""
    alternatives = (text,) if isinstance(text, str) else text
    return tuple(a + SO_FAR for a in alternatives) + alternatives


def entry(key: str, *patterns: str, topic: Topic, **fields) -> Entry:
    return Entry(key, patterns, topic=topic, **fields)
