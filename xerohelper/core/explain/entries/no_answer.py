"""The catalogue's entries about when no answer came back from Xero (no internet, a dropped connection,
signing in)."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import (
    ALLOW,
    COPY_FOR_SUPPORT,
    KEPT,
    RECONNECT,
    STATUS_PAGE,
    A,
    Entry,
    S,
    entry,
)
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.NO_ANSWER)

ENTRIES: tuple[Entry, ...] = (
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
)
