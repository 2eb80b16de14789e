"""The shop's Mapping, kept per organisation in the settings file, and exported to / imported from a file
a bookkeeper can pass on (`xerohelper mapping export FILE`, `xerohelper mapping import FILE`)."""

from __future__ import annotations

import json
from pathlib import Path

from xerohelper.adapters.settings import Settings
from xerohelper.core.mapping import Mapping, MappingFileError

SECTION = "mapping"


def load_mapping(settings_folder: Path, organisation_id: str) -> Mapping | None:
    """The saved Mapping for this organisation, or None when the shop has not been set up yet."""
    saved = Settings.load(settings_folder).get_section(SECTION).get(organisation_id)
    return Mapping.from_dict(saved) if saved else None


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
