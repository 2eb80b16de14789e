"""`xerohelper disconnect`: remove xerohelper's access in Xero and forget the sign-in on this computer."""

from __future__ import annotations

import argparse
import sys

from xerohelper.commands._xero_target import EXIT_PROBLEM, add_sandbox_argument, connection_service

NAME = "disconnect"
HELP = "disconnect from Xero: revoke xerohelper's access and forget the sign-in on this computer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sandbox_argument(parser)


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.connection import ConnectionProblem

    service, code = connection_service(NAME, args)
    if service is None:
        return code
    try:
        result = service.disconnect()
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_PROBLEM
    print(result.words)
    return 0 if result.told_xero else EXIT_PROBLEM
