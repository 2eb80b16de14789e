"""The owner's "every day without remembering" choices, in the settings file's "everyday" section: the
watched export folder, sending automatically, keeping the app in the tray, the shop's closing hours; and
what the app remembers between runs (files already handled, days already reminded about)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from xerohelper.adapters.settings import Settings
from xerohelper.core.closing_time import ClosingHours
from xerohelper.core.export_watch import ExportWatch, Verdict

SECTION = "everyday"
_WRITING = threading.Lock()
REMEMBERED_REMINDERS = 14  # the newest reminded days kept (older ones can't be due again)


@dataclass(frozen=True)
class EverydayChoices:
    watched_folder: str = ""  # "" = no folder watched
    send_automatically: bool = False  # opt-in
    keep_in_tray: bool = True  # closing the window keeps the app in the tray (where there is one)
    told_about_tray: bool = False  # the first close said so once
    closing: ClosingHours = field(default_factory=ClosingHours)


class EverydaySettings:
    """Reads and writes the section (the demo keeps its own settings folder, so its own choices)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _section(self) -> dict:
        return Settings.load(self.folder).get_section(SECTION)

    def _update(self, **values) -> None:
        with _WRITING:  # the folder's look (a worker) and the Settings dialog (another) write this section
            settings = Settings.load(self.folder)
            section = settings.get_section(SECTION)
            section.update(values)
            settings.set_section(SECTION, section)
            settings.save()

    def choices(self) -> EverydayChoices:
        section = self._section()
        default = EverydayChoices()

        def flag(name: str, fallback: bool) -> bool:
            value = section.get(name, fallback)
            return value if isinstance(value, bool) else fallback

        folder = section.get("watched_folder", "")
        closing = section.get("closing")
        return EverydayChoices(
            watched_folder=folder if isinstance(folder, str) else "",
            send_automatically=flag("send_automatically", default.send_automatically),
            keep_in_tray=flag("keep_in_tray", default.keep_in_tray),
            told_about_tray=flag("told_about_tray", default.told_about_tray),
            closing=ClosingHours.from_section(closing) if isinstance(closing, dict) else default.closing,
        )

    def save_choices(self, choices: EverydayChoices) -> None:
        self._update(
            watched_folder=choices.watched_folder,
            send_automatically=choices.send_automatically,
            keep_in_tray=choices.keep_in_tray,
            told_about_tray=choices.told_about_tray,
            closing=choices.closing.to_section(),
        )

    def told_about_tray(self) -> None:
        self.save_choices(replace(self.choices(), told_about_tray=True))

    # ---- what the app remembers ----
    def file_verdicts(self) -> dict[str, Verdict]:
        files = self._section().get("files")
        return ExportWatch.verdicts_from_section(files) if isinstance(files, dict) else {}

    def handled_files(self) -> dict:
        """The files handled before (name → size, modified time, content hash): see ExportWatch."""
        handled = self._section().get("handled")
        return handled if isinstance(handled, dict) else {}

    def save_file_verdicts(self, watch: ExportWatch) -> None:
        self._update(files=watch.verdicts_section(), handled=watch.handled_section())

    def reminded_days(self) -> set[date]:
        days = set()
        listed = self._section().get("reminded")
        for text in listed if isinstance(listed, list) else []:
            try:
                days.add(date.fromisoformat(text))
            except (TypeError, ValueError):
                continue
        return days

    def remember_reminded(self, day: date) -> None:
        days = sorted(self.reminded_days() | {day})[-REMEMBERED_REMINDERS:]
        self._update(reminded=[d.isoformat() for d in days])
