"""Files of xerohelper's own that can't be read: set aside (renamed, never deleted), and the owner told.

`set_aside(path)` renames a damaged file (or whatever is in its place: a folder, a link) to
"NAME.damaged-YYYY-MM-DD-HHMMSS.EXT" next to it, with its companions (the journal's -wal and -shm), and
returns the new path, or None when it can't be moved (the folder can't be written).

`tell(words)` hands a notice to the owner: to whoever listens (the command line prints it on stderr,
the window shows it), or, when nobody listens yet, it waits until someone does. Each notice is handed
over once. Settings and the journal are read in many places and on worker threads; this is the one place
their words wait for the owner.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

NoticeListener = Callable[[str], None]

_lock = threading.Lock()
_waiting: list[str] = []
_listeners: list[NoticeListener] = []


def set_aside(path: Path, companions: Sequence[str] = (), now: datetime | None = None) -> Path | None:
    """Rename `path` (and `path`+suffix for each companion suffix that exists) out of the way; the new path.

    The name keeps the extension, so a settings file stays a .json a person can open."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    stem, ext = _split(path.name)
    kept = path.with_name(f"{stem}.damaged-{stamp}{ext}")
    extra = 1
    while os.path.lexists(kept):
        extra += 1
        kept = path.with_name(f"{stem}.damaged-{stamp}-{extra}{ext}")
    try:
        os.rename(path, kept)
    except OSError as problem:
        log.warning("could not set %s aside: %s", path, problem)
        return None
    for suffix in companions:
        companion = Path(f"{path}{suffix}")
        if os.path.lexists(companion):
            try:
                os.rename(companion, Path(f"{kept}{suffix}"))
            except OSError as problem:  # the main file is out of the way; a stray companion is harmless
                log.warning("could not set %s aside: %s", companion, problem)
    log.warning("set aside %s as %s", path, kept)
    return kept


def _split(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    return (stem, f".{ext}") if dot and stem else (name, "")


# ---- notices for the owner --------------------------------------------------------------------------------
def tell(words: str) -> None:
    """Hand these words to the owner (now if someone listens, else as soon as someone does)."""
    log.warning("told the owner: %s", words)
    with _lock:
        listeners = list(_listeners)
    heard = False
    for listener in listeners:
        try:
            listener(words)
            heard = True
        except Exception:  # e.g. a window already gone: it listens no more
            log.exception("a notice listener failed")
            stop_listening(listener)
    if not heard:
        with _lock:
            _waiting.append(words)


def listen(listener: NoticeListener) -> None:
    """Receive every notice from now on; those waiting are handed over at once (and to nobody else)."""
    with _lock:
        _listeners.append(listener)
        waiting = list(_waiting)
        _waiting.clear()
    for words in waiting:
        listener(words)


def stop_listening(listener: NoticeListener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def take() -> list[str]:
    """The notices nobody has received yet (and forget them)."""
    with _lock:
        waiting = list(_waiting)
        _waiting.clear()
    return waiting
