"""The catalogue's entries about the contact the day's sales are sent to."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import COPY_FOR_SUPPORT, KEPT, TRY_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.CONTACT)

ENTRIES: tuple[Entry, ...] = (
    # ---- set-up: contacts ----------------------------------------------------------------------------------
    _entry(
        "contact-archived",
        r"contact .*has been archived",
        r"matched an archived contact",
        r"assign an archived contact",
        title="The customer contact for your sales is archived in Xero",
        what=(
            "Xero won't put new invoices on an archived contact, and “{contact_name}”, the contact "
            "xerohelper uses for your daily sales, is archived.",
            "Xero won't put new invoices on an archived contact, and the contact xerohelper uses for your "
            "daily sales (the one chosen in Shop setup) is archived.",
        ),
        why="Someone archived it in Xero, or merged it into another contact, perhaps while tidying up "
        "the contacts list.",
        steps=(
            "In Xero, go to Contacts > All contacts and click the Archived tab.",
            (
                "Tick “{contact_name}” and click Restore.",
                "Tick the contact xerohelper uses and click Restore.",
            ),
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="archived_contact",
        stage=S.SETUP,
        priority=0,
    ),
    _entry(
        "contact-number-taken",
        r"Another contact has this contact number",
        title="Another contact in Xero already has this contact number",
        what="xerohelper tried to create its sales contact in Xero, but another contact already uses the "
        "same contact number.",
        why="Almost always the other contact is an archived one: you can't see it in the normal list, but "
        "it still holds the number.",
        steps=(
            "In Xero, go to Contacts > All contacts and click the Archived tab.",
            "Find the contact with that number, tick it and click Restore.",
            "In xerohelper's settings, choose that contact for your daily sales, then click “I've fixed "
            "it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="archived_contacts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "contact-account-number-taken",
        r"The Account Number already exists",
        title="Another contact in Xero already has this account number",
        what="xerohelper tried to create or change a contact, but another contact in Xero already uses the "
        "same account number.",
        why="Usually the contact already exists in Xero under a slightly different name, or it is archived.",
        steps=(
            "In Xero, go to Contacts > All contacts and search for the number; also look in the Archived "
            "tab.",
            "If it's the same customer, restore that contact and choose it in xerohelper's settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="archived_contacts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "contact-name-taken",
        r"The contact name (?P<contact_name>.+?) is already assigned to another contact",
        r"existing contact with name '(?P<old_name>.+?)' cannot be updated to use new name "
        r"'(?P<contact_name>.+?)'",
        title="A contact called “{contact_name}” already exists in Xero",
        what="xerohelper tried to create or rename a contact as “{contact_name}”, but Xero already has "
        "a contact with that name.",
        why="The contact was made earlier, by hand or by another app. Xero doesn't allow two active "
        "contacts with the same name.",
        steps=(
            "In xerohelper's settings, choose the existing contact “{contact_name}” for your daily sales "
            "instead of creating a new one.",
            "If you can't find it, it may be archived: in Xero, go to Contacts > All contacts > Archived "
            "and restore it.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="contacts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "contact-not-chosen",
        r"A Contact must be specified",
        r"Contact cannot be empty",
        title="No customer contact is chosen for your daily sales",
        what="Xero needs every invoice to be for a contact, and xerohelper didn't have one to put on the "
        "day's invoice.",
        why=(
            "“{contact_name}”, the contact for your daily sales in Shop setup, isn't in Xero: it was deleted "
            "or renamed there.",
            "The contact for your daily sales isn't chosen in xerohelper's Shop setup, or it was deleted in "
            "Xero.",
        ),
        steps=(
            "In xerohelper's settings, choose the contact to use for your daily sales.",
            "If it's missing from the list, create it in Xero (Contacts > All contacts > New contact), "
            "then choose it.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="contacts",
        stage=S.SETUP,
        priority=0,
    ),
    _entry(
        "contact-email-invalid",
        r"Email address must be valid",
        title="A contact's email address isn't valid",
        what="Xero turned down {contact|the contact} because its email address isn't written correctly.",
        why="A typo in the email address, such as a missing @ or a space.",
        steps=(
            "In Xero, open the contact (Contacts > All contacts) and correct or remove the email address.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="contact",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "contact-not-identified",
        r"The Contact must contain at least 1 of the following elements",
        title="xerohelper didn't say which contact to use",
        what="Xero turned down {where|what xerohelper sent} because it didn't name a contact." + KEPT,
        why="This is a problem in xerohelper, not in your Xero organisation.",
        steps=(COPY_FOR_SUPPORT,),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
    ),
)
