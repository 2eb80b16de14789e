"""Which steps of which days need the owner's attention, each with the explanation to show, and which step
is running now. Kept in memory while the app runs; after a restart, a step's last failed attempt in the
journal still needs attention (its stored answer is explained again)."""

from __future__ import annotations

from collections.abc import Iterable

from xerohelper.adapters.journal import Attempt, Journal
from xerohelper.core.checklist import Step
from xerohelper.core.explain import Explanation
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.explaining import Explainer


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

    def has(self, key: DayKey, step: Step) -> bool:
        """This run found a problem with this step of this day."""
        return step in self._found.get(key, {})

    def forget(self, key: DayKey) -> None:
        """A fresh start for the day (new figures, a new run, "check again")."""
        self._found.pop(key, None)

    def of(self, key: DayKey) -> dict[Step, Explanation]:
        """The day's steps that need attention, with their explanations."""
        found = self._found.get(key)
        return dict(found) if found else self._from_journal(key)

    def _from_journal(self, key: DayKey) -> dict[Step, Explanation]:
        """After a restart: the last failed attempt of a step not yet done still needs attention."""
        last: dict[Step, Attempt] = {}
        for attempt in self.journal.attempts(self.organisation_id, key.trading_date, key.location):
            last[attempt.step] = attempt
        return {
            step: self.explainer.for_stored(attempt.http_status, attempt.error_body, ())
            for step, attempt in last.items()
            if attempt.outcome == "failed"
        }

    # ---- the step running now ----------------------------------------------------------------------------
    def start_running(self, keys: Iterable[DayKey], step: Step) -> None:
        for key in keys:
            self._running[key] = step

    def running(self, key: DayKey) -> Step | None:
        return self._running.get(key)

    def stop_running(self) -> None:
        self._running.clear()
