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
