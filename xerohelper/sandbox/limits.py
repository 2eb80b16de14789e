"""Xero's rate limits and their headers (reference/xero-oauth.md §3.5, xero-sdk.md §9).

Per organisation: 5 calls in progress at once, 60 calls a minute, 5,000 a day (1,000 on Xero's Starter
developer tier); per app: 10,000 a minute. Windows are fixed and start at an organisation's first call.
Every answer to an organisation call carries ``X-DayLimit-Remaining``, ``X-MinLimit-Remaining`` and
``X-AppMinLimit-Remaining``; ``/connections`` carries only the app one. Over a limit: 429 with
``X-Rate-Limit-Problem`` (``concurrent``, ``minute``, ``day``, ``appminute``) and, for the timed ones,
``Retry-After`` in whole seconds. Refused calls do not count.

Xero's 2026 developer tiers are options: ``Sandbox(developer_tier="starter")`` sets the calls a day per
organisation and how many organisations the app may have connected at once (``DEVELOPER_TIERS``; the
identity side refuses a connection over the cap).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.responses import Response
from xerohelper.sandbox.settings import SandboxSettings

MINUTE = 60.0
DAY = 86400.0


@dataclass(frozen=True)
class DeveloperTier:
    name: str
    connections: int | None  # organisations the app may have connected at once; None = no limit
    day_limit: int  # calls a day per organisation


# Since 2 March 2026 the app's developer pricing tier sets its connection cap: reference/xero-oauth.md §3.4,
# from developer.xero.com/faq/pricing-and-policy-updates ("Connections (max)": 5, 50, 1000, 10,000, no limit).
# Calls a day per organisation: 1,000 on Starter, 5,000 on every other tier (§3.4 and §3.5: accountingtoday
# .com, Databricks' Xero docs, and Xero's rate-limits page, developer.xero.com/documentation/best-practices/
# api-call-efficiencies/rate-limits/, "1,000 calls/day on Starter"). Minute (60), concurrent (5) and
# app-minute (10,000) limits are the same on every tier (§3.5).
DEVELOPER_TIERS = {
    "starter": DeveloperTier("Starter", 5, 1000),
    "core": DeveloperTier("Core", 50, 5000),
    "plus": DeveloperTier("Plus", 1000, 5000),
    "advanced": DeveloperTier("Advanced", 10_000, 5000),
    "enterprise": DeveloperTier("Enterprise", None, 5000),
}


def apply_developer_tier(settings: SandboxSettings) -> None:
    """Set the day limit and the connection cap from ``settings.developer_tier`` (when one is named)."""
    if settings.developer_tier is None:
        return
    tier = DEVELOPER_TIERS.get(settings.developer_tier.strip().lower())
    if tier is None:
        raise ValueError(
            f"unknown developer tier {settings.developer_tier!r}; one of {', '.join(DEVELOPER_TIERS)}"
        )
    settings.day_limit = tier.day_limit
    settings.connection_limit = tier.connections


@dataclass
class _Window:
    started: float = 0.0
    used: int = 0

    def roll(self, now: float, length: float) -> None:
        if now - self.started >= length:
            self.started = now
            self.used = 0

    def retry_after(self, now: float, length: float) -> int:
        return max(1, math.ceil(self.started + length - now))


class RateLimits:
    def __init__(self, settings: SandboxSettings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self._lock = threading.Lock()
        self._minute: dict[str, _Window] = {}
        self._day: dict[str, _Window] = {}
        self._app: dict[str, _Window] = {}
        self._in_flight: dict[str, int] = {}

    def _refusal(self, problem: str, retry_after: int | None, headers: dict[str, str]) -> Response:
        response = Response(429, b"", "text/plain; charset=utf-8", dict(headers))
        response.headers["X-Rate-Limit-Problem"] = problem
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response

    def enter_tenant(self, tenant_id: str, client_id: str) -> tuple[Response | None, dict[str, str]]:
        """Count one organisation call. Returns (429 answer or None, headers for the answer)."""
        now = self.clock.timestamp()
        s = self.settings
        with self._lock:
            minute = self._minute.setdefault(tenant_id, _Window(now))
            day = self._day.setdefault(tenant_id, _Window(now))
            app = self._app.setdefault(client_id, _Window(now))
            minute.roll(now, MINUTE)
            day.roll(now, DAY)
            app.roll(now, MINUTE)
            headers = self._headers(minute, day, app)
            if self._in_flight.get(tenant_id, 0) >= s.concurrent_limit:
                return self._refusal("concurrent", None, headers), headers
            if day.used >= s.day_limit:
                return self._refusal("day", day.retry_after(now, DAY), headers), headers
            if minute.used >= s.minute_limit:
                return self._refusal("minute", minute.retry_after(now, MINUTE), headers), headers
            if app.used >= s.app_minute_limit:
                return self._refusal("appminute", app.retry_after(now, MINUTE), headers), headers
            minute.used += 1
            day.used += 1
            app.used += 1
            self._in_flight[tenant_id] = self._in_flight.get(tenant_id, 0) + 1
            return None, self._headers(minute, day, app)

    def leave_tenant(self, tenant_id: str) -> None:
        with self._lock:
            self._in_flight[tenant_id] = max(0, self._in_flight.get(tenant_id, 0) - 1)

    def enter_app(self, client_id: str) -> tuple[Response | None, dict[str, str]]:
        """Count a tenantless call (/connections): only the app-wide minute limit applies."""
        now = self.clock.timestamp()
        with self._lock:
            app = self._app.setdefault(client_id, _Window(now))
            app.roll(now, MINUTE)
            if app.used >= self.settings.app_minute_limit:
                headers = {"X-AppMinLimit-Remaining": "0"}
                return self._refusal("appminute", app.retry_after(now, MINUTE), headers), headers
            app.used += 1
            return None, {"X-AppMinLimit-Remaining": str(max(0, self.settings.app_minute_limit - app.used))}

    def _headers(self, minute: _Window, day: _Window, app: _Window) -> dict[str, str]:
        s = self.settings
        return {
            "X-DayLimit-Remaining": str(max(0, s.day_limit - day.used)),
            "X-MinLimit-Remaining": str(max(0, s.minute_limit - minute.used)),
            "X-AppMinLimit-Remaining": str(max(0, s.app_minute_limit - app.used)),
        }

    def reset(self) -> None:
        with self._lock:
            self._minute.clear()
            self._day.clear()
            self._app.clear()

    def snapshot(self) -> dict:
        with self._lock:
            return {
                "limits": {
                    "minute": self.settings.minute_limit,
                    "day": self.settings.day_limit,
                    "concurrent": self.settings.concurrent_limit,
                    "app_minute": self.settings.app_minute_limit,
                    "connections": self.settings.connection_limit,
                },
                "developer_tier": self.settings.developer_tier,
                "used_this_minute": {tenant: window.used for tenant, window in self._minute.items()},
                "used_today": {tenant: window.used for tenant, window in self._day.items()},
                "in_flight": dict(self._in_flight),
            }
