"""Start at login: off by default; the settings switch turns it on or off for this user.

The command started at login is the installed launcher (`xerohelper`, as the .deb's desktop file names it)
when that is what is running, otherwise this Python with `-m xerohelper`; with `--in-tray`: at login the
app starts in the tray, without a window (where the desktop has a tray; ui/app.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from xerohelper.adapters import autostart

LAUNCHER = "xerohelper"
IN_TRAY = "--in-tray"  # the app starts in the tray, no window: a login doesn't pop the window up each time


def login_command(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """What the desktop runs at login to start xerohelper (in the tray)."""
    return [*_program(executable, frozen), IN_TRAY]


def _program(executable: str | None, frozen: bool | None) -> list[str]:
    executable = executable or sys.executable
    installed = shutil.which(LAUNCHER)
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        # The bundle's own program; the .deb's /usr/bin/xerohelper when that is the way to it.
        if installed and Path(installed).resolve() == Path(executable).resolve():
            return [installed]
        return [executable]
    if installed and Path(installed).resolve().parent == Path(executable).resolve().parent:
        return [installed]  # the script a pip install put beside this Python
    return [executable, "-m", "xerohelper"]


class StartAtLogin:
    """The switch: is it on, and turning it on or off (exactly what on added is removed)."""

    def __init__(self, entry: autostart.AutostartEntry | None = None) -> None:
        command = login_command()
        self._entry = entry or autostart.entry_for(sys.platform, command, earlier=[command[:-1]])

    def is_on(self) -> bool:
        return self._entry.is_on()

    def set_on(self, on: bool) -> None:
        if on:
            self._entry.turn_on()
        else:
            self._entry.turn_off()
