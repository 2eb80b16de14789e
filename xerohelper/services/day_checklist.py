"""Run a day's checklist against Xero: sales summary → approve drafts → payment tenders.

Every write goes through the journal first (intent with its Idempotency-Key), then Xero, then the outcome.
Before an invoice is created it is looked up by number: ours → done, someone else's → explained, never
posted twice. After each step Xero is read back to confirm. Several days (catch-up) go in as few calls as
Xero allows: one look-up, one batch of invoices, one approval, one batch of payments, one read-back.

This module puts the parts in services/day/ together behind one service. Every method that calls Xero
takes, for that call only, `progress` (hears what is being done, in words) and `cancel` (set it to stop
waiting for Xero); it runs on a worker thread (never the GUI thread) and blocks while Xero answers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date

from xerohelper.adapters.journal import Journal
from xerohelper.adapters.settings import SANDBOX
from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.adapters.xero_pacing import DailyLimitReached, WaitListener, XeroPacer
from xerohelper.adapters.xero_shapes import XeroRefused
from xerohelper.core.checklist import Checklist, DayFacts, Step
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.till_tracking import TrackingCategoryInfo
from xerohelper.services.connection import ConnectionService
from xerohelper.services.day.checklist_runner import ChecklistRunner
from xerohelper.services.day.day_key import DayKey
from xerohelper.services.day.day_run import DayRun, ProgressListener
from xerohelper.services.day.day_status import DayStatus
from xerohelper.services.day.needs_attention import NeedsAttention
from xerohelper.services.day.plan_warning import plan_warning
from xerohelper.services.day.resend import Resend, ResendPreview
from xerohelper.services.day.setup_cache import SetupCache
from xerohelper.services.day_snapshot import shop_tills
from xerohelper.services.days_in_xero import DaysInXero
from xerohelper.services.demo_shop import DEMO_MAPPING, DEMO_ORGANISATION
from xerohelper.services.explaining import Explainer
from xerohelper.services.journal_rebuild import open_journal
from xerohelper.services.shop_mapping import load_mapping

log = logging.getLogger(__name__)

__all__ = ["DayChecklistService", "DayKey", "ProgressListener", "ResendPreview"]


def _quiet(words: str) -> None:
    """Nobody listens to this run's progress."""


class DayChecklistService:
    def __init__(
        self,
        books: XeroBooks,
        journal: Journal,
        organisation_id: str,
        mapping: Callable[[], Mapping],
        explainer: Explainer,
        progress: ProgressListener | None = None,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        self.books = books
        self.journal = journal
        self.organisation_id = organisation_id
        self._mapping = mapping
        self.explainer = explainer
        self.progress = progress or _quiet  # who hears a call's progress when the call names no one
        self._attention = NeedsAttention(journal, organisation_id, explainer)
        self._status = DayStatus(journal, organisation_id, mapping, self._attention, today)
        self._setup = SetupCache(mapping, clock)
        self._runner = ChecklistRunner()
        self._resend = Resend(journal, organisation_id, mapping, self._runner)
        self.days_in_xero = DaysInXero(  # the calendar's months as Xero holds them (cached)
            books, mapping, lambda: shop_tills(self, mapping())
        )

    @classmethod
    def for_connection(
        cls,
        connection: ConnectionService,
        pacer: XeroPacer | None = None,
        progress: ProgressListener | None = None,
    ) -> DayChecklistService:
        """The service for the connected organisation, its Mapping and the journal in the user's data folder.

        Raises NotConnected / ReconnectNeeded when there is no usable connection."""
        api = connection.api()
        tenant_id = connection.saved_organisation().tenant_id
        return cls(
            XeroBooks(api, tenant_id, pacer or XeroPacer()),
            open_journal(connection, lambda: cls.mapping_for(connection), progress, pacer),
            tenant_id,
            lambda: cls.mapping_for(connection),
            Explainer(lambda: connection.saved_organisation().short_code),
            progress=progress,
        )

    @staticmethod
    def mapping_for(connection: ConnectionService) -> Mapping:
        """The organisation's saved Mapping; the ready one for the sandbox's demo shop; else an empty one."""
        organisation = connection.saved_organisation()
        saved = load_mapping(connection.folders.settings, organisation.tenant_id)
        if saved is not None:
            return saved
        if connection.endpoints.name == SANDBOX and organisation.name == DEMO_ORGANISATION:
            return DEMO_MAPPING
        return Mapping()

    # ---- reading (no call to Xero) ------------------------------------------------------------------------
    def shop_mapping(self) -> Mapping:
        """The shop's Mapping as the day's run uses it (it may change while the app runs)."""
        return self._mapping()

    def save_day(self, day: Day) -> Checklist:
        """Keep the day's figures (from an import or the Z-report form)."""
        return self._status.save_day(day)

    def accept_difference(self, trading_date: date, location: str = "") -> Checklist:
        """The owner agreed to book the day's till difference (over/short) on the till difference account."""
        return self._status.accept_difference(trading_date, location)

    def is_new_location(self, day: Day) -> bool:
        """The till file names a shop or till never seen for this organisation (no day of it kept, no
        tracking option for it): it may be another shop's file, so the owner is asked before it is sent."""
        place = day.place or day.location
        if not place:
            return False
        tracking = self._mapping().tracking
        if tracking is not None and place in tracking.option_by_location:
            return False
        seen = self.journal.days_between(self.organisation_id, date(1, 1, 1), date(9999, 12, 31))
        for trading_date, location in seen:
            if location == place:
                return False
            kept = self.journal.day(self.organisation_id, trading_date, location)
            if kept is not None and kept.place == place:
                return False
        return True

    def tills(self) -> frozenset[str]:
        """The shop's tills, when it has several: those Shop setup tracks, and those it has kept days of."""
        tracking = self._mapping().tracking
        tracked = set(tracking.option_by_location) if tracking is not None else set()
        seen = self.journal.days_between(self.organisation_id, date(1, 1, 1), date(9999, 12, 31))
        return frozenset(tracked | {location for _, location in seen if location})

    def facts(self, trading_date: date, location: str = "") -> DayFacts:
        return self._status.facts(trading_date, location)

    def checklist(self, trading_date: date, location: str = "") -> Checklist:
        return self._status.checklist(trading_date, location)

    def unfinished_days(self, first: date, last: date) -> list[date]:
        """Days between `first` and `last` whose figures are in but whose checklist isn't finished."""
        return self._status.unfinished_days(first, last)

    def skip(self, trading_date: date, step: Step, reason: str, location: str = "") -> Checklist:
        return self._status.skip(trading_date, step, reason, location)

    def unskip(self, trading_date: date, step: Step, location: str = "") -> Checklist:
        return self._status.unskip(trading_date, step, location)

    def resend_preview(self, trading_date: date, location: str = "") -> ResendPreview | None:
        """What re-sending the day would change in Xero, for the owner to confirm (None: nothing to do)."""
        return self._resend.preview(trading_date, location)

    # ---- running (calls Xero) -----------------------------------------------------------------------------
    def run_next_step(
        self,
        trading_date: date,
        location: str = "",
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> Checklist:
        """What the primary button does: the next step that is ready (or needs attention) is tried once."""
        checklist = self.checklist(trading_date, location)
        step = checklist.next_step
        if step is None:
            return checklist
        keys = [DayKey(trading_date, location)]
        return self.run(
            keys, only=step.step, approve=True, progress=progress, cancel=cancel, on_wait=on_wait
        )[0]

    def run_day(
        self,
        trading_date: date,
        location: str = "",
        approve: bool | None = None,
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> Checklist:
        """Run every step that can run. Drafts are approved only when `approve` (or the Mapping) says so."""
        keys = [DayKey(trading_date, location)]
        return self.run(keys, approve=approve, progress=progress, cancel=cancel, on_wait=on_wait)[0]

    def catch_up(
        self,
        days: Sequence[date],
        location: str = "",
        approve: bool | None = None,
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> list[Checklist]:
        """Missed days in date order, batched; stops cleanly at the first day that needs attention."""
        keys = [DayKey(d, location) for d in sorted(days)]
        return self.run(keys, approve=approve, progress=progress, cancel=cancel, on_wait=on_wait)

    def run(
        self,
        keys: Sequence[DayKey],
        only: Step | None = None,
        approve: bool | None = None,
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> list[Checklist]:
        """The days' steps in order (or `only` one step); the days' checklists after it."""
        return self._runner.run(self._start(progress, cancel, on_wait), keys, only, approve)

    def refresh(
        self,
        trading_date: date,
        location: str = "",
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> Checklist:
        """'I've fixed it / approved it in Xero — check again': read the day's invoice back from Xero."""
        return self._runner.refresh(self._start(progress, cancel, on_wait), DayKey(trading_date, location))

    def resend(
        self,
        trading_date: date,
        location: str = "",
        approve: bool | None = None,
        *,
        progress: ProgressListener | None = None,
        cancel: threading.Event | None = None,
        on_wait: WaitListener | None = None,
    ) -> Checklist:
        """After the owner confirmed: remove the day's payments, void the invoice, post the day again."""
        run = self._start(progress, cancel, on_wait)
        return self._resend.resend(run, DayKey(trading_date, location), approve)

    # ---- the organisation's set-up ------------------------------------------------------------------------
    def organisation_setup(
        self, *, cancel: threading.Event | None = None, with_tracking: bool = True
    ) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The organisation's accounts, tax rates and sales contact (read once, then kept for a while).

        The app calls this when the day screen opens, so a day's run needs no set-up reads of its own.
        Raises what Xero raised (the caller explains it); `cancel` stops this call's waits for Xero.
        with_tracking=False: a tracked shop's tracking categories aren't read (Shop setup reads them on
        their own); its `tracking` is then None unless a kept set-up had them."""
        return self._setup.read(self.books.with_cancel(cancel), with_tracking=with_tracking)

    def plan_warning(
        self,
        trading_date: date,
        location: str = "",
        *,
        read_setup: bool = True,
        cancel: threading.Event | None = None,
    ) -> str:
        """The warning ahead of the Xero plan's monthly cap of approved invoices, for the month of
        `trading_date` ("" when the plan has no cap, or when Xero refused to say: the warning is a help, and
        a refusal that matters is explained when the day runs). Not `read_setup`: only when the set-up was
        read already (after a run that needed it). Raises ConnectionProblem / Cancelled."""
        books = self.books.with_cancel(cancel)
        mapping = self._mapping()
        try:
            return plan_warning(
                self._setup,
                books,
                self.journal,
                self.organisation_id,
                mapping,
                trading_date,
                location,
                read_setup,
            )
        except (XeroRefused, DailyLimitReached) as problem:
            log.info("no plan warning now: %s", type(problem).__name__)
            return ""

    def tracking_choices(self, *, cancel: threading.Event | None = None) -> list[TrackingCategoryInfo]:
        """The organisation's tracking categories and their options, archived ones included (read from
        Xero each time: Shop setup checks each till's option against them). Raises what Xero raised."""
        return self.books.with_cancel(cancel).read_tracking_choices()

    def forget_setup(self) -> None:
        self._setup.forget()

    def _start(
        self,
        progress: ProgressListener | None,
        cancel: threading.Event | None,
        on_wait: WaitListener | None = None,
    ) -> DayRun:
        """One call's run: its own listener, Cancel and wait listener; the service's journal, set-up and
        attention. `on_wait(seconds, why)` hears each time Xero asks xerohelper to wait (a countdown)."""
        return DayRun(
            books=self.books.with_cancel(cancel, on_wait),
            journal=self.journal,
            organisation_id=self.organisation_id,
            shop_mapping=self._mapping,
            explainer=self.explainer,
            status=self._status,
            attention=self._attention,
            setup_cache=self._setup,
            say=progress or self.progress,
            today=self.today,
        )
