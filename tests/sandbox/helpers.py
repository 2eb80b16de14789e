"""Small builders shared by the sandbox tests: the day's invoice, payments, and Xero's error messages."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from xero_python.accounting import (
    Account,
    Contact,
    Invoice,
    Invoices,
    LineAmountTypes,
    LineItem,
    Payment,
    Payments,
)
from xero_python.exceptions import AccountingBadRequestException

HARBOUR = "Harbour Street Hardware"


def line(
    amount: str, account: str = "200", tax: str | None = "OUTPUT", description: str = "Till sales"
) -> LineItem:
    return LineItem(
        description=description,
        quantity=Decimal("1"),
        unit_amount=Decimal(amount),
        account_code=account,
        tax_type=tax,
    )


def day_invoice(
    contact_id: str,
    number: str,
    lines: list[LineItem] | None = None,
    status: str = "DRAFT",
    day: date | None = None,
    inclusive: bool = True,
    **extra,
) -> Invoice:
    day = day or date.today()
    return Invoice(
        type="ACCREC",
        contact=Contact(contact_id=contact_id),
        date=day,
        due_date=day,
        invoice_number=number,
        reference="Z-report",
        line_amount_types=LineAmountTypes.INCLUSIVE if inclusive else LineAmountTypes.EXCLUSIVE,
        status=status,
        line_items=lines if lines is not None else [line("110.00")],
        **extra,
    )


def payment(
    invoice_id: str, amount: str, account_code: str = "090", day: date | None = None, **extra
) -> Payment:
    return Payment(
        invoice=Invoice(invoice_id=invoice_id),
        account=Account(code=account_code),
        date=day or date.today(),
        amount=Decimal(amount),
        **extra,
    )


def payments(*items: Payment) -> Payments:
    return Payments(payments=list(items))


def invoices(*items: Invoice) -> Invoices:
    return Invoices(invoices=list(items))


def refused(call, *args, **kwargs) -> list[str]:
    """Xero's validation messages from a call that must fail with a 400 ValidationException."""
    with pytest.raises(AccountingBadRequestException) as failure:
        call(*args, **kwargs)
    body = failure.value.error_data
    assert body["ErrorNumber"] == 10
    assert body["Type"] == "ValidationException"
    assert body["Message"] == "A validation exception occurred"
    return [error["Message"] for element in body["Elements"] for error in element["ValidationErrors"]]


def raw_json(response_bytes: bytes) -> dict:
    return json.loads(response_bytes)
