"""One run against Xero, for one call of the service: who hears its progress, which Cancel stops it, and
how each call to Xero is made — the journal's intent written first, a refusal turned into the step's
explanation and a clean stop of the run.

A run is made per call (never shared between threads): the progress listener and the Cancel are the
caller's own. Steps that stop raise StopRun; the runner catches it, the explanation is on the step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NoReturn, TypeVar

from xerohelper.adapters.journal import Attempt, DayRecord, Journal
from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.adapters.xero_pacing import Cancelled, DailyLimitReached
from xerohelper.adapters.xero_shapes import ItemResult, XeroRefused, items_refused
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.connection import ConnectionProblem, ReconnectNeeded
from xerohelper.core.day import Day
from xerohelper.core.explain import Explanation
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_status import DayStatus
from xerohelper.services.day.needs_attention import NeedsAttention
from xerohelper.services.day.setup_cache import SetupCache
from xerohelper.services.explaining import Explainer

ProgressListener = Callable[[str], None]
T = TypeVar("T")
TO_DO = (StepState.READY, StepState.NEEDS_ATTENTION)


class StopRun(Exception):
    """A step needs attention: stop the run here, cleanly."""


@dataclass
class DayRun:
    books: XeroBooks  # bound to this call's Cancel
    journal: Journal
    organisation_id: str
    shop_mapping: Callable[[], Mapping]
    explainer: Explainer
    status: DayStatus
    attention: NeedsAttention
    setup_cache: SetupCache
    say: ProgressListener  # this call's progress listener
    today: Callable[[], date] = date.today  # weekly summaries: whether a week is over

    # ---- what the journal knows --------------------------------------------------------------------------
    def record(self, key: DayKey) -> DayRecord:
        return self.journal.record(self.organisation_id, key.trading_date, key.location)

    def day(self, key: DayKey) -> Day | None:
        return self.journal.day(self.organisation_id, key.trading_date, key.location)

    def to_do(self, keys: Sequence[DayKey], step: Step) -> list[DayKey]:
        """The days whose `step` is ready to run, or needs attention (and may be tried again)."""
        return [k for k in keys if self.status.of(k)[step].state in TO_DO]

    # ---- the journal first, then Xero --------------------------------------------------------------------
    def begin(self, key: DayKey, step: Step, action: str, request: dict) -> Attempt:
        """The intent, written before Xero is asked (with its Idempotency-Key)."""
        return self.journal.begin(self.organisation_id, key.trading_date, key.location, step, action, request)

    def items_failed(self, attempt: Attempt, results: Sequence[ItemResult]) -> None:
        """Xero answered, refusing these items of the batch: the outcome is known."""
        refusal = items_refused(results)
        self.journal.failed(attempt, refusal.status, refusal.body)

    def document_refused(
        self, key: DayKey, step: Step, attempt: Attempt, result: ItemResult, kind: str, number: str
    ) -> None:
        """Xero turned down one document of a batch: its answer kept, explained on the day's step."""
        self.items_failed(attempt, [result])
        details = {"number": number}
        self.attention.note(key, step, self.explainer.for_item(kind, number, result.problems, details))

    def guarded(
        self,
        key: DayKey,
        step: Step,
        call: Callable[[], T],
        attempts: Sequence[Attempt] = (),
        labels: Sequence[str] = (),
    ) -> T:
        """Run one call to Xero; turn a failure into the step's explanation and stop the run."""
        try:
            return call()
        except (ReconnectNeeded, Cancelled):
            raise  # the app shows Reconnect / the owner stopped: the journal keeps the intent for next time
        except DailyLimitReached as limit:
            self.stop_with(key, step, self.explainer.for_exception(limit.error, labels))
        except XeroRefused as refused:
            for attempt in attempts:  # Xero answered: the outcome is known
                self.journal.failed(attempt, refused.refusal.status, refused.refusal.body)
            self.stop_with(key, step, self.explainer.for_exception(refused, labels))
        except ConnectionProblem as problem:  # no answer: the intent stays open, reconciled next run
            self.stop_with(key, step, self.explainer.for_exception(problem, labels))

    def stop_with(self, key: DayKey, step: Step, explanation: Explanation) -> NoReturn:
        self.attention.note(key, step, explanation)
        self.attention.stop_running()
        raise StopRun()

    # ---- the organisation's set-up -----------------------------------------------------------------------
    def setup(self, key: DayKey, step: Step) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The kept set-up, or read now (a failure stops the run at `step` of `key`)."""
        if not self.setup_cache.is_fresh():
            self.say("Reading your organisation's accounts and tax rates…")
        return self.guarded(key, step, lambda: self.setup_cache.read(self.books))
