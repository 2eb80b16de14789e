"""Credit notes: list, get, create, update, status changes — the invoice rules under a credit note's names.

A credit note is checked exactly as an invoice is (invoices.py does both, told by ``CREDIT_NOTE`` which
names and words to use): lines, accounts, tax, totals, contact (archived refused), lock dates, status
changes (DRAFT → SUBMITTED / AUTHORISED / DELETED, SUBMITTED → DRAFT / AUTHORISED / DELETED,
AUTHORISED → VOIDED while no refund is applied), and a CreditNoteNumber unique among the organisation's
sales credit notes (Xero numbers it CN-0001… when none is sent). PAID comes only from refunds
(payments.py): RemainingCredit is Total less the refunds.

Lists (``where``, ``order``, ``page``/``pageSize``, ``If-Modified-Since``) give line items when paging,
as Xero's docs for GET /CreditNotes say; a plain list leaves them out. Not here: allocating a credit note
to an invoice (``PUT /CreditNotes/{id}/Allocations``), attachments, history, PDFs.
"""

from __future__ import annotations

from xerohelper.sandbox import messages, render
from xerohelper.sandbox.accounting import Call, filter_rows, paginate
from xerohelper.sandbox.invoices import Kind, find_invoice, save_invoices, update_invoice
from xerohelper.sandbox.responses import Response, not_found
from xerohelper.sandbox.store import CreditNote
from xerohelper.sandbox.xero_wire import parse_bool

CREDIT_NOTE = Kind(
    plural="CreditNotes",
    resource="CreditNote",
    id_key="CreditNoteID",
    number_key="CreditNoteNumber",
    sales_type="ACCRECCREDIT",
    purchases_type="ACCPAYCREDIT",
    number_prefix="CN-",
    shelf="credit_notes",
    record=CreditNote,
    render=render.credit_note,
    no_type=messages.CREDIT_NOTE_NO_TYPE,
    bad_status_for_creation=messages.CREDIT_NOTE_BAD_STATUS_FOR_CREATION,
    not_modifiable=messages.CREDIT_NOTE_NOT_MODIFIABLE,
    not_found_by_id=messages.CREDIT_NOTE_NOT_FOUND_BY_ID,
    number_not_unique=messages.CREDIT_NOTE_NUMBER_NOT_UNIQUE,
)


def find_credit_note(ledger, key: str) -> CreditNote | None:
    """By CreditNoteID, or by CreditNoteNumber."""
    return find_invoice(ledger, key, CREDIT_NOTE)


def list_credit_notes(call: Call) -> Response:
    ledger = call.ledger
    with_lines = bool(call.query.get("page")) and not parse_bool(call.query.get("summaryonly"))
    rows = filter_rows(
        call,
        (render.credit_note(note, ledger, call.unitdp, with_lines) for note in ledger.credit_notes.values()),
        "CreditNote",
    )
    page, pagination = paginate(call, rows)
    extra = {"pagination": pagination} if pagination else {}
    return call.ok("CreditNotes", page, **extra)


def get_credit_note(call: Call, key: str) -> Response:
    note = find_credit_note(call.ledger, key)
    if note is None:
        return not_found()
    return call.ok("CreditNotes", [render.credit_note(note, call.ledger, call.unitdp)])


def save_credit_notes(call: Call, create_only: bool) -> Response:
    """PUT /CreditNotes creates; POST /CreditNotes updates by CreditNoteID or CreditNoteNumber, or creates."""
    return save_invoices(call, create_only, CREDIT_NOTE)


def update_credit_note(call: Call, key: str) -> Response:
    """POST /CreditNotes/{CreditNoteID}: approve, void, delete or edit one credit note."""
    return update_invoice(call, key, CREDIT_NOTE)
