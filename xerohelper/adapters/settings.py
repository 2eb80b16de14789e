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

A settings file that can't be read (bytes that aren't text, text that isn't JSON, JSON not made of named
sections, a folder in its place, no permission to read it) is set aside — renamed, kept as it was — and
the owner is told so in words (damaged_files.tell); the app carries on with the default settings.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from xerohelper.adapters import damaged_files

SETTINGS_FILE_NAME = "settings.json"
XERO = "xero"  # the section (and keyring entry) for the real Xero
SANDBOX = "sandbox"  # the same for the built-in sandbox, so the demo never touches the real connection
DEFAULT_CALLBACK_PORT = 8742
CALLBACK_PORT_ENV = "XEROHELPER_CALLBACK_PORT"
CLIENT_ID_ENV = "XEROHELPER_CLIENT_ID"
_FILE_LOCK = threading.Lock()  # one writer at a time within this process
_SET_ASIDE_LOCK = threading.Lock()
_STUCK: set[Path] = set()  # unreadable files that couldn't be moved aside (said once)


class SettingsFileDamaged(ValueError):
    """The settings file can't be read and couldn't be moved aside either: settings can't be saved."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(
            f"xerohelper's settings file {path} can't be read ({cause}), and xerohelper couldn't move it "
            "aside. Rename or delete it and start xerohelper again: it will start with fresh settings and "
            "you will connect to Xero again."
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
        return cls(path, _read_or_set_aside(path, saving=False))

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
            on_disk = _read_or_set_aside(self.path, saving=True)
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


class _Unreadable(Exception):
    """Why the settings file can't be used, in the owner's words."""


def _read_or_set_aside(path: Path, saving: bool) -> dict[str, dict]:
    """The file's sections; {} when there is no file, or when it can't be read (then it is set aside).

    A file that can't be read nor moved aside gives the default settings, said once; saving over it
    raises SettingsFileDamaged (with what to do)."""
    try:
        return _read(path)
    except _Unreadable:
        pass
    with _SET_ASIDE_LOCK:  # two threads reading the damaged file: one sets it aside, the other reads again
        try:
            return _read(path)
        except _Unreadable as problem:
            why = str(problem)
        kept = damaged_files.set_aside(path)
        told = kept is None and path in _STUCK
        if kept is None:
            _STUCK.add(path)
    if kept is None:
        if saving:
            raise SettingsFileDamaged(path, why)
        if not told:
            damaged_files.tell(
                f"xerohelper's settings file {path} couldn't be read: {why}. xerohelper couldn't move it "
                "aside either, so it carries on with its default settings and can't save any change. Move "
                "or delete that file, then start xerohelper again."
            )
        return {}
    damaged_files.tell(
        f"xerohelper's settings file couldn't be read: {why}. The old file is kept, as it was, at {kept}. "
        "xerohelper carries on with its default settings: connect to Xero again, then check Shop setup "
        "(or import the mapping file you exported, if you have one)."
    )
    return {}


def _read(path: Path) -> dict[str, dict]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError as err:
        raise _Unreadable("a folder is where the file should be") from err
    except PermissionError as err:
        raise _Unreadable("this computer doesn't let xerohelper read it") from err
    except OSError as err:
        raise _Unreadable(f"the computer couldn't read it ({err.strerror or 'unknown reason'})") from err
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _Unreadable("it isn't readable text any more; it was probably damaged on the disk") from err
    try:
        sections = json.loads(text) if text.strip() else {}
    except ValueError as err:
        raise _Unreadable("its contents are garbled (cut short or overwritten)") from err
    if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
        raise _Unreadable("its contents aren't laid out the way xerohelper writes them")
    return sections


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
