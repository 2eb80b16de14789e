"""Recognising an export from its header: which reader it needs, or which other export it is.

The header is looked for in the first few lines (a title line or two may come first), split by comma,
semicolon or tab. A format is recognised when its signature columns are all there, whatever else the
export has and in whatever order.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from xerohelper.adapters.pos.columns import normalise
from xerohelper.adapters.pos.formats import READERS
from xerohelper.adapters.pos.other_exports import OTHER_EXPORTS, OtherExport
from xerohelper.adapters.pos.text_file import DELIMITERS, TextSource, first_lines, split_line


@dataclass(frozen=True)
class Header:
    line: int  # counted from 1
    delimiter: str
    reader: ModuleType | None  # the reader for this export, or None
    other: OtherExport | None  # an export xerohelper recognises but doesn't read


def find_header(text: TextSource, wanted: ModuleType | None = None) -> Header | None:
    """The first line that is a known header (of `wanted` only, when given)."""
    readers = [wanted] if wanted is not None else list(READERS.values())
    for number, line in first_lines(text):
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            names = {normalise(n) for n in split_line(line, delimiter)}
            matches = [r for r in readers if names >= r.SIGNATURE]
            if matches:
                best = max(matches, key=lambda r: len(r.SIGNATURE))
                return Header(number, delimiter, best, None)
            if wanted is None:
                for other in OTHER_EXPORTS:
                    if other.signature <= names:
                        return Header(number, delimiter, None, other)
    return None


def first_line_preview(text: TextSource) -> str:
    lines = first_lines(text, 1)
    return lines[0][1] if lines else ""
