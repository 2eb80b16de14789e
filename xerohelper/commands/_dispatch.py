"""The sub-commands of `xerohelper` (xerohelper/cli.py hands everything but opening the app to this).

Each sub-command lives in its own module under
`xerohelper/commands/` and is found by name, so adding one never means editing this file.
A command module defines NAME, HELP, add_arguments(parser) and run(args) -> exit code, and
imports nothing heavy at module level: `--help` and `--version` must answer without Qt or the SDK.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pkgutil
import sys
from types import ModuleType

from xerohelper import __version__
from xerohelper import commands as commands_package

EXIT_USAGE = 2


def _command_modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(commands_package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands_package.__name__}.{info.name}")
        found[module.NAME] = module
    return found


class _Parser(argparse.ArgumentParser):
    """argparse, but with words a person can act on when the command is wrong."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nTry '{self.prog} --help' for what it can do.\n")


def build_parser(modules: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xerohelper",
        description="Posts your shop's daily till takings into Xero, step by step. "
        "Run it with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"xerohelper {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a built-in demo shop (no Xero account needed)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="with --demo: run the demo shop's day in the window with nobody at it, print one JSON line "
        '({"ok": true, ...}) and exit 0 if it worked, 1 if not',
    )
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="start in the tray, without a window (what starting at login runs); where the desktop has "
        "no tray, the window opens as usual",
    )
    if modules:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
        for name, module in modules.items():
            p = sub.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(p)
    return parser


def _say(words: str) -> None:
    print(words, file=sys.stderr, flush=True)


def dispatch(argv: list[str], open_app=None) -> int:
    """Run the sub-command in `argv`; with none, `open_app(demo=..., self_test=..., in_tray=...)` opens
    the app (cli.py passes it: the commands never import the ui)."""
    modules = _command_modules()
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is not None and first not in modules:
        known = ", ".join(modules) or "none yet"
        print(
            f"xerohelper: unknown command '{first}'. The commands are: {known}.\n"
            "Run 'xerohelper --help' to see what each one does, or 'xerohelper' alone to open the app.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    args = build_parser(modules).parse_args(argv)
    command = getattr(args, "command", None)
    if command:
        from xerohelper.services import owner_notices
        from xerohelper.services.app_files import start_logging, stop_logging

        with contextlib.suppress(OSError):  # a log folder that can't be written must not stop the command
            start_logging()
        owner_notices.listen(_say)  # a damaged settings file or journal, set aside: said once, on stderr
        try:
            return int(modules[command].run(args) or 0)
        finally:
            owner_notices.stop_listening(_say)
            stop_logging()
    return open_app(demo=args.demo or args.self_test, self_test=args.self_test, in_tray=args.in_tray)
