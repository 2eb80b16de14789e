"""Xero's own words, verbatim, for every rule the sandbox enforces.

Each text comes from shared/reference/xero-errors.jsonl (which names its public source) unless marked
otherwise. Texts with a ``{placeholder}`` are Xero's pattern with the value filled in, as Xero does
("Account code '999' is not a valid code for this document."). A few answers have no public Xero
text; those are marked SANDBOX WORDING and kept short and neutral.
"""

from __future__ import annotations

from datetime import date

# ------------------------------------------------------------------ envelope
VALIDATION_EXCEPTION = "A validation exception occurred"
JSON_INVALID = "JSON for post data was invalid"
NO_DATA = (
    "No data has been processed for this endpoint. This endpoint is expecting {resource} data to be "
    "specifed in the request body."  # Xero's typo 'specifed' kept on purpose
)
NOT_FOUND = "The resource you're looking for cannot be found"
UNHANDLED = "An unhandled error with the Xero API"
OFFLINE_FOR_MAINTENANCE = "The Xero API is currently offline for maintenance"
ORGANISATION_OFFLINE = "Organisation offline"  # the wording for Xero's 503 "Organisation offline"
QUERY_UNKNOWN_FIELD = "No property or field '{field}' exists in type '{type}' (at index {index})"
# SANDBOX WORDING: Xero publishes no text for a where clause it cannot parse, or for a reused key.
QUERY_UNREADABLE = "The where clause could not be parsed: {detail}"
IDEMPOTENCY_KEY_REUSED = (
    "The Idempotency-Key has already been used for a different request. Use a new key for a new request."
)

# ------------------------------------------------------------------ payments
PAYMENT_NOT_AUTHORISED = "Payments can only be made against Authorised documents"
PAYMENT_EXCEEDS_OUTSTANDING = "Payment amount exceeds the amount outstanding on this document"
PAYMENT_INVOICE_NOT_FOUND = "Invoice could not be found"
PAYMENT_IN_BATCH = "Payments within a batch cannot be deleted."
PAYMENT_ALREADY_PAID = "The invoice you are trying to allocate to has already been paid off"
ACCOUNT_MUST_BE_VALID = "Account must be valid."
ACCOUNT_NOT_FOUND = "Account could not be found"  # catalogue: unverified wording
ACCOUNT_HAS_NO_CODE = "This transaction cannot be completed. Add a Code to the Xero account"  # unverified
# SANDBOX WORDING: no public Xero text for a zero or negative payment amount.
PAYMENT_AMOUNT_NOT_POSITIVE = "Payment amount must be greater than zero."

# ------------------------------------------------------------------ invoices
INVOICE_NUMBER_NOT_UNIQUE = "Invoice # must be unique."
INVOICE_NOT_MODIFIABLE = "Invoice not of valid status for modification"
INVOICE_HAS_PAYMENTS = "This document cannot be edited as it has a payment or credit note allocated to it."
INVOICE_BAD_STATUS_FOR_CREATION = "Invoice not of valid status for creation"
INVOICE_NOT_FOUND_BY_ID = "An existing invoice with the specified ID could not be found"
INVOICE_NO_LINES = "One or more line items must be specified"
INVOICE_NO_TYPE = "Invoice Type must be specified"
INVOICE_NO_CONTACT = "A Contact must be specified for this type of transaction"
CONTACT_NOT_IDENTIFIED = (
    "The Contact must contain at least 1 of the following elements to identify the contact: "
    "Name, ContactID, ContactNumber"
)
INVOICE_TOTAL_MISMATCH = "The invoice total does not equal the sum of the lines."
DISCOUNT_TOO_LARGE = (
    "The discount rate '{rate}' is invalid. Discount must not be greater than the line total."
)
TAX_GREATER_THAN_LINE = "The tax amount cannot be greater than the line amount!"
# Xero's answer when a Starter-plan organisation approves more invoices than its plan allows
# (quoted from a live response in XeroAPI/xero-node#548; plan limits per Xero partner help pages).
APPROVED_INVOICE_LIMIT = "You have reached the limit of invoices you can approve."

# ------------------------------------------------------------------ credit notes
# Shared with invoices, word for word: no lines, no contact, an archived contact (its text names credit
# notes), a document with payments, lock dates, accounts and tax; refunds use the payment texts above
# ("Payments can only be made against Authorised documents", "Payment amount exceeds the amount
# outstanding on this document").
CREDIT_NOTE_NOT_FOUND_BY_ID = "An existing Credit Note with the specified CreditNoteID could not be found"
# SANDBOX WORDING: Xero publishes none of these for credit notes; they follow the invoice texts.
CREDIT_NOTE_NUMBER_NOT_UNIQUE = "Credit Note # must be unique."
CREDIT_NOTE_NOT_MODIFIABLE = "Credit Note not of valid status for modification"
CREDIT_NOTE_BAD_STATUS_FOR_CREATION = "Credit Note not of valid status for creation"
CREDIT_NOTE_NO_TYPE = "Credit Note Type must be specified"
PAYMENT_CREDIT_NOTE_NOT_FOUND = "Credit Note could not be found"

# ------------------------------------------------------------------ accounts and tax
ACCOUNT_CODE_NOT_VALID = "Account code '{code}' is not a valid code for this document."
ACCOUNT_CODE_MISSING = "Account code or ID must be specified"
TAX_TYPE_NOT_VALID = "The TaxType code '{tax_type}' is not valid"
TAX_TYPE_CANNOT_BE_USED = (
    "The TaxType code {tax_type} does not exist or cannot be used for this type of transaction."
)

# ------------------------------------------------------------------ contacts
CONTACT_ARCHIVED = (
    "The contact with the specified contact details has been archived. The contact must be un-archived "
    "before creating new invoices or credit notes."
)
ARCHIVED_CONTACT_NOT_EDITABLE = (
    "The specified contact details matched an archived contact. Archived contacts cannot currently be "
    "edited via the API."
)
CONTACT_NAME_TAKEN = (
    "The contact name {name} is already assigned to another contact. The contact name must be unique "
    "across all active contacts."
)
CONTACT_RENAME_TAKEN = (
    "The existing contact with name '{old}' cannot be updated to use new name '{new}'. There is an existing "
    "contact with that name."
)
CONTACT_NUMBER_TAKEN = "Another contact has this contact number. Please enter a different contact number."
CONTACT_ACCOUNT_NUMBER_TAKEN = "The Account Number already exists. Please enter a different Account Number."
EMAIL_NOT_VALID = "Email address must be valid."
# SANDBOX WORDING: no public Xero text for an unknown ContactID on an invoice.
CONTACT_ID_NOT_FOUND = "The contact with the specified ContactID could not be found."

# ------------------------------------------------------------------ lock dates and currency
PERIOD_LOCKED = "The document date cannot be before the period lock date, currently set at {lock_date}"
END_OF_YEAR_LOCKED = "Document cannot be edited as it is currently dated before end of year lock date"
CURRENCY_NOT_SUBSCRIBED = "Organisation is not subscribed to currency {code}"

# ------------------------------------------------------------------ identity (token endpoint and API auth)
INVALID_GRANT = "invalid_grant"
INVALID_CLIENT = "invalid_client"
UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type"
INVALID_REQUEST = "invalid_request"
AUTHENTICATION_UNSUCCESSFUL = "AuthenticationUnsuccessful"
AUTHORIZATION_UNSUCCESSFUL = "AuthorizationUnsuccessful"
TOKEN_EXPIRED = "TokenExpired: token expired at {moment}"
INVALID_REDIRECT_URI = "unauthorized_client : Invalid redirect_uri"
INVALID_SCOPE_FOR_CLIENT = "unauthorized_client : Invalid scope for client"
# SANDBOX WORDING: Xero publishes no text for an app at its tier's connection cap; people report the
# organisation is offered but disabled on the consent page, "advising I had reached the limit of connections"
# (community.xero.com/developer/discussion/110074711).
CONNECTION_LIMIT_REACHED = "This app has reached the limit of organisations it can connect to."
# IdentityServer's wording for an unknown client id (Xero runs IdentityServer; not confirmed on Xero).
UNKNOWN_CLIENT = "unauthorized_client : Unknown client or client not enabled"


def lock_date_text(day: date) -> str:
    """Xero writes lock dates as 30-Nov-2018 (English month names whatever the machine's locale)."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{day.day:02d}-{months[day.month - 1]}-{day.year}"


def token_expired_text(moment) -> str:
    """Xero writes the expiry as MM/dd/yyyy HH:mm:ss (UTC)."""
    return TOKEN_EXPIRED.format(moment=moment.strftime("%m/%d/%Y %H:%M:%S"))
