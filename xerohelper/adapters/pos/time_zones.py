"""Time-zone names as tills write them, turned into the zones of the standard library (zoneinfo).

Square writes friendly names such as “Eastern Time (US & Canada)” or “Sydney”. Region names are listed
here; a city name is found among the system's zones (“Sydney” → Australia/Sydney); a full name such as
“Australia/Sydney” is used as it is.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_REGIONS = {
    "pacific time (us & canada)": "America/Los_Angeles",
    "mountain time (us & canada)": "America/Denver",
    "central time (us & canada)": "America/Chicago",
    "eastern time (us & canada)": "America/New_York",
    "atlantic time (canada)": "America/Halifax",
    "arizona": "America/Phoenix",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "indiana (east)": "America/Indiana/Indianapolis",
    "newfoundland": "America/St_Johns",
    "saskatchewan": "America/Regina",
    "edinburgh": "Europe/London",
    "wellington": "Pacific/Auckland",
    "utc": "UTC",
    "gmt": "UTC",
}
_GMT_PREFIX = re.compile(r"^\(?(?:GMT|UTC)[+-]\d{1,2}:?\d{2}\)?\s*")


@cache
def _zones_by_city() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in sorted(available_timezones()):
        city = name.rsplit("/", 1)[-1].replace("_", " ").casefold()
        found.setdefault(city, name)
    return found


@lru_cache(maxsize=256)
def zone_named(name: str) -> ZoneInfo | None:
    """The zone for a name a till wrote, or None when there is no such zone."""
    text = _GMT_PREFIX.sub("", name.strip())
    if not text:
        return None
    key = _REGIONS.get(text.casefold())
    if key is None and "/" in text:
        key = text
    if key is None:
        key = _zones_by_city().get(text.casefold())
    if key is None:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
