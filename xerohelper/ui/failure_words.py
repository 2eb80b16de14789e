"""Background work that failed, turned into the explanation card the owner sees (never a traceback); and
a check that a window is still there when late work comes back."""

from __future__ import annotations

import logging
from dataclasses import replace

import shiboken6

from xerohelper.core.explain import Action, Explanation
from xerohelper.core.explain.words import wait_in_words
from xerohelper.services.explaining import explain_error

log = logging.getLogger(__name__)


def explain_failure(error: BaseException, short_code: str | None = None) -> Explanation:
    """The card for what went wrong (Xero's refusal, no internet, the connection ended…)."""
    log.info("explaining a failure: %s", type(error).__name__)
    return explain_error(error, short_code=short_code)[0]


def while_reading(problem: Explanation, to_do: str, meanwhile: str) -> Explanation:
    """A wait card (Xero's limits) for a read that stopped where nothing is being sent (Shop setup): its
    catalogue words speak of a day being sent ("xerohelper sends the rest by itself tomorrow"); here the
    next step is to press Try again then, `to_do` what the read was for. Other cards are as they are."""
    if problem.action is not Action.RETRY_LATER:
        return problem
    if problem.retry_after:
        when = wait_in_words(problem.retry_after)
    else:
        when = "tomorrow" if problem.key == "day-limit" else "in a few minutes"
    return replace(
        problem,
        title=problem.title.split(" — ")[0],
        steps=(f"Press Try again {when} (or open Shop setup again then) {to_do}.", meanwhile),
    )


def short_code_of(session) -> str | None:
    """The organisation's short code for Open in Xero links, if the session (an AppSession) knows it."""
    short_code = getattr(session, "short_code", None)
    return short_code() if short_code is not None else None


def still_open(widget) -> bool:
    """False once Qt has deleted the widget (a dialog closed while its work was still running)."""
    return shiboken6.isValid(widget)
