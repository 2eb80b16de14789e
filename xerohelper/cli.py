"""The `xerohelper` command line.

With no sub-command it opens the app, and loads nothing else first: the window must be up at once.
`--demo` opens it on the demo shop; `--in-tray` starts it in the tray (what starting at login runs);
`--demo --self-test` runs the demo's day with nobody at it and prints
one JSON line (xerohelper/ui/self_test.py).
Everything else (`--help`, `--version`, the sub-commands in xerohelper/commands/) goes through
xerohelper/commands/_dispatch.py.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in ([], ["--demo"], ["--in-tray"]) or sorted(argv) == ["--demo", "--self-test"]:
        return _open_app(demo="--demo" in argv, self_test="--self-test" in argv, in_tray="--in-tray" in argv)
    from xerohelper.commands._dispatch import dispatch

    return dispatch(argv, open_app=_open_app)


def _open_app(demo: bool = False, self_test: bool = False, in_tray: bool = False) -> int:
    from xerohelper.ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(demo=demo, self_test=self_test, in_tray=in_tray)
