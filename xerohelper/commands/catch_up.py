"""`xerohelper catch-up`: send the kept days not yet in Xero, in date order (scripts, the OS scheduler).

    xerohelper catch-up [--since YYYY-MM-DD] [--yes] [--json] [--sandbox BASE_URL]

Without --yes it lists the days it would send and exits 1 (nothing is sent). With --yes it sends them,
batched, printing progress and any wait Xero asks for on stderr, and each day's state at the end. A shop
with several tills has each till's days listed together (with the till's name, `till` in the JSON) and sent
till by till: one till's refusal doesn't stop the other tills' days, a problem of the whole organisation
(the connection, the plan's cap, a locked period) does.
Exit codes: 0 every day listed is in Xero, drafts included (or none waits); 1 something is left (a day
needs attention, or nothing was sent because --yes was not given); 3 not connected or sign in
again. Days whose figures differ from what Xero holds are never sent here: they are named, with the
`day resend` command that replaces them.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from xerohelper.commands._kept_days import (
    EXIT_NOT_CONNECTED,
    EXIT_PROBLEM,
    date_argument,
    open_days,
    organisation_name,
    say_progress,
    say_wait,
)

NAME = "catch-up"
HELP = "send the kept days that are not in Xero yet, oldest first (lists them first without --yes)"
EXIT_ALL_IN = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=date_argument, metavar="YYYY-MM-DD", help="only days from this date on"
    )
    parser.add_argument("--yes", action="store_true", help="send them (without it: list them and exit 1)")
    parser.add_argument(
        "--json", action="store_true", help="print the days and their states as one JSON object"
    )
    parser.add_argument(
        "--sandbox", metavar="BASE_URL", help="talk to a Xero sandbox at BASE_URL instead of Xero"
    )


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.catch_up import InXero, all_in_xero
    from xerohelper.core.connection import ConnectionProblem
    from xerohelper.services.catch_up import CatchUpStopped, catch_up_list, kept_days, send_ticked

    days, code = open_days(NAME, args.sandbox, None if args.json else say_progress, reading_only=not args.yes)
    if days is None:
        return code
    args.organisation = organisation_name(args.sandbox)  # named in what is printed: which Xero the days go to
    rows = catch_up_list(days, args.since)
    different = [k for k in kept_days(days, args.since) if k.in_xero is InXero.DIFFERENT]
    if not args.yes or not rows:
        _show(rows, different, args, sending=False)
        return EXIT_ALL_IN if not rows else EXIT_PROBLEM
    stopped = None
    try:
        rows = send_ticked(
            days,
            rows,
            progress=None if args.json else say_progress,
            cancel=None,
            on_wait=say_wait,
            on_till=None if args.json else _say_till,
        )
    except CatchUpStopped as stop:
        rows, stopped = stop.rows, stop.reason
    _show(rows, different, args, sending=True)
    if isinstance(stopped, ConnectionProblem):
        print(stopped.in_words(), file=sys.stderr)
        return EXIT_NOT_CONNECTED
    if stopped is not None:
        print("The catch-up stopped before the end; run it again: nothing is sent twice.", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_ALL_IN if all_in_xero(rows) else EXIT_PROBLEM


def _show(rows, different, args, sending: bool) -> None:
    from xerohelper.core.catch_up import all_in_xero

    if args.json:
        print(
            json.dumps(
                {
                    "organisation": args.organisation,
                    "sent": sending,
                    "all_in_xero": sending and all_in_xero(rows),
                    "days": [_row_json(r) for r in rows],
                    "different_in_xero": [
                        {
                            "date": k.trading_date.isoformat(),
                            "location": k.location,
                            "till": k.location or None,
                            "total": f"{k.total:.2f}",
                        }
                        for k in different
                    ],
                }
            )
        )
        return
    if args.organisation:
        print(f"{args.organisation} — catch-up")
    if not rows:
        print("No kept day is waiting to be sent to Xero.")
    elif not sending:
        print(f"{_count(len(rows))} to send to Xero:")
    for row in rows:
        where = f" — {row.location}" if row.location else ""
        state = row.outcome or row.day.in_xero.value
        note = f" (last time: {row.day.attention})" if row.day.attention and not row.outcome else ""
        if row.day.waits and not row.outcome:
            note = f" ({row.day.waits[0].lower()}{row.day.waits[1:]})"
        print(f"  {row.trading_date.isoformat()}{where}  {row.day.total:>12,.2f}  {state}{note}")
    if rows and not sending:
        print("Nothing was sent. Run 'xerohelper catch-up --yes' to send them.")
    if rows and sending:
        sent = sum(r.outcome.startswith("sent") for r in rows)
        drafts = sum(r.outcome == "sent as a draft" for r in rows)
        print(
            ("That day is in Xero." if len(rows) == 1 else f"All {len(rows)} days are in Xero.")
            if all_in_xero(rows)
            else f"{sent} of {_count(len(rows))} sent; the others need you (see above)."
        )
        if drafts:
            print(
                f"{_count(drafts)} went in as drafts: approve them in Xero "
                "(or choose to approve automatically in Shop setup)."
            )
    for kept in different:
        where = f" ({kept.location})" if kept.location else ""
        location = f" --location {shlex.quote(kept.location)}" if kept.location else ""
        print(
            f"{kept.trading_date.isoformat()}{where} differs from what Xero holds: it is not sent here. "
            f"To replace it, run: xerohelper day resend --date {kept.trading_date.isoformat()}{location} "
            "--from FILE"
        )


def _row_json(row) -> dict:
    return {
        "date": row.trading_date.isoformat(),
        "location": row.location,
        "till": row.location or None,  # the till's name; null for a shop with one till
        "total": f"{row.day.total:.2f}",
        "state": row.day.in_xero.value,
        "outcome": row.outcome or None,
    }


def _say_till(till: str, index: int, count: int) -> None:
    if count > 1:
        print(f"{till} ({index + 1} of {count} tills):", file=sys.stderr, flush=True)


def _count(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
