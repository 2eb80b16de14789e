"""The shop's Mapping, kept per organisation in the settings file, and exported to / imported from a file
a bookkeeper can pass on (`xerohelper mapping export FILE`, `xerohelper mapping import FILE`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class MadeFor:
    """The organisation a mapping file was exported from (its accounts are that organisation's)."""

    organisation_id: str
    name: str


class OtherOrganisation(MappingFileError):
    """The mapping file was made for another organisation: its account codes may mean other accounts here."""

    def __init__(self, made_for: MadeFor, here: str) -> None:
        self.made_for = made_for
        super().__init__(
            f"This mapping was made for {made_for.name}, not for {here}. Its account codes and tax rates are "
            f"{made_for.name}'s: in {here} they may be other accounts, or none. Nothing was changed. If "
            f"{here} really should use it, import it again and confirm (from the command line: add "
            "--other-organisation)."
        )


def export_mapping(mapping: Mapping, path: Path, made_for: MadeFor | None = None) -> None:
    data = mapping.to_dict()
    if made_for is not None:
        data["organisation"] = {"id": made_for.organisation_id, "name": made_for.name}
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise MappingFileError(
            f"The shop setup could not be saved to {path}: {_not_written(exc)}. Choose another folder."
        ) from exc


def _not_written(problem: OSError) -> str:
    """Why a file couldn't be written, in words (never Python's own: "[Errno 13] …")."""
    if isinstance(problem, FileNotFoundError):
        return "there is no such folder"
    if isinstance(problem, PermissionError):
        return "xerohelper isn't allowed to write there"
    if isinstance(problem, IsADirectoryError):
        return "a folder has that name"
    return "that folder can't be written to just now"


def import_mapping_file(
    path: Path, settings_folder: Path, organisation_id: str, name: str, other_organisation: bool = False
) -> Mapping:
    """Read a mapping file and save it for this organisation. A file made for another organisation raises
    OtherOrganisation (nothing saved) unless the owner said `other_organisation`."""
    mapping = read_mapping_file(path)
    made_for = mapping_made_for(path)
    if made_for is not None and made_for.organisation_id != organisation_id and not other_organisation:
        raise OtherOrganisation(made_for, name)
    save_mapping(settings_folder, organisation_id, mapping)
    return mapping


def mapping_made_for(path: Path) -> MadeFor | None:
    """The organisation named in a mapping file (None for files from before it was written there)."""
    data = _read_json(path)
    made_for = data.get("organisation") if isinstance(data, dict) else None
    if not isinstance(made_for, dict) or not made_for.get("id"):
        return None
    return MadeFor(str(made_for["id"]), str(made_for.get("name") or "another organisation"))


def read_mapping_file(path: Path) -> Mapping:
    """Read an exported Mapping; MappingFileError says what is wrong in words."""
    return Mapping.from_dict(_read_json(path))


def _read_json(path: Path) -> object:
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
    return data
