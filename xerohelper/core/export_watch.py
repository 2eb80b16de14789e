"""The watched export folder's decisions: which file to read when, and what to do after reading it.

Pure: the caller lists the folder (name, size, modified time) and says what the clock reads; this module
answers which files have stopped growing and are worth reading, and — given a file's content hash and
how reading it went — whether to import it, ignore it quietly, or tell the owner once. Nothing here
touches the disk or Qt, so the whole of it is tested with values.

The memory (`verdicts`: content hash → what was decided) is kept by the caller in the settings file, so the
same file is never imported twice and a failure is said once, across restarts too. So is each handled file's
size and modified time with its hash (`handled_section`): a file unchanged since is not even read again at
the next start; one that changed is read and hashed again (the same content is still handled once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

SETTLE_SECONDS = 2.0  # a file is read once its size and time haven't changed for this long
# What a till or a browser saves an export as; anything else in the folder (photos, PDFs, half-finished
# downloads) is never opened. A spreadsheet is read so that the owner hears it needs saving as CSV.
EXPORT_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xls")


def could_be_export(name: str) -> bool:
    return name.lower().endswith(EXPORT_SUFFIXES) and not name.startswith(".")


class Verdict(StrEnum):
    IMPORTED = "imported"
    NOT_AN_EXPORT = "not an export"  # ignored quietly
    FAILED = "failed"  # looked like a till export but couldn't be read: said once


class Next(StrEnum):
    IMPORT = "import"  # keep its days (and maybe send them)
    IGNORE = "ignore"  # nothing to do, nothing to say
    TELL = "tell"  # say what went wrong, with the card, this once


@dataclass(frozen=True)
class FileSeen:
    name: str
    size: int
    modified: float  # seconds, as the file system says


@dataclass
class _Watching:
    size: int
    modified: float
    since: float  # when this size/time was first seen


@dataclass
class ExportWatch:
    """What the watcher knows between two looks at the folder."""

    verdicts: dict[str, Verdict] = field(default_factory=dict)  # content hash → verdict
    settle_seconds: float = SETTLE_SECONDS
    _watching: dict[str, _Watching] = field(default_factory=dict)
    _done: dict[str, tuple[int, float]] = field(default_factory=dict)  # name → size/time already handled
    _hashes: dict[str, str] = field(default_factory=dict)  # name → the content hash it had then

    def ready(self, files: list[FileSeen], now: float) -> list[str]:
        """The names (sorted) that are new or changed and have stopped growing: read these now."""
        present = {seen.name for seen in files}
        for name in list(self._watching):
            if name not in present:
                del self._watching[name]
        for name in list(self._done):
            if name not in present:
                del self._done[name]  # a file saved again under the same name later is new
                self._hashes.pop(name, None)
        out = []
        for seen in files:
            signature = (seen.size, seen.modified)
            if seen.size == 0 or not could_be_export(seen.name) or self._done.get(seen.name) == signature:
                continue
            watching = self._watching.get(seen.name)
            if watching is None or (watching.size, watching.modified) != signature:
                self._watching[seen.name] = _Watching(seen.size, seen.modified, now)
                if self.settle_seconds > 0:
                    continue
                watching = self._watching[seen.name]
            if now - watching.since >= self.settle_seconds:
                out.append(seen.name)
        return sorted(out)

    def waiting(self) -> bool:
        """True while some file is still being watched for growth (look again soon)."""
        return bool(self._watching)

    def read_done(self, seen: FileSeen, content_hash: str | None = None) -> None:
        """The file at this size/time has been handled: don't read it again unless it changes (nor after a
        restart, once its content's verdict is kept with it)."""
        self._watching.pop(seen.name, None)
        self._done[seen.name] = (seen.size, seen.modified)
        if content_hash is None:
            self._hashes.pop(seen.name, None)
        else:
            self._hashes[seen.name] = content_hash

    def before_import(self, content_hash: str) -> Next:
        """A file's content was hashed: a content seen before is never imported (or told) again."""
        return Next.IGNORE if content_hash in self.verdicts else Next.IMPORT

    def after_reading(self, content_hash: str, looks_like_export: bool, read_ok: bool) -> Next:
        """How reading went decides what happens, and is remembered."""
        if read_ok:
            self.verdicts[content_hash] = Verdict.IMPORTED
            return Next.IMPORT
        if not looks_like_export:
            self.verdicts[content_hash] = Verdict.NOT_AN_EXPORT
            return Next.IGNORE
        self.verdicts[content_hash] = Verdict.FAILED
        return Next.TELL

    # The settings file's shape: {"name": [size, modified, "hash"]}, only files whose content has a verdict
    # (one read when the app stopped before deciding is read again at the next start).
    def handled_section(self) -> dict[str, list]:
        return {
            name: [*self._done[name], digest]
            for name, digest in sorted(self._hashes.items())
            if digest in self.verdicts and name in self._done
        }

    def remember_handled(self, section: dict) -> None:
        """The files handled before the app last stopped (a handled_section): not read again unchanged."""
        for name, kept in section.items():
            if not (isinstance(name, str) and isinstance(kept, list) and len(kept) == 3):
                continue
            size, modified, digest = kept
            if (
                isinstance(size, int)
                and not isinstance(size, bool)
                and isinstance(modified, int | float)
                and not isinstance(modified, bool)
                and digest in self.verdicts
            ):
                self._done[name] = (size, float(modified))
                self._hashes[name] = digest

    # The settings file's shape: {"hash": "imported" | "not an export" | "failed"}
    def verdicts_section(self) -> dict[str, str]:
        return {key: verdict.value for key, verdict in self.verdicts.items()}

    @staticmethod
    def verdicts_from_section(section: dict) -> dict[str, Verdict]:
        known = {v.value: v for v in Verdict}
        return {
            key: known[value] for key, value in section.items() if isinstance(value, str) and value in known
        }
