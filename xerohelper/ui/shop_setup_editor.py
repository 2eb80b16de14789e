"""Shop setup's editor: the rows and pickers where each kind of sale and each way of paying gets its Xero
account (and tax rate), the day's invoice number, reference, contact and rounding, and whether the day is
approved automatically. Pure data in and out: an OrganisationSetup and a Mapping in, a Mapping out; no Xero
calls (the dialog in ui/shop_setup.py and the setup wizard read and save around it).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.booking_rules import category_accounts, suggested_sales, suggested_tender_account
from xerohelper.core.dates import long_date
from xerohelper.core.explain import SetupRow
from xerohelper.core.mapping import Mapping, SalesAccount
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.plan_limit import monthly_cap
from xerohelper.core.shop_setup_check import (
    CONTACT,
    INVOICE_NUMBER,
    REFERENCE,
    ROUNDING,
    TILL_DIFFERENCE,
    Row,
    ShopSetupCheck,
    check_shop_setup,
    payment_accounts,
    rounding_accounts,
    till_difference_accounts,
)
from xerohelper.ui import look
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.shop_setup_help import EnterAdds, invoice_number_words, pattern_words, tax_follows_account
from xerohelper.ui.shop_setup_rows import (
    AccountCombo,
    FittingScrollArea,
    RowProblems,
    RowWidgets,
    TaxCombo,
    buddy,
    either_or,
    example,
    remove_button,
    slug,
    stacked,
)
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
        self._till_categories = list(dict.fromkeys(c for c in categories if c.strip()))
        self._till_tenders = list(dict.fromkeys(t for t in tenders if t.strip()))
        self._sales: dict[str, RowWidgets] = {}
        self._tenders: dict[str, RowWidgets] = {}
        self._check = ShopSetupCheck()
        self._quiet = True  # no `changed` while the rows are being built

        content = QWidget()
        content.setObjectName("shop_setup_content")
        column = QVBoxLayout(content)
        column.setSpacing(14)
        column.addWidget(self._sales_box())
        column.addWidget(self._tenders_box())
        column.addWidget(self._invoice_box())
        column.addWidget(self._approval_box())
        column.addWidget(self._summary_box())
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

        for category in dict.fromkeys([*self._till_categories, *mapping.sales]):
            self._add_sales_row(category)
        for tender in dict.fromkeys([*self._till_tenders, *mapping.tenders]):
            self._add_tender_row(tender)
        self._quiet = False
        self._recheck(announce=False)

    # ---- sections -------------------------------------------------------------------------------------
    def _sales_box(self) -> QGroupBox:
        box = QGroupBox("Sales — which Xero account and tax rate each kind of sale goes to")
        box.setObjectName("sales_box")
        self._sales_grid = QGridLayout()
        self._sales_grid.setColumnStretch(1, 3)
        self._sales_grid.setColumnStretch(2, 2)
        self._sales_grid.setHorizontalSpacing(10)
        for column, text in enumerate(("Kind of sale (from your till)", "Xero account", "Tax rate")):
            heading = QLabel(f"<b>{text}</b>")
            self._sales_grid.addWidget(heading, 0, column)
        self._sales_next_row = 1
        self.new_category = QLineEdit()
        self.new_category.setObjectName("new_category")
        self.new_category.setAccessibleName("New kind of sale")
        self.new_category.setPlaceholderText("Another kind of sale, as your till names it")
        self.add_category_button = QPushButton("Add &kind of sale")
        self.add_category_button.setObjectName("add_category_button")
        self.add_category_button.setAccessibleName("Add kind of sale")
        self.add_category_button.setAutoDefault(False)
        self.add_category_button.clicked.connect(self._add_category_clicked)
        EnterAdds(self.new_category, self._add_category_clicked)  # never the dialog's Save or wizard's Next
        adder = QHBoxLayout()
        adder.addWidget(self.new_category, 1)
        adder.addWidget(self.add_category_button)
        layout = QVBoxLayout(box)
        layout.addLayout(self._sales_grid)
        layout.addLayout(adder)
        return box

    def _tenders_box(self) -> QGroupBox:
        box = QGroupBox("Payments — which account each way of paying goes into")
        box.setObjectName("tenders_box")
        self._tenders_grid = QGridLayout()
        self._tenders_grid.setColumnStretch(1, 1)
        self._tenders_grid.setHorizontalSpacing(10)
        for column, text in enumerate(("Way of paying", "Paid into (bank or clearing account)")):
            self._tenders_grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self._tenders_next_row = 1
        self.new_tender = QLineEdit()
        self.new_tender.setObjectName("new_tender")
        self.new_tender.setAccessibleName("New way of paying")
        self.new_tender.setPlaceholderText("Another way of paying, as your till names it")
        self.add_tender_button = QPushButton("Add way of &paying")
        self.add_tender_button.setObjectName("add_tender_button")
        self.add_tender_button.setAccessibleName("Add way of paying")
        self.add_tender_button.setAutoDefault(False)
        self.add_tender_button.clicked.connect(self._add_tender_clicked)
        EnterAdds(self.new_tender, self._add_tender_clicked)
        adder = QHBoxLayout()
        adder.addWidget(self.new_tender, 1)
        adder.addWidget(self.add_tender_button)
        layout = QVBoxLayout(box)
        layout.addLayout(self._tenders_grid)
        layout.addLayout(adder)
        return box

    def _invoice_box(self) -> QGroupBox:
        mapping = self._original
        box = QGroupBox("The day's invoice in Xero")
        box.setObjectName("invoice_box")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self.contact_edit = QLineEdit(mapping.customer_contact)
        self.contact_edit.setObjectName("contact_edit")
        self.contact_edit.setAccessibleName("Customer contact")
        self.contact_edit.setPlaceholderText("POS Sales")
        self.contact_edit.setToolTip("The Xero contact every day's sales invoice is made out to.")
        self.contact_problems = RowProblems("contact_problems", self._recheck_hook)
        form.addRow(
            buddy("Customer &contact:", self.contact_edit),
            stacked(self.contact_edit, self.contact_problems),
        )

        self.number_edit = QLineEdit(mapping.invoice_number_pattern)
        self.number_edit.setObjectName("invoice_number_edit")
        self.number_edit.setAccessibleName("Invoice number")
        self.number_example = QLabel()
        self.number_example.setObjectName("invoice_number_example")
        self.number_example.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.number_problems = RowProblems("invoice_number_problems", self._recheck_hook)
        form.addRow(
            buddy("&Invoice number:", self.number_edit),
            stacked(
                self.number_edit, self.number_example, invoice_number_words(self._today), self.number_problems
            ),
        )

        self.reference_edit = QLineEdit(mapping.reference_pattern)
        self.reference_edit.setObjectName("reference_edit")
        self.reference_edit.setAccessibleName("Reference")
        self.reference_example = QLabel()
        self.reference_example.setObjectName("reference_example")
        self.reference_example.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reference_problems = RowProblems("reference_problems", self._recheck_hook)
        hint = pattern_words(self._today)
        form.addRow(
            buddy("&Reference:", self.reference_edit),
            stacked(self.reference_edit, self.reference_example, self.reference_problems, hint),
        )

        self.rounding_combo = AccountCombo(
            rounding_accounts(self._setup), self._setup, mapping.rounding_account_code, "rounding_account"
        )
        self.rounding_combo.setAccessibleName("Rounding account")
        self.rounding_combo.setToolTip(
            "When Xero's total differs from the till's by a few cents, the difference goes here."
        )
        self.rounding_problems = RowProblems("rounding_problems", self._recheck_hook)
        form.addRow(
            buddy("Rounding &goes to:", self.rounding_combo),
            stacked(self.rounding_combo, self.rounding_problems),
        )

        self.till_difference_combo = AccountCombo(
            till_difference_accounts(self._setup),
            self._setup,
            mapping.till_difference_account_code,
            "till_difference_account",
        )
        self.till_difference_combo.setAccessibleName("Till difference account")
        self.till_difference_combo.setToolTip(
            "When the money taken differs from the till's sales and you choose to book it, the difference "
            "goes here (usually an account called “Over/Short”), without tax."
        )
        self.till_difference_problems = RowProblems("till_difference_problems", self._recheck_hook)
        form.addRow(
            buddy("&Till over/short goes to:", self.till_difference_combo),
            stacked(self.till_difference_combo, self.till_difference_problems),
        )

        for edit in (self.contact_edit, self.number_edit, self.reference_edit):
            edit.textChanged.connect(self._recheck)
        self.rounding_combo.currentIndexChanged.connect(self._recheck)
        self.till_difference_combo.currentIndexChanged.connect(self._recheck)
        return box

    def _approval_box(self) -> QGroupBox:
        draft = "Send as a draft &for me to check, then I approve it"  # Alt+D: the Day menu
        approve = "&Approve automatically and record the payments straight away"
        box, (self.draft_radio, self.approve_radio) = either_or(
            "When xerohelper sends the day's sales",
            "approval_box",
            (draft, "draft_radio", "Send as a draft for me to check"),
            (approve, "approve_radio", "Approve automatically"),
            second=self._original.approve_automatically,
        )
        self.draft_radio.toggled.connect(self._recheck)
        return box

    def _summary_box(self) -> QGroupBox:
        """One invoice a day, or one a week (for Xero plans that cap approved invoices a month)."""
        box, (self.day_radio, self.week_radio) = either_or(
            "How often xerohelper sends a sales summary",
            "summary_box",
            ("One invoice a da&y", "day_radio", "One invoice a day"),
            (
                "One invoice a &week (Monday to Sunday, each day on its own lines; payments still dated on "
                "the day they were taken)",
                "week_radio",
                "One invoice a week",
            ),
            second=self._original.weekly,
        )
        self.day_radio.toggled.connect(self._recheck)
        cap = monthly_cap(self._setup.plan_class)
        if cap is not None:
            plan, limit = cap
            hint = look.secondary(
                QLabel(
                    f"Your Xero plan ({plan}) approves {limit} sales invoices a month: one invoice a day "
                    "would go over it. One a week fits (at most six a month)."
                )
            )
            hint.setObjectName("plan_cap_hint")
            hint.setWordWrap(True)
            box.layout().addWidget(hint)
        return box

    # ---- rows -----------------------------------------------------------------------------------------
    def _add_sales_row(self, category: str) -> None:
        target = (
            self._original.sales.get(category)
            or suggested_sales(category, self._setup)  # tips, gift cards sold, surcharges: as booked
            or SalesAccount("", "")
        )
        key = slug(category)
        name = QLabel(category)
        name.setObjectName(f"sales_name_{key}")
        name.setWordWrap(True)
        account = AccountCombo(
            category_accounts(category, self._setup),
            self._setup,
            target.account_code,
            f"sales_account_{key}",
        )
        account.setAccessibleName(f"Xero account for {category} sales")
        tax = TaxCombo(self._setup, target.tax_type, f"sales_tax_{key}")
        tax.setAccessibleName(f"Tax rate for {category} sales")
        problems = RowProblems(f"sales_problems_{key}", self._recheck_hook)
        remove = None
        if category not in self._till_categories:
            remove = remove_button(f"remove_sales_{key}", f"Remove {category}")
            remove.clicked.connect(lambda: self._remove("sales", category))
        row = self._sales_next_row
        self._sales_grid.addWidget(name, row, 0)
        self._sales_grid.addWidget(account, row, 1)
        self._sales_grid.addWidget(tax, row, 2)
        if remove is not None:
            self._sales_grid.addWidget(remove, row, 3)
        self._sales_grid.addWidget(problems, row + 1, 0, 1, 4)
        self._sales_next_row += 2
        account.currentIndexChanged.connect(lambda _index: tax_follows_account(self._setup, account, tax))
        account.currentIndexChanged.connect(self._recheck)
        tax.currentIndexChanged.connect(self._recheck)
        tax.setProperty("follows_account", account.code())
        self._sales[category] = RowWidgets("sales", category, [name, account, tax], problems, remove)
        self._fix_tab_order()

    def _add_tender_row(self, tender: str) -> None:
        code = self._original.tenders.get(tender) or suggested_tender_account(tender, self._setup) or ""
        key = slug(tender)
        name = QLabel(tender)
        name.setObjectName(f"tender_name_{key}")
        account = AccountCombo(payment_accounts(self._setup), self._setup, code, f"tender_account_{key}")
        account.setAccessibleName(f"Account {tender} is paid into")
        problems = RowProblems(f"tender_problems_{key}", self._recheck_hook)
        remove = None
        if tender not in self._till_tenders:
            remove = remove_button(f"remove_tender_{key}", f"Remove {tender}")
            remove.clicked.connect(lambda: self._remove("tender", tender))
        row = self._tenders_next_row
        self._tenders_grid.addWidget(name, row, 0)
        self._tenders_grid.addWidget(account, row, 1)
        if remove is not None:
            self._tenders_grid.addWidget(remove, row, 2)
        self._tenders_grid.addWidget(problems, row + 1, 0, 1, 3)
        self._tenders_next_row += 2
        account.currentIndexChanged.connect(self._recheck)
        self._tenders[tender] = RowWidgets("tender", tender, [name, account], problems, remove)
        self._fix_tab_order()

    def _remove(self, kind: str, name: str) -> None:
        rows = self._sales if kind == "sales" else self._tenders
        row = rows.pop(name, None)
        if row is not None:
            row.drop()
            self._recheck()

    def _add_category_clicked(self) -> None:
        name = " ".join(self.new_category.text().split())
        if not name:
            return
        if name not in self._sales:
            self._add_sales_row(name)
        self.new_category.clear()
        self._focus_later(self._sales[name].widgets[1])
        self._recheck()

    def _add_tender_clicked(self) -> None:
        name = " ".join(self.new_tender.text().split())
        if not name:
            return
        if name not in self._tenders:
            self._add_tender_row(name)
        self.new_tender.clear()
        self._focus_later(self._tenders[name].widgets[1])
        self._recheck()

    def show_row(self, row: SetupRow) -> QWidget | None:
        """Bring the row a card is about into view, the cursor on its first choice (a sales category or
        tender the till hasn't shown here yet is added). Returns the widget focused."""
        if row.kind == SetupRow.SALES and row.name:
            if row.name not in self._sales:
                self._add_sales_row(row.name)
            widget = self._sales[row.name].widgets[1]
        elif row.kind == SetupRow.TENDERS and row.name:
            if row.name not in self._tenders:
                self._add_tender_row(row.name)
            widget = self._tenders[row.name].widgets[1]
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
        """The keyboard on the first choice of the setup (the first kind of sale's account), in view."""
        first = next(iter(self._sales.values()), None) or next(iter(self._tenders.values()), None)
        widget = first.widgets[1] if first is not None else self.new_category
        self._scroll.ensureWidgetVisible(widget, 0, 40)
        focus_for_keys(widget)

    @staticmethod
    def _focus_later(widget: QWidget) -> None:
        """Focus a row just added (it becomes visible when the layout has placed it)."""
        QTimer.singleShot(0, widget, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))

    def _fix_tab_order(self) -> None:
        """Tab goes down the rows in reading order, then to the adder."""
        chain: list[QWidget] = []
        for row in self._sales.values():
            chain += [*row.widgets[1:], *([row.remove] if row.remove else [])]
        chain += [self.new_category, self.add_category_button]
        for row in self._tenders.values():
            chain += [*row.widgets[1:], *([row.remove] if row.remove else [])]
        chain += [self.new_tender, self.add_tender_button]
        if hasattr(self, "contact_edit"):
            chain += [
                self.contact_edit,
                self.number_edit,
                self.reference_edit,
                self.rounding_combo,
                self.till_difference_combo,
                self.draft_radio,
                self.approve_radio,
                self.day_radio,
                self.week_radio,
            ]
        if getattr(self, "tills_box", None) is not None and self.tills_box.category_combo is not None:
            chain += [self.tills_box.category_combo, *self.tills_box.options.values()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- out ------------------------------------------------------------------------------------------
    def mapping(self) -> Mapping:
        """The Mapping as edited (categories or tenders without a full choice are left out)."""
        sales = {}
        for name, row in self._sales.items():
            code, tax = row.widgets[1].code(), row.widgets[2].tax_type()
            if code and tax:
                sales[name] = SalesAccount(code, tax)
        tenders = {
            name: row.widgets[1].code() for name, row in self._tenders.items() if row.widgets[1].code()
        }
        return replace(
            self._original,
            sales=sales,
            tenders=tenders,
            customer_contact=self.contact_edit.text().strip(),
            invoice_number_pattern=self.number_edit.text().strip(),
            reference_pattern=self.reference_edit.text().strip(),
            approve_automatically=self.approve_radio.isChecked(),
            rounding_account_code=self.rounding_combo.code(),
            weekly=self.week_radio.isChecked(),
            till_difference_account_code=self.till_difference_combo.code(),
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
        return list(self._sales)

    def tenders(self) -> list[str]:
        return list(self._tenders)

    # ---- keeping the problems up to date --------------------------------------------------------------
    def _recheck(self, *_args, announce: bool = True) -> None:
        if self._quiet:
            return
        mapping = self.mapping()
        unfinished = [
            name
            for name, row in self._sales.items()
            if bool(row.widgets[1].code()) != bool(row.widgets[2].tax_type())
        ]
        self._check = check_shop_setup(
            mapping,
            self._setup,
            categories=list(self._sales),
            tenders=list(self._tenders),
            contact=self._contact,
            contact_checked_for=self._contact_checked_for,
            unfinished_sales=unfinished,
            today=self._today,
        )
        for name, row in self._sales.items():
            row.problems.show_problems(*self._check.for_row(("sales", name)))
        for name, row in self._tenders.items():
            row.problems.show_problems(*self._check.for_row(("tender", name)))
        self._show(CONTACT, self.contact_problems)
        self._show(INVOICE_NUMBER, self.number_problems)
        self._show(REFERENCE, self.reference_problems)
        self._show(ROUNDING, self.rounding_problems)
        self._show(TILL_DIFFERENCE, self.till_difference_problems)
        self.number_example.setText(
            example(lambda: mapping.invoice_number(self._today), f" (for {long_date(self._today)})")
        )
        self.reference_example.setText(example(lambda: mapping.reference(self._today)))
        if announce:
            self.changed.emit()

    def _show(self, row: Row, where: RowProblems) -> None:
        where.show_problems(*self._check.for_row(row))
