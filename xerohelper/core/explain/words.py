"""Filling the catalogue's words: the one function that puts values into an entry's texts (and a screen's
hint), and the values every text may use ("where", "invoice", "account", "contact", "wait", "port")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from xerohelper.core.dates import MONTHS

Text = str | tuple[str, ...]

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


def derived(
    values: Mapping[str, str], where: str, retry_after: int | None, port: int | None
) -> dict[str, str]:
    """The values made from others: "invoice POS-1", "account 090 “Card clearing”", "in about 40 seconds"."""
    out: dict[str, str] = {}
    if where:
        out["where"] = where
    if values.get("invoice_number"):
        out["invoice"] = f"invoice {values['invoice_number']}"
    if values.get("account_code") or values.get("account_name"):
        out["account"] = account_words(values.get("account_code"), values.get("account_name"))
    if values.get("contact_name"):
        out["contact"] = f"the contact “{values['contact_name']}”"
    if retry_after is not None:
        out["wait"] = wait_in_words(retry_after)
    if port:
        out["port"] = str(port)
    return out


def listed(items: list[str]) -> str:
    """'Cash $120.00, EFTPOS $300.00 and Visa $25.00'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def account_words(code: str | None, name: str | None) -> str:
    if code and name:
        return f"account {code} “{name}”"
    return f"account {code}" if code else f"the account “{name}”"


_XERO_DATE = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{4})$")


def date_in_words(text: str) -> str:
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
