"""Invoices: list, get, create, update and the status changes, with Xero's rules and Xero's words.

Status changes Xero allows (reference/xero-sdk.md §10): DRAFT → SUBMITTED / AUTHORISED / DELETED,
SUBMITTED → DRAFT / AUTHORISED / DELETED, AUTHORISED → VOIDED while no payment is applied. A new
invoice may be DRAFT, SUBMITTED or AUTHORISED. PAID comes only from payments.

Checked on every create and update (messages.py has the words):
type and contact present; an archived contact refused; at least one line; account codes that exist, are
active and may go on a document (not a bank or system account), and are present once the invoice is
submitted or approved; tax types that exist, are active and suit the document and the line's account;
discounts of at most 100 %; a tax amount no bigger than its line; a Total, if sent, equal to Xero's sum;
a unique invoice number (sales invoices); a subscribed currency; lock dates (approving or editing an
approved invoice dated on or before them); the plan's monthly limit of approved invoices; invoices with
payments cannot be edited or voided.

Batches (PUT/POST /Invoices): with ``summarizeErrors`` missing or true any failure fails the whole
request (400, nothing saved); with ``summarizeErrors=false`` each invoice answers for itself (200, failed
ones carry ``StatusAttributeString: "ERROR"`` and the zero GUID).

Lists return line items when paging (``page``) or asking for particular invoices (``IDs``,
``InvoiceNumbers``), as Xero does for paged reads; a plain list leaves them out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from xerohelper.sandbox import messages, render
from xerohelper.sandbox.accounting import Call, filter_rows, paginate
from xerohelper.sandbox.responses import (
    Response,
    json_response,
    not_found,
    post_data_invalid,
    validation_exception,
)
from xerohelper.sandbox.store import Contact, Invoice, Ledger, LineItem
from xerohelper.sandbox.totals import invoice_totals, line_amount, line_tax, unit_places
from xerohelper.sandbox.xero_wire import (
    ZERO_GUID,
    WireError,
    envelope,
    new_guid,
    parse_bool,
    parse_csv,
    parse_date,
    parse_decimal,
    round_money,
)

ALLOWED_CHANGES = {
    "DRAFT": {"DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"},
    "SUBMITTED": {"SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"},
    "AUTHORISED": {"AUTHORISED", "VOIDED"},
    "PAID": {"PAID"},
    "VOIDED": {"VOIDED"},
    "DELETED": {"DELETED"},
}
STATUSES_ON_CREATE = {"DRAFT", "SUBMITTED", "AUTHORISED"}
APPROVED = {"AUTHORISED", "PAID", "VOIDED"}
LINE_AMOUNT_TYPES = {"exclusive": "Exclusive", "inclusive": "Inclusive", "notax": "NoTax"}
NOT_ON_DOCUMENTS = {
    "DEBTORS",
    "CREDITORS",
    "GST",
    "GSTONIMPORTS",
    "RETAINEDEARNINGS",
    "HISTORICAL",
    "UNPAIDEXPCLM",
    "WAGEPAYABLES",
    "TRACKINGTRANSFERS",
    "BANKCURRENCYGAIN",
    "REALISEDCURRENCYGAIN",
    "UNREALISEDCURRENCYGAIN",
}
CONTENT_FIELDS = (
    "LineItems",
    "Date",
    "DueDate",
    "Contact",
    "LineAmountTypes",
    "CurrencyCode",
    "CurrencyRate",
    "Total",
)


SALES_TYPES = {"ACCREC", "ACCRECCREDIT"}


@dataclass(frozen=True)
class Kind:
    """What differs between an invoice and a credit note: names, where they are kept, some words.

    The rules (lines, accounts, tax, totals, contact, status changes, lock dates) are the same for both.
    """

    plural: str  # "Invoices": the envelope's key
    resource: str  # "Invoice": for "expecting Invoice data"
    id_key: str  # "InvoiceID"
    number_key: str  # "InvoiceNumber"
    sales_type: str  # "ACCREC": numbers are unique among these
    purchases_type: str  # "ACCPAY"
    number_prefix: str  # "INV-": Xero's next number when none is sent
    shelf: str  # the Ledger field that holds them
    record: type[Invoice]
    render: Callable[..., dict]
    no_type: str  # messages
    bad_status_for_creation: str
    not_modifiable: str
    not_found_by_id: str
    number_not_unique: str

    def records(self, ledger: Ledger) -> dict[str, Invoice]:
        return getattr(ledger, self.shelf)


INVOICE = Kind(
    plural="Invoices",
    resource="Invoice",
    id_key="InvoiceID",
    number_key="InvoiceNumber",
    sales_type="ACCREC",
    purchases_type="ACCPAY",
    number_prefix="INV-",
    shelf="invoices",
    record=Invoice,
    render=render.invoice,
    no_type=messages.INVOICE_NO_TYPE,
    bad_status_for_creation=messages.INVOICE_BAD_STATUS_FOR_CREATION,
    not_modifiable=messages.INVOICE_NOT_MODIFIABLE,
    not_found_by_id=messages.INVOICE_NOT_FOUND_BY_ID,
    number_not_unique=messages.INVOICE_NUMBER_NOT_UNIQUE,
)


class _Unreadable(Exception):
    """The element cannot be read at all: Xero answers PostDataInvalidException for the request."""


def _text(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _decimal(raw: dict, key: str) -> Decimal | None:
    if raw.get(key) is None:
        return None
    try:
        return parse_decimal(raw[key])
    except WireError as exc:
        raise _Unreadable from exc


def _date(raw: dict, key: str) -> date | None:
    if raw.get(key) is None:
        return None
    try:
        return parse_date(raw[key])
    except WireError as exc:
        raise _Unreadable from exc


def _dedupe(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def find_invoice(ledger: Ledger, key: str, kind: Kind = INVOICE) -> Invoice | None:
    """By InvoiceID, or by InvoiceNumber (Xero's GET/POST /Invoices/{InvoiceID or InvoiceNumber})."""
    records = kind.records(ledger)
    found = records.get(key.strip().lower())
    if found is not None:
        return found
    matches = [inv for inv in records.values() if inv.invoice_number == key.strip()]
    live = [inv for inv in matches if inv.status != "DELETED"]
    return (live or matches or [None])[-1]


def _active_payments(ledger: Ledger, invoice: Invoice) -> bool:
    return any(ledger.payments[p].status == "AUTHORISED" for p in invoice.payment_ids if p in ledger.payments)


# ====================================================================== reading
def list_invoices(call: Call) -> Response:
    ledger = call.ledger
    ids = {i.lower() for i in parse_csv(call.query.get("ids"))}
    numbers = set(parse_csv(call.query.get("invoicenumbers")))
    contact_ids = {i.lower() for i in parse_csv(call.query.get("contactids"))}
    statuses = {s.upper() for s in parse_csv(call.query.get("statuses"))}
    search = (call.query.get("searchterm") or "").strip().lower()
    chosen = [
        inv
        for inv in ledger.invoices.values()
        if (not ids or inv.invoice_id in ids)
        and (not numbers or inv.invoice_number in numbers)
        and (not contact_ids or inv.contact_id in contact_ids)
        and (not statuses or inv.status in statuses)
        and (
            not search
            or search in (inv.invoice_number or "").lower()
            or search in (inv.reference or "").lower()
        )
    ]
    with_lines = bool(call.query.get("page") or ids or numbers) and not parse_bool(
        call.query.get("summaryonly")
    )
    rows = filter_rows(
        call, (render.invoice(inv, ledger, call.unitdp, with_lines) for inv in chosen), "Invoice"
    )
    page, pagination = paginate(call, rows)
    extra = {"pagination": pagination} if pagination else {}
    return call.ok("Invoices", page, **extra)


def get_invoice(call: Call, key: str) -> Response:
    invoice = find_invoice(call.ledger, key)
    if invoice is None:
        return not_found()
    return call.ok("Invoices", [render.invoice(invoice, call.ledger, call.unitdp)])


# ====================================================================== checking one invoice
@dataclass
class _Draft:
    document: Invoice  # the invoice, or the credit note (kind says which)
    existing: Invoice | None
    kind: Kind
    raw: dict
    errors: list[str] = field(default_factory=list)
    new_contact: Contact | None = None
    contact_echo: dict | None = None


def _resolve_contact(call: Call, draft: _Draft, raw_contact) -> None:
    ledger = call.ledger
    if not isinstance(raw_contact, dict):
        raise _Unreadable
    contact_id = _text(raw_contact, "ContactID")
    number = _text(raw_contact, "ContactNumber")
    name = _text(raw_contact, "Name")
    contact: Contact | None = None
    if contact_id:
        contact = ledger.contacts.get(contact_id.lower())
        if contact is None:
            draft.errors.append(messages.CONTACT_ID_NOT_FOUND)
            draft.contact_echo = {"ContactID": ZERO_GUID}
            return
    elif number:
        contact = next((c for c in ledger.contacts.values() if c.contact_number == number), None)
    if contact is None and name and not contact_id:
        same_name = [c for c in ledger.contacts.values() if c.name.lower() == name.lower()]
        contact = next((c for c in same_name if c.status == "ACTIVE"), same_name[0] if same_name else None)
    if contact is None:
        if not name:
            draft.errors.append(messages.CONTACT_NOT_IDENTIFIED)
            draft.contact_echo = {"ContactID": ZERO_GUID}
            return
        # Xero creates a contact it does not know by name, when the invoice is saved.
        contact = Contact(
            new_guid(),
            name,
            contact_number=number,
            updated=call.now,
            is_customer=draft.document.type in SALES_TYPES,
            is_supplier=draft.document.type not in SALES_TYPES,
        )
        draft.new_contact = contact
        draft.contact_echo = {"ContactID": contact.contact_id, "Name": name, "ContactStatus": "ACTIVE"}
    elif contact.status == "ARCHIVED":
        draft.errors.append(messages.CONTACT_ARCHIVED)
    draft.document.contact_id = contact.contact_id


def _tracking(ledger: Ledger, item: dict) -> dict[str, str] | None:
    """A line's tracking, matched to the organisation's active tracking categories and options by ID or by
    name, with Xero's IDs filled in. One that matches nothing is dropped without a word, as people report
    of Xero ("the invoice is created in Xero, but without any tracking")."""
    category_id = str(item.get("TrackingCategoryID") or "").lower()
    name = str(item.get("Name") or "").casefold()
    category = next(
        (
            c
            for c in ledger.tracking_categories
            if c.status == "ACTIVE"
            and ((category_id and c.tracking_category_id.lower() == category_id) or c.name.casefold() == name)
        ),
        None,
    )
    if category is None:
        return None
    option_id = str(item.get("TrackingOptionID") or "").lower()
    option_name = str(item.get("Option") or "").casefold()
    option = next(
        (
            o
            for o in category.options
            if o.status == "ACTIVE"
            and (
                (option_id and o.tracking_option_id.lower() == option_id) or o.name.casefold() == option_name
            )
        ),
        None,
    )
    if option is None:
        return None
    return {
        "TrackingCategoryID": category.tracking_category_id,
        "Name": category.name,
        "Option": option.name,
        "TrackingOptionID": option.tracking_option_id,
    }


def _line(call: Call, draft: _Draft, raw: dict, old_lines: dict[str, LineItem]) -> LineItem:
    ledger = call.ledger
    inv = draft.document
    errors = draft.errors
    quantity = _decimal(raw, "Quantity")
    quantity = Decimal("1") if quantity is None else quantity
    discount = _decimal(raw, "DiscountRate")
    if discount is not None and discount > 100:
        errors.append(messages.DISCOUNT_TOO_LARGE.format(rate=format(discount.normalize(), "f")))
    unit = _decimal(raw, "UnitAmount")
    given_amount = _decimal(raw, "LineAmount")
    if unit is not None:
        unit = round_money(unit, unit_places(call.unitdp))
        amount = line_amount(quantity, unit, discount)
    elif given_amount is not None:
        amount = round_money(given_amount)
        unit = round_money(amount / quantity, "0.0001") if quantity else amount
    else:
        unit, amount = Decimal("0.00"), Decimal("0.00")

    code = _text(raw, "AccountCode")
    account_id = _text(raw, "AccountID")
    account = (
        ledger.account_by_code(code)
        if code
        else (ledger.accounts.get(account_id.lower()) if account_id else None)
    )
    if (code or account_id) and account is None:
        errors.append(messages.ACCOUNT_CODE_NOT_VALID.format(code=code or account_id))
    elif account is not None:
        if account.status != "ACTIVE":
            errors.append(messages.ACCOUNT_MUST_BE_VALID)
        elif account.type == "BANK" or account.system_account in NOT_ON_DOCUMENTS:
            errors.append(messages.ACCOUNT_CODE_NOT_VALID.format(code=account.code or code or ""))

    rate = Decimal("0")
    if inv.line_amount_types == "NoTax":
        tax_type = "NONE"
    else:
        asked = _text(raw, "TaxType")
        tax_type = asked or (account.tax_type if account is not None else None)
        tax_rate = ledger.tax_rate(tax_type)
        if asked and tax_rate is None:
            errors.append(messages.TAX_TYPE_NOT_VALID.format(tax_type=asked))
        elif tax_rate is not None:
            unusable = (
                tax_rate.status != "ACTIVE"
                or (inv.type in SALES_TYPES and not tax_rate.for_sales)
                or (inv.type not in SALES_TYPES and not tax_rate.for_purchases)
                or (account is not None and account.account_class not in tax_rate.applies_to)
            )
            if unusable:
                errors.append(messages.TAX_TYPE_CANNOT_BE_USED.format(tax_type=tax_rate.tax_type))
            rate = tax_rate.rate
    tax = line_tax(amount, rate, inv.line_amount_types)
    given_tax = _decimal(raw, "TaxAmount")
    if given_tax is not None:
        if abs(given_tax) > abs(amount):
            errors.append(messages.TAX_GREATER_THAN_LINE)
        else:
            tax = round_money(given_tax)

    tracking = []
    for item in raw.get("Tracking") or []:
        if isinstance(item, dict):
            found = _tracking(ledger, item)
            if found is not None:
                tracking.append(found)
    line_id = _text(raw, "LineItemID")
    old = old_lines.get(line_id.lower()) if line_id else None
    return LineItem(
        line_item_id=old.line_item_id if old else new_guid(),
        description=_text(raw, "Description"),
        quantity=quantity,
        unit_amount=unit,
        line_amount=amount,
        tax_amount=tax,
        account_code=account.code if account is not None else code,
        tax_type=tax_type,
        discount_rate=discount,
        item_code=_text(raw, "ItemCode"),
        tracking=tracking,
    )


def _prepare(call: Call, kind: Kind, raw: dict, existing: Invoice | None, batch: list[_Draft]) -> _Draft:
    ledger = call.ledger
    org = ledger.organisation
    today = call.clock.today(org.utc_offset_minutes)
    if existing is None:
        asked = (_text(raw, "Type") or "").upper()
        types = (kind.sales_type, kind.purchases_type)
        status = (_text(raw, "Status") or "DRAFT").upper()
        invoice = kind.record(
            invoice_id=new_guid(),
            type=asked if asked in types else kind.sales_type,
            contact_id="",
            date=today,
            due_date=None,
            status=status if status in STATUSES_ON_CREATE else "DRAFT",
            line_amount_types="Exclusive",
            currency_code=org.base_currency,
        )
        draft = _Draft(invoice, None, kind, raw)
        if asked not in types:
            draft.errors.append(kind.no_type)
        if status not in STATUSES_ON_CREATE:
            draft.errors.append(kind.bad_status_for_creation)
    else:
        invoice = copy.deepcopy(existing)
        draft = _Draft(invoice, existing, kind, raw)
        wanted = (_text(raw, "Status") or existing.status).upper()
        changes_content = any(key in raw for key in CONTENT_FIELDS)
        has_payments = _active_payments(ledger, existing)
        if existing.status in ("PAID", "VOIDED", "DELETED"):
            if wanted != existing.status or changes_content:
                draft.errors.append(kind.not_modifiable)
            return draft
        if wanted not in ALLOWED_CHANGES[existing.status] or (wanted == "VOIDED" and has_payments):
            draft.errors.append(kind.not_modifiable)
            return draft
        if has_payments and changes_content:
            draft.errors.append(messages.INVOICE_HAS_PAYMENTS)
            return draft
        invoice.status = wanted

    if "LineAmountTypes" in raw:
        amount_types = LINE_AMOUNT_TYPES.get(str(raw["LineAmountTypes"]).strip().lower())
        if amount_types is None:
            raise _Unreadable
        invoice.line_amount_types = amount_types
    if "Contact" in raw:
        _resolve_contact(call, draft, raw["Contact"])
    elif existing is None:
        draft.errors.append(messages.INVOICE_NO_CONTACT)
        draft.contact_echo = {"ContactID": ZERO_GUID}
    invoice.date = _date(raw, "Date") or invoice.date
    if "DueDate" in raw:
        invoice.due_date = _date(raw, "DueDate")
    if "Reference" in raw:
        invoice.reference = _text(raw, "Reference")
    if kind.number_key in raw:
        invoice.invoice_number = _text(raw, kind.number_key)
    if "SentToContact" in raw and isinstance(raw["SentToContact"], bool):
        invoice.sent_to_contact = raw["SentToContact"]
    code = (_text(raw, "CurrencyCode") or invoice.currency_code).upper()
    if code != org.base_currency and code not in {c.code for c in ledger.currencies}:
        draft.errors.append(messages.CURRENCY_NOT_SUBSCRIBED.format(code=code))
    else:
        invoice.currency_code = code
    rate = _decimal(raw, "CurrencyRate")
    if rate is not None and rate > 0:
        invoice.currency_rate = rate

    if "LineItems" in raw or existing is None:
        raw_lines = raw.get("LineItems") or []
        if not isinstance(raw_lines, list) or not all(isinstance(line, dict) for line in raw_lines):
            raise _Unreadable
        old_lines = {line.line_item_id: line for line in (existing.line_items if existing else [])}
        invoice.line_items = [_line(call, draft, line, old_lines) for line in raw_lines]
        if not invoice.line_items:
            draft.errors.append(messages.INVOICE_NO_LINES)
    invoice.sub_total, invoice.total_tax, invoice.total = invoice_totals(
        ((line.line_amount, line.tax_amount) for line in invoice.line_items), invoice.line_amount_types
    )
    sent_total = _decimal(raw, "Total")
    if sent_total is not None and round_money(sent_total) != invoice.total:
        draft.errors.append(messages.INVOICE_TOTAL_MISMATCH)
    if invoice.status in ("SUBMITTED", "AUTHORISED") and any(
        not line.account_code for line in invoice.line_items
    ):
        draft.errors.append(messages.ACCOUNT_CODE_MISSING)

    _check_number(call, draft, batch)
    _check_lock_dates(draft, org)
    _check_plan_limit(call, draft, batch)
    draft.errors = _dedupe(draft.errors)
    return draft


def _check_number(call: Call, draft: _Draft, batch: list[_Draft]) -> None:
    invoice, kind = draft.document, draft.kind
    if invoice.type != kind.sales_type:
        return
    others = [i for i in kind.records(call.ledger).values() if i.invoice_id != invoice.invoice_id]
    others += [d.document for d in batch if not d.errors and d.document.invoice_id != invoice.invoice_id]
    taken = {
        (i.invoice_number or "").lower()
        for i in others
        if i.type == kind.sales_type and i.status != "DELETED"
    }
    if not invoice.invoice_number:
        counter = len(others) + 1
        while f"{kind.number_prefix}{counter:04d}".lower() in taken:
            counter += 1
        invoice.invoice_number = f"{kind.number_prefix}{counter:04d}"
    elif invoice.invoice_number.lower() in taken:
        draft.errors.append(kind.number_not_unique)


def _check_lock_dates(draft: _Draft, org) -> None:
    invoice, existing = draft.document, draft.existing
    period, year_end = org.period_lock_date, org.end_of_year_lock_date
    if existing is None:
        if invoice.status != "AUTHORISED":
            return  # drafts may be dated in a locked period
        lock = max((d for d in (period, year_end) if d is not None), default=None)
        if lock is not None and invoice.date <= lock:
            draft.errors.append(messages.PERIOD_LOCKED.format(lock_date=messages.lock_date_text(lock)))
        return
    posted = existing.status == "AUTHORISED" or invoice.status in ("AUTHORISED", "VOIDED")
    if not posted or (invoice.status == existing.status and not any(k in draft.raw for k in CONTENT_FIELDS)):
        return
    for day in {existing.date, invoice.date}:
        if year_end is not None and day <= year_end:
            draft.errors.append(messages.END_OF_YEAR_LOCKED)
            return
        if period is not None and day <= period:
            draft.errors.append(messages.PERIOD_LOCKED.format(lock_date=messages.lock_date_text(period)))
            return


def _check_plan_limit(call: Call, draft: _Draft, batch: list[_Draft]) -> None:
    invoice = draft.document
    limit = call.ledger.organisation.approved_invoice_limit
    if limit is None or invoice.type != "ACCREC" or invoice.status != "AUTHORISED":
        return
    if draft.existing is not None and draft.existing.status in APPROVED:
        return
    month = (invoice.date.year, invoice.date.month)
    approved = [
        i
        for i in [*call.ledger.invoices.values(), *(d.document for d in batch if not d.errors)]
        if i.invoice_id != invoice.invoice_id
        and i.type == "ACCREC"
        and i.status in APPROVED
        and (i.date.year, i.date.month) == month
    ]
    if len(approved) >= limit:
        draft.errors.append(messages.APPROVED_INVOICE_LIMIT)


# ====================================================================== answering and saving
def _echo(call: Call, draft: _Draft, summarize: bool) -> dict:
    body = draft.kind.render(draft.document, call.ledger, call.unitdp)
    if draft.existing is None:
        body[draft.kind.id_key] = ZERO_GUID
    if draft.contact_echo is not None:
        body["Contact"] = draft.contact_echo
    body["HasErrors"] = True
    body["ValidationErrors"] = [{"Message": text} for text in draft.errors]
    if not summarize:
        body["StatusAttributeString"] = "ERROR"
    return body


def _finish(call: Call, kind: Kind, drafts: list[_Draft], summarize: bool) -> Response:
    failed = [d for d in drafts if d.errors]
    if failed and summarize:
        return validation_exception([_echo(call, d, True) for d in failed])
    rows = []
    for draft in drafts:
        if draft.errors:
            rows.append(_echo(call, draft, False))
            continue
        if draft.new_contact is not None:
            call.ledger.contacts[draft.new_contact.contact_id] = draft.new_contact
        draft.document.updated = call.now
        kind.records(call.ledger)[draft.document.invoice_id] = draft.document
        row = kind.render(draft.document, call.ledger, call.unitdp)
        if not summarize:
            row["StatusAttributeString"] = "OK"
        rows.append(row)
    return json_response(200, envelope(call.settings.app_name, call.now, kind.plural, rows))


def save_invoices(call: Call, create_only: bool, kind: Kind = INVOICE) -> Response:
    """PUT /Invoices creates; POST /Invoices updates those found by InvoiceID or InvoiceNumber, or creates.

    The same for credit notes (``kind``): PUT/POST /CreditNotes by CreditNoteID or CreditNoteNumber.
    """
    elements = call.read_json(kind.plural, kind.resource)
    if isinstance(elements, Response):
        return elements
    records = kind.records(call.ledger)
    drafts: list[_Draft] = []
    try:
        for raw in elements:
            existing = None
            if not create_only:
                invoice_id = _text(raw, kind.id_key)
                if invoice_id:
                    existing = records.get(invoice_id.lower())
                    if existing is None:
                        draft = _Draft(
                            kind.record(
                                ZERO_GUID,
                                kind.sales_type,
                                "",
                                call.clock.today(),
                                None,
                                "DRAFT",
                                "Exclusive",
                                call.ledger.organisation.base_currency,
                            ),
                            None,
                            kind,
                            raw,
                            [kind.not_found_by_id],
                            contact_echo={"ContactID": ZERO_GUID},
                        )
                        drafts.append(draft)
                        continue
                elif _text(raw, kind.number_key):
                    number = _text(raw, kind.number_key)
                    existing = next(
                        (
                            i
                            for i in records.values()
                            if i.invoice_number == number
                            and i.type == kind.sales_type
                            and i.status != "DELETED"
                        ),
                        None,
                    )
            drafts.append(_prepare(call, kind, raw, existing, drafts))
    except _Unreadable:
        return post_data_invalid()
    return _finish(call, kind, drafts, call.summarize_errors)


def update_invoice(call: Call, key: str, kind: Kind = INVOICE) -> Response:
    """POST /Invoices/{InvoiceID or InvoiceNumber}: change one invoice (approve, void, delete, edit).

    The same for one credit note (``kind``): POST /CreditNotes/{CreditNoteID or CreditNoteNumber}.
    """
    existing = find_invoice(call.ledger, key, kind)
    if existing is None:
        return not_found()
    elements = call.read_json(kind.plural, kind.resource)
    if isinstance(elements, Response):
        return elements
    try:
        draft = _prepare(call, kind, elements[0], existing, [])
    except _Unreadable:
        return post_data_invalid()
    return _finish(call, kind, [draft], True)
