"""Shop setup: the editor against the demo organisation's real accounts and tax rates (read from the
sandbox through the real SDK), and the Settings dialog that loads, saves, exports and imports it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QScrollArea

from tests.ui.demo_session import demo_session
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.shop_setup import ShopSetupDialog
from xerohelper.ui.shop_setup_editor import ShopSetupEditor

TODAY = date(2026, 11, 21)


@pytest.fixture
def demo():
    with demo_session() as session:
        setup, contact = session.day_service().organisation_setup()
        yield session, setup, contact


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose(combo: QComboBox, starts: str) -> None:
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(starts))
    combo.setCurrentIndex(index)


def shown(editor, qtbot, name="setup-editor"):
    qtbot.addWidget(editor)
    editor.resize(900, 680)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_offers_only_what_xero_accepts(qtbot, demo):
    session, setup, contact = demo
    editor = shown(
        ShopSetupEditor(setup, session.mapping(), ["Paint"], ["Cash"], contact, today=TODAY), qtbot
    )
    sales = editor.findChild(QComboBox, "sales_account_paint")
    assert items(sales) == [
        "Choose an account…",
        "200 · Sales",
        "210 · Sales - GST Free",
        "260 · Other Revenue",
        "270 · Interest Income",
    ]  # no archived 220, no bank or expense accounts
    tax = editor.findChild(QComboBox, "sales_tax_paint")
    assert "GST on Income (10%)" in items(tax) and "GST Free Income (0%)" in items(tax)
    assert not any("Expenses" in t or "Capital" in t for t in items(tax))
    assert tax.currentText() == "GST on Income (10%)"
    cash = editor.findChild(QComboBox, "tender_account_cash")
    assert cash.currentText() == "091 · Cash Float"
    paid_into = items(cash)
    assert "615 · Card Settlements Clearing" in paid_into and "090 · Business Cheque Account" in paid_into
    assert not any(t.startswith(("617", "200", "860")) for t in paid_into)  # they refuse payments
    assert editor.findChild(QComboBox, "rounding_account").currentText() == "860 · Rounding"


def test_the_demo_setup_comes_back_unchanged_and_has_no_problems(qtbot, demo):
    session, setup, contact = demo
    mapping = session.mapping()
    editor = shown(ShopSetupEditor(setup, mapping, contact=contact, today=TODAY), qtbot)
    assert editor.mapping() == mapping
    assert editor.problems() == []


def test_a_new_kind_of_sale_is_flagged_until_chosen(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), ["Coffee"], [], contact, today=TODAY), qtbot)
    problems = editor.findChild(QWidget_, "sales_problems_coffee")
    assert problems.isVisible() and "Choose the Xero account" in problems.text
    assert "Coffee" not in editor.mapping().sales
    account = editor.findChild(QComboBox, "sales_account_coffee")
    with qtbot.waitSignal(editor.changed, timeout=1000):
        choose(account, "210")
    # The tax rate follows the account's own tax rate in Xero; the owner may still choose another.
    assert (
        editor.findChild(QComboBox, "sales_tax_coffee").currentData()
        == setup.accounts["210"].default_tax_type
    )
    choose(editor.findChild(QComboBox, "sales_tax_coffee"), "GST Free Income")
    assert not problems.isVisible()
    assert editor.mapping().sales["Coffee"].account_code == "210"
    assert editor.mapping().sales["Coffee"].tax_type == "EXEMPTOUTPUT"
    assert editor.problems() == []


def test_adding_a_kind_of_sale_and_a_way_of_paying_by_keyboard(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), contact=contact, today=TODAY), qtbot)
    qtbot.keyClicks(editor.new_category, "  Gift   wrapping ")
    qtbot.keyClick(editor.new_category, Qt.Key.Key_Return)
    assert "Gift wrapping" in editor.categories()
    added = editor.findChild(QComboBox, "sales_account_gift_wrapping")
    qtbot.waitUntil(lambda: editor.focusWidget() is added, timeout=1000)
    assert any(p.startswith("Gift wrapping: Choose") for p in editor.problems())
    qtbot.keyClicks(editor.new_tender, "Gift card")
    qtbot.mouseClick(editor.add_tender_button, Qt.MouseButton.LeftButton)
    choose(editor.findChild(QComboBox, "tender_account_gift_card"), "830")
    assert editor.mapping().tenders["Gift card"] == "830"
    # A row the till doesn't use can be removed.
    qtbot.mouseClick(editor.findChild(QAbstractButton, "remove_tender_gift_card"), Qt.MouseButton.LeftButton)
    assert "Gift card" not in editor.mapping().tenders and "Gift card" not in editor.tenders()


def test_invoice_number_example_follows_typing_and_a_broken_pattern_is_explained(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), contact=contact, today=TODAY), qtbot)
    assert editor.number_example.text() == "For example: POS-20261121 (for Saturday 21 November 2026)"
    assert editor.reference_example.text() == "For example: Till takings Sat 21 Nov 2026"
    editor.number_edit.clear()
    qtbot.keyClicks(editor.number_edit, "TILL-{yyyymmdd")  # the closing bracket not typed yet
    assert editor.number_example.text() == "For example: —"
    assert "curly bracket out of place" in editor.number_problems.text
    qtbot.keyClicks(editor.number_edit, "}")
    assert editor.number_example.text() == "For example: TILL-20261121 (for Saturday 21 November 2026)"
    assert not editor.number_problems.isVisible()
    editor.number_edit.setText("TILL")
    assert "must contain the date" in editor.number_problems.text
    editor.reference_edit.setText("Takings {dayname}")
    assert "{dayname}" in editor.reference_problems.text


def test_what_xero_would_refuse_is_shown_on_its_row_with_the_card(qtbot, demo):
    session, setup, contact = demo
    mapping = session.mapping().with_tender("Amex", "617").with_sales("Paint", "220", "OUTPUT")
    editor = shown(ShopSetupEditor(setup, mapping, contact=contact, today=TODAY), qtbot)
    amex = editor.findChild(QComboBox, "tender_account_amex")
    assert amex.currentText() == "617 · Till Float Clearing (can't be used here)"
    cards = editor.findChild(QWidget_, "tender_problems_amex").findChildren(ExplanationCard)
    assert len(cards) == 1 and cards[0].isVisible()
    assert cards[0].open_button.isVisible()  # Open in Xero: the chart of accounts
    assert "617" in cards[0].explanation.title or "617" in cards[0].explanation.what_happened
    paint = editor.findChild(QComboBox, "sales_account_paint")
    assert paint.currentText() == "220 · Workshop Hire (old) (archived)"
    assert editor.findChild(QWidget_, "sales_problems_paint").isVisible()
    assert any("Amex" in p and "doesn't accept payments" in p for p in editor.problems())
    assert any("Paint" in p and "archived" in p for p in editor.problems())
    choose(amex, "616")
    assert not editor.findChild(QWidget_, "tender_problems_amex").isVisible()
    assert editor.mapping().tenders["Amex"] == "616"


def test_a_missing_contact_is_explained_until_another_name_is_typed(qtbot, demo):
    session, setup, _ = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), contact=None, today=TODAY), qtbot)
    cards = editor.contact_problems.findChildren(ExplanationCard)
    assert editor.contact_problems.isVisible() and len(cards) == 1
    assert "POS Sales" in cards[0].explanation.title
    assert not cards[0].try_again_button.isVisible()  # nobody to read the accounts again here
    editor.contact_edit.setText("Till sales")
    assert not editor.contact_problems.isVisible()  # looked up when the setup is next used
    assert editor.mapping().customer_contact == "Till sales"


def test_draft_or_approve_automatically(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), contact=contact, today=TODAY), qtbot)
    assert editor.draft_radio.isChecked() and not editor.mapping().approve_automatically
    with qtbot.waitSignal(editor.changed, timeout=1000):
        qtbot.mouseClick(editor.approve_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert editor.mapping().approve_automatically


def test_every_control_is_named_for_tests_and_screen_readers(qtbot, demo):
    session, setup, _ = demo
    mapping = session.mapping().with_tender("Amex", "617")
    editor = shown(ShopSetupEditor(setup, mapping, ["Coffee"], ["Voucher"], None, today=TODAY), qtbot)
    controls = [
        w
        for kind in (QComboBox, QLineEdit, QAbstractButton)
        for w in editor.findChildren(kind)
        if w.isVisibleTo(editor) and w.parent() is not None and not isinstance(w.parent(), QComboBox)
    ]
    assert len(controls) > 20
    unnamed = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in controls]
    unnamed = [u for u in unnamed if not u[1] or not u[2]]
    assert unnamed == []


# ---- the dialog -------------------------------------------------------------------------------------------
def open_dialog(qtbot, session, **kwargs) -> ShopSetupDialog:
    dialog = ShopSetupDialog(session, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.busy and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible(), timeout=10000)
    return dialog


def test_dialog_loads_in_the_background_and_saves(qtbot, demo, tmp_path):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session, categories=["Coffee"])
    editor = dialog.editor
    assert "Coffee" in editor.categories()
    choose(editor.findChild(QComboBox, "sales_account_coffee"), "260")
    choose(editor.findChild(QComboBox, "sales_tax_coffee"), "GST on Income")
    qtbot.mouseClick(editor.approve_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].sales["Coffee"].account_code == "260"
    assert session.has_own_mapping()
    assert session.mapping().approve_automatically
    assert session.mapping().sales["Coffee"].tax_type == "OUTPUT"


def test_dialog_holds_save_back_while_the_invoice_number_is_broken(qtbot, demo):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    dialog.editor.number_edit.setText("POS-{yyyymmdd")
    assert not dialog.save_button.isEnabled()
    assert "invoice number" in dialog.save_button.toolTip()
    dialog.editor.number_edit.setText("POS-{yyyymmdd}")
    assert dialog.save_button.isEnabled()


def test_dialog_exports_and_imports_and_shows_a_bad_files_words_as_they_are(qtbot, demo, tmp_path):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    exported = tmp_path / "shop.json"
    dialog.ask_export_path = lambda: exported
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: exported.exists() and "Exported" in dialog.message.text(), timeout=5000)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["tenders"]["Cash"] == {"account_code": "091"}

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    dialog.ask_import_path = lambda: bad
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "isn't a xerohelper mapping" in dialog.message.text(), timeout=5000)

    data["tenders"]["Cash"] = {"account_code": "090"}
    data["invoice_number_pattern"] = "HSH-{yyyymmdd}"
    exported.write_text(json.dumps(data), encoding="utf-8")
    dialog.ask_import_path = lambda: exported
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor.number_edit.text() == "HSH-{yyyymmdd}", timeout=5000)
    assert dialog.editor.findChild(QComboBox, "tender_account_cash").currentText().startswith("090")
    assert "click Save" in dialog.message.text()
    assert not session.has_own_mapping()  # nothing saved until Save
    assert data["organisation"]["name"] == "Harbour Street Hardware"  # the file says who it was made for


def test_a_shop_setup_made_for_another_organisation_asks_before_it_is_used(qtbot, demo, tmp_path):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    exported = tmp_path / "pier.json"
    dialog.ask_export_path = lambda: exported
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: exported.exists() and "Exported" in dialog.message.text(), timeout=5000)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["organisation"] = {"id": "another-organisation", "name": "Pier Nine Café"}
    data["invoice_number_pattern"] = "PIER-{yyyymmdd}"
    exported.write_text(json.dumps(data), encoding="utf-8")
    asked = []
    dialog.confirm_other_organisation = lambda made_for: asked.append(made_for) or False
    dialog.ask_import_path = lambda: exported
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not imported" in dialog.message.text(), timeout=5000)
    assert asked == ["Pier Nine Café"] and "made for Pier Nine Café" in dialog.message.text()
    assert dialog.editor.number_edit.text() != "PIER-{yyyymmdd}"

    dialog.confirm_other_organisation = lambda made_for: True  # the owner says: use it anyway
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor.number_edit.text() == "PIER-{yyyymmdd}", timeout=5000)


def test_dialog_explains_when_xero_cant_be_read_and_tries_again(qtbot, demo):
    session, _, _ = demo
    session.connection.disconnect()
    dialog = ShopSetupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.busy.card.isVisible(), timeout=5000)
    assert "couldn't read your accounts" in dialog.busy.words.text()
    assert dialog.busy.card.explanation.title
    assert dialog.editor is None and not dialog.save_button.isEnabled()
    session.connect()
    qtbot.mouseClick(dialog.busy.card.try_again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor is not None, timeout=10000)


def test_dialog_closes_with_escape(qtbot, demo):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


from PySide6.QtWidgets import QWidget as QWidget_  # noqa: E402


def test_tab_goes_along_each_row_then_down(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), ["Paint", "Garden"], ["Cash"], contact), qtbot)
    paint_account = editor.findChild(QComboBox, "sales_account_paint")
    paint_tax = editor.findChild(QComboBox, "sales_tax_paint")
    garden_account = editor.findChild(QComboBox, "sales_account_garden")
    assert paint_account.nextInFocusChain() is paint_tax
    assert paint_tax.nextInFocusChain() is garden_account
    chain, widget = [], editor.new_category
    for _ in range(4):
        widget = widget.nextInFocusChain()
        chain.append(widget.objectName())
    assert chain[:2] == ["add_category_button", "tender_account_cash"]


def _wheel(widget, steps: int = -3) -> None:
    """A mouse wheel turned over `widget` (negative: towards the owner, down the page)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_closed_drop_down_scrolls_the_page_and_never_changes_the_account(qtbot, demo):
    session, setup, contact = demo
    editor = shown(ShopSetupEditor(setup, session.mapping(), contact=contact, today=TODAY), qtbot)
    editor.resize(700, 300)  # small enough that the rows scroll
    scroll = editor.findChild(QScrollArea, "shop_setup_scroll")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=2000)
    before = editor.mapping()
    bar = scroll.verticalScrollBar()
    start = bar.value()
    for combo in editor.findChildren(QComboBox):
        if combo.isVisible():
            index = combo.currentIndex()
            _wheel(combo)
            assert combo.currentIndex() == index, combo.objectName()
            combo.setFocus()  # even with focus, inside a scrolling page the wheel scrolls
            _wheel(combo, 3)
            assert combo.currentIndex() == index, combo.objectName()
    assert editor.mapping() == before
    _wheel(editor.findChild(QComboBox, "rounding_account") or editor.findChildren(QComboBox)[0], -5)
    assert bar.value() != start or bar.maximum() == 0


def test_enter_in_another_way_of_paying_adds_the_row_and_keeps_the_dialog_open(qtbot, demo):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    editor = dialog.editor
    editor.new_tender.setFocus()
    qtbot.keyClicks(editor.new_tender, "Afterpay")
    qtbot.keyClick(editor.new_tender, Qt.Key.Key_Return)
    assert "Afterpay" in editor.tenders()
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(editor.new_category, "Gift wrapping")
    qtbot.keyClick(editor.new_category, Qt.Key.Key_Enter)
    assert "Gift wrapping" in editor.categories() and dialog.isVisible()


def test_a_sales_rows_tax_rate_defaults_from_the_chosen_accounts_own_tax_rate(qtbot, demo):
    session, setup, contact = demo
    editor = shown(
        ShopSetupEditor(setup, session.mapping(), categories=["Coffee"], contact=contact, today=TODAY), qtbot
    )
    account = editor.findChild(QComboBox, "sales_account_coffee")
    tax = editor.findChild(QComboBox, "sales_tax_coffee")
    offered = [setup.accounts[account.itemData(i)] for i in range(1, account.count())]
    with_tax = [a for a in offered if tax.findData(a.default_tax_type) > 0]
    assert with_tax, "the demo's sales accounts carry their tax rate, as Xero's do"
    assert tax.currentData() == ""
    choose(account, with_tax[0].code)
    assert tax.currentData() == with_tax[0].default_tax_type
    # Once the owner chooses a rate themselves, another account doesn't change it.
    other = next(i for i in range(1, tax.count()) if tax.itemData(i) != with_tax[0].default_tax_type)
    tax.setCurrentIndex(other)
    chosen = tax.currentData()
    choose(account, "Choose")
    choose(account, with_tax[-1].code)
    assert tax.currentData() == chosen


def test_the_tills_new_names_are_asked_about_with_the_likely_answer_chosen(qtbot):
    from xerohelper.core.pos_source_mapping import NameQuestion
    from xerohelper.ui.shop_setup_till_names import NEW, TillNamesDialog

    questions = [
        NameQuestion("square", "tender", "Visa", suggestion="Card"),
        NameQuestion("square", "category", "Uncategorized"),
    ]
    dialog = TillNamesDialog(questions, ["Coffee", "Food"], ["Card", "Cash"])
    qtbot.addWidget(dialog)
    visa = dialog.findChild(QComboBox, "till_name_tender_visa")
    other = dialog.findChild(QComboBox, "till_name_sales_uncategorized")
    assert visa.currentText() == "Card" and other.currentText() == NEW
    assert dialog.answers() == ({}, {"Visa": "Card"})
    choose(other, "Food")
    assert dialog.answers() == ({"Uncategorized": "Food"}, {"Visa": "Card"})


def test_the_till_difference_account_is_suggested_and_saved(qtbot, demo):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    combo = dialog.editor.findChild(QComboBox, "till_difference_account")
    assert combo.currentText().startswith("865")  # the demo shop's choice: Till Over/Short
    assert combo.itemText(1).startswith("865")  # and the account named like one comes first
    combo.setCurrentIndex(0)  # none chosen
    assert dialog.editor.mapping().till_difference_account_code == ""
    combo.setCurrentIndex(1)
    assert dialog.editor.mapping().till_difference_account_code == "865"


def test_an_export_that_cant_be_written_says_why_in_words_and_what_to_do(qtbot, demo, tmp_path):
    session, _, _ = demo
    dialog = open_dialog(qtbot, session)
    dialog.ask_export_path = lambda: tmp_path / "gone" / "shop.json"  # a folder that isn't there
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be saved" in dialog.message.text(), timeout=5000)
    words = dialog.message.text()
    assert "Errno" not in words and "No such file" not in words and "Error" not in words
    assert "there is no such folder" in words and "Choose another folder" in words
