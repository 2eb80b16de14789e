"""About: the version, where things are kept (selectable), Open the log folder (through the system's
URL handler), and Save a support report… that writes a clean report in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QDesktopServices

from tests.ui.demo_session import demo_session, import_demo_day
from xerohelper import __version__
from xerohelper.ui.about_dialog import AboutDialog, toolkit_versions


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager: records what would have been opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = []

    @Slot("QUrl")
    def open(self, url) -> None:
        self.opened.append(url)


@pytest.fixture
def file_manager():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def shown(qtbot, session) -> AboutDialog:
    dialog = AboutDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_version_and_where_things_are(qtbot, session):
    dialog = shown(qtbot, session)
    assert dialog.findChild(type(dialog.message), "about_title").text() == f"xerohelper {__version__}"
    demo_folders = session.connection.folders
    assert dialog.settings_label.text() == str(demo_folders.settings / "settings.json")
    assert dialog.journal_label.text().startswith(str(demo_folders.data))
    assert dialog.log_label.text().startswith(str(session.folders.logs))
    for label in (dialog.settings_label, dialog.journal_label, dialog.log_label):
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        assert label.accessibleName()
    assert "PySide6" in toolkit_versions()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_open_the_log_folder(qtbot, session, file_manager):
    dialog = shown(qtbot, session)
    qtbot.mouseClick(dialog.open_logs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(file_manager.opened), timeout=5000)
    assert file_manager.opened[0].toLocalFile() == str(session.folders.logs)
    assert session.folders.logs.is_dir()


def test_save_a_support_report_in_one_click(qtbot, session, tmp_path):
    import_demo_day(session, session.today())
    session.day_service().run_day(session.today(), approve=True)
    dialog = shown(qtbot, session)
    target = tmp_path / "reports" / "xerohelper-support.txt"
    dialog.ask_report_path = lambda: target
    with qtbot.waitSignal(dialog.report_saved, timeout=10000) as saved:
        qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    assert saved.args == [target]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("xerohelper support report")
    assert f"Window toolkit: {toolkit_versions()}" in text
    assert f"POS-{session.today():%Y%m%d}" in text
    with session.sandbox.world.lock:
        tokens = set(session.sandbox.world.access_tokens) | set(session.sandbox.world.refresh_tokens)
    assert tokens and not any(token in text for token in tokens)
    assert str(target) in dialog.message.text() and dialog.report_button.isEnabled()


def test_a_report_that_cant_be_saved_says_so(qtbot, session, tmp_path):
    dialog = shown(qtbot, session)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog.ask_report_path = lambda: blocker / "report.txt"
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be saved" in dialog.message.text(), timeout=10000)
    assert dialog.report_button.isEnabled()


def test_every_button_is_named(qtbot, session):
    dialog = shown(qtbot, session)
    for button in (dialog.open_logs_button, dialog.report_button, dialog.close_button):
        assert button.objectName() and button.accessibleName()
    assert dialog.close_button.isDefault()
