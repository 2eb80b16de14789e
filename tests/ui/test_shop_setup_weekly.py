"""Shop setup's choice of one invoice a day or one a week, with the plan's cap said when it has one (the demo
shop's set-up read from the sandbox through the real SDK; the radio clicked like the owner would)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from tests.ui.demo_session import demo_session
from tests.ui.test_shop_setup import shown
from xerohelper.ui.shop_setup import ShopSetupEditor

TODAY = date(2026, 11, 21)


def test_one_invoice_a_week_is_chosen_and_a_capped_plan_is_said(qtbot):
    with demo_session() as session:
        setup, contact = session.day_service().organisation_setup()
        plain = shown(ShopSetupEditor(setup, session.mapping(), [], [], contact, today=TODAY), qtbot)
        assert plain.findChild(QRadioButton, "day_radio").isChecked()
        assert plain.findChild(QLabel, "plan_cap_hint") is None  # Harbour Street's plan has no cap
        assert plain.mapping().weekly is False

        starter = replace(setup, plan_class="STARTER")
        editor = shown(ShopSetupEditor(starter, session.mapping(), [], [], contact, today=TODAY), qtbot)
        hint = editor.findChild(QLabel, "plan_cap_hint")
        assert hint.isVisible() and "approves 20 sales invoices a month" in hint.text()
        week = editor.findChild(QRadioButton, "week_radio")
        with qtbot.waitSignal(editor.changed, timeout=2000):
            qtbot.mouseClick(week, Qt.MouseButton.LeftButton)
        assert week.isChecked() and editor.mapping().weekly is True
