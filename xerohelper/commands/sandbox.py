"""`xerohelper sandbox`: run the built-in Xero sandbox on this computer until stopped.

When it is ready it prints exactly one line of JSON to stdout — base_url, client_id, redirect_uris and
tenants — and serves until SIGINT or SIGTERM. Other tools and tests rely on that line.
"""

from __future__ import annotations

import argparse

NAME = "sandbox"
HELP = "run a pretend Xero on this computer (for trying xerohelper out, and for tests)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    parser.add_argument("--client-id", dest="client_id", help="the Xero app client id it accepts")
    parser.add_argument(
        "--redirect-uri",
        dest="redirect_uris",
        action="append",
        metavar="URI",
        help="a redirect URI the app has registered (repeat for several; default "
        "http://localhost:8742/callback and the two ports after it)",
    )
    parser.add_argument(
        "--auto-consent",
        dest="auto_consent",
        action="store_true",
        help="skip the consent page: connect the first organisation and send the browser straight back",
    )
    parser.add_argument(
        "--state", dest="state_file", metavar="FILE", help="keep everything in FILE across restarts"
    )
    parser.add_argument(
        "--seed", choices=("demo", "empty"), default="demo", help="what it starts with (default demo)"
    )
    parser.add_argument(
        "--access-token-seconds", type=int, default=1800, help="access token lifetime (default 1800)"
    )
    parser.add_argument(
        "--day-limit", type=int, default=5000, help="calls a day per organisation (default 5000)"
    )
    parser.add_argument(
        "--minute-limit", type=int, default=60, help="calls a minute per organisation (default 60)"
    )
    parser.add_argument(
        "--developer-tier",
        dest="developer_tier",
        choices=("starter", "core", "plus", "advanced", "enterprise"),
        help="Xero's developer tier of the app: sets the calls a day and how many organisations it may "
        "connect (over --day-limit)",
    )
    parser.add_argument(
        "--broad-scopes",
        dest="broad_scopes_allowed",
        action="store_true",
        help="act for an app created before 2 March 2026, which may still ask for accounting.transactions",
    )
    parser.add_argument("--verbose", action="store_true", help="print one line per request on stderr")


def run(args: argparse.Namespace) -> int:
    import json
    import signal
    import sys
    import threading

    from xerohelper.services.practice_xero import start_sandbox

    options = {
        "host": args.host,
        "port": args.port,
        "auto_consent": args.auto_consent,
        "state_file": args.state_file,
        "access_token_seconds": args.access_token_seconds,
        "day_limit": args.day_limit,
        "minute_limit": args.minute_limit,
        "log_requests": args.verbose,
        "developer_tier": args.developer_tier,
        "broad_scopes_allowed": args.broad_scopes_allowed,
    }
    if args.client_id:
        options["client_id"] = args.client_id
    if args.redirect_uris:
        options["redirect_uris"] = args.redirect_uris
    try:
        sandbox = start_sandbox(args.seed, **options)
    except OSError as problem:
        print(
            f"xerohelper sandbox: could not listen on {args.host}:{args.port} "
            f"({problem.strerror or problem}).\nAnother program may be using that port: "
            "choose another with --port, or --port 0 for any free one.",
            file=sys.stderr,
        )
        return 1
    except ValueError as problem:  # an unreadable --state file
        print(f"xerohelper sandbox: could not read the state file: {problem}", file=sys.stderr)
        return 1

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    print(json.dumps(sandbox.ready_info()), flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0
