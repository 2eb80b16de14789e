"""Import a day's takings from a till export: read the file, split it into days, put the till's names into
the shop's names the owner chose before, and say plainly what is wrong when the file can't be used.

Nothing is posted here. When any row of the file has a problem, no day comes back at all (never part of
a file): the owner fixes the file and imports it again.
"""

from __future__ import annotations

import stat
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from xerohelper.adapters.pos.formats import vendor_of
from xerohelper.adapters.pos.problems import ImportProblem
from xerohelper.adapters.pos.read_export import AUTO, read_export
from xerohelper.adapters.pos.source_names_store import SourceNamesStore, SourceNamesUnreadable
from xerohelper.core.dates import long_date
from xerohelper.core.day import Day
from xerohelper.core.pos_source_mapping import NameQuestion, PosSourceMapping

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class DayImport:
    """The outcome of importing one file: days (in the shop's names) or problems, never both."""

    file: Path
    format: str | None = None  # "square-items"…; None when the file wasn't recognised
    title: str = ""  # "Square Item Detail export"
    source: str | None = None  # the till whose names are remembered: "square", "shopify"…
    days: tuple[Day, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    more_problems: int = 0
    notes: tuple[str, ...] = ()
    questions: tuple[NameQuestion, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems

    def message(self) -> str:
        """Every problem as a sentence, one per line, then how many more there are."""
        lines = [str(p) for p in self.problems]
        if self.more_problems:
            lines.append(
                f"…and {self.more_problems} more problem{'s' if self.more_problems > 1 else ''} "
                "in the same file. Nothing from this file was imported."
            )
        elif self.problems:
            lines.append("Nothing from this file was imported.")
        return "\n".join(lines)


def _file_problem(path: Path, problem: str, what_to_do: str) -> DayImport:
    return DayImport(file=path, problems=(ImportProblem(path.name, None, None, None, problem, what_to_do),))


def _open(path: Path) -> BinaryIO | DayImport:
    """The file opened for reading (it is read as a stream, never whole), or why it can't be."""
    try:
        found = path.stat()  # FileNotFoundError when there is nothing there
        if stat.S_ISDIR(found.st_mode):
            return _file_problem(path, "this is a folder, not a file", "Choose the exported file inside it.")
        if not stat.S_ISREG(found.st_mode):  # a pipe, a device, a socket: reading could wait forever
            return _file_problem(
                path,
                "this is not a file that was saved by a till (it is a pipe or a device)",
                "Choose the exported file itself, as the till saved it.",
            )
        if found.st_size > MAX_FILE_BYTES:
            return _file_problem(
                path,
                "this file is too large to be a till export (over 200 MB)",
                "Export a shorter period (a day, a week or a month) and import that.",
            )
        return path.open("rb")
    except FileNotFoundError:
        return _file_problem(
            path, "there is no such file", "Check the file's name and folder, and try again."
        )
    except PermissionError:
        return _file_problem(
            path,
            "xerohelper isn't allowed to read this file",
            "Copy the file somewhere you can open it (for example your Documents folder) "
            "and import the copy.",
        )
    except OSError as error:
        return _file_problem(
            path,
            f"the file can't be read ({error.strerror or error})",
            "Try again, or export the file afresh.",
        )


def import_day_file(
    path: str | Path,
    *,
    format: str = AUTO,
    only_date: date | None = None,
    shop_zone: ZoneInfo | None = None,
    names_store: SourceNamesStore | None = None,
    shop_categories=(),
    shop_tenders=(),
    shop_tills: Collection[str] = (),
) -> DayImport:
    """Read a till export into days.

    format: "auto" (recognise it from its header) or one of adapters.pos.formats.FORMAT_NAMES.
    only_date: keep only that day. shop_zone: count each sale on its date in the shop's time zone
    (None: the date the till wrote). shop_categories/shop_tenders: the shop's own names (the Mapping's),
    to match case and to ask only about names the shop doesn't use. shop_tills: the shop's tills (see
    at_its_till).
    """
    path = Path(path)
    data = _open(path)
    if isinstance(data, DayImport):
        return data
    try:
        with data:
            found = read_export(data, path.name, format=format, shop_zone=shop_zone)
    except OSError as error:
        return _file_problem(
            path,
            f"the file can't be read ({error.strerror or error})",
            "Try again, or export the file afresh.",
        )
    outcome = DayImport(
        file=path,
        format=found.format,
        title=found.title,
        source=vendor_of(found.format) if found.format else None,
        problems=found.problems,
        more_problems=found.more_problems,
        notes=found.notes,
    )
    if found.problems or outcome.source is None:
        return outcome
    days = list(found.days)
    if only_date is not None:
        days = [d for d in days if d.date == only_date]
        if not days:
            has = ", ".join(long_date(d) for d in sorted({d.date for d in found.days}))
            return _file_problem(
                path,
                f"this file has no takings for {long_date(only_date)} (it has {has})",
                "Choose one of the days the file has, or export that day from the till.",
            )
    store = names_store or SourceNamesStore.for_this_user()
    notes = list(found.notes)
    try:
        names = store.load()
    except SourceNamesUnreadable as error:
        names, notes = PosSourceMapping(), [*notes, str(error)]
    days = [
        at_its_till(
            names.apply(outcome.source, d, shop_categories=shop_categories, shop_tenders=shop_tenders),
            shop_tills,
        )
        for d in days
    ]
    questions = names.questions(
        outcome.source, days, shop_categories=shop_categories, shop_tenders=shop_tenders
    )
    return DayImport(
        file=path,
        format=found.format,
        title=found.title,
        source=outcome.source,
        days=tuple(days),
        notes=tuple(notes),
        questions=tuple(questions),
    )


def at_its_till(day: Day, shop_tills: Collection[str]) -> Day:
    """A day read from a file that names one shop or till only is read as a single till's day (location
    ""). For a shop with several tills (`shop_tills`: the tills it tracks or has kept days of) such a file
    is that till's: its days are kept at that till — a till never seen is asked about first, as for any
    shop — never as the shop's one till, where one till's file would take the place of another's figures
    for the same day."""
    if not day.location and day.place and shop_tills:
        return replace(day, location=day.place)
    return day
