"""The day's work with Xero as the window asks for it: the next step, check again, try again, re-send, catch
up. Each call has its own progress and cancel (a part of AppSession, app_session.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window makes the session while it starts: only what that needs is loaded then
    from xerohelper.core.catch_up import CatchUpRow
    from xerohelper.core.checklist import Checklist, Step
    from xerohelper.services.days_in_xero import XeroMonth


Progress = Callable[[str], None] | None
WaitHeard = Callable[[float, str], None] | None  # (seconds, why): Xero asked xerohelper to wait


class XeroWorkCalls:
    """AppSession's work with Xero (self._cancellable and self.day_service are AppSession's)."""

    def run_next_step(
        self,
        trading_date: date,
        location: str = "",
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
    ) -> Checklist:
        """The day screen's main button: the next step that can run is tried once."""
        with self._cancellable(cancel) as cancel:
            return self.day_service().run_next_step(
                trading_date, location, progress=progress, cancel=cancel, on_wait=on_wait
            )

    def check_again(
        self,
        trading_date: date,
        location: str = "",
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
    ) -> Checklist:
        """ "I've approved it / fixed it in Xero — check again": read the day's invoice back from Xero."""
        with self._cancellable(cancel) as cancel:
            return self.day_service().refresh(
                trading_date, location, progress=progress, cancel=cancel, on_wait=on_wait
            )

    def try_again(
        self,
        trading_date: date,
        step: Step,
        location: str = "",
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
    ) -> Checklist:
        """ "I've fixed it — try again": check Xero again, then run `step` again if it is still next."""
        with self._cancellable(cancel) as cancel:
            days = self.day_service()
            checklist = days.refresh(
                trading_date, location, progress=progress, cancel=cancel, on_wait=on_wait
            )
            following = checklist.next_step
            if following is None or following.step is not step:
                return checklist
            return days.run_next_step(
                trading_date, location, progress=progress, cancel=cancel, on_wait=on_wait
            )

    def resend(
        self,
        trading_date: date,
        location: str = "",
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
    ) -> Checklist:
        """After the owner confirmed the preview: remove the payments, void the invoice, send it again."""
        with self._cancellable(cancel) as cancel:
            return self.day_service().resend(
                trading_date, location, progress=progress, cancel=cancel, on_wait=on_wait
            )

    def catch_up(
        self,
        dates: Sequence[date],
        location: str = "",
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
    ) -> list[Checklist]:
        """Missed days in date order, batched; stops at the first day that needs attention, or before the
        next call to Xero once `cancel` is set (what was sent stays sent; nothing is sent twice)."""
        with self._cancellable(cancel) as cancel:
            return self.day_service().catch_up(
                list(dates), location, progress=progress, cancel=cancel, on_wait=on_wait
            )

    def days_in_xero(self, month: tuple[int, int], *, cancel=None) -> XeroMonth:
        """The days of `month` (year, month) whose invoices are in Xero, for the calendar: read once a month
        for the session; when Xero can't be read, none, with a quiet note in words (tried again next time)."""
        from xerohelper.core.connection import ConnectionProblem
        from xerohelper.services.days_in_xero import XeroMonth, not_read_words

        with self._cancellable(cancel) as cancel:
            try:
                days = self.day_service()
            except ConnectionProblem as problem:  # not connected, or Xero asks to sign in again
                return XeroMonth(month, note=not_read_words(problem))
            return days.days_in_xero.month(month, self.today(), cancel)

    def catch_up_list(self, since: date | None = None) -> list[CatchUpRow]:
        """The days imported but not (all) in Xero, oldest first, each ticked, with their totals (the
        journal; no call to Xero). Days whose figures differ from Xero's are not in it: they are re-sent."""
        from xerohelper.services.catch_up import catch_up_list

        return catch_up_list(self.day_service(), since)

    def send_catch_up(
        self,
        rows: Sequence[CatchUpRow],
        *,
        progress: Progress = None,
        cancel=None,
        on_wait: WaitHeard = None,
        on_till: Callable[[str, int, int], None] | None = None,
    ) -> list[CatchUpRow]:
        """Send the ticked rows' days till by till, each till's in date order, batched; the rows back with
        each day's outcome (`on_till(till, index, count)` hears each till's days begin). One till's refusal
        doesn't stop the other tills' days, a problem of the whole organisation does. Raises CatchUpStopped
        (with the rows as they ended) after Cancel or a lost connection."""
        from xerohelper.services.catch_up import send_ticked

        with self._cancellable(cancel) as cancel:
            return send_ticked(
                self.day_service(), rows, progress=progress, cancel=cancel, on_wait=on_wait, on_till=on_till
            )
