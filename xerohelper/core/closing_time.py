"""The closing-time reminder's schedule: when the shop closes, and which day to remind the owner about.

The owner says when the shop closes on each weekday (or that it is closed that day). Some time after closing
(`grace`), a day that isn't in Xero yet earns one reminder; a closed day never does. Everything here is a
value: the caller passes the clock's `now`, which days are in Xero and which were already reminded, so the
schedule is tested with dates and times, without waiting.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from xerohelper.core.explain.words import listed

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_CLOSING = time(17, 30)
DEFAULT_GRACE = timedelta(hours=1)
LOOK_BACK_DAYS = 1  # yesterday too: the app may have been closed last evening


def _default_week() -> tuple[time | None, ...]:
    return (DEFAULT_CLOSING,) * 6 + (None,)  # Monday to Saturday, closed on Sunday


@dataclass(frozen=True)
class ClosingHours:
    """When the shop closes, Monday first; None = closed that day."""

    closes: tuple[time | None, ...] = field(default_factory=_default_week)
    grace: timedelta = DEFAULT_GRACE
    enabled: bool = True

    def __post_init__(self) -> None:
        if len(self.closes) != 7:
            raise ValueError("closing hours need one entry per weekday, Monday first")

    def closes_on(self, day: date) -> time | None:
        return self.closes[day.weekday()]

    def reminder_time(self, day: date) -> datetime | None:
        """When the reminder for `day` is due; None on a closed day."""
        closing = self.closes_on(day)
        if closing is None:
            return None
        return datetime.combine(day, closing) + self.grace

    # The settings file's shape: {"enabled": bool, "grace_minutes": int, "closes": ["17:30", null, ...]}
    def to_section(self) -> dict:
        return {
            "enabled": self.enabled,
            "grace_minutes": int(self.grace.total_seconds() // 60),
            "closes": [c.strftime("%H:%M") if c is not None else None for c in self.closes],
        }

    @classmethod
    def from_section(cls, section: dict) -> ClosingHours:
        """Read back what to_section wrote; anything unreadable falls back to the default for that part."""
        default = cls()
        closes = list(default.closes)
        raw = section.get("closes")
        if isinstance(raw, list) and len(raw) == 7:
            for index, value in enumerate(raw):
                if value is None:
                    closes[index] = None
                elif isinstance(value, str):
                    with contextlib.suppress(ValueError):
                        closes[index] = time.fromisoformat(value)
        grace = default.grace
        minutes = section.get("grace_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and 0 <= minutes <= 24 * 60:
            grace = timedelta(minutes=minutes)
        enabled = section.get("enabled", default.enabled)
        return cls(tuple(closes), grace, enabled if isinstance(enabled, bool) else default.enabled)


def days_to_remind(
    hours: ClosingHours,
    now: datetime,
    in_xero: Callable[[date], bool],
    reminded: Collection[date] = (),
) -> list[date]:
    """The days (newest first) whose reminder is due now: open that day, past closing plus grace, not in
    Xero, not reminded before. Today and the LOOK_BACK_DAYS before it; older days are catch-up's job."""
    if not hours.enabled:
        return []
    due = []
    for back in range(LOOK_BACK_DAYS + 1):
        day = now.date() - timedelta(days=back)
        at = hours.reminder_time(day)
        if at is None or at > now or day in reminded or in_xero(day):
            continue
        due.append(day)
    return due


def next_check(hours: ClosingHours, now: datetime) -> datetime | None:
    """The next moment after `now` a reminder could fall due (to set a timer); None if the shop never opens
    or the reminder is off."""
    if not hours.enabled:
        return None
    for ahead in range(8):
        at = hours.reminder_time(now.date() + timedelta(days=ahead))
        if at is not None and at > now:
            return at
    return None


def reminder_words(day: date, today: date, tills: Sequence[str] = ()) -> str:
    """The notification's text for a day not in Xero after closing; `tills`: the tills whose day isn't (a
    shop with several, where the others' is)."""
    which = "Today's takings" if day == today else f"The takings for {day:%A} {day.day} {day:%B}"
    where = f" {at_tills(tills)}" if tills else ""
    return f"{which}{where} aren't in Xero yet. Click to open the day and send it."


def at_tills(tills: Sequence[str]) -> str:
    """“at the till “Back”” / “at the tills “Back” and “Side””."""
    names = listed([f"“{till}”" for till in tills])
    return f"at the till {names}" if len(tills) == 1 else f"at the tills {names}"
