"""The connection's own problems (core.connection: the sign-in ended, the sign-in was cancelled, Xero turned
the app down…) on the same cards as Xero's refusals, when they are not a Xero answer themselves."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from xerohelper.core.connection import (
    CONNECTED_APPS_IN_XERO,
    CallbackPortTaken,
    ClientIdMissing,
    ConnectionProblem,
    NoOrganisationAllowed,
    NotConnected,
    PasswordStoreProblem,
    ReconnectNeeded,
    ReconnectReason,
    SignInCancelled,
    SignInRefused,
    SignInTimedOut,
    XeroRejectedApp,
    XeroUnreachable,
)
from xerohelper.core.explain.cards import explain_messages, explanation_for
from xerohelper.core.explain.explanation import Action, Explanation, Stage
from xerohelper.core.explain.screens import open_in_xero

_RECONNECT_ENTRY = {
    ReconnectReason.SIGN_IN_ENDED: "sign-in-ended",
    ReconnectReason.ACCESS_REFUSED: "sign-in-refused",
    ReconnectReason.ORGANISATION_DISCONNECTED: "organisation-disconnected",
    ReconnectReason.ORGANISATION_NOT_LISTED: "organisation-disconnected",
    ReconnectReason.SIGN_IN_NOT_SAVED: "not-signed-in",
}


def explain_connection_problem(
    problem: ConnectionProblem, short_code: str | None = None, now: datetime | None = None
) -> tuple[Explanation, ...]:
    """The cards for a connection problem; empty when the failed call says more (no internet, the
    sign-in's port taken, not connected: explain the call made from it instead)."""
    details = (("Technical cause", problem.details),) if problem.details else ()
    if isinstance(problem, ReconnectNeeded):
        key = _RECONNECT_ENTRY.get(problem.reason, "sign-in-ended")
        card = explanation_for(key, short_code=short_code, predicted=False, now=now)
        return (replace(card, support_details=details),)
    if isinstance(problem, SignInCancelled):
        return (explanation_for("sign-in-cancelled", short_code=short_code, predicted=False, now=now),)
    if isinstance(problem, XeroRejectedApp | SignInRefused):
        text = problem.details if isinstance(problem, SignInRefused) else problem.error
        return explain_messages([text], status=400, short_code=short_code, now=now)
    if isinstance(problem, CallbackPortTaken | NotConnected | XeroUnreachable):
        return ()
    return (_in_its_own_words(problem, short_code, now),)


def _in_its_own_words(
    problem: ConnectionProblem, short_code: str | None, now: datetime | None
) -> Explanation:
    """A connection problem the catalogue has no card for: its own words, with the right next step."""
    if isinstance(problem, ClientIdMissing | PasswordStoreProblem):
        action, screen = Action.FIX_IN_APP, None
    elif isinstance(problem, SignInTimedOut | NoOrganisationAllowed):
        action, screen = Action.RECONNECT, None
    elif CONNECTED_APPS_IN_XERO in problem.next_step:
        action, screen = Action.FIX_IN_XERO, open_in_xero("connected_apps", short_code)
    else:
        action, screen = Action.CONTACT_SUPPORT, None
    return Explanation(
        title=problem.words.split(". ")[0].rstrip("."),
        what_happened=problem.words,
        why="",
        steps=(problem.next_step,),
        action=action,
        screen=screen,
        key=f"connection:{type(problem).__name__}",
        stage=Stage.CONNECTION,
        occurred_at=now or datetime.now(UTC),
        support_details=(("Technical cause", problem.details),) if problem.details else (),
    )
