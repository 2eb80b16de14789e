"""The window's one door to the rest, without Qt: the connection, the shop's set-up, the day's checklist,
the import of a day, and — in demo mode — the built-in Xero sandbox with Harbour Street Hardware.

The window creates this at once (cheap) and calls `open()` on a worker thread: that is where the SDK, the
keyring and the journal are loaded, so the window is up before any of them. Every other method blocks too
(files, the keyring, Xero): the screens call them through ui/workers.py, never on the GUI thread.

What the screens get back is typed and ours (core's Checklist, Day, Mapping…; DaySnapshot, HistoryRow,
TillNames from the services), never an adapter's. Work that talks to Xero takes its own `progress`
(words as it goes) and `cancel` (an Event: set, the work stops before its next call to Xero) per call;
nothing is swapped on a shared service.

Its calls are kept in four files: this one (start and stop, the connection), session_shop_setup.py (the
shop's set-up), session_day_keeping.py (the day without Xero) and session_xero_work.py (the day's work with
Xero).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.core.connection import ConnectionStatus, Organisation
from xerohelper.services.session_day_keeping import DayKeepingCalls
from xerohelper.services.session_shop_setup import ShopSetupCalls
from xerohelper.services.session_xero_work import XeroWorkCalls

if TYPE_CHECKING:  # the window makes the session while it starts: only what that needs is loaded then
    from xerohelper.services.callback_port import CallbackPortSetting
    from xerohelper.services.connection import DisconnectResult
    from xerohelper.services.xero_app import XeroApp


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


class AppSession(ShopSetupCalls, DayKeepingCalls, XeroWorkCalls):
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
