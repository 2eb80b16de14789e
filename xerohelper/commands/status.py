"""`xerohelper status`: is xerohelper connected to Xero, to which organisation, and if not, why."""

from __future__ import annotations

import argparse
import json
import sys

from xerohelper.commands._xero_target import EXIT_PROBLEM, add_sandbox_argument, connection_service

NAME = "status"
HELP = "show whether xerohelper is connected to Xero, and to which organisation"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"connected": …, "organisation": {"name", "tenant_id", "short_code"} | null, '
        '"reconnect_reason": … | null}',
    )
    add_sandbox_argument(parser)
    parser.add_argument("--offline", action="store_true", help="don't ask Xero; say what this computer knows")


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.connection import ConnectionProblem, XeroUnreachable

    service, code = connection_service(NAME, args)
    if service is None:
        return code
    try:
        try:
            status = service.status() if args.offline else service.check()
        except XeroUnreachable as problem:
            print(f"{problem.words} This is what this computer knows:", file=sys.stderr)
            status = service.status()
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_PROBLEM
    print(json.dumps(status.as_json()) if args.json else status.in_words())
    return 0
