"""The one way to explain a failure: every screen, the day's steps and `xerohelper explain` come here.

    explain_error(error)                 an exception (Xero's refusal through the SDK, the connection's own
                                         problems, no internet, a file that can't be read…) as cards
    explain_answer(status, body, headers) a raw answer of Xero's (what support staff paste in) as cards
    needs_reconnect(error)               whether the failure is the connection asking for a new sign-in
    Explainer                            the same for one organisation (its short code for the links),
                                         with what the day's steps need: a failed item of a batch, a problem
                                         found before sending, an answer kept in the journal

Cards come back the one to fix first at the front, never empty. The words are the catalogue's
(core/explain); this module only finds the right input for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from xerohelper.adapters.xero_errors import (
    carries_xero_answer,
    failed_call_from_exception,
    failed_call_from_http,
)
from xerohelper.core.checklist import Step
from xerohelper.core.connection import ConnectionProblem, ReconnectNeeded
from xerohelper.core.day import Day
from xerohelper.core.explain import (
    Explanation,
    explain,
    explain_connection_problem,
    explain_messages,
    explanation_for,
)
from xerohelper.core.mapping import Mapping as ShopMapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.plan_limit import PlanAllowance, cap_reached
from xerohelper.core.preflight import preflight, setup_problems
from xerohelper.core.sales_invoice import PlanProblem

INVOICE_NUMBER_TAKEN = "invoice-number-taken"  # a failed item's kind: the number is used by another total


def explain_error(
    error: BaseException,
    *,
    short_code: str | None = None,
    labels: Iterable[str] = (),
    ids: Mapping[str, str | None] | None = None,
    port: int | None = None,
    now: datetime | None = None,
) -> tuple[Explanation, ...]:
    """The cards for anything that went wrong while talking to Xero, the one to fix first at the front."""
    if isinstance(error, ConnectionProblem) and not carries_xero_answer(error):
        cards = explain_connection_problem(error, short_code, now)
        if cards:
            return cards
    call = failed_call_from_exception(error, element_labels=labels, port=port)
    return explain(call, short_code=short_code, ids=ids, now=now)


def explain_answer(
    status: int | None,
    body: str | bytes | None = "",
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    *,
    short_code: str | None = None,
    labels: Iterable[str] = (),
    now: datetime | None = None,
) -> tuple[Explanation, ...]:
    """The cards for Xero's answer given as its status, body and headers."""
    call = failed_call_from_http(status, body, headers, labels)
    return explain(call, short_code=short_code, now=now)


def needs_reconnect(error: BaseException) -> bool:
    """True when the connection needs the owner to sign in again (the window shows Reconnect)."""
    return isinstance(error, ReconnectNeeded)


class Explainer:
    """Explanations for one organisation: `short_code` gives its short code (None: links to Xero's home)."""

    def __init__(self, short_code: Callable[[], str | None] = lambda: None) -> None:
        self._short_code = short_code

    def for_exception(self, error: BaseException, labels: Sequence[str] = ()) -> Explanation:
        return explain_error(error, short_code=self._short_code(), labels=labels)[0]

    def for_item(
        self, kind: str, label: str, messages: Sequence[str], details: Mapping[str, str]
    ) -> Explanation:
        """One item of a batch that Xero turned down (or that xerohelper held back), by its kind
        ("payment", "invoice", INVOICE_NUMBER_TAKEN), its label and what else is known about it."""
        ids = {"InvoiceID": details.get("invoice_id")}  # so "Open in Xero" opens that very invoice
        values = {k: str(v) for k, v in details.items() if k != "invoice_id" and v}
        if kind == INVOICE_NUMBER_TAKEN:
            return explanation_for(
                "invoice-number-used",
                values={**values, "invoice_number": label},
                short_code=self._short_code(),
                ids=ids,
                where=label,
                predicted=False,
            )
        return explain_messages(
            messages, kind=kind, label=label, context=values, short_code=self._short_code(), ids=ids
        )[0]

    def for_problems(self, problems: Sequence[PlanProblem]) -> Explanation:
        return setup_problems(list(problems))

    def plan_cap(self, allowance: PlanAllowance, number: str) -> Explanation:
        """Found before sending: the plan's monthly cap of approved invoices would refuse `number`."""
        return cap_reached(allowance, number, self._short_code())

    def for_stored(self, status: int | None, body: str | None, labels: Sequence[str] = ()) -> Explanation:
        """An answer kept in the journal (its status and body), explained again."""
        return explain_answer(status, body or "", short_code=self._short_code(), labels=labels)[0]

    def preflight(
        self, day: Day, mapping: ShopMapping, setup: OrganisationSetup, contact: ContactInfo | None
    ) -> list[tuple[Step, Explanation]]:
        return preflight(day, mapping, setup, contact)
