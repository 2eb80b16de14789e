"""Background work that failed, turned into the explanation card the owner sees (never a traceback); and
a check that a window is still there when late work comes back."""

from __future__ import annotations

import logging

import shiboken6

from xerohelper.core.explain import Explanation
from xerohelper.services.explaining import explain_error

log = logging.getLogger(__name__)


def explain_failure(error: BaseException, short_code: str | None = None) -> Explanation:
    """The card for what went wrong (Xero's refusal, no internet, the connection ended…)."""
    log.info("explaining a failure: %s", type(error).__name__)
    return explain_error(error, short_code=short_code)[0]


def short_code_of(session) -> str | None:
    """The organisation's short code for Open in Xero links, if the session (an AppSession) knows it."""
    short_code = getattr(session, "short_code", None)
    return short_code() if short_code is not None else None


def still_open(widget) -> bool:
    """False once Qt has deleted the widget (a dialog closed while its work was still running)."""
    return shiboken6.isValid(widget)
