"""What every reader is given besides the file's rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from xerohelper.adapters.pos.problems import ProblemList


@dataclass
class ReadContext:
    file_name: str
    problems: ProblemList
    shop_zone: ZoneInfo | None = None  # None: each sale counts on the local date the till wrote
    notes: list[str] = field(default_factory=list)  # things the owner should know, in plain words
