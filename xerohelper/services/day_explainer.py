"""Explanations for the day's checklist: Xero's refusals, failed items of a batch, what preflight predicts
and problems in the Shop setup, each as the same explanation card, with links into this organisation."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from xerohelper.adapters.xero_errors import explain_exception
from xerohelper.core.checklist import Step
from xerohelper.core.day import Day
from xerohelper.core.error_catalogue import explain, explain_messages, explanation_for
from xerohelper.core.explanation import Explanation
from xerohelper.core.failed_call import FailedCall
from xerohelper.core.mapping import Mapping as ShopMapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.preflight import preflight, setup_problems
from xerohelper.core.sales_invoice import PlanProblem


class DayExplainer:
    def __init__(self, short_code: Callable[[], str | None] = lambda: None) -> None:
        self._short_code = short_code

    def for_exception(self, error: BaseException, labels: Sequence[str] = ()) -> Explanation:
        return explain_exception(error, short_code=self._short_code(), element_labels=labels)[0]

    def for_item(
        self, kind: str, label: str, messages: Sequence[str], details: Mapping[str, str]
    ) -> Explanation:
        ids = {"invoice_id": details.get("invoice_id")}
        if kind == "invoice-number-taken":
            card = explanation_for(
                "invoice-number-used",
                values={"invoice_number": label},
                short_code=self._short_code(),
                ids=ids,
                predicted=False,
            )
            return replace(
                card,
                what_happened=(
                    f"Xero already has an invoice numbered {label} with a total of {details['xero_total']}, "
                    f"but your till's total for the day is {details['till_total']}. xerohelper won't post "
                    "the day twice."
                ),
                where=label,
            )
        context = {k: v for k, v in details.items() if k != "invoice_id"}
        return explain_messages(
            messages, kind=kind, label=label, context=context, short_code=self._short_code(), ids=ids
        )[0]

    def for_problems(self, problems: Sequence[PlanProblem]) -> Explanation:
        return setup_problems(list(problems))

    def for_stored(self, status: int | None, body: str | None, labels: Sequence[str] = ()) -> Explanation:
        return explain(
            FailedCall.from_http(status, body or "", element_labels=labels), short_code=self._short_code()
        )[0]

    def preflight(
        self, day: Day, mapping: ShopMapping, setup: OrganisationSetup, contact: ContactInfo | None
    ) -> list[tuple[Step, Explanation]]:
        return preflight(day, mapping, setup, contact)
