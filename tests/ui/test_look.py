"""look.py: money in words, state colours for light and dark palettes, icons, badges — and the guard that
keeps PySide6 6.12 from freeing None on Python 3.11."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtGui import QColor, QPalette

from xerohelper.core.checklist import StepState
from xerohelper.ui import look
from xerohelper.ui import palette as palette_


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1234.56", "$1,234.56"),
        ("0", "$0.00"),
        ("-12.4", "-$12.40"),
        ("1000000", "$1,000,000.00"),
        ("0.005", "$0.01"),
    ],
)
def test_money_is_written_the_australian_and_new_zealand_way(amount, words):
    assert look.money_words(Decimal(amount)) == words


def palette(window: str, base: str) -> QPalette:
    result = QPalette()
    result.setColor(QPalette.ColorRole.Window, QColor(window))
    result.setColor(QPalette.ColorRole.Base, QColor(base))
    return result


def test_state_colours_follow_light_and_dark_palettes(qapp):
    light, dark = palette("#f0f0f0", "#ffffff"), palette("#2b2b2b", "#1e1e1e")
    assert not look.is_dark(light) and look.is_dark(dark)
    for tone in look.Tone:
        on_light, on_dark = look.tone_colour(tone, light), look.tone_colour(tone, dark)
        assert on_light.lightness() < on_dark.lightness(), tone  # darker ink on light, lighter on dark
        assert look.tone_background(tone, dark).lightness() < 100


def test_every_state_has_words_and_an_icon_not_just_a_colour(qapp):
    for state in StepState:
        shown = look.STEP_LOOKS[state]
        assert shown.words and look.icon_path(shown.icon).is_file()
    for status in look.DayStatus:
        assert look.DAY_LOOKS[status].words and look.icon_path(look.DAY_LOOKS[status].icon).is_file()
    assert not look.pixmap("done", "#1d7a3a", 16).isNull()


def test_a_badge_says_its_state_in_words(qtbot):
    badge = look.Badge(look.STEP_LOOKS[StepState.NEEDS_ATTENTION])
    qtbot.addWidget(badge)
    assert badge.text() == "Needs attention" and badge.accessibleName() == "Needs attention"


def test_contrast_is_worked_out_as_wcag_says(qapp):
    assert palette_.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert palette_.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    half_black = QColor(0, 0, 0, 128)  # how Qt draws placeholder text: see-through
    assert palette_.contrast_ratio(half_black, QColor("#ffffff")) == pytest.approx(4.00, abs=0.01)


def test_the_palette_given_reads_well_light_and_dark(qapp):
    roles = QPalette.ColorRole
    try:
        for dark in (False, True):
            given = palette_.use_palette(qapp, dark=dark)
            assert look.is_dark(given) is dark
            for words, under in (
                (roles.PlaceholderText, roles.Window),
                (roles.PlaceholderText, roles.Base),
                (roles.HighlightedText, roles.Highlight),
                (roles.Text, roles.Base),
                (roles.WindowText, roles.Window),
                (roles.ButtonText, roles.Button),
            ):
                assert palette_.contrast_ratio(given.color(words), given.color(under)) >= palette_.READABLE, (
                    words
                )
            for tone in look.Tone:  # a badge's words on its own tint, a state's words on a card
                colour = look.tone_colour(tone, given)
                assert palette_.contrast_ratio(colour, look.tone_background(tone, given)) >= palette_.READABLE
                assert palette_.contrast_ratio(colour, given.color(roles.Window)) >= palette_.READABLE
    finally:
        qapp.setPalette(QPalette())


def test_only_what_reads_badly_is_changed_the_rest_follows_the_desktop(qapp):
    try:
        given = palette_.use_palette(qapp, dark=False)
        changed = palette_.readable_changes(QPalette(QColor("#efefef")))
        assert changed and all(role != QPalette.ColorRole.Window for _group, role in changed)
        assert given.color(QPalette.ColorRole.Window) == QPalette().color(QPalette.ColorRole.Window)
        assert palette_.readable_changes(given) == {}  # nothing left to change
    finally:
        qapp.setPalette(QPalette())


def test_the_app_turns_dark_and_light_with_the_desktop(qapp):
    from PySide6.QtCore import Qt

    hints = qapp.styleHints()
    try:
        palette_.use_palette(qapp)
        palette_.follow_the_desktop(qapp)
        assert not look.is_dark(qapp.palette())  # the desktop here says nothing (offscreen)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what Qt says when the desktop goes dark
        assert look.is_dark(qapp.palette())
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not look.is_dark(qapp.palette())
    finally:
        hints.colorSchemeChanged.disconnect()
        qapp.setPalette(QPalette())


def test_a_desktop_that_brings_its_own_dark_palette_gets_readable_colours_and_restyled_windows(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFrame

    app = QApplication.instance()
    hints = app.styleHints()
    card = QFrame()
    qtbot.addWidget(card)
    try:
        palette_.follow_the_desktop(app)
        look.style_card(card)
        light_sheet = card.styleSheet()
        app.setPalette(palette_.dark_palette())  # the desktop's own dark palette, given by Qt first…
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # …then the news that it is dark
        given = app.palette()
        assert look.is_dark(given) and card.styleSheet() != light_sheet  # the card in dark colours
        quiet = given.color(QPalette.ColorRole.PlaceholderText)
        assert palette_.contrast_ratio(quiet, given.color(QPalette.ColorRole.Base)) >= palette_.READABLE
    finally:
        hints.colorSchemeChanged.disconnect()
        app.setPalette(QPalette())
