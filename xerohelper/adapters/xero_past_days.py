"""What Xero holds of the days already posted: the sales invoices and credit notes dated since a day, with
the payments on each — read to rebuild the journal after it was set aside (services/journal_rebuild.py),
and a month's invoices for the calendar (services/days_in_xero.py).

Paged reads (100 a page) with Xero's own filter, `where=Type=="ACCREC" AND Date>=DateTime(y,m,d)` on GET
Invoices (ACCRECCREDIT on GET CreditNotes), oldest first. Not by contact: the shop may have changed its
sales contact since; the invoice numbers say which documents are the days (services/journal_rebuild.py).
A paged list carries each document's live payments (PaymentID, Amount, Reference), so no call per
document is needed. Answers come back as core types
(InvoiceFacts) with their dates; Xero's refusals as PastDaysNotRead (services/explaining has the words).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xero_python.exceptions import ApiException

from xerohelper.adapters.xero_api import XeroApi
from xerohelper.adapters.xero_pacing import DailyLimitReached, XeroPacer
from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.money import ZERO, money

PAGE_SIZE = 100
MAX_PAGES = 50  # 5,000 documents: far more than a few months of daily summaries


class PastDaysNotRead(Exception):
    """Xero refused (or limited) the reads; `error` is what the SDK raised, for the explanation."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class PastPayment:
    payment_id: str
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class PastDocument:
    """One sales invoice or credit note as Xero holds it, with its date and its live payments."""

    facts: InvoiceFacts
    document_date: date
    payments: tuple[PastPayment, ...]


class XeroPastDays:
    def __init__(
        self, api: XeroApi, tenant_id: str, pacer: XeroPacer, cancel: threading.Event | None = None
    ) -> None:
        self.api = api
        self.tenant_id = tenant_id
        self.pacer = pacer
        self.cancel = cancel  # this reader's Cancel: set, its waits for Xero stop (Cancelled)

    def sales_invoices(self, since: date, until: date | None = None) -> list[PastDocument]:
        """Every sales invoice (ACCREC) dated on or after `since` (and on or before `until`, when given)."""
        return [
            _document(inv, inv.invoice_id, inv.invoice_number, inv.amount_due)
            for inv in self._pages("read past invoices", "get_invoices", "invoices", since, "ACCREC", until)
        ]

    def sales_credit_notes(self, since: date) -> list[PastDocument]:
        """Every sales credit note (ACCRECCREDIT) dated on or after `since`."""
        return [
            _document(note, note.credit_note_id, note.credit_note_number, note.remaining_credit)
            for note in self._pages(
                "read past credit notes", "get_credit_notes", "credit_notes", since, "ACCRECCREDIT"
            )
        ]

    def _pages(
        self, what: str, method: str, plural: str, since: date, kind: str, until: date | None = None
    ) -> Iterator:
        where = f'Type=="{kind}" AND Date>={_date_time(since)}'
        if until is not None:
            where += f" AND Date<={_date_time(until)}"
        call = getattr(self.api.accounting, method)
        for page in range(1, MAX_PAGES + 1):
            answer = self._run(what, call, where=where, order="Date ASC", page=page, page_size=PAGE_SIZE)
            items = getattr(answer, plural, None) or []
            yield from items
            if len(items) < PAGE_SIZE:
                return

    def _run(self, what: str, method: Callable, **kwargs):
        try:
            return self.pacer.run(
                lambda: self.api.call(method, self.tenant_id, _return_http_data_only=False, **kwargs),
                what,
                self.cancel,
            )
        except (DailyLimitReached, ApiException) as err:
            raise PastDaysNotRead(err) from err


def _document(item, document_id, number, left) -> PastDocument:
    return PastDocument(
        facts=InvoiceFacts(
            invoice_id=str(document_id),
            number=str(number or ""),
            status=_enum(item.status),
            total=_money(item.total),
            amount_due=_money(left),
        ),
        document_date=_date(item.date),
        payments=tuple(
            PastPayment(
                payment_id=str(p.payment_id),
                amount=_money(p.amount),
                reference=str(p.reference or ""),
            )
            for p in (getattr(item, "payments", None) or [])
            if _enum(getattr(p, "status", "")) != "DELETED"
        ),
    )


def _date_time(day: date) -> str:
    """A date as Xero's where-expressions write it: DateTime(2026, 12, 01)."""
    return f"DateTime({day.year}, {day.month:02d}, {day.day:02d})"


def _money(value) -> Decimal:
    return money(Decimal(str(value if value is not None else ZERO)))


def _date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _enum(value) -> str:
    return str(getattr(value, "value", value) or "")
