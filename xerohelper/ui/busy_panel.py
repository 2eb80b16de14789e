"""A panel for “xerohelper is reading something from Xero”: words and a moving bar; or, when it failed,
the explanation card with Try again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from xerohelper.core.explain import Explanation
from xerohelper.ui.explanation_card import ExplanationCard


class BusyPanel(QWidget):
    try_again = Signal()

    def __init__(self, parent: QWidget | None = None, name: str = "busy_panel") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.words = QLabel()
        self.words.setObjectName("busy_words")
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setObjectName("busy_bar")
        self.bar.setAccessibleName("Working")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(360)
        self.card = ExplanationCard(name="busy_problem")
        self.card.try_again.connect(self.try_again)
        self.card.set_try_again_text("&Try again")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.words)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.card)
        layout.addStretch(2)

    def working(self, words: str) -> None:
        self.words.setText(words)
        self.words.setVisible(True)
        self.bar.setVisible(True)
        self.card.set_explanation(None)

    def failed(self, words: str, explanation: Explanation) -> None:
        self.words.setText(words)
        self.bar.setVisible(False)
        self.card.set_explanation(explanation)
        self.card.try_again_button.setFocus()
