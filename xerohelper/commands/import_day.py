"""`xerohelper import FILE`: read a till export and show the days it holds (nothing is posted).

    xerohelper import FILE [--format auto|generic|square-items|square-transactions|shopify-payments|
                            loyverse-receipts] [--date YYYY-MM-DD] [--json] [--save [--sandbox BASE_URL]]

With --json it prints a JSON list of days (see core.day.Day.to_json_dict); notes go to stderr. A file that
can't be imported exits with 2 and the problems on stderr. With --save every day is kept, as the app keeps
them (for `catch-up` to send): days already in Xero with the same figures are left alone, days in Xero
with other figures are kept and named, with the `day resend` that replaces them (on stderr with --json).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

NAME = "import"
HELP = "read a till export (or the generic day file) and show each day's sales and payments"
FORMATS = ("auto", "generic", "square-items", "square-transactions", "shopify-payments", "loyverse-receipts")
EXIT_UNREADABLE = 2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-07-18"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the exported CSV file")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="which export the file is (default: recognise it from its column names)",
    )
    parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="keep only this day")
    parser.add_argument(
        "--json", action="store_true", help="print the days as JSON (for scripts and support)"
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="keep the days for the connected organisation (as the app does), for 'catch-up' to send",
    )
    parser.add_argument("--sandbox", metavar="BASE_URL", help="with --save: the Xero sandbox at BASE_URL")
    parser.add_argument(
        "--new-location",
        action="store_true",
        help="with --save: keep a file whose shop or till name was never seen for this organisation",
    )


def _money(amount) -> str:
    return f"{amount:,.2f}"


def _print_day(day, out) -> None:
    from xerohelper.core.dates import long_date

    where = f" — {day.location}" if day.location else ""
    print(f"\n{long_date(day.date)}{where}", file=out)
    labels = [s.category if s.kind.value == "sale" else f"{s.category} ({s.kind.value})" for s in day.sales]
    width = max([len(label) for label in labels] + [len(t.name) for t in day.tenders] + [16])
    if day.sales:
        print(f"  {'Sales':<{width + 2}} {'net':>12} {'tax':>10} {'gross':>12}", file=out)
        for label, line in zip(labels, day.sales, strict=True):
            rate = f"  [{line.tax_rate}]" if line.tax_rate else ""
            figures = f"{_money(line.net):>12} {_money(line.tax):>10} {_money(line.gross):>12}"
            print(f"    {label:<{width}} {figures}{rate}", file=out)
    if day.tenders:
        print(f"  {'Payments':<{width + 2}} {'amount':>12}", file=out)
        for tender in day.tenders:
            print(f"    {tender.name:<{width}} {_money(tender.amount):>12}", file=out)
    totals = day.totals
    print(
        f"  Sales {_money(totals.gross)} (tax {_money(totals.tax)}), payments {_money(totals.tendered)}, "
        f"difference {_money(totals.difference)}",
        file=out,
    )


def run(args: argparse.Namespace) -> int:
    import json

    from xerohelper.services.import_day import import_day_file

    outcome = import_day_file(args.file, format=args.format, only_date=args.date)
    if not outcome.ok:
        print(outcome.message(), file=sys.stderr)
        for note in outcome.notes:
            print(f"Note: {note}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        json.dump([day.to_json_dict() for day in outcome.days], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        for note in outcome.notes:
            print(f"Note: {note}", file=sys.stderr)
        return _save(outcome.days, args, sys.stderr) if args.save else 0
    count = len(outcome.days)
    print(f"{outcome.file.name}: {outcome.title}, {count} day{'s' if count != 1 else ''}.")
    for day in outcome.days:
        _print_day(day, sys.stdout)
    if outcome.notes:
        print()
        for note in outcome.notes:
            print(f"Note: {note}")
    return _save(outcome.days, args, sys.stdout) if args.save else 0


def _save(found_days, args, out) -> int:
    """Keep every day of the file; say what was done with each."""
    from xerohelper.commands._kept_days import open_days
    from xerohelper.core.catch_up import FoundDay
    from xerohelper.services.catch_up import keep_days
    from xerohelper.services.import_day import at_its_till

    days, code = open_days(NAME, args.sandbox, reading_only=True)
    if days is None:
        return code
    tills = days.tills()
    found_days = [at_its_till(d, tills) for d in found_days]  # a file of one of the shop's tills is its
    new = sorted({d.place for d in found_days if days.is_new_location(d)})
    if new and not args.new_location:
        print(
            f"The file is for {', '.join(new)}, a shop or till xerohelper has never sent to this "
            "organisation. Nothing was kept. Check that you are connected to the right organisation; "
            "if this is a new till of this shop, run the same command again with --new-location.",
            file=sys.stderr,
        )
        return 1
    print(file=out)
    for found in keep_days(days, found_days):
        when = found.day.date.isoformat()
        where = f" — {found.day.place}" if found.day.place else ""
        print(f"{when}{where}: {found.done.value}", file=out)
        if found.done is FoundDay.DIFFERENT_IN_XERO:
            print(
                f"  Xero holds other figures for {when}: nothing is sent. To replace the day in Xero, run "
                f"'xerohelper day resend --date {when} --from {args.file}'.",
                file=out,
            )
    from xerohelper.commands._kept_days import organisation_name

    name = organisation_name(args.sandbox)
    print(f"Kept for {name}. " if name else "Kept. ", end="", file=out)
    print("'xerohelper catch-up' sends the days not yet in Xero.", file=out)
    return 0
