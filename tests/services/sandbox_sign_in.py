"""A sandbox set up for signing in from this test process: its redirect URI is a free loopback port
that the connection service will listen on (as a real Xero app registers its fixed port)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.services.browser_stand_in import BrowserStandIn
from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.testing import control
from xerohelper.services.connection import ConnectionService

ROOMY_LIMITS = {"minute_limit": 100_000, "day_limit": 1_000_000, "concurrent_limit": 100}
HARBOUR = "Harbour Street Hardware"
PIER = "Pier Nine Café"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SignInSandbox:
    sandbox: Sandbox
    port: int

    @property
    def base_url(self) -> str:
        return self.sandbox.base_url

    @property
    def environ(self) -> dict[str, str]:
        return {"XEROHELPER_CLIENT_ID": self.sandbox.client_id, "XEROHELPER_CALLBACK_PORT": str(self.port)}

    def service(self, browser: BrowserStandIn | None = None, **kwargs) -> ConnectionService:
        return ConnectionService.for_sandbox(
            self.base_url, environ=self.environ, open_browser=browser or BrowserStandIn(), **kwargs
        )

    def tenant(self, name: str) -> str:
        return next(t["tenant_id"] for t in self.sandbox.tenants if t["name"] == name)

    def control(self, path: str, body: dict | None = None, method: str | None = None) -> dict:
        return control(self.base_url, path, body, method)

    def token_calls(self) -> int:
        counts = self.control("requests")["by_endpoint"]
        return counts.get("POST /connect/token", 0)

    def issued_secrets(self) -> set[str]:
        """Every access token, refresh token and one-time code the sandbox ever gave out."""
        world = self.sandbox.world
        with world.lock:
            return set(world.access_tokens) | set(world.refresh_tokens) | set(world.codes)


@contextmanager
def sign_in_sandbox(**options) -> Iterator[SignInSandbox]:
    port = free_port()
    sandbox = Sandbox(
        "demo", redirect_uris=[f"http://localhost:{port}/callback"], **{**ROOMY_LIMITS, **options}
    )
    sandbox.start()
    try:
        yield SignInSandbox(sandbox, port)
    finally:
        sandbox.stop()
