"""Shop setup for a shop with two tills (real widgets, the demo sandbox through the real SDK): the Tills
section lists the organisation's real tracking categories and options, saves each till's choice, says in
words when an option was archived in Xero (with the Xero screen and “try again”), tells an organisation
without tracking categories what tracking is for and where to add one, and the wheel never changes them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QScrollArea

from tests.ui.demo_session import demo_session
from tests.ui.test_shop_setup import _wheel, items
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.shop_setup import ShopSetupDialog

SHOP = "Harbour Street Hardware"


@pytest.fixture
def session():
    with demo_session() as session:
        outcome = session.import_file(session.demo_day_file(session.today()))
        days = session.day_service()
        for till in ("Front", "Back"):  # a day kept at each of the shop's two tills
            days.save_day(replace(outcome.days[0], location=till))
        yield session


def sandbox(session, path: str, **body) -> None:
    control(session.sandbox.base_url, path, {"tenant": SHOP, **body})


def open_dialog(qtbot, session) -> ShopSetupDialog:
    dialog = ShopSetupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible(), timeout=10000)
    return dialog


def test_lists_the_organisations_real_options_and_saves_each_tills_choice(qtbot, session):
    dialog = open_dialog(qtbot, session)
    box = dialog.editor.tills_box
    assert box is not None and list(box.options) == ["Back", "Front"]
    category = box.category_combo
    assert items(category) == ["Don't track the tills", "Till"] and category.currentIndex() == 0
    back, front = box.options["Back"], box.options["Front"]
    assert not back.isEnabled()  # no category chosen: nothing to choose per till
    category.setCurrentIndex(1)
    assert items(back) == ["Not tracked", "Till 1", "Till 2"]  # the archived “Till 3 (removed)” isn't offered
    back.setCurrentIndex(2)
    front.setCurrentIndex(1)
    assert dialog.editor.problems() == []
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].tracking == Tracking("Till", {"Back": "Till 2", "Front": "Till 1"})
    assert session.mapping().tracking == Tracking("Till", {"Back": "Till 2", "Front": "Till 1"})

    again = open_dialog(qtbot, session)  # and it opens as saved
    assert again.editor.tills_box.options["Back"].currentText() == "Till 2"
    assert again.editor.mapping().tracking == session.mapping().tracking


def test_an_option_archived_in_xero_is_said_with_the_screen_and_try_again(qtbot, session):
    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}))
    )
    sandbox(session, "tracking/archive", category="Till", option="Till 2")
    dialog = open_dialog(qtbot, session)
    box = dialog.editor.tills_box
    assert box.options["Back"].currentText() == "Till 2 (archived in Xero)"
    problems = box.problems["Back"]
    qtbot.waitUntil(problems.isVisible, timeout=2000)
    (card,) = problems.findChildren(ExplanationCard)
    assert card.title_label.text() == "The tracking option “Till 2” was archived in Xero"
    assert card.open_button.isVisible() and "Tracking" in card.screen_label.text()
    assert not box.problems["Front"].isVisible()
    assert dialog.editor.problems() == ["The tracking option “Till 2” was archived in Xero."]

    sandbox(session, "tracking/restore", category="Till", option="Till 2")  # the owner restores it in Xero
    qtbot.mouseClick(card.try_again_button, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    qtbot.waitUntil(
        lambda: (
            dialog.editor is not None
            and dialog.editor.tills_box is not box
            and dialog.editor.tills_box.options["Back"].currentText() == "Till 2"
        ),
        timeout=10000,
    )
    assert not dialog.editor.tills_box.problems["Back"].isVisible()


def test_choosing_another_option_for_a_till_clears_its_problem(qtbot, session):
    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 9"}))
    )
    dialog = open_dialog(qtbot, session)
    box = dialog.editor.tills_box
    assert box.options["Back"].currentText() == "Till 9 (not in Xero)"
    assert dialog.editor.problems() == ["Xero has no tracking option “Till 9” under “Till”."]
    box.options["Back"].setCurrentIndex(box.options["Back"].findData("Till 2"))
    assert dialog.editor.problems() == [] and not box.problems["Back"].isVisible()
    assert dialog.editor.mapping().tracking.option_by_location == {"Front": "Till 1", "Back": "Till 2"}


def test_an_organisation_without_tracking_is_told_what_it_is_for_and_where_to_add_one(qtbot, session):
    sandbox(session, "tracking/delete", category="Till")
    dialog = open_dialog(qtbot, session)
    box = dialog.editor.tills_box
    assert box.category_combo is None and box.options == {}
    (card,) = box.organisation_problems.findChildren(ExplanationCard)
    assert card.title_label.text() == "Your Xero organisation has no tracking categories yet"
    assert "each till's" in card.what_label.text() and "reports" in card.what_label.text()
    assert card.open_button.isVisible()
    assert card.screen_label.text() == "Tracking categories — Accounting > Advanced > Tracking categories"
    assert dialog.editor.mapping().tracking is None and dialog.save_button.isEnabled()


def test_when_xeros_tracking_cant_be_read_the_rest_of_shop_setup_still_works(qtbot, session):
    """Xero's daily allowance runs out between the accounts and the tracking categories (a 429 Xero means
    for the day: not retried, so no waiting here)."""
    saved = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
    session.save_mapping(replace(DEMO_MAPPING, tracking=saved))
    sandbox(session, "faults", kind="429-day", count=1, path_contains="TrackingCategories")
    dialog = open_dialog(qtbot, session)
    editor, box = dialog.editor, dialog.editor.tills_box
    assert box.category_combo is None and box.options == {}  # nothing to choose from: kept as saved
    kept = box.findChild(QLabel, "tracking_kept")
    assert kept.isVisible() and kept.text() == (
        "xerohelper couldn't read your tracking categories from Xero, so each till stays tracked as saved, "
        "under “Till”: Back → “Till 2”, Front → “Till 1”. Everything else here can be changed and saved as "
        "usual."
    )
    (card,) = box.organisation_problems.findChildren(ExplanationCard)
    assert card.title_label.text().startswith("Xero's daily limit for your organisation is used up")
    words = " ".join(label.text() for label in card.findChildren(QLabel) if label.isVisible())
    assert "429" not in words and "HTTP" not in words and "Traceback" not in words
    assert card.try_again_button.isVisible()  # the next step: try again once Xero allows it
    # Shop setup sends nothing: its card says what to do here, not that the rest is sent by itself
    assert "sends the rest" not in words and "carries on" not in card.title_label.text()
    assert "Press Try again" in words and "tracking" in words
    assert editor.problems() == [] and editor.mapping().tracking == saved
    assert editor.findChild(QComboBox, "rounding_account").count() > 1  # the accounts were read

    qtbot.mouseClick(editor.approve_radio, Qt.MouseButton.LeftButton)  # the rest of Shop setup still works
    assert editor.approve_radio.isChecked() and dialog.save_button.isEnabled()
    qtbot.mouseClick(card.try_again_button, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    qtbot.waitUntil(
        lambda: dialog.editor is not editor and dialog.editor is not None and dialog.editor.isVisible(),
        timeout=10000,
    )
    box = dialog.editor.tills_box  # read this time: the tills' choices, the change kept
    assert box.findChild(QLabel, "tracking_kept") is None
    assert box.options["Back"].currentText() == "Till 2" and dialog.editor.approve_radio.isChecked()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert session.mapping().approve_automatically and session.mapping().tracking == saved


def test_saving_while_xeros_tracking_cant_be_read_keeps_the_tills_tracking(qtbot, session):
    """The organisation was disconnected in Xero just after its accounts were read (403: not retried)."""
    saved = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
    session.save_mapping(replace(DEMO_MAPPING, tracking=saved))
    sandbox(session, "faults", kind="403", count=1, path_contains="TrackingCategories")
    dialog = open_dialog(qtbot, session)
    (card,) = dialog.editor.tills_box.organisation_problems.findChildren(ExplanationCard)
    assert card.title_label.text() == "xerohelper is no longer connected to your organisation"
    assert card.open_button.isVisible() and card.screen_label.text().startswith("Connected apps")
    qtbot.mouseClick(dialog.editor.approve_radio, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args[0].tracking == saved and done.args[0].approve_automatically
    assert session.mapping().tracking == saved


def test_when_xeros_tracking_cant_be_read_untracked_tills_are_said_to_stay_so(qtbot, session):
    sandbox(session, "faults", kind="429-day", count=1, path_contains="TrackingCategories")
    kept = open_dialog(qtbot, session).editor.tills_box.findChild(QLabel, "tracking_kept")
    assert "Xero, so the tills stay untracked, as saved. Everything else" in kept.text()


def test_the_wheel_never_changes_a_tills_tracking(qtbot, session):
    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}))
    )
    dialog = open_dialog(qtbot, session)
    editor = dialog.editor
    scroll = editor.findChild(QScrollArea, "shop_setup_scroll")
    box = editor.tills_box
    scroll.ensureWidgetVisible(box.category_combo)
    before = editor.mapping().tracking
    for combo in [box.category_combo, *box.options.values()]:
        index = combo.currentIndex()
        _wheel(combo, 3)
        _wheel(combo, -3)
        combo.setFocus()
        _wheel(combo, 3)
        assert combo.currentIndex() == index, combo.objectName()
    assert editor.mapping().tracking == before


def test_fits_a_small_screen(qtbot, session):
    dialog = open_dialog(qtbot, session)
    assert dialog.minimumSizeHint().width() <= 1024 and dialog.minimumSizeHint().height() <= 560
    for combo in dialog.editor.tills_box.findChildren(QComboBox):
        assert combo.minimumSizeHint().width() < 500


def test_a_days_tracking_card_opens_shop_setup_at_its_till(qtbot, session):
    from xerohelper.core.explain import SetupRow

    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 9"}))
    )
    dialog = ShopSetupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.show_row(SetupRow(SetupRow.TILLS, "Back"))  # before the accounts are read: once they are
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible(), timeout=10000)
    back = dialog.editor.tills_box.options["Back"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is back, timeout=3000)
    assert not back.visibleRegion().isEmpty()


def test_every_tills_control_is_named_for_tests_and_screen_readers(qtbot, session):
    from PySide6.QtWidgets import QAbstractButton

    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 9"}))
    )
    box = open_dialog(qtbot, session).editor.tills_box
    controls = [
        w
        for kind in (QComboBox, QAbstractButton)
        for w in box.findChildren(kind)
        if w.isVisibleTo(box) and not isinstance(w.parent(), QComboBox)
    ]
    assert len(controls) >= 5  # the category, two tills, the card's buttons
    assert [
        (w.objectName(), w.accessibleName()) for w in controls if not w.objectName() or not w.accessibleName()
    ] == []


def test_when_xeros_daily_limit_stops_the_accounts_read_the_card_says_what_to_do_here(qtbot, session):
    """Shop setup sends nothing: the daily limit's card says to try again (tomorrow), not that xerohelper
    'sends the rest by itself'."""
    sandbox(session, "faults", kind="429-day", count=1, path_contains="Accounts")
    dialog = ShopSetupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.busy.card.isVisible(), timeout=10000)
    card = dialog.busy.card
    words = " ".join(label.text() for label in card.findChildren(QLabel) if label.isVisible())
    assert card.title_label.text().startswith("Xero's daily limit for your organisation is used up")
    assert "sends the rest" not in words and "carries on" not in card.title_label.text()
    assert "Press Try again tomorrow" in words and "accounts and tax rates" in words


def test_choosing_another_category_doesnt_call_the_tills_options_not_in_xero(qtbot):
    """A till's option under the category it was tracked under isn't carried to another category as “not in
    Xero” (it is in Xero, under the other one): the till starts untracked there, or at an option of the same
    name; back under its own category, the saved option is chosen again."""
    from xerohelper.core.till_tracking import TrackingCategoryInfo
    from xerohelper.ui.shop_setup_tracking import TillTrackingBox

    choices = [
        TrackingCategoryInfo("Till", "c1", options=("Till 1", "Till 2")),
        TrackingCategoryInfo("Region", "c2", options=("North", "Till 1")),
    ]
    saved = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
    box = TillTrackingBox(["Back", "Front"], choices, saved, None)
    qtbot.addWidget(box)
    box.category_combo.setCurrentIndex(box.category_combo.findData("Region"))
    back, front = box.options["Back"], box.options["Front"]
    assert items(back) == ["Not tracked", "North", "Till 1"] and back.currentText() == "Not tracked"
    assert front.currentText() == "Till 1"  # the same name is offered under Region: kept
    assert box.problem_cards() == []
    box.category_combo.setCurrentIndex(box.category_combo.findData("Till"))
    assert back.currentText() == "Till 2" and front.currentText() == "Till 1"
    assert box.tracking() == saved
