"""`xerohelper disconnect`: remove xerohelper's access in Xero and forget the sign-in on this computer."""

from __future__ import annotations

import argparse
import sys

NAME = "disconnect"
HELP = "disconnect from Xero: revoke xerohelper's access and forget the sign-in on this computer"

EXIT_PROBLEM = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sandbox",
        metavar="BASE_URL",
        help="talk to a Xero sandbox at BASE_URL (e.g. http://127.0.0.1:8900) instead of Xero",
    )


def run(args: argparse.Namespace) -> int:
    from xerohelper.adapters.settings import SettingsFileDamaged
    from xerohelper.core.connection import ConnectionProblem
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress

    try:
        service = ConnectionService.for_command_line(args.sandbox)
    except NotASandboxAddress as problem:
        print(f"xerohelper disconnect: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except SettingsFileDamaged as problem:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    try:
        result = service.disconnect()
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_PROBLEM
    print(result.words)
    return 0 if result.told_xero else EXIT_PROBLEM
