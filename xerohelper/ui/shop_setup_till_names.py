"""After an import: the till's names the shop doesn't use yet ("Visa" where the shop has "Card"), each with
"which of yours is it?" — one of the shop's names, or a new one to map in Shop setup. The answers are kept
(the session remembers them) so the next import from the same till asks nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from xerohelper.ui.shop_setup_rows import slug

NEW = "A new one (map it in Shop setup)"


class TillNamesDialog(QDialog):
    """questions: core's NameQuestion list; shop_categories / shop_tenders: the shop's own names."""

    def __init__(self, questions, shop_categories, shop_tenders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("till_names_dialog")
        self.setWindowTitle("Names your till uses")
        self.questions = list(questions)
        intro = QLabel(
            "Your till uses some names your shop setup doesn't have. Tell xerohelper which of yours each one "
            "is; it remembers, so the next import from this till asks nothing."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: list[QComboBox] = []
        for question in self.questions:
            combo = QComboBox()
            kind = "sales" if question.kind == "category" else "tender"
            combo.setObjectName(f"till_name_{kind}_{slug(question.pos_name)}")
            combo.setAccessibleName(question.text())
            combo.addItem(NEW, "")
            for name in shop_categories if question.kind == "category" else shop_tenders:
                combo.addItem(name, name)
            if question.suggestion:
                combo.setCurrentIndex(max(combo.findData(question.suggestion), 0))
            label = QLabel(question.text())
            label.setWordWrap(True)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos.append(combo)
        buttons = QDialogButtonBox()
        keep = buttons.addButton("&Remember these", QDialogButtonBox.ButtonRole.AcceptRole)
        keep.setObjectName("remember_till_names_button")
        later = buttons.addButton("&Not now", QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("till_names_later_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def answers(self) -> tuple[dict[str, str], dict[str, str]]:
        """(categories, tenders): the till's name → the shop's, for the names matched to one of the shop's."""
        categories: dict[str, str] = {}
        tenders: dict[str, str] = {}
        for question, combo in zip(self.questions, self.combos, strict=True):
            if combo.currentData():
                (categories if question.kind == "category" else tenders)[question.pos_name] = (
                    combo.currentData()
                )
        return categories, tenders
