"""A running sandbox: ``Sandbox(seed="demo", auto_consent=True).start()`` → base URL on a free port."""

from __future__ import annotations

import dataclasses
import sys
import threading
from pathlib import Path
from typing import Any

from xerohelper.sandbox import demo_seed
from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.limits import apply_developer_tier
from xerohelper.sandbox.server import SandboxApp, SandboxHTTPServer
from xerohelper.sandbox.settings import SandboxSettings
from xerohelper.sandbox.store import World, load_world, save_world


class Sandbox:
    """A Xero-compatible server on 127.0.0.1, in this process, on its own threads.

    Keyword arguments are the fields of ``SandboxSettings`` (client_id, redirect_uris, auto_consent,
    auto_consent_tenants, state_file, access_token_seconds, minute_limit, day_limit, developer_tier,
    broad_scopes_allowed, ...).
    """

    def __init__(self, seed: str = "demo", **options: Any) -> None:
        known = {f.name for f in dataclasses.fields(SandboxSettings)}
        unknown = set(options) - known
        if unknown:
            raise TypeError(f"Sandbox() got unknown options: {', '.join(sorted(unknown))}")
        if options.get("state_file") is not None:
            options["state_file"] = Path(options["state_file"])
        self.settings = SandboxSettings(seed=seed, **options)
        apply_developer_tier(self.settings)
        self.clock = Clock(self.settings.start_time)
        self.world = self._load_or_seed()
        self.app = SandboxApp(self.world, self.clock, self.settings, on_change=self._save)
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._save_lock = threading.Lock()

    # ------------------------------------------------------------------ state
    def _load_or_seed(self) -> World:
        path = self.settings.state_file
        if path is not None and path.exists():
            world = load_world(path)
            if self.settings.start_time is None:
                self.clock.restore_offset(world.clock_offset_seconds)
            return world
        world = demo_seed.build_world(self.settings.seed, self.clock)
        if path is not None:
            save_world(world, path)
        return world

    def _save(self) -> None:
        path = self.settings.state_file
        if path is None:
            return
        with self._save_lock:
            self.world.clock_offset_seconds = self.clock.offset_seconds
            try:
                save_world(self.world, path)
            except OSError as problem:
                sys.stderr.write(f"sandbox: could not save the state to {path}: {problem}\n")

    # ------------------------------------------------------------------ life
    def start(self) -> str:
        """Start serving; returns the base URL (``http://127.0.0.1:PORT``)."""
        if self._server is not None:
            return self.base_url
        self._server = SandboxHTTPServer((self.settings.host, self.settings.port), self.app)
        self.app.base_url = self.base_url
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="xero-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._save()
        self._server = None
        self._thread = None

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ what others need to know
    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the sandbox is not running; call start() first")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        host = self.settings.host
        return f"http://{host}:{self.port}"

    @property
    def client_id(self) -> str:
        return self.settings.client_id

    @property
    def redirect_uris(self) -> list[str]:
        return list(self.settings.redirect_uris)

    @property
    def tenants(self) -> list[dict[str, str]]:
        with self.world.lock:
            return [
                {"tenant_id": tenant_id, "name": ledger.organisation.name}
                for tenant_id, ledger in self.world.organisations.items()
            ]

    def ready_info(self) -> dict:
        """The one JSON line ``xerohelper sandbox`` prints when it is ready."""
        return {
            "base_url": self.base_url,
            "client_id": self.client_id,
            "redirect_uris": self.redirect_uris,
            "tenants": self.tenants,
        }
