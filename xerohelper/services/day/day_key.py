"""Which day a checklist is for: the trading date and the shop or till ("" when the shop has one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DayKey:
    trading_date: date
    location: str = ""


def in_order(key: DayKey) -> tuple[date, str]:
    """Days are worked through oldest first (then by location)."""
    return (key.trading_date, key.location)


def days_before(keys: list[DayKey], first_stop: DayKey | None) -> list[DayKey]:
    """The days before `first_stop` (all of them when nothing stopped), as they were."""
    return [k for k in keys if first_stop is None or in_order(k) < in_order(first_stop)]
