"""What each step of the day's checklist is to the runner: the step it does, whether this run asked for it,
and doing it for the days of the run (handing on the days that may go on to the next step)."""

from __future__ import annotations

from xerohelper.core.checklist import Step
from xerohelper.core.mapping import Mapping
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun


class StepUnit:
    step: Step

    def asked(self, only: Step | None, approve: bool) -> bool:
        """Whether this run does the step (`only`: the one step asked for; `approve`: approve drafts)."""
        return only in (None, self.step)

    def run(self, run: DayRun, keys: list[DayKey], mapping: Mapping) -> list[DayKey]:
        """Do the step for these days; return the days that may go on to the next step."""
        raise NotImplementedError
