"""Opening a till export as text: its encoding, line endings and separator, then its rows with line numbers.

Encodings: UTF-8 with or without a byte-order mark; UTF-16 (with a mark, or without one, as some
spreadsheet exports are); Windows-1252 as a last resort (Excel's “CSV” on Windows), with a note.
Line endings: LF, CRLF or CR. Separators: comma, semicolon (Excel in most of Europe, where the comma is
the decimal mark) or tab. Quoted values may span several lines; line numbers are those an editor shows.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from xerohelper.adapters.pos.problems import ProblemList

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_LINES = 10  # an export may start with a title line or two before its column names

_OPEN_AGAIN = (
    "Export the file again from the till (or save it from your spreadsheet as “CSV UTF-8”) and import that."
)


@dataclass(frozen=True)
class Row:
    line: int  # the line the row starts on, counting from 1 as an editor does
    values: list[str]


@dataclass(frozen=True)
class Table:
    file_name: str
    header: list[str]
    header_line: int
    rows: list[Row]
    delimiter: str

    @property
    def decimal_comma(self) -> bool:
        """A `;`-separated file comes from a spreadsheet in a country where 1.234,56 is written so."""
        return self.delimiter == ";"


def _looks_like_utf16(data: bytes) -> str | None:
    sample = data[:200]
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


def decode(data: bytes, problems: ProblemList) -> tuple[str, str | None]:
    """The file's text, and a note for the owner when the encoding was a guess."""
    if data.startswith(codecs.BOM_UTF8):
        data, encodings = data[len(codecs.BOM_UTF8) :], ["utf-8"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif utf16 := _looks_like_utf16(data):
        encodings = [utf16]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = None
        if encoding == "cp1252" and any(b >= 0x80 for b in data):
            note = (
                "The file isn't in UTF-8, so xerohelper read it as Windows text (Excel's usual “CSV”). "
                "Check that names with accents or symbols look right."
            )
        return text.lstrip("\ufeff"), note
    raise problems.file_problem(
        "this file isn't text xerohelper can read: it may be damaged, or not a CSV export at all", _OPEN_AGAIN
    )


def first_lines(text: str, count: int = HEADER_SEARCH_LINES) -> list[tuple[int, int, str]]:
    """The first non-empty lines as (line number, offset in the text, line without its ending)."""
    found = []
    stream = io.StringIO(text, newline="")
    number, offset = 0, 0
    while len(found) < count:
        line = stream.readline()
        if not line:
            break
        number += 1
        content = line.rstrip("\r\n")
        if content.strip():
            found.append((number, offset, content))
        offset += len(line)
    return found


def split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def read_table(
    text: str, *, file_name: str, header_line: int, header_offset: int, delimiter: str, problems: ProblemList
) -> Table:
    """Every row after the header (blank lines skipped)."""
    stream = io.StringIO(text[header_offset:], newline="")
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    rows: list[Row] = []
    header: list[str] | None = None
    first_line = header_line
    while True:
        start = first_line + reader.line_num
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise problems.file_problem(
                "a quote mark (\") opens a value that never ends, so the rest of the file can't be read",
                "Look for a stray quote mark on this line, remove it, save the file and import again.",
                line=start,
            ) from None
        if header is None:
            header = values
            continue
        if not any(v.strip() for v in values):
            continue
        rows.append(Row(start, values))
    return Table(file_name, header or [], header_line, rows, delimiter)
