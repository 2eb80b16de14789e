"""What came back when a call to Xero failed — the explanations' input — and Xero's messages read out of it.

A FailedCall is plain data: the HTTP status, the body as text and the headers, or, when no answer came back
at all, why not (no internet, a dropped connection…). The adapter (adapters/xero_errors.py) builds it from
the SDK's exceptions; `xerohelper explain` builds it from what support staff paste in.

`read_messages` finds Xero's own words in every shape Xero answers with:
* 400 ValidationException: Elements[].ValidationErrors[] (and the lines' and nested objects' ones);
* 200 with summarizeErrors=false: a collection (Payments, Invoices…) whose failed elements carry
  StatusAttributeString "ERROR" and ValidationErrors; Warnings count as failures too;
* 401/403 problem bodies (Title/Detail, in either letter case), the token endpoint's {"error": …},
  PostDataInvalidException and friends (a bare Message), the old XML ApiException, HTML pages, plain text
  (including "#1: … #2: …" lists pasted from other tools) and bodies cut short in the middle of the JSON.
Each message keeps which element it came from and what that element says about itself (the invoice number,
the payment's amount and account…), so the explanation can say which tender or invoice failed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from enum import StrEnum

from xerohelper.core.money import money_words

ZERO_GUID = "00000000-0000-0000-0000-000000000000"
ENVELOPE = "A validation exception occurred"  # the top line of every ValidationException: never the reason
MAX_MESSAGE = 500  # characters kept of a message that is not JSON (an HTML page, a long text)


class NoAnswer(StrEnum):
    """Why no HTTP answer came back from Xero."""

    OFFLINE = "offline"  # no internet, Xero's address not found, connection refused
    DROPPED = "dropped"  # the connection broke after the request went out
    TIMEOUT = "timeout"  # Xero did not answer in time
    SECURE_CONNECTION = "secure-connection"  # the secure (TLS) connection could not be made
    PORT_IN_USE = "port-in-use"  # the sign-in's loopback port is taken by another program
    NOT_SIGNED_IN = "not-signed-in"  # no saved sign-in to send with the call
    SIGN_IN_EXPIRED = "sign-in-expired"  # the pass expired and could not be renewed
    SIGN_IN_BUSY = "sign-in-busy"  # Xero's sign-in service said "too many requests" or "not now"
    UNEXPECTED = "unexpected"  # anything else: a problem inside xerohelper while talking to Xero


@dataclass(frozen=True)
class FailedCall:
    status: int | None = None  # None when no answer came back
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()  # names in lower case
    no_answer: NoAnswer | None = None
    detail: str = ""  # the technical cause, for "Copy for support" only
    element_labels: tuple[str, ...] = ()  # names of what was sent, in order: ("Cash", "EFTPOS", "Visa")
    port: int | None = None  # for PORT_IN_USE

    @classmethod
    def from_http(
        cls,
        status: int | None,
        body: str | bytes | None = None,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
        element_labels: Iterable[str] = (),
    ) -> FailedCall:
        if isinstance(body, bytes | bytearray):
            body = bytes(body).decode("utf-8-sig", errors="replace")
        pairs = headers.items() if isinstance(headers, Mapping) else (headers or ())
        return cls(
            status=status,
            body=body or "",
            headers=tuple((str(k).strip().lower(), str(v).strip()) for k, v in pairs),
            element_labels=tuple(element_labels),
        )

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k == name), None)


@dataclass(frozen=True)
class XeroMessage:
    text: str  # Xero's words, verbatim ("" when Xero marked an element failed without saying why)
    element: int | None = None  # position of the failed element in what was sent
    kind: str = ""  # "payment", "invoice", "line", "contact", "account", "credit note", "bank transaction"
    warning: bool = False
    context: tuple[tuple[str, str], ...] = field(default=())  # what the element says about itself

    def value(self, name: str) -> str | None:
        return next((v for k, v in self.context if k == name), None)


# ---- reading the body --------------------------------------------------------------------------------------


def read_messages(call: FailedCall) -> tuple[XeroMessage, ...]:
    body = call.body.strip()
    if not body:
        return ()
    try:
        data = json.loads(body, parse_float=Decimal)
    except ValueError:
        return _dedupe(_from_text(body))
    return _dedupe(_from_json(data, body))


def _from_json(data: object, raw: str) -> list[XeroMessage]:
    if isinstance(data, list):
        return _from_elements(data, kind="")
    if not isinstance(data, dict):
        return [XeroMessage(_cut(raw))]
    lower = {str(k).lower(): v for k, v in data.items()}
    if isinstance(lower.get("error"), str):  # the token endpoint: {"error": "invalid_grant"}
        text = lower["error"]
        if isinstance(lower.get("error_description"), str) and lower["error_description"]:
            text = f"{text}: {lower['error_description']}"
        return [XeroMessage(text)]
    if isinstance(lower.get("detail"), str) and lower["detail"]:  # 401/403 problem bodies
        return [XeroMessage(lower["detail"])]
    if isinstance(data.get("Elements"), list):  # 400 ValidationException
        found = _from_elements(data["Elements"], kind="")
        return found or _top_message(data, raw)
    found = []
    for item in data.get("Warnings") or ():  # warnings on the whole answer
        text = item.get("Message") if isinstance(item, dict) else item
        if isinstance(text, str) and text.strip():
            found.append(XeroMessage(text.strip(), warning=True))
    collections = [
        (key, value)
        for key, value in data.items()
        if key not in ("Warnings", "ValidationErrors")
        and isinstance(value, list)
        and value
        and all(isinstance(v, dict) for v in value)
    ]
    if collections:  # 200 with summarizeErrors=false, or Warnings on a success
        for key, value in collections:
            found += _from_elements(value, kind=_KIND_BY_COLLECTION.get(key, key.lower().rstrip("s")))
        return found
    if isinstance(data.get("Message"), str) or isinstance(lower.get("title"), str):
        return _top_message(data, raw)
    return found


def _top_message(data: dict, raw: str) -> list[XeroMessage]:
    lower = {str(k).lower(): v for k, v in data.items()}
    for key in ("message", "title"):
        if isinstance(lower.get(key), str) and lower[key]:
            return [XeroMessage(lower[key])]
    return [XeroMessage(_cut(raw))]


_KIND_BY_COLLECTION = {
    "Invoices": "invoice",
    "Payments": "payment",
    "CreditNotes": "credit note",
    "BankTransactions": "bank transaction",
    "Contacts": "contact",
    "Accounts": "account",
    "Items": "item",
    "BatchPayments": "batch payment",
    "ManualJournals": "manual journal",
    "Overpayments": "overpayment",
    "Prepayments": "prepayment",
}


def _from_elements(elements: list, kind: str) -> list[XeroMessage]:
    found: list[XeroMessage] = []
    for index, element in enumerate(elements):
        if not isinstance(element, dict):
            continue
        element_kind = kind or _guess_kind(element)
        context = _context(element_kind, element)
        before = len(found)
        _walk(element, index, element_kind, context, found)
        failed = (
            str(element.get("StatusAttributeString", "")).upper() == "ERROR"
            or element.get("HasErrors") is True
        )
        if failed and len(found) == before:
            found.append(XeroMessage("", index, element_kind, False, tuple(context.items())))
    return found


def _walk(node: dict, index: int, kind: str, context: dict[str, str], out: list[XeroMessage]) -> None:
    for key, warning in (("ValidationErrors", False), ("Warnings", True)):
        for item in node.get(key) or ():
            text = item.get("Message") if isinstance(item, dict) else item
            if isinstance(text, str) and text.strip():
                out.append(XeroMessage(text.strip(), index, kind, warning, tuple(context.items())))
    for key, value in node.items():
        if key in ("ValidationErrors", "Warnings"):
            continue
        children = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
        for child in children:
            if not isinstance(child, dict):
                continue
            if key == "LineItems":
                _walk(child, index, "line", {**context, **_line_context(child)}, out)
            elif key == "Contact":
                _walk(child, index, kind, {**context, **_contact_context(child)}, out)
            else:
                _walk(child, index, kind, context, out)


def _guess_kind(element: dict) -> str:
    if "PaymentID" in element or ("Invoice" in element and "Amount" in element):
        return "payment"
    if "CreditNoteID" in element or "CreditNoteNumber" in element:
        return "credit note"
    if "BankTransactionID" in element or "BankAccount" in element:
        return "bank transaction"
    if "InvoiceID" in element or "InvoiceNumber" in element or element.get("Type") in ("ACCREC", "ACCPAY"):
        return "invoice"
    if "AccountID" in element or ("Code" in element and "Type" in element):
        return "account"
    if "ContactID" in element or "EmailAddress" in element:
        return "contact"
    return ""


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip() and value.strip() != ZERO_GUID:
        return value.strip()
    return None


def _amount(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        return None
    try:
        return money_words(Decimal(value))
    except (ValueError, TypeError, InvalidOperation):
        return None


def _pick(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}


def _contact_context(contact: dict) -> dict[str, str]:
    return _pick(contact_name=_text(contact.get("Name")), ContactID=_text(contact.get("ContactID")))


def _line_context(line: dict) -> dict[str, str]:
    return _pick(
        line=_text(line.get("Description")),
        account_code=_text(line.get("AccountCode")),
        tax_type=_text(line.get("TaxType")),
    )


def _context(kind: str, el: dict) -> dict[str, str]:
    invoice = el.get("Invoice") if isinstance(el.get("Invoice"), dict) else {}
    account = el.get("Account") if isinstance(el.get("Account"), dict) else {}
    bank = el.get("BankAccount") if isinstance(el.get("BankAccount"), dict) else {}
    contact = el.get("Contact") if isinstance(el.get("Contact"), dict) else {}
    if kind == "payment":
        return _pick(
            amount=_amount(el.get("Amount")),
            account_code=_text(account.get("Code")),
            account_name=_text(account.get("Name")),
            AccountID=_text(account.get("AccountID")),
            invoice_number=_text(invoice.get("InvoiceNumber")),
            InvoiceID=_text(invoice.get("InvoiceID")),
            PaymentID=_text(el.get("PaymentID")),
            reference=_text(el.get("Reference")),
        )
    if kind == "invoice":
        return _pick(
            invoice_number=_text(el.get("InvoiceNumber")),
            InvoiceID=_text(el.get("InvoiceID")),
            reference=_text(el.get("Reference")),
            **_contact_context(contact),
        )
    if kind == "credit note":
        return _pick(
            credit_note_number=_text(el.get("CreditNoteNumber")),
            CreditNoteID=_text(el.get("CreditNoteID")),
            **_contact_context(contact),
        )
    if kind == "bank transaction":
        return _pick(
            reference=_text(el.get("Reference")),
            account_code=_text(bank.get("Code")),
            account_name=_text(bank.get("Name")),
            AccountID=_text(bank.get("AccountID")),
            **_contact_context(contact),
        )
    if kind == "account":
        return _pick(
            account_code=_text(el.get("Code")),
            account_name=_text(el.get("Name")),
            AccountID=_text(el.get("AccountID")),
        )
    if kind == "contact":
        return _contact_context(el)
    return {}


# ---- bodies that are not JSON ------------------------------------------------------------------------------

_XML_MESSAGE = re.compile(r"<Message>(.*?)</Message>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_SALVAGE = re.compile(r'"(Message|Detail|detail|error)"\s*:\s*"((?:[^"\\]|\\.)*)"')
_NUMBERED = re.compile(r"#\d+\s*:\s*")


def _from_text(body: str) -> list[XeroMessage]:
    head = body[:200].lower()
    if body.startswith("<") and ("<message>" in body.lower()):  # the old XML ApiException
        texts = [html.unescape(_TAG.sub("", m)).strip() for m in _XML_MESSAGE.findall(body)]
        return _drop_envelope([XeroMessage(t) for t in texts if t])
    if body.startswith("<") and (
        "<html" in head or "<!doctype" in head or "<body" in head or "<head" in head
    ):
        text = " ".join(html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", body))).split())
        return [XeroMessage(_cut(text))] if text else []
    if body.startswith(("{", "[")):  # JSON cut short, as public sources often quote it
        found = [_unescape_json(m.group(2)) for m in _SALVAGE.finditer(body)]
        found = [t for t in found if t.strip()]
        if found:
            return _drop_envelope([XeroMessage(t.strip()) for t in found])
    parts = _NUMBERED.split(body)
    if len(parts) > 1:  # "XERO API Exception detected: #1: … #2: …"
        return [XeroMessage(_cut(p.strip())) for p in parts[1:] if p.strip()]
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if 1 < len(lines) <= 20:
        return [XeroMessage(_cut(line)) for line in lines]
    return [XeroMessage(_cut(" ".join(body.split())))]


def _unescape_json(text: str) -> str:
    try:
        return json.loads(f'"{text}"')
    except ValueError:
        return text


def _drop_envelope(found: list[XeroMessage]) -> list[XeroMessage]:
    real = [m for m in found if m.text.rstrip(".") != ENVELOPE]
    return real or found


def _dedupe(found: list[XeroMessage]) -> tuple[XeroMessage, ...]:
    seen: set[tuple] = set()
    kept = []
    for m in _drop_envelope(found):
        key = (m.text, m.element, m.kind, m.warning, m.context)
        if key not in seen:
            seen.add(key)
            kept.append(m)
    return tuple(kept)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1].rstrip() + "…"


# ---- Retry-After -------------------------------------------------------------------------------------------


def retry_after_seconds(call: FailedCall, now: datetime | None = None) -> int | None:
    """Xero's Retry-After header in seconds (it may be a number of seconds or a date)."""
    value = call.header("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0, round((when - now).total_seconds()))
