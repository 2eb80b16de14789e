"""Finding a reader's columns by name (never by position: vendors add columns between years), and reading
one row's cells with every unreadable value reported with its line, column and value."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from xerohelper.adapters.pos.amounts import parse_money
from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.datetimes import (
    DateOrder,
    DateReader,
    Stamp,
    decide_order,
    parse_time,
    period_in_file_name,
)
from xerohelper.adapters.pos.problems import ProblemList, ValueProblem
from xerohelper.adapters.pos.text_file import Row, Table


def normalise(name: str) -> str:
    """How column names are compared: case, spaces and stray quote marks don't matter."""
    return " ".join(name.replace("\ufeff", "").strip().strip('"').split()).casefold()


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]  # the header names this column goes by (older and newer exports)
    required: bool = True


class Columns:
    """Where each wanted column is in this file's header."""

    def __init__(self, table: Table, wanted: tuple[Column, ...], problems: ProblemList, title: str) -> None:
        self.table = table
        self.problems = problems
        self._index: dict[str, int] = {}
        self._names: dict[str, str] = {}
        positions: dict[str, int] = {}
        for position, name in enumerate(table.header):
            positions.setdefault(normalise(name), position)
        missing = []
        for column in wanted:
            found = next((positions[normalise(n)] for n in column.names if normalise(n) in positions), None)
            if found is None:
                if column.required:
                    missing.append(column.names[0])
                continue
            self._index[column.key] = found
            self._names[column.key] = table.header[found].strip()
        if missing:
            quoted = [f"“{name}”" for name in missing]
            listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
            raise problems.file_problem(
                f"this {title} has no {listed} column{'s' if len(missing) > 1 else ''}",
                "Export the file again from the till with all its columns (don't delete any), and import it.",
                line=table.header_line,
            )
        self._needed = max(self._index.values(), default=-1) + 1
        self._header_words = {normalise(n) for n in table.header if n.strip()}

    def has(self, key: str) -> bool:
        return key in self._index

    def position(self, key: str) -> int | None:
        """Where the column is in the header (counting from 0), or None when the file hasn't got it."""
        return self._index.get(key)

    def name(self, key: str) -> str:
        return self._names[key]

    def values(self, key: str) -> Iterator[str]:
        """Every row's value in this column (rows too short to have one are left out), read as they come."""
        index = self.position(key)
        if index is not None:
            yield from self.table.column(index)

    def date_reader(self, key: str, context: ReadContext, *, default: DateOrder) -> DateReader:
        """A reader for this column's dates, in the order (day/month or month/day) the whole column fits."""
        try:
            order, note = decide_order(
                self.values(key), period=period_in_file_name(context.file_name), default=default
            )
        except ValueProblem as error:
            raise self.problems.file_problem(error.problem, error.what_to_do, column=self.name(key)) from None
        if note:
            context.notes.append(note)
        return DateReader(order)

    def cells(self, row: Row) -> Cells | None:
        """The row's cells, or None (with the problem reported) when the row is the wrong shape."""
        values = row.values
        width = len(self.table.header)
        quick = sum(1 for v in values if v.strip().casefold() in self._header_words)  # cheap first look
        filled = [normalise(v) for v in values if v.strip()] if quick >= 3 else []
        matches = sum(1 for v in filled if v in self._header_words)
        if matches >= 3 and matches * 2 >= len(filled):
            raise self.problems.file_problem(
                "this line is a row of column names: the file seems to hold two exports one after the other",
                "Keep one export per file: split the file at this line and import each part on its own.",
                line=row.line,
            )
        if len(values) < self._needed:
            self.problems.add(
                f"this line has {len(values)} value{'s' if len(values) != 1 else ''} but the file has "
                f"{width} columns: it may have been cut short or joined with another line",
                "Open the file in a text editor, mend this line (or export the file again) and import it.",
                line=row.line,
            )
            return None
        if len(values) > width and any(v.strip() for v in values[width:]):
            self.problems.add(
                f"this line has {len(values)} values but the file has {width} columns: a value probably "
                "contains a comma without quote marks around it",
                "Put quote marks around that value (or export the file again) and import it.",
                line=row.line,
            )
            return None
        return Cells(row, self)


class Cells:
    """One row's values by column key. A value that can't be read is reported and marks the row as bad."""

    def __init__(self, row: Row, columns: Columns) -> None:
        self.row = row
        self.columns = columns
        self.ok = True

    def text(self, key: str) -> str:
        index = self.columns.position(key)
        if index is None or index >= len(self.row.values):
            return ""
        return self.row.values[index].strip()

    def _report(self, key: str, error: ValueProblem) -> None:
        self.ok = False
        self.columns.problems.add_value_problem(
            error, line=self.row.line, column=self.columns.name(key), value=self.text(key)
        )

    def money(self, key: str, *, required: bool = False) -> Decimal:
        if not self.columns.has(key):
            return Decimal(0)
        try:
            return parse_money(
                self.text(key), decimal_comma=self.columns.table.decimal_comma, blank_is_zero=not required
            )
        except ValueProblem as error:
            self._report(key, error)
            return Decimal(0)

    def stamp(self, key: str, reader: DateReader, *, time_key: str | None = None) -> Stamp | None:
        """The date in column `key` (with the time from `time_key` when the export keeps it apart)."""
        try:
            text = self.text(key)
            if not text:
                raise ValueProblem(
                    "the date is missing", "Fill in the date (like 2026-07-18) and import again."
                )
            stamp = reader.read(text)
        except ValueProblem as error:
            self._report(key, error)
            return None
        if time_key and stamp.time is None and (time_text := self.text(time_key)):
            try:
                at, offset = parse_time(time_text)
            except ValueProblem as error:
                self._report(time_key, error)
                return None
            stamp = Stamp(stamp.day, at, offset)
        return stamp

    def fail(self, key: str | None, problem: str, what_to_do: str) -> None:
        """Report a problem with this row (in column `key`, or the whole row when None)."""
        self.ok = False
        self.columns.problems.add(
            problem,
            what_to_do,
            line=self.row.line,
            column=self.columns.name(key) if key else None,
            value=self.text(key) if key else None,
        )
