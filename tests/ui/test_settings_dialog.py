"""Settings: the connection with Disconnect after an in-place confirmation (done in the background), the
sign-in callback port, and the way into Shop setup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.demo_session import demo_session
from xerohelper.adapters.settings import Settings
from xerohelper.services.app_session import AppSession
from xerohelper.services.callback_port import PortNotAllowed, read_callback_port, save_callback_port
from xerohelper.ui.settings_dialog import SettingsDialog
from xerohelper.ui.shop_setup import ShopSetupDialog


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def shown(qtbot, session) -> SettingsDialog:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.status is not None, timeout=5000)
    return dialog


def test_shows_the_connected_organisation_and_disconnects_after_confirming(qtbot, session):
    dialog = shown(qtbot, session)
    assert dialog.badge.text() == "Connected to Xero"
    assert dialog.organisation_label.text() == "Sending your takings to Harbour Street Hardware."
    assert dialog.disconnect_button.isVisible() and not dialog.connect_button.isVisible()

    qtbot.mouseClick(dialog.disconnect_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.confirm.isVisible()
        and "Disconnect from Harbour Street Hardware?" in dialog.confirm_words.text()
    )
    qtbot.mouseClick(dialog.confirm_no, Qt.MouseButton.LeftButton)  # changed their mind
    assert not dialog.confirm.isVisible() and session.status().connected

    qtbot.mouseClick(dialog.disconnect_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm_no.hasFocus() and dialog.confirm_no.isDefault()
    qtbot.keyClick(dialog.confirm_no, Qt.Key.Key_Return)  # Enter while asked: the safe answer
    assert not dialog.confirm.isVisible() and session.status().connected and dialog.isVisible()
    assert dialog.close_button.isDefault()

    qtbot.mouseClick(dialog.disconnect_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.disconnected, timeout=10000) as done:
        qtbot.mouseClick(dialog.confirm_yes, Qt.MouseButton.LeftButton)
    assert done.args[0].told_xero
    assert dialog.message.text().startswith("Disconnected from Harbour Street Hardware.")
    qtbot.waitUntil(lambda: dialog.connect_button.isVisible(), timeout=5000)
    assert dialog.badge.text() == "Not connected" and not dialog.disconnect_button.isVisible()
    assert not session.status().connected
    with qtbot.waitSignal(dialog.connect_requested, timeout=1000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)


def test_the_demo_picks_its_own_port(qtbot, session):
    dialog = shown(qtbot, session)
    assert not dialog.port_spin.isEnabled()
    assert dialog.port_words.text().startswith("The demo shop picks a free port by itself.")
    assert f"http://localhost:{dialog.port_spin.value()}/callback" in dialog.port_words.text()
    # Outside the demo, the port the demo set through XEROHELPER_CALLBACK_PORT would be the reason.
    assert "XEROHELPER_CALLBACK_PORT" in read_callback_port(session.connection).fixed_by


def test_the_port_is_saved_for_the_next_sign_in(qtbot, tmp_path):
    session = AppSession(environ={})
    session.open()  # the real Xero's connection: only the settings file and the keyring are read
    try:
        port_is_saved(qtbot, session)
    finally:
        session.close()


def port_is_saved(qtbot, session):
    dialog = shown(qtbot, session)
    assert dialog.badge.text() == "Not connected" and dialog.connect_button.isVisible()
    assert dialog.port_spin.isEnabled() and dialog.port_spin.value() == 8742
    assert not dialog.port_save.isEnabled()
    dialog.port_spin.setValue(8750)
    assert dialog.port_save.isEnabled() and "http://localhost:8750/callback" in dialog.port_words.text()
    qtbot.mouseClick(dialog.port_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in dialog.message.text(), timeout=5000)
    assert session.connection.callback_port == 8750
    assert Settings.load(session.folders.settings).callback_port == 8750
    with pytest.raises(PortNotAllowed, match="between 1024 and 65535"):
        save_callback_port(session.connection, 80)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_opens_shop_setup(qtbot, session):
    dialog = shown(qtbot, session)
    qtbot.mouseClick(dialog.shop_button, Qt.MouseButton.LeftButton)
    shop = dialog.shop_setup_dialog
    assert isinstance(shop, ShopSetupDialog) and shop.isVisible()
    qtbot.waitUntil(lambda: shop.editor is not None, timeout=10000)
    with qtbot.waitSignal(dialog.shop_setup_saved, timeout=5000):
        qtbot.mouseClick(shop.save_button, Qt.MouseButton.LeftButton)
    assert session.has_own_mapping()


def test_every_control_is_named(qtbot, session):
    dialog = shown(qtbot, session)
    for widget in (
        dialog.disconnect_button,
        dialog.connect_button,
        dialog.confirm_yes,
        dialog.confirm_no,
        dialog.port_spin,
        dialog.port_save,
        dialog.shop_button,
        dialog.close_button,
    ):
        assert widget.objectName() and widget.accessibleName()
