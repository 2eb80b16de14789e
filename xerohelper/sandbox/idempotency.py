"""Xero's ``Idempotency-Key`` (reference/xero-oauth.md §5.2).

A key is remembered for 6 minutes from its first use, per app and organisation, with the method, URL and
body it came with. The same key with the same request replays the first answer (errors included) without
doing the work again; the same key with a different request is refused. Rate limits are checked first.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.responses import Response
from xerohelper.sandbox.settings import SandboxSettings

MAX_KEY_LENGTH = 128


@dataclass
class _Remembered:
    fingerprint: str
    response: Response
    first_used: float


def fingerprint(method: str, target: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.upper().encode(), b"\n", target.encode(), b"\n", body):
        digest.update(part)
    return digest.hexdigest()


class IdempotencyKeys:
    def __init__(self, settings: SandboxSettings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self._lock = threading.Lock()
        self._keys: dict[tuple[str, str, str], _Remembered] = {}
        self.replays = 0

    def recall(self, scope: tuple[str, str], key: str, print_: str) -> Response | str | None:
        """The stored answer to replay, "conflict" for a reused key, or None for a new key."""
        now = self.clock.timestamp()
        with self._lock:
            self._forget_old(now)
            remembered = self._keys.get((*scope, key))
            if remembered is None:
                return None
            if remembered.fingerprint != print_:
                return "conflict"
            self.replays += 1
            stored = remembered.response
            return Response(stored.status, stored.body, stored.content_type, dict(stored.headers))

    def remember(self, scope: tuple[str, str], key: str, print_: str, response: Response) -> None:
        now = self.clock.timestamp()
        stored = Response(response.status, response.body, response.content_type, dict(response.headers))
        with self._lock:
            self._keys.setdefault((*scope, key), _Remembered(print_, stored, now))

    def _forget_old(self, now: float) -> None:
        window = self.settings.idempotency_seconds
        for key in [k for k, r in self._keys.items() if now - r.first_used >= window]:
            del self._keys[key]

    def count(self) -> int:
        with self._lock:
            return len(self._keys)
