"""`xerohelper day run` in a child process that can be killed (SIGKILL) at a chosen write point.

The parent test passes the saved sign-in (the keyring's secret) in XH_TEST_KEYRING, since the child has no
access to the parent's in-memory keyring, and XH_TEST_DIE_AT=N to die at the N-th write point: each intent,
outcome or record written to the journal, and each answer from a Xero write before it is recorded.
Without XH_TEST_DIE_AT the child runs to the end. XH_TEST_TRACE=1 prints every write point it passes
("write point N: name") to stderr, so a test can choose where to kill. Exit code: the command's own.
"""

from __future__ import annotations

import json
import os
import signal
import sys

from keyring.backend import KeyringBackend


class SeededKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, store: dict) -> None:
        super().__init__()
        self.store = store

    def get_password(self, service, username):
        return self.store.get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        self.store[f"{service}\n{username}"] = password

    def delete_password(self, service, username):
        self.store.pop(f"{service}\n{username}", None)


def _die_at_write_points(die_at: int | None, trace: bool) -> None:
    from xerohelper.adapters.journal import Journal
    from xerohelper.adapters.xero_books import XeroBooks

    count = 0

    def point(name):
        nonlocal count
        count += 1
        if trace:
            print(f"write point {count}: {name}", file=sys.stderr, flush=True)
        if count == die_at:
            print(f"dying at write point {count}: {name}", file=sys.stderr, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    def after(cls, name):
        original = getattr(cls, name)

        def wrapped(*args, **kwargs):
            result = original(*args, **kwargs)
            point(f"{cls.__name__}.{name}")
            return result

        setattr(cls, name, wrapped)

    for name in (
        "begin",
        "succeeded",
        "failed",
        "record_invoice_on_days",
        "update_invoice_status",
        "record_payment",
    ):
        after(Journal, name)
    for name in ("create_invoices", "approve", "create_payments"):
        after(XeroBooks, name)


def main() -> int:
    import keyring

    keyring.set_keyring(SeededKeyring(json.loads(os.environ["XH_TEST_KEYRING"])))
    die_at, trace = os.environ.get("XH_TEST_DIE_AT"), bool(os.environ.get("XH_TEST_TRACE"))
    if die_at or trace:
        _die_at_write_points(int(die_at) if die_at else None, trace)
    from xerohelper.cli import main as cli

    return cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
