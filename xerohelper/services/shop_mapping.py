"""The shop's Mapping, kept per organisation in the settings file, and exported to / imported from a file
a bookkeeper can pass on (`xerohelper mapping export FILE`, `xerohelper mapping import FILE`)."""

from __future__ import annotations

import json
from pathlib import Path

from xerohelper.adapters import damaged_files
from xerohelper.adapters.settings import Settings
from xerohelper.core.mapping import Mapping, MappingFileError

SECTION = "mapping"


def load_mapping(settings_folder: Path, organisation_id: str) -> Mapping | None:
    """The saved Mapping for this organisation, or None when the shop has not been set up yet (or its saved
    set-up can't be read: the owner is told once, and Shop setup starts again)."""
    saved = Settings.load(settings_folder).get_section(SECTION).get(organisation_id)
    if not saved:
        return None
    try:
        return Mapping.from_dict(saved)
    except MappingFileError:
        if (settings_folder, organisation_id) not in _UNREADABLE:
            _UNREADABLE.add((settings_folder, organisation_id))
            damaged_files.tell(
                "The shop's set-up saved in xerohelper's settings file couldn't be read. xerohelper "
                "carries on as if the shop wasn't set up yet: open Shop setup to choose the accounts again "
                "(or import the mapping file you exported, if you have one)."
            )
        return None


_UNREADABLE: set[tuple[Path, str]] = set()  # saved set-ups that couldn't be read (said once)


def save_mapping(settings_folder: Path, organisation_id: str, mapping: Mapping) -> None:
    settings = Settings.load(settings_folder)
    section = settings.get_section(SECTION)
    section[organisation_id] = mapping.to_dict()
    settings.set_section(SECTION, section)
    settings.save()


def export_mapping(mapping: Mapping, path: Path) -> None:
    path.write_text(json.dumps(mapping.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_mapping_file(path: Path) -> Mapping:
    """Read an exported Mapping; MappingFileError says what is wrong in words."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise MappingFileError(f"There is no file at {path}. Check the name and the folder.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingFileError(f"{path} can't be read ({exc}). Export the mapping again.") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise MappingFileError(
            f"{path} isn't a xerohelper mapping file (it isn't JSON: {exc}). Export the mapping again."
        ) from exc
    return Mapping.from_dict(data)
