"""From what Xero said to explanation cards, ordered by what to fix first.

    explain(call)            every explanation for a failed call, the one to fix first at the front
    explain_first(call)      just that one
    explain_messages(texts)  the same for messages already read out of an answer (one payment, one invoice)
    explanation_for(key)     the card for a catalogue entry without a Xero answer: what preflight uses to show
                             a predicted problem exactly as Xero's refusal would be shown

How a message finds its card: the catalogue's entries by pattern (error_catalogue_entries.ENTRIES); if none
fits, what the message is about (FALLBACKS: an unknown message about an account still goes to the chart of
accounts); then what the HTTP status means (401 → reconnect, 5xx → try later…); and last an honest card
that shows Xero's words and offers "Copy for support".
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from xerohelper.core.dates import MONTHS
from xerohelper.core.error_catalogue_entries import (
    ENTRIES,
    FALLBACKS,
    NOTHING_WRONG,
    UNKNOWN,
    Entry,
    Text,
)
from xerohelper.core.explanation import Explanation, redact
from xerohelper.core.failed_call import (
    FailedCall,
    NoAnswer,
    XeroMessage,
    read_messages,
    retry_after_seconds,
)
from xerohelper.core.xero_screens import open_in_xero

ALL_ENTRIES: dict[str, Entry] = {e.key: e for e in (*ENTRIES, *FALLBACKS, UNKNOWN, NOTHING_WRONG)}

_NO_ANSWER_ENTRY = {
    NoAnswer.OFFLINE: "no-internet",
    NoAnswer.DROPPED: "connection-dropped",
    NoAnswer.TIMEOUT: "xero-too-slow",
    NoAnswer.SECURE_CONNECTION: "secure-connection-failed",
    NoAnswer.PORT_IN_USE: "sign-in-port-busy",
    NoAnswer.NOT_SIGNED_IN: "not-signed-in",
    NoAnswer.SIGN_IN_EXPIRED: "sign-in-expired",
    NoAnswer.SIGN_IN_BUSY: "sign-in-busy",
    NoAnswer.UNEXPECTED: "unexpected-problem",
}
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


def _compiled(entries: tuple[Entry, ...]) -> list[tuple[Entry, list[re.Pattern[str]]]]:
    return [(e, [re.compile(p, re.IGNORECASE) for p in e.patterns]) for e in entries]


_ENTRY_PATTERNS = _compiled(ENTRIES)
_FALLBACK_PATTERNS = _compiled(FALLBACKS)


# ---- public ------------------------------------------------------------------------------------------------


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
    now = now or datetime.now(UTC)
    found = _matches(call, messages)
    base = _Base(call, short_code, dict(ids or {}), now)
    cards: dict[tuple, Explanation] = {}
    for entry, message, groups in found:
        card = base.build(entry, message, groups)
        key = (entry.key, message.element if message else None, card.where)
        if key in cards:
            earlier = cards[key]
            extra = tuple(m for m in card.xero_messages if m not in earlier.xero_messages)
            cards[key] = replace(earlier, xero_messages=earlier.xero_messages + extra)
        else:
            cards[key] = card
    return tuple(sorted(cards.values(), key=lambda c: c.sort_key))


def explain_first(
    call: FailedCall,
    *,
    short_code: str | None = None,
    ids: Mapping[str, str | None] | None = None,
    now: datetime | None = None,
) -> Explanation:
    return explain(call, short_code=short_code, ids=ids, now=now)[0]


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
    return replace(card, predicted=predicted, status=None)


def entry_for_message(text: str, status: int | None = 400) -> Entry:
    """The catalogue entry one message of Xero's lands on (for tests and for the catalogue's own checks)."""
    call = FailedCall.from_http(status, text)
    entry, _, _ = _matches(call, None)[0]
    return entry


# ---- which entries -----------------------------------------------------------------------------------------

Match = tuple[Entry, XeroMessage | None, dict[str, str]]


def _matches(call: FailedCall, messages: tuple[XeroMessage, ...] | None) -> list[Match]:
    if call.no_answer is not None:
        return [(ALL_ENTRIES[_NO_ANSWER_ENTRY[call.no_answer]], None, {})]
    status = call.status
    if messages is None:
        messages = read_messages(call)
    if status == 429:
        return [_rate_limit(call, messages)]
    challenge = call.header("www-authenticate") or ""
    if status in (401, 403) and "error=" in challenge:  # e.g. Bearer error="insufficient_scope"
        messages = (*messages, XeroMessage(f"WWW-Authenticate: {challenge}"))
    found: list[Match] = []
    for message in messages:
        found.append(_match_message(message, status))
    if not found:
        found.append((_status_default(status, has_messages=False), None, {}))
    return found


def _rate_limit(call: FailedCall, messages: tuple[XeroMessage, ...]) -> Match:
    problem = call.header("x-rate-limit-problem")
    texts = ([f"X-Rate-Limit-Problem: {problem}"] if problem else []) + [m.text for m in messages if m.text]
    for text in texts:
        hit = _first_hit(_ENTRY_PATTERNS, _normalised(text), 429)
        if hit and hit[0].key in ("minute-limit", "busy-for-everyone", "day-limit", "limit-old-style"):
            return hit[0], XeroMessage(" · ".join(texts)), hit[1]
    return ALL_ENTRIES["too-many-requests"], XeroMessage(" · ".join(texts)) if texts else None, {}


def _match_message(message: XeroMessage, status: int | None) -> Match:
    if not message.text:
        return ALL_ENTRIES["failed-without-reason"], message, {}
    text = _normalised(message.text)
    hit = _first_hit(_ENTRY_PATTERNS, text, status)
    if hit:
        return hit[0], message, hit[1]
    if status in (401, 403) or (status or 0) >= 500:
        return _status_default(status, has_messages=True), message, {}
    hit = _first_hit(_FALLBACK_PATTERNS, text, status)
    if hit:
        return hit[0], message, hit[1]
    if status == 404:
        return ALL_ENTRIES["not-found"], message, {}
    return UNKNOWN, message, {}


def _first_hit(
    compiled: list[tuple[Entry, list[re.Pattern[str]]]], text: str, status: int | None
) -> tuple[Entry, dict[str, str]] | None:
    for entry, patterns in compiled:
        if entry.statuses and status not in entry.statuses:
            continue
        for pattern in patterns:
            found = pattern.search(text)
            if found:
                groups = {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
                return entry, groups
    return None


def _status_default(status: int | None, has_messages: bool) -> Entry:
    if status == 401:
        return ALL_ENTRIES["sign-in-refused"]
    if status == 403:
        return ALL_ENTRIES["organisation-disconnected"]
    if status == 404:
        return ALL_ENTRIES["not-found"]
    if status == 429:
        return ALL_ENTRIES["too-many-requests"]
    if status == 503:
        return ALL_ENTRIES["xero-unavailable"]
    if status is not None and status >= 500:
        return ALL_ENTRIES["xero-server-error"]
    if status is not None and 200 <= status < 300 and not has_messages:
        return NOTHING_WRONG
    if status == 400 and not has_messages:
        return ALL_ENTRIES["refused-without-reason"]
    return UNKNOWN


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def _normalised(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    return text.strip("'\"` ")


# ---- building the card -------------------------------------------------------------------------------------


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
            values["lock_date"] = _date_in_words(values["lock_date"])
        where = where or (_where(message, self.call.element_labels) if message else "")
        values.update(_derived(values, where, self.retry_after, self.call.port))
        ids = {n: values.get(n) or self.ids.get(n) for n in _ID_NAMES}
        link = None
        if entry.screen:
            link = open_in_xero(entry.screen, self.short_code, **ids)
            number = values.get("invoice_number")
            if link.hint and link.screen.key == "invoices" and number:
                link = replace(link, hint=f"Search for invoice {number}, then open it.")
        return Explanation(
            title=fill(entry.title, values),
            what_happened=fill(entry.what, values),
            why=fill(entry.why, values),
            steps=tuple(fill(step, values) for step in entry.steps),
            action=entry.action,
            screen=link,
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
        return _account_words(v("account_code"), v("account_name"))
    if kind == "bank transaction":
        return f"the bank transaction {v('reference')}" if v("reference") else "a bank transaction"
    return ""


def _account_words(code: str | None, name: str | None) -> str:
    if code and name:
        return f"account {code} “{name}”"
    return f"account {code}" if code else f"the account “{name}”"


def _derived(values: dict[str, str], where: str, retry_after: int | None, port: int | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if where:
        out["where"] = where
    if values.get("invoice_number"):
        out["invoice"] = f"invoice {values['invoice_number']}"
    if values.get("account_code") or values.get("account_name"):
        out["account"] = _account_words(values.get("account_code"), values.get("account_name"))
    if values.get("contact_name"):
        out["contact"] = f"the contact “{values['contact_name']}”"
    if retry_after is not None:
        out["wait"] = wait_in_words(retry_after)
    if port:
        out["port"] = str(port)
    return out


_XERO_DATE = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{4})$")


def _date_in_words(text: str) -> str:
    """Xero's '30-Nov-2018' as '30 November 2018'; anything else as Xero wrote it."""
    found = _XERO_DATE.match(text.strip())
    if not found:
        return text
    short = [m[:3].lower() for m in MONTHS]
    month = found.group(2).lower()
    if month not in short:
        return text
    return f"{int(found.group(1))} {MONTHS[short.index(month)]} {found.group(3)}"


def wait_in_words(seconds: int) -> str:
    """'in a few seconds', 'in about 40 seconds', 'in about 3 minutes', 'in about 20 hours'."""
    if seconds < 8:
        return "in a few seconds"
    if seconds < 58:
        return f"in about {max(10, round(seconds / 10) * 10)} seconds"
    if seconds < 3570:
        minutes = max(1, round(seconds / 60))
        return "in about a minute" if minutes == 1 else f"in about {minutes} minutes"
    if seconds < 36 * 3600:
        hours = max(1, round(seconds / 3600))
        return "in about an hour" if hours == 1 else f"in about {hours} hours"
    return f"in about {round(seconds / 86400)} days"


_FIELD = re.compile(r"\{(\w+)(?:\|([^{}]*))?\}")


def fill(text: Text, values: Mapping[str, str]) -> str:
    """Fill a catalogue text: {name} needs a value, {name|words} falls back to the words; of alternatives
    (a tuple) the first whose values are all known is used."""
    alternatives = (text,) if isinstance(text, str) else text
    chosen = alternatives[-1]
    for alternative in alternatives:
        if all(m.group(1) in values for m in _FIELD.finditer(alternative) if m.group(2) is None):
            chosen = alternative
            break

    def value(match: re.Match[str]) -> str:
        name, fallback = match.group(1), match.group(2)
        return values.get(name) or (fallback if fallback is not None else "…")

    filled = _FIELD.sub(value, chosen)
    if chosen.startswith("{") and filled:
        filled = filled[0].upper() + filled[1:]
    return filled


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
