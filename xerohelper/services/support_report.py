"""The support report: one text file the owner saves in one click and sends to whoever helps them.

It says what we need to help — version, computer, the connection, the settings and Shop setup, the last
seven days' checklists with xerohelper's explanations and Xero's own messages, and the end of the log —
and nothing we must not have: no tokens or passwords (blotted out, and then anything that still looks
like one), no e-mail addresses, no customer names (only the configured sales contact's), no till lines.

Blocking (reads settings, the journal and the log file): call it off the GUI thread.
"""

from __future__ import annotations

import json
import logging
import platform
import re
from collections import deque
from datetime import date, datetime, timedelta
from pathlib import Path

from xerohelper import __version__
from xerohelper.adapters.logs import LOG_FILE_NAME, redact
from xerohelper.adapters.settings import ConnectionSettings, Settings

log = logging.getLogger(__name__)

LOG_LINES = 300
DAYS = 7
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_LONG_CODE = re.compile(r"(?<![A-Za-z0-9_\-])[A-Za-z0-9_\-+=]{40,}(?![A-Za-z0-9_\-])")
_CONNECTION_SECTIONS = ("xero", "sandbox")


def report_file_name(now: datetime | None = None) -> str:
    """xerohelper-support-20261122-0931.txt"""
    return f"xerohelper-support-{(now or datetime.now()):%Y%m%d-%H%M}.txt"


def default_report_path(now: datetime | None = None, home: Path | None = None) -> Path:
    """On the Desktop when there is one, else in the home folder."""
    home = home or Path.home()
    desktop = home / "Desktop"
    return (desktop if desktop.is_dir() else home) / report_file_name(now)


def save_support_report(text: str, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    log.info("support report saved (%d characters)", len(text))
    return path


def build_support_report(
    session, *, toolkit: str = "", now: datetime | None = None, log_lines: int = LOG_LINES
) -> str:
    """The report's text, already cleaned (see the module's docstring).

    `session` is the AppSession; `toolkit` the window toolkit's versions ("PySide6 6.12.0, Qt 6.12.0")."""
    now = now or datetime.now().astimezone()
    sections = [
        _heading(session, toolkit, now),
        _guarded("Connection", lambda: _connection(session)),
        _guarded("Where xerohelper keeps its files", lambda: _folders(session)),
        _guarded("Settings (no secrets)", lambda: _settings(session)),
        _guarded("Shop setup", lambda: _shop_setup(session)),
        _guarded(f"The last {DAYS} days", lambda: _recent_days(session)),
        _guarded(f"Log (the last {log_lines} lines)", lambda: _log_tail(session, log_lines)),
    ]
    return clean("\n\n".join(sections) + "\n")


def clean(text: str) -> str:
    """E-mail addresses and anything looking like a token blotted out (the log's lines and Xero's words
    have had their secrets blotted out already, by the same rules as the log file's)."""
    text = _EMAIL.sub("[e-mail address hidden]", text)
    return _LONG_CODE.sub("[hidden]", text)


# ---- the sections -----------------------------------------------------------------------------------------
def _title(text: str) -> str:
    return f"== {text} =="


def _guarded(title: str, make) -> str:
    """A section, or why it couldn't be written (the rest of the report still helps)."""
    try:
        return f"{_title(title)}\n{make()}"
    except Exception as problem:
        log.info("support report: %s could not be written (%s)", title, type(problem).__name__)
        words = getattr(problem, "words", None) or str(problem) or type(problem).__name__
        return f"{_title(title)}\n(not available: {words})"


def _heading(session, toolkit: str, now: datetime) -> str:
    lines = [
        "xerohelper support report",
        f"Made: {now:%Y-%m-%d %H:%M %Z}".rstrip(),
        f"xerohelper: {__version__}{' (demo mode: the built-in practice Xero)' if session.demo else ''}",
        f"Computer: {platform.platform()} ({platform.machine() or 'unknown'})",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
    ]
    if toolkit:
        lines.append(f"Window toolkit: {toolkit}")
    return "\n".join(lines)


def _connection(session) -> str:
    connection = session.connection
    if connection is None:
        return "xerohelper had not finished starting when this report was made."
    status = connection.status()
    lines = [f"State: {status.state.value}"]
    if status.reconnect_reason is not None:
        lines.append(f"Why: {status.reconnect_reason.words}")
    organisation = status.organisation
    if organisation is not None:
        lines.append(f"Organisation: {organisation.name}")
        lines.append(f"Organisation id: {organisation.tenant_id}")
        if organisation.short_code:
            lines.append(f"Short code: {organisation.short_code}")
    lines.append(f"Xero address: {connection.endpoints.name}")
    lines.append(f"Xero app client id: {'set' if connection.client_id else 'not set'}")
    try:
        lines.append(f"Sign-in callback port: {connection.callback_port}")
    except Exception as problem:
        lines.append(f"Sign-in callback port: {getattr(problem, 'words', problem)}")
    return "\n".join(lines)


def _folders(session) -> str:
    from xerohelper.services.app_files import app_files

    files = app_files(session)
    return "\n".join(
        [
            f"Settings: {files.settings_file}",
            f"Journal: {files.journal_file}",
            f"Log: {files.log_file}",
        ]
    )


def _settings(session) -> str:
    settings = Settings.load(_in_use(session).settings)
    lines = []
    for name in settings.section_names():
        section = settings.get_section(name)
        if name in _CONNECTION_SECTIONS:
            saved = ConnectionSettings.from_section(section)
            lines.append(f"[{name}]")
            lines.append(f"  client id: {'set' if saved.client_id else 'not set'}")
            lines.append(f"  callback port: {saved.callback_port}")
            lines.append(f"  organisation: {saved.organisation_name or '(none chosen)'}")
            lines.append(f"  organisation id: {saved.tenant_id or '-'}")
            lines.append(f"  reconnect needed: {saved.reconnect_reason or 'no'}")
        elif name == "mapping":
            lines.append(f"[mapping] Shop setup for {len(section)} organisation(s): see below")
        else:
            lines.append(f"[{name}] {len(section)} entries (not copied into this report)")
    return "\n".join(lines) or "(no settings saved yet)"


def _shop_setup(session) -> str:
    if session.connection is None or session.connection.saved_organisation() is None:
        return "(not connected to an organisation: no Shop setup in use)"
    mapping = session.mapping()
    source = "saved" if session.has_own_mapping() else "not saved yet (the ready-made demo one, or empty)"
    problems = (
        mapping.problems()
        if _patterns_fill(mapping)
        else ["The invoice number or reference can't be filled in."]
    )
    lines = [f"Shop setup: {source}", json.dumps(mapping.to_dict(), indent=2, ensure_ascii=False)]
    lines += [f"Problem: {p}" for p in problems]
    return "\n".join(lines)


def _patterns_fill(mapping) -> bool:
    try:
        mapping.invoice_number(date(2026, 1, 1))
        mapping.reference(date(2026, 1, 1))
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return False
    return True


def _recent_days(session) -> str:
    from xerohelper.core.dates import short_date

    today = session.today()
    rows = session.history(today - timedelta(days=DAYS - 1), today)
    if not rows:
        return f"No days in the last {DAYS} days."
    lines: list[str] = []
    for row in rows:
        where = f" at {row.location}" if row.location else ""
        invoice = f"invoice {row.invoice_number}" if row.invoice_number else "no invoice yet"
        lines.append(
            f"{short_date(row.trading_date)}{where}: {row.status_words} ({invoice}, total {row.total:.2f})"
        )
        for status in row.checklist.steps:
            reason = f" — {status.reason}" if status.reason else ""
            lines.append(f"  {status.title}: {status.state.value}{reason}")
            if status.attention is not None and hasattr(status.attention, "support_text"):
                lines += [f"    {line}" for line in status.attention.support_text().splitlines()]
    return "\n".join(lines)


def _log_tail(session, count: int) -> str:
    folder = session.folders.logs
    current = folder / LOG_FILE_NAME
    older = folder / f"{LOG_FILE_NAME}.1"
    tail: deque[str] = deque(maxlen=count)
    for path in (older, current):
        if path.exists():
            with path.open(encoding="utf-8", errors="replace") as lines:
                tail.extend(line.rstrip("\n") for line in lines)
    if not tail:
        return "(the log is empty)"
    return "\n".join(redact(line) for line in tail)


def _in_use(session):
    """The folders the connection uses (the demo keeps its own settings and journal apart)."""
    connection = session.connection
    return connection.folders if connection is not None else session.folders
