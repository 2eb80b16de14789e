"""Reading one till export: from its bytes to the days it holds, or to the problems that stop it.

Nothing is half-read: when any row has a problem, no day is returned, so nothing from a file with errors
can be posted. The owner fixes the file and imports it again.

The file is read as a stream (a few passes, a piece at a time) and its rows are added up into days as they
come, so a large export takes little memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO
from zoneinfo import ZoneInfo

from xerohelper.adapters.pos.context import ReadContext
from xerohelper.adapters.pos.formats import FORMAT_NAMES, READERS
from xerohelper.adapters.pos.other_exports import binary_file_problem
from xerohelper.adapters.pos.problems import MAX_SHOWN, FileProblem, ImportProblem, ProblemList
from xerohelper.adapters.pos.sniffer import Header, find_header, first_line_preview
from xerohelper.adapters.pos.text_file import (
    DELIMITERS,
    TextSource,
    decode,
    first_lines,
    read_table,
    split_line,
)
from xerohelper.core.day import Day

AUTO = "auto"
_READABLE = (
    "xerohelper reads: its own day file (see the template), Square's Item Detail and Transactions exports, "
    "Shopify Payments' transactions export and Loyverse's Receipts export"
)


@dataclass(frozen=True)
class ExportRead:
    """What came out of a file: the days, or the problems (never both)."""

    format: str | None  # e.g. "square-items"; None when the file wasn't recognised
    title: str  # e.g. "Square Item Detail export"
    days: tuple[Day, ...]
    problems: tuple[ImportProblem, ...]
    more_problems: int  # problems beyond those listed
    notes: tuple[str, ...]


def _failed(problem: ImportProblem, notes=(), format_name=None, title="") -> ExportRead:
    return ExportRead(format_name, title, (), (problem,), 0, tuple(notes))


def _explicit_header(text: TextSource, reader) -> Header | None:
    """For a format the owner chose: its header, or else the first line (whose missing columns get named)."""
    found = find_header(text, reader)
    if found is not None:
        return found
    lines = first_lines(text, 1)
    if not lines:
        return None
    number, line = lines[0]
    delimiter = max(DELIMITERS, key=lambda d: len(split_line(line, d)))
    return Header(number, delimiter, reader, None)


_PEEK_BYTES = 8  # enough to tell a spreadsheet, a zip or a PDF from text
_ZIP = b"PK\x03\x04"


def _seekable(data: bytes | BinaryIO) -> BinaryIO:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return io.BytesIO(data)
    if not data.seekable():
        return io.BytesIO(data.read())
    return data


def _binary_problem(data: BinaryIO) -> tuple[str, str] | None:
    data.seek(0)
    start = data.read(_PEEK_BYTES)
    if start.startswith(_ZIP):  # a workbook is told from a zip by what is inside: that needs the whole file
        data.seek(0)
        return binary_file_problem(data.read())
    return binary_file_problem(start)


def read_export(
    data: bytes | BinaryIO, file_name: str, *, format: str = AUTO, shop_zone: ZoneInfo | None = None
) -> ExportRead:
    """The days in a till export given as bytes or as an open binary file (read from its start)."""
    data = _seekable(data)
    problems = ProblemList(file_name)
    if format != AUTO and format not in READERS:
        known = ", ".join(FORMAT_NAMES)
        return _failed(
            ImportProblem(
                file_name, None, None, format, "this format isn't known", f"Use one of: auto, {known}."
            )
        )
    binary = _binary_problem(data)
    if binary is not None:
        return _failed(ImportProblem(file_name, None, None, None, *binary))
    try:
        text, encoding_note = decode(data, problems)
    except FileProblem as stop:
        return _failed(stop.import_problem)
    notes = [encoding_note] if encoding_note else []
    if text.is_blank():
        return _failed(
            ImportProblem(
                file_name,
                None,
                None,
                None,
                "the file is empty",
                "Export the day again from the till and import it.",
            )
        )
    if format == AUTO:
        header = find_header(text)
        if header is None:
            preview = first_line_preview(text)
            return _failed(
                ImportProblem(
                    file_name,
                    1,
                    None,
                    preview,
                    "xerohelper doesn't recognise this file from its first line",
                    f"{_READABLE}. Export one of those (keeping its column names), or copy your figures into "
                    "the day file template, and import it again.",
                ),
                notes,
            )
        if header.other is not None:
            return _failed(
                ImportProblem(
                    file_name, header.line, None, None, header.other.problem, header.other.what_to_do
                ),
                notes,
            )
    else:
        header = _explicit_header(text, READERS[format])
        if header is None:  # pragma: no cover - the text isn't blank, so it has a first line
            return _failed(
                ImportProblem(file_name, None, None, None, "the file is empty", "Export it again.")
            )
    reader = header.reader
    assert reader is not None
    context = ReadContext(file_name=file_name, problems=problems, shop_zone=shop_zone, notes=notes)
    try:
        table = read_table(
            text,
            file_name=file_name,
            header_line=header.line,
            delimiter=header.delimiter,
            problems=problems,
        )
        days = [day for day in reader.read(table, context) if not day.is_empty]
    except FileProblem as stop:
        shown = (stop.import_problem, *problems.shown)[:MAX_SHOWN]
        total = problems.count + 1
        return ExportRead(reader.FORMAT, reader.TITLE, (), shown, total - len(shown), tuple(notes))
    if problems:
        return ExportRead(reader.FORMAT, reader.TITLE, (), tuple(problems.shown), problems.more, tuple(notes))
    if not days:
        return _failed(
            ImportProblem(
                file_name,
                None,
                None,
                None,
                f"this {reader.TITLE} has no sales or payments in it",
                "Check that you exported the right days from the till, and import that file.",
            ),
            notes,
            reader.FORMAT,
            reader.TITLE,
        )
    return ExportRead(reader.FORMAT, reader.TITLE, tuple(days), (), 0, tuple(notes))
