"""When no entry knows a message: what it is about decides the card (an unknown message that mentions an
account still goes to the chart of accounts); and the card for a message nobody knows."""

from __future__ import annotations

from xerohelper.core.explain.entries.entry import (
    ALLOW,
    COPY_FOR_SUPPORT,
    COPY_IF_AGAIN,
    KEPT,
    RECONNECT,
    TRY_AGAIN,
    A,
    Entry,
    S,
    entry,
)
from xerohelper.core.explain.topics import Topic

T = Topic

FALLBACKS: tuple[Entry, ...] = (
    entry(
        "about-the-connection",
        r"\btoken\b",
        r"\bunauthori[sz]ed\b",
        r"\bnot connected\b",
        r"\bre-?connect\b",
        r"\bsign(ed)? ?in\b",
        topic=T.CONNECTION,
        title="Xero turned down xerohelper's connection",
        what="Xero refused xerohelper's connection with a message xerohelper doesn't know word for word. "
        "Xero's own words are below.",
        why="Usually the connection was removed in Xero (Settings > Connected apps) or needs signing in "
        "again.",
        steps=(RECONNECT, ALLOW, "If it still fails, " + COPY_IF_AGAIN),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=9,
    ),
    entry(
        "about-a-lock-date",
        r"\block(ed)?\b.*\b(date|period)\b",
        topic=T.PERIOD,
        title="Xero turned this down because of a locked period",
        what="Xero refused {where|what xerohelper sent} with a message about a locked period. Xero's own "
        "words are below.",
        why="Your accountant or bookkeeper may have locked the period this day falls in.",
        steps=(
            "Read Xero's message below: it usually gives the lock date.",
            "Ask your accountant or bookkeeper about it; the lock dates are in Xero under Accounting > "
            "Advanced > Financial settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="financial_settings",
        stage=S.PERIOD,
        priority=9,
    ),
    entry(
        "about-an-archived-contact",
        r"\barchived\b.*\bcontact|\bcontact\b.*\barchived\b",
        topic=T.CONTACT,
        title="Xero turned this down because of an archived contact",
        what="Xero refused {where|what xerohelper sent} with a message about an archived contact. Xero's "
        "own words are below.",
        why="The contact xerohelper uses for your sales was probably archived in Xero.",
        steps=(
            "In Xero, go to Contacts > All contacts and click the Archived tab.",
            "Restore the contact Xero's message names, or the one xerohelper uses for your daily sales.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="archived_contact",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-a-contact",
        r"\bcontacts?\b",
        topic=T.CONTACT,
        title="Xero turned this down because of a contact",
        what="Xero refused {where|what xerohelper sent} with a message about a contact. Xero's own words "
        "are below.",
        why="The contact xerohelper uses may have changed, been merged or archived in Xero.",
        steps=(
            "Read Xero's message below: it usually names the contact.",
            "In Xero, go to Contacts > All contacts and check that contact (look in the Archived tab too).",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="contact",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-tax",
        r"\btax",
        topic=T.TAX,
        title="Xero turned this down because of a tax rate",
        what="Xero refused {where|what xerohelper sent} with a message about tax. Xero's own words are "
        "below.",
        why="A tax rate xerohelper uses may have been renamed, archived, or may not be a sales rate.",
        steps=(
            "Read Xero's message below: it usually names the tax rate.",
            "In Xero, go to Accounting > Advanced > Tax rates and check it; then check the tax rates in "
            "xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="tax_rates",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-a-bank-account",
        r"\bbank account",
        topic=T.BANK_ACCOUNT,
        title="Xero turned this down because of a bank account",
        what="Xero refused {where|what xerohelper sent} with a message about a bank account. Xero's own "
        "words are below.",
        why="A bank or clearing account xerohelper uses may have changed in Xero.",
        steps=(
            "Read Xero's message below: it usually names the account.",
            "In Xero, go to Accounting > Bank accounts and check that account.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="bank_accounts",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-an-account",
        r"\baccount",
        topic=T.ACCOUNT,
        title="Xero turned this down because of an account",
        what="Xero refused {where|what xerohelper sent} with a message about an account. Xero's own words "
        "are below.",
        why="An account xerohelper uses may have been archived, deleted, or given a new code in Xero.",
        steps=(
            "Read Xero's message below: it usually names the account or its code.",
            "In Xero, go to Accounting > Chart of accounts and check that account; then check xerohelper's "
            "Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-currency",
        r"\bcurrenc(y|ies)\b",
        topic=T.CURRENCY,
        title="Xero turned this down because of the currency",
        what="Xero refused {where|what xerohelper sent} with a message about currency. Xero's own words are "
        "below.",
        why="The day may have been sent in a currency your organisation doesn't use.",
        steps=(
            "Check that xerohelper's currency setting is your organisation's own currency.",
            "The currencies your organisation uses are in Xero under Accounting > Advanced > Currencies.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="currencies",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-tracking",
        r"\btracking\b",
        topic=T.TRACKING,
        title="Xero turned this down because of a tracking category",
        what="Xero refused {where|what xerohelper sent} with a message about tracking. Xero's own words are "
        "below.",
        why="A tracking category or option xerohelper uses may have been renamed or archived in Xero.",
        steps=(
            "In Xero, go to Accounting > Advanced > Tracking categories and check the category and its "
            "options.",
            "Check the tracking settings in xerohelper match, then click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="tracking_categories",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-the-plan",
        r"\bsubscription\b",
        r"\bplan\b",
        r"\bupgrade\b",
        r"\breached the (maximum|limit)\b",
        topic=T.PLAN,
        title="Xero turned this down because of your Xero plan",
        what="Xero refused {where|what xerohelper sent} with a message about your subscription or its "
        "limits. Xero's own words are below.",
        why="Some Xero plans limit how many invoices can be approved each month.",
        steps=(
            "Read Xero's message below.",
            "In Xero, check your plan under Settings > Subscription and billing.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="subscription",
        stage=S.SETUP,
        priority=9,
    ),
    entry(
        "about-a-payment",
        r"\bpayments?\b",
        topic=T.PAYMENT,
        title="Xero turned a payment down",
        what="Xero refused {where|a payment} with a message xerohelper doesn't know word for word. Xero's "
        "own words are below.",
        why="Usually the invoice isn't approved, is already paid, or was changed in Xero.",
        steps=(
            "Read Xero's message below.",
            "Open the invoice in Xero and check its status, its “Amount due” and the payments on it.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="invoice",
        stage=S.PAYMENT,
        priority=9,
    ),
    entry(
        "about-the-invoice",
        r"\binvoices?\b",
        topic=T.INVOICE,
        title="Xero turned the invoice down",
        what="Xero refused {where|the day's invoice} with a message xerohelper doesn't know word for word. "
        "Xero's own words are below.",
        why="Something about the invoice doesn't fit what Xero allows.",
        steps=(
            "Read Xero's message below.",
            "In Xero, go to Sales > Invoices and search for the day's invoice number.",
            TRY_AGAIN + " If it still fails, " + COPY_IF_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="invoices",
        stage=S.INVOICE,
        priority=9,
    ),
)

UNKNOWN = entry(
    "unknown",
    topic=T.UNKNOWN,
    title="Xero turned this down for a reason xerohelper doesn't recognise",
    what="Xero didn't accept {where|what xerohelper sent}. Its message is below, word for word." + KEPT,
    why="xerohelper doesn't know this message yet, so it can't say for sure what to fix.",
    steps=(
        "Read Xero's message below: it often names what's wrong (an account, a contact, a date).",
        COPY_FOR_SUPPORT,
    ),
    action=A.CONTACT_SUPPORT,
    screen=None,
    stage=S.UNKNOWN,
)

NOTHING_WRONG = entry(
    "nothing-wrong",
    topic=T.UNKNOWN,
    title="Xero reported no error here",
    what="This answer from Xero has no error or warning in it, so there is nothing to fix in it.",
    why="Xero accepted what was sent.",
    steps=("If a step in xerohelper still shows a problem, " + COPY_IF_AGAIN,),
    action=A.CONTACT_SUPPORT,
    screen=None,
    stage=S.UNKNOWN,
)
