"""Stopping the sandbox ends the threads that served its clients, even while a client (the SDK, which keeps
its connection open between calls) is still holding a connection: a long test run doesn't pile up threads."""

from __future__ import annotations

import threading
import time

from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.testing import connect, sdk_client


def test_stopping_hangs_up_on_clients_still_connected(tmp_path):
    before = set(threading.enumerate())
    sandbox = Sandbox("demo", state_file=tmp_path / "sandbox.json")
    base = sandbox.start()
    client = sdk_client(base, connect(base, sandbox.client_id))  # kept alive: its pool holds the connection
    client.identity.get_connections()
    serving = [t for t in set(threading.enumerate()) - before if t.name != "xero-sandbox"]
    assert serving, "the SDK's connection is being served by a thread of its own"
    sandbox.stop()
    deadline = time.monotonic() + 5
    while any(t.is_alive() for t in serving) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [t.name for t in serving if t.is_alive()] == []
    assert client is not None  # the client (and its open connection) outlived the sandbox
