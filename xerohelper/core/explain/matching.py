"""Which catalogue entry a message of Xero's lands on.

In order: an entry that recognises the message word for word (ENTRIES); for a connection or server status,
what that status means; a guess from what the message is about (FALLBACKS: an unknown message about an
account still goes to the chart of accounts); a 404's "not found"; and last the honest UNKNOWN card.
When several entries of one tier fit, the most specific topic wins (topics.PRECEDENCE), then the entry
written first. A 429 goes by its X-Rate-Limit-Problem header; a call with no answer by why there was none.
"""

from __future__ import annotations

import re

from xerohelper.core.explain.entries import ALL_ENTRIES, ENTRIES, FALLBACKS, NOTHING_WRONG, UNKNOWN, Entry
from xerohelper.core.explain.failed_call import FailedCall, NoAnswer, XeroMessage, read_messages
from xerohelper.core.explain.topics import rank

Match = tuple[Entry, XeroMessage | None, dict[str, str]]

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
_RATE_LIMITS = ("minute-limit", "busy-for-everyone", "day-limit", "limit-old-style")

_Compiled = list[tuple[Entry, list[re.Pattern[str]]]]


def _compiled(entries: tuple[Entry, ...]) -> _Compiled:
    return [(e, [re.compile(p, re.IGNORECASE) for p in e.patterns]) for e in entries]


_ENTRY_PATTERNS = _compiled(ENTRIES)
_FALLBACK_PATTERNS = _compiled(FALLBACKS)


def matches(call: FailedCall, messages: tuple[XeroMessage, ...] | None = None) -> list[Match]:
    """An entry for each of Xero's messages in the call (read from its body unless given); never empty."""
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
    found = [match_message(message, status) for message in messages]
    return found or [(_status_default(status, has_messages=False), None, {})]


def match_message(message: XeroMessage, status: int | None) -> Match:
    if not message.text:
        return ALL_ENTRIES["failed-without-reason"], message, {}
    text = normalised(message.text)
    hit = best_fit(_ENTRY_PATTERNS, text, status)
    if hit:
        return hit[0], message, hit[1]
    if status in (401, 403) or (status or 0) >= 500:
        return _status_default(status, has_messages=True), message, {}
    hit = best_fit(_FALLBACK_PATTERNS, text, status)
    if hit:
        return hit[0], message, hit[1]
    if status == 404:
        return ALL_ENTRIES["not-found"], message, {}
    return UNKNOWN, message, {}


def best_fit(compiled: _Compiled, text: str, status: int | None) -> tuple[Entry, dict[str, str]] | None:
    """Of the entries whose patterns find `text`, the one whose topic is most specific (then the first)."""
    best: tuple[tuple[int, int], Entry, dict[str, str]] | None = None
    for order, (entry, patterns) in enumerate(compiled):
        if entry.statuses and status not in entry.statuses:
            continue
        standing = (rank(entry.topic), order)
        if best is not None and standing > best[0]:
            continue
        for pattern in patterns:
            found = pattern.search(text)
            if found:
                groups = {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
                best = (standing, entry, groups)
                break
    return (best[1], best[2]) if best else None


def _rate_limit(call: FailedCall, messages: tuple[XeroMessage, ...]) -> Match:
    problem = call.header("x-rate-limit-problem")
    texts = ([f"X-Rate-Limit-Problem: {problem}"] if problem else []) + [m.text for m in messages if m.text]
    for text in texts:
        hit = best_fit(_ENTRY_PATTERNS, normalised(text), 429)
        if hit and hit[0].key in _RATE_LIMITS:
            return hit[0], XeroMessage(" · ".join(texts)), hit[1]
    return ALL_ENTRIES["too-many-requests"], XeroMessage(" · ".join(texts)) if texts else None, {}


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


def normalised(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split())
    return text.strip("'\"` ")
