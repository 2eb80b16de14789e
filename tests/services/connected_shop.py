"""A shop connected to the sandbox's Harbour Street Hardware, with a journal and the day checklist service:
the real SDK, the real sandbox, the real SQLite journal. For the day checklist's tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tests.services.sandbox_sign_in import SignInSandbox, sign_in_sandbox
from xerohelper.adapters.journal import Journal
from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.adapters.xero_pacing import XeroPacer
from xerohelper.core.day import Day
from xerohelper.core.mapping import Mapping
from xerohelper.services.connection import ConnectionService
from xerohelper.services.day_checklist import DayChecklistService
from xerohelper.services.demo_shop import DEMO_MAPPING, demo_day_file
from xerohelper.services.explaining import Explainer
from xerohelper.services.import_day import import_day_file


@dataclass
class ConnectedShop:
    xero: SignInSandbox
    connection: ConnectionService
    tenant_id: str
    short_code: str
    journal: Journal
    folder: Path
    mapping: Mapping = DEMO_MAPPING
    waits: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pacer = XeroPacer(sleep=self._time_travel, backoff=(0.0, 0.0, 0.0, 0.0))
        self.service = self.new_service()

    def new_service(self) -> DayChecklistService:
        """A fresh service, as after a restart of the app (same journal, same connection)."""
        books = XeroBooks(self.connection.api(), self.tenant_id, self.pacer)
        return DayChecklistService(
            books, self.journal, self.tenant_id, lambda: self.mapping, Explainer(lambda: self.short_code)
        )

    def _time_travel(self, seconds: float) -> bool:
        """Instead of sleeping through Xero's Retry-After, move the sandbox's clock on."""
        self.waits.append(seconds)
        self.xero.sandbox.clock.advance(seconds)
        return False  # not cancelled

    @property
    def today(self) -> date:
        return self.xero.sandbox.clock.today()

    def the_day(self, trading_date: date | None = None) -> Day:
        """The demo till's day, imported through the real importer."""
        outcome = import_day_file(demo_day_file(trading_date or self.today, self.folder))
        assert outcome.ok, outcome.message()
        return outcome.days[0]

    def approve_automatically(self) -> None:
        self.mapping = replace(self.mapping, approve_automatically=True)

    # ---- what the sandbox holds --------------------------------------------------------------------------
    def control(self, path: str, body: dict | None = None, method: str | None = None) -> dict:
        return self.xero.control(path, body, method)

    def _ledger(self) -> dict:
        return self.control("state")["world"]["organisations"][self.tenant_id]

    def invoices_numbered(self, number: str) -> list[dict]:
        """The sandbox's own record of invoices with this number (deleted ones left out)."""
        invoices = self._ledger()["invoices"].values()
        return [i for i in invoices if i["invoice_number"] == number and i["status"] != "DELETED"]

    def payments_on(self, number: str) -> list[dict]:
        """The sandbox's own record of live payments against invoices with this number."""
        ids = {i["invoice_id"] for i in self.invoices_numbered(number)}
        payments = self._ledger()["payments"].values()
        return [p for p in payments if p["invoice_id"] in ids and p["status"] != "DELETED"]

    def calls(self) -> dict[str, int]:
        return self.control("requests")["by_endpoint"]

    def reset_call_counts(self) -> None:
        self.control("requests", method="DELETE")


@contextmanager
def connected_shop(tmp_path: Path, **sandbox_options) -> Iterator[ConnectedShop]:
    with sign_in_sandbox(**sandbox_options) as xero:
        connection = xero.service()
        organisation = connection.connect()
        journal = Journal.in_folder(tmp_path / "data")
        try:
            yield ConnectedShop(
                xero, connection, organisation.tenant_id, organisation.short_code, journal, tmp_path / "till"
            )
        finally:
            journal.close()
