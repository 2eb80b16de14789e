"""Links open in the browser; in the demo they open the sandbox's page of the same record; when no browser
opens, the link is shown to copy instead of nothing happening."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_demo_journey import WAIT, click, import_the_sample, open_demo_to_the_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.explain.cards import explanation_for
from xerohelper.sandbox.testing import http_request
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.open_link import WEB_BASE, LinkDialog


class Browser(QObject):
    """Stands in for the system browser: Qt hands it every link of the schemes it is set for."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def lock_date_card() -> ExplanationCard:
    card = ExplanationCard()
    card.set_explanation(
        explanation_for("day-is-locked", values={"lock_date": "30-Jun-2026"}, short_code="!Xk3Lp")
    )
    return card


def test_without_a_browser_the_link_is_shown_with_copy(qtbot, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no browser here
    card = lock_date_card()
    qtbot.addWidget(card)
    card.show()

    with qtbot.waitSignal(card.opened_in_xero, timeout=1000) as opened:
        qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)

    dialog = card.findChild(LinkDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.address.text() == opened.args[0] == card.explanation.screen.url
    QGuiApplication.clipboard().setText("something else")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == card.explanation.screen.url
    assert dialog.copied_label.text().startswith("Copied")
    dialog.close()


def test_a_card_in_a_window_with_a_web_base_opens_that_origin(qtbot):
    window = QWidget()
    window.setProperty(WEB_BASE, "http://127.0.0.1:8111")
    qtbot.addWidget(window)
    card = lock_date_card()
    card.setParent(window)
    window.show()
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.urls[0].startswith("http://127.0.0.1:8111/organisationlogin/default.aspx?shortcode=!Xk3Lp")
    assert "FinancialSettings.aspx" in browser.urls[0]


def test_in_the_demo_open_draft_lands_on_the_sandboxs_page_of_that_invoice(qtbot):
    window = open_demo_to_the_day(qtbot)
    screen = window.day_screen
    import_the_sample(qtbot, window)
    click(qtbot, screen.run_next_button)
    approve = screen.step_card(Step.APPROVE)
    qtbot.waitUntil(
        lambda: approve.draft_link is not None and approve.open_draft_button.isVisible(), timeout=WAIT
    )
    assert approve.state in (StepState.READY, StepState.NEEDS_ATTENTION)
    base = window.session.xero_web_base()
    assert base and base.startswith("http://127.0.0.1:")
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        approve.open_draft_button.setFocus()  # by keyboard: the card may be below the fold
        qtbot.keyClick(approve.open_draft_button, Qt.Key.Key_Space)
    finally:
        QDesktopServices.unsetUrlHandler("http")

    assert len(browser.urls) == 1 and browser.urls[0].startswith(base + "/")
    status, _, body = http_request("GET", browser.urls[0])
    today = window.session.today()
    number = window.session.day_snapshot(today, "", (today.year, today.month)).invoice.number
    assert status == 200
    assert f"Invoice {number}" in body.decode("utf-8") and "Draft" in body.decode("utf-8")
    window.close()
    QApplication.processEvents()
