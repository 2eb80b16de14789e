"""Shop setup's Sales section: which Xero account and tax rate each kind of sale goes to (the till's kinds of
sale, and those the owner adds). A row's tax rate follows its account's own rate in Xero until the owner
chooses another; tips, gift cards sold and surcharges are offered what a bookkeeper would choose for them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from xerohelper.core.booking_rules import category_accounts, suggested_sales
from xerohelper.core.mapping import SalesAccount
from xerohelper.core.organisation_setup import OrganisationSetup
from xerohelper.ui.shop_setup_help import tax_follows_account
from xerohelper.ui.shop_setup_row_list import Adder, RowList
from xerohelper.ui.shop_setup_rows import AccountCombo, TaxCombo

ADDER = Adder(
    "new_category",
    "New kind of sale",
    "Another kind of sale, as your till names it",
    "Add &kind of sale",
    "add_category_button",
    "Add kind of sale",
)


class SalesRows(RowList):
    """saved: the Mapping's kinds of sale; till_names: the kinds of sale the till uses."""

    wrap_names = True

    def __init__(
        self, setup: OrganisationSetup, saved: dict[str, SalesAccount], till_names: list[str], on_recheck
    ) -> None:
        self._setup, self._saved = setup, saved
        super().__init__(
            "Sales — which Xero account and tax rate each kind of sale goes to",
            "sales_box",
            "sales",
            ("Kind of sale (from your till)", "Xero account", "Tax rate"),
            {1: 3, 2: 2},
            ADDER,
            till_names,
            on_recheck,
        )

    def _pickers(self, name: str, key: str) -> list[QWidget]:
        target = (
            self._saved.get(name)
            or suggested_sales(name, self._setup)  # tips, gift cards sold, surcharges: as booked
            or SalesAccount("", "")
        )
        account = AccountCombo(
            category_accounts(name, self._setup), self._setup, target.account_code, f"sales_account_{key}"
        )
        account.setAccessibleName(f"Xero account for {name} sales")
        tax = TaxCombo(self._setup, target.tax_type, f"sales_tax_{key}")
        tax.setAccessibleName(f"Tax rate for {name} sales")
        account.currentIndexChanged.connect(lambda _index: tax_follows_account(self._setup, account, tax))
        tax.setProperty("follows_account", account.code())
        return [account, tax]

    def chosen(self) -> dict[str, SalesAccount]:
        """Each kind of sale with both an account and a tax rate chosen."""
        sales = {}
        for name, row in self.rows.items():
            code, tax = row.widgets[1].code(), row.widgets[2].tax_type()
            if code and tax:
                sales[name] = SalesAccount(code, tax)
        return sales

    def unfinished(self) -> list[str]:
        """Kinds of sale with an account but no tax rate, or the other way round."""
        return [
            n
            for n, row in self.rows.items()
            if bool(row.widgets[1].code()) != bool(row.widgets[2].tax_type())
        ]
