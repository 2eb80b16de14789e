"""Keeping the owner's answers about till names (core.pos_source_mapping) in the settings folder, as
pos_sources.json, written so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.core.pos_source_mapping import PosSourceMapping

FILE_NAME = "pos_sources.json"


class SourceNamesUnreadable(Exception):
    """The saved answers can't be read; str() says so in plain words."""


class SourceNamesStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def for_this_user(cls) -> SourceNamesStore:
        return cls(AppFolders.for_this_user().settings / FILE_NAME)

    def load(self) -> PosSourceMapping:
        """The saved answers; none yet when the file doesn't exist."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return PosSourceMapping()
        except (OSError, UnicodeDecodeError) as error:
            raise SourceNamesUnreadable(self._unreadable(str(error))) from None
        try:
            return PosSourceMapping.from_dict(json.loads(text))
        except ValueError as error:  # json.JSONDecodeError is a ValueError too
            raise SourceNamesUnreadable(self._unreadable(str(error))) from None

    def _unreadable(self, why: str) -> str:
        return (
            f"xerohelper couldn't read the till names you matched before ({self.path}: {why}). "
            "It will ask about them again; your answers then replace that file."
        )

    def save(self, mapping: PosSourceMapping) -> None:
        """Write the whole file anew, atomically (a temporary file in the same folder, then a rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(mapping.to_dict(), indent=2, ensure_ascii=False) + "\n"
        handle, temporary = tempfile.mkstemp(prefix=".pos_sources-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
