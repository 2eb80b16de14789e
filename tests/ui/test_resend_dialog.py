"""The re-send confirmation: says what will change in Xero; Cancel is the default and Esc cancels."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper.ui.explanation_card import plain
from xerohelper.ui.resend_dialog import HISTORY_NOTE, ResendDialog


def posted_day_preview():
    """A demo day posted and paid in the sandbox, then the preview of sending it again."""
    with demo_session() as session:
        today = session.today()
        import_demo_day(session, today)
        days = session.day_service()
        checklist = days.run_day(today, approve=True)
        assert checklist.is_finished
        return days.resend_preview(today)


def open_dialog(qtbot, preview) -> ResendDialog:
    dialog = ResendDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_says_exactly_what_changes_and_cancel_is_the_safe_default(qtbot):
    preview = posted_day_preview()
    dialog = open_dialog(qtbot, preview)
    text = html.unescape(dialog.changes.text())
    for line in preview.words.splitlines():
        assert f"<li>{line}</li>" in text
    assert "Remove the 3 payments" in text and "Void invoice POS-" in text and "-2 (" in text
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.changes)))
    assert HISTORY_NOTE in labels
    # the figures are the ones sent: the words say the day goes again, not a corrected one
    assert not preview.figures_changed and "Send it again only if what is there is wrong." in labels
    assert f"Send the day to Xero again, as invoice {preview.new_number}?" in labels
    assert plain(dialog.resend_button.text()) == dialog.resend_button.accessibleName() == "Send the day again"
    assert dialog.cancel_button.isDefault() and not dialog.resend_button.isDefault()
    assert not dialog.resend_button.autoDefault()
    assert dialog.focusWidget() is dialog.cancel_button
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    assert dialog.result() == ResendDialog.DialogCode.Rejected


def test_escape_cancels_and_only_the_resend_button_accepts(qtbot):
    preview = posted_day_preview()
    dialog = open_dialog(qtbot, preview)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog = open_dialog(qtbot, preview)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ResendDialog.DialogCode.Accepted
    for button in (dialog.resend_button, dialog.cancel_button):
        assert button.objectName() and button.accessibleName()
