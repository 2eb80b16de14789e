"""Trouble on request: slow answers, and the next N calls failing the way Xero fails.

Kinds: ``500`` (Xero's "An unhandled error with the Xero API"), ``503`` (offline for maintenance), ``429``
(too many requests, with ``X-Rate-Limit-Problem: minute`` and the ``Retry-After`` given), ``429-day``
(the organisation's daily allowance is used up: ``X-Rate-Limit-Problem: day``), ``403`` (Xero's
"AuthenticationUnsuccessful" for an organisation that was disconnected), ``offline`` (503 "Organisation
offline"), ``drop`` (the connection closes with no answer, nothing done), ``drop-after`` (the request is
carried out, then the connection closes: a lost answer). A fault can be limited to paths containing some
text (``/Payments``) and to one HTTP method, and a 503 or 429 can carry a ``Retry-After``. Latency applies
to every Xero call until cleared.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from xerohelper.sandbox import messages
from xerohelper.sandbox.responses import (
    Response,
    forbidden,
    too_many_requests,
    unavailable,
    unhandled_error,
)

KINDS = ("500", "503", "429", "429-day", "403", "offline", "drop", "drop-after")
DROPPED = Response(0, b"", None, drop_connection=True)


@dataclass
class Fault:
    kind: str
    remaining: int
    path_contains: str | None = None
    method: str | None = None
    retry_after: int | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method.upper() != method.upper():
            return False
        return not self.path_contains or self.path_contains.lower() in path.lower()

    def answer(self) -> Response | None:
        """The answer instead of Xero's, or None when the request is to be carried out first."""
        if self.kind == "drop-after":
            return None
        if self.kind == "500":
            return unhandled_error()
        if self.kind == "503":
            return unavailable(messages.OFFLINE_FOR_MAINTENANCE, self.retry_after)
        if self.kind == "429":
            return too_many_requests(self.retry_after)
        if self.kind == "429-day":
            return too_many_requests(self.retry_after, problem="day")
        if self.kind == "403":
            return forbidden()
        if self.kind == "offline":
            return unavailable(messages.ORGANISATION_OFFLINE, self.retry_after)
        return DROPPED


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []
        self.latency_ms = 0

    def add(self, fault: Fault) -> None:
        if fault.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if fault.remaining < 1:
            raise ValueError("count must be 1 or more")
        with self._lock:
            self._queue.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        """The fault due for this request, if any (each use takes one from its count)."""
        with self._lock:
            for fault in self._queue:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._queue.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self.latency_ms = 0

    def snapshot(self) -> dict:
        with self._lock:
            return {
                "latency_ms": self.latency_ms,
                "pending": [
                    {
                        "kind": f.kind,
                        "remaining": f.remaining,
                        "path_contains": f.path_contains,
                        "method": f.method,
                    }
                    for f in self._queue
                ],
            }
