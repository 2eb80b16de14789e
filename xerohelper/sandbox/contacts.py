"""Contacts: read (archived ones only when asked), create, update, archive and restore, with Xero's rules.

- A name must be unique among active contacts; a contact number and an account number among all.
- An archived contact cannot be edited through the API; setting ``ContactStatus`` back to ``ACTIVE``
  restores it (the only change Xero allows on an archived contact here).
- Email addresses must look like email addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xerohelper.sandbox import messages, render
from xerohelper.sandbox.accounting import Call, filter_rows, paginate
from xerohelper.sandbox.responses import Response, json_response, not_found, validation_exception
from xerohelper.sandbox.store import Contact, Ledger
from xerohelper.sandbox.xero_wire import ZERO_GUID, envelope, new_guid, parse_bool, parse_csv

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _text(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    return str(value).strip()


def list_contacts(call: Call) -> Response:
    ledger = call.ledger
    include_archived = parse_bool(call.query.get("includearchived"))
    ids = {i.lower() for i in parse_csv(call.query.get("ids"))}
    search = (call.query.get("searchterm") or "").strip().lower()
    summary = parse_bool(call.query.get("summaryonly"))
    chosen = []
    for contact in ledger.contacts.values():
        if ids and contact.contact_id not in ids:
            continue
        if not ids and not include_archived and contact.status == "ARCHIVED":
            continue
        if search and not any(
            search in (value or "").lower()
            for value in (
                contact.name,
                contact.first_name,
                contact.last_name,
                contact.contact_number,
                contact.email_address,
            )
        ):
            continue
        chosen.append(contact)
    rows = filter_rows(call, (render.contact(c, summary) for c in chosen), "Contact")
    page, pagination = paginate(call, rows)
    extra = {"pagination": pagination} if pagination else {}
    return call.ok("Contacts", page, **extra)


def get_contact(call: Call, key: str) -> Response:
    contact = call.ledger.contacts.get(key.strip().lower())
    if contact is None:  # GET /Contacts/{ContactNumber}
        contact = next((c for c in call.ledger.contacts.values() if c.contact_number == key), None)
    return call.ok("Contacts", [render.contact(contact)]) if contact else not_found()


@dataclass
class _Outcome:
    contact: Contact
    errors: list[str] = field(default_factory=list)
    is_new: bool = True


def _check(ledger: Ledger, candidate: Contact, original: Contact | None, pending: list[Contact]) -> list[str]:
    errors: list[str] = []
    others = [c for c in [*ledger.contacts.values(), *pending] if c.contact_id != candidate.contact_id]
    if not candidate.name:
        errors.append(messages.CONTACT_NOT_IDENTIFIED)
    elif candidate.status == "ACTIVE" and any(
        c.status == "ACTIVE" and c.name.lower() == candidate.name.lower() for c in others
    ):
        if original is not None and original.name.lower() != candidate.name.lower():
            errors.append(messages.CONTACT_RENAME_TAKEN.format(old=original.name, new=candidate.name))
        else:
            errors.append(messages.CONTACT_NAME_TAKEN.format(name=candidate.name))
    if candidate.contact_number and any(c.contact_number == candidate.contact_number for c in others):
        errors.append(messages.CONTACT_NUMBER_TAKEN)
    if candidate.account_number and any(c.account_number == candidate.account_number for c in others):
        errors.append(messages.CONTACT_ACCOUNT_NUMBER_TAKEN)
    if candidate.email_address and not _EMAIL.match(candidate.email_address):
        errors.append(messages.EMAIL_NOT_VALID)
    return errors


def _apply(target: Contact, raw: dict) -> None:
    for key, attribute in (
        ("Name", "name"),
        ("ContactNumber", "contact_number"),
        ("AccountNumber", "account_number"),
        ("EmailAddress", "email_address"),
        ("FirstName", "first_name"),
        ("LastName", "last_name"),
        ("DefaultCurrency", "default_currency"),
    ):
        if key in raw:
            value = _text(raw, key)
            setattr(target, attribute, value if value != "" or key == "Name" else None)
    for key, attribute in (("IsCustomer", "is_customer"), ("IsSupplier", "is_supplier")):
        if isinstance(raw.get(key), bool):
            setattr(target, attribute, raw[key])
    status = _text(raw, "ContactStatus")
    if status in ("ACTIVE", "ARCHIVED"):
        target.status = status


def _prepare(call: Call, raw: dict, existing: Contact | None, pending: list[Contact]) -> _Outcome:
    if existing is None:
        candidate = Contact(contact_id=new_guid(), name="", updated=call.now)
        _apply(candidate, raw)
        return _Outcome(candidate, _check(call.ledger, candidate, None, pending), True)
    if existing.status == "ARCHIVED":
        wanted = _text(raw, "ContactStatus")
        candidate = Contact(**{**existing.__dict__})
        if wanted == "ACTIVE":
            candidate.status = "ACTIVE"
            return _Outcome(candidate, _check(call.ledger, candidate, existing, pending), False)
        return _Outcome(candidate, [messages.ARCHIVED_CONTACT_NOT_EDITABLE], False)
    candidate = Contact(**{**existing.__dict__})
    _apply(candidate, raw)
    return _Outcome(candidate, _check(call.ledger, candidate, existing, pending), False)


def _echo(outcome: _Outcome, summarize: bool) -> dict:
    body = render.contact(outcome.contact)
    if outcome.is_new:
        body["ContactID"] = ZERO_GUID
    body["HasValidationErrors"] = True
    body["ValidationErrors"] = [{"Message": text} for text in outcome.errors]
    if not summarize:
        body["StatusAttributeString"] = "ERROR"
    return body


def _finish(call: Call, outcomes: list[_Outcome], summarize: bool) -> Response:
    failed = [o for o in outcomes if o.errors]
    if failed and summarize:
        return validation_exception([_echo(o, True) for o in failed])
    rows = []
    for outcome in outcomes:
        if outcome.errors:
            rows.append(_echo(outcome, False))
            continue
        outcome.contact.updated = call.now
        call.ledger.contacts[outcome.contact.contact_id] = outcome.contact
        row = render.contact(outcome.contact)
        if not summarize:
            row["StatusAttributeString"] = "OK"
        rows.append(row)
    return json_response(200, envelope(call.settings.app_name, call.now, "Contacts", rows))


def save_contacts(call: Call, create_only: bool) -> Response:
    """PUT /Contacts creates; POST /Contacts updates a contact found by ContactID or name, else creates."""
    elements = call.read_json("Contacts", "Contact")
    if isinstance(elements, Response):
        return elements
    outcomes: list[_Outcome] = []
    for raw in elements:
        existing = None
        if not create_only:
            key = _text(raw, "ContactID") or _text(raw, "Name")
            existing = call.ledger.find_contact(key) if key else None
        outcomes.append(_prepare(call, raw, existing, [o.contact for o in outcomes if not o.errors]))
    return _finish(call, outcomes, call.summarize_errors)


def update_contact(call: Call, contact_id: str) -> Response:
    existing = call.ledger.contacts.get(contact_id.strip().lower())
    if existing is None:
        return not_found()
    elements = call.read_json("Contacts", "Contact")
    if isinstance(elements, Response):
        return elements
    return _finish(call, [_prepare(call, elements[0], existing, [])], True)
