"""Shop setup: where each kind of sale and each way of paying goes in Xero, what the day's invoice is called,
and whether it is approved automatically.

`ShopSetupEditor` only edits data (an OrganisationSetup and a Mapping in, a Mapping out: no Xero calls).
`ShopSetupDialog` is the Settings window around it: it reads the organisation's accounts in the background,
saves, and exports or imports the setup as a file.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.booking_rules import category_accounts, suggested_sales, suggested_tender_account
from xerohelper.core.explain import Explanation, SetupRow
from xerohelper.core.mapping import Mapping, MappingFileError, SalesAccount
from xerohelper.core.organisation_setup import AccountInfo, ContactInfo, OrganisationSetup
from xerohelper.core.plan_limit import monthly_cap
from xerohelper.core.shop_setup_check import (
    CONTACT,
    INVOICE_NUMBER,
    REFERENCE,
    ROUNDING,
    TILL_DIFFERENCE,
    Row,
    ShopSetupCheck,
    account_label,
    check_shop_setup,
    payment_accounts,
    rounding_accounts,
    sales_tax_rates,
    tax_label,
    till_difference_accounts,
)
from xerohelper.ui import look
from xerohelper.ui.busy_panel import BusyPanel
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.failure_words import explain_failure, short_code_of, still_open
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)
CHOOSE_ACCOUNT = "Choose an account…"
CHOOSE_TAX = "Choose a tax rate…"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "row"


class _Problems(QWidget):
    """The problems of one row: a line of words each, or the explanation card when Xero would refuse
    (with Open in Xero, and “check again” when the owner can ask for the accounts to be read again)."""

    def __init__(self, object_name: str, on_recheck=None) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._on_recheck = on_recheck
        self.words = QLabel()
        self.words.setObjectName(f"{object_name}_words")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setVisible(False)
        self._cards_box = QVBoxLayout()
        self._cards_box.setContentsMargins(0, 0, 0, 0)
        self.cards: list[ExplanationCard] = []
        self._shown: tuple = ((), ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.words)
        layout.addLayout(self._cards_box)
        self._colour()
        self.setVisible(False)

    def show_problems(self, words: list[str], cards: list[Explanation]) -> None:
        shown = (tuple(words), tuple(cards))
        if shown == self._shown:
            return
        self._shown = shown
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for explanation in cards:
            card = ExplanationCard(name=f"{self.objectName()}_card")
            card.set_explanation(explanation)
            if self._on_recheck is not None:
                card.try_again.connect(self._on_recheck)
            else:
                card.try_again_button.setVisible(False)
            self._cards_box.addWidget(card)
            self.cards.append(card)
        # Words only for what no card explains already.
        text = "" if cards else "\n".join(f"⚠ {w}" for w in words)
        self.words.setText(text)
        self.words.setAccessibleName(text or "No problems")
        self.words.setVisible(bool(text))
        self.setVisible(bool(text) or bool(self.cards))

    @property
    def text(self) -> str:
        return self.words.text()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._colour()

    def _colour(self) -> None:
        palette = self.words.palette()
        colour = look.tone_colour(look.Tone.ATTENTION)
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.words.setPalette(palette)


class FittingScrollArea(QScrollArea):
    """Scrolls a column of word-wrapped text and cards: the column is as wide as the view and exactly as
    tall as its text needs at that width (QScrollArea's own resizing leaves gaps or clips wrapped text)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and (
            watched is self.viewport() or event.type() == QEvent.Type.LayoutRequest
        ):
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        width = self.viewport().width()
        layout = content.layout()
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else content.sizeHint().height()
        height = max(
            height,
            self.viewport().height(),
            layout.minimumSize().height() if not layout.hasHeightForWidth() else 0,
        )
        if content.size() != QSize(width, height):
            content.resize(width, height)


def _stacked(*widgets: QWidget) -> QWidget:
    """A field with what belongs under it (its example, its problems), as one cell of a form."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    for widget in widgets:
        column.addWidget(widget)
    return holder


class _AccountCombo(QComboBox):
    """A choice of Xero accounts shown as '200 · Sales'; the account already chosen stays offered even when
    Xero no longer allows it (so the owner sees what it was and the problem next to it)."""

    def __init__(
        self, accounts: list[AccountInfo], setup: OrganisationSetup, current: str, name: str
    ) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addItem(CHOOSE_ACCOUNT, "")
        for account in accounts:
            self.addItem(account_label(account), account.code)
        if current and self.findData(current) < 0:
            known = setup.accounts.get(current)
            if known is None:
                self.addItem(f"{current} · (not in Xero)", current)
            elif known.status != "ACTIVE":
                self.addItem(f"{account_label(known)} (archived)", current)
            else:
                self.addItem(f"{account_label(known)} (can't be used here)", current)
        self.setCurrentIndex(max(self.findData(current), 0))

    def code(self) -> str:
        return self.currentData() or ""


class _TaxCombo(QComboBox):
    def __init__(self, setup: OrganisationSetup, current: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addItem(CHOOSE_TAX, "")
        for rate in sales_tax_rates(setup):
            self.addItem(tax_label(rate), rate.tax_type)
        if current and self.findData(current) < 0:
            known = setup.tax_rates.get(current)
            self.addItem(f"{tax_label(known)} (can't be used on sales)" if known else current, current)
        self.setCurrentIndex(max(self.findData(current), 0))

    def tax_type(self) -> str:
        return self.currentData() or ""


class _Row:
    """One sales category or one tender: its name, its choices, its problems, and Remove."""

    def __init__(self, kind: str, name: str, widgets: list[QWidget], problems: _Problems, remove) -> None:
        self.kind, self.name, self.widgets, self.problems, self.remove = kind, name, widgets, problems, remove

    def drop(self) -> None:
        for widget in [*self.widgets, self.problems, *([self.remove] if self.remove else [])]:
            widget.setParent(None)
            widget.deleteLater()


class ShopSetupEditor(QWidget):
    """Edits a Mapping against the organisation's accounts and tax rates. Pure data in, pure data out.

    categories / tenders: the names the till uses (the day's); those already in the Mapping are added.
    contact: what Xero found for the Mapping's customer contact (None: not found).
    today: the date the invoice number and reference examples are shown for.
    contact_looked_up_for: the name `contact` was looked up by ("" when it wasn't looked up).
    offer_recheck: cards offer “I've fixed it — try again”, which emits recheck_requested (the
    owner changed something in Xero: read the accounts again and rebuild the editor with .mapping()).
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
    ) -> None:
        super().__init__(parent)
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
        self._sales: dict[str, _Row] = {}
        self._tenders: dict[str, _Row] = {}
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
        self.new_category.returnPressed.connect(self._add_category_clicked)
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
        self.add_tender_button = QPushButton("Add &way of paying")
        self.add_tender_button.setObjectName("add_tender_button")
        self.add_tender_button.setAccessibleName("Add way of paying")
        self.add_tender_button.setAutoDefault(False)
        self.add_tender_button.clicked.connect(self._add_tender_clicked)
        self.new_tender.returnPressed.connect(self._add_tender_clicked)
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
        self.contact_problems = _Problems("contact_problems", self._recheck_hook)
        form.addRow(
            self._buddy("Customer &contact:", self.contact_edit),
            _stacked(self.contact_edit, self.contact_problems),
        )

        self.number_edit = QLineEdit(mapping.invoice_number_pattern)
        self.number_edit.setObjectName("invoice_number_edit")
        self.number_edit.setAccessibleName("Invoice number")
        self.number_example = QLabel()
        self.number_example.setObjectName("invoice_number_example")
        self.number_example.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.number_problems = _Problems("invoice_number_problems", self._recheck_hook)
        form.addRow(
            self._buddy("&Invoice number:", self.number_edit),
            _stacked(self.number_edit, self.number_example, self.number_problems),
        )

        self.reference_edit = QLineEdit(mapping.reference_pattern)
        self.reference_edit.setObjectName("reference_edit")
        self.reference_edit.setAccessibleName("Reference")
        self.reference_example = QLabel()
        self.reference_example.setObjectName("reference_example")
        self.reference_example.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reference_problems = _Problems("reference_problems", self._recheck_hook)
        hint = QLabel(
            "In the number and reference, {yyyymmdd} becomes the date (20261121); you can also use "
            "{d} {month} {yyyy} (21 Nov 2026), {weekday} (Sat), {yyyy} {mm} {dd}, and {location}."
        )
        hint.setObjectName("pattern_hint")
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(
            self._buddy("&Reference:", self.reference_edit),
            _stacked(self.reference_edit, self.reference_example, self.reference_problems, hint),
        )

        self.rounding_combo = _AccountCombo(
            rounding_accounts(self._setup), self._setup, mapping.rounding_account_code, "rounding_account"
        )
        self.rounding_combo.setAccessibleName("Rounding account")
        self.rounding_combo.setToolTip(
            "When Xero's total differs from the till's by a few cents, the difference goes here."
        )
        self.rounding_problems = _Problems("rounding_problems", self._recheck_hook)
        form.addRow(
            self._buddy("Rounding &goes to:", self.rounding_combo),
            _stacked(self.rounding_combo, self.rounding_problems),
        )

        self.till_difference_combo = _AccountCombo(
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
        self.till_difference_problems = _Problems("till_difference_problems", self._recheck_hook)
        form.addRow(
            self._buddy("&Till over/short goes to:", self.till_difference_combo),
            _stacked(self.till_difference_combo, self.till_difference_problems),
        )

        for edit in (self.contact_edit, self.number_edit, self.reference_edit):
            edit.textChanged.connect(self._recheck)
        self.rounding_combo.currentIndexChanged.connect(self._recheck)
        self.till_difference_combo.currentIndexChanged.connect(self._recheck)
        return box

    def _approval_box(self) -> QGroupBox:
        box = QGroupBox("When xerohelper sends the day's sales")
        box.setObjectName("approval_box")
        self.draft_radio = QRadioButton("Send as a &draft for me to check, then I approve it")
        self.draft_radio.setObjectName("draft_radio")
        self.draft_radio.setAccessibleName("Send as a draft for me to check")
        self.approve_radio = QRadioButton("&Approve automatically and record the payments straight away")
        self.approve_radio.setObjectName("approve_radio")
        self.approve_radio.setAccessibleName("Approve automatically")
        group = QButtonGroup(box)
        group.addButton(self.draft_radio)
        group.addButton(self.approve_radio)
        (self.approve_radio if self._original.approve_automatically else self.draft_radio).setChecked(True)
        self.draft_radio.toggled.connect(self._recheck)
        layout = QVBoxLayout(box)
        layout.addWidget(self.draft_radio)
        layout.addWidget(self.approve_radio)
        return box

    def _summary_box(self) -> QGroupBox:
        """One invoice a day, or one a week (for Xero plans that cap approved invoices a month)."""
        box = QGroupBox("How often xerohelper sends a sales summary")
        box.setObjectName("summary_box")
        self.day_radio = QRadioButton("One invoice a da&y")
        self.day_radio.setObjectName("day_radio")
        self.day_radio.setAccessibleName("One invoice a day")
        self.week_radio = QRadioButton(
            "One invoice a &week (Monday to Sunday, each day on its own lines; payments still dated on "
            "the day they were taken)"
        )
        self.week_radio.setObjectName("week_radio")
        self.week_radio.setAccessibleName("One invoice a week")
        group = QButtonGroup(box)
        group.addButton(self.day_radio)
        group.addButton(self.week_radio)
        (self.week_radio if self._original.weekly else self.day_radio).setChecked(True)
        self.day_radio.toggled.connect(self._recheck)
        layout = QVBoxLayout(box)
        layout.addWidget(self.day_radio)
        layout.addWidget(self.week_radio)
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
            layout.addWidget(hint)
        return box

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    # ---- rows -----------------------------------------------------------------------------------------
    def _add_sales_row(self, category: str) -> None:
        target = (
            self._original.sales.get(category)
            or suggested_sales(category, self._setup)  # tips, gift cards sold, surcharges: as booked
            or SalesAccount("", "")
        )
        slug = _slug(category)
        name = QLabel(category)
        name.setObjectName(f"sales_name_{slug}")
        name.setWordWrap(True)
        account = _AccountCombo(
            category_accounts(category, self._setup),
            self._setup,
            target.account_code,
            f"sales_account_{slug}",
        )
        account.setAccessibleName(f"Xero account for {category} sales")
        tax = _TaxCombo(self._setup, target.tax_type, f"sales_tax_{slug}")
        tax.setAccessibleName(f"Tax rate for {category} sales")
        problems = _Problems(f"sales_problems_{slug}", self._recheck_hook)
        remove = None
        if category not in self._till_categories:
            remove = self._remove_button(f"remove_sales_{slug}", f"Remove {category}")
            remove.clicked.connect(lambda: self._remove("sales", category))
        row = self._sales_next_row
        self._sales_grid.addWidget(name, row, 0)
        self._sales_grid.addWidget(account, row, 1)
        self._sales_grid.addWidget(tax, row, 2)
        if remove is not None:
            self._sales_grid.addWidget(remove, row, 3)
        self._sales_grid.addWidget(problems, row + 1, 0, 1, 4)
        self._sales_next_row += 2
        account.currentIndexChanged.connect(self._recheck)
        tax.currentIndexChanged.connect(self._recheck)
        self._sales[category] = _Row("sales", category, [name, account, tax], problems, remove)
        self._fix_tab_order()

    def _add_tender_row(self, tender: str) -> None:
        code = self._original.tenders.get(tender) or suggested_tender_account(tender, self._setup) or ""
        slug = _slug(tender)
        name = QLabel(tender)
        name.setObjectName(f"tender_name_{slug}")
        account = _AccountCombo(payment_accounts(self._setup), self._setup, code, f"tender_account_{slug}")
        account.setAccessibleName(f"Account {tender} is paid into")
        problems = _Problems(f"tender_problems_{slug}", self._recheck_hook)
        remove = None
        if tender not in self._till_tenders:
            remove = self._remove_button(f"remove_tender_{slug}", f"Remove {tender}")
            remove.clicked.connect(lambda: self._remove("tender", tender))
        row = self._tenders_next_row
        self._tenders_grid.addWidget(name, row, 0)
        self._tenders_grid.addWidget(account, row, 1)
        if remove is not None:
            self._tenders_grid.addWidget(remove, row, 2)
        self._tenders_grid.addWidget(problems, row + 1, 0, 1, 3)
        self._tenders_next_row += 2
        account.currentIndexChanged.connect(self._recheck)
        self._tenders[tender] = _Row("tender", tender, [name, account], problems, remove)
        self._fix_tab_order()

    @staticmethod
    def _remove_button(object_name: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.setObjectName(object_name)
        button.setText("Remove")
        button.setAccessibleName(accessible)
        button.setToolTip(f"{accessible} from the shop setup")
        return button

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
        else:
            return None

        def reveal() -> None:
            self._scroll.ensureWidgetVisible(widget, 0, 40)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, widget, reveal)
        return widget

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
        )

    def problems(self) -> list[str]:
        """What still needs doing or would be refused by Xero, one sentence each (empty: all good)."""
        return self._check.all_words()

    def check(self) -> ShopSetupCheck:
        return self._check

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
        self.number_example.setText(self._example(lambda: mapping.invoice_number(self._today)))
        self.reference_example.setText(self._example(lambda: mapping.reference(self._today)))
        if announce:
            self.changed.emit()

    def _show(self, row: Row, where: _Problems) -> None:
        where.show_problems(*self._check.for_row(row))

    @staticmethod
    def _example(fill) -> str:
        try:
            return f"For example: {fill()}"
        except (KeyError, ValueError, IndexError, AttributeError, TypeError):
            return "For example: —"


class ShopSetupDialog(QDialog):
    """Settings › Shop setup: reads the organisation's accounts in the background, then edits and saves.

    categories / tenders: the till's names to offer besides those the till used lately.
    """

    saved = Signal(object)  # the Mapping, once it is saved

    def __init__(self, session, parent: QWidget | None = None, categories=(), tenders=()) -> None:
        super().__init__(parent)
        self.setObjectName("shop_setup_dialog")
        self.setWindowTitle("Shop setup")
        self.setAccessibleName("Shop setup")
        self.resize(940, 660)
        self.session = session
        self._categories, self._tenders = list(categories), list(tenders)
        self.editor: ShopSetupEditor | None = None
        self._loaded: _Loaded | None = None
        self._wanted_row: SetupRow | None = None  # the row to open at, once the editor is shown

        intro = QLabel(
            "Tell xerohelper where your till's takings go in Xero. You set this up once; "
            "change it here whenever your accounts change."
        )
        intro.setWordWrap(True)
        intro.setObjectName("shop_setup_intro")

        self.pages = QStackedWidget()
        self.pages.setObjectName("shop_setup_pages")
        self.busy = BusyPanel(name="shop_setup_busy")
        self.busy.try_again.connect(self.load)
        self.pages.addWidget(self.busy)
        self.editor_holder = QWidget()
        self.editor_holder.setObjectName("shop_setup_editor_holder")
        QVBoxLayout(self.editor_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.editor_holder)

        self.message = QLabel()
        self.message.setObjectName("shop_setup_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.setAccessibleName("Save the shop setup")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAccessibleName("Cancel")
        self.export_button = self.buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setAccessibleName("Export the shop setup to a file")
        self.export_button.setToolTip("Save this setup to a file, to set up another shop or computer alike.")
        self.import_button = self.buttons.addButton("&Import…", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setAccessibleName("Import a shop setup from a file")
        self.import_button.setToolTip(
            "Fill this setup from a file exported by xerohelper (nothing is saved yet)."
        )
        for button in (self.save_button, self.export_button, self.import_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()

    # ---- loading --------------------------------------------------------------------------------------
    def load(self, keep: Mapping | None = None) -> None:
        """Read the accounts, tax rates and contact from Xero (again), then show the editor; `keep` is the
        Mapping to show instead of the saved one (after “check again”)."""
        self.busy.working("Reading your accounts and tax rates from Xero…")
        self.pages.setCurrentWidget(self.busy)
        self._set_buttons(False)
        session = self.session
        again = keep is not None

        def work():
            setup, contact = session.organisation_setup(fresh=again)
            saved = session.mapping()
            seen = session.till_names_seen()
            return _Loaded(setup, contact, saved, list(seen.categories), list(seen.tenders))

        run_in_background(
            work, on_done=lambda loaded: self._loaded_setup(loaded, keep), on_failed=self._load_failed
        )

    def _loaded_setup(self, loaded: _Loaded, keep: Mapping | None) -> None:
        if not still_open(self):
            return
        self._loaded = loaded
        self._show_editor(keep or loaded.saved)

    def _show_editor(self, mapping: Mapping) -> None:
        loaded = self._loaded
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = ShopSetupEditor(
            loaded.setup,
            mapping,
            [*self._categories, *loaded.categories],
            [*self._tenders, *loaded.tenders],
            loaded.contact,
            today=self.session.today(),
            contact_looked_up_for=loaded.saved.customer_contact,
            offer_recheck=True,
        )
        self.editor.changed.connect(self._editor_changed)
        self.editor.recheck_requested.connect(lambda: self.load(keep=self.editor.mapping()))
        self.editor_holder.layout().addWidget(self.editor)
        self.pages.setCurrentWidget(self.editor_holder)
        self._set_buttons(True)
        self._editor_changed()
        if self._wanted_row is not None:
            self.editor.show_row(self._wanted_row)

    def show_row(self, row: SetupRow) -> None:
        """Open at this row (a card's "Open Shop setup"): now, or once the accounts are read."""
        self._wanted_row = row
        if self.editor is not None:
            self.editor.show_row(row)

    def _load_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.busy.failed(
            "xerohelper couldn't read your accounts and tax rates from Xero.",
            explain_failure(error, short_code_of(self.session)),
        )

    def _editor_changed(self) -> None:
        blocked = _cannot_save(self.editor)
        self.save_button.setEnabled(not blocked)
        self.save_button.setToolTip(blocked)

    # ---- save, export, import -------------------------------------------------------------------------
    def _save(self) -> None:
        if self.editor is None or _cannot_save(self.editor):
            return
        mapping = self.editor.mapping()
        self._set_buttons(False)
        self._say("Saving…")
        run_in_background(
            lambda: self.session.save_mapping(mapping),
            on_done=lambda _: self._saved(mapping),
            on_failed=self._save_failed,
        )

    def _saved(self, mapping: Mapping) -> None:
        if not still_open(self):
            return
        log.info(
            "shop setup saved: %d kinds of sale, %d ways of paying", len(mapping.sales), len(mapping.tenders)
        )
        self.saved.emit(mapping)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self._set_buttons(True)
        self._say(
            f"The shop setup could not be saved ({error}). Check there is free space on this computer, "
            "then click Save again."
        )

    def ask_export_path(self) -> Path | None:
        """Where to export (the owner chooses; tests replace this)."""
        suggested = str(Path.home() / "xerohelper-shop-setup.json")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the shop setup", suggested, "Shop setup files (*.json);;All files (*)"
        )
        return Path(path) if path else None

    def ask_import_path(self) -> Path | None:
        """Which file to import (the owner chooses; tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a shop setup", str(Path.home()), "Shop setup files (*.json);;All files (*)"
        )
        return Path(path) if path else None

    def _export(self) -> None:
        if self.editor is None:
            return
        path = self.ask_export_path()
        if path is None:
            return
        mapping, session = self.editor.mapping(), self.session
        run_in_background(
            lambda: session.export_mapping(mapping, path),
            on_done=lambda _: self._say(f"Exported the shop setup to {path}."),
            on_failed=lambda error: self._say(
                f"The shop setup could not be saved to {path} ({error}). Choose another folder."
            ),
        )

    def _import(self) -> None:
        if self.editor is None:
            return
        path = self.ask_import_path()
        if path is None:
            return
        session = self.session
        run_in_background(
            lambda: session.read_mapping_file(path), on_done=self._imported, on_failed=self._import_failed
        )

    def confirm_other_organisation(self, made_for: str) -> bool:
        """A shop setup made for another organisation: use it here anyway? (tests replace this)"""
        here = self.session.organisation()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "A shop setup from another organisation",
            f"This shop setup was made for {made_for}, not for {here.name if here else 'this organisation'}.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            f"Its account codes and tax rates are {made_for}'s: here they may be other accounts, or none. "
            "Nothing changes unless you use it and then click Save."
        )
        use = box.addButton("Use it anyway", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is use

    def _imported(self, answer: tuple[Mapping, str | None]) -> None:
        if not still_open(self):
            return
        mapping, made_for = answer
        if made_for is not None and not self.confirm_other_organisation(made_for):
            self._say(f"Not imported: that shop setup was made for {made_for}. Nothing was changed.")
            return
        self._show_editor(mapping)
        self._say("Imported. Check the choices below, then click Save to use them.")

    def _import_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        if isinstance(error, MappingFileError):
            self._say(str(error))
        else:
            self._say(f"The file could not be imported ({error}).")

    # ---- small things ---------------------------------------------------------------------------------
    def _say(self, words: str) -> None:
        if still_open(self):
            self.message.setText(words)
            self.message.setVisible(bool(words))

    def _set_buttons(self, usable: bool) -> None:
        for button in (self.save_button, self.export_button, self.import_button):
            button.setEnabled(usable)


@dataclass(frozen=True)
class _Loaded:
    setup: OrganisationSetup
    contact: ContactInfo | None
    saved: Mapping  # the saved Mapping (its contact is the one `contact` was looked up for)
    categories: list[str]
    tenders: list[str]


def _cannot_save(editor: ShopSetupEditor | None) -> str:
    """Why Save waits ("" when it doesn't): only what would stop every day, like a broken invoice number.
    Accounts still to choose don't stop a save: the owner can come back to them."""
    if editor is None:
        return "Wait for your accounts to be read from Xero."
    check = editor.check()
    if check.words.get(INVOICE_NUMBER) or check.words.get(REFERENCE):
        return "Fix the invoice number or the reference first."
    if not editor.mapping().customer_contact:
        return "Type the name of the Xero contact the day's sales go to first."
    return ""
