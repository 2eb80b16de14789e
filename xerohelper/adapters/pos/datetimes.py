"""Dates and times as till exports write them, and which trading day a sale belongs to.

Seen in real exports: `2026-07-18` with a separate `12:59:30` (Square), `11/15/2017` (older Square),
`7/28/26 1:33 PM` and `01/10/2026 23:50` (Loyverse, following the account's country), `2025-06-30 23:32:39
-0400` (Shopify, with the shop's UTC offset), `24.03.2023, 12:32` and `15.03.23` (SumUp), `16-03-2013`
(Casio). Whether `01/10/2026` is 1 October or 10 January is decided once for the whole file: from a value
that can only be one of them, else from the period in the file's name, else from the export's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import Enum
from zoneinfo import ZoneInfo

from xerohelper.adapters.pos.problems import ValueProblem
from xerohelper.adapters.pos.time_zones import zone_named
from xerohelper.core.dates import long_date


class DateOrder(Enum):
    DAY_FIRST = "day/month"
    MONTH_FIRST = "month/day"


@dataclass(frozen=True)
class Stamp:
    """A moment as the till wrote it: the local date, maybe the time, maybe the UTC offset."""

    day: date
    time: time | None = None
    offset: timedelta | None = None


_TAIL = r"(?:(?:,?\s+|T)(?P<time>.+))?$"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TAIL)
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _TAIL)
_DOT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TAIL)
_DASH_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})" + _TAIL)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(
    r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$"
)
_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})(?:-to-|_to_|--|-|_)(\d{4}-\d{2}-\d{2})")

_SEEN_MAX = 10_000  # date texts remembered at once

_DATE_HELP = (
    "Dates should look like 2026-07-18, 18/07/2026 or 7/18/26 1:33 PM. "
    "Correct it in the file and import again."
)


def _not_a_date() -> ValueProblem:
    return ValueProblem("this is not a date xerohelper can read", _DATE_HELP)


YEARS_BACK = 25  # a till export from further back than this is a mistake (a year typed wrong, 0000…)
YEARS_AHEAD = 1  # nor can takings come from further ahead than next year (time zones and year ends aside)


def _make_date(year_text: str, month: int, day: int) -> date:
    year = int(year_text)
    if len(year_text) == 2:  # 7/18/26: the year written short
        year += 2000
    this_year = date.today().year
    if not this_year - YEARS_BACK <= year <= this_year + YEARS_AHEAD:
        raise ValueProblem(
            f"the year {year_text} can't be right for a day's takings",
            "Correct the date in the file (for example 2026-07-18) and import again.",
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem("there is no such date", _DATE_HELP) from None


def parse_time(text: str) -> tuple[time, timedelta | None]:
    """`12:59:30`, `1:33 PM`, `23:50`, `23:32:39 -0400`, `10.30.00` → the time and the UTC offset if given."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueProblem(
            "this is not a time of day xerohelper can read",
            "Times should look like 13:05, 13:05:30 or 1:05 PM. Correct it in the file and import again.",
        )
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise ValueProblem(
                "this time has AM or PM but the hour isn't 1 to 12", "Correct it and import again."
            )
        hour = hour % 12 + (12 if match[4] in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueProblem("there is no such time of day", "Correct the time in the file and import again.")
    offset = None
    if match[5]:
        zone = match[5]
        if zone in ("Z", "UTC", "GMT"):
            offset = timedelta(0)
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if abs(offset) > timedelta(hours=14):
                raise ValueProblem(
                    "this time-zone offset doesn't exist", "Correct it in the file and import again."
                )
    return time(hour, minute, second), offset


def _slash_parts(text: str) -> tuple[int, int] | None:
    match = _SLASH.match(text.strip())
    return (int(match[1]), int(match[2])) if match else None


def decide_order(
    values, *, period: tuple[date, date] | None, default: DateOrder
) -> tuple[DateOrder, str | None]:
    """How to read `a/b/yyyy` dates in this file, and a note for the owner when it was a guess."""
    firsts: set[int] = set()
    seconds: set[int] = set()
    examples: list[tuple[int, int, str]] = []
    seen: set[str] = set()  # values already looked at (bounded: a long export has a time in each)
    for value in values:
        if value in seen:
            continue
        if len(seen) < _SEEN_MAX:
            seen.add(value)
        parts = _slash_parts(value)
        if parts:
            firsts.add(parts[0])
            seconds.add(parts[1])
            example = (*parts, value.strip())
            if len(examples) < 50 and example not in examples:
                examples.append(example)
    day_first_possible = all(s <= 12 for s in seconds)
    month_first_possible = all(f <= 12 for f in firsts)
    if not examples:
        return default, None
    if day_first_possible and not month_first_possible:
        return DateOrder.DAY_FIRST, None
    if month_first_possible and not day_first_possible:
        return DateOrder.MONTH_FIRST, None
    if not day_first_possible and not month_first_possible:
        raise ValueProblem(
            "the dates in this file mix day/month and month/day (some have a day over 12 first, some second)",
            "Export the file again from the till, without opening it in a spreadsheet, and import that.",
        )
    if period is not None:
        fits = []
        for order in DateOrder:
            reader = DateReader(order)
            try:
                if all(period[0] <= reader.read(value).day <= period[1] for *_, value in examples):
                    fits.append(order)
            except ValueProblem:
                continue
        if len(fits) == 1:
            return fits[0], None
    example = sorted(examples)[0][2]
    chosen = DateReader(default).read(example).day
    note = (
        f"Dates like “{example}” could be day/month or month/day; xerohelper read them as {default.value} "
        f"({long_date(chosen)}). Check the day's date before posting it."
    )
    return default, note


class DateReader:
    """Reads a column's dates (with or without a time) in one order, remembering each text it has read."""

    def __init__(self, order: DateOrder = DateOrder.MONTH_FIRST) -> None:
        self.order = order
        self._seen: dict[str, Stamp] = {}

    def read(self, text: str) -> Stamp:
        stamp = self._seen.get(text)
        if stamp is None:
            if len(self._seen) >= _SEEN_MAX:  # a long export with a time in each date: keep memory small
                self._seen.clear()
            stamp = self._seen[text] = self._read(text.strip())
        return stamp

    def _read(self, text: str) -> Stamp:
        if match := _ISO.match(text):
            day = _make_date(match[1], int(match[2]), int(match[3]))
        elif match := _SLASH.match(text):
            a, b = int(match[1]), int(match[2])
            day_no, month = (a, b) if self.order is DateOrder.DAY_FIRST else (b, a)
            day = _make_date(match[3], month, day_no)
        elif (match := _DOT.match(text)) or (match := _DASH_DAY_FIRST.match(text)):
            day = _make_date(match[3], int(match[2]), int(match[1]))
        elif match := _COMPACT.match(text):
            day = _make_date(match[1], int(match[2]), int(match[3]))
        else:
            raise _not_a_date()
        if match.re is not _COMPACT and match["time"]:
            at, offset = parse_time(match["time"])
            return Stamp(day, at, offset)
        return Stamp(day)


def period_in_file_name(file_name: str) -> tuple[date, date] | None:
    """`items-2026-07-18-2026-07-19.csv` → (18 July, 19 July); None when the name has no period."""
    match = _PERIOD.search(file_name)
    if not match:
        return None
    try:
        start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
    except ValueError:
        return None
    return (start, end) if start <= end else None


def trading_date(stamp: Stamp, *, zone_name: str = "", shop_zone: ZoneInfo | None = None) -> date:
    """The day a sale counts for.

    Without `shop_zone`: the local date the till wrote (a Square row's date is already in its `Time Zone`,
    a Shopify time carries the shop's own offset). With `shop_zone`: the moment is moved into the shop's
    time zone first, for a till whose exports are set to another zone.
    """
    if shop_zone is None or stamp.time is None:
        return stamp.day
    zone: tzinfo
    if stamp.offset is not None:
        zone = timezone(stamp.offset)
    elif zone_name.strip():
        found = zone_named(zone_name)
        if found is None:
            raise ValueProblem(
                "xerohelper doesn't know this time zone",
                "Write a time zone such as “Eastern Time (US & Canada)” or “Australia/Sydney”, "
                "or import the file without choosing the shop's time zone.",
            )
        zone = found
    else:
        return stamp.day
    return datetime.combine(stamp.day, stamp.time, zone).astimezone(shop_zone).date()
