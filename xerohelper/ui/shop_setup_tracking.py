"""Shop setup's tills: for a shop with several tills or locations, the Xero tracking category the tills are
tracked under and the option each till's sales summary goes under — chosen from what the organisation really
has in Xero (read by the dialog in the background), each choice checked against it: an option archived or
deleted in Xero is said in words with the Xero screen to put it right; an organisation without tracking
categories is told what tracking is for and where in Xero to add one. (The rules are core/till_tracking.py.)
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from xerohelper.core.explain import Explanation
from xerohelper.core.mapping import Tracking
from xerohelper.core.till_tracking import (
    TrackingCategoryInfo,
    active_categories,
    category_named,
    no_tracking_categories,
    till_problems,
    tracking_chosen,
)
from xerohelper.ui import look
from xerohelper.ui.failure_words import while_reading
from xerohelper.ui.shop_setup_rows import RowProblems, buddy, slug

NOT_TRACKED = "Don't track the tills"
NO_OPTION = "Not tracked"


class TillTrackingBox(QGroupBox):
    """tills: the shop's tills or locations; choices: the organisation's tracking categories (None: they
    couldn't be read, `show_read_problem` says why); tracking: the Mapping's. `on_recheck` is what a card's
    “I've fixed it — try again” does (read Xero again)."""

    changed = Signal()

    def __init__(
        self,
        tills,
        choices: list[TrackingCategoryInfo] | None,
        tracking: Tracking | None,
        short_code: str | None,
        on_recheck=None,
    ) -> None:
        super().__init__("Tills — the Xero tracking each till's sales go under")
        self.setObjectName("tills_box")
        self._tills = list(tills)
        self._choices = list(choices or [])
        self._original = tracking
        self._short_code = short_code
        self.options: dict[str, QComboBox] = {}
        self.problems: dict[str, RowProblems] = {}
        self.category_combo: QComboBox | None = None
        self.editable = choices is not None

        layout = QVBoxLayout(self)
        intro = look.secondary(
            QLabel(
                "Each till's sales summary goes to Xero as its own invoice. With tracking, Xero's reports "
                "(Profit and Loss, Sales by item…) can also show each till's takings on their own."
            )
        )
        intro.setObjectName("tills_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.organisation_problems = RowProblems("tracking_problems", on_recheck)
        layout.addWidget(self.organisation_problems)
        if choices is None:
            return
        saved = tracking.category_name if tracking is not None else ""
        if not active_categories(self._choices) and not saved:
            self.organisation_problems.show_problems([], [no_tracking_categories(short_code)])
            return

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.category_combo = _combo("tracking_category", "Tracking category the tills are tracked under")
        self.category_combo.addItem(NOT_TRACKED, "")
        for category in active_categories(self._choices):
            self.category_combo.addItem(category.name, category.name)
        if saved and self.category_combo.findData(saved) < 0:
            known = category_named(self._choices, saved)
            gone = "archived in Xero" if known is not None else "not in Xero"
            self.category_combo.addItem(f"{saved} ({gone})", saved)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(saved), 0))
        grid.addWidget(buddy("Track the tills &under:", self.category_combo), 0, 0)
        grid.addWidget(self.category_combo, 0, 1)
        grid.addWidget(QLabel("<b>Till</b>"), 1, 0)
        grid.addWidget(QLabel("<b>Tracking option</b>"), 1, 1)
        row = 2
        for till in self._tills:
            key = slug(till)
            name = QLabel(till)
            name.setObjectName(f"till_name_{key}")
            combo = _combo(f"till_option_{key}", f"Tracking option for the till {till}")
            name.setBuddy(combo)
            problems = RowProblems(f"till_problems_{key}", on_recheck)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(problems, row + 1, 0, 1, 2)
            row += 2
            self.options[till] = combo
            self.problems[till] = problems
            combo.currentIndexChanged.connect(self._recheck)
        layout.addLayout(grid)
        self._fill_options(tracking.option_by_location if tracking is not None else {})
        self.category_combo.currentIndexChanged.connect(self._category_chosen)
        self._recheck(announce=False)

    def show_read_problem(self, problem: Explanation | None) -> None:
        """Why Xero's tracking categories couldn't be read (the tills' tracking is kept as it was, and says
        so: what it is, and that the rest of Shop setup can still be saved)."""
        if self.editable or problem is None:
            return
        kept = look.secondary(QLabel(kept_tracking_words(self._original)))
        kept.setObjectName("tracking_kept")
        kept.setWordWrap(True)
        self.layout().insertWidget(1, kept)
        card = while_reading(
            problem,
            "to choose each till's tracking from Xero's categories",
            "Until then the tills' tracking stays as saved, and you can keep using Xero itself as normal.",
        )
        self.organisation_problems.show_problems([], [card])

    # ---- out --------------------------------------------------------------------------------------
    def tracking(self) -> Tracking | None:
        """The tracking as chosen (the Mapping's, unchanged, when Xero's categories couldn't be read)."""
        if not self.editable or self.category_combo is None:
            return self._original
        chosen = {till: combo.currentData() or "" for till, combo in self.options.items()}
        # Tills the shop setup tracks that aren't listed here: kept as they were, under the same category.
        kept = {
            t: o
            for t, o in (self._original.option_by_location.items() if self._original else ())
            if t not in self.options and self._original.category_name == self.category_combo.currentData()
        }
        return tracking_chosen(self.category_combo.currentData() or "", {**kept, **chosen})

    def problem_cards(self) -> list[Explanation]:
        """What Xero would do with the tills' tracking as chosen (an option it would drop), one card each
        (none when Xero's categories couldn't be read: nothing is known against them)."""
        if not self.editable:
            return []
        return list(till_problems(self.tracking(), self._choices, self._short_code).values())

    def focus_widget(self, till: str) -> QWidget | None:
        return self.options.get(till) or self.category_combo

    # ---- keeping it up to date --------------------------------------------------------------------
    def _category_chosen(self, _index: int) -> None:
        """Each till keeps its option when the category chosen has one of that name; else it starts
        untracked there — or, back under the category Shop setup saved, at its saved option."""
        name = self.category_combo.currentData() or ""
        category = category_named(self._choices, name)
        offered = set(category.options) if category is not None and category.active else set()
        original = self._original
        saved = original.option_by_location if original and original.category_name == name else {}
        wanted = {
            till: option if option in offered else saved.get(till, "")
            for till, option in ((t, c.currentData() or "") for t, c in self.options.items())
        }
        self._fill_options(wanted)
        self._recheck()

    def _fill_options(self, wanted: dict[str, str]) -> None:
        """Each till's options: the chosen category's active ones; a till's own choice stays listed (marked)
        when Xero no longer has it active, so the owner sees what it was and the problem under it."""
        name = self.category_combo.currentData() or ""
        category = category_named(self._choices, name)
        for till, combo in self.options.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NO_OPTION, "")
            for option in category.options if category is not None and category.active else ():
                combo.addItem(option, option)
            current = wanted.get(till, "")
            if current and combo.findData(current) < 0 and name:
                archived = category is not None and current in category.archived_options
                combo.addItem(f"{current} ({'archived in Xero' if archived else 'not in Xero'})", current)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.setEnabled(bool(name))
            combo.blockSignals(False)

    def _recheck(self, *_args, announce: bool = True) -> None:
        found = till_problems(self.tracking(), self._choices, self._short_code)
        for till, problems in self.problems.items():
            card = found.get(till)  # (no “Open Shop setup” on it: this is Shop setup)
            problems.show_problems([], [replace(card, setup_row=None)] if card is not None else [])
        if announce:
            self.changed.emit()


def kept_tracking_words(tracking: Tracking | None) -> str:
    """What the tills' tracking stays as when Xero's tracking categories couldn't be read."""
    if tracking is None or not tracking.option_by_location:
        kept = "the tills stay untracked, as saved"
    else:
        each = ", ".join(
            f"{till} → “{option}”" for till, option in sorted(tracking.option_by_location.items())
        )
        kept = f"each till stays tracked as saved, under “{tracking.category_name}”: {each}"
    return (
        f"xerohelper couldn't read your tracking categories from Xero, so {kept}. "
        "Everything else here can be changed and saved as usual."
    )


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo
