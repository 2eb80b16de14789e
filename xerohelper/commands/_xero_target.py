"""What `connect`, `status` and `disconnect` share: the --sandbox option and the service it picks.

Standard library only at module level (see cli.py): the service is imported when a command runs.
"""

from __future__ import annotations

import argparse
import sys

EXIT_PROBLEM = 1
EXIT_USAGE = 2


def add_sandbox_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sandbox",
        metavar="BASE_URL",
        help="talk to a Xero sandbox at BASE_URL (e.g. http://127.0.0.1:8900) instead of Xero",
    )


def connection_service(command: str, args: argparse.Namespace, **kwargs):
    """(ConnectionService for Xero or the --sandbox, 0), or (None, exit code) after saying why not."""
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress, SettingsFileDamaged

    try:
        return ConnectionService.for_command_line(args.sandbox, **kwargs), 0
    except NotASandboxAddress as problem:
        print(f"xerohelper {command}: {problem}", file=sys.stderr)
        return None, EXIT_USAGE
    except SettingsFileDamaged as problem:
        print(problem, file=sys.stderr)
        return None, EXIT_PROBLEM
