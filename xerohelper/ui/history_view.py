"""History: every day xerohelper has, newest first — its invoice, total, where it stands and the payments
recorded. Double-click (or Enter on) a day to open it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.dates import short_date
from xerohelper.ui import look
from xerohelper.ui.busy_panel import BusyPanel
from xerohelper.ui.failure_words import explain_failure, short_code_of, still_open
from xerohelper.ui.focus_in_view import focus_for_keys
from xerohelper.ui.workers import run_in_background

COLUMNS = ("Day", "Invoice", "Total", "Where it stands", "Payments recorded")
DATE_ROLE = Qt.ItemDataRole.UserRole


class _Table(QTableWidget):
    """The table; Enter opens the selected day, like a double-click."""

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class HistoryView(QWidget):
    go_to_day = Signal(object)  # datetime.date (the day's location is in .rows)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_view")
        self.setAccessibleName("History of the days sent to Xero")
        self.session = session
        self.rows = []
        self._loaded_once = False

        heading = look.make_heading(QLabel("History"))
        heading.setObjectName("history_heading")
        hint = look.secondary(
            QLabel("Every day xerohelper has, newest first. Double-click a day to open it.")
        )
        hint.setObjectName("history_hint")
        hint.setWordWrap(True)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.setObjectName("history_refresh_button")
        self.refresh_button.setAccessibleName("Refresh the history")
        self.refresh_button.setIcon(look.icon("try-again"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.table = _Table(0, len(COLUMNS))
        self.table.setObjectName("history_table")
        self.table.setAccessibleName("Days")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the payments in full (one a line, their column as wide as its longest); where a day stands takes
        # the room left and wraps when a long explanation needs more
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        self.table.activated_row.connect(self._open)

        self.empty = QLabel("No days yet. Import a day's takings from your till, and it shows here.")
        self.empty.setObjectName("history_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.busy = BusyPanel(name="history_busy")
        self.busy.try_again.connect(self.refresh)

        self.pages = QStackedWidget()
        self.pages.setObjectName("history_pages")
        for page in (self.busy, self.table, self.empty):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.pages, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.refresh()

    def refresh(self) -> None:
        """Read the days from the journal again (in the background)."""
        self._loaded_once = True
        self.busy.working("Reading your days…")
        if not self.rows:
            self.pages.setCurrentWidget(self.busy)
        self.refresh_button.setEnabled(False)
        run_in_background(self.session.history, on_done=self._show_rows, on_failed=self._failed)

    def _show_rows(self, rows) -> None:
        if not still_open(self):
            return
        self.refresh_button.setEnabled(True)
        self.rows = list(rows)
        table = self.table
        table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            day = short_date(row.trading_date) + (f" · {row.location}" if row.location else "")
            # one tender a line, so the column shows every payment in full (not "Cash $120.00, EFT…")
            payments = "\n".join(f"{tender} {look.money_words(amount)}" for tender, amount in row.payments)
            cells = (
                day,
                row.invoice_number or "—",
                look.money_words(row.total),
                row.status_words,
                payments or "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DATE_ROLE, row.trading_date)
                item.setToolTip(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 3:
                    day_look = look.DAY_LOOKS[row.state]
                    item.setIcon(look.icon(day_look.icon, look.tone_colour(day_look.tone)))
                table.setItem(index, column, item)
        table.resizeRowsToContents()  # each row as tall as its payments
        self.pages.setCurrentWidget(self.table if self.rows else self.empty)
        if self.rows and table.currentRow() < 0:
            table.setCurrentCell(0, 0)
        focused = self.window().focusWidget()
        if focused is None or not focused.isVisible() or not focused.isEnabled():
            # the arrows pick a day and Enter opens it; with no days, Refresh (it was off while reading)
            focus_for_keys(table if self.rows else self.refresh_button)

    def _failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.refresh_button.setEnabled(True)
        self.busy.failed(
            "xerohelper couldn't read your days.", explain_failure(error, short_code_of(self.session))
        )
        self.pages.setCurrentWidget(self.busy)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.go_to_day.emit(self.rows[row].trading_date)
