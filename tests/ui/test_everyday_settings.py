"""Settings' "Every day" section: start at login off by default and written for real (a temporary
XDG_CONFIG_HOME), the watched folder, sending automatically and the closing hours saved."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt

from tests.ui.demo_session import demo_session
from xerohelper.ui.settings_dialog import SettingsDialog


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def test_the_every_day_choices_are_saved(qtbot, session, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.everyday_box
    qtbot.waitUntil(lambda: box.state is not None, timeout=5000)
    assert not box.login_check.isChecked() and box.tray_check.isChecked()
    assert not box.send_check.isEnabled()  # no folder yet

    with qtbot.waitSignal(box.saved, timeout=5000):
        qtbot.mouseClick(box.login_check, Qt.MouseButton.LeftButton)
    entry = tmp_path / "config" / "autostart" / "xerohelper.desktop"
    assert "Exec=" in entry.read_text()

    with qtbot.waitSignal(box.saved, timeout=5000):
        box.set_folder(str(tmp_path))
    assert box.folder_label.text() == str(tmp_path) and box.send_check.isEnabled()
    with qtbot.waitSignal(box.saved, timeout=5000):
        qtbot.mouseClick(box.send_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(box.saved, timeout=5000):
        box.open_checks[6].setChecked(True)  # open on Sundays too

    choices = session.everyday().settings.choices()
    assert choices.watched_folder == str(tmp_path) and choices.send_automatically
    assert choices.closing.closes[6] == time(17, 30)

    with qtbot.waitSignal(box.saved, timeout=5000):
        qtbot.mouseClick(box.login_check, Qt.MouseButton.LeftButton)
    assert not entry.exists()
