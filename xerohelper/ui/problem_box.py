"""The small problem box: an attention icon and a few words on what is wrong and what to do — a file that
can't be imported, Z-report figures to correct, a Shop setup row Xero would refuse, a wizard page whose work
failed. (A refusal from Xero gets the full explanation card instead.)

Two weights: `tinted` (the default) sits on a soft attention-coloured background with rounded corners, for a
problem that stands on its own; `tinted=False` is icon and attention-coloured words only, for problems under
each row of a form, where many tinted boxes would shout.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from xerohelper.ui import look


class ProblemBox(QFrame):
    """Hidden until `show_problem`; `clear` hides it again. `words` is the label with the problem's text."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        tinted: bool = True,
        accessible_name: str = "Problem",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # as tall as its words
        self.setAccessibleName(accessible_name)
        self._tinted = tinted
        self._styled_for: tuple[str, ...] = ()
        self._icon = QLabel()
        self._icon.setObjectName(f"{name}_icon")
        self.title = QLabel()
        self.title.setObjectName(f"{name}_title")
        self.title.setWordWrap(True)
        self.title.setFont(look.scaled_font(self.title.font(), 1.1, bold=True))
        self.title.setVisible(False)
        self.words = QLabel()
        self.words.setObjectName(f"{name}_words")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.words.setAccessibleName(accessible_name)

        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.words)
        row = QHBoxLayout(self)
        row.setContentsMargins(*((10, 8, 10, 8) if tinted else (0, 0, 0, 0)))
        row.setSpacing(8)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self._restyle()
        self.setVisible(False)

    @property
    def text(self) -> str:
        return self.words.text()

    def show_problem(self, words: str, title: str = "") -> None:
        """Show these words (and a bold title above them when given); empty words hide the box."""
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.words.setText(words)
        self.setAccessibleDescription(" ".join(part for part in (title, words) if part))
        self.setVisible(bool(words or title))

    def clear(self) -> None:
        self.show_problem("")

    # ---- follow the palette ----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and look.palette_key() != self._styled_for:
            self._restyle()

    def _restyle(self) -> None:
        self._styled_for = look.palette_key()
        colour = look.tone_colour(look.Tone.ATTENTION)
        self._icon.setPixmap(look.pixmap("attention", colour, 18 if self._tinted else 16))
        if self._tinted:
            background = look.tone_background(look.Tone.ATTENTION).name()
            look.set_style_sheet(
                self, f"QFrame#{self.objectName()} {{ background: {background}; border-radius: 6px; }}"
            )
        else:
            palette = self.words.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.words.setPalette(palette)
