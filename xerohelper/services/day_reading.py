"""A day's checklist for the command line (`xerohelper day run/status`): the day service, or — to show a
day while Xero wants a new sign-in — the journal alone; and the day's ids in Xero, as the journal has them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from xerohelper.core.checklist import InvoiceFacts
from xerohelper.core.connection import ConnectionProblem
from xerohelper.services.connection import ConnectionService
from xerohelper.services.day_checklist import DayChecklistService


@dataclass(frozen=True)
class DayInXero:
    """What Xero holds for the day, as Xero last told xerohelper."""

    invoice: InvoiceFacts | None
    payment_ids: dict[str, str]  # tender → Xero's PaymentID


def open_day_service(
    connection: ConnectionService, progress: Callable[[str], None] | None = None, reading_only: bool = False
) -> tuple[DayChecklistService, ConnectionProblem | None]:
    """(the day service, None); when `reading_only` and Xero can't be used now (a sign-in that ended, a
    keyring that lost it), (the journal's service, why): it shows the day but can't send anything.

    Raises the ConnectionProblem otherwise. Needs a saved organisation."""
    try:
        return DayChecklistService.for_connection(connection, progress=progress), None
    except ConnectionProblem as problem:
        if not reading_only:
            raise
        return _journal_only(connection), problem


def _journal_only(connection: ConnectionService) -> DayChecklistService:
    from xerohelper.adapters.journal import Journal
    from xerohelper.services.explaining import Explainer

    organisation = connection.saved_organisation()
    return DayChecklistService(
        None,  # no books: nothing here calls Xero
        Journal.in_folder(connection.folders.data),
        organisation.tenant_id,
        lambda: DayChecklistService.mapping_for(connection),
        Explainer(lambda: organisation.short_code),
    )


def day_in_xero(days: DayChecklistService, trading_date: date, location: str = "") -> DayInXero:
    record = days.journal.record(days.organisation_id, trading_date, location)
    return DayInXero(record.invoice, {p.tender: p.payment_id for p in record.payments})
