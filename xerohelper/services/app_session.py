"""Everything the window works with, without Qt: the connection, the day checklist, the import of a day,
and — in demo mode — the built-in Xero sandbox with Harbour Street Hardware.

The window creates this at once (cheap) and calls `open()` on a worker thread: that is where the SDK, the
keyring and the journal are loaded, so the window is up before any of them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.core.connection import ConnectionStatus, Organisation
from xerohelper.core.mapping import Mapping

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstLook:
    """What the window needs to pick its first page."""

    status: ConnectionStatus
    has_mapping: bool

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
            return FirstLook(status, status.organisation is not None and self.has_own_mapping())

    def _open_demo(self, connection_service):
        from xerohelper.adapters.demo_sign_in import DemoSignIn
        from xerohelper.sandbox import Sandbox

        demo_folders = AppFolders(
            settings=self.folders.settings / "demo", data=self.folders.data / "demo", logs=self.folders.logs
        ).create()
        port = _free_port()
        self.sandbox = Sandbox(
            "demo",
            auto_consent=True,
            redirect_uris=[f"http://localhost:{port}/callback"],
            state_file=demo_folders.data / "sandbox.json",
        )
        base_url = self.sandbox.start()
        environ = {**self._environ, "XEROHELPER_CALLBACK_PORT": str(port)}
        environ.pop("XEROHELPER_CLIENT_ID", None)
        log.info("demo: the built-in Xero sandbox is at %s", base_url)
        return connection_service.for_sandbox(
            base_url,
            folders=demo_folders,
            environ=environ,
            open_browser=_follow_sign_in_link,
            # the practice Xero's sign-in stays in the demo's folder: no keyring needed, none touched
            token_store=DemoSignIn(demo_folders.data),
        )

    def stop_waiting(self) -> None:
        """Cut short any wait for Xero's limits (the window is closing)."""
        with self._lock:
            if self._days is not None:
                self._days.books.pacer.cancel.set()

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

    def status(self) -> ConnectionStatus:
        return self.connection.status()

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

    # ---- the day ----
    def days(self):
        """The day checklist service for the connected organisation (NotConnected / ReconnectNeeded)."""
        from xerohelper.services.day_checklist import DayChecklistService

        with self._lock:
            if self._days is None:
                self._days = DayChecklistService.for_connection(self.connection)
            return self._days

    def import_file(self, path: Path, trading_date: date | None = None):
        from xerohelper.services.import_day import import_day_file

        mapping = self.mapping()
        return import_day_file(
            path,
            only_date=trading_date,
            shop_categories=tuple(mapping.sales),
            shop_tenders=tuple(mapping.tenders),
        )

    def demo_day_file(self, trading_date: date) -> Path:
        from xerohelper.services.demo_shop import demo_day_file

        return demo_day_file(trading_date, self.connection.folders.data / "till exports")

    def today(self) -> date:
        """The shop's today (the sandbox's, in the demo: its clock may be moved)."""
        if self.sandbox is not None:
            return self.sandbox.clock.today()
        return date.today()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _follow_sign_in_link(link: str) -> bool:
    """The demo's "browser": the sandbox consents at once, and its redirect lands on our own listener."""
    import urllib.request

    try:
        with urllib.request.urlopen(link, timeout=30) as answer:
            answer.read()
    except OSError as problem:
        log.warning("demo sign-in: %s", problem)
        return False
    return True
