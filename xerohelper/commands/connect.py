"""`xerohelper connect`: sign in to Xero in the browser and choose the organisation (support, scripts)."""

from __future__ import annotations

import argparse
import sys

from xerohelper.commands._xero_target import EXIT_PROBLEM, add_sandbox_argument, connection_service

NAME = "connect"
HELP = "sign in to Xero in your browser and choose the organisation xerohelper posts to"

EXIT_CANCELLED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sandbox_argument(parser)
    parser.add_argument(
        "--organisation",
        metavar="NAME",
        help="if you allow several organisations, the one to connect (its name or tenant id)",
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="don't open a browser: print the sign-in link for you to open",
    )


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.connection import ConnectionProblem, ConnectStep
    from xerohelper.services.connection import OrganisationChoiceNeeded

    no_browser = (lambda _link: False) if args.no_browser else None
    service, code = connection_service(NAME, args, open_browser=no_browser)
    if service is None:
        return code

    def show(progress) -> None:
        if progress.step is ConnectStep.WAITING_FOR_BROWSER:
            print(progress.words, file=sys.stderr)
            if progress.link and progress.link not in progress.words:
                print(f"If no browser window opened, open this link: {progress.link}", file=sys.stderr)
            print("Waiting for Xero… (Ctrl+C cancels)", file=sys.stderr)
        elif progress.step is not ConnectStep.OPENING_BROWSER:
            print(progress.words, file=sys.stderr)

    def ask(choices):
        for number, choice in enumerate(choices, start=1):
            print(f"  {number}. {choice.name}", file=sys.stderr)
        answer = input("Which organisation should xerohelper post to? Type its number: ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        return None

    try:
        organisation = service.connect(
            progress=show,
            choose=ask if sys.stdin.isatty() else None,
            organisation=args.organisation,
        )
    except KeyboardInterrupt:
        print("Cancelled: xerohelper was not connected.", file=sys.stderr)
        return EXIT_CANCELLED
    except OrganisationChoiceNeeded as problem:
        print(problem.words, file=sys.stderr)
        print("Run 'xerohelper connect --organisation NAME' with one of those names.", file=sys.stderr)
        return EXIT_PROBLEM
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_PROBLEM
    print(f"Connected to Xero: {organisation.name}.")
    return 0
