"""The window's one door to the rest, without Qt: the connection, the shop's set-up, the day's checklist,
the import of a day, and — in demo mode — the built-in Xero sandbox with Harbour Street Hardware.

The window creates this at once (cheap) and calls `open()` on a worker thread: that is where the SDK, the
keyring and the journal are loaded, so the window is up before any of them. Every other method blocks too
(files, the keyring, Xero): the screens call them through ui/workers.py, never on the GUI thread.

What the screens get back is typed and ours (core's Checklist, Day, Mapping…; DaySnapshot, HistoryRow,
TillNames from the services), never an adapter's. Work that talks to Xero takes its own `progress`
(words as it goes) and `cancel` (an Event: set, the work stops before its next call to Xero) per call;
nothing is swapped on a shared service.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.core.connection import ConnectionStatus, Organisation
from xerohelper.core.mapping import Mapping

if TYPE_CHECKING:  # the window makes the session while it starts: only what that needs is loaded then
    from xerohelper.core.catch_up import CatchUpRow
    from xerohelper.core.checklist import Checklist, Step
    from xerohelper.core.day import Day
    from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
    from xerohelper.services.callback_port import CallbackPortSetting
    from xerohelper.services.catch_up import DayFound
    from xerohelper.services.connection import DisconnectResult
    from xerohelper.services.day_checklist import DayChecklistService, ResendPreview
    from xerohelper.services.day_history import HistoryRow
    from xerohelper.services.day_snapshot import DaySnapshot, TillNames
    from xerohelper.services.import_day import DayImport
    from xerohelper.services.xero_app import XeroApp

Progress = Callable[[str], None] | None
WaitHeard = Callable[[float, str], None] | None  # (seconds, why): Xero asked xerohelper to wait

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstLook:
    """What the window needs to pick its first page."""

    status: ConnectionStatus
    has_mapping: bool
    xero_app: XeroApp | None = None  # the Xero app signed in with (no client id: the owner registers one)

    @property
    def page(self) -> str:
        """ "welcome" (set up from the start), "reconnect", "setup" (connected, shop not set up) or "day"."""
        if self.status.reconnect_reason is not None:
            return "reconnect"
        if not self.status.connected:
            return "welcome"
        return "day" if self.has_mapping else "setup"


class AppSession:
    def __init__(self, folders: AppFolders | None = None, demo: bool = False, environ=None) -> None:
        self.folders = folders or AppFolders.for_this_user()
        self.demo = demo
        self._environ = dict(os.environ if environ is None else environ)
        self.sandbox = None
        self.connection = None  # ConnectionService, once open()
        self._days = None
        self._lock = threading.RLock()
        self._cancels: set[threading.Event] = set()  # the cancel of each piece of work under way
        self._closing = False

    # ---- start and stop ----
    def open(self) -> FirstLook:
        """Load the heavy parts (SDK, keyring, journal; in the demo, the sandbox). Blocks: not on the GUI."""
        from xerohelper.services.connection import ConnectionService

        with self._lock:
            if self.connection is None:
                if self.demo:
                    self.connection = self._open_demo(ConnectionService)
                else:
                    self.connection = ConnectionService.for_xero(folders=self.folders, environ=self._environ)
            status = self.connection.status()
            return FirstLook(
                status, status.organisation is not None and self.has_own_mapping(), self.xero_app()
            )

    def _open_demo(self, connection_service):
        from xerohelper.services.practice_xero import open_demo

        self.sandbox, connection = open_demo(self.folders, self._environ, connection_service)
        return connection

    def stop_waiting(self) -> None:
        """The window is closing: work under way stops before its next call to Xero (a wait for Xero's
        limits ends at once), and work asked for from now on doesn't start."""
        with self._lock:
            self._closing = True
            for cancel in self._cancels:
                cancel.set()

    @contextlib.contextmanager
    def _cancellable(self, cancel: threading.Event | None) -> Iterator[threading.Event]:
        """The work's own cancel (a new one when the caller has none), set too when the window closes."""
        cancel = cancel or threading.Event()
        with self._lock:
            self._cancels.add(cancel)
            if self._closing:
                cancel.set()
        try:
            yield cancel
        finally:
            with self._lock:
                self._cancels.discard(cancel)

    def close(self) -> None:
        with self._lock:
            if self._days is not None:
                self._days.journal.close()
                self._days = None
            if self.sandbox is not None:
                self.sandbox.stop()
                self.sandbox = None

    # ---- connection ----
    def connect(self, progress=None, cancel: threading.Event | None = None, choose=None) -> Organisation:
        """Sign in (in the browser; in the demo, done for the owner) and choose the organisation."""
        organisation = self.connection.connect(progress=progress, cancel=cancel, choose=choose)
        with self._lock:
            self._days = None  # a new connection: a new day service
        return organisation

    def cancel_connecting(self) -> None:
        """Stop waiting for the browser's sign-in."""
        if self.connection is not None:
            self.connection.cancel()

    def status(self) -> ConnectionStatus:
        return self.connection.status()

    def organisation(self) -> Organisation | None:
        """The organisation this computer is connected to (or was, until Xero asked to sign in again)."""
        return self.connection.saved_organisation()

    def short_code(self) -> str | None:
        """The organisation's short code for Open in Xero links; None when it can't be known."""
        try:
            organisation = self.connection.saved_organisation() if self.connection is not None else None
        except Exception:  # the settings could not be read: links go to Xero's home instead
            return None
        return organisation.short_code if organisation is not None else None

    def xero_web_base(self) -> str | None:
        """Where "Open in Xero" links go instead of https://go.xero.com: in the demo, the built-in sandbox,
        which shows its organisation's records at the paths of Xero's own screens. None: Xero itself."""
        with self._lock:
            return self.sandbox.base_url if self.demo and self.sandbox is not None else None

    def choose_organisation(self, tenant_id: str) -> None:
        """After connecting to several: the one the owner picked."""
        self.connection.choose_organisation(tenant_id)
        with self._lock:
            self._days = None

    def disconnect(self) -> DisconnectResult:
        """Remove the connection in Xero and forget it here (the result has the words to show)."""
        result = self.connection.disconnect()
        with self._lock:
            self._days = None
        return result

    def xero_app(self) -> XeroApp:
        """The Xero app signed in with (built in, or the owner's own) and what its registration needs."""
        from xerohelper.services.xero_app import xero_app

        return xero_app(self.connection)

    def save_own_client_id(self, client_id: str) -> XeroApp:
        """Keep the owner's own Xero app's client id (ValueError, in words, when it can't be one)."""
        from xerohelper.services.xero_app import save_own_client_id

        return save_own_client_id(self.connection, client_id)

    def password_store_help(self) -> str:
        """What to install or turn on for this desktop when the password store can't keep the sign-in."""
        from xerohelper.services.xero_app import password_store_help

        return password_store_help(self._environ)

    def callback_port(self) -> CallbackPortSetting:
        """The sign-in's callback port: the one in use, the saved one, and what fixes it, if anything."""
        from xerohelper.services.callback_port import read_callback_port

        return read_callback_port(self.connection, self.demo)

    def save_callback_port(self, port: int) -> CallbackPortSetting:
        from xerohelper.services.callback_port import save_callback_port

        return save_callback_port(self.connection, port, self.demo)

    # ---- the shop's set-up ----
    def has_own_mapping(self) -> bool:
        from xerohelper.services.shop_mapping import load_mapping

        organisation = self.connection.saved_organisation()
        return (
            organisation is not None
            and load_mapping(self.connection.folders.settings, organisation.tenant_id) is not None
        )

    def mapping(self) -> Mapping:
        from xerohelper.services.day_checklist import DayChecklistService

        return DayChecklistService.mapping_for(self.connection)

    def save_mapping(self, mapping: Mapping) -> None:
        from xerohelper.services.shop_mapping import save_mapping

        organisation = self.connection.saved_organisation()
        save_mapping(self.connection.folders.settings, organisation.tenant_id, mapping)
        with self._lock:
            if self._days is not None:
                self._days.forget_setup()

    def export_mapping(self, mapping: Mapping, path: Path) -> None:
        """Write the shop setup to a file that names the organisation it was made for."""
        from xerohelper.services.shop_mapping import MadeFor, export_mapping

        organisation = self.connection.saved_organisation()
        made_for = MadeFor(organisation.tenant_id, organisation.name) if organisation else None
        export_mapping(mapping, path, made_for)

    def read_mapping_file(self, path: Path) -> tuple[Mapping, str | None]:
        """A shop setup file, and the name of the other organisation it was made for (None when it was made
        for this one, or names none). MappingFileError says what is wrong with the file."""
        from xerohelper.services.shop_mapping import mapping_made_for, read_mapping_file

        mapping = read_mapping_file(path)
        made_for = mapping_made_for(path)
        organisation = self.connection.saved_organisation()
        if made_for is None or organisation is None or made_for.organisation_id == organisation.tenant_id:
            return mapping, None
        return mapping, made_for.name

    def organisation_setup(self, fresh: bool = False) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The organisation's accounts, tax rates and sales contact, read from Xero once and kept a while
        (`fresh`: read again, the owner may have changed them). Raises what Xero raised."""
        days = self.day_service()
        if fresh:
            days.forget_setup()
        return days.organisation_setup()

    def plan_warning(
        self, trading_date: date, location: str = "", cancel: threading.Event | None = None
    ) -> str:
        """The warning ahead of the Xero plan's monthly cap of approved invoices ("" when the plan has none):
        "your Xero plan approves 20 invoices a month; 3 left; from Wednesday 24 December …". Reads Xero once a
        month (with the set-up). Raises what Xero raised."""
        with self._cancellable(cancel) as stop:
            return self.day_service().plan_warning(trading_date, location, cancel=stop)

    def till_names_seen(self) -> TillNames:
        """The kinds of sale and ways of paying the till used lately (from the journal)."""
        from xerohelper.services.day_snapshot import till_names_seen

        return till_names_seen(self.day_service(), self.today())

    # ---- the day: reading (the journal and the settings; no call to Xero) ----
    def day_service(self) -> DayChecklistService:
        """The DayChecklistService of the connected organisation (NotConnected / ReconnectNeeded). For the
        command line and tests; the screens use the methods here."""
        from xerohelper.services.day_checklist import DayChecklistService

        with self._lock:
            if self._days is None:
                self._days = DayChecklistService.for_connection(self.connection)
            return self._days

    def day_snapshot(self, trading_date: date, location: str, month: tuple[int, int]) -> DaySnapshot:
        """The day as the day screen shows it, and `month` (year, month) as the calendar colours it."""
        from xerohelper.services.day_snapshot import read_snapshot

        return read_snapshot(
            self.day_service(), self.mapping(), self.status(), self.today(), trading_date, location, month
        )

    def checklist(self, trading_date: date, location: str = "") -> Checklist:
        return self.day_service().checklist(trading_date, location)

    def history(self, first: date | None = None, last: date | None = None) -> list[HistoryRow]:
        """Every day between `first` and `last` as the History shows it, newest first."""
        from xerohelper.services.day_history import day_history

        return day_history(self.day_service(), first, last)

    def resend_preview(self, trading_date: date, location: str = "") -> ResendPreview | None:
        """What re-sending the day would change in Xero (None: nothing to re-send)."""
        return self.day_service().resend_preview(trading_date, location)

    # ---- the day: keeping figures and the owner's choices (the journal; no call to Xero) ----
    def import_file(self, path: Path, trading_date: date | None = None) -> DayImport:
        """Read a till export; nothing is kept."""
        from xerohelper.services.import_day import import_day_file

        mapping = self.mapping()
        return import_day_file(
            path,
            only_date=trading_date,
            shop_categories=tuple(mapping.sales),
            shop_tenders=tuple(mapping.tenders),
        )

    def remember_till_names(
        self, source: str, categories: dict[str, str] | None = None, tenders: dict[str, str] | None = None
    ) -> None:
        """The owner's answers to an import's questions ("which of your payment types is “Visa”?")."""
        from xerohelper.services.till_names import remember_till_names

        remember_till_names(source, categories=categories, tenders=tenders)

    def new_places(self, days) -> list[str]:
        """The shops or tills these days name that were never seen for this organisation (asked about before
        they are kept: the file may be another shop's)."""
        service = self.day_service()
        return sorted({d.place for d in days if service.is_new_location(d)})

    def keep_days(self, days) -> list[DayFound]:
        """Keep the figures of days read from a file (after the owner said yes to a new shop or till): new
        days and days not in Xero are kept; days in Xero with the same figures are left alone; with other
        figures, kept for a re-send the owner decides on. What was done with each day."""
        from xerohelper.services.catch_up import keep_days

        return keep_days(self.day_service(), days)

    def save_day(self, day: Day) -> Checklist:
        """Keep the day's figures (typed from the Z report, say)."""
        return self.day_service().save_day(day)

    def accept_difference(self, trading_date: date, location: str = "") -> Checklist:
        """The owner books the day's till difference on the till difference (over/short) account."""
        return self.day_service().accept_difference(trading_date, location)

    def skip(self, trading_date: date, step: Step, reason: str, location: str = "") -> Checklist:
        """Skip `step` and the steps after it (they can't happen without it), with the owner's reason."""
        from xerohelper.core.checklist import ORDER, StepState

        days = self.day_service()
        checklist = days.checklist(trading_date, location)
        for each in ORDER[ORDER.index(step) :]:
            if checklist[each].state not in (StepState.DONE, StepState.SKIPPED):
                days.skip(trading_date, each, reason, location)
        return days.checklist(trading_date, location)

    def unskip(self, trading_date: date, step: Step, location: str = "") -> Checklist:
        """Put `step` and the skipped steps after it back."""
        from xerohelper.core.checklist import ORDER, StepState

        days = self.day_service()
        checklist = days.checklist(trading_date, location)
        for each in ORDER[ORDER.index(step) :]:
            if checklist[each].state is StepState.SKIPPED:
                days.unskip(trading_date, each, location)
        return days.checklist(trading_date, location)

    # ---- the day: work with Xero (progress and cancel are this call's own) ----
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
    ) -> list[CatchUpRow]:
        """Send the ticked rows' days in date order, batched; the rows back with each day's outcome.
        Raises CatchUpStopped (with the rows as they ended) after Cancel or a lost connection."""
        from xerohelper.services.catch_up import send_ticked

        with self._cancellable(cancel) as cancel:
            return send_ticked(self.day_service(), rows, progress=progress, cancel=cancel, on_wait=on_wait)

    def import_day(self, path: Path) -> DayImport:
        """Read a till export and keep every day it holds, whatever shop or till it names (for tests and
        the demo; the day screen asks about a new one first: import_days). The import's outcome."""
        outcome = self.import_file(path)
        if outcome.ok:
            self.keep_days(outcome.days)
        return outcome

    def import_days(self, path: Path) -> tuple[DayImport, list[DayFound], list[str]]:
        """Read a till export and keep every day it holds (see keep_days) — unless it names a shop or till
        never seen for this organisation: then nothing is kept, and those names come back for the owner to
        confirm (keep_days afterwards). (the import, what was done with each day, the new names)."""
        outcome = self.import_file(path)
        if not outcome.ok:
            return outcome, [], []
        new = self.new_places(outcome.days)
        if new:
            return outcome, [], new
        return outcome, self.keep_days(outcome.days), []

    def demo_day_file(self, trading_date: date) -> Path:
        from xerohelper.services.demo_shop import demo_day_file

        return demo_day_file(trading_date, self.connection.folders.data / "till exports")

    def today(self) -> date:
        """The shop's today (the sandbox's, in the demo: its clock may be moved)."""
        if self.sandbox is not None:
            return self.sandbox.clock.today()
        return date.today()

    def everyday(self):
        """The tray's side of the app: watched folder, closing-time reminder, start at login (Everyday)."""
        from xerohelper.services.everyday import Everyday

        with self._lock:
            if getattr(self, "_everyday", None) is None:
                self._everyday = Everyday(self)
            return self._everyday
