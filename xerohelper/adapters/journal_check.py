"""Is this file a usable journal? Looked at without changing it: the header, then SQLite read-only (no
checkpoint, no -wal removed), its own check and the journal's tables. The answer is in words that follow
"xerohelper's record of the days it sent to Xero" (journal.py sets an unusable one aside)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

# The tables every journal has had since its first version: one missing means the file is not a journal.
_CORE_TABLES = {"days", "invoices", "credit_notes", "payments", "skipped_steps", "attempts"}


def why_unusable(path: Path) -> str | None:
    """What is wrong with the journal file, in words that follow "xerohelper's record of the days it sent to
    Xero"; None when it looks like a journal (or there is none yet: a first start)."""
    if not os.path.lexists(path):
        return None
    if os.path.isdir(path):
        return "couldn't be opened: a folder is where the file should be"
    try:
        size = os.path.getsize(path)
    except OSError:
        return "couldn't be opened"
    if size == 0:
        return "was empty"
    try:
        with open(path, "rb") as file:
            header = file.read(16)
    except OSError:
        return "couldn't be opened"
    if header != b"SQLite format 3\x00":
        return "was damaged"
    try:  # read-only: a damaged file and its -wal are kept as they are (no checkpoint when this closes)
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.DatabaseError:
        return "couldn't be opened"
    try:
        check = db.execute("PRAGMA quick_check").fetchall()
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as problem:
        return damage_words(problem) or "couldn't be read"
    finally:
        db.close()
    if check != [("ok",)]:
        return "was damaged"
    if not tables & _CORE_TABLES:
        return "was empty"
    if not tables >= _CORE_TABLES:
        return "was incomplete"
    return None


def damage_words(problem: sqlite3.DatabaseError) -> str | None:
    """A SQLite error that means the file is unusable, in words; None for a passing one (locked, busy)."""
    text = str(problem).lower()
    if "locked" in text or "busy" in text:
        return None
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return "couldn't be opened"
    return "was damaged"
