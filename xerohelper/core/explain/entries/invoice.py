"""The catalogue's entries about the day's invoice."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import COPY_IF_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.INVOICE)

ENTRIES: tuple[Entry, ...] = (
    # ---- the day's invoice ---------------------------------------------------------------------------------
    _entry(
        "invoice-number-used",
        r"Invoice #? ?(number )?must be unique",
        title=(
            "Invoice number {invoice_number} is already used in Xero",
            "This invoice number is already used in Xero",
        ),
        what=(
            "Xero already has an invoice numbered {invoice_number} with a total of {xero_total}, but your "
            "till's total for the day is {till_total}. xerohelper won't post the day twice.",
            "Xero already has an invoice numbered {invoice_number|like this one}, and two invoices can't "
            "share a number.",
        ),
        why="Usually this day was already sent — perhaps Xero's answer got lost on the way back, or the "
        "invoice was typed in by hand. Sometimes a different invoice happens to use the same number.",
        steps=(
            "In Xero, go to Sales > Invoices and search for {invoice_number|the invoice number}.",
            "If it is this day's sales, nothing more needs sending: click “I've fixed it — try again” and "
            "xerohelper uses that invoice.",
            "If it is a different invoice, change the invoice number pattern in xerohelper's settings "
            "(or delete the other invoice in Xero if it was a mistake), then try again.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",  # the invoice holding the number, when Xero said which; else the list to search
        stage=S.INVOICE,
        priority=0,
    ),
    _entry(
        "invoice-cannot-change",
        r"Invoice not of valid status for modification",
        r"cannot be edited as it has a payment or credit note allocated",
        title=(
            "Invoice {invoice_number} can't be changed any more",
            "The day's invoice can't be changed any more",
        ),
        what="xerohelper tried to update {invoice|the day's invoice} in Xero, but Xero no longer allows "
        "changes to it.",
        why="Xero locks an invoice once it has a payment or credit note on it, or once it is paid, voided "
        "or deleted. Someone may have paid it by hand or through a bank feed.",
        steps=(
            "Open the invoice in Xero (Sales > Invoices) and look at its payments and status.",
            "If it is already right, there's nothing to change: skip this step in xerohelper.",
            "If the figures must change, click each payment on it and choose Options > Remove & Redo, "
            "then click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",
        stage=S.INVOICE,
        priority=1,
    ),
    _entry(
        "document-gone",
        r"An existing (?P<document>invoice|credit ?note) with the specified \w+ could not be found",
        title="Xero can't find the {document} xerohelper sent before",
        what="xerohelper tried to update the {document} it sent earlier, but Xero can't find it.",
        why="It was deleted in Xero, or xerohelper is now connected to a different organisation.",
        steps=(
            "Check that the organisation named at the top of xerohelper is the right one.",
            "In Xero, go to Sales > Invoices and search for the day's invoice number.",
            "If it is gone, click “I've fixed it — try again” and xerohelper sends it again.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoices",
        stage=S.INVOICE,
        priority=2,
        lower=("document",),
    ),
    _entry(
        "not-found",
        r"The resource you're looking for cannot be found",
        title="Xero couldn't find what xerohelper asked for",
        what="xerohelper asked Xero for something it sent earlier, usually the day's invoice, and Xero "
        "says it isn't there.",
        why="It was deleted in Xero, or xerohelper is now connected to a different organisation from the "
        "one it was sent to.",
        steps=(
            "Check that the organisation named at the top of xerohelper is the right one.",
            "In Xero, go to Sales > Invoices and search for the day's invoice number.",
            "If it is gone, click “I've fixed it — try again” and xerohelper sends the day again.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoices",
        stage=S.INVOICE,
        priority=2,
    ),
    _entry(
        "no-lines",
        r"One or more line items must be specified",
        title="The day's invoice has no lines to send",
        what="Xero turned down the day's invoice because it has no lines.",
        why="This happens on a day with no sales, or when every sales category is left out in Shop setup.",
        steps=(
            "Check the day's figures in xerohelper.",
            "If the shop had no sales that day, skip the sales summary.",
            "Otherwise check that each sales category has a Xero account in xerohelper's Shop setup, then "
            "click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_APP,
        screen=None,
        stage=S.INVOICE,
        priority=3,
    ),
    _entry(
        "total-does-not-add-up",
        r"invoice total does not equal the sum of the lines",
        title="The invoice's total didn't add up the way Xero adds it",
        what="Xero turned down {where|the day's invoice} because its total isn't the sum of its lines as "
        "Xero works it out.",
        why="Xero rounds each line to the cent and works out tax line by line, so a few cents can differ "
        "from the till. xerohelper covers this with a rounding line, which needs a rounding account.",
        steps=(
            "In xerohelper's settings, check that a rounding account is chosen (often 860 Rounding).",
            "Click “I've fixed it — try again”. If it still fails, " + COPY_IF_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.INVOICE,
        priority=3,
    ),
    _entry(
        "discount-too-big",
        r"The discount rate '(?P<rate>[^']*)' is invalid",
        r"Discount must not be greater than the line total",
        title="A discount is bigger than the sales it applies to",
        what="Xero turned down {where|the day's invoice} because a line's discount is larger than the line.",
        why="The day's discounts for a category came out bigger than its sales, often after refunds or a "
        "mistake in the till's figures.",
        steps=(
            "Check the day's discounts and refunds in xerohelper against the till's Z-report.",
            "Correct the figures, then click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_APP,
        screen=None,
        stage=S.INVOICE,
        priority=3,
    ),
)
