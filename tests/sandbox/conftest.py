"""A running sandbox for these tests.

- ``shared_sandbox`` (one per module) for tests that only read; ``sandbox`` (one per test) for tests that
  change things. Both have Xero's rules but limits high enough not to get in the way (limit tests set
  their own).
- ``connected`` / ``xero`` / ``tenant_id``: a signed-in real SDK client for the per-test sandbox.
- Every request any sandbox receives, and its answer, is checked against shared/xero-openapi/ for every
  test of the suite (request_watch.py, hooked in by tests/conftest.py); a test fails if one does not match.
"""

from __future__ import annotations

import pytest

from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.testing import connect, http_request, sdk_client

ROOMY_LIMITS = {"minute_limit": 100_000, "day_limit": 1_000_000, "concurrent_limit": 100}


@pytest.fixture
def make_sandbox():
    """Start sandboxes with any options; all are stopped after the test."""
    started: list[Sandbox] = []

    def make(seed: str = "demo", **options) -> Sandbox:
        merged = {**ROOMY_LIMITS, **options}
        sandbox = Sandbox(seed, **merged)
        sandbox.start()
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox) -> Sandbox:
    return make_sandbox()


@pytest.fixture(scope="module")
def shared_sandbox():
    sandbox = Sandbox("demo", **ROOMY_LIMITS)
    sandbox.start()
    yield sandbox
    sandbox.stop()


class Connected:
    """A signed-in SDK client on a sandbox, and the organisation it works on."""

    def __init__(self, sandbox: Sandbox, organisation: str | None = None) -> None:
        self.sandbox = sandbox
        self.base_url = sandbox.base_url
        self.token = connect(self.base_url, sandbox.client_id, organisation=organisation)
        self.client = sdk_client(self.base_url, self.token, sandbox.client_id)
        self.accounting = self.client.accounting
        self.identity = self.client.identity
        connections = self.identity.get_connections()
        self.tenant_id = connections[-1].tenant_id
        ledger = sandbox.world.ledger(self.tenant_id)
        self.today = sandbox.clock.today(ledger.organisation.utc_offset_minutes)

    def contact_id(self, name: str = "POS Sales") -> str:
        return (
            self.accounting.get_contacts(self.tenant_id, where=f'Name=="{name}"', include_archived=True)
            .contacts[0]
            .contact_id
        )

    def raw(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """A request with this connection's token and tenant, outside the SDK: (status, headers, body)."""
        sent = {
            "Authorization": f"Bearer {self.client.token['access_token']}",
            "xero-tenant-id": self.tenant_id,
            "Content-Type": "application/json",
            **(headers or {}),
        }
        return http_request(method, f"{self.base_url}{path}", body, sent)


@pytest.fixture
def connected(sandbox) -> Connected:
    return Connected(sandbox)


@pytest.fixture(scope="module")
def shared_connected(shared_sandbox) -> Connected:
    return Connected(shared_sandbox)
