"""Keeps the demo shop's sign-in in the demo's own folder, never in the computer's password store.

The demo signs in to the built-in practice Xero (the sandbox on 127.0.0.1), whose tokens are worthless
anywhere else, so they need no keyring: the demo runs on a computer that has none, and it never touches the
keyring entry that `--sandbox` command-line connections use. The real Xero sign-in is never kept here:
only AppSession's demo hands this store to its ConnectionService; Xero's goes through token_store.TokenStore
(keyring only, unsafe stores refused).

Same methods as TokenStore: check(), load(), save(), delete().
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from xerohelper.adapters.token_store import SavedSignIn

FILE_NAME = "practice-sign-in.json"

log = logging.getLogger(__name__)


class DemoSignIn:
    """The practice Xero's sign-in, in a file of the demo's data folder (readable by this user only)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME

    def check(self) -> DemoSignIn:
        return self  # a file in the demo's folder: nothing to check, nothing to refuse

    def load(self) -> SavedSignIn | None:
        try:
            secret = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as err:
            log.warning("the demo's sign-in file could not be read (%s); signing in again", err)
            return None
        return SavedSignIn.from_secret(secret)

    def save(self, saved: SavedSignIn) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = self.path.with_name(self.path.name + ".new")
        descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(saved.to_secret())
        os.replace(fresh, self.path)

    def delete(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
