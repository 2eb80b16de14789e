"""Words read well in a light and in a dark palette: on each main screen and dialog, every label and button
the owner can read has a contrast of at least 4.5:1 (WCAG 2, level AA) against what it is drawn on.

The words' colour is the one the app gives them: the widget's own palette, which a style sheet's `color:`
sets too, in the role the widget draws its words with (a hint's placeholder colour, a badge's tone). What
they are drawn on is measured: the colour most of the widget's pixels have in a picture of the window (a
card's base, a badge's tint, a button's face), so a background from a style sheet counts as well.
Disabled buttons are left out (WCAG leaves out what can't be used); so are Qt's own parts (qt_*).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget, QWizard

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.setup_flow import Page
from xerohelper.sandbox.testing import control
from xerohelper.ui import palette as palette_
from xerohelper.ui.about_dialog import AboutDialog
from xerohelper.ui.catch_up_dialog import CatchUpDialog
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.open_link import LinkDialog
from xerohelper.ui.reconnect_page import ReconnectPage
from xerohelper.ui.resend_dialog import ResendDialog
from xerohelper.ui.settings_dialog import SettingsDialog
from xerohelper.ui.setup_wizard import READY, SETUP
from xerohelper.ui.shop_setup import ShopSetupDialog
from xerohelper.ui.workers import jobs_running
from xerohelper.ui.z_report_dialog import ZReportDialog

SHOP = "Harbour Street Hardware"
WAIT = 15_000


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    palette_.use_palette(qapp, dark=request.param == "dark")
    yield request.param
    qapp.setPalette(QPalette())  # the desktop's again, for the tests that follow


def words_of(widget: QWidget) -> str:
    return widget.text().replace("&", "") if isinstance(widget, QLabel | QAbstractButton) else ""


def background(picture: QImage, widget: QWidget, top: QWidget) -> QColor:
    """The colour most of `widget`'s pixels have in `picture` (a grab of `top`), a button's edge left out.
    Close colours count as one (a button's face is a soft gradient), their average is the answer."""
    inset = 3 if isinstance(widget, QAbstractButton) else 0
    rect = widget.rect().adjusted(inset, inset, -inset, -inset)
    corner = widget.mapTo(top, rect.topLeft())
    ratio = picture.devicePixelRatio()
    seen: Counter = Counter()
    sums: dict = {}
    for y in range(corner.y(), corner.y() + rect.height(), 2):
        for x in range(corner.x(), corner.x() + rect.width(), 2):
            colour = QColor(picture.pixel(round(x * ratio), round(y * ratio)))
            bucket = (colour.red() // 12, colour.green() // 12, colour.blue() // 12)
            seen[bucket] += 1
            total = sums.setdefault(bucket, [0, 0, 0])
            total[0] += colour.red()
            total[1] += colour.green()
            total[2] += colour.blue()
    bucket, count = seen.most_common(1)[0]
    return QColor(*(round(channel / count) for channel in sums[bucket]))


def ink(widget: QWidget) -> QColor:
    """The colour the app has the widget draw its words in."""
    role = widget.foregroundRole()
    if isinstance(widget, QAbstractButton) and role == QPalette.ColorRole.WindowText:
        role = QPalette.ColorRole.ButtonText  # what a push button's words are drawn in
    return widget.palette().color(QPalette.ColorGroup.Active, role)


def hard_to_read(top: QWidget) -> list[str]:
    """Every label and button shown in `top` whose words read at less than 4.5:1, described."""
    QApplication.processEvents()
    picture = top.grab().toImage()
    found = []
    for widget in top.findChildren(QLabel) + top.findChildren(QAbstractButton):
        words = words_of(widget).strip()
        if not words or not widget.isVisible() or widget.rect().isEmpty():
            continue
        if not widget.isEnabled() or widget.objectName().startswith("qt_"):
            continue
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of sight
        colour, under = ink(widget), background(picture, widget, top)
        ratio = palette_.contrast_ratio(colour, under)
        if ratio < palette_.READABLE:
            found.append(
                f"{type(widget).__name__} {widget.objectName() or '-'} “{words[:40]}”: "
                f"{colour.name(QColor.NameFormat.HexArgb)} on {under.name()} reads at {ratio:.2f}:1"
            )
    return found


def settle(qtbot, condition=lambda: True) -> None:
    qtbot.waitUntil(condition, timeout=WAIT)
    qtbot.wait(30)


def look_at(qtbot, found: dict, name: str, top: QWidget) -> None:
    """Show `top` (a dialog is shown first) and note what in it is hard to read."""
    if not top.isVisible():
        top.show()
        qtbot.waitExposed(top)
    settle(qtbot)
    for problem in hard_to_read(top):
        found.setdefault(name, []).append(problem)


def test_the_wizard_reads_well(qtbot, palette):
    found: dict = {}
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(1024, 600)
    first.show()
    settle(qtbot, lambda: first.first_look is not None)
    look_at(qtbot, found, "welcome", first)
    first.wizard.welcome_page.connect_button.click()  # no Xero app built in here: the own-app page
    settle(qtbot, lambda: first.wizard.currentId() == Page.OWN_APP)
    look_at(qtbot, found, "use your own Xero app", first)
    first.close()

    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    wizard = window.wizard
    settle(qtbot, lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete())
    look_at(qtbot, found, "shop setup page", window)
    wizard.button(QWizard.WizardButton.NextButton).click()
    settle(qtbot, lambda: wizard.currentId() == READY)
    look_at(qtbot, found, "ready page", window)
    window.close()
    QThreadPool.globalInstance().waitForDone(WAIT)
    assert not found, found


def reconnect_page() -> ReconnectPage:
    page = ReconnectPage()
    page.show_reason("Xero has ended xerohelper's sign-in.", "Click Reconnect and sign in to Xero again.")
    page.resize(1024, 600)
    return page


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def test_the_day_screen_and_its_dialogs_read_well(qtbot, palette, session):
    found: dict = {}
    screen = DayScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1024, 600)
    screen.show()
    qtbot.waitExposed(screen)
    settle(qtbot, lambda: screen.snapshot is not None)
    look_at(qtbot, found, "day, nothing imported", screen)

    screen.pos_card.import_file(session.demo_day_file(session.today()))
    settle(qtbot, lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.READY)
    look_at(qtbot, found, "day, ready", screen)

    base = session.sandbox.base_url
    control(base, "contacts/archive", {"tenant": SHOP, "contact": "POS Sales"})
    session.day_service().forget_setup()
    screen.run_next_button.click()
    settle(qtbot, lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.NEEDS_ATTENTION)
    look_at(qtbot, found, "day, needs attention", screen)
    control(base, "contacts/restore", {"tenant": SHOP, "contact": "POS Sales"})
    session.day_service().forget_setup()
    for step in (Step.SALES_SUMMARY, Step.APPROVE):
        settle(qtbot, lambda: screen.run_next_button.isEnabled() and not screen.busy)
        screen.run_next_button.click()
        settle(qtbot, lambda step=step: screen.step_card(step).state is StepState.DONE and not screen.busy)
    control(base, "accounts/disable-payments", {"tenant": SHOP, "code": "616"})
    screen.run_next_button.click()
    settle(qtbot, lambda: screen.step_card(Step.PAYMENTS).state is StepState.NEEDS_ATTENTION)
    look_at(qtbot, found, "day, a payment refused", screen)
    control(base, "accounts/enable-payments", {"tenant": SHOP, "code": "616"})
    session.day_service().forget_setup()
    settle(qtbot, lambda: screen.run_next_button.isEnabled() and not screen.busy)
    screen.run_next_button.click()
    settle(qtbot, lambda: screen.step_card(Step.PAYMENTS).state is StepState.DONE and not screen.busy)
    look_at(qtbot, found, "day, done", screen)

    today = session.today()
    dialogs = {
        "re-send": lambda: ResendDialog(session.day_service().resend_preview(today), screen),
        "link": lambda: LinkDialog("https://go.xero.com/AccountsReceivable/View.aspx", screen),
        "about": lambda: AboutDialog(session, screen),
        "settings": lambda: SettingsDialog(session, screen),
        "reconnect": reconnect_page,
    }
    for name, make in dialogs.items():
        dialog = make()
        look_at(qtbot, found, name, dialog)
        dialog.close()
    shop = ShopSetupDialog(session, screen)
    shop.show()
    settle(qtbot, lambda: getattr(shop, "editor", None) is not None)
    look_at(qtbot, found, "shop setup", shop)
    shop.close()

    z = ZReportDialog(today, ("Paint",), ("Cash", "EFTPOS"), today=today, parent=screen)
    z.show()
    z.sales_rows[0].gross.setText("110.00")
    z.sales_rows[0].tax.setText("10")
    z.tender_rows[0].amount.setText("12.345")  # not an amount: the problem box and a marked field
    z.save_button.click()
    look_at(qtbot, found, "Z report, a problem", z)
    z.tender_rows[0].amount.setText("100.00")  # $10 short: the day waits for the owner's decision
    z.save_button.click()
    assert z.day is not None
    screen.keep_day(z.day)  # what Save does on the day screen: the day sent already, its figures now differ
    settle(qtbot, lambda: not screen.busy and screen.pos_card.accept_difference_button.isVisible())
    look_at(qtbot, found, "day, the till short and the figures changed", screen)

    missed = [today - timedelta(days=6), today - timedelta(days=5)]
    for day in missed:
        import_demo_day(session, day)
    rows = [row for row in session.catch_up_list() if row.trading_date in missed]
    catch_up = CatchUpDialog(session, rows, screen)
    look_at(qtbot, found, "catch-up", catch_up)
    catch_up.close()
    settle(qtbot, lambda: jobs_running() == 0)
    assert not found, found


def test_windows_open_when_the_desktop_turns_dark_are_drawn_dark_and_read_well(qtbot, session, qapp):
    palette_.use_palette(qapp, dark=False)
    try:
        screen = DayScreen(session)
        qtbot.addWidget(screen)
        screen.resize(1024, 600)
        screen.show()
        qtbot.waitExposed(screen)
        settle(qtbot, lambda: screen.snapshot is not None)
        card = screen.step_card(Step.SALES_SUMMARY)
        assert background(screen.grab().toImage(), card.title_label, screen).lightness() > 200
        card_edge = screen.pos_card.styleSheet()  # the till's card: its border worked out from the palette

        palette_.use_palette(qapp, dark=True)  # what the desktop's switch to dark does (colorSchemeChanged)
        settle(qtbot)
        picture = screen.grab().toImage()
        assert background(picture, card.title_label, screen).lightness() < 80  # the card, dark too
        assert background(picture, card.badge.findChild(QLabel, "badge_words"), screen).lightness() < 100
        assert screen.pos_card.styleSheet() != card_edge
        assert not hard_to_read(screen)
        settle(qtbot, lambda: jobs_running() == 0)
    finally:
        qapp.setPalette(QPalette())
