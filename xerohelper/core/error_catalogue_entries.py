"""The catalogue of Xero's messages, written for a shop owner: what happened, why, and what to do about it.

Each entry recognises Xero's messages by pattern, not by exact text: Xero puts account codes, tax rate names,
dates, currencies and contact names into its messages. Named groups in a pattern capture those values and
the texts use them: `{account_code}` must be known, `{invoice|the day's invoice}` falls back to the words
after the bar. A text given as a tuple lists alternatives, the first whose values are all known is used
(so a title can name the invoice when Xero said which one).

Values every text may use, besides a pattern's own groups:
  where    what Xero turned down ("the Visa payment (25.00)", "invoice POS-20260421")
  invoice  "invoice POS-20260421"            account  "account 090 “Card clearing”"
  contact  "the contact “POS Sales”"          wait     "in about 40 seconds"
  and what the failed element says about itself: invoice_number, amount, account_code, account_name,
  contact_name, line, tax_type, reference.

Entries are tried in order (the more specific first). Stage and priority say what to fix first when Xero
gives several reasons (see explanation.Stage). Screens are keys of xero_screens.SCREENS.
Informed by shared/reference/xero-errors.jsonl (causes and fixes), worded afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from xerohelper.core.explanation import Action, Stage

Text = str | tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    key: str
    patterns: tuple[str, ...]  # regular expressions, matched case-insensitively anywhere in the message
    title: Text
    what: Text  # what happened
    why: Text  # why it usually happens
    steps: tuple[Text, ...]
    action: Action
    screen: str | None  # where "Open in Xero" goes
    stage: Stage
    priority: int = 5  # order within the stage: lower first
    statuses: tuple[int, ...] = ()  # recognise the message only with these HTTP statuses (empty: any)
    lower: tuple[str, ...] = ()  # captured values to show in lower case ("Credit Note" → "credit note")


TRY_AGAIN = "Come back to xerohelper and click “I've fixed it — try again”."
COPY_FOR_SUPPORT = "Click “Copy for support” and send it to xerohelper's support. We'll tell you what to do."
COPY_IF_AGAIN = "click “Copy for support” and send it to xerohelper's support."
KEPT = " Your day's figures are kept in xerohelper."
RECONNECT = "In xerohelper, click Reconnect and sign in to Xero again."
ALLOW = "On Xero's page, choose your organisation and click Allow access."
STATUS_PAGE = (
    "If it lasts long, Xero's status page (status.xero.com) says whether Xero knows about a problem."
)

A, S = Action, Stage


def _entry(key: str, *patterns: str, **fields) -> Entry:
    return Entry(key, patterns, **fields)


ENTRIES: tuple[Entry, ...] = (
    # ---- the connection: signing in, permissions -----------------------------------------------------------
    _entry(
        "sign-in-ended",
        r"\binvalid_grant\b",
        r"\b(renew|refresh)\w*\s+(the\s+|your\s+)?(xero\s+)?(access\s+)?token",
        r"\bvalid token\b",
        r"\btoken (has been|was) revoked",
        title="Xero has ended xerohelper's sign-in",
        what="Xero no longer accepts the sign-in xerohelper saved, so nothing was sent, and nothing can be "
        "sent until you sign in again." + KEPT,
        why="This happens when someone disconnects xerohelper in Xero (Settings > Connected apps), when "
        "xerohelper hasn't been used for 60 days, or when the same sign-in was used by another copy of "
        "xerohelper.",
        steps=(RECONNECT, ALLOW),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "not-connected",
        r"\bnot connected to (the )?xero\b",
        r"\bplease log ?in first\b",
        title="xerohelper isn't connected to Xero",
        what="xerohelper tried to send to Xero, but it isn't signed in to your Xero organisation." + KEPT,
        why="The connection was never made on this computer, or it was removed in Xero "
        "(Settings > Connected apps).",
        steps=(RECONNECT, ALLOW),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "access-pass-expired",
        r"^TokenExpired\b",
        title="xerohelper's pass for Xero ran out — it renews it by itself",
        what="Xero turned the request away because xerohelper's short-lived pass had just expired. "
        "Nothing was sent.",
        why="Xero's passes last 30 minutes and xerohelper renews them itself; this one ran out at the "
        "moment it was used, for example after the computer woke up from sleep.",
        steps=(
            "Click “I've fixed it — try again”: xerohelper gets a fresh pass first.",
            "If this message comes back, click Reconnect and sign in to Xero again.",
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=1,
    ),
    _entry(
        "organisation-disconnected",
        r"^AuthenticationUnsuccessful$",
        title="xerohelper is no longer connected to your organisation",
        what="Xero refused xerohelper access to your organisation. Nothing was sent.",
        why="Usually someone removed xerohelper in Xero (Settings > Connected apps), the Xero user who "
        "connected it lost access or changed role, the organisation's subscription or trial ended, or a "
        "demo company was reset.",
        steps=(
            "In Xero, open Settings > Connected apps and check whether xerohelper is still listed.",
            RECONNECT + " Sign in as a Xero user with the Standard or Adviser role.",
            ALLOW,
        ),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=0,
        statuses=(403,),
    ),
    _entry(
        "sign-in-refused",
        r"^AuthenticationUnsuccessful$",
        title="Xero no longer accepts xerohelper's sign-in",
        what="Xero didn't accept xerohelper's sign-in, so nothing was sent." + KEPT,
        why="Usually xerohelper was disconnected in Xero (Settings > Connected apps), or the Xero user who "
        "connected it no longer has access.",
        steps=(RECONNECT, ALLOW),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "permission-not-given",
        r"^AuthorizationUnsuccessful$",
        r"\binsuff?ic?i?ent_scope\b",
        title="xerohelper isn't allowed to do this in Xero yet",
        what="Xero accepted xerohelper's sign-in but not for this part of your books, so nothing was sent.",
        why="When xerohelper was connected, Xero didn't give it permission for everything it needs (for "
        "example reading your chart of accounts or adding invoices). This can happen after xerohelper is "
        "updated and needs one more permission.",
        steps=(
            RECONNECT,
            "On Xero's page, check what xerohelper asks for and click Allow access.",
            TRY_AGAIN,
        ),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=1,
    ),
    _entry(
        "user-not-permitted",
        r"not permitted to access this resource",
        title="Your Xero user isn't allowed to do this",
        what="Xero refused because the Xero user who connected xerohelper isn't allowed to see or change "
        "this part of your books.",
        why="In Xero, what each user may do depends on their role. Sending sales and payments needs the "
        "Standard or Adviser role.",
        steps=(
            "Ask whoever manages your Xero subscription to give you the Standard or Adviser role "
            "(Settings > Users), or to connect xerohelper themselves.",
            RECONNECT,
            TRY_AGAIN,
        ),
        action=A.RECONNECT,
        screen="users",
        stage=S.CONNECTION,
        priority=1,
    ),
    _entry(
        "access-denied",
        r"\bAccess Denied\b",
        title="Xero refused xerohelper access",
        what="Xero said access was denied, so nothing was sent.",
        why="The connection to Xero was removed or changed, or the Xero user who connected xerohelper "
        "isn't allowed into this organisation any more.",
        steps=(
            "In Xero, open Settings > Connected apps and check whether xerohelper is still listed.",
            RECONNECT + " Sign in as a Xero user with the Standard or Adviser role.",
            ALLOW,
        ),
        action=A.RECONNECT,
        screen="connected_apps",
        stage=S.CONNECTION,
        priority=1,
    ),
    _entry(
        "sign-in-cancelled",
        r"^access_denied\b",
        title="You didn't allow xerohelper into Xero",
        what="On Xero's sign-in page, access was not allowed, so xerohelper isn't connected.",
        why="Someone clicked Cancel on Xero's page, or closed it before allowing access.",
        steps=("In xerohelper, click Connect (or Reconnect) again.", ALLOW),
        action=A.RECONNECT,
        screen=None,
        stage=S.CONNECTION,
        priority=1,
    ),
    _entry(
        "app-not-recognised",
        r"\binvalid_client\b",
        title="Xero doesn't recognise the Xero app xerohelper is set up with",
        what="Xero refused the sign-in because it doesn't know the app id (client id) in xerohelper's "
        "settings.",
        why="The client id was typed or copied wrongly, or that Xero app was deleted on Xero's developer "
        "site.",
        steps=(
            "Open your app on Xero's developer site (developer.xero.com > My Apps) and copy its client id.",
            "Put it in xerohelper's settings (the README shows where), then click Connect again.",
        ),
        action=A.FIX_IN_APP,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "return-address-mismatch",
        r"invalid[ _]redirect_?uri",
        title="Your Xero app's return address doesn't match xerohelper's",
        what="Xero stopped the sign-in because the address it should return to isn't one your Xero app "
        "lists.",
        why="The Xero app registered for xerohelper must list exactly the return address xerohelper uses, "
        "normally http://localhost:8742/callback.",
        steps=(
            "Open your app on Xero's developer site (developer.xero.com > My Apps).",
            "Under redirect URIs, add exactly http://localhost:8742/callback (or the address shown in "
            "xerohelper's settings) and save.",
            "In xerohelper, click Connect again.",
        ),
        action=A.FIX_IN_APP,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "sign-in-request-refused",
        r"\binvalid_scope\b",
        r"\bInvalid scope for client\b",
        r"\bunauthorized_client\b",
        r"\bunsupported_grant_type\b",
        r"\bunsupported_response_type\b",
        r"^invalid_request\b",
        title="Xero refused xerohelper's sign-in request",
        what="Xero turned down the way xerohelper asked to sign in, so xerohelper isn't connected." + KEPT,
        why="xerohelper asked Xero for something Xero doesn't allow for this kind of app. It is a problem "
        "in xerohelper, not in your Xero organisation.",
        steps=(COPY_FOR_SUPPORT,),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    # ---- Xero's limits and outages ------------------------------------------------------------------------
    _entry(
        "minute-limit",
        r"X-Rate-Limit-Problem:\s*minute\b",
        r"per minute rate limit",
        title="Xero asked xerohelper to slow down — it carries on {wait|in a minute}",
        what="Xero allows each app about 60 requests a minute for one organisation, and that was reached. "
        "Nothing is lost.",
        why="Several days were sent at once, or a step was retried many times in a row.",
        steps=(
            "Nothing to do: xerohelper waits and tries again by itself {wait|in a minute}.",
            "If it keeps happening, send fewer days at a time.",
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "busy-for-everyone",
        r"X-Rate-Limit-Problem:\s*appminute\b",
        title="Xero is busy with many xerohelper users — it carries on {wait|in a minute}",
        what="Xero limits how many requests one app may send a minute across all its users, and that "
        "was reached. Nothing is lost.",
        why="Many shops happened to send to Xero at the same moment.",
        steps=("Nothing to do: xerohelper waits and tries again by itself {wait|in a minute}.",),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "day-limit",
        r"X-Rate-Limit-Problem:\s*day\b",
        r"per day rate limit",
        title="Xero's daily limit for your organisation is used up — xerohelper carries on {wait|tomorrow}",
        what="Xero allows each app a fixed number of requests a day for one organisation (5,000, or 1,000 on "
        "Xero's free developer plan), and today's are used up. Your work is kept.",
        why="A normal day needs only a handful of requests, so reaching the limit usually means something "
        "kept retrying, or a very long catch-up of missed days.",
        steps=(
            "Nothing to do now: xerohelper sends the rest by itself {wait|tomorrow}.",
            "You can keep using Xero itself as normal.",
            "If this happens again, " + COPY_IF_AGAIN,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "limit-old-style",
        r"oauth_problem=rate limit exceeded",
        title="Xero asked xerohelper to wait before sending more",
        what="Xero said too many requests were sent and asked to wait before trying again. Nothing is lost.",
        why="Several requests went to Xero in a short time.",
        steps=("Nothing to do: xerohelper waits and tries again by itself {wait|in a few minutes}.",),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "too-many-requests",
        title="Xero asked xerohelper to slow down — it carries on {wait|in a minute}",
        what="Xero said too many requests were sent for now. Nothing is lost.",
        why="Xero limits how many requests an app may send, per minute and per day.",
        steps=("Nothing to do: xerohelper waits and tries again by itself {wait|in a minute}.",),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=2,
    ),
    _entry(
        "xero-maintenance",
        r"offline for maintenance",
        r"\b(scheduled )?maintenance\b",
        title="Xero is down for maintenance — try again {wait|later}",
        what="Xero is closed for maintenance right now, so nothing could be sent. Your work is kept.",
        why="Xero takes its service offline now and then to update it, usually for a short time.",
        steps=(
            "Nothing to do: xerohelper tries again by itself {wait|in a little while}. You can also "
            "click “I've "
            "fixed it — try again” yourself.",
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "organisation-offline",
        r"organi[sz]ation (is )?(currently )?offline",
        r"\boffline\b",
        title="Your organisation is offline in Xero for a moment — try again {wait|later}",
        what="Xero says your organisation is offline just now, so nothing could be sent. Your work is kept.",
        why="Xero sometimes takes one organisation offline for a short while, for example while it is "
        "being upgraded or restored.",
        steps=(
            "Nothing to do: xerohelper tries again by itself {wait|in a few minutes}. You can also "
            "click “I've "
            "fixed it — try again” yourself.",
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
        statuses=(503,),
    ),
    _entry(
        "xero-unavailable",
        title="Xero isn't available right now — try again {wait|in a few minutes}",
        what="Xero answered that its service is unavailable, so nothing could be sent. Your work is kept.",
        why="Xero is busy, being updated, or having an outage. It usually passes within minutes.",
        steps=(
            "Nothing to do: xerohelper tries again by itself {wait|in a few minutes}. You can also "
            "click “I've "
            "fixed it — try again” yourself.",
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "xero-server-error",
        r"unhandled error with the Xero API",
        title="Xero had a problem on its side",
        what="Xero ran into an error of its own while handling the request, so it didn't finish.",
        why="Most of the time it's a passing fault at Xero. If it happens every time, Xero may be choking "
        "on something in what xerohelper sent.",
        steps=(
            "Wait a few minutes, then click “I've fixed it — try again”. xerohelper checks with Xero first, "
            "so nothing is sent twice.",
            "If it fails again the same way, " + COPY_IF_AGAIN,
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    # ---- when no answer came back --------------------------------------------------------------------------
    _entry(
        "sign-in-busy",
        title="Xero's sign-in service asked xerohelper to wait",
        what="Before sending, xerohelper renews its pass with Xero's sign-in service. That service was busy "
        "and asked xerohelper to wait, so nothing was sent. Your work is kept.",
        why="Xero's sign-in service limits how often apps renew their pass, and sometimes it is briefly "
        "unavailable.",
        steps=(
            "Wait a few minutes, then click “I've fixed it — try again”.",
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "no-internet",
        title="xerohelper couldn't reach Xero",
        what="xerohelper couldn't get through to Xero, so nothing was sent. Your work is kept.",
        why="This computer seems to be offline, or something on the network (a firewall, a hotel or shop "
        "Wi-Fi login page) is blocking Xero.",
        steps=(
            "Check this computer's internet connection: open any website in your browser.",
            "When the internet works again, click “I've fixed it — try again”.",
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "connection-dropped",
        title="The connection to Xero broke before Xero answered",
        what="The internet connection dropped while xerohelper was talking to Xero, so it doesn't know "
        "whether Xero received everything.",
        why="A short break in the internet connection, or Wi-Fi that dropped out for a moment.",
        steps=(
            "Check this computer's internet connection.",
            "Click “I've fixed it — try again”. xerohelper first asks Xero what arrived, so nothing is "
            "sent twice.",
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "xero-too-slow",
        title="Xero took too long to answer",
        what="xerohelper waited for Xero's answer but none came in time. Xero may or may not have received "
        "what was sent.",
        why="A slow internet connection, or Xero being very busy.",
        steps=(
            "Wait a minute, then click “I've fixed it — try again”. xerohelper first asks Xero what "
            "arrived, so nothing is sent twice.",
            STATUS_PAGE,
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "secure-connection-failed",
        title="xerohelper couldn't make a safe connection to Xero",
        what="The secure connection to Xero couldn't be set up, so nothing was sent.",
        why="Most often this computer's date and time are wrong, or a network filter (at work, in a hotel, "
        "or security software) gets in between.",
        steps=(
            "Check that this computer's date, time and time zone are right.",
            "If you're on a shared or public network, try another one (for example your phone's hotspot).",
            "Click “I've fixed it — try again”.",
        ),
        action=A.RETRY_LATER,
        screen=None,
        stage=S.CONNECTION,
        priority=3,
    ),
    _entry(
        "sign-in-port-busy",
        title="The Xero sign-in can't start: another program is using port {port|8742}",
        what="To hear back from Xero after you sign in, xerohelper listens on port {port|8742} of this "
        "computer, and another program is already using it.",
        why="Usually another xerohelper window is still waiting for a sign-in to finish.",
        steps=(
            "Close other xerohelper windows and any half-finished Xero sign-in pages in your browser.",
            "Click Connect again.",
            "If the port stays busy, xerohelper's settings let you choose another port; that port's "
            "address must also be added to your Xero app's redirect URIs (the README explains how).",
        ),
        action=A.FIX_IN_APP,
        screen=None,
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "not-signed-in",
        title="xerohelper isn't signed in to Xero",
        what="There is no saved Xero sign-in for xerohelper on this computer, so nothing was sent." + KEPT,
        why="xerohelper was never connected on this computer, was disconnected, or the saved sign-in was "
        "removed from the computer's password store.",
        steps=(RECONNECT, ALLOW),
        action=A.RECONNECT,
        screen=None,
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "sign-in-expired",
        title="xerohelper's sign-in to Xero has run out",
        what="xerohelper's pass for Xero expired and could not be renewed, so nothing was sent." + KEPT,
        why="The saved sign-in is too old to renew, for example after a long time without using xerohelper.",
        steps=(RECONNECT, ALLOW),
        action=A.RECONNECT,
        screen=None,
        stage=S.CONNECTION,
        priority=0,
    ),
    _entry(
        "unexpected-problem",
        title="Something unexpected went wrong in xerohelper while talking to Xero",
        what="xerohelper hit a problem of its own while sending to or reading from Xero." + KEPT,
        why="This is a fault in xerohelper, not in your Xero organisation or your figures.",
        steps=(COPY_FOR_SUPPORT,),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
        priority=0,
    ),
    # ---- set-up: contacts ----------------------------------------------------------------------------------
    _entry(
        "contact-archived",
        r"contact .*has been archived",
        r"matched an archived contact",
        r"assign an archived contact",
        title="The customer contact for your sales is archived in Xero",
        what="Xero won't put new invoices on an archived contact, and the contact xerohelper uses for your "
        "daily sales ({contact_name|for example “POS Sales”}) is archived.",
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
        screen="archived_contacts",
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
        why="The contact for your daily sales (for example “POS Sales”) isn't chosen in xerohelper, or "
        "it was deleted in Xero.",
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
    # ---- set-up: accounts ----------------------------------------------------------------------------------
    _entry(
        "account-needs-code",
        r"Add a Code to the Xero account",
        title="A Xero account has no code",
        what="Xero turned down {where|a payment} because the account it goes into has no code, and "
        "without one it can't be used.",
        why="Bank accounts are created in Xero without a code. Payments from the till need the account "
        "they go into to have one.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts.",
            (
                "Open {account} and type a code that isn't used yet (for example 090), then save.",
                "Open the account the payment goes into (often a bank or clearing account) and type a code "
                "that isn't used yet (for example 090), then save.",
            ),
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "account-not-for-sales",
        r"Account code '(?P<account_code>[^']*)' is not a valid code for this document",
        title="Account {account_code} can't be used on a sales invoice",
        what="Xero turned down {where|the day's invoice} because a sales line uses account code "
        "{account_code}, and Xero won't put that account on a sales invoice.",
        why="The account is probably a bank, expense or system account rather than a sales (Revenue) "
        "account, or it was archived or deleted.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and look up code {account_code}: check its type "
            "and that it is active.",
            "In xerohelper's Shop setup, choose a sales (Revenue) account for that category, for example "
            "200 Sales.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-code-dropped",
        r"Account code '(?P<account_code>[^']*)' has been removed as it does not match a recognised account",
        title="Xero doesn't know account code {account_code}",
        what="Xero took {where|the day's invoice} but left account code {account_code} off a line, "
        "because it has no account with that code. The invoice is not right as it is.",
        why="The account was deleted or its code changed in Xero after xerohelper's Shop setup was done.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and find the account you meant to use.",
            "In xerohelper's Shop setup, choose that account instead of code {account_code}.",
            "Check the day's invoice in Xero, then send the day again.",
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-for-items",
        r"Account code '(?P<account_code>[^']*)' does not exist or cannot be applied",
        title="Account code {account_code} doesn't exist or can't be used here",
        what="Xero turned down {where|a line} because of account code {account_code}.",
        why="There is no active account with that code in Xero, or it is a kind of account that can't be "
        "used for sales.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and look up code {account_code}.",
            "In xerohelper's Shop setup, choose an active sales account instead.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-chosen",
        r"Account code or ID must be specified",
        r"Account code must be specified",
        title="A sales category or tender has no Xero account chosen",
        what="Xero turned down {where|what xerohelper sent} because a line has no account.",
        why="A sales category or payment type from the till isn't mapped to a Xero account in xerohelper "
        "yet, often a new one the till started using.",
        steps=(
            "In xerohelper's Shop setup, choose a Xero account for every sales category and tender.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "account-not-valid",
        r"\bAccount must be valid",
        title=("Xero won't use {account} for this", "An account xerohelper uses can't be used in Xero"),
        what="Xero turned down {where|what xerohelper sent} because {account|an account it uses} can't be "
        "used for it.",
        why="Most often the account a tender (cash, card…) is paid into doesn't have “Enable payments to "
        "this account” ticked. Less often the account was archived or deleted.",
        steps=(
            (
                "In Xero, go to Accounting > Chart of accounts and open {account}.",
                "In Xero, go to Accounting > Chart of accounts and open the account the tender is paid into.",
            ),
            "Tick “Enable payments to this account” and save. If the account is archived, restore it, or "
            "choose another account in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-found",
        r"\bAccount could not be found",
        title="Xero can't find the account a payment goes into",
        what="Xero turned down {where|a payment} because it can't find the account it should go into.",
        why="The account has no code in Xero, or it was archived, deleted or given a new code after "
        "xerohelper's Shop setup was done.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and find "
            "{account|the account the tender is paid into}.",
            "Check it is active and has a code; type a code that isn't used yet if it has none.",
            "If you now use a different account, choose it in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "bank-account-by-hand",
        r"Bank Account Number must contain",
        r"Please enter a valid Bank Account Number",
        title="Xero needs this bank account to be added by hand",
        what="xerohelper tried to create a bank account in Xero, and Xero wants details only you have "
        "(such as the real account number).",
        why="Xero only lets apps create bank accounts with a full, correctly formatted account number.",
        steps=(
            "In Xero, go to Accounting > Bank accounts and click Add Bank Account.",
            "Create the account (for example “Card clearing”) and give it a code.",
            "In xerohelper's Shop setup, choose that account, then click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="bank_accounts",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "account-name-taken",
        r"Please enter a unique Name",
        r"Please enter a unique Code",
        title="An account with that name or code already exists in Xero",
        what="xerohelper tried to create an account in Xero, but one with the same name or code already "
        "exists.",
        why="The account was made earlier, by hand or by an earlier set-up.",
        steps=(
            "In xerohelper's Shop setup, choose the existing account instead of creating a new one.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=3,
    ),
    # ---- set-up: tax and currency --------------------------------------------------------------------------
    _entry(
        "tax-rate-not-valid",
        r"\bTax rate must be valid",
        title=(
            "The tax rate “{tax_type}” can't be used here",
            "A tax rate xerohelper uses isn't valid in Xero",
        ),
        what="Xero turned down {where|a line} because of its tax rate.",
        why="The tax rate was archived or deleted in Xero, or it's a rate for purchases rather than sales.",
        steps=(
            "In Xero, go to Accounting > Advanced > Tax rates and check the sales tax rates you use are "
            "active.",
            "In xerohelper's Shop setup, choose a sales tax rate for each category.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "tax-type-not-accepted",
        r"The TaxType code '?(?P<tax_type>.+?)'? does not exist or cannot be used",
        r"The TaxType code '?(?P<tax_type>.+?)'? is not valid",
        title="Xero doesn't accept the tax rate “{tax_type}” here",
        what="Xero turned down {where|a line} because its tax rate, “{tax_type}”, doesn't exist in your "
        "organisation or can't be used on a sales invoice.",
        why="The tax rate was renamed, archived or deleted in Xero, or it's a rate for purchases rather "
        "than sales.",
        steps=(
            "In Xero, go to Accounting > Advanced > Tax rates and check which sales tax rates are active.",
            "In xerohelper's Shop setup, choose the right sales tax rate for each category.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "tax-bigger-than-line",
        r"tax amount cannot be greater than the line amount",
        title="A line's tax came out bigger than the line itself",
        what="Xero turned down {where|the day's invoice} because the tax on a line is more than the line's "
        "amount.",
        why="Usually prices are set up as including tax in the till but sent as excluding tax (or the other "
        "way round), or a refund line has the wrong sign.",
        steps=(
            "In xerohelper's settings, check whether your till's prices include tax.",
            "Check the tax rate of each sales category in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "currency-not-used",
        r"not subscribed to currency (?P<currency>[A-Z]{3})",
        title="Your Xero organisation doesn't use {currency}",
        what="Xero turned down {where|the day's invoice} because it is in {currency}, a currency your "
        "organisation hasn't added.",
        why="The day was sent in a currency other than your organisation's own, or the currency hasn't "
        "been added in Xero.",
        steps=(
            "Check that xerohelper's currency setting is your organisation's own currency.",
            "If you do trade in {currency}, add it in Xero: Accounting > Advanced > Currencies (some Xero "
            "plans don't include other currencies).",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="currencies",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "currency-rate-missing",
        r"A currency rate must be specified",
        title="The day's sales are in a different currency from your organisation's",
        what="Xero turned down {where|the day's invoice} because it is in another currency and no "
        "exchange rate was given.",
        why="xerohelper's currency setting doesn't match your Xero organisation's own currency.",
        steps=(
            "In xerohelper's settings, set the currency to your organisation's own currency.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="currencies",
        stage=S.SETUP,
        priority=3,
    ),
    # ---- lock dates ----------------------------------------------------------------------------------------
    _entry(
        "day-is-locked",
        r"cannot be before the (?P<lock_kind>period|end of year) lock date(?:,? currently set at "
        r"(?P<lock_date>\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{4}|[\d/.-]+))?",
        title="The day falls in a period that is locked in Xero",
        what="Xero won't add anything dated on or before {lock_date|its lock date}, and this day falls "
        "inside that locked period.",
        why="Your accountant or bookkeeper locks periods once a month or year is finished, so the figures "
        "can't change any more.",
        steps=(
            "Ask your accountant or bookkeeper whether this day may still be added.",
            "If so, they (or you, with the Adviser role) move the lock date in Xero: Accounting > Advanced > "
            "Financial settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="financial_settings",
        stage=S.PERIOD,
        priority=0,
    ),
    _entry(
        "invoice-is-locked",
        r"dated before (the )?end of year lock date",
        title="This invoice can't change: its date is in a locked period",
        what="Xero won't change {where|the day's invoice} because it is dated inside a period that is "
        "locked.",
        why="Your accountant or bookkeeper locks periods once a month or year is finished, so the figures "
        "can't change any more.",
        steps=(
            "Ask your accountant or bookkeeper whether this day may still be changed.",
            "If so, they move the lock date in Xero: Accounting > Advanced > Financial settings.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="financial_settings",
        stage=S.PERIOD,
        priority=1,
    ),
    # ---- the day's invoice ---------------------------------------------------------------------------------
    _entry(
        "invoice-number-used",
        r"Invoice #? ?(number )?must be unique",
        title=(
            "Invoice number {invoice_number} is already used in Xero",
            "This invoice number is already used in Xero",
        ),
        what="Xero already has an invoice numbered {invoice_number|like this one}, and two invoices can't "
        "share a number.",
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
        screen="invoices",
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
        screen="drafts",
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
    # ---- problems in what xerohelper sent: for support -----------------------------------------------------
    _entry(
        "unknown-detail",
        r"The element '(?P<field>[^']+)' was not recognised",
        r"^(?P<field>[A-Za-z][\w.]*) unknown\.?$",
        title="xerohelper sent a detail Xero doesn't recognise (“{field}”)",
        what="Xero turned down {where|what xerohelper sent} because it included “{field}”, which Xero "
        "doesn't recognise." + KEPT,
        why="This is almost always a problem in xerohelper. If you recently renamed something in Xero (a "
        "tax rate, an account, a tracking option), a name in xerohelper's Shop setup may no longer match.",
        steps=(
            "If you renamed something in Xero lately, check that xerohelper's Shop setup still shows the "
            "same names as Xero.",
            COPY_FOR_SUPPORT,
        ),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
    ),
    _entry(
        "sent-data-garbled",
        r"JSON for post data was invalid",
        r"No data has been processed for this endpoint",
        r"^No property or field",
        r"not filtering \w+ efficiently",
        r"Invoice Type must be specified",
        r"Invoice not of valid status for creation",
        r"document with the supplied id was not found",
        r"A document with id '(?P<document_id>[^']*)' could not be found",
        title="Xero couldn't make sense of what xerohelper sent",
        what="Xero turned down {where|what xerohelper sent} because it wasn't put together the way Xero "
        "expects." + KEPT,
        why="This is a problem in xerohelper, not in your Xero organisation or your figures.",
        steps=(COPY_FOR_SUPPORT,),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
    ),
    _entry(
        "refused-without-reason",
        r"^A validation exception occurred\.?$",
        title="Xero turned this down without saying why",
        what="Xero refused {where|what xerohelper sent} but gave no reason with it." + KEPT,
        why="Xero normally lists the reasons; without them xerohelper can't tell what to fix.",
        steps=(COPY_FOR_SUPPORT,),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
    ),
    _entry(
        "failed-without-reason",
        title="Xero didn't accept {where|part of what was sent} and didn't say why",
        what="Xero marked {where|part of what xerohelper sent} as failed but gave no reason.",
        why="Xero normally lists the reasons; without them xerohelper can't tell what to fix.",
        steps=("Click “I've fixed it — try again”.", "If it fails again, " + COPY_IF_AGAIN),
        action=A.CONTACT_SUPPORT,
        screen=None,
        stage=S.APP,
    ),
)


# ---- when no entry knows the message: fall back on what it is about --------------------------------------

FALLBACKS: tuple[Entry, ...] = (
    _entry(
        "about-the-connection",
        r"\btoken\b",
        r"\bunauthori[sz]ed\b",
        r"\bnot connected\b",
        r"\bre-?connect\b",
        r"\bsign(ed)? ?in\b",
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
    _entry(
        "about-a-lock-date",
        r"\block(ed)?\b.*\b(date|period)\b",
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
    _entry(
        "about-an-archived-contact",
        r"\barchived\b.*\bcontact|\bcontact\b.*\barchived\b",
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
        screen="archived_contacts",
        stage=S.SETUP,
        priority=9,
    ),
    _entry(
        "about-a-contact",
        r"\bcontacts?\b",
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
        screen="contacts",
        stage=S.SETUP,
        priority=9,
    ),
    _entry(
        "about-tax",
        r"\btax",
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
    _entry(
        "about-a-bank-account",
        r"\bbank account",
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
    _entry(
        "about-an-account",
        r"\baccount",
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
    _entry(
        "about-currency",
        r"\bcurrenc(y|ies)\b",
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
    _entry(
        "about-tracking",
        r"\btracking\b",
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
    _entry(
        "about-the-plan",
        r"\bsubscription\b",
        r"\bplan\b",
        r"\bupgrade\b",
        r"\breached the (maximum|limit)\b",
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
    _entry(
        "about-a-payment",
        r"\bpayments?\b",
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
    _entry(
        "about-the-invoice",
        r"\binvoices?\b",
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

UNKNOWN = _entry(
    "unknown",
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

NOTHING_WRONG = _entry(
    "nothing-wrong",
    title="Xero reported no error here",
    what="This answer from Xero has no error or warning in it, so there is nothing to fix in it.",
    why="Xero accepted what was sent.",
    steps=("If a step in xerohelper still shows a problem, " + COPY_IF_AGAIN,),
    action=A.CONTACT_SUPPORT,
    screen=None,
    stage=S.UNKNOWN,
)
