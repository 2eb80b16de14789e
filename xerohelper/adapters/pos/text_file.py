"""Opening a till export as text: its encoding, line endings and separator, then its rows with line numbers.

Encodings: UTF-8 with or without a byte-order mark; UTF-16 (with a mark, or without one, as some
spreadsheet exports are); Windows-1252 as a last resort (Excel's “CSV” on Windows), with a note.
Line endings: LF, CRLF or CR. Separators: comma, semicolon (Excel in most of Europe, where the comma is
the decimal mark) or tab. Quoted values may span several lines; line numbers are those an editor shows.

The file is never held whole in memory: its text is read again from the start for each pass (checking
the encoding, finding the header, each reader's passes over the rows), a piece at a time.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from xerohelper.adapters.pos.problems import ProblemList

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_LINES = 10  # an export may start with a title line or two before its column names
_CHUNK = 1 << 20  # bytes decoded at a time when the encoding is checked
_SNIFF_BYTES = 200  # what UTF-16 without a byte-order mark is recognised from

_OPEN_AGAIN = (
    "Export the file again from the till (or save it from your spreadsheet as “CSV UTF-8”) and import that."
)


@dataclass(frozen=True)
class Row:
    line: int  # the line the row starts on, counting from 1 as an editor does
    values: list[str]


class TextSource:
    """A till export's text, read from its start as often as needed (the bytes must be seekable)."""

    def __init__(self, data: BinaryIO, encoding: str, skip: int = 0) -> None:
        self._data = data
        self.encoding = encoding
        self._skip = skip  # a UTF-8 byte-order mark

    def lines(self) -> Iterator[str]:
        """Each line with its ending (LF, CRLF or CR), as an editor counts them."""
        self._data.seek(self._skip)
        text = io.TextIOWrapper(self._data, encoding=self.encoding, newline="")
        try:
            first = True
            for line in text:
                if first:
                    line, first = line.lstrip("\ufeff"), False
                yield line
        finally:
            text.detach()  # the bytes stay open for the next pass

    def is_blank(self) -> bool:
        return not any(line.strip() for line in self.lines())


def _looks_like_utf16(data: bytes) -> str | None:
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.8 and even_nuls < half * 0.2:
        return "utf-16-le"
    if even_nuls > half * 0.8 and odd_nuls < half * 0.2:
        return "utf-16-be"
    return None


def _decodes(data: BinaryIO, encoding: str, skip: int) -> bool:
    """Whether the whole file is text in this encoding (checked a piece at a time)."""
    data.seek(skip)
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := data.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: BinaryIO, problems: ProblemList) -> tuple[TextSource, str | None]:
    """The file's text, and a note for the owner when the encoding was a guess."""
    data.seek(0)
    start = data.read(_SNIFF_BYTES)
    skip = 0
    if start.startswith(codecs.BOM_UTF8):
        skip, encodings = len(codecs.BOM_UTF8), ["utf-8"]
    elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif utf16 := _looks_like_utf16(start):
        encodings = [utf16]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        if not _decodes(data, encoding, skip):
            continue
        note = None
        if encoding == "cp1252":  # only when UTF-8 failed, so there are bytes of 0x80 and above
            note = (
                "The file isn't in UTF-8, so xerohelper read it as Windows text (Excel's usual “CSV”). "
                "Check that names with accents or symbols look right."
            )
        return TextSource(data, encoding, skip), note
    raise problems.file_problem(
        "this file isn't text xerohelper can read: it may be damaged, or not a CSV export at all", _OPEN_AGAIN
    )


def first_lines(source: TextSource, count: int = HEADER_SEARCH_LINES) -> list[tuple[int, str]]:
    """The first non-empty lines as (line number, line without its ending)."""
    found = []
    lines = source.lines()
    try:
        for number, line in enumerate(lines, 1):
            content = line.rstrip("\r\n")
            if content.strip():
                found.append((number, content))
                if len(found) == count:
                    break
    finally:
        lines.close()
    return found


def split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


class Table:
    """The rows after the header (blank lines skipped), read afresh from the file each time `rows` is
    walked: a reader may walk them twice (once for a column's dates, once for the sums)."""

    def __init__(
        self, source: TextSource, *, file_name: str, header_line: int, delimiter: str, problems: ProblemList
    ) -> None:
        self.file_name = file_name
        self.header_line = header_line
        self.delimiter = delimiter
        self._source = source
        self._problems = problems
        records = self._records()
        try:
            self.header: list[str] = next(records, (0, []))[1]
        finally:
            records.close()

    @property
    def decimal_comma(self) -> bool:
        """A `;`-separated file comes from a spreadsheet in a country where 1.234,56 is written so."""
        return self.delimiter == ";"

    def _stray_quote(self, line: int):
        return self._problems.file_problem(
            "a quote mark (\") opens a value that never ends, so the rest of the file can't be read",
            "Look for a stray quote mark on this line, remove it, save the file and import again.",
            line=line,
        )

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """(first line, values) of each record from the header on."""
        lines = self._source.lines()
        try:
            for _ in range(self.header_line - 1):
                next(lines, None)
            reader = csv.reader(lines, delimiter=self.delimiter, strict=False)
            while True:
                start = self.header_line + reader.line_num
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error:
                    raise self._stray_quote(start) from None
                yield start, values
        finally:
            lines.close()

    def column(self, index: int) -> Iterator[str]:
        """One column's values, row after row (rows too short to have one left out): a quicker pass than
        `rows` for a reader that needs a whole column before it reads the rows (a column's dates)."""
        records = self._records()
        try:
            next(records, None)  # the header
            for _, values in records:
                if index < len(values) and any(v.strip() for v in values):
                    yield values[index]
        finally:
            records.close()

    @property
    def rows(self) -> Iterator[Row]:
        records = self._records()
        try:
            next(records, None)  # the header
            for start, values in records:
                if any(v.strip() for v in values):
                    yield Row(start, values)
        finally:
            records.close()


def read_table(
    source: TextSource, *, file_name: str, header_line: int, delimiter: str, problems: ProblemList
) -> Table:
    """The table whose header is on `header_line`."""
    return Table(source, file_name=file_name, header_line=header_line, delimiter=delimiter, problems=problems)
