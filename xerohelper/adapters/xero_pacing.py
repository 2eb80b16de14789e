"""Keeping within Xero's limits: at most 5 calls at once, wait when Xero says 429 (Retry-After), slow down
when the minute's allowance runs low, and try again after 5xx answers or a dropped connection.

Writes are retried with the same Idempotency-Key, so Xero replays its first answer instead of doing the
work twice. Waiting is done on an Event, so Cancel stops a wait at once: the pacer's own `cancel` (the
window is closing) and the one a caller passes for its call only (the owner pressed Cancel on that run).
The `on_wait` listener hears of every wait (the app shows a countdown). Nothing here runs on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from xero_python.exceptions import ApiException

from xerohelper.core.connection import SignInServiceBusy, XeroUnreachable

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_AT_ONCE = 5  # Xero: 5 concurrent calls per organisation
RETRYABLE_STATUSES = {500, 502, 503, 504}
BACKOFF_SECONDS = (1.0, 2.0, 4.0, 8.0)
LOW_MINUTE_ALLOWANCE = 2  # below this many calls left in the minute, wait for the next minute
MAX_SIGN_IN_WAIT = 300  # seconds: a longer wait asked by Xero's sign-in service is left to the owner


class Cancelled(Exception):
    """The owner pressed Cancel while xerohelper was waiting for Xero."""


class DailyLimitReached(Exception):
    """Xero's daily allowance for this organisation is used up; the wait is hours, not seconds."""

    def __init__(self, retry_after: int, error: ApiException) -> None:
        super().__init__(f"Xero's daily limit is reached; Xero says to wait {retry_after} seconds")
        self.retry_after = retry_after
        self.error = error


@dataclass
class Allowance:
    """What Xero's last answer said is left (None until Xero says)."""

    minute: int | None = None
    day: int | None = None


WaitListener = Callable[[float, str], None]  # (seconds, why in words)


class XeroPacer:
    def __init__(
        self,
        on_wait: WaitListener | None = None,
        cancel: threading.Event | None = None,
        max_tries: int = len(BACKOFF_SECONDS) + 1,
        backoff: tuple[float, ...] = BACKOFF_SECONDS,
        sleep: Callable[[float], bool] | None = None,
        low_minute_allowance: int = LOW_MINUTE_ALLOWANCE,
    ) -> None:
        self.low_minute_allowance = low_minute_allowance
        self.on_wait = on_wait
        self._sleep = sleep  # returns True when cancelled; default: wait on `cancel`
        self.cancel = cancel or threading.Event()
        self.max_tries = max_tries
        self.backoff = backoff
        self.allowance = Allowance()
        self.calls = 0  # answers received, for the benchmark and the support report
        self.rate_limited = 0  # 429s received
        self._slots = threading.BoundedSemaphore(MAX_AT_ONCE)

    def run(
        self, call: Callable[[], tuple[T, int, object]], what: str, cancel: threading.Event | None = None
    ) -> T:
        """Run one SDK call made with `_return_http_data_only=False`; return its data.

        `cancel`, when given, stops this call's waits (as the pacer's own `cancel` stops every call's)."""
        for attempt in range(1, self.max_tries + 1):
            self._check_cancel(cancel)
            if self.allowance.minute is not None and self.allowance.minute < self.low_minute_allowance:
                self._wait(60, "Xero allows 60 calls a minute; waiting for the next minute", cancel)
                self.allowance.minute = None
            try:
                with self._slots:
                    data, _status, headers = call()
                self.calls += 1
                self._note(headers)
                return data
            except ApiException as err:
                self.calls += 1
                self._note(err.headers)
                if err.status == 429:
                    self.rate_limited += 1
                    seconds = _retry_after(err)
                    problem = _header(err.headers, "X-Rate-Limit-Problem").lower()
                    if problem == "day":
                        raise DailyLimitReached(seconds, err) from err
                    if attempt == self.max_tries:
                        raise
                    self._wait(
                        seconds, f"Xero asked xerohelper to slow down ({problem or 'rate'} limit)", cancel
                    )
                    continue
                if err.status in RETRYABLE_STATUSES and attempt < self.max_tries:
                    log.info("%s: Xero answered %s; trying again (%s)", what, err.status, attempt)
                    self._wait(
                        self._delay(attempt, err), f"Xero is not answering properly ({err.status})", cancel
                    )
                    continue
                raise
            except SignInServiceBusy as busy:
                if attempt == self.max_tries or (busy.retry_after or 0) > MAX_SIGN_IN_WAIT:
                    raise
                log.info("%s: Xero's sign-in service is busy; waiting (%s)", what, attempt)
                seconds = busy.retry_after if busy.retry_after is not None else self._delay(attempt, None)
                self._wait(seconds, "Xero's sign-in service asked xerohelper to wait", cancel)
            except XeroUnreachable:
                if attempt == self.max_tries:
                    raise
                log.info("%s: no answer from Xero; trying again (%s)", what, attempt)
                self._wait(self._delay(attempt, None), "Xero can't be reached; trying again", cancel)
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, err: ApiException | None) -> float:
        if err is not None and _header(err.headers, "Retry-After"):
            return float(_retry_after(err))
        return self.backoff[min(attempt - 1, len(self.backoff) - 1)]

    def _note(self, headers) -> None:
        minute = _header(headers, "X-MinLimit-Remaining")
        day = _header(headers, "X-DayLimit-Remaining")
        if minute.isdigit():
            self.allowance.minute = int(minute)
        if day.isdigit():
            self.allowance.day = int(day)

    def _wait(self, seconds: float, why: str, cancel: threading.Event | None = None) -> None:
        if self.on_wait is not None:
            self.on_wait(seconds, why)
        log.info("waiting %.1f s: %s", seconds, why)
        if self._sleep is not None:
            cancelled = self._sleep(seconds)
        elif cancel is None:
            cancelled = self.cancel.wait(seconds)
        else:
            cancelled = _wait_for_either(cancel, self.cancel, seconds)
        if cancelled:
            raise Cancelled()
        self._check_cancel(cancel)

    def _check_cancel(self, cancel: threading.Event | None = None) -> None:
        if self.cancel.is_set() or (cancel is not None and cancel.is_set()):
            raise Cancelled()


def _wait_for_either(first: threading.Event, second: threading.Event, seconds: float) -> bool:
    """Wait on `first` up to `seconds`, looking at `second` every tenth of a second; True when one is set."""
    deadline = time.monotonic() + seconds
    while not second.is_set():
        left = deadline - time.monotonic()
        if left <= 0:
            return first.is_set()
        if first.wait(min(left, 0.1)):
            return True
    return True


def _header(headers, name: str) -> str:
    if not headers:
        return ""
    try:
        value = headers.get(name)
    except AttributeError:
        return ""
    return str(value or "").strip()


def _retry_after(err: ApiException) -> int:
    value = _header(err.headers, "Retry-After")
    return int(value) if value.isdigit() else 60
