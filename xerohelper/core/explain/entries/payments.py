"""The catalogue's entries about the payments of the day's tenders."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import TRY_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.PAYMENT)

ENTRIES: tuple[Entry, ...] = (
    # ---- the payments --------------------------------------------------------------------------------------
    _entry(
        "invoice-not-approved",
        r"Payments can only be made against Authori[sz]ed (documents|invoices)",
        r"The Ipayable cannot be applied",
        title=(
            "Invoice {invoice_number} isn't approved yet, so payments can't go on it",
            "The day's invoice isn't approved yet, so payments can't go on it",
        ),
        what="Xero turned down {where|the payment} because {invoice|the day's invoice} isn't approved. "
        "Xero only puts payments on approved invoices, the ones it lists under “Awaiting payment”.",
        why="The sales summary was sent as a draft for you to check and hasn't been approved yet. Less "
        "often it was already paid by hand, or voided, in Xero.",
        steps=(
            "In Xero, go to Sales > Invoices and open the Draft tab (or Awaiting approval).",
            (
                "Open invoice {invoice_number}, check it and click Approve.",
                "Open the day's invoice, check it and click Approve.",
            ),
            TRY_AGAIN,
            "If the invoice is not there but under Paid, or it was voided, open it to see what happened "
            "before trying again.",
        ),
        action=A.FIX_IN_XERO,
        screen="draft_invoice",
        stage=S.PAYMENT,
        priority=0,
    ),
    _entry(
        "invoice-missing-for-payment",
        r"(?<!existing )\bInvoice could not be found",
        title="Xero can't find the invoice these payments are for",
        what="Xero turned down {where|the payment} because the invoice it should go on isn't in Xero.",
        why="The day's sales summary hasn't reached Xero, was deleted there, or went to a different "
        "organisation.",
        steps=(
            "In Xero, go to Sales > Invoices and search for the day's invoice number.",
            "If it isn't there, send the sales summary again from xerohelper (step 1) and approve it.",
            "Then send the payments again.",
        ),
        action=A.FIX_IN_APP,
        screen="invoices",
        stage=S.PAYMENT,
        priority=1,
    ),
    _entry(
        "invoice-already-paid",
        r"already been paid off",
        title=(
            "Invoice {invoice_number} is already fully paid in Xero",
            "The invoice is already fully paid in Xero",
        ),
        what="Xero turned down {where|the payment} because {invoice|the invoice} has nothing left to pay.",
        why="The payments were already added: by hand in Xero, through a bank feed, or by an earlier try "
        "whose answer got lost.",
        steps=(
            "Open the invoice in Xero and look at the payments on it.",
            "If they match the day's tenders, nothing more needs sending: skip this step in xerohelper.",
            "If a payment is wrong, click it and choose Options > Remove & Redo, then click “I've fixed "
            "it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",
        stage=S.PAYMENT,
        priority=2,
    ),
    _entry(
        "payment-too-big",
        r"Payment amounts? exceeds?",
        title=(
            "The {amount} payment is more than what's still owed on invoice {invoice_number}",
            "A payment is more than what's still owed on the invoice",
        ),
        what="Xero turned down {where|a payment} because it is more than what is left to pay on "
        "{invoice|the day's invoice}.",
        why="Usually some payments are already on the invoice (added by hand in Xero, or sent before when "
        "Xero's answer got lost), or the invoice was changed after it was sent. A tender with more refunds "
        "than sales (a negative total) can't be paid onto an invoice either.",
        steps=(
            "Open the invoice in Xero and compare its total and “Amount due” with the day's tenders in "
            "xerohelper.",
            "If a payment is on it twice, click the extra one and choose Options > Remove & Redo.",
            "If the invoice total is wrong, correct the day's figures and send the day again; otherwise "
            "click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",
        stage=S.PAYMENT,
        priority=3,
    ),
    _entry(
        "credit-too-big",
        r"Credit Note cannot be allocated as amount is greater than amount outstanding",
        title="A credit is more than what's still owed on the invoice",
        what="Xero turned down applying a credit note to {invoice|the invoice} because the credit is more "
        "than what is left to pay.",
        why="Part of the invoice was already paid or credited, or the refund is bigger than the day's sale.",
        steps=(
            "Open the invoice in Xero and check its “Amount due” and the payments and credits on it.",
            "Remove the wrong payment or credit (click it, then Options > Remove & Redo), then click “I've "
            "fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",
        stage=S.PAYMENT,
        priority=3,
    ),
    _entry(
        "payment-in-batch",
        r"Payments within a batch cannot be deleted",
        title="A payment can't change because it's part of a batch deposit",
        what="xerohelper tried to change a payment, but in Xero it belongs to a batch payment (a deposit "
        "of several payments together), and Xero won't change those one by one.",
        why="Someone grouped the day's payments into one batch deposit in Xero, usually while reconciling "
        "the bank account.",
        steps=(
            "In Xero, open the payment (or the invoice and click the payment on it).",
            "If the batch is wrong, open the batch and choose Options > Remove & Redo; otherwise leave it "
            "and skip this step in xerohelper.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="payment",
        stage=S.PAYMENT,
        priority=4,
    ),
)
