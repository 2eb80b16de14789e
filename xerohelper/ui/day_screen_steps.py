"""The checklist's actions on the day screen: run the next step, try again, check again, skip a step and
put it back, and send a day again after its figures changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from xerohelper.core.checklist import Step
from xerohelper.ui.resend_dialog import ResendDialog
from xerohelper.ui.step_card import SkipDialog
from xerohelper.ui.wait_countdown import heard_by


class StepActions:
    """What the step cards and the run-next button start (a mixin of DayScreen; runs work by `_start`)."""

    def run_next_step(self) -> None:
        """The primary button: run the next step that can run."""
        if self.busy or self.snapshot is None or self.trading_date is None:
            return
        following = self.snapshot.checklist.next_step
        if following is None:
            return
        day, place = self.trading_date, self.location
        words = {
            Step.SALES_SUMMARY: "Sending the sales summary to Xero…",
            Step.APPROVE: "Approving the invoice in Xero…",
            Step.PAYMENTS: "Recording the payments in Xero…",
        }[following.step]
        session = self.session
        self._start(
            lambda progress: session.run_next_step(day, place, progress=progress, on_wait=heard_by(progress)),
            step=following.step,
            words=words,
        )

    def _try_again(self, step: Step) -> None:
        """I've fixed it — try again: read the day back from Xero, then run that step again."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda progress: session.try_again(
                day, step, place, progress=progress, on_wait=heard_by(progress)
            ),
            step=step,
            words="Checking Xero again…",
        )

    def _check_again(self, step: Step) -> None:
        """I've approved it in Xero — check again."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda progress: session.check_again(day, place, progress=progress, on_wait=heard_by(progress)),
            step=step,
            words="Checking the invoice in Xero…",
        )

    def _ask_skip(self, step: Step) -> None:
        if self.busy:
            return
        dialog = SkipDialog(step, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.skip(step, dialog.reason_text()))
        dialog.open()

    def skip(self, step: Step, reason: str) -> None:
        """Skip `step` (and the steps after it, which can't happen without it) for the day shown."""
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.skip(day, step, reason, place), words="Noting the skipped step…"
        )

    def _unskip(self, step: Step) -> None:
        session, day, place = self.session, self.trading_date, self.location
        self._start(lambda _progress: session.unskip(day, step, place), words="Putting the step back…")

    def _resend(self) -> None:
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.resend_preview(day, place),
            words="Working out the changes…",
            after=self._confirm_resend,
        )

    def _confirm_resend(self, preview) -> None:
        if preview is None:
            return
        dialog = ResendDialog(preview, self)
        session, day, place = self.session, self.trading_date, self.location
        dialog.accepted.connect(
            lambda: self._start(
                lambda progress: session.resend(day, place, progress=progress, on_wait=heard_by(progress)),
                step=Step.SALES_SUMMARY,
                words="Sending the day again…",
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
