"""The sandbox's clock: real time plus an offset that tests (and people exploring) can move.

Everything in the sandbox that depends on time — token and code lifetimes, rate-limit windows,
idempotency keys, "today" for the demo organisation, UpdatedDateUTC stamps — reads this clock, so a
test can jump 31 minutes ahead instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta, timezone


class Clock:
    """Wall-clock time shifted by a movable offset. Thread-safe."""

    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0
        if start is not None:
            self.set(start)

    def timestamp(self) -> float:
        """Seconds since the epoch, as the sandbox sees it."""
        return time.time() + self._offset

    def now(self) -> datetime:
        """An aware UTC datetime."""
        return datetime.fromtimestamp(self.timestamp(), UTC)

    def today(self, utc_offset_minutes: int = 0) -> date:
        """Today's date at a fixed offset from UTC (an organisation's local day)."""
        zone = timezone(timedelta(minutes=utc_offset_minutes))
        return self.now().astimezone(zone).date()

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            self._offset += float(seconds)
        return self.now()

    def set(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        with self._lock:
            self._offset = moment.timestamp() - time.time()
        return self.now()

    @property
    def offset_seconds(self) -> float:
        return self._offset

    def restore_offset(self, offset_seconds: float) -> None:
        with self._lock:
            self._offset = float(offset_seconds)
