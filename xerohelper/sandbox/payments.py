"""Payments: list, get, create (one, or a batch with summarizeErrors), delete — with Xero's rules.

A payment needs an invoice that exists and is AUTHORISED (not yet paid), an account that exists, is
active, has a code and accepts payments (a bank account, or one with "Enable payments to this account"),
an amount above zero and no more than what is still owed (payments earlier in the same batch count), and
a date after the lock dates. When the invoice's AmountDue reaches zero it becomes PAID. Deleting a payment
puts the amount back on the invoice (PAID → AUTHORISED).

A refund is a payment against a credit note (``"CreditNote": {"CreditNoteID"}`` or ``CreditNoteNumber``
instead of ``Invoice``): money paid out of the account to the customer. The same rules apply with the
credit note's RemainingCredit in place of AmountDue; its PaymentType is ARCREDITPAYMENT (APCREDITPAYMENT
for a supplier's credit note), a fully refunded credit note becomes PAID, and deleting the refund gives
the credit back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
from xerohelper.sandbox.store import Account, CreditNote, Invoice, Payment
from xerohelper.sandbox.xero_wire import (
    ZERO_GUID,
    WireError,
    envelope,
    new_guid,
    parse_date,
    parse_decimal,
    round_money,
)

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _text(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def list_payments(call: Call) -> Response:
    ledger = call.ledger
    rows = filter_rows(call, (render.payment(p, ledger) for p in ledger.payments.values()), "Payment")
    page, pagination = paginate(call, rows)
    extra = {"pagination": pagination} if pagination else {}
    return call.ok("Payments", page, **extra)


def get_payment(call: Call, payment_id: str) -> Response:
    payment = call.ledger.payments.get(payment_id.strip().lower())
    return call.ok("Payments", [render.payment(payment, call.ledger)]) if payment else not_found()


class _Unreadable(Exception):
    """An element that cannot be read at all: Xero answers PostDataInvalidException."""


@dataclass
class _Draft:
    payment: Payment
    document: Invoice | None  # the invoice paid, or the credit note refunded
    account: Account | None
    raw: dict
    errors: list[str] = field(default_factory=list)


def _lock_date(call: Call):
    org = call.ledger.organisation
    return max((d for d in (org.period_lock_date, org.end_of_year_lock_date) if d is not None), default=None)


def _refunds_credit_note(raw: dict) -> bool:
    return isinstance(raw.get("CreditNote"), dict) or bool(_text(raw, "CreditNoteNumber"))


def _document(call: Call, raw: dict, errors: list[str]) -> Invoice | None:
    """The invoice to pay or the credit note to refund, with what Xero says when it cannot be paid."""
    refund = _refunds_credit_note(raw)
    if refund:
        shelf, key, id_key, number_key = (
            call.ledger.credit_notes,
            "CreditNote",
            "CreditNoteID",
            "CreditNoteNumber",
        )
    else:
        shelf, key, id_key, number_key = call.ledger.invoices, "Invoice", "InvoiceID", "InvoiceNumber"
    raw_document = raw.get(key) if isinstance(raw.get(key), dict) else {}
    document_id = _text(raw_document, id_key)
    number = _text(raw_document, number_key) or _text(raw, number_key)
    document = None
    if document_id:
        document = shelf.get(document_id.lower())
    elif number:
        matches = [d for d in shelf.values() if d.invoice_number == number and d.status != "DELETED"]
        document = matches[-1] if matches else None
    if document is None:
        errors.append(
            messages.PAYMENT_CREDIT_NOTE_NOT_FOUND if refund else messages.PAYMENT_INVOICE_NOT_FOUND
        )
    elif document.status == "PAID" and not refund:
        errors.append(messages.PAYMENT_ALREADY_PAID)
    elif document.status != "AUTHORISED":
        errors.append(messages.PAYMENT_NOT_AUTHORISED)
    return document


def _payment_type(document: Invoice | None) -> str:
    kind = document.type if document is not None else "ACCREC"
    return {
        "ACCPAY": "ACCPAYPAYMENT",
        "ACCRECCREDIT": "ARCREDITPAYMENT",
        "ACCPAYCREDIT": "APCREDITPAYMENT",
    }.get(kind, "ACCRECPAYMENT")


def _prepare(call: Call, raw: dict, applied: dict[str, Decimal]) -> _Draft:
    ledger = call.ledger
    errors: list[str] = []
    invoice = _document(call, raw, errors)

    raw_account = raw.get("Account") if isinstance(raw.get("Account"), dict) else {}
    account_id = _text(raw_account, "AccountID")
    code = _text(raw_account, "Code") or _text(raw, "Code")
    account = None
    if account_id:
        account = ledger.accounts.get(account_id.lower())
        if account is None:
            errors.append(messages.ACCOUNT_NOT_FOUND)
        elif account.code is None:
            errors.append(messages.ACCOUNT_HAS_NO_CODE)
    elif code:
        account = ledger.account_by_code(code)
        if account is None:
            errors.append(messages.ACCOUNT_NOT_FOUND)
    else:
        errors.append(messages.ACCOUNT_NOT_FOUND)
    if account is not None and (account.status != "ACTIVE" or not account.accepts_payments):
        errors.append(messages.ACCOUNT_MUST_BE_VALID)

    try:
        amount = (
            round_money(parse_decimal(raw["Amount"])) if raw.get("Amount") is not None else Decimal("0.00")
        )
        day = parse_date(raw["Date"]) if raw.get("Date") is not None else None
    except WireError as exc:
        raise _Unreadable from exc
    day = day or call.clock.today(ledger.organisation.utc_offset_minutes)
    if amount <= 0:
        errors.append(messages.PAYMENT_AMOUNT_NOT_POSITIVE)
    elif invoice is not None and invoice.status == "AUTHORISED":
        outstanding = invoice.amount_due - applied.get(invoice.invoice_id, Decimal("0"))
        if amount > outstanding:
            errors.append(messages.PAYMENT_EXCEEDS_OUTSTANDING)
    lock = _lock_date(call)
    if lock is not None and day <= lock:
        errors.append(messages.PERIOD_LOCKED.format(lock_date=messages.lock_date_text(lock)))

    rate = raw.get("CurrencyRate")
    refunded = invoice if isinstance(invoice, CreditNote) else None
    payment = Payment(
        payment_id=new_guid(),
        invoice_id=invoice.invoice_id if invoice is not None and refunded is None else "",
        credit_note_id=refunded.invoice_id if refunded is not None else None,
        account_id=account.account_id if account else "",
        date=day,
        amount=amount,
        reference=_text(raw, "Reference"),
        payment_type=_payment_type(invoice),
        currency_rate=Decimal(str(rate)) if isinstance(rate, (int, float)) and rate > 0 else Decimal("1"),
        is_reconciled=raw.get("IsReconciled") is True,
        updated=call.now,
    )
    return _Draft(payment, invoice, account, raw, list(dict.fromkeys(errors)))


def _echo(call: Call, draft: _Draft, summarize: bool) -> dict:
    body = render.payment(draft.payment, call.ledger)
    body["PaymentID"] = ZERO_GUID
    if draft.account is None:
        code = (
            _text(draft.raw.get("Account") or {}, "Code")
            if isinstance(draft.raw.get("Account"), dict)
            else None
        )
        body["HasAccount"] = False
        if code:
            body["Account"] = {"Code": code}
    if draft.document is None:
        key = "CreditNote" if _refunds_credit_note(draft.raw) else "Invoice"
        raw_document = draft.raw.get(key) if isinstance(draft.raw.get(key), dict) else {}
        number = _text(raw_document, f"{key}Number") or _text(draft.raw, f"{key}Number")
        shown = {f"{key}Number": number} if number else {}
        raw_id = _text(raw_document, f"{key}ID")
        if raw_id and _GUID.match(raw_id):
            shown[f"{key}ID"] = raw_id
        if shown:
            body[key] = shown
    body["HasValidationErrors"] = True
    body["ValidationErrors"] = [{"Message": text} for text in draft.errors]
    if not summarize:
        body["StatusAttributeString"] = "ERROR"
    return body


def _apply(call: Call, draft: _Draft) -> None:
    payment, invoice = draft.payment, draft.document
    call.ledger.payments[payment.payment_id] = payment
    invoice.payment_ids.append(payment.payment_id)
    invoice.amount_paid += payment.amount
    if invoice.amount_due <= 0:
        invoice.status = "PAID"
        invoice.fully_paid_on = max(
            call.ledger.payments[p].date
            for p in invoice.payment_ids
            if call.ledger.payments[p].status == "AUTHORISED"
        )
    invoice.updated = call.now


def create_payments(call: Call) -> Response:
    """PUT /Payments (a batch; summarizeErrors) and POST /Payments (one payment, or a batch)."""
    elements = call.read_json("Payments", "Payment")
    if isinstance(elements, Response):
        return elements
    summarize = call.summarize_errors
    applied: dict[str, Decimal] = {}
    drafts: list[_Draft] = []
    try:
        for raw in elements:
            draft = _prepare(call, raw, applied)
            if not draft.errors:
                key = draft.document.invoice_id
                applied[key] = applied.get(key, Decimal("0")) + draft.payment.amount
            drafts.append(draft)
    except _Unreadable:
        return post_data_invalid()
    failed = [d for d in drafts if d.errors]
    if failed and summarize:
        return validation_exception([_echo(call, d, True) for d in failed])
    rows = []
    for draft in drafts:
        if draft.errors:
            rows.append(_echo(call, draft, False))
            continue
        _apply(call, draft)
        row = render.payment(draft.payment, call.ledger)
        if not summarize:
            row["StatusAttributeString"] = "OK"
        rows.append(row)
    return json_response(200, envelope(call.settings.app_name, call.now, "Payments", rows))


def delete_payment(call: Call, payment_id: str) -> Response:
    """POST /Payments/{PaymentID} with ``{"Status": "DELETED"}``."""
    payment = call.ledger.payments.get(payment_id.strip().lower())
    if payment is None:
        return not_found()
    elements = call.read_json("Payments", "Payment")
    if isinstance(elements, Response):
        return elements
    wanted = (_text(elements[0], "Status") or "").upper()
    errors: list[str] = []
    if wanted == "DELETED" and payment.status != "DELETED":
        if payment.batch_payment_id:
            errors.append(messages.PAYMENT_IN_BATCH)
        lock = _lock_date(call)
        if lock is not None and payment.date <= lock:
            errors.append(messages.PERIOD_LOCKED.format(lock_date=messages.lock_date_text(lock)))
        if errors:
            body = render.payment(payment, call.ledger)
            body["HasValidationErrors"] = True
            body["ValidationErrors"] = [{"Message": text} for text in errors]
            return validation_exception([body])
        payment.status = "DELETED"
        payment.updated = call.now
        invoice = call.ledger.invoices.get(payment.invoice_id) or call.ledger.credit_notes.get(
            payment.credit_note_id or ""
        )
        if invoice is not None:
            invoice.amount_paid -= payment.amount
            if invoice.status == "PAID":
                invoice.status = "AUTHORISED"
                invoice.fully_paid_on = None
            invoice.updated = call.now
    return json_response(
        200, envelope(call.settings.app_name, call.now, "Payments", [render.payment(payment, call.ledger)])
    )
