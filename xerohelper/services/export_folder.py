"""The watched export folder: each look at the folder reads the till exports that have stopped growing,
keeps every day in them and — when the owner opted in and nothing needs a person — sends them to Xero.

What to read when, and what a file's content hash says, is core/export_watch.py's; whether a day may go
without asking is core/auto_send.py's. This service does the reading, keeping and sending (blocking: the
window calls `look` on a worker) and answers with OwnerAlerts, the words for the tray's notifications.
Files that arrived while the app was closed are read on the first look; a content already handled (in
the settings file) is never imported, nor told about, again, and a file handled before that is unchanged
since (its size and modified time, kept with its hash) is not read again.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xerohelper.core.auto_send import SEND, DayArrived, ask_why, nothing_to_do
from xerohelper.core.dates import long_date
from xerohelper.core.export_watch import ExportWatch, FileSeen, Next
from xerohelper.core.till_difference import undecided_words
from xerohelper.services.everyday_settings import EverydaySettings

log = logging.getLogger(__name__)
LARGEST_FILE = 200 * 1024 * 1024  # as the importer: larger is no till export


@dataclass(frozen=True)
class OwnerAlert:
    """One notification: what happened, in words, and what clicking it opens."""

    kind: str  # "sent", "needs you", "problem", "kept", "reminder", "reconnect"
    title: str
    words: str
    trading_date: date | None = None  # the day it opens
    location: str = ""
    problem: str = ""  # a file's problems, shown on the day screen's import card
    card: object | None = None  # the Explanation of a day that needs attention


class ExportFolderService:
    def __init__(self, session, settings: EverydaySettings, clock: Callable[[], float] = time.time) -> None:
        self.session = session  # AppSession
        self.settings = settings
        self.clock = clock
        self.watch = ExportWatch(verdicts=settings.file_verdicts())
        self.watch.remember_handled(settings.handled_files())  # unchanged since: not read again
        self._saved = self.watch.handled_section()

    def folder(self) -> Path | None:
        chosen = self.settings.choices().watched_folder
        return Path(chosen) if chosen else None

    def look(self) -> list[OwnerAlert]:
        """One look at the folder: read what has settled, keep its days, send what may go. Blocks."""
        folder = self.folder()
        if folder is None:
            return []
        listing = _listing(folder)
        alerts: list[OwnerAlert] = []
        seen_by_name = {seen.name: seen for seen in listing}
        for name in self.watch.ready(listing, self.clock()):
            seen = seen_by_name[name]
            try:
                content = (folder / name).read_bytes()
            except OSError as error:  # gone or locked meanwhile: looked at again next time
                log.info("watched folder: %s can't be read now (%s)", name, error.strerror)
                continue
            digest = hashlib.sha256(content).hexdigest()
            self.watch.read_done(seen, digest)
            if self.watch.before_import(digest) is not Next.IGNORE:
                alerts.extend(self._arrived(folder / name, digest))
                self._remember()  # at once: a later file's failure must not lose this one's verdict
        if self.watch.handled_section() != self._saved:  # a file handled, changed or gone: kept for next time
            self._remember()
        return alerts

    def _remember(self) -> None:
        self.settings.save_file_verdicts(self.watch)
        self._saved = self.watch.handled_section()

    def waiting(self) -> bool:
        """A file is still growing: look again soon."""
        return self.watch.waiting()

    def _arrived(self, path: Path, digest: str) -> list[OwnerAlert]:
        session = self.session
        outcome = session.import_file(path)
        next_step = self.watch.after_reading(digest, outcome.format is not None, outcome.ok)
        if next_step is Next.IGNORE:
            log.info("watched folder: %s is not a till export", path.name)
            return []
        if next_step is Next.TELL:
            return [
                OwnerAlert(
                    "problem",
                    f"{path.name} couldn't be imported",
                    "It looks like a till export, but something in it is wrong. Click to see what.",
                    problem=outcome.message(),
                )
            ]
        new_places = set(session.new_places(outcome.days))
        kept = [d for d in outcome.days if d.place not in new_places]
        session.keep_days(kept)
        choices = self.settings.choices()
        alerts = []
        ready = []
        for day in outcome.days:
            arrived = self._facts(
                day, choices.send_automatically, day.place in new_places, len(outcome.questions)
            )
            if nothing_to_do(arrived):
                continue
            why = ask_why(arrived)
            if why == SEND:
                ready.append(day)
            else:
                alerts.append(_needs_you(day, why, kept=day in kept))
        alerts.extend(self._send(ready))
        return alerts

    def _facts(self, day, send_automatically: bool, new_place: bool, questions: int) -> DayArrived:
        from xerohelper.core.checklist import Step, StepState

        if new_place:
            return DayArrived(
                send_automatically, day.difference_decided, False, False, False, questions, True
            )
        checklist = self.session.day_service().checklist(day.date, day.location)
        in_xero = checklist[Step.SALES_SUMMARY].state is StepState.DONE
        preview = self.session.resend_preview(day.date, day.location) if in_xero else None
        kept = self.session.day_service().facts(day.date, day.location)
        return DayArrived(
            send_automatically=send_automatically,
            difference_decided=day.difference_decided or undecided_words(day) not in kept.day_problems,
            in_xero=in_xero,
            figures_changed=bool(preview and preview.figures_changed),
            finished=checklist.is_finished,
            questions=questions,
        )

    def _send(self, days) -> list[OwnerAlert]:
        alerts = []
        by_location: dict[str, list] = {}
        for day in days:
            by_location.setdefault(day.location, []).append(day.date)
        for location, dates in by_location.items():
            checklists = self.session.catch_up(sorted(dates), location)
            for trading_date, checklist in zip(sorted(dates), checklists, strict=False):
                alerts.append(_after_sending(trading_date, location, checklist))
            for trading_date in sorted(dates)[len(checklists) :]:  # stopped before these
                alerts.append(
                    OwnerAlert(
                        "needs you",
                        f"{long_date(trading_date)} is waiting",
                        "An earlier day needs you first; this one is kept, ready to send.",
                        trading_date,
                        location,
                    )
                )
        return alerts


def _needs_you(day, why: str, kept: bool) -> OwnerAlert:
    kind = "kept" if why == ask_why(DayArrived(False, True, False, False, False)) else "needs you"
    title = f"{long_date(day.date)}: " + ("figures kept" if kind == "kept" else "needs you")
    return OwnerAlert(kind, title, why, day.date if kept else None, day.location)


def _after_sending(trading_date: date, location: str, checklist) -> OwnerAlert:
    from xerohelper.core.checklist import Step, StepState

    if checklist.needs_attention:
        status = checklist.next_step
        card = status.attention if status is not None else None
        words = getattr(card, "title", "") or "Xero would refuse it as it is."
        return OwnerAlert(
            "needs you",
            f"{long_date(trading_date)} needs you",
            f"{words} Click to see what to do.",
            trading_date,
            location,
            card=card,
        )
    approved = checklist[Step.APPROVE].state is StepState.DONE
    how = "approved and paid" if checklist.is_finished else ("approved" if approved else "sent as a draft")
    return OwnerAlert(
        "sent",
        f"{long_date(trading_date)} is in Xero",
        f"The day's takings were {how}.",
        trading_date,
        location,
    )


def _listing(folder: Path) -> list[FileSeen]:
    """The files in the folder (not below it), with size and time; an unreadable folder is empty."""
    files = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        try:
            found = entry.stat()
        except OSError:
            continue
        if entry.is_file() and not entry.name.startswith(".") and found.st_size <= LARGEST_FILE:
            files.append(FileSeen(entry.name, found.st_size, found.st_mtime))
    return files
