"""From what Xero said to explanation cards, ordered by what to fix first.

    explain(call)            every explanation for a failed call, the one to fix first at the front
    explain_messages(texts)  the same for messages already read out of an answer (one payment, one invoice)
    explanation_for(key)     the card of one catalogue entry with known values: what preflight uses to show a
                             predicted problem exactly as Xero's refusal would be shown, and what a service
                             uses for a situation it found itself (an invoice number already taken)
    entry_for_message(text)  the entry one message lands on (matching.py says how)

Every text of a card is an entry's own words filled by words.fill; nothing here writes words of its own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from xerohelper.core.explain.entries import ALL_ENTRIES, Entry
from xerohelper.core.explain.entries.entry import with_payments_so_far
from xerohelper.core.explain.explanation import Explanation
from xerohelper.core.explain.failed_call import FailedCall, XeroMessage, retry_after_seconds
from xerohelper.core.explain.matching import matches
from xerohelper.core.explain.redact import redact
from xerohelper.core.explain.screens import open_in_xero
from xerohelper.core.explain.words import account_words, date_in_words, derived, fill

_ID_NAMES = ("InvoiceID", "ContactID", "PaymentID", "AccountID", "CreditNoteID", "TrackingCategoryID")
_SUPPORT_HEADERS = (
    "xero-correlation-id",
    "x-rate-limit-problem",
    "retry-after",
    "x-daylimit-remaining",
    "x-minlimit-remaining",
    "x-appminlimit-remaining",
    "www-authenticate",
)


def explain(
    call: FailedCall,
    *,
    short_code: str | None = None,
    ids: Mapping[str, str | None] | None = None,
    now: datetime | None = None,
) -> tuple[Explanation, ...]:
    """Every problem in a failed call, explained, the one to fix first at the front (never empty)."""
    return _explain(call, None, short_code, ids, now)


def explain_messages(
    messages: Sequence[str],
    *,
    kind: str = "",
    label: str = "",
    context: Mapping[str, str] | None = None,
    status: int | None = 200,
    short_code: str | None = None,
    ids: Mapping[str, str | None] | None = None,
    now: datetime | None = None,
) -> tuple[Explanation, ...]:
    """Xero's messages about one thing that was sent (a payment, an invoice), already read out of the answer.

    `kind` is "payment", "invoice", "line"…; `label` names it ("Visa"); `context` is what else is known
    (invoice_number, amount, account_code…), so the card can say which tender or invoice failed.
    """
    known = tuple((k, str(v)) for k, v in (context or {}).items() if v)
    found = tuple(XeroMessage(t, 0, kind, False, known) for t in messages if t and t.strip())
    call = FailedCall(status=status, element_labels=(label,) if label else ())
    return _explain(call, found or (XeroMessage("", 0, kind, False, known),), short_code, ids, now)


def _explain(
    call: FailedCall,
    messages: tuple[XeroMessage, ...] | None,
    short_code: str | None,
    ids: Mapping[str, str | None] | None,
    now: datetime | None,
) -> tuple[Explanation, ...]:
    base = _Base(call, short_code, dict(ids or {}), now or datetime.now(UTC))
    cards: dict[tuple, Explanation] = {}
    for entry, message, groups in matches(call, messages):
        card = base.build(entry, message, groups)
        key = (entry.key, message.element if message else None, card.where)
        if key in cards:
            earlier = cards[key]
            extra = tuple(m for m in card.xero_messages if m not in earlier.xero_messages)
            cards[key] = replace(earlier, xero_messages=earlier.xero_messages + extra)
        else:
            cards[key] = card
    return tuple(sorted(cards.values(), key=lambda c: c.sort_key))


def explanation_for(
    key: str,
    *,
    values: Mapping[str, str] | None = None,
    short_code: str | None = None,
    ids: Mapping[str, str | None] | None = None,
    where: str = "",
    predicted: bool = True,
    now: datetime | None = None,
) -> Explanation:
    """The card of catalogue entry `key`, with `values` for its blanks (account_code, tax_type, lock_date…).

    For preflight: a problem found before sending gets the same card Xero's refusal would get, marked
    predicted and without Xero's words.
    """
    entry = ALL_ENTRIES[key]
    base = _Base(FailedCall(), short_code, dict(ids or {}), now or datetime.now(UTC))
    card = base.build(entry, None, dict(values or {}), where=where)
    what = _as_foreseen(card.what_happened) if predicted else card.what_happened
    return replace(card, predicted=predicted, status=None, what_happened=what)


_REFUSED = (("Xero turned down ", "Xero would turn down "), ("Xero refused ", "Xero would refuse "))


def _as_foreseen(what_happened: str) -> str:
    """A refusal foreseen before anything was sent: "Xero would turn down…", not "Xero turned down…" (the
    card's other words are the entry's, as for the refusal itself)."""
    for said, foreseen in _REFUSED:
        if what_happened.startswith(said):
            return foreseen + what_happened[len(said) :]
    return what_happened


def entry_for_message(text: str, status: int | None = 400) -> Entry:
    """The catalogue entry one message of Xero's lands on (for tests and for the catalogue's own checks)."""
    entry, _, _ = matches(FailedCall.from_http(status, text))[0]
    return entry


class _Base:
    """What every card of one failed call shares: the call, the organisation, the ids and the time."""

    def __init__(self, call: FailedCall, short_code: str | None, ids: dict[str, str | None], now: datetime):
        self.call = call
        self.short_code = short_code
        self.ids = ids
        self.now = now
        self.retry_after = retry_after_seconds(call, now) if call.status is not None else None
        self.support = _support_details(call)

    def build(
        self, entry: Entry, message: XeroMessage | None, groups: dict[str, str], where: str = ""
    ) -> Explanation:
        values: dict[str, str] = dict(message.context) if message else {}
        values.update(groups)
        for name in entry.lower:
            if name in values:
                values[name] = values[name].lower()
        if "lock_date" in values:
            values["lock_date"] = date_in_words(values["lock_date"])
        where = where or (_where(message, self.call.element_labels) if message else "")
        values.update(derived(values, where, self.retry_after, self.call.port))
        ids = {n: values.get(n) or self.ids.get(n) for n in _ID_NAMES}
        return Explanation(
            title=fill(entry.title, values),
            what_happened=fill(with_payments_so_far(entry.what), values),
            why=fill(entry.why, values),
            steps=tuple(fill(step, values) for step in entry.steps),
            action=entry.action,
            screen=open_in_xero(entry.screen, self.short_code, values, **ids) if entry.screen else None,
            xero_messages=(message.text,) if message and message.text else (),
            key=entry.key,
            stage=entry.stage,
            priority=entry.priority,
            status=self.call.status,
            where=where,
            retry_after=self.retry_after,
            occurred_at=self.now,
            support_details=self.support,
        )


def _where(message: XeroMessage, labels: tuple[str, ...]) -> str:
    """Which of the things sent Xero turned down, in words: "the Visa payment of 25.00"."""
    label = labels[message.element] if message.element is not None and message.element < len(labels) else ""
    v = message.value
    kind = message.kind
    if kind == "payment":
        text = f"the {label} payment" if label else "the payment"
        if v("amount"):
            text += f" of {v('amount')}"
        if not label and v("account_code"):
            text += f" into account {v('account_code')}"
        return text
    if kind == "line":
        text = f"the line “{v('line')}”" if v("line") else "a line"
        return text + (f" of invoice {v('invoice_number')}" if v("invoice_number") else "")
    if label:
        return label
    if kind == "invoice" and v("invoice_number"):
        return f"invoice {v('invoice_number')}"
    if kind == "credit note" and v("credit_note_number"):
        return f"credit note {v('credit_note_number')}"
    if kind == "contact" and v("contact_name"):
        return f"the contact “{v('contact_name')}”"
    if kind == "account" and (v("account_code") or v("account_name")):
        return account_words(v("account_code"), v("account_name"))
    if kind == "bank transaction":
        return f"the bank transaction {v('reference')}" if v("reference") else "a bank transaction"
    return ""


def _support_details(call: FailedCall) -> tuple[tuple[str, str], ...]:
    details: list[tuple[str, str]] = []
    for name in _SUPPORT_HEADERS:
        value = call.header(name)
        if value:
            details.append((_header_title(name), value))
    try:
        body = json.loads(call.body) if call.body.strip().startswith("{") else None
    except ValueError:
        body = None
    if isinstance(body, dict):
        lower = {str(k).lower(): v for k, v in body.items()}
        for key, title in (
            ("type", "Xero error type"),
            ("errornumber", "Xero error number"),
            ("instance", "Instance"),
        ):
            if lower.get(key) not in (None, ""):
                details.append((title, str(lower[key])))
    if call.detail:
        details.append(("Technical cause", redact(call.detail)[:600]))
    if call.no_answer is not None:
        details.append(("No answer from Xero", str(call.no_answer)))
    return tuple(details)


def _header_title(name: str) -> str:
    special = {"xero-correlation-id": "Xero-Correlation-Id", "www-authenticate": "WWW-Authenticate"}
    return special.get(
        name,
        "-".join(p.capitalize() for p in name.split("-"))
        .replace("Daylimit", "DayLimit")
        .replace("Minlimit", "MinLimit")
        .replace("Appminlimit", "AppMinLimit"),
    )
