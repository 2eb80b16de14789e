"""The settings file: one JSON file in the user's settings folder, made of named sections.

Each part of the app owns a section ("xero" for the connection, "sandbox" for the demo's connection, and
later "mapping" and others) and reads or replaces it whole:

    settings = Settings.load(folders.settings)
    section = settings.get_section("mapping")
    settings.set_section("mapping", {...})
    settings.save()

`save()` writes atomically (a temporary file, then a rename) and only the sections this object changed:
sections written meanwhile by another part of the app, or another xerohelper window, are kept.
No secrets go here: the Xero sign-in lives in the keyring (token_store.py).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, fields
from pathlib import Path

SETTINGS_FILE_NAME = "settings.json"
XERO = "xero"  # the section (and keyring entry) for the real Xero
SANDBOX = "sandbox"  # the same for the built-in sandbox, so the demo never touches the real connection
DEFAULT_CALLBACK_PORT = 8742
CALLBACK_PORT_ENV = "XEROHELPER_CALLBACK_PORT"
CLIENT_ID_ENV = "XEROHELPER_CLIENT_ID"
_FILE_LOCK = threading.Lock()  # one writer at a time within this process


class SettingsFileDamaged(ValueError):
    """The settings file exists but can't be read; says which file and what to do."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(
            f"xerohelper's settings file {path} is damaged ({cause}). Rename or delete it and start "
            "xerohelper again: it will start with fresh settings and you will connect to Xero again."
        )
        self.path = path


@dataclass(frozen=True)
class ConnectionSettings:
    """What the app remembers about its Xero connection (one per section: "xero" or "sandbox")."""

    client_id: str = ""  # the Xero app's client id ("" = not set)
    callback_port: int = DEFAULT_CALLBACK_PORT
    tenant_id: str = ""  # the chosen organisation ("" = none chosen)
    organisation_name: str = ""
    short_code: str = ""
    connection_id: str = ""
    reconnect_reason: str = ""  # a ReconnectReason value while Xero wants the user to sign in again

    @classmethod
    def from_section(cls, section: dict) -> ConnectionSettings:
        known = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in section.items():
            if key not in known:
                continue
            if key == "callback_port":
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    continue
            elif not isinstance(value, str):
                continue
            values[key] = value
        return cls(**values)

    def to_section(self) -> dict:
        return asdict(self)


class Settings:
    def __init__(self, path: Path, sections: dict[str, dict]) -> None:
        self.path = path
        self._sections = sections
        self._changed: set[str] = set()
        self._lock = threading.Lock()

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = Path(folder) / SETTINGS_FILE_NAME
        return cls(path, _read(path))

    # ---- sections ---------------------------------------------------------------------------------------
    def section_names(self) -> list[str]:
        with self._lock:
            return sorted(self._sections)

    def get_section(self, name: str) -> dict:
        """A copy of the section ({} when there is none); change it and hand it back with set_section."""
        with self._lock:
            return copy.deepcopy(self._sections.get(name, {}))

    def set_section(self, name: str, values: dict) -> None:
        if not isinstance(values, dict):
            raise TypeError(f"section {name!r} must be a dict, not {type(values).__name__}")
        json.dumps(values)  # refuse what can't be saved now, not at save() time
        with self._lock:
            self._sections[name] = copy.deepcopy(values)
            self._changed.add(name)

    def save(self) -> None:
        """Write the changed sections, keeping what others wrote to the file since it was loaded."""
        with self._lock, _FILE_LOCK:
            on_disk = _read(self.path)
            for name in self._changed:
                on_disk[name] = self._sections[name]
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.path, json.dumps(on_disk, indent=2, sort_keys=True) + "\n")
            self._sections = on_disk
            self._changed.clear()

    # ---- typed view of the connection sections ---------------------------------------------------------
    def connection(self, section: str = XERO) -> ConnectionSettings:
        return ConnectionSettings.from_section(self.get_section(section))

    def set_connection(self, value: ConnectionSettings, section: str = XERO) -> None:
        merged = self.get_section(section)  # keep keys a newer version may have added
        merged.update(value.to_section())
        self.set_section(section, merged)

    @property
    def client_id(self) -> str:
        return self.connection(XERO).client_id

    @property
    def callback_port(self) -> int:
        return self.connection(XERO).callback_port


def _read(path: Path) -> dict[str, dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise SettingsFileDamaged(path, err.strerror or str(err)) from err
    try:
        data = json.loads(text) if text.strip() else {}
    except ValueError as err:
        raise SettingsFileDamaged(path, f"not valid JSON: {err}") from err
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SettingsFileDamaged(path, "expected named sections")
    return data


def _write_atomically(path: Path, text: str) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
