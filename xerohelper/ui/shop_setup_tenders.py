"""Shop setup's Payments section: which bank or clearing account each way of paying goes into (the till's
ways of paying, and those the owner adds); gift cards redeemed are offered the gift card liability.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from xerohelper.core.booking_rules import suggested_tender_account
from xerohelper.core.organisation_setup import OrganisationSetup
from xerohelper.core.shop_setup_check import payment_accounts
from xerohelper.ui.shop_setup_row_list import Adder, RowList
from xerohelper.ui.shop_setup_rows import AccountCombo

ADDER = Adder(
    "new_tender",
    "New way of paying",
    "Another way of paying, as your till names it",
    "Add way of &paying",  # Alt+W is One invoice a &week
    "add_tender_button",
    "Add way of paying",
)


class TenderRows(RowList):
    """saved: the Mapping's ways of paying (→ account code); till_names: the ways of paying the till uses."""

    def __init__(
        self, setup: OrganisationSetup, saved: dict[str, str], till_names: list[str], on_recheck
    ) -> None:
        self._setup, self._saved = setup, saved
        super().__init__(
            "Payments — which account each way of paying goes into",
            "tenders_box",
            "tender",
            ("Way of paying", "Paid into (bank or clearing account)"),
            {1: 1},
            ADDER,
            till_names,
            on_recheck,
        )

    def _pickers(self, name: str, key: str) -> list[QWidget]:
        code = self._saved.get(name) or suggested_tender_account(name, self._setup) or ""
        account = AccountCombo(payment_accounts(self._setup), self._setup, code, f"tender_account_{key}")
        account.setAccessibleName(f"Account {name} is paid into")
        return [account]

    def chosen(self) -> dict[str, str]:
        """Each way of paying with an account chosen."""
        return {name: row.widgets[1].code() for name, row in self.rows.items() if row.widgets[1].code()}
