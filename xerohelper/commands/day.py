"""`xerohelper day run`, `day status` and `day resend`: a day's checklist from the command line.

`day run --from FILE` on figures that differ from what Xero already holds sends nothing: it says so and
points to `day resend`, which shows what replacing the day in Xero means and does it with --yes."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from xerohelper.commands._kept_days import date_argument

NAME = "day"
HELP = (
    "post a day's takings to Xero (run), show where a day's checklist stands (status), "
    "or replace a day in Xero with corrected figures (resend)"
)

EXIT_DONE = 0
EXIT_NOT_FINISHED = 1  # a step needs attention, or waits for the owner (approving a draft)
EXIT_USAGE = 2
EXIT_NOT_CONNECTED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    run = actions.add_parser("run", help="send the day to Xero: sales summary, approval, payment tenders")
    run.add_argument("--date", type=date_argument, required=True, help="the trading day, YYYY-MM-DD")
    run.add_argument("--from", dest="file", metavar="FILE", help="the till's export (or day file) to post")
    run.add_argument(
        "--approve", action="store_true", help="approve the sales summary now (not only a draft)"
    )
    run.add_argument("--location", default="", help="the shop or till, when the file has several")
    run.add_argument(
        "--accept-difference",
        action="store_true",
        help="book the till difference (sales against money taken) on the till difference account",
    )
    run.add_argument(
        "--new-location",
        action="store_true",
        help="send a till file whose shop or till name xerohelper hasn't seen for this organisation",
    )
    status = actions.add_parser("status", help="the day's steps, their Xero ids and anything to fix")
    status.add_argument("--date", type=date_argument, required=True, help="the trading day, YYYY-MM-DD")
    status.add_argument("--location", default="", help="the shop or till, when the shop has several")
    resend = _add_resend(actions)
    for sub in (run, status, resend):
        sub.add_argument(
            "--sandbox", metavar="BASE_URL", help="talk to a Xero sandbox at BASE_URL instead of Xero"
        )
        sub.add_argument("--json", action="store_true", help="print the checklist as one JSON object")


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.connection import ConnectionProblem
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress
    from xerohelper.services.day_reading import open_day_service

    try:
        connection = ConnectionService.for_command_line(args.sandbox)
        if connection.saved_organisation() is None:
            print("xerohelper isn't connected to Xero yet. Run 'xerohelper connect' first.", file=sys.stderr)
            return EXIT_NOT_CONNECTED
        progress = (lambda words: print(words, file=sys.stderr)) if not args.json else None
        days, not_now = open_day_service(connection, progress, reading_only=args.action == "status")
        if args.action == "resend":
            args.organisation = connection.saved_organisation().name
            return _resend(days, args)
    except NotASandboxAddress as problem:
        print(f"xerohelper day: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        return EXIT_NOT_CONNECTED
    if not_now is not None:  # `status` reads the journal: the day shows, though nothing can be sent now
        print(
            f"{not_now.words}\nThis is the day as xerohelper last knew it. To send anything to Xero, "
            "sign in again: run 'xerohelper connect'.",
            file=sys.stderr,
        )

    args.organisation = connection.saved_organisation().name
    if args.action == "run":
        if args.file:
            code = _import(days, args)
            if code is not None:
                return code
        if _differs_from_xero(days, args):
            if args.json:  # a script still gets the day's JSON: where it stands, nothing sent
                _show(days, days.checklist(args.date, args.location), args)
            return EXIT_NOT_FINISHED
        if args.accept_difference:
            days.accept_difference(args.date, args.location)
        try:
            checklist = days.run_day(args.date, args.location, approve=True if args.approve else None)
        except ConnectionProblem as problem:
            print(problem.in_words(), file=sys.stderr)
            checklist = days.checklist(args.date, args.location)
            _show(days, checklist, args)
            return EXIT_NOT_CONNECTED
    else:
        checklist = days.checklist(args.date, args.location)
    _show(days, checklist, args, _plan_warning(days, args) if args.action == "run" else "")
    return EXIT_DONE if checklist.is_finished else EXIT_NOT_FINISHED


def _import(days, args) -> int | None:
    from xerohelper.services.import_day import import_day_file

    outcome = import_day_file(args.file, only_date=args.date, shop_tills=days.tills())
    if not outcome.ok:
        print(outcome.message(), file=sys.stderr)
        return EXIT_USAGE
    chosen = [d for d in outcome.days if d.location == args.location] or outcome.days
    day = chosen[0]
    if not args.new_location and days.is_new_location(day):
        print(
            f"{args.organisation}: the till file is for “{day.place}”, a shop or till xerohelper has "
            f"never sent to {args.organisation}. Nothing was sent. Check that you are connected to the right "
            "organisation; if this is a new till of this shop, run the same command again with "
            "--new-location.",
            file=sys.stderr,
        )
        return EXIT_NOT_FINISHED
    days.save_day(day)
    args.location = day.location
    return None


def _add_resend(actions) -> argparse.ArgumentParser:
    resend = actions.add_parser(
        "resend",
        help="replace a day in Xero with corrected figures: its payments removed, its invoice voided, "
        "the day sent again (shows what it would do without --yes)",
    )
    resend.add_argument("--date", type=date_argument, required=True, help="the trading day, YYYY-MM-DD")
    resend.add_argument("--from", dest="file", metavar="FILE", required=True, help="the corrected export")
    resend.add_argument("--location", default="", help="the shop or till, when the file has several")
    resend.add_argument("--yes", action="store_true", help="do it (without it: show what it would do)")
    resend.set_defaults(new_location=True)  # the day was sent before: its shop or till is known
    return resend


def _differs_from_xero(days, args) -> bool:
    """`day run --from FILE` on a day Xero already holds with other figures: say so, send nothing."""
    from xerohelper.core.catch_up import InXero
    from xerohelper.services.catch_up import where_it_stands

    if where_it_stands(days, args.date, args.location) is not InXero.DIFFERENT:
        return False
    preview = days.resend_preview(args.date, args.location)
    source = args.file or "FILE"
    figures = f"The figures in {args.file}" if args.file else "The kept figures"
    print(
        f"{figures} differ from what Xero holds for {args.date.isoformat()} "
        f"(invoice {preview.invoice.number}, {preview.invoice.total:,.2f}; now "
        f"{preview.new_total:,.2f}). Nothing was sent. To replace the day in Xero, run:\n"
        f"  xerohelper day resend --date {args.date.isoformat()} --from {source}",
        file=sys.stderr,
    )
    return True


def _resend(days, args) -> int:
    """`day resend --date D --from FILE [--yes]`: keep the corrected figures, show what replacing the day
    in Xero does; with --yes do it (payments removed, invoice voided, the day sent again)."""
    from xerohelper.commands._kept_days import say_wait
    from xerohelper.core.connection import ConnectionProblem

    code = _import(days, args)
    if code is not None:
        return code
    preview = days.resend_preview(args.date, args.location)
    when = args.date.isoformat()
    if preview is None:
        print(
            f"{when} isn't in Xero yet: there is nothing to replace. "
            f"Send it with 'xerohelper day run --date {when}'.",
            file=sys.stderr,
        )
        return EXIT_NOT_FINISHED
    if not preview.figures_changed:
        print(f"Xero already holds these figures for {when}: nothing to re-send.")
        return EXIT_DONE
    if not args.yes:
        print(f"To send the corrected {when}, xerohelper will:\n{preview.words}")
        print("Nothing was changed. Run again with --yes to do it.")
        return EXIT_NOT_FINISHED
    progress = (lambda words: print(words, file=sys.stderr)) if not args.json else None
    try:
        checklist = days.resend(args.date, args.location, progress=progress, on_wait=say_wait)
    except ConnectionProblem as problem:
        print(problem.in_words(), file=sys.stderr)
        _show(days, days.checklist(args.date, args.location), args)
        return EXIT_NOT_CONNECTED
    _show(days, checklist, args)
    return EXIT_DONE if checklist.is_finished else EXIT_NOT_FINISHED


def _plan_warning(days, args) -> str:
    """The warning ahead of the Xero plan's monthly cap ("" when the plan has none, when the run needed no
    set-up reads, or Xero can't say now: the warning is a help, never a reason for the command to fail)."""
    from xerohelper.core.connection import ConnectionProblem

    try:
        return days.plan_warning(args.date, args.location, read_setup=False)  # no reads of its own
    except ConnectionProblem:
        return ""


def _show(days, checklist, args, plan_warning: str = "") -> None:
    from xerohelper.services.day_reading import day_in_xero

    if args.json:
        in_xero = day_in_xero(days, args.date, args.location)
        shown = as_json(args.date, args.location, checklist, in_xero)
        if plan_warning:
            shown["plan_warning"] = plan_warning
        print(json.dumps({"organisation": args.organisation, **shown}))
        return
    from xerohelper.core.dates import long_date
    from xerohelper.core.money import money_words
    from xerohelper.core.till_difference import ACCEPT_FLAG

    print(f"{args.organisation} — " + long_date(args.date) + (f" — {args.location}" if args.location else ""))
    for number, status in enumerate(checklist.steps, 1):
        print(
            f"  {number}. {status.title}: {status.state}" + (f" — {status.reason}" if status.reason else "")
        )
    if plan_warning:
        print()
        print(plan_warning)
    for status in checklist.steps:
        if status.attention is not None:
            print()
            print(status.attention.as_text())
    day = days.journal.day(days.organisation_id, args.date, args.location)
    if day is not None and not day.difference_decided:
        print()
        print(
            f"To book the {money_words(abs(day.till_difference))} on the till difference account, run the "
            f"same command again with {ACCEPT_FLAG}. Or correct the figures and import them again."
        )


def as_json(trading_date: date, location: str, checklist, in_xero) -> dict:
    """The `day status --json` / `day run --json` object (`in_xero`: the day's DayInXero)."""
    invoice = in_xero.invoice
    xero_ids = {
        "sales-summary": {"invoice_id": invoice.invoice_id, "invoice_number": invoice.number}
        if invoice
        else {},
        "approve": {"invoice_id": invoice.invoice_id, "status": invoice.status} if invoice else {},
        "payments": dict(in_xero.payment_ids),
    }
    return {
        "date": trading_date.isoformat(),
        "location": location,
        "finished": checklist.is_finished,
        "steps": [
            {
                "step": str(status.step),
                "title": status.title,
                "state": str(status.state),
                "reason": status.reason,
                "xero": xero_ids[str(status.step)],
                "explanation": status.attention.to_json_dict() if status.attention is not None else None,
            }
            for status in checklist.steps
        ],
        "amount_due": f"{invoice.amount_due:.2f}" if invoice else None,
    }
