"""Start at login: the Linux entry for real in a temporary XDG_CONFIG_HOME; Windows and macOS as content."""

import plistlib

from xerohelper.adapters import autostart
from xerohelper.services.start_at_login import IN_TRAY, StartAtLogin, login_command

COMMAND = ["/opt/xero helper/xerohelper"]


def test_linux_entry_is_written_and_removed_exactly(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    neighbour = tmp_path / "autostart" / "other.desktop"
    neighbour.parent.mkdir()
    neighbour.write_text("[Desktop Entry]\n")
    switch = StartAtLogin(autostart.entry_for("linux", COMMAND))
    assert not switch.is_on()  # off by default
    switch.set_on(True)
    entry = tmp_path / "autostart" / "xerohelper.desktop"
    text = entry.read_text()
    assert "Exec='/opt/xero helper/xerohelper'\n" in text and "Type=Application" in text
    assert switch.is_on()
    switch.set_on(False)
    assert sorted(p.name for p in (tmp_path / "autostart").iterdir()) == ["other.desktop"]
    switch.set_on(False)  # off twice is fine


def test_a_file_that_is_not_ours_is_left_alone(tmp_path):
    entry = autostart.entry_for("linux", COMMAND, environ={"XDG_CONFIG_HOME": str(tmp_path)})
    path = tmp_path / "autostart" / "xerohelper.desktop"
    path.parent.mkdir()
    path.write_text("[Desktop Entry]\nExec=someone-elses\n")
    assert not entry.is_on()
    entry.turn_off()
    assert path.exists()


def test_mac_launch_agent(tmp_path):
    entry = autostart.entry_for("darwin", COMMAND, home=tmp_path)
    entry.turn_on()
    written = plistlib.loads((tmp_path / "Library/LaunchAgents/com.xerohelper.app.plist").read_bytes())
    assert written == {"Label": "com.xerohelper.app", "ProgramArguments": COMMAND, "RunAtLoad": True}
    entry.turn_off()
    assert not (tmp_path / "Library/LaunchAgents/com.xerohelper.app.plist").exists()


class FakeRunKey:
    """The registry can't be reached here: the Run key as a dict behind the same three calls."""

    def __init__(self, values):
        self.values = values

    def read(self, name):
        return self.values.get(name)

    def write(self, name, value):
        self.values[name] = value

    def delete(self, name):
        del self.values[name]


def test_windows_run_key_value_added_and_removed_exactly():
    key = FakeRunKey({"OneDrive": "onedrive.exe"})
    switch = StartAtLogin(
        autostart.entry_for("win32", [r"C:\Program Files\xerohelper\xerohelper.exe"], run_key=key)
    )
    switch.set_on(True)
    assert key.values["xerohelper"] == r'"C:\Program Files\xerohelper\xerohelper.exe"'
    assert switch.is_on()
    switch.set_on(False)
    assert key.values == {"OneDrive": "onedrive.exe"}


def test_a_run_value_someone_changed_is_left_alone():
    key = FakeRunKey({"xerohelper": "something else"})
    autostart.entry_for("win32", COMMAND, run_key=key).turn_off()
    assert key.values == {"xerohelper": "something else"}


def test_a_run_value_an_earlier_version_wrote_is_still_ours():
    """Before --in-tray, the value was the program alone: still on, and turning off removes it."""
    program = [r"C:\Program Files\xerohelper\xerohelper.exe"]
    key = FakeRunKey({"xerohelper": r'"C:\Program Files\xerohelper\xerohelper.exe"'})
    entry = autostart.entry_for("win32", [*program, IN_TRAY], run_key=key, earlier=[program])
    assert entry.is_on()
    entry.turn_on()
    assert key.values["xerohelper"] == r'"C:\Program Files\xerohelper\xerohelper.exe" --in-tray'
    entry.turn_off()
    assert key.values == {}


def test_login_command(tmp_path, monkeypatch):
    assert login_command("/b/xerohelper", frozen=True) == ["/b/xerohelper", IN_TRAY]
    bundle = tmp_path / "opt" / "xerohelper"
    bundle.parent.mkdir()
    bundle.write_text("#!/bin/sh\n")
    bundle.chmod(0o755)
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "xerohelper").symlink_to(bundle)  # as the .deb installs it
    monkeypatch.setenv("PATH", str(on_path))
    assert login_command(str(bundle), frozen=True) == [str(on_path / "xerohelper"), IN_TRAY]
    assert login_command("/nowhere/python", frozen=False)[1:] == ["-m", "xerohelper", IN_TRAY]
