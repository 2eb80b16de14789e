"""The `xerohelper` command line.

With no sub-command it opens the app, and loads nothing else first: the window must be up at once.
Everything else (`--help`, `--version`, the sub-commands in xerohelper/commands/) goes through
xerohelper/commands/_dispatch.py.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in ([], ["--demo"]):
        return _open_app(demo=bool(argv))
    from xerohelper.commands._dispatch import dispatch

    return dispatch(argv, open_app=_open_app)


def _open_app(demo: bool = False) -> int:
    from xerohelper.ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(demo=demo)
