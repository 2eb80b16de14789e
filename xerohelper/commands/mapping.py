"""`xerohelper mapping export FILE` and `xerohelper mapping import FILE`: pass a shop's set-up on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "mapping"
HELP = "export the shop's mapping (categories and tenders to Xero accounts) to a file, or import one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    export = actions.add_parser("export", help="write the connected organisation's mapping to FILE")
    export.add_argument("file", metavar="FILE", type=Path)
    imported = actions.add_parser("import", help="use the mapping in FILE for the connected organisation")
    imported.add_argument("file", metavar="FILE", type=Path)
    imported.add_argument(
        "--other-organisation",
        action="store_true",
        help="use the file even though it was made for another Xero organisation",
    )
    for sub in (export, imported):
        sub.add_argument("--sandbox", metavar="BASE_URL", help="the sandbox's connection instead of Xero's")


def run(args: argparse.Namespace) -> int:
    from xerohelper.core.mapping import MappingFileError
    from xerohelper.services.connection import ConnectionService, NotASandboxAddress
    from xerohelper.services.day_checklist import DayChecklistService
    from xerohelper.services.shop_mapping import MadeFor, export_mapping, import_mapping_file

    try:
        connection = ConnectionService.for_command_line(args.sandbox)
    except NotASandboxAddress as problem:
        print(f"xerohelper mapping: {problem}", file=sys.stderr)
        return 2
    organisation = connection.saved_organisation()
    if organisation is None:
        print("xerohelper isn't connected to Xero yet. Run 'xerohelper connect' first.", file=sys.stderr)
        return 3
    if args.action == "export":
        mapping = DayChecklistService.mapping_for(connection)
        try:
            export_mapping(mapping, args.file, MadeFor(organisation.tenant_id, organisation.name))
        except MappingFileError as problem:  # it couldn't be written: why, in words, and what to do
            print(problem, file=sys.stderr)
            return 1
        print(f"Saved the mapping of {organisation.name} to {args.file}.")
        return 0
    try:
        mapping = import_mapping_file(
            args.file,
            connection.folders.settings,
            organisation.tenant_id,
            organisation.name,
            other_organisation=args.other_organisation,
        )
    except MappingFileError as problem:
        print(problem, file=sys.stderr)
        return 2
    print(f"{organisation.name} now uses the mapping from {args.file}.")
    for problem in mapping.problems():
        print(f"Note: {problem}", file=sys.stderr)
    return 0
