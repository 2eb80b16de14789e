"""The catalogue's entries about Xero's limits on calls, its maintenance and its outages."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import COPY_IF_AGAIN, STATUS_PAGE, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.XERO_SERVICE)

ENTRIES: tuple[Entry, ...] = (
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
)
