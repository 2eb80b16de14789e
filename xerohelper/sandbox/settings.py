"""What a sandbox can be told when it starts (every number has Xero's value as its default)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

DEFAULT_CLIENT_ID = "0D6A0E5B1C2F4A3B9E8D7C6B5A4F3E2D"  # a Xero client id is 32 upper-case hex characters
DEFAULT_REDIRECT_URIS = (
    "http://localhost:8742/callback",
    "http://localhost:8743/callback",
    "http://localhost:8744/callback",
)


@dataclass
class SandboxSettings:
    host: str = "127.0.0.1"
    port: int = 0  # 0 = any free port
    client_id: str = DEFAULT_CLIENT_ID
    redirect_uris: list[str] = field(default_factory=lambda: list(DEFAULT_REDIRECT_URIS))
    # The registered app was created before 2 March 2026, so it may still ask for the broad scopes
    # (accounting.transactions, ...) until September 2027; a new app may not (identity.BROAD_SCOPES).
    broad_scopes_allowed: bool = False
    app_name: str = "xerohelper"  # the registered app's name: ProviderName in answers, shown on consent
    seed: str = "demo"
    state_file: Path | None = None
    auto_consent: bool = False
    # Which organisations --auto-consent connects: None = the first one, "all", or tenant ids / names.
    auto_consent_tenants: list[str] | str | None = None
    access_token_seconds: int = 1800
    code_seconds: int = 300
    refresh_token_days: int = 60
    refresh_grace_seconds: int = 1800
    minute_limit: int = 60
    concurrent_limit: int = 5
    day_limit: int = 5000
    app_minute_limit: int = 10000
    # Organisations the app may have connected at once (None = no cap, as before tiers). A developer tier
    # ("starter", "core", "plus", "advanced", "enterprise"; limits.DEVELOPER_TIERS) sets this and day_limit,
    # over any value given for them.
    connection_limit: int | None = None
    developer_tier: str | None = None
    idempotency_seconds: int = 360
    start_time: datetime | None = None  # start the movable clock here instead of now
    log_requests: bool = False  # one line per request on stderr
