"""Shop setup's editor: the sections where each kind of sale and each way of paying gets its Xero account (and
tax rate), the day's invoice settings, how the day is sent, and each till's tracking — put together in one
scrolling column and checked together against the organisation's accounts. Pure data in and out: an
OrganisationSetup and a Mapping in, a Mapping out; no Xero calls (the dialog in ui/shop_setup.py and the setup
wizard read and save around it). The sections: shop_setup_sales.py, shop_setup_tenders.py,
shop_setup_invoice.py, shop_setup_sending.py, shop_setup_tracking.py.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from xerohelper.core.explain import SetupRow
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.shop_setup_check import INVOICE_NUMBER, REFERENCE, ShopSetupCheck, check_shop_setup
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.shop_setup_invoice import InvoiceSettings
from xerohelper.ui.shop_setup_rows import FittingScrollArea
from xerohelper.ui.shop_setup_sales import SalesRows
from xerohelper.ui.shop_setup_sending import approval_box, summary_box
from xerohelper.ui.shop_setup_tenders import TenderRows
from xerohelper.ui.shop_setup_tracking import TillTrackingBox
from xerohelper.ui.wheel_guard import guard_the_wheel


class ShopSetupEditor(QWidget):
    """Edits a Mapping against the organisation's accounts and tax rates. Pure data in, pure data out.

    categories / tenders: the names the till uses (the day's); those already in the Mapping are added.
    contact: what Xero found for the Mapping's customer contact (None: not found).
    today: the date the invoice number and reference examples are shown for.
    contact_looked_up_for: the name `contact` was looked up by ("" when it wasn't looked up).
    offer_recheck: cards offer “I've fixed it — try again”, which emits recheck_requested (the
    owner changed something in Xero: read the accounts again and rebuild the editor with .mapping()).
    tills / tracking_choices: the shop's tills and the organisation's tracking categories (None: not read,
    `tracking_problem` says why); with tills, the Tills section chooses each till's tracking option.
    """

    changed = Signal()
    recheck_requested = Signal()  # “I've fixed it — try again” on a card (only with offer_recheck)

    def __init__(
        self,
        setup: OrganisationSetup,
        mapping: Mapping,
        categories=(),
        tenders=(),
        contact: ContactInfo | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        contact_looked_up_for: str | None = None,
        offer_recheck: bool = False,
        tills=(),
        tracking_choices=None,
        tracking_problem=None,
    ) -> None:
        super().__init__(parent)
        guard_the_wheel()  # the wheel over a row's drop-down scrolls the rows, never changes an account
        self.setObjectName("shop_setup_editor")
        self.setAccessibleName("Shop setup")
        self._setup = setup
        self._original = mapping
        self._contact = contact
        # The name Xero was asked about (`contact` is its answer); by default the Mapping's.
        self._contact_checked_for = (
            mapping.customer_contact if contact_looked_up_for is None else contact_looked_up_for
        )
        self._recheck_hook = self.recheck_requested.emit if offer_recheck else None
        self._today = today or date.today()
        till_categories = list(dict.fromkeys(c for c in categories if c.strip()))
        till_tenders = list(dict.fromkeys(t for t in tenders if t.strip()))
        self._check = ShopSetupCheck()
        self._quiet = True  # no `changed` while the rows are being built

        self.sales_rows = SalesRows(setup, mapping.sales, till_categories, self._recheck_hook)
        self.tender_rows = TenderRows(setup, mapping.tenders, till_tenders, self._recheck_hook)
        self.invoice = InvoiceSettings(setup, mapping, self._today, self._recheck_hook)
        approval, self.draft_radio, self.approve_radio = approval_box(mapping.approve_automatically)
        summary, self.day_radio, self.week_radio = summary_box(mapping.weekly, setup.plan_class)
        # The parts the GUI tests click and read by name, as an owner would.
        self.new_category, self.new_tender = self.sales_rows.new_name, self.tender_rows.new_name
        self.add_tender_button = self.tender_rows.add_button
        invoice = self.invoice
        self.contact_edit, self.contact_problems = invoice.contact_edit, invoice.contact_problems
        self.number_edit, self.number_example = invoice.number_edit, invoice.number_example
        self.number_problems, self.rounding_combo = invoice.number_problems, invoice.rounding_combo
        self.reference_edit, self.reference_example = invoice.reference_edit, invoice.reference_example
        self.reference_problems = invoice.reference_problems

        content = QWidget()
        content.setObjectName("shop_setup_content")
        column = QVBoxLayout(content)
        column.setSpacing(14)
        for section in (self.sales_rows, self.tender_rows, self.invoice, approval, summary):
            column.addWidget(section)
        self.tills_box: TillTrackingBox | None = None
        if tills:
            self.tills_box = TillTrackingBox(
                tills,
                tracking_choices,
                mapping.tracking,
                setup.short_code,
                self._recheck_hook,
            )
            self.tills_box.show_read_problem(tracking_problem)
            self.tills_box.changed.connect(self._recheck)
            column.addWidget(self.tills_box)
        column.addStretch(1)

        scroll = FittingScrollArea(content)
        scroll.setObjectName("shop_setup_scroll")
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        for rows in (self.sales_rows, self.tender_rows):
            rows.changed.connect(self._recheck)
            rows.rows_changed.connect(self._fix_tab_order)
        self.invoice.changed.connect(self._recheck)
        self.draft_radio.toggled.connect(self._recheck)
        self.day_radio.toggled.connect(self._recheck)
        for category in dict.fromkeys([*till_categories, *mapping.sales]):
            self.sales_rows.add_row(category)
        for tender in dict.fromkeys([*till_tenders, *mapping.tenders]):
            self.tender_rows.add_row(tender)
        self._quiet = False
        self._recheck(announce=False)

    def show_row(self, row: SetupRow) -> QWidget | None:
        """Bring the row a card is about into view, the cursor on its first choice (a sales category or
        tender the till hasn't shown here yet is added). Returns the widget focused."""
        if row.kind == SetupRow.SALES and row.name:
            widget = self.sales_rows.row_for(row.name)
        elif row.kind == SetupRow.TENDERS and row.name:
            widget = self.tender_rows.row_for(row.name)
        elif row.kind == SetupRow.ROUNDING:
            widget = self.rounding_combo
        elif row.kind == SetupRow.CONTACT:
            widget = self.contact_edit
        elif row.kind == SetupRow.TILLS and self.tills_box is not None:
            widget = self.tills_box.focus_widget(row.name) or self.tills_box
        else:
            return None

        def reveal() -> None:
            self._scroll.ensureWidgetVisible(widget, 0, 40)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, widget, reveal)
        return widget

    def focus_first(self) -> None:
        """The keyboard on the setup's first choice (the first kind of sale's account), in view."""
        chain = [*self.sales_rows.tab_chain(), *self.tender_rows.tab_chain()]
        widget = chain[0] if chain else self.new_category
        self._scroll.ensureWidgetVisible(widget, 0, 40)
        focus_for_keys(widget)

    def _fix_tab_order(self) -> None:
        """Tab goes down the rows in reading order, then to the adder, then on down the sections."""
        chain = [*self.sales_rows.tab_chain(), *self.tender_rows.tab_chain(), *self.invoice.tab_chain()]
        chain += [self.draft_radio, self.approve_radio, self.day_radio, self.week_radio]
        if self.tills_box is not None and self.tills_box.category_combo is not None:
            chain += [self.tills_box.category_combo, *self.tills_box.options.values()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- out ------------------------------------------------------------------------------------------
    def mapping(self) -> Mapping:
        """The Mapping as edited (categories or tenders without a full choice are left out)."""
        return replace(
            self._original,
            sales=self.sales_rows.chosen(),
            tenders=self.tender_rows.chosen(),
            **self.invoice.chosen(),
            approve_automatically=self.approve_radio.isChecked(),
            weekly=self.week_radio.isChecked(),
            tracking=self.tills_box.tracking() if self.tills_box is not None else self._original.tracking,
        )

    def problems(self) -> list[str]:
        """What still needs doing or would be refused by Xero, one sentence each (empty: all good)."""
        tracking = [c.title + "." for c in self.tills_box.problem_cards()] if self.tills_box else []
        return [*self._check.all_words(), *tracking]

    def check(self) -> ShopSetupCheck:
        return self._check

    def save_waits_for(self) -> str:
        """Why Save (or the wizard's Next) waits ("" when it doesn't): only what would stop every day, like a
        broken invoice number. Accounts still to choose don't: the owner can come back to them."""
        if self._check.words.get(INVOICE_NUMBER) or self._check.words.get(REFERENCE):
            return "Fix the invoice number or the reference first."
        if not self.mapping().customer_contact:
            return "Type the name of the Xero contact the day's sales go to first."
        return ""

    def categories(self) -> list[str]:
        return list(self.sales_rows.rows)

    def tenders(self) -> list[str]:
        return list(self.tender_rows.rows)

    # ---- keeping the problems up to date --------------------------------------------------------------
    def _recheck(self, *_args, announce: bool = True) -> None:
        if self._quiet:
            return
        mapping = self.mapping()
        self._check = check_shop_setup(
            mapping,
            self._setup,
            categories=list(self.sales_rows.rows),
            tenders=list(self.tender_rows.rows),
            contact=self._contact,
            contact_checked_for=self._contact_checked_for,
            unfinished_sales=self.sales_rows.unfinished(),
            today=self._today,
        )
        self.sales_rows.show_check(self._check)
        self.tender_rows.show_check(self._check)
        self.invoice.show_check(self._check, mapping)
        if announce:
            self.changed.emit()
