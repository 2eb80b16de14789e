"""The shop's set-up as the window asks for it: the shop setup (mapping) and its files, the organisation's
accounts and tax rates, the Xero plan's warning, the till's names (a part of AppSession, app_session.py)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from xerohelper.core.mapping import Mapping

if TYPE_CHECKING:  # the window makes the session while it starts: only what that needs is loaded then
    from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
    from xerohelper.core.till_tracking import TrackingCategoryInfo
    from xerohelper.services.day_snapshot import TillNames


class ShopSetupCalls:
    """AppSession's shop set-up (self.connection, self._lock, self._days… are AppSession's)."""

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

    def organisation_setup(
        self, fresh: bool = False, with_tracking: bool = True
    ) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The organisation's accounts, tax rates and sales contact, read from Xero once and kept a while
        (`fresh`: read again, the owner may have changed them). Raises what Xero raised. with_tracking=False:
        not the tracking categories of a shop whose tills are tracked (`tracking` None unless already kept:
        Shop setup reads them with `tracking_choices`, so that a failure there leaves the rest usable)."""
        days = self.day_service()
        if fresh:
            days.forget_setup()
        return days.organisation_setup(with_tracking=with_tracking)

    def plan_warning(
        self, trading_date: date, location: str = "", cancel: threading.Event | None = None
    ) -> str:
        """The warning ahead of the Xero plan's monthly cap of approved invoices ("" when the plan has none):
        "your Xero plan approves 20 invoices a month; 3 left; from Wednesday 24 December …". Reads Xero once a
        month (with the set-up). Raises what Xero raised."""
        with self._cancellable(cancel) as stop:
            return self.day_service().plan_warning(trading_date, location, cancel=stop)

    def shop_tills(self) -> tuple[str, ...]:
        """The shop's tills or locations, in name order (from the days kept and the shop setup's tracking);
        empty for a shop with one till."""
        from xerohelper.services.day_snapshot import shop_tills

        days = self.day_service()
        return shop_tills(days, days.shop_mapping())

    def tracking_choices(self) -> list[TrackingCategoryInfo]:
        """The organisation's tracking categories and options, archived ones included (read from Xero
        now). Raises what Xero raised."""
        return self.day_service().tracking_choices()

    def till_names_seen(self) -> TillNames:
        """The kinds of sale and ways of paying the till used lately (from the journal)."""
        from xerohelper.services.day_snapshot import till_names_seen

        return till_names_seen(self.day_service(), self.today())
