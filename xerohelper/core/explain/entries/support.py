"""The catalogue's entries about problems in what xerohelper sent, for support."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import COPY_FOR_SUPPORT, COPY_IF_AGAIN, KEPT, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.APP)

ENTRIES: tuple[Entry, ...] = (
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
