"""Shop setup's section for the day's invoice in Xero: the customer contact it is made out to, its number and
reference (patterns, with an example for the day being set up), and where rounding and the till's over/short
go — each with its problems under it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from xerohelper.core.dates import long_date
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import OrganisationSetup
from xerohelper.core.shop_setup_check import (
    CONTACT,
    INVOICE_NUMBER,
    REFERENCE,
    ROUNDING,
    TILL_DIFFERENCE,
    ShopSetupCheck,
    rounding_accounts,
    till_difference_accounts,
)
from xerohelper.ui.shop_setup_help import invoice_number_words, pattern_words
from xerohelper.ui.shop_setup_rows import AccountCombo, RowProblems, buddy, example, stacked


class InvoiceSettings(QGroupBox):
    """mapping: the saved choices; today: the day the examples are for; on_recheck: what a card's “I've
    fixed it — try again” does."""

    changed = Signal()

    def __init__(self, setup: OrganisationSetup, mapping: Mapping, today: date, on_recheck=None) -> None:
        super().__init__("The day's invoice in Xero")
        self.setObjectName("invoice_box")
        self._today = today
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self.contact_edit = QLineEdit(mapping.customer_contact)
        self.contact_edit.setObjectName("contact_edit")
        self.contact_edit.setAccessibleName("Customer contact")
        self.contact_edit.setPlaceholderText("POS Sales")
        self.contact_edit.setToolTip("The Xero contact every day's sales invoice is made out to.")
        self.contact_problems = RowProblems("contact_problems", on_recheck)
        form.addRow(
            buddy("Customer &contact:", self.contact_edit),
            stacked(self.contact_edit, self.contact_problems),
        )

        self.number_edit = QLineEdit(mapping.invoice_number_pattern)
        self.number_edit.setObjectName("invoice_number_edit")
        self.number_edit.setAccessibleName("Invoice number")
        self.number_example = _example_label("invoice_number_example")
        self.number_problems = RowProblems("invoice_number_problems", on_recheck)
        form.addRow(
            buddy("&Invoice number:", self.number_edit),
            stacked(self.number_edit, self.number_example, invoice_number_words(today), self.number_problems),
        )

        self.reference_edit = QLineEdit(mapping.reference_pattern)
        self.reference_edit.setObjectName("reference_edit")
        self.reference_edit.setAccessibleName("Reference")
        self.reference_example = _example_label("reference_example")
        self.reference_problems = RowProblems("reference_problems", on_recheck)
        hint = pattern_words(today)
        form.addRow(
            buddy("&Reference:", self.reference_edit),
            stacked(self.reference_edit, self.reference_example, self.reference_problems, hint),
        )

        self.rounding_combo = AccountCombo(
            rounding_accounts(setup), setup, mapping.rounding_account_code, "rounding_account"
        )
        self.rounding_combo.setAccessibleName("Rounding account")
        self.rounding_combo.setToolTip(
            "When Xero's total differs from the till's by a few cents, the difference goes here."
        )
        self.rounding_problems = RowProblems("rounding_problems", on_recheck)
        form.addRow(
            buddy("Rounding &goes to:", self.rounding_combo),
            stacked(self.rounding_combo, self.rounding_problems),
        )

        self.till_difference_combo = AccountCombo(
            till_difference_accounts(setup),
            setup,
            mapping.till_difference_account_code,
            "till_difference_account",
        )
        self.till_difference_combo.setAccessibleName("Till difference account")
        self.till_difference_combo.setToolTip(
            "When the money taken differs from the till's sales and you choose to book it, the difference "
            "goes here (usually an account called “Over/Short”), without tax."
        )
        self.till_difference_problems = RowProblems("till_difference_problems", on_recheck)
        form.addRow(
            buddy("&Till over/short goes to:", self.till_difference_combo),
            stacked(self.till_difference_combo, self.till_difference_problems),
        )

        for edit in (self.contact_edit, self.number_edit, self.reference_edit):
            edit.textChanged.connect(self.changed)
        self.rounding_combo.currentIndexChanged.connect(self.changed)
        self.till_difference_combo.currentIndexChanged.connect(self.changed)

    def chosen(self) -> dict[str, str]:
        """The Mapping's fields as chosen here."""
        return {
            "customer_contact": self.contact_edit.text().strip(),
            "invoice_number_pattern": self.number_edit.text().strip(),
            "reference_pattern": self.reference_edit.text().strip(),
            "rounding_account_code": self.rounding_combo.code(),
            "till_difference_account_code": self.till_difference_combo.code(),
        }

    def show_check(self, check: ShopSetupCheck, mapping: Mapping) -> None:
        """Each field's problems, and the examples of the number and reference for the day set up."""
        for row, where in (
            (CONTACT, self.contact_problems),
            (INVOICE_NUMBER, self.number_problems),
            (REFERENCE, self.reference_problems),
            (ROUNDING, self.rounding_problems),
            (TILL_DIFFERENCE, self.till_difference_problems),
        ):
            where.show_problems(*check.for_row(row))
        self.number_example.setText(
            example(lambda: mapping.invoice_number(self._today), f" (for {long_date(self._today)})")
        )
        self.reference_example.setText(example(lambda: mapping.reference(self._today)))

    def tab_chain(self) -> list[QWidget]:
        return [
            self.contact_edit,
            self.number_edit,
            self.reference_edit,
            self.rounding_combo,
            self.till_difference_combo,
        ]


def _example_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
