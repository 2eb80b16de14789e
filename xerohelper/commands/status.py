"""`xerohelper status`: is xerohelper connected to Xero, to which organisation, and if not, why."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "status"
HELP = "show whether xerohelper is connected to Xero, and to which organisation"

EXIT_PROBLEM = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"connected": …, "organisation": {"name", "tenant_id", "short_code"} | null, '
        '"reconnect_reason": … | null}',
    )
    parser.add_argument(
        "--sandbox",
        metavar="BASE_URL",
        help="talk to a Xero sandbox at BASE_URL (e.g. http://127.0.0.1:8900) instead of Xero",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="don't ask Xero; say what this computer knows",
    )


def run(args: argparse.Namespace) -> int:
    from xerohelper.adapters.settings import SettingsFileDamaged
    from xerohelper.core.connection import ConnectionProblem, XeroUnreachable
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress

    try:
        service = ConnectionService.for_command_line(args.sandbox)
    except NotASandboxAddress as problem:
        print(f"xerohelper status: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except SettingsFileDamaged as problem:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    try:
        try:
            status = service.status() if args.offline else service.check()
        except XeroUnreachable as problem:
            print(f"{problem.words} This is what this computer knows:", file=sys.stderr)
            status = service.status()
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        print(json.dumps(status.as_json()))
    else:
        print(status.in_words())
    return 0
