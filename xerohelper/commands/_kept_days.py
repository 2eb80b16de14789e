"""What `catch-up`, `import --save` and `day resend` share: the day service of the connected organisation
(or why there is none, in words and an exit code), the wait printed when Xero asks xerohelper to wait, and
a date argument. Standard library only at module level (see cli.py)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_NOT_CONNECTED = 3


def date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-21"
        ) from None


def open_days(command: str, sandbox: str | None, progress=None, reading_only: bool = False):
    """(DayChecklistService, None), or (None, exit code) after saying why on stderr."""
    from xerohelper.core.connection import ConnectionProblem
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress, SettingsFileDamaged
    from xerohelper.services.day_reading import open_day_service

    try:
        connection = ConnectionService.for_command_line(sandbox)
        if connection.saved_organisation() is None:
            print("xerohelper isn't connected to Xero yet. Run 'xerohelper connect' first.", file=sys.stderr)
            return None, EXIT_NOT_CONNECTED
        days, not_now = open_day_service(connection, progress, reading_only=reading_only)
    except NotASandboxAddress as problem:
        print(f"xerohelper {command}: {problem}", file=sys.stderr)
        return None, EXIT_USAGE
    except SettingsFileDamaged as problem:
        print(problem, file=sys.stderr)
        return None, EXIT_PROBLEM
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return None, EXIT_NOT_CONNECTED
    if not_now is not None:
        print(
            f"{not_now.words}\nTo send anything to Xero, sign in again: run 'xerohelper connect'.",
            file=sys.stderr,
        )
    return days, None


def organisation_name(sandbox: str | None) -> str:
    """The connected organisation's name, for the command's words ("" when it can't be read)."""
    from xerohelper.services.connection import ConnectionService

    try:
        organisation = ConnectionService.for_command_line(sandbox).saved_organisation()
    except Exception:  # the words go without the name; the command itself says what is wrong, if anything
        return ""
    return organisation.name if organisation is not None else ""


def say_progress(words: str) -> None:
    print(words, file=sys.stderr, flush=True)


def say_wait(seconds: float, why: str) -> None:
    """Xero asked xerohelper to wait: say so, with how long (a scheduled run's log shows it)."""
    from xerohelper.core.waiting import wait_words

    print(wait_words(seconds, why), file=sys.stderr, flush=True)
