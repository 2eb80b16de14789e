"""Which steps of which days need the owner's attention, each with the explanation to show, and which step
is running now. Each problem found (a refusal predicted before sending, a till difference to decide, a
plan's cap, Xero's own refusal) is kept in memory and in the journal, so after a restart the day still
needs attention with the same card; a step's last failed attempt from before the journal kept problems
still needs attention too (its stored answer is explained again). A fresh start for the day (new figures,
a new run, "check again") forgets them; a run that finds the problem again keeps it again."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from xerohelper.adapters.journal import Attempt, Journal
from xerohelper.core.checklist import Step
from xerohelper.core.explain import Explanation
from xerohelper.core.explain.kept import as_kept, from_kept
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.explaining import Explainer

log = logging.getLogger(__name__)


class NeedsAttention:
    def __init__(self, journal: Journal, organisation_id: str, explainer: Explainer) -> None:
        self.journal = journal
        self.organisation_id = organisation_id
        self.explainer = explainer
        self._found: dict[DayKey, dict[Step, Explanation]] = {}
        self._running: dict[DayKey, Step] = {}

    # ---- the explanations --------------------------------------------------------------------------------
    def note(self, key: DayKey, step: Step, explanation: Explanation) -> None:
        self._found.setdefault(key, {})[step] = explanation
        self.journal.keep_problem(
            self.organisation_id, key.trading_date, key.location, step, as_kept(explanation)
        )

    def has(self, key: DayKey, step: Step) -> bool:
        """This run found a problem with this step of this day."""
        return step in self._found.get(key, {})

    def forget(self, key: DayKey) -> None:
        """A fresh start for the day (new figures, a new run, "check again")."""
        self._found.pop(key, None)
        self.journal.forget_problems(self.organisation_id, key.trading_date, key.location)

    def of(self, key: DayKey) -> dict[Step, Explanation]:
        """The day's steps that need attention, with their explanations."""
        found = self._found.get(key)
        return dict(found) if found else self._from_journal(key)

    def _from_journal(self, key: DayKey) -> dict[Step, Explanation]:
        """After a restart: the problems kept with the day, and the last failed attempt of a step not yet
        done (from before problems were kept) still need attention."""
        last: dict[Step, Attempt] = {}
        for attempt in self.journal.attempts(self.organisation_id, key.trading_date, key.location):
            last[attempt.step] = attempt
        found = {
            step: self.explainer.for_stored(attempt.http_status, attempt.error_body, ())
            for step, attempt in last.items()
            if attempt.outcome == "failed"
        }
        for step, data in self.journal.problems(self.organisation_id, key.trading_date, key.location).items():
            try:
                found[step] = from_kept(data)
            except (
                KeyError,
                TypeError,
                ValueError,
            ):  # kept by a later xerohelper: run the step again
                log.warning("a problem kept for %s could not be read back", key)
        return found

    # ---- the step running now ----------------------------------------------------------------------------
    def start_running(self, keys: Iterable[DayKey], step: Step) -> None:
        for key in keys:
            self._running[key] = step

    def running(self, key: DayKey) -> Step | None:
        return self._running.get(key)

    def stop_running(self) -> None:
        self._running.clear()
