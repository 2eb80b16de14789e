"""Type the day's totals from the till's end-of-day (Z) report.

One row per sales category (before tax, tax, total with tax: any two will do), discounts and refunds as
they are printed, and the amount of each payment type. The shop's own categories and payment types are
already listed, so usually only the amounts are typed. Under the rows the dialog says as you type whether
sales and payments agree; Save checks everything (core.z_report.ZReport) and points at what to correct.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.dates import long_date
from xerohelper.core.day import Day, LineKind
from xerohelper.core.z_report import ZProblem, ZReport
from xerohelper.ui import look
from xerohelper.ui.focus_in_view import follow_focus
from xerohelper.ui.problem_box import ProblemBox

KINDS = ((LineKind.SALE, "Sales"), (LineKind.DISCOUNT, "Discounts"), (LineKind.REFUND, "Refunds"))


def _amount_box(name: str, accessible: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    box.setPlaceholderText("0.00")
    box.setMaximumWidth(130)
    return box


def _name_box(name: str, accessible: str, choices, text: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setEditable(True)
    box.addItems(list(choices))
    box.setCurrentIndex(-1)
    box.setEditText(text)
    box.setMinimumContentsLength(14)
    return box


def _words(message: str) -> str:
    """The form's own column names in the messages ("The net of “Paint”…" → "Before tax of “Paint”…")."""
    for field, words in (("net", "Before tax"), ("gross", "Total with tax"), ("tax", "Tax")):
        if message.startswith(f"The {field} of "):
            return f"{words} of " + message[len(f"The {field} of ") :]
    return message


class SalesRow:
    def __init__(self, index: int, categories, category: str = "", kind: LineKind = LineKind.SALE) -> None:
        n = index + 1
        self.prefilled = category
        self.category = _name_box(f"sales_category_{n}", f"Sales row {n}: category", categories, category)
        self.kind = QComboBox()
        self.kind.setObjectName(f"sales_kind_{n}")
        self.kind.setAccessibleName(f"Sales row {n}: sales, discounts or refunds")
        for _, words in KINDS:
            self.kind.addItem(words)
        self.kind.setCurrentIndex([k for k, _ in KINDS].index(kind))
        self.net = _amount_box(f"sales_net_{n}", f"Sales row {n}: before tax")
        self.tax = _amount_box(f"sales_tax_{n}", f"Sales row {n}: tax")
        self.gross = _amount_box(f"sales_gross_{n}", f"Sales row {n}: total with tax")

    def line_kind(self) -> LineKind:
        return KINDS[max(0, self.kind.currentIndex())][0]

    def boxes(self) -> dict[str, QWidget]:
        return {"category": self.category, "net": self.net, "tax": self.tax, "gross": self.gross}

    def amounts_typed(self) -> bool:
        return any(box.text().strip() for box in (self.net, self.tax, self.gross))

    def is_untouched(self) -> bool:
        """A row the dialog listed for the owner, left without amounts: not part of the day."""
        return not self.amounts_typed() and self.category.currentText().strip() in ("", self.prefilled)


class TenderRow:
    def __init__(self, index: int, tenders, name: str = "") -> None:
        n = index + 1
        self.prefilled = name
        self.name = _name_box(f"tender_name_{n}", f"Payment row {n}: payment type", tenders, name)
        self.amount = _amount_box(f"tender_amount_{n}", f"Payment row {n}: amount")

    def boxes(self) -> dict[str, QWidget]:
        return {"name": self.name, "amount": self.amount}

    def is_untouched(self) -> bool:
        return not self.amount.text().strip() and self.name.currentText().strip() in ("", self.prefilled)


class ZReportDialog(QDialog):
    def __init__(
        self,
        trading_date: date,
        categories=(),
        tenders=(),
        today: date | None = None,
        day: Day | None = None,
        location: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("z_report_dialog")
        self.setWindowTitle("Type the Z-report totals")
        self.trading_date = trading_date
        self.today = today
        self.location = location
        self.categories = list(categories)
        self.tenders = list(tenders)
        self.day: Day | None = None  # the typed day, once saved
        self.sales_rows: list[SalesRow] = []
        self.tender_rows: list[TenderRow] = []
        self._problem_boxes: list[QWidget] = []

        intro = look.make_heading(QLabel(f"Totals for {long_date(trading_date)}"), 1.25)
        intro.setObjectName("z_title")
        how = look.secondary(
            QLabel(
                "Type what the till's end-of-day (Z) report says. For each sales row, two of before tax, "
                "tax and total with tax are enough. Leave a row empty if it had no sales."
            )
        )
        how.setWordWrap(True)

        self._sales_grid = QGridLayout()
        self._sales_grid.setHorizontalSpacing(8)
        self._sales_grid.setVerticalSpacing(6)
        for column, words in enumerate(("Category", "Kind", "Before tax", "Tax", "Total with tax")):
            header = QLabel(words)
            header.setFont(look.scaled_font(header.font(), 1.0, bold=True))
            self._sales_grid.addWidget(header, 0, column)
        self._sales_grid.setColumnStretch(0, 1)
        self._tender_grid = QGridLayout()
        self._tender_grid.setHorizontalSpacing(8)
        self._tender_grid.setVerticalSpacing(6)
        for column, words in enumerate(("Payment type", "Amount")):
            header = QLabel(words)
            header.setFont(look.scaled_font(header.font(), 1.0, bold=True))
            self._tender_grid.addWidget(header, 0, column)
        self._tender_grid.setColumnStretch(0, 1)

        self.add_sales_button = QPushButton("Add a &sales row")
        self.add_sales_button.setObjectName("add_sales_row_button")
        self.add_sales_button.setAccessibleName("Add a sales row")
        self.add_sales_button.clicked.connect(lambda: self._focus(self.add_sales_row().category))
        self.add_tender_button = QPushButton("Add a &payment row")
        self.add_tender_button.setObjectName("add_payment_row_button")
        self.add_tender_button.setAccessibleName("Add a payment row")
        self.add_tender_button.clicked.connect(lambda: self._focus(self.add_tender_row().name))

        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.addWidget(look.make_heading(QLabel("Sales"), 1.1))
        rows_layout.addLayout(self._sales_grid)
        rows_layout.addWidget(self.add_sales_button, 0, Qt.AlignmentFlag.AlignLeft)
        rows_layout.addSpacing(10)
        rows_layout.addWidget(look.make_heading(QLabel("Payments"), 1.1))
        rows_layout.addLayout(self._tender_grid)
        rows_layout.addWidget(self.add_tender_button, 0, Qt.AlignmentFlag.AlignLeft)
        rows_layout.addSpacing(10)
        rows_layout.addWidget(look.make_heading(QLabel("Cash count (instead of typing the Cash row)"), 1.1))
        self.counted_cash = _amount_box("counted_cash", "Cash counted in the drawer at closing")
        self.cash_float = _amount_box("cash_float", "Float the drawer started with")
        self.cash_taken_label = look.secondary(QLabel())
        self.cash_taken_label.setObjectName("cash_taken")
        cash = QGridLayout()
        cash.setHorizontalSpacing(8)
        counted_words = QLabel("Cash &counted at closing")
        counted_words.setBuddy(self.counted_cash)
        float_words = QLabel("&Float it started with")
        float_words.setBuddy(self.cash_float)
        cash.addWidget(counted_words, 0, 0)
        cash.addWidget(self.counted_cash, 0, 1)
        cash.addWidget(float_words, 1, 0)
        cash.addWidget(self.cash_float, 1, 1)
        cash.addWidget(self.cash_taken_label, 2, 0, 1, 2)
        cash.setColumnStretch(0, 1)
        rows_layout.addLayout(cash)
        for box in (self.counted_cash, self.cash_float):
            box.textChanged.connect(self._update_balance)
        rows_layout.addStretch(1)
        scroll = follow_focus(QScrollArea())  # Tab goes to the amounts, each scrolled into view
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)

        self.balance_label = QLabel()
        self.balance_label.setObjectName("z_balance")
        self.balance_label.setWordWrap(True)
        self.problems_box = ProblemBox("z_problems_box", accessible_name="What to correct")
        self.problems_label = self.problems_box.words

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            "Sa&ve the day's totals", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("z_save_button")
        self.save_button.setAccessibleName("Save the day's totals")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addWidget(how)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.problems_box)
        layout.addWidget(self.buttons)
        look.fit_to_screen(self, 780, 620)  # the rows scroll; Save stays on screen
        self._fill(day)
        self._update_balance()

    # ---- rows ------------------------------------------------------------------------------------------
    def _fill(self, day: Day | None) -> None:
        listed: set[tuple[str, LineKind]] = set()
        if day is not None:
            for line in day.sales:
                row = self.add_sales_row(line.category, line.kind)
                typed = abs if line.kind is not LineKind.SALE else (lambda amount: amount)
                row.net.setText(f"{typed(line.net):.2f}")
                row.tax.setText(f"{typed(line.tax):.2f}")
                listed.add((line.category.casefold(), line.kind))
        for category in self.categories:
            if (category.casefold(), LineKind.SALE) not in listed:
                self.add_sales_row(category)
        if not self.sales_rows:
            self.add_sales_row()
        tenders_listed: set[str] = set()
        if day is not None:
            for tender in day.tenders:
                self.add_tender_row(tender.name).amount.setText(f"{tender.amount:.2f}")
                tenders_listed.add(tender.name.casefold())
        for tender in self.tenders:
            if tender.casefold() not in tenders_listed:
                self.add_tender_row(tender)
        if not self.tender_rows:
            self.add_tender_row()

    def add_sales_row(self, category: str = "", kind: LineKind = LineKind.SALE) -> SalesRow:
        row = SalesRow(len(self.sales_rows), self.categories, category, kind)
        line = len(self.sales_rows) + 1
        for column, box in enumerate((row.category, row.kind, row.net, row.tax, row.gross)):
            self._sales_grid.addWidget(box, line, column)
        for box in (row.net, row.tax, row.gross):
            box.textChanged.connect(self._update_balance)
        row.category.editTextChanged.connect(self._update_balance)
        row.kind.currentIndexChanged.connect(self._update_balance)
        self.sales_rows.append(row)
        return row

    def add_tender_row(self, name: str = "") -> TenderRow:
        row = TenderRow(len(self.tender_rows), self.tenders, name)
        line = len(self.tender_rows) + 1
        self._tender_grid.addWidget(row.name, line, 0)
        self._tender_grid.addWidget(row.amount, line, 1)
        row.amount.textChanged.connect(self._update_balance)
        row.name.editTextChanged.connect(self._update_balance)
        self.tender_rows.append(row)
        return row

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the model -------------------------------------------------------------------------------------
    def report(self) -> tuple[ZReport, list[SalesRow], list[TenderRow]]:
        """The typed figures as a ZReport, and which dialog row each of its rows came from."""
        report = ZReport(day=self.trading_date, location=self.location)
        sales = [r for r in self.sales_rows if not r.is_untouched()]
        tenders = [r for r in self.tender_rows if not r.is_untouched()]
        for row in sales:
            report.add_sales(
                row.category.currentText(),
                net=row.net.text(),
                tax=row.tax.text(),
                gross=row.gross.text(),
                kind=row.line_kind(),
            )
        for row in tenders:
            report.add_tender(row.name.currentText(), row.amount.text())
        report.counted_cash, report.cash_float = self.counted_cash.text(), self.cash_float.text()
        return report, sales, tenders

    def _update_balance(self, *_) -> None:
        report, _, _ = self.report()
        cash = report.cash_takings()
        self.cash_taken_label.setText(
            f"Cash taken: {look.money_words(cash)} (counted less the float)"
            if cash is not None
            else "Cash taken = cash counted less the float."
        )
        gross, tendered, difference = report.totals()
        if not report.sales and not report.tenders:
            text = "The sales and payments are added up here as you type."
        elif difference:
            text = (
                f"Sales {look.money_words(gross)}, payments {look.money_words(tendered)}: they differ by "
                f"{look.money_words(abs(difference))}. Check the Z report if they should match."
            )
        else:
            text = f"Sales and payments both come to {look.money_words(gross)}."
        self.balance_label.setText(text)

    def problems(self) -> list[ZProblem]:
        report, _, _ = self.report()
        return report.problems(self.today)

    def try_save(self) -> bool:
        """Save when everything can be read; otherwise say what to correct and go to the first place."""
        report, sales, tenders = self.report()
        found = report.problems(self.today)
        for box in self._problem_boxes:
            box.setStyleSheet("")
            box.setToolTip("")
        self._problem_boxes = []
        if not found:
            self.day = report.to_day(self.today)
            self.problems_box.clear()
            self.accept()
            return True
        corrections = "\n".join(f"• {_words(p.message)}" for p in found)
        self.problems_box.show_problem(f"Please correct:\n{corrections}")
        colour = look.tone_colour(look.Tone.ATTENTION).name()
        for problem in found:
            box = self._box_for(problem, sales, tenders)
            if box is None:
                continue
            box.setStyleSheet(f"border: 2px solid {colour}; border-radius: 3px;")
            box.setToolTip(problem.message)
            self._problem_boxes.append(box)
        if self._problem_boxes:
            self._focus(self._problem_boxes[0])
        return False

    def _box_for(self, problem: ZProblem, sales: list[SalesRow], tenders: list[TenderRow]) -> QWidget | None:
        if problem.part == "cash":
            return self.counted_cash if problem.field == "counted_cash" else self.cash_float
        if problem.row is None or problem.field is None:
            return None
        rows = sales if problem.part == "sales" else tenders if problem.part == "tenders" else []
        if not 0 < problem.row <= len(rows):
            return None
        return rows[problem.row - 1].boxes().get(problem.field)

    def accept(self) -> None:
        if self.day is None and not self.try_save():
            return
        super().accept()
