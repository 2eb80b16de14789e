"""Where xerohelper keeps its files on this computer (for About and the support report), and its log.

Light on purpose: the window imports this while it starts, before the SDK, the keyring or the journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xerohelper.adapters.app_folders import AppFolders


@dataclass(frozen=True)
class AppFiles:
    """The files in use: the demo keeps its own settings and journal apart, the log is shared."""

    settings_file: Path
    journal_file: Path
    log_folder: Path
    log_file: Path


def app_files(session=None) -> AppFiles:
    """The files of `session` (an AppSession), or this user's usual ones when there is no session yet."""
    from xerohelper.adapters.journal import JOURNAL_FILE_NAME
    from xerohelper.adapters.logs import LOG_FILE_NAME
    from xerohelper.adapters.settings import SETTINGS_FILE_NAME

    folders = session.folders if session is not None else AppFolders.for_this_user()
    connection = getattr(session, "connection", None)
    in_use = connection.folders if connection is not None else folders
    return AppFiles(
        settings_file=in_use.settings / SETTINGS_FILE_NAME,
        journal_file=in_use.data / JOURNAL_FILE_NAME,
        log_folder=folders.logs,
        log_file=folders.logs / LOG_FILE_NAME,
    )


def start_logging(make_folders: bool = False) -> Path:
    """Start this user's rotating log (tokens and personal data redacted); `make_folders` makes the settings
    and data folders too (the app, at its start). Raises OSError when the log can't be written."""
    from xerohelper.adapters.logs import start_logging as start

    folders = AppFolders.for_this_user()
    return start((folders.create() if make_folders else folders).logs)


def stop_logging() -> None:
    from xerohelper.adapters.logs import stop_logging as stop

    stop()


def why_not_opened(error: BaseException) -> str:
    """Why xerohelper couldn't open its own files at start, with what to do — never Python's own words
    ("[Errno 13] …")."""
    words = getattr(error, "words", None)
    if words:
        return words
    if isinstance(error, OSError):
        where = f" in {error.filename}" if error.filename else ""
        if isinstance(error, PermissionError):
            why = f"this computer doesn't let xerohelper use its files{where}"
        elif getattr(error, "errno", None) == 28:  # ENOSPC: the disk is full
            why = f"the disk is full, so xerohelper can't write its files{where}"
        else:
            why = f"xerohelper couldn't read or write its files{where}"
        return (
            f"{why[0].upper()}{why[1:]}. Check that the disk is plugged in, has free space and that your "
            "user may write there, then start xerohelper again. Nothing was sent to Xero."
        )
    return (
        "Something unexpected went wrong while xerohelper opened its files. Start xerohelper again; if it "
        "happens again, open Help ▸ About xerohelper, logs and support report, and send the support report "
        "to xerohelper's support."
    )
