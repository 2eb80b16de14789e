"""A section of Shop setup made of rows the till names — each kind of sale, each way of paying: the row's
name, what it chooses in Xero, its problems under it, Remove on a row the owner added (never on the till's
own names), and a box under the rows to add another (Enter adds it). The sections themselves are
ui/shop_setup_sales.py and ui/shop_setup_tenders.py; the editor checks them all together.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.shop_setup_check import ShopSetupCheck
from xerohelper.ui.shop_setup_help import EnterAdds
from xerohelper.ui.shop_setup_rows import RowProblems, RowWidgets, remove_button, slug


@dataclass(frozen=True)
class Adder:
    """The words and names of the box under the rows that adds another one."""

    box_name: str  # the line edit's object name
    box_accessible: str
    placeholder: str
    button_text: str  # with its Alt key
    button_name: str
    button_accessible: str


class RowList(QGroupBox):
    """kind: "sales" or "tender" (the rows' object names and the check's row keys); till_names: the names
    the till uses (their rows have no Remove); on_recheck: what a card's “I've fixed it — try again” does."""

    changed = Signal()  # a row's choice changed, or the owner added or removed a row
    rows_changed = Signal()  # a row was added (the editor puts Tab in reading order again)
    wrap_names = False  # a long name wraps in its column

    def __init__(
        self,
        title: str,
        object_name: str,
        kind: str,
        headings: tuple[str, ...],
        stretches: dict[int, int],
        adder: Adder,
        till_names: list[str],
        on_recheck=None,
    ) -> None:
        super().__init__(title)
        self.setObjectName(object_name)
        self.kind = kind
        self.rows: dict[str, RowWidgets] = {}
        self._till_names = till_names
        self._on_recheck = on_recheck
        self._grid = QGridLayout()
        for column, stretch in stretches.items():
            self._grid.setColumnStretch(column, stretch)
        self._grid.setHorizontalSpacing(10)
        for column, text in enumerate(headings):
            self._grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self._next_row = 1
        self.new_name = QLineEdit()
        self.new_name.setObjectName(adder.box_name)
        self.new_name.setAccessibleName(adder.box_accessible)
        self.new_name.setPlaceholderText(adder.placeholder)
        self.add_button = QPushButton(adder.button_text)
        self.add_button.setObjectName(adder.button_name)
        self.add_button.setAccessibleName(adder.button_accessible)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        EnterAdds(self.new_name, self._add_clicked)  # never the dialog's Save or the wizard's Next
        line = QHBoxLayout()
        line.addWidget(self.new_name, 1)
        line.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        layout.addLayout(line)

    def _pickers(self, name: str, key: str) -> list[QWidget]:
        """The row's choices in Xero, named and ready (a section's own)."""
        raise NotImplementedError

    # ---- rows -----------------------------------------------------------------------------------------
    def add_row(self, name: str) -> None:
        key = slug(name)
        label = QLabel(name)
        label.setObjectName(f"{self.kind}_name_{key}")
        if self.wrap_names:
            label.setWordWrap(True)
        pickers = self._pickers(name, key)
        problems = RowProblems(f"{self.kind}_problems_{key}", self._on_recheck)
        remove = None
        if name not in self._till_names:
            remove = remove_button(f"remove_{self.kind}_{key}", f"Remove {name}")
            remove.clicked.connect(lambda: self._remove(name))
        row = self._next_row
        self._grid.addWidget(label, row, 0)
        for column, picker in enumerate(pickers, start=1):
            self._grid.addWidget(picker, row, column)
        if remove is not None:
            self._grid.addWidget(remove, row, len(pickers) + 1)
        self._grid.addWidget(problems, row + 1, 0, 1, len(pickers) + 2)
        self._next_row += 2
        for picker in pickers:
            picker.currentIndexChanged.connect(self.changed)
        self.rows[name] = RowWidgets(self.kind, name, [label, *pickers], problems, remove)
        self.rows_changed.emit()

    def row_for(self, name: str) -> QWidget:
        """The row's first choice (the row is added when the till hasn't shown that name here yet)."""
        if name not in self.rows:
            self.add_row(name)
        return self.rows[name].widgets[1]

    def _remove(self, name: str) -> None:
        row = self.rows.pop(name, None)
        if row is not None:
            row.drop()
            self.changed.emit()

    def _add_clicked(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        if name not in self.rows:
            self.add_row(name)
        self.new_name.clear()
        picker = self.rows[name].widgets[1]  # focused once the layout has placed the new row
        QTimer.singleShot(0, picker, lambda: picker.setFocus(Qt.FocusReason.OtherFocusReason))
        self.changed.emit()

    # ---- for the editor -------------------------------------------------------------------------------
    def show_check(self, check: ShopSetupCheck) -> None:
        for name, row in self.rows.items():
            row.problems.show_problems(*check.for_row((self.kind, name)))

    def tab_chain(self) -> list[QWidget]:
        """Along each row, then down; the adder last."""
        chain: list[QWidget] = []
        for row in self.rows.values():
            chain += [*row.widgets[1:], *([row.remove] if row.remove else [])]
        return [*chain, self.new_name, self.add_button]
