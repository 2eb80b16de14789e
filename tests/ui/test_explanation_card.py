"""The explanation card shows what happened, why, numbered steps, the Xero screen, and Xero's own words."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from xerohelper.core.explain.cards import explain_messages, explanation_for
from xerohelper.ui.explanation_card import ExplanationCard, plain

XERO_WORDS = "Payments can only be made against Authorised documents"


def refused_payment():
    return explain_messages(
        [XERO_WORDS],
        kind="payment",
        label="Visa",
        context={"tender": "Visa", "amount": "12.40"},
        short_code="!Xk3Lp",
    )[0]


class UrlRecorder(QObject):
    """Stands in for the system browser: Qt hands it every https link QDesktopServices.openUrl opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def shown_card(qtbot, explanation) -> ExplanationCard:
    card = ExplanationCard()
    qtbot.addWidget(card)
    card.resize(700, 500)
    card.set_explanation(explanation)
    card.show()
    qtbot.waitExposed(card)
    return card


def test_card_shows_the_explanation_in_the_owners_words(qtbot):
    explanation = refused_payment()
    card = shown_card(qtbot, explanation)

    assert card.isVisible()
    assert card.title_label.text() == explanation.title
    assert card.what_label.text() == explanation.what_happened
    assert card.why_label.text() == explanation.why
    assert [label.text() for label in card.step_labels] == list(explanation.steps)
    assert len(card.step_labels) >= 3
    assert card.open_button.isVisible() and "Draft invoices" in card.screen_label.text()
    assert not card.predicted_label.isVisible()
    assert plain(card.try_again_button.text()) == "I've fixed it — try again"


def test_details_toggle_shows_xeros_own_words(qtbot):
    card = shown_card(qtbot, refused_payment())
    assert not card.details_text.isVisible()

    qtbot.mouseClick(card.details_button, Qt.MouseButton.LeftButton)
    assert card.details_text.isVisible()
    assert f"“{XERO_WORDS}”" in card.details_text.text()

    qtbot.mouseClick(card.details_button, Qt.MouseButton.LeftButton)
    assert not card.details_text.isVisible()


def test_copy_for_support_puts_the_support_text_on_the_clipboard(qtbot):
    explanation = refused_payment()
    card = shown_card(qtbot, explanation)
    QGuiApplication.clipboard().setText("something else")

    with qtbot.waitSignal(card.copied, timeout=1000):
        qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert copied == explanation.support_text()
    assert XERO_WORDS in copied and "Bearer" not in copied
    assert card.copied_label.text().startswith("Copied")


def test_open_in_xero_opens_the_exact_screen_in_the_browser(qtbot):
    explanation = refused_payment()
    card = shown_card(qtbot, explanation)
    browser = UrlRecorder()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        with qtbot.waitSignal(card.opened_in_xero, timeout=1000) as opened:
            qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.args == [explanation.screen.url]
    assert browser.urls == [QUrl(explanation.screen.url).toString()]
    assert "shortcode=!Xk3Lp" in browser.urls[0]


def test_try_again_is_announced(qtbot):
    card = shown_card(qtbot, refused_payment())
    with qtbot.waitSignal(card.try_again, timeout=1000):
        qtbot.mouseClick(card.try_again_button, Qt.MouseButton.LeftButton)
    card.set_busy(True)
    assert not card.try_again_button.isEnabled() and not card.open_button.isEnabled()


def test_a_predicted_problem_says_nothing_was_sent_and_shows_the_hint(qtbot):
    explanation = explanation_for(
        "contact-archived", values={"contact_name": "POS Sales"}, short_code="!Xk3Lp"
    )
    card = shown_card(qtbot, explanation)
    assert card.predicted_label.isVisible()
    assert explanation.screen.hint
    assert card.hint_label.isVisible() and explanation.screen.hint in card.hint_label.text()
    card.details_button.setChecked(True)
    assert "nothing was sent" in card.details_text.text()


def test_no_explanation_hides_the_card(qtbot):
    card = shown_card(qtbot, refused_payment())
    card.set_explanation(None)
    assert not card.isVisible() and card.explanation is None


def test_no_http_status_in_the_owners_words_only_in_the_support_text(qtbot):
    explanation = refused_payment()  # Xero answered 200 with the payment marked as an error
    assert explanation.status == 200
    card = shown_card(qtbot, explanation)
    card.details_button.setChecked(True)

    shown = " ".join(
        label.text()
        for label in (card.title_label, card.what_label, card.why_label, card.details_text, *card.step_labels)
    )
    assert "200" not in shown and "code" not in shown.lower()
    assert "HTTP status: 200" in explanation.support_text()
