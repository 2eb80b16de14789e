"""Which steps of which days need the owner's attention, each with the explanation to show, and which step
is running now. Every problem found, on every path (a refusal predicted before sending, a week's invoice
that can't be planned, a plan's cap, Xero's own refusal; from the day screen, a catch-up, the tray or the
command line), is noted here and kept in the journal only — the one place: the app that found it, the app
opened again and another command on the same data folder all read the same problems, with the same card. A
step's last failed attempt from before the journal kept problems still needs attention too (its stored
answer is explained again). A fresh start for the day (new figures, a new run, "check again") forgets them;
a run that finds the problem again keeps it again."""

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
        self._running: dict[DayKey, Step] = {}

    # ---- the explanations --------------------------------------------------------------------------------
    def note(self, key: DayKey, step: Step, explanation: Explanation) -> None:
        self.journal.keep_problem(
            self.organisation_id, key.trading_date, key.location, step, as_kept(explanation)
        )

    def has(self, key: DayKey, step: Step) -> bool:
        """A problem was found with this step of this day since its last fresh start (by this run, or by
        the run that stopped it: a held-back week reads it after a restart too)."""
        return step in self.journal.problems(self.organisation_id, key.trading_date, key.location)

    def forget(self, key: DayKey) -> None:
        """A fresh start for the day (new figures, a new run, "check again")."""
        self.journal.forget_problems(self.organisation_id, key.trading_date, key.location)

    def of(self, key: DayKey) -> dict[Step, Explanation]:
        """The day's steps that need attention, with their explanations: the problems kept with the day,
        and the last failed attempt of a step (from before problems were kept)."""
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
