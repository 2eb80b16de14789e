"""The catalogue's entries about signing in to Xero and the permissions xerohelper was given."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import (
    ALLOW,
    COPY_FOR_SUPPORT,
    KEPT,
    RECONNECT,
    TRY_AGAIN,
    A,
    Entry,
    S,
    entry,
)
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.CONNECTION)

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
)
