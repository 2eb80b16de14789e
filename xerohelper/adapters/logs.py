"""The app's log file: rotating, in the user's log folder, with tokens and secrets blotted out."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE_NAME = "xerohelper.log"

# Anything that looks like a bearer token, a JWT, or a token/secret/code field in a form, JSON or URL.
_SECRET_PATTERNS = [
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9\-._~+/]+=*"),
    re.compile(r"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+"),
    re.compile(
        r"(?i)([\"']?(?:access_token|refresh_token|id_token|code_verifier|code|client_secret|password)"
        r"[\"']?\s*[:=]\s*[\"']?)[^\"'&,\s}]+"
    ),
]


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[hidden]", text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def start_logging(log_folder: Path, level: int = logging.INFO) -> Path:
    """Send the app's log records to a rotating file (1 MB x 5) and return its path."""
    log_folder.mkdir(parents=True, exist_ok=True)
    path = log_folder / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("xerohelper")
    root.setLevel(level)
    stop_logging()
    handler._xerohelper = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


def stop_logging() -> None:
    """Close the app's log file (the end of a command, or of a test)."""
    root = logging.getLogger("xerohelper")
    for handler in [h for h in root.handlers if getattr(h, "_xerohelper", False)]:
        root.removeHandler(handler)
        handler.close()
