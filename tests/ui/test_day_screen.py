"""The day screen, clicked like a shop owner would, against the built-in Xero sandbox (demo shop).

Set XEROHELPER_SCREENSHOTS=<folder> to also save the screen at each stage as day-<stage>.png (1280×720).
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from xerohelper.core.checklist import Step, StepState
from xerohelper.core.connection import ReconnectNeeded, ReconnectReason
from xerohelper.core.day_status import DayStatus
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.explanation_card import plain
from xerohelper.ui.resend_dialog import ResendDialog
from xerohelper.ui.step_card import SkipDialog
from xerohelper.ui.workers import jobs_running
from xerohelper.ui.z_report_dialog import ZReportDialog

SHOP = "Harbour Street Hardware"
WAIT = 10_000  # ms; a step against the sandbox takes a few hundredths of a second


def shot(screen: QWidget, name: str) -> None:
    folder = os.environ.get("XEROHELPER_SCREENSHOTS")
    if folder:
        QApplication.processEvents()
        screen.grab().save(str(Path(folder) / f"day-{name}.png"))


@pytest.fixture
def session():
    session = AppSession(demo=True)
    session.open()
    session.connect()
    yield session
    QThreadPool.globalInstance().waitForDone(10_000)  # no worker thread may still hold the journal
    session.close()


@pytest.fixture
def screen(qtbot, session):
    screen = DayScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=WAIT)
    yield screen
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)  # nothing left talking to the sandbox


def import_the_demo_day(qtbot, screen: DayScreen, session: AppSession) -> None:
    screen.pos_card.import_file(session.demo_day_file(session.today()))
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.day is not None, timeout=WAIT)


def click(qtbot, button: QAbstractButton) -> None:
    """Click a button once it can be clicked: shown, enabled and laid out (a button that has just
    appeared gets its size at the next turn of the event loop; a click before that lands nowhere)."""
    qtbot.waitUntil(lambda: button.isVisible() and not button.rect().isEmpty(), timeout=WAIT)
    QApplication.sendPostedEvents()
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_run_next(qtbot, screen: DayScreen) -> None:
    click(qtbot, screen.run_next_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)


def state(screen: DayScreen, step: Step) -> StepState:
    return screen.step_card(step).state


def test_a_day_not_imported_yet_says_what_to_do(screen, session):
    shot(screen, "not-imported")
    assert screen.findChild(QAbstractButton, "run_next_button") is screen.run_next_button
    assert not screen.run_next_button.isEnabled()
    assert screen.pos_card.empty_label.isVisible()
    assert [card.badge.text() for card in screen.step_cards] == ["Not started"] * 3
    assert "Import the day's sales" in screen.step_cards[0].reason_label.text()
    organisation = screen.findChild(type(screen.pos_card.heading), "organisation_name")
    assert organisation.text() == SHOP
    assert (
        screen.findChild(type(screen.step_cards[0].badge), "connection_badge").text() == "Connected to Xero"
    )


def test_the_demo_day_goes_to_xero_one_click_at_a_time(qtbot, screen, session):
    busy = []
    screen.busy_changed.connect(busy.append)
    import_the_demo_day(qtbot, screen, session)
    shot(screen, "ready-to-send")

    assert "Sales and payments match" in screen.pos_card.balance_label.text()
    assert "$2,240.40" in screen.pos_card.balance_label.text()
    assert screen.pos_card.source_label.text().startswith("Imported from harbour-street-")
    assert plain(screen.run_next_button.text()) == "Send the sales summary"
    assert state(screen, Step.SALES_SUMMARY) is StepState.READY

    click_run_next(qtbot, screen)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE
    assert plain(screen.run_next_button.text()) == "Approve the invoice in Xero"
    approve = screen.step_card(Step.APPROVE)
    assert approve.open_draft_button.isVisible() and approve.check_again_button.isVisible()
    assert "/AccountsReceivable/View.aspx" in approve.draft_link.url
    assert screen.calendar.status_of(session.today()) is DayStatus.SENT_AS_DRAFT
    shot(screen, "draft-waiting")

    click_run_next(qtbot, screen)
    assert state(screen, Step.APPROVE) is StepState.DONE
    assert plain(screen.run_next_button.text()) == "Record the payments"

    click_run_next(qtbot, screen)
    shot(screen, "done")
    assert [card.badge.text() for card in screen.step_cards] == ["Done"] * 3
    assert "paid in full" in screen.step_card(Step.PAYMENTS).reason_label.text()
    assert not screen.run_next_button.isEnabled()
    assert screen.calendar.status_of(session.today()) is DayStatus.PAID
    assert busy[:2] == [True, False] and busy[-1] is False


def test_an_archived_contact_is_explained_and_the_day_goes_on_once_fixed(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    control(session.sandbox.base_url, "contacts/archive", {"tenant": SHOP, "contact": "POS Sales"})

    click_run_next(qtbot, screen)
    card = screen.explanation_cards[Step.SALES_SUMMARY]
    shot(screen, "explanation")
    assert state(screen, Step.SALES_SUMMARY) is StepState.NEEDS_ATTENTION
    assert card.isVisible()
    assert "archived" in card.title_label.text().lower()
    assert "/Contacts/" in card.explanation.screen.url
    assert card.open_button.isVisible()
    assert screen.calendar.status_of(session.today()) is DayStatus.NEEDS_ATTENTION
    assert not any(c.isVisible() for s, c in screen.explanation_cards.items() if s is not Step.SALES_SUMMARY)
    if card.explanation.xero_messages:  # Xero refused it (the set-up read at start still saw it active)
        card.details_button.click()
        assert card.explanation.xero_messages[0] in card.details_text.text()

    control(session.sandbox.base_url, "contacts/restore", {"tenant": SHOP, "contact": "POS Sales"})
    click(qtbot, card.try_again_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE, card.explanation.as_text()
    assert not card.isVisible()
    assert plain(screen.run_next_button.text()) == "Approve the invoice in Xero"


def test_work_runs_off_the_gui_thread(qtbot, screen, session, monkeypatch):
    days = session.day_service()
    threads = {}
    for name in ("save_day", "run_next_step"):
        original = getattr(days, name)

        def recording(*args, _original=original, _name=name, **kwargs):
            threads[_name] = threading.current_thread()
            return _original(*args, **kwargs)

        monkeypatch.setattr(days, name, recording)

    import_the_demo_day(qtbot, screen, session)
    click_run_next(qtbot, screen)
    assert set(threads) == {"save_day", "run_next_step"}
    assert all(thread is not threading.main_thread() for thread in threads.values())
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE


def test_while_a_step_runs_it_says_so_and_the_buttons_wait(qtbot, screen, session, monkeypatch):
    import_the_demo_day(qtbot, screen, session)
    days = session.day_service()
    original = days.run_next_step
    release = threading.Event()

    def slow(*args, progress=None, **kwargs):
        progress("Talking to Xero…")  # the screen's own listener, passed with this call
        release.wait(10)
        return original(*args, progress=progress, **kwargs)

    monkeypatch.setattr(days, "run_next_step", slow)
    click(qtbot, screen.run_next_button)
    card = screen.step_card(Step.SALES_SUMMARY)
    try:
        qtbot.waitUntil(lambda: card.reason_label.text() == "Talking to Xero…", timeout=WAIT)
        assert card.badge.text() == "Working on it"
        assert not screen.run_next_button.isEnabled()
        assert not screen.pos_card.import_button.isEnabled()
        assert not card.skip_button.isEnabled()
        qtbot.waitUntil(lambda: screen.busy_indicator_shown, timeout=WAIT)  # after half a second
    finally:
        release.set()
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert not screen.busy_indicator_shown
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE


def test_a_burst_of_progress_reports_is_shown_once_with_the_latest_words(qtbot, screen, session, monkeypatch):
    import_the_demo_day(qtbot, screen, session)
    days = session.day_service()
    original = days.run_next_step
    sent, release = threading.Event(), threading.Event()

    def chatty(*args, progress=None, **kwargs):
        for number in range(1, 21):
            progress(f"Talking to Xero ({number} of 20)…")
        sent.set()
        release.wait(10)
        return original(*args, progress=progress, **kwargs)

    monkeypatch.setattr(days, "run_next_step", chatty)
    card = screen.step_card(Step.SALES_SUMMARY)
    shown = []
    running = card.show_running
    monkeypatch.setattr(card, "show_running", lambda words="": (shown.append(words), running(words)))
    click(qtbot, screen.run_next_button)
    try:
        assert sent.wait(10)  # the GUI thread waits here: all twenty reports are queued before it goes on
        qtbot.waitUntil(lambda: card.reason_label.text() == "Talking to Xero (20 of 20)…", timeout=WAIT)
        assert [words for words in shown if words.startswith("Talking")] == ["Talking to Xero (20 of 20)…"]
    finally:
        release.set()
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE


class _Resizes(QObject):
    """The heights a widget is given from now on."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.heights: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.heights.append(event.size().height())
        return False


def test_a_step_card_that_grows_leaves_the_till_card_above_it_alone(qtbot, screen, session):
    """The draft's buttons appear under the approve step: the page grows for them at once; the till's
    card above is not squeezed to make room first, then laid out again when the page has grown
    (ui/size_fence.py)."""
    import_the_demo_day(qtbot, screen, session)
    approve = screen.step_card(Step.APPROVE)
    before = approve.height()
    till = screen.pos_card
    for _ in range(3):  # the rows just added are shown at the next turn of the event loop, then laid out
        QApplication.processEvents()
        QApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: till.height() == till.heightForWidth(till.width()), timeout=WAIT)
    height = till.height()
    resized = _Resizes(till)
    click_run_next(qtbot, screen)
    qtbot.waitUntil(lambda: approve.open_draft_button.isVisible() and approve.height() > before, timeout=WAIT)
    QApplication.sendPostedEvents()
    assert set(resized.heights) <= {height}  # (a scroll bar may come: narrower, never shorter)
    assert approve.parentWidget().height() == approve.height()


def test_a_sign_in_ended_by_xero_asks_for_reconnect_and_keeps_the_day(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    control(session.sandbox.base_url, "tokens/revoke", {})
    control(session.sandbox.base_url, "tokens/expire", {})

    with qtbot.waitSignal(screen.reconnect_needed, timeout=WAIT) as asked:
        click(qtbot, screen.run_next_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert isinstance(asked.args[0], ReconnectNeeded)
    assert asked.args[0].reason in (ReconnectReason.SIGN_IN_ENDED, ReconnectReason.ACCESS_REFUSED)
    assert screen.findChild(type(screen.step_cards[0].badge), "connection_badge").text() == "Reconnect needed"
    assert screen.pos_card.day is not None  # the day's figures are still there
    assert state(screen, Step.SALES_SUMMARY) is StepState.READY
    assert not screen.explanation_cards[Step.SALES_SUMMARY].isVisible()


def test_an_unexpected_failure_is_explained_under_its_step(qtbot, screen, session, monkeypatch):
    import_the_demo_day(qtbot, screen, session)

    def broken(*args, **kwargs):
        raise OSError("the network cable is out")

    monkeypatch.setattr(session.day_service(), "run_next_step", broken)
    click_run_next(qtbot, screen)
    card = screen.explanation_cards[Step.SALES_SUMMARY]
    assert card.isVisible() and card.title_label.text()
    assert screen.step_card(Step.SALES_SUMMARY).badge.text() == "Needs attention"
    assert screen.run_next_button.isEnabled()  # nothing is stuck


def test_typed_z_report_totals_show_the_difference_in_words(qtbot, screen, session):
    click(qtbot, screen.pos_card.z_report_button)
    qtbot.waitUntil(lambda: screen.z_report_dialog is not None and screen.z_report_dialog.isVisible())
    dialog: ZReportDialog = screen.z_report_dialog
    assert [row.category.currentText() for row in dialog.sales_rows][:2] == ["Hardware & tools", "Paint"]
    qtbot.keyClicks(dialog.sales_rows[0].gross, "1,100.00")
    qtbot.keyClicks(dialog.sales_rows[0].tax, "100")
    cash = next(row for row in dialog.tender_rows if row.name.currentText() == "Cash")
    qtbot.keyClicks(cash.amount, "1087.60")
    assert "differ by $12.40" in dialog.balance_label.text()
    shot(dialog, "z-report")
    click(qtbot, dialog.save_button)

    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.day is not None, timeout=WAIT)
    balance = screen.pos_card.balance_label.text()
    assert "The money taken ($1,087.60) is $12.40 less than the till's sales ($1,100.00)" in balance
    assert "the till is short" in balance and "Nothing is sent until you decide" in balance
    assert screen.pos_card.source_label.text() == "Typed in from the Z report."
    assert "$12.40" in screen.findChild(type(screen.pos_card.heading), "next_step_words").text()
    assert not screen.run_next_button.isEnabled()  # nothing goes to Xero until the owner decides
    assert state(screen, Step.SALES_SUMMARY) is StepState.NOT_STARTED
    shot(screen, "till-short")

    click(qtbot, screen.pos_card.accept_difference_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)
    assert not screen.pos_card.accept_difference_button.isVisible()
    booked = screen.pos_card.balance_label.text()
    assert "You chose to book the $12.40 on the till difference account" in booked
    assert plain(screen.run_next_button.text()) == "Send the sales summary"
    assert screen.sends_to_label.text() == f"Sends to: {SHOP}"
    click_run_next(qtbot, screen)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE


def test_a_file_that_cant_be_used_says_why_and_nothing_is_kept(qtbot, screen, session, tmp_path):
    bad = tmp_path / "till.csv"
    bad.write_text("this is not,a till export\n1,2\n", encoding="utf-8")
    screen.pos_card.import_file(bad)
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.problem_box.isVisible(), timeout=WAIT)
    assert "till.csv" in screen.pos_card.problem_label.text()
    assert screen.pos_card.day is None
    assert not screen.run_next_button.isEnabled()


def test_skipping_the_day_asks_why_and_can_be_undone(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    first = screen.step_card(Step.SALES_SUMMARY)
    click(qtbot, first.skip_button)
    dialog = screen.findChild(SkipDialog)
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert not dialog.ok_button.isEnabled()  # a reason first
    qtbot.keyClicks(dialog.reason.lineEdit(), "The shop was closed")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(
        lambda: not screen.busy and state(screen, Step.PAYMENTS) is StepState.SKIPPED, timeout=WAIT
    )

    assert [card.badge.text() for card in screen.step_cards] == ["Skipped"] * 3
    assert first.reason_label.text() == "Skipped: The shop was closed"
    assert screen.calendar.status_of(session.today()) is DayStatus.SKIPPED
    assert not screen.run_next_button.isEnabled()

    click(qtbot, first.unskip_button)
    qtbot.waitUntil(
        lambda: not screen.busy and state(screen, Step.SALES_SUMMARY) is StepState.READY, timeout=WAIT
    )
    assert state(screen, Step.PAYMENTS) is StepState.NOT_STARTED


def test_every_control_has_a_name_and_the_keyboard_runs_the_next_step(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    for button in screen.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.objectName(), button.text()
            assert button.accessibleName(), button.objectName()
    screen.run_next_button.setFocus()
    qtbot.keyClick(screen.run_next_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not screen.busy and state(screen, Step.SALES_SUMMARY) is StepState.DONE, timeout=WAIT
    )
    # the focus stays on the next step's button: Enter again runs it
    assert QApplication.focusWidget() is screen.run_next_button
    assert "Ctrl+Enter" in screen.run_next_button.toolTip()
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not screen.busy and state(screen, Step.APPROVE) is StepState.DONE, timeout=WAIT)


def test_the_ctrl_enter_hint_shows_only_while_the_button_can_run(qtbot, screen, session):
    keys = screen.findChild(QLabel, "run_next_keys")
    assert keys.text() == "Ctrl+Enter"
    assert not screen.run_next_button.isEnabled()  # nothing imported yet: nothing to run
    assert not keys.isVisible()
    import_the_demo_day(qtbot, screen, session)
    assert screen.run_next_button.isEnabled()
    assert keys.isVisible()
    shown_while_running = []
    screen.busy_changed.connect(lambda busy: busy and shown_while_running.append(keys.isVisible()))
    click_run_next(qtbot, screen)
    assert shown_while_running == [False]  # the button is greyed while the step runs, and so is the hint
    assert screen.run_next_button.isEnabled() and keys.isVisible()


def test_choosing_another_day_in_the_calendar_shows_it(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    yesterday = session.today().replace(day=session.today().day - 1)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT):
        screen.calendar.calendar.setSelectedDate(screen.calendar.calendar.selectedDate().addDays(-1))
    assert screen.trading_date == yesterday
    assert screen.pos_card.day is None
    assert screen.calendar.status_of(session.today()) is DayStatus.IMPORTED


def test_figures_changed_after_sending_can_be_sent_again(qtbot, screen, session):
    import_the_demo_day(qtbot, screen, session)
    for _ in range(3):
        click_run_next(qtbot, screen)
    assert screen.snapshot.checklist.is_finished
    assert not screen.pos_card.changed_row.isVisible()

    day = screen.pos_card.day
    corrected = replace(
        day, tenders=(*day.tenders[:-1], replace(day.tenders[-1], amount=day.tenders[-1].amount + 10))
    )
    screen.keep_day(corrected)
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.changed_row.isVisible(), timeout=WAIT)
    assert "$10.00 more than the till's sales" in screen.pos_card.balance_label.text()
    click(qtbot, screen.pos_card.accept_difference_button)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT)

    click(qtbot, screen.pos_card.resend_button)
    qtbot.waitUntil(lambda: screen.findChild(ResendDialog) is not None, timeout=WAIT)
    dialog = screen.findChild(ResendDialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.cancel_button  # Enter or Esc would leave Xero alone
    assert "Void invoice POS-" in dialog.changes.text() or "Delete invoice POS-" in dialog.changes.text()
    assert plain(dialog.resend_button.text()) == "Send the corrected day"
    click(qtbot, dialog.resend_button)
    qtbot.waitUntil(lambda: not screen.busy and screen.snapshot.posting == 2, timeout=WAIT)
    assert state(screen, Step.SALES_SUMMARY) is StepState.DONE
    assert "POS-" in screen.step_card(Step.SALES_SUMMARY).reason_label.text()
    assert not screen.pos_card.changed_row.isVisible()


def test_a_till_name_the_shop_doesnt_use_is_asked_about_remembered_and_used(qtbot, screen, session, tmp_path):
    from PySide6.QtWidgets import QComboBox

    demo_file = session.demo_day_file(session.today())
    renamed = tmp_path / demo_file.name
    renamed.write_text(demo_file.read_text(encoding="utf-8").replace("Amex", "AMEX CARD"), encoding="utf-8")
    screen.pos_card.import_file(renamed)
    qtbot.waitUntil(lambda: screen.till_names_dialog is not None, timeout=WAIT)
    dialog = screen.till_names_dialog
    combo = dialog.findChild(QComboBox, "till_name_tender_amex_card")
    combo.setCurrentIndex(combo.findData("Amex"))
    dialog.accept()
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.day is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: "Amex" in {t.name for t in screen.pos_card.day.tenders}, timeout=WAIT)
    assert "AMEX CARD" not in {t.name for t in screen.pos_card.day.tenders}
    # The next import from this till asks nothing.
    assert session.import_file(renamed).questions == ()
