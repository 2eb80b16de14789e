"""Start at login: the one thing each desktop reads at login, written and removed by us.

- Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/xerohelper.desktop` (default ~/.config).
- Windows: a value named "xerohelper" under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run.
- macOS: ~/Library/LaunchAgents/com.xerohelper.app.plist.

Turning it off removes exactly what turning it on added, and nothing else: a file only if it is still ours
(it carries our marker line/key), the Run value only if it holds our command. The content builders are plain
functions (tested on every OS); the registry is reached through `RunKey`, a tiny adapter over winreg.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
from pathlib import Path
from typing import Protocol

APP_ID = "xerohelper"
MARKER = "X-Xerohelper-Autostart=true"  # our line in the desktop entry
LAUNCH_AGENT_LABEL = "com.xerohelper.app"
RUN_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart entry that starts `command` at login."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=xerohelper\n"
        "Comment=Post your shop's daily till takings into Xero\n"
        f"Exec={' '.join(shlex.quote(part) for part in command)}\n"
        "Icon=xerohelper\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER}\n"
    )


def launch_agent(command: list[str]) -> bytes:
    """The macOS LaunchAgent plist that starts `command` at login."""
    return plistlib.dumps({"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(command), "RunAtLoad": True})


def run_value(command: list[str]) -> str:
    """The Windows Run value: a command line with each part quoted."""
    return subprocess.list2cmdline(command)


def xdg_autostart_file(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_ID}.desktop"


def launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


class FileEntry:
    """An autostart entry that is one file (XDG desktop entry, LaunchAgent)."""

    def __init__(self, path: Path, content: bytes, ours: bytes) -> None:
        self.path = path
        self.content = content
        self._ours = ours  # bytes only our file holds

    def is_on(self) -> bool:
        try:
            return self._ours in self.path.read_bytes()
        except OSError:
            return False

    def turn_on(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".new")
        temporary.write_bytes(self.content)
        os.replace(temporary, self.path)

    def turn_off(self) -> None:
        if self.is_on():
            self.path.unlink()


class RunKeyStore(Protocol):
    """The per-user Run key: read, write and delete one named value."""

    def read(self, name: str) -> str | None: ...
    def write(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class WindowsRunKey:  # pragma: no cover - Windows only
    """RunKeyStore over winreg, HKEY_CURRENT_USER."""

    def read(self, name: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except OSError:
            return None
        return value if isinstance(value, str) else None

    def write(self, name: str, value: str) -> None:
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH, 0, winreg.KEY_SET_VALUE) as key:
            winreg.DeleteValue(key, name)


class RunKeyEntry:
    """The Windows autostart entry: our value in the Run key (or the one an earlier version wrote: still
    ours, on, and removed when turned off)."""

    def __init__(
        self, store: RunKeyStore, command: list[str], earlier: list[list[str]] | None = None
    ) -> None:
        self._store = store
        self.value = run_value(command)
        self._ours = {self.value, *(run_value(c) for c in earlier or ())}

    def is_on(self) -> bool:
        return self._store.read(APP_ID) in self._ours

    def turn_on(self) -> None:
        self._store.write(APP_ID, self.value)

    def turn_off(self) -> None:
        if self.is_on():
            self._store.delete(APP_ID)


class AutostartEntry(Protocol):
    def is_on(self) -> bool: ...
    def turn_on(self) -> None: ...
    def turn_off(self) -> None: ...


def entry_for(
    platform: str, command: list[str], *, environ=None, home=None, run_key=None, earlier=None
) -> AutostartEntry:
    """The autostart entry for this platform (sys.platform's words). `earlier`: commands an earlier version
    wrote (a file is known by its marker whatever its command; the Run key's value only by its command)."""
    if platform.startswith("win"):
        return RunKeyEntry(run_key or WindowsRunKey(), command, earlier)
    if platform == "darwin":
        return FileEntry(launch_agent_file(home), launch_agent(command), LAUNCH_AGENT_LABEL.encode())
    return FileEntry(xdg_autostart_file(environ), desktop_entry(command).encode(), MARKER.encode())
