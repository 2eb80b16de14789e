"""The sandbox's records as Xero writes them on the wire (PascalCase keys, omitted nulls, /Date()/ dates).

Only values the SDK accepts are sent (reference/xero-enum-constraints.txt); lists are ``[]`` rather
than missing where Xero always sends them.
"""

from __future__ import annotations

from decimal import Decimal

from xerohelper.sandbox.store import (
    Account,
    Contact,
    CreditNote,
    Currency,
    Invoice,
    Ledger,
    LineItem,
    Organisation,
    Payment,
    TaxRate,
    TrackingCategory,
)
from xerohelper.sandbox.xero_wire import (
    compact,
    iso_date_string,
    iso_utc_string,
    ms_date,
    ms_datetime,
    ms_timestamp,
    round_money,
)

# Fields a where clause may name, per resource (Xero answers QueryParseException for anything else).
FIELDS = {
    "Organisation": set(),
    "Account": {
        "AccountID",
        "Code",
        "Name",
        "Type",
        "TaxType",
        "Status",
        "Description",
        "BankAccountNumber",
        "BankAccountType",
        "CurrencyCode",
        "EnablePaymentsToAccount",
        "ShowInExpenseClaims",
        "Class",
        "SystemAccount",
        "ReportingCode",
        "ReportingCodeName",
        "HasAttachments",
        "UpdatedDateUTC",
    },
    "TaxRate": {
        "Name",
        "TaxType",
        "ReportTaxType",
        "Status",
        "CanApplyToAssets",
        "CanApplyToEquity",
        "CanApplyToExpenses",
        "CanApplyToLiabilities",
        "CanApplyToRevenue",
        "DisplayTaxRate",
        "EffectiveRate",
        "TaxComponents",
    },
    "TrackingCategory": {"TrackingCategoryID", "Name", "Status", "Options"},
    "Currency": {"Code", "Description"},
    "Contact": {
        "ContactID",
        "ContactNumber",
        "AccountNumber",
        "ContactStatus",
        "Name",
        "FirstName",
        "LastName",
        "EmailAddress",
        "IsSupplier",
        "IsCustomer",
        "DefaultCurrency",
        "UpdatedDateUTC",
        "HasAttachments",
        "CompanyNumber",
        "TaxNumber",
    },
    "Invoice": {
        "Type",
        "InvoiceID",
        "InvoiceNumber",
        "Reference",
        "AmountDue",
        "AmountPaid",
        "AmountCredited",
        "SentToContact",
        "CurrencyRate",
        "IsDiscounted",
        "HasAttachments",
        "HasErrors",
        "Contact",
        "Date",
        "DueDate",
        "Status",
        "LineAmountTypes",
        "SubTotal",
        "TotalTax",
        "Total",
        "UpdatedDateUTC",
        "CurrencyCode",
        "FullyPaidOnDate",
        "DateString",
        "DueDateString",
    },
    "CreditNote": {
        "Type",
        "CreditNoteID",
        "CreditNoteNumber",
        "Reference",
        "Contact",
        "Date",
        "DueDate",
        "Status",
        "LineAmountTypes",
        "SubTotal",
        "TotalTax",
        "Total",
        "RemainingCredit",
        "SentToContact",
        "CurrencyCode",
        "CurrencyRate",
        "FullyPaidOnDate",
        "HasAttachments",
        "HasErrors",
        "UpdatedDateUTC",
        "DateString",
    },
    "Payment": {
        "PaymentID",
        "Date",
        "BankAmount",
        "Amount",
        "Reference",
        "CurrencyRate",
        "PaymentType",
        "Status",
        "UpdatedDateUTC",
        "HasAccount",
        "IsReconciled",
        "Account",
        "Invoice",
        "HasValidationErrors",
    },
}


def money(value: Decimal) -> Decimal:
    return round_money(value)


def organisation(org: Organisation) -> dict:
    return compact(
        {
            "OrganisationID": org.organisation_id,
            "Name": org.name,
            "LegalName": org.legal_name or org.name,
            "PaysTax": org.pays_tax,
            "Version": org.version,
            "OrganisationType": org.organisation_type,
            "BaseCurrency": org.base_currency,
            "CountryCode": org.country_code,
            "IsDemoCompany": org.is_demo_company,
            "OrganisationStatus": "ACTIVE",
            "TaxNumber": org.tax_number or None,
            "FinancialYearEndDay": org.financial_year_end_day,
            "FinancialYearEndMonth": org.financial_year_end_month,
            "SalesTaxBasis": org.sales_tax_basis,
            "SalesTaxPeriod": org.sales_tax_period,
            "DefaultSalesTax": "Tax Inclusive",
            "DefaultPurchasesTax": "Tax Inclusive",
            "PeriodLockDate": ms_date(org.period_lock_date) if org.period_lock_date else None,
            "EndOfYearLockDate": ms_date(org.end_of_year_lock_date) if org.end_of_year_lock_date else None,
            "CreatedDateUTC": ms_timestamp(org.created),
            "OrganisationEntityType": org.organisation_type,
            "Timezone": org.timezone,
            "ShortCode": org.short_code,
            "Edition": "BUSINESS",
            "Class": org.plan,
            "Addresses": [],
            "Phones": [],
            "ExternalLinks": [],
            "PaymentTerms": {},
        }
    )


def account(acc: Account) -> dict:
    return compact(
        {
            "AccountID": acc.account_id,
            "Code": acc.code,
            "Name": acc.name,
            "Status": acc.status,
            "Type": acc.type,
            "TaxType": acc.tax_type,
            "Description": acc.description,
            "Class": acc.account_class,
            "SystemAccount": acc.system_account,
            "EnablePaymentsToAccount": acc.enable_payments_to_account,
            "ShowInExpenseClaims": acc.show_in_expense_claims,
            "BankAccountNumber": acc.bank_account_number,
            "BankAccountType": acc.bank_account_type if acc.type == "BANK" else "",
            "CurrencyCode": acc.currency_code,
            "ReportingCode": acc.reporting_code,
            "HasAttachments": False,
            "UpdatedDateUTC": ms_datetime(acc.updated),
            "AddToWatchlist": False,
        }
    )


def tax_rate(rate: TaxRate) -> dict:
    applies = set(rate.applies_to)
    return {
        "Name": rate.name,
        "TaxType": rate.tax_type,
        "ReportTaxType": rate.report_tax_type,
        "CanApplyToAssets": "ASSET" in applies,
        "CanApplyToEquity": "EQUITY" in applies,
        "CanApplyToExpenses": "EXPENSE" in applies,
        "CanApplyToLiabilities": "LIABILITY" in applies,
        "CanApplyToRevenue": "REVENUE" in applies,
        "DisplayTaxRate": rate.rate,
        "EffectiveRate": rate.rate,
        "Status": rate.status,
        "TaxComponents": [
            {"Name": rate.component_name, "Rate": rate.rate, "IsCompound": False, "IsNonRecoverable": False}
        ],
    }


def tracking_category(category: TrackingCategory, include_archived: bool) -> dict:
    options = [
        {"TrackingOptionID": o.tracking_option_id, "Name": o.name, "Status": o.status}
        for o in category.options
        if include_archived or o.status == "ACTIVE"
    ]
    return {
        "TrackingCategoryID": category.tracking_category_id,
        "Name": category.name,
        "Status": category.status,
        "Options": options,
    }


def currency(cur: Currency) -> dict:
    return {"Code": cur.code, "Description": cur.description}


def contact(person: Contact, summary: bool = False) -> dict:
    body = compact(
        {
            "ContactID": person.contact_id,
            "ContactNumber": person.contact_number,
            "AccountNumber": person.account_number,
            "ContactStatus": person.status,
            "Name": person.name,
            "FirstName": person.first_name,
            "LastName": person.last_name,
            "EmailAddress": person.email_address,
            "DefaultCurrency": person.default_currency,
            "UpdatedDateUTC": ms_datetime(person.updated),
            "IsSupplier": person.is_supplier,
            "IsCustomer": person.is_customer,
            "HasAttachments": False,
            "HasValidationErrors": False,
        }
    )
    if not summary:
        body["BankAccountDetails"] = ""
        body["Addresses"] = [{"AddressType": "STREET"}, {"AddressType": "POBOX"}]
        body["Phones"] = [{"PhoneType": kind} for kind in ("DEFAULT", "DDI", "FAX", "MOBILE")]
        body["ContactGroups"] = []
        body["ContactPersons"] = []
        body["SalesTrackingCategories"] = []
        body["PurchasesTrackingCategories"] = []
    return body


def contact_on_document(person: Contact | None, contact_id: str) -> dict:
    if person is None:
        return {"ContactID": contact_id}
    return compact(
        {
            "ContactID": person.contact_id,
            "ContactNumber": person.contact_number,
            "ContactStatus": person.status,
            "Name": person.name,
            "EmailAddress": person.email_address,
            "UpdatedDateUTC": ms_datetime(person.updated),
            "IsSupplier": person.is_supplier,
            "IsCustomer": person.is_customer,
            "Addresses": [],
            "Phones": [],
            "ContactGroups": [],
            "ContactPersons": [],
            "HasValidationErrors": False,
        }
    )


def line_item(line: LineItem, unitdp: int) -> dict:
    unit = round_money(line.unit_amount, "0.0001" if unitdp == 4 else "0.01")
    return compact(
        {
            "LineItemID": line.line_item_id,
            "Description": line.description,
            "Quantity": line.quantity,
            "UnitAmount": unit,
            "ItemCode": line.item_code,
            "AccountCode": line.account_code,
            "TaxType": line.tax_type,
            "TaxAmount": line.tax_amount,
            "LineAmount": line.line_amount,
            "DiscountRate": line.discount_rate,
            "Tracking": [dict(t) for t in line.tracking],
        }
    )


def payments_on_document(inv: Invoice, ledger: Ledger) -> list[dict]:
    """An invoice's or credit note's live payments, in the short form Xero nests in the document."""
    payments = [ledger.payments[pid] for pid in inv.payment_ids if pid in ledger.payments]
    return [
        compact(
            {
                "PaymentID": p.payment_id,
                "Date": ms_date(p.date),
                "Amount": money(p.amount),
                "Reference": p.reference,
                "CurrencyRate": p.currency_rate,
                "HasAccount": False,
                "HasValidationErrors": False,
            }
        )
        for p in payments
        if p.status == "AUTHORISED"
    ]


def invoice(inv: Invoice, ledger: Ledger, unitdp: int = 2, with_lines: bool = True) -> dict:
    body = compact(
        {
            "Type": inv.type,
            "InvoiceID": inv.invoice_id,
            "InvoiceNumber": inv.invoice_number,
            "Reference": inv.reference,
            "Payments": payments_on_document(inv, ledger),
            "CreditNotes": [],
            "Prepayments": [],
            "Overpayments": [],
            "AmountDue": money(inv.amount_due),
            "AmountPaid": money(inv.amount_paid),
            "AmountCredited": Decimal("0.00"),
            "SentToContact": inv.sent_to_contact,
            "CurrencyRate": inv.currency_rate,
            "IsDiscounted": any(line.discount_rate for line in inv.line_items),
            "HasAttachments": False,
            "HasErrors": False,
            "Contact": contact_on_document(ledger.contacts.get(inv.contact_id), inv.contact_id),
            "DateString": iso_date_string(inv.date),
            "Date": ms_date(inv.date),
            "DueDateString": iso_date_string(inv.due_date) if inv.due_date else None,
            "DueDate": ms_date(inv.due_date) if inv.due_date else None,
            "Status": inv.status,
            "LineAmountTypes": inv.line_amount_types,
            "LineItems": [line_item(line, unitdp) for line in inv.line_items] if with_lines else None,
            "SubTotal": money(inv.sub_total),
            "TotalTax": money(inv.total_tax),
            "Total": money(inv.total),
            "UpdatedDateUTC": ms_datetime(inv.updated),
            "UpdatedDateUTCString": iso_utc_string(inv.updated),
            "CurrencyCode": inv.currency_code,
            "FullyPaidOnDate": ms_date(inv.fully_paid_on) if inv.fully_paid_on else None,
        }
    )
    return body


def credit_note(note: CreditNote, ledger: Ledger, unitdp: int = 2, with_lines: bool = True) -> dict:
    """As in Xero's examples for GET/PUT /CreditNotes, less their ``ID`` (the CreditNoteID again; the SDK
    has no field for it)."""
    return compact(
        {
            "CreditNoteID": note.invoice_id,
            "CreditNoteNumber": note.invoice_number,
            "Payments": payments_on_document(note, ledger),
            "CurrencyRate": note.currency_rate,
            "Type": note.type,
            "Reference": note.reference,
            "RemainingCredit": money(note.remaining_credit),
            "Allocations": [],
            "HasAttachments": False,
            "HasErrors": False,
            "SentToContact": note.sent_to_contact,
            "Contact": contact_on_document(ledger.contacts.get(note.contact_id), note.contact_id),
            "DateString": iso_date_string(note.date),
            "Date": ms_date(note.date),
            "DueDate": ms_date(note.due_date) if note.due_date else None,
            "Status": note.status,
            "LineAmountTypes": note.line_amount_types,
            "LineItems": [line_item(line, unitdp) for line in note.line_items] if with_lines else None,
            "SubTotal": money(note.sub_total),
            "TotalTax": money(note.total_tax),
            "Total": money(note.total),
            "UpdatedDateUTC": ms_datetime(note.updated),
            "UpdatedDateUTCString": iso_utc_string(note.updated),
            "CurrencyCode": note.currency_code,
            "FullyPaidOnDate": ms_date(note.fully_paid_on) if note.fully_paid_on else None,
        }
    )


def payment(pay: Payment, ledger: Ledger) -> dict:
    """A refund against a credit note names the credit note under ``Invoice`` (Type ACCRECCREDIT, its
    CreditNoteID as InvoiceID), as Xero's own examples for GET /Payments and DELETE do."""
    acc = ledger.accounts.get(pay.account_id)
    inv = ledger.invoices.get(pay.invoice_id) or ledger.credit_notes.get(pay.credit_note_id or "")
    body = compact(
        {
            "PaymentID": pay.payment_id,
            "Date": ms_date(pay.date),
            "BankAmount": money(pay.amount),
            "Amount": money(pay.amount),
            "Reference": pay.reference,
            "CurrencyRate": pay.currency_rate,
            "PaymentType": pay.payment_type,
            "Status": pay.status,
            "UpdatedDateUTC": ms_datetime(pay.updated),
            "UpdatedDateUTCString": iso_utc_string(pay.updated),
            "HasAccount": acc is not None,
            "IsReconciled": pay.is_reconciled,
            "BatchPaymentID": pay.batch_payment_id,
            "Account": compact({"AccountID": acc.account_id, "Code": acc.code, "Name": acc.name})
            if acc
            else None,
            "HasValidationErrors": False,
        }
    )
    if inv is not None:
        body["Invoice"] = compact(
            {
                "Type": inv.type,
                "InvoiceID": inv.invoice_id,
                "InvoiceNumber": inv.invoice_number,
                "Reference": inv.reference,
                "Prepayments": [],
                "Overpayments": [],
                "AmountDue": money(inv.amount_due),
                "AmountPaid": money(inv.amount_paid),
                "SentToContact": inv.sent_to_contact,
                "CurrencyRate": inv.currency_rate,
                "HasErrors": False,
                "IsDiscounted": False,
                "Contact": contact_on_document(ledger.contacts.get(inv.contact_id), inv.contact_id),
                "DateString": iso_date_string(inv.date),
                "Date": ms_date(inv.date),
                "Status": inv.status,
                "LineAmountTypes": inv.line_amount_types,
                "SubTotal": money(inv.sub_total),
                "TotalTax": money(inv.total_tax),
                "Total": money(inv.total),
                "CurrencyCode": inv.currency_code,
            }
        )
    return body
