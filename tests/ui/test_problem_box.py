"""The one problem box: hidden until there is a problem, words (and a title) readable and selectable, and its
colours follow the palette (light and dark)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from xerohelper.ui import look
from xerohelper.ui.problem_box import ProblemBox

PAGES: list[QWidget] = []  # kept alive for the test that made them (qtbot closes them after)


def shown(qtbot, box: ProblemBox) -> ProblemBox:
    """The box inside a shown window, as on a page."""
    page = QWidget()
    PAGES.append(page)
    QVBoxLayout(page).addWidget(box)
    qtbot.addWidget(page)
    page.resize(500, 160)
    page.show()
    qtbot.waitExposed(page)
    return box


def test_hidden_until_there_is_a_problem_then_says_it(qtbot):
    box = shown(qtbot, ProblemBox("file_problem", accessible_name="Why the file couldn't be imported"))
    assert not box.isVisible()
    box.show_problem("till.csv, line 2: this is not an amount.", "Nothing was imported")
    assert box.isVisible() and box.title.isVisibleTo(box)
    assert box.text == "till.csv, line 2: this is not an amount."
    assert box.accessibleName() == "Why the file couldn't be imported"
    assert box.accessibleDescription() == "Nothing was imported till.csv, line 2: this is not an amount."
    box.show_problem("Only words this time.")
    assert not box.title.isVisibleTo(box)
    box.clear()
    assert not box.isVisible() and box.text == ""


def test_a_tinted_box_has_a_background_and_a_quiet_one_coloured_words(qtbot):
    tinted = shown(qtbot, ProblemBox("tinted"))
    quiet = shown(qtbot, ProblemBox("quiet", tinted=False))
    background = look.tone_background(look.Tone.ATTENTION).name()
    assert background in tinted.styleSheet()
    assert quiet.styleSheet() == ""
    colour = look.tone_colour(look.Tone.ATTENTION)
    assert quiet.words.palette().color(QPalette.ColorRole.WindowText) == colour


def test_a_box_made_under_a_dark_palette_is_tinted_for_it(qtbot):
    light_sheet = shown(qtbot, ProblemBox("tinted")).styleSheet()
    app = QApplication.instance()
    before = QGuiApplication.palette()
    dark = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.Base, "#181818"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
    ):
        dark.setColor(role, colour)  # fmt: skip
    try:
        app.setPalette(dark)
        box = shown(qtbot, ProblemBox("tinted"))
        assert box.styleSheet() != light_sheet
        assert look.tone_background(look.Tone.ATTENTION).lightness() < 100
        assert look.tone_background(look.Tone.ATTENTION).name() in box.styleSheet()
    finally:
        app.setPalette(before)
