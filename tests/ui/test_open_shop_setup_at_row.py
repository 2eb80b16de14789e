"""A card about the Shop setup (a category without an account, a tax rate Xero doesn't take, a tender with
nowhere to go) has "Open Shop setup", and Shop setup opens at that row with the cursor on its choice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.demo_session import demo_session
from tests.ui.test_demo_journey import WAIT, click, import_the_sample, open_demo_to_the_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.core.explain import SetupRow
from xerohelper.core.explain.cards import explain_messages
from xerohelper.core.mapping import Mapping
from xerohelper.core.preflight import setup_problems
from xerohelper.core.sales_invoice import plan_payments, plan_sales_invoice
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.shop_setup import ShopSetupDialog

DAY = date(2026, 11, 21)
MAPPING = (
    Mapping(customer_contact="POS Sales").with_sales("Paint", "200", "OUTPUT").with_tender("Cash", "091")
)


def a_day(*sales: tuple[str, str, str], tenders=(("Cash", "110.00"),)) -> Day:
    return Day(
        DAY,
        "generic",
        sales=tuple(SalesLine(c, Decimal(n), Decimal(t)) for c, n, t in sales),
        tenders=tuple(Tender(name, Decimal(amount)) for name, amount in tenders),
    )


def test_plan_problems_name_their_row():
    unmapped = plan_sales_invoice(a_day(("Garden", "100.00", "10.00")), MAPPING, {"OUTPUT": Decimal("10")})
    assert setup_problems(unmapped).setup_row == SetupRow(SetupRow.SALES, "Garden")

    wrong_tax = plan_sales_invoice(a_day(("Paint", "100.00", "10.00")), MAPPING, {"INPUT": Decimal("10")})
    assert setup_problems(wrong_tax).setup_row == SetupRow(SetupRow.SALES, "Paint")

    no_account = plan_payments(a_day(("Paint", "100.00", "10.00"), tenders=(("Amex", "110.00"),)), MAPPING)
    assert setup_problems(no_account).setup_row == SetupRow(SetupRow.TENDERS, "Amex")


def test_a_card_about_a_row_has_open_shop_setup_and_xeros_refusals_do_not(qtbot):
    problems = plan_sales_invoice(a_day(("Garden", "100.00", "10.00")), MAPPING, {"OUTPUT": Decimal("10")})
    card = ExplanationCard()
    qtbot.addWidget(card)
    card.set_explanation(setup_problems(problems))
    card.show()
    assert card.setup_button.isVisible()

    with qtbot.waitSignal(card.open_shop_setup, timeout=1000) as asked:
        qtbot.mouseClick(card.setup_button, Qt.MouseButton.LeftButton)
    assert asked.args == [SetupRow(SetupRow.SALES, "Garden")]

    card.set_explanation(
        explain_messages(["Payments can only be made against Authorised documents"], kind="payment")[0]
    )
    assert not card.setup_button.isVisible()


def test_shop_setup_opens_at_the_row_with_the_cursor_on_its_account(qtbot):
    with demo_session() as session:
        dialog = ShopSetupDialog(session)
        qtbot.addWidget(dialog)
        dialog.resize(900, 420)  # small: the row is below the fold until it is brought into view
        dialog.show()
        dialog.show_row(SetupRow(SetupRow.TENDERS, "Gift card"))  # before the accounts are read
        qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible(), timeout=10000)

        combo = dialog.editor.findChild(type(dialog.editor.rounding_combo), "tender_account_gift_card")
        assert combo is not None  # a tender the till hasn't shown yet gets its row
        qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=3000)
        assert combo.visibleRegion().isEmpty() is False

        dialog.show_row(SetupRow(SetupRow.ROUNDING))  # the dialog already open: at once
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.editor.rounding_combo, timeout=3000)
        dialog.reject()


def test_in_the_day_a_tender_without_an_account_opens_shop_setup_at_that_tender(qtbot):
    window = open_demo_to_the_day(qtbot)
    session = window.session
    mapping = session.mapping()
    session.save_mapping(replace(mapping, tenders={k: v for k, v in mapping.tenders.items() if k != "Amex"}))
    screen = window.day_screen
    import_the_sample(qtbot, window)
    for step in (Step.SALES_SUMMARY, Step.APPROVE):
        click(qtbot, screen.run_next_button)
        qtbot.waitUntil(lambda step=step: screen.step_card(step).state is StepState.DONE, timeout=WAIT)
    click(qtbot, screen.run_next_button)
    payments = screen.step_card(Step.PAYMENTS)
    qtbot.waitUntil(lambda: payments.state is StepState.NEEDS_ATTENTION, timeout=WAIT)
    card = payments.explanation_card
    assert card.explanation.setup_row == SetupRow(SetupRow.TENDERS, "Amex") and card.setup_button.isVisible()

    qtbot.waitUntil(lambda: not screen.busy and card.setup_button.isEnabled(), timeout=WAIT)
    card.setup_button.setFocus()  # by keyboard: the card may be below the fold of the day's scroll area
    qtbot.keyClick(card.setup_button, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: window.findChild(ShopSetupDialog) is not None, timeout=WAIT)
    dialog = window.findChild(ShopSetupDialog)
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible(), timeout=WAIT)
    amex = dialog.editor.findChild(type(dialog.editor.rounding_combo), "tender_account_amex")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is amex, timeout=WAIT)
    dialog.reject()
    window.close()
