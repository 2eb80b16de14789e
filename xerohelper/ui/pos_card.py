"""The day's POS card: the till's takings for the day (sales by category, payments by tender), whether sales
and payments agree — and if not, by how much, in words — and the two ways to get the figures in: import
the file the till exported, or type the totals from its Z report.

The card shows and asks; the day screen reads the file and keeps the figures (in the background).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.day import Day, LineKind
from xerohelper.core.till_difference import accepted_words, undecided_words
from xerohelper.core.z_report import SOURCE as Z_REPORT
from xerohelper.ui import look
from xerohelper.ui.problem_box import ProblemBox

FILE_FILTER = "Till exports (*.csv *.txt *.xlsx);;All files (*)"
MAX_LINES = 8  # lines shown per column before "…and N more"


def balance_words(day: Day) -> tuple[look.Tone, str]:
    """Whether the till's sales and payments agree, in words (and how the words should look)."""
    totals = day.totals
    if totals.difference == 0:
        return look.Tone.GOOD, f"Sales and payments match: both come to {look.money_words(totals.gross)}."
    if day.difference_decided:
        return look.Tone.GOOD, accepted_words(day)
    return look.Tone.ATTENTION, undecided_words(day)


def _line_name(category: str, kind: LineKind) -> str:
    if kind is LineKind.DISCOUNT:
        return f"{category} (discounts)"
    if kind is LineKind.REFUND:
        return f"{category} (refunds)"
    return category


def _words(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _amount(value: Decimal) -> QLabel:
    label = QLabel(look.money_words(value))
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Column(QWidget):
    """A titled list of names and amounts with its total underneath."""

    def __init__(self, title: str, total_words: str) -> None:
        super().__init__()
        self._title = look.make_heading(QLabel(title), 1.0)
        self._total_words = total_words
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._title)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.total_label: QLabel | None = None

    def fill(self, rows: list[tuple[str, Decimal]], total: Decimal) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        shown = rows if len(rows) <= MAX_LINES else rows[: MAX_LINES - 1]
        for row, (name, amount) in enumerate(shown):
            self.grid.addWidget(_words(name), row, 0)
            self.grid.addWidget(_amount(amount), row, 1)
        row = len(shown)
        if len(shown) < len(rows):
            more = look.secondary(QLabel(f"…and {len(rows) - len(shown)} more"))
            self.grid.addWidget(more, row, 0)
            row += 1
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        self.grid.addWidget(line, row, 0, 1, 2)
        name = QLabel(self._total_words)
        name.setFont(look.scaled_font(name.font(), 1.0, bold=True))
        self.total_label = _amount(total)
        self.total_label.setFont(look.scaled_font(self.total_label.font(), 1.0, bold=True))
        self.grid.addWidget(name, row + 1, 0)
        self.grid.addWidget(self.total_label, row + 1, 1)


class PosCard(QFrame):
    import_requested = Signal(object)  # pathlib.Path of the file to import
    z_report_requested = Signal()
    resend_requested = Signal()
    accept_difference_requested = Signal()  # the owner books the till difference on the over/short account
    sample_requested = Signal()  # the demo: import the demo till's export for the day shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pos_card")
        self.setAccessibleName("The till's takings for the day")
        self.day: Day | None = None
        self.last_folder: Path | None = None
        self._file_name = ""
        self._shown: tuple = ()  # (day, figures changed, palette) as last shown

        self.heading = look.make_heading(QLabel("The till's takings"), 1.15)
        self.source_label = look.secondary(_words())
        self.source_label.setObjectName("pos_source")
        self.empty_label = _words(
            "No takings for this day yet. Import the file your till exported, "
            "or type the totals from its end-of-day (Z) report."
        )
        self.empty_label.setObjectName("pos_empty")
        # The demo shop has no till of the owner's: its own export for the day is one key away.
        self.sample_button = QPushButton("Import the d&emo till's day")
        self.sample_button.setObjectName("demo_day_button")
        self.sample_button.setAccessibleName("Import the demo till's day")
        self.sample_button.setToolTip("The demo shop's till export for this day: a made-up day of takings")
        self.sample_button.setAutoDefault(True)
        self.sample_button.clicked.connect(self.sample_requested)
        self._offer_sample = False
        self.sample_row = QWidget()
        sample = QHBoxLayout(self.sample_row)
        sample.setContentsMargins(0, 0, 0, 0)
        sample.addWidget(self.sample_button)
        sample.addStretch(1)
        self.sample_row.setVisible(False)

        self.sales_column = _Column("Sales", "Sales with tax")
        self.tenders_column = _Column("Payments", "Payments")
        self.figures = QWidget()
        columns = QHBoxLayout(self.figures)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(32)
        columns.addWidget(self.sales_column, 1)
        columns.addWidget(self.tenders_column, 1)

        self._balance_icon = QLabel()
        self.balance_label = _words()
        self.balance_label.setObjectName("pos_balance")
        self.balance_row = QWidget()
        balance = QHBoxLayout(self.balance_row)
        balance.setContentsMargins(0, 0, 0, 0)
        balance.addWidget(self._balance_icon, 0, Qt.AlignmentFlag.AlignTop)
        balance.addWidget(self.balance_label, 1)
        self.accept_difference_button = QPushButton("&Book the difference")
        self.accept_difference_button.setObjectName("accept_difference_button")
        self.accept_difference_button.setAccessibleName("Book the difference on the till difference account")
        self.accept_difference_button.setToolTip(
            "Add a line without tax for the difference on the till difference (over/short) account, "
            "so the invoice equals the money taken"
        )
        self.accept_difference_button.setAutoDefault(True)
        self.accept_difference_button.clicked.connect(self.accept_difference_requested)
        balance.addWidget(self.accept_difference_button, 0, Qt.AlignmentFlag.AlignTop)

        self.problem_box = ProblemBox("pos_problem_box", accessible_name="Why the file couldn't be imported")
        self.problem_label = self.problem_box.words
        self.notes_label = look.secondary(_words())
        self.notes_label.setObjectName("pos_notes")
        self.notes_label.setVisible(False)

        self.changed_label = _words(
            "These figures are not the ones sent to Xero: the invoice there has the old figures."
        )
        self.changed_label.setObjectName("pos_changed")
        self.resend_button = QPushButton("Send the &corrected day again…")
        self.resend_button.setObjectName("resend_button")
        self.resend_button.setAccessibleName("Send the corrected day again")
        self.resend_button.setAutoDefault(True)
        self.resend_button.clicked.connect(self.resend_requested)
        self.changed_row = QWidget()
        changed = QHBoxLayout(self.changed_row)
        changed.setContentsMargins(0, 0, 0, 0)
        changed.addWidget(self.changed_label, 1)
        changed.addWidget(self.resend_button)
        self.changed_row.setVisible(False)

        self.import_button = QPushButton("&Import till file…")
        self.import_button.setObjectName("import_button")
        self.import_button.setAccessibleName("Import till file")
        self.import_button.setToolTip("Choose the file your till exported for this day (CSV or Excel)")
        self.import_button.setIcon(look.icon("import-file"))
        self.import_button.setAutoDefault(True)
        self.import_button.clicked.connect(self.choose_file)
        self.z_report_button = QPushButton("&Type Z-report totals…")
        self.z_report_button.setObjectName("z_report_button")
        self.z_report_button.setAccessibleName("Type Z-report totals")
        self.z_report_button.setToolTip("Type the totals printed on the till's end-of-day report")
        self.z_report_button.setIcon(look.icon("z-report"))
        self.z_report_button.setAutoDefault(True)
        self.z_report_button.clicked.connect(self.z_report_requested)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.source_label)
        head.addLayout(titles, 1)
        head.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.z_report_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QVBoxLayout(self)
        body.setContentsMargins(16, 14, 16, 14)
        body.setSpacing(10)
        body.addLayout(head)
        body.addWidget(self.problem_box)
        body.addWidget(self.empty_label)
        body.addWidget(self.sample_row)
        body.addWidget(self.figures)
        body.addWidget(self.balance_row)
        body.addWidget(self.changed_row)
        body.addWidget(self.notes_label)
        look.style_card(self)
        self.show_day(None)

    # ---- what the card shows ---------------------------------------------------------------------------
    def show_day(self, day: Day | None, figures_changed: bool = False) -> None:
        """The day's figures (None: nothing yet). `figures_changed`: they differ from what is in Xero."""
        if day is None or self.day is None or day.date != self.day.date:
            self._file_name = ""  # another day: the file name shown was the other day's
        shown = (day, figures_changed, look.palette_key())
        if day is not None and shown == self._shown:
            self.source_label.setText(self._source_words(day))
            return  # as shown (each step's answer brings the day again): rebuilding the rows costs frames
        self._shown = shown
        self.day = day
        self.empty_label.setVisible(day is None)
        self.sample_row.setVisible(day is None and self._offer_sample)
        self.figures.setVisible(day is not None)
        self.balance_row.setVisible(day is not None)
        self.accept_difference_button.setVisible(day is not None and not day.difference_decided)
        self.changed_row.setVisible(day is not None and figures_changed)
        if day is None:
            self.source_label.setText("")
            self.source_label.setVisible(False)
            return
        self.source_label.setText(self._source_words(day))
        self.source_label.setVisible(True)
        self.sales_column.fill(
            [(_line_name(line.category, line.kind), line.gross) for line in day.sales], day.totals.gross
        )
        self.tenders_column.fill([(t.name, t.amount) for t in day.tenders], day.totals.tendered)
        tone, words = balance_words(day)
        self.balance_label.setText(words)
        self._balance_icon.setPixmap(
            look.pixmap("done" if tone is look.Tone.GOOD else "attention", look.tone_colour(tone), 18)
        )
        look.set_style_sheet(
            self.balance_label,
            "" if tone is look.Tone.GOOD else f"color: {look.tone_colour(tone).name()}; font-weight: 600;",
        )

    def offer_sample(self, offer: bool = True) -> None:
        """The demo: a day with no takings offers the demo till's export for it."""
        self._offer_sample = offer
        self.sample_row.setVisible(offer and self.day is None)

    def _source_words(self, day: Day) -> str:
        if day.source == Z_REPORT:
            return "Typed in from the Z report."
        if self._file_name:
            return f"Imported from {self._file_name}."
        return "Imported from the till's export."

    def show_imported(self, file_name: str, notes: list[str]) -> None:
        """After an import: name the file, and show anything worth knowing about it."""
        self._file_name = file_name
        self.clear_problem()
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        if self.day is not None:
            self.source_label.setText(self._source_words(self.day))

    def show_problem(self, text: str) -> None:
        """The file couldn't be used: say why (file, line, column, value) and that nothing was imported."""
        self.problem_box.show_problem(text)

    def clear_problem(self) -> None:
        self.problem_box.clear()
        self.notes_label.setVisible(False)

    def set_busy(self, busy: bool) -> None:
        for button in (
            self.import_button,
            self.sample_button,
            self.z_report_button,
            self.resend_button,
            self.accept_difference_button,
        ):
            button.setEnabled(not busy)

    # ---- getting the figures in ------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = str(self.last_folder) if self.last_folder else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Import the till's export", folder, FILE_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: str | Path) -> None:
        """Import `path` for the day shown (what the file dialog does once a file is chosen)."""
        path = Path(path)
        self.last_folder = path.parent
        self.import_requested.emit(path)
