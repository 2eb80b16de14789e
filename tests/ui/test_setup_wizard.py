"""The set-up wizard's pages follow core's SetupFlow: the wizard alone, told what happened as the main window
tells it, clicked like an owner would (the flow itself is tested without Qt in tests/core)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWizard

from tests.ui.demo_session import demo_session
from xerohelper.core.setup_flow import Page, SignInTrouble, Trouble
from xerohelper.ui.setup_wizard import SetupWizard
from xerohelper.ui.shop_setup_editor import ShopSetupEditor

BACK, NEXT, FINISH = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
)
BACK_AGAIN = QWizard.WizardButton.CustomButton1  # Back to a page further back than the one before


@dataclass(frozen=True)
class Choice:
    name: str
    tenant_id: str
    newly_allowed: bool = False


@pytest.fixture
def wizard(qtbot):
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.resize(1000, 700)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def shown(wizard: SetupWizard, which) -> bool:
    button = wizard.button(which)
    return button.isVisible() and button.isEnabled()


def click(qtbot, button: QAbstractButton) -> None:
    QApplication.sendPostedEvents()
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_failed_sign_in_says_why_with_try_again_and_back_to_the_welcome_page(qtbot, wizard):
    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    page = wizard.connect_page
    assert wizard.currentId() == Page.CONNECT
    assert page.cancel_button.isVisible() and not shown(wizard, BACK) and not shown(wizard, NEXT)

    wizard.sign_in_failed("Xero didn't answer", "Xero took too long to answer.", "Try again in a minute.")
    assert page.problem.isVisible() and page.problem.title.text() == "Xero didn't answer"
    assert "Try again in a minute." in page.problem.text
    assert page.retry_button.isVisible() and not page.cancel_button.isVisible()
    assert not shown(wizard, NEXT)
    with qtbot.waitSignal(page.retry_requested, timeout=1000):
        click(qtbot, page.retry_button)
    click(qtbot, wizard.button(BACK))
    assert wizard.currentId() == Page.WELCOME

    wizard.connecting("Opening Xero's sign-in page in your web browser…")  # connect again: no old problem
    assert not page.problem.isVisible() and page.cancel_button.isVisible()


def test_several_organisations_are_chosen_and_back_from_the_setup_chooses_again(qtbot, wizard):
    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    choices = [Choice("Harbour Street Hardware", "t1"), Choice("Corner Café", "t2", newly_allowed=True)]
    wizard.signed_in("Xero", choices)
    assert wizard.currentId() == Page.CHOOSE
    assert not shown(wizard, BACK) and shown(wizard, BACK_AGAIN)  # Back leads past the connect page
    assert wizard.chosen_organisation() == choices[1]  # the one just allowed is offered first
    with qtbot.waitSignal(wizard.setup_needed, timeout=1000):
        click(qtbot, wizard.button(NEXT))
    assert wizard.currentId() == Page.SETUP
    assert not shown(wizard, NEXT)  # nothing to go on with until the accounts are read
    click(qtbot, wizard.button(BACK))
    assert wizard.currentId() == Page.CHOOSE

    assert wizard.button(BACK_AGAIN).text() == wizard.buttonText(BACK)  # it reads as Back
    click(qtbot, wizard.button(BACK_AGAIN))  # none of them is this shop: start again, or the demo
    assert wizard.currentId() == Page.WELCOME
    assert not shown(wizard, BACK) and not shown(wizard, BACK_AGAIN)


def test_one_organisation_goes_to_the_setup_and_back_to_the_welcome_page(qtbot, wizard):
    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    with qtbot.waitSignal(wizard.setup_needed, timeout=1000):
        wizard.signed_in("Harbour Street Hardware")
    assert wizard.currentId() == Page.SETUP and wizard.chosen_organisation() is None
    assert not wizard.button(BACK).isVisible()
    wizard.setup_failed(Trouble.READING_SETUP, "Xero is busy", "Xero is doing upkeep. Try again soon.")
    click(qtbot, wizard.button(BACK_AGAIN))  # a failure page, with a way back to connect again or the demo
    assert wizard.currentId() == Page.WELCOME


def test_accounts_that_could_not_be_read_are_read_again_by_try_again(qtbot, wizard):
    wizard.go_to(Page.SETUP)
    page = wizard.setup_page
    wizard.setup_failed(Trouble.READING_SETUP, "Xero is busy", "Xero is doing upkeep. Try again soon.")
    assert page.problem.isVisible() and "upkeep" in page.problem.text
    assert page.retry_button.isVisible() and not shown(wizard, NEXT)
    with qtbot.waitSignal(wizard.setup_needed, timeout=1000):
        click(qtbot, page.retry_button)
    assert not page.problem.isVisible() and page.busy.isVisible()


def test_a_setup_that_could_not_be_saved_comes_back_with_the_problem_and_next_saves_again(qtbot, wizard):
    with demo_session() as session:
        setup, contact = session.organisation_setup()
        mapping = session.mapping()
    wizard.go_to(Page.SETUP)
    wizard.setup_page.show_editor(ShopSetupEditor(setup, mapping, contact=contact))
    assert shown(wizard, NEXT)
    with qtbot.waitSignal(wizard.setup_done, timeout=1000):
        click(qtbot, wizard.button(NEXT))
    assert wizard.currentId() == Page.READY and shown(wizard, FINISH) and shown(wizard, BACK)

    wizard.setup_failed(Trouble.SAVING_SETUP, "Not saved", "There is no free space on this computer.")
    assert wizard.currentId() == Page.SETUP
    assert wizard.setup_page.problem.isVisible() and not wizard.setup_page.retry_button.isVisible()
    with qtbot.waitSignal(wizard.setup_done, timeout=1000):
        click(qtbot, wizard.button(NEXT))
    assert wizard.currentId() == Page.READY and not wizard.setup_page.problem.isVisibleTo(wizard.setup_page)


def test_enter_in_another_way_of_paying_adds_the_row_and_stays_on_the_setup_page(qtbot, wizard):
    with demo_session() as session:
        setup, contact = session.organisation_setup()
        mapping = session.mapping()
    wizard.go_to(Page.SETUP)
    editor = ShopSetupEditor(setup, mapping, contact=contact)
    wizard.setup_page.show_editor(editor)
    editor.new_tender.setFocus()
    qtbot.keyClicks(editor.new_tender, "Afterpay")
    qtbot.keyClick(editor.new_tender, Qt.Key.Key_Return)
    assert "Afterpay" in editor.tenders()
    assert wizard.currentId() == Page.SETUP  # not Next: the shop setup isn't saved behind the owner's back


def test_a_cancelled_sign_in_reads_as_cancelled_with_connect_the_demo_and_back(qtbot, wizard):
    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    page = wizard.connect_page
    wizard.sign_in_failed(
        "Connecting didn't work",
        "You cancelled the sign-in to Xero.",
        "Click Connect when you are ready to try again.",
        SignInTrouble.CANCELLED,
    )
    assert page.heading.text() == "Connecting cancelled" and "didn't work" not in page.words.text()
    assert not page.problem.isVisible()
    assert page.retry_button.isVisible() and page.retry_button.text().replace("&", "") == "Connect"
    assert page.demo_button.isVisible() and not page.own_app_button.isVisible()
    assert shown(wizard, BACK)
    with qtbot.waitSignal(page.demo_requested, timeout=1000):
        click(qtbot, page.demo_button)


def test_a_refused_xero_app_leads_to_the_own_app_page_and_a_password_store_says_what_to_install(
    qtbot, wizard
):
    wizard.knows_xero_app(True, "http://localhost:8742/callback", built_in=True)
    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    page = wizard.connect_page
    wizard.sign_in_failed(
        "Connecting didn't work",
        "Xero does not recognise this app's client id.",
        "Check your Xero app's client id, then connect again.",
        SignInTrouble.XERO_APP,
    )
    assert page.own_app_button.isVisible() and page.own_app_button.hasFocus()
    assert page.retry_button.isVisible() and page.demo_button.isVisible() and shown(wizard, BACK)

    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    wizard.sign_in_failed(
        "Connecting didn't work",
        "xerohelper could not find a password store.",
        "Install one, then try again.",
        SignInTrouble.PASSWORD_STORE,
        "Install GNOME Keyring (sudo apt install gnome-keyring).",
    )
    assert "What to install: Install GNOME Keyring" in page.problem.text
    assert page.demo_button.isVisible() and page.retry_button.isVisible() and shown(wizard, BACK)


def test_the_own_app_page_checks_the_client_id_before_it_is_used_and_goes_back(qtbot, wizard):
    wizard.knows_xero_app(False, "http://localhost:8742/callback", built_in=False)
    wizard.show_own_app()
    page = wizard.own_app_page
    assert wizard.currentId() == Page.OWN_APP and shown(wizard, BACK)
    assert page.redirect.text() == "http://localhost:8742/callback"
    click(qtbot, page.copy_button)
    assert QApplication.clipboard().text() == "http://localhost:8742/callback"
    qtbot.keyClicks(page.client_id, "not-a-client-id")
    assert not page.use_button.isEnabled() and "0–9" in page.check_words.text()
    page.client_id.clear()
    qtbot.keyClicks(page.client_id, "A1B2C3D4E5F60718293A4B5C6D7E8F9")  # 31 characters
    assert not page.use_button.isEnabled() and "31 characters" in page.check_words.text()
    with qtbot.waitSignal(page.client_id_entered, timeout=1000) as entered:
        qtbot.keyClicks(page.client_id, "0")
        qtbot.keyClick(page.client_id, Qt.Key.Key_Return)
    assert entered.args == ["A1B2C3D4E5F60718293A4B5C6D7E8F90"]
    click(qtbot, wizard.button(BACK))
    assert wizard.currentId() == Page.WELCOME


def alt(qtbot, letter: str) -> None:
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)


def test_each_pages_alt_letters_press_the_button_they_name(qtbot, wizard):
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=2000)
    welcome = wizard.welcome_page
    wizard.knows_xero_app(True, "http://localhost:8742/callback", built_in=True)
    wizard.focus_page()
    for letter, signal in (
        ("c", welcome.connect_requested),
        ("t", welcome.demo_requested),
        ("a", welcome.own_app_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            alt(qtbot, letter)

    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    page = wizard.connect_page
    with qtbot.waitSignal(page.cancel_requested, timeout=1000):
        alt(qtbot, "n")  # Ca&ncel
    wizard.sign_in_failed("Xero doesn't know this app", "Not registered.", "", SignInTrouble.XERO_APP)
    for letter, signal in (
        ("c", page.retry_requested),
        ("t", page.demo_requested),
        ("a", page.own_app_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            alt(qtbot, letter)
    alt(qtbot, "b")  # < &Back (a button's letter clicks it a moment later, as it shows being pressed)
    qtbot.waitUntil(lambda: wizard.currentId() == Page.WELCOME, timeout=1000)

    wizard.connecting("Opening Xero's sign-in page in your web browser…")
    wizard.signed_in("Xero", [Choice("Harbour Street Hardware", "t1"), Choice("Corner Café", "t2")])
    alt(qtbot, "b")  # Back from choosing: to the welcome page, by the same letter
    qtbot.waitUntil(lambda: wizard.currentId() == Page.WELCOME, timeout=1000)
