"""The layers are rules the test run checks, not only words (DESIGN.md, "Architecture").

The import contracts live in pyproject.toml ([tool.importlinter]) and are checked by import-linter's own
command; the ui's reach into the services is checked here by reading the ui's source.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "xerohelper" / "ui"


def test_the_import_contracts_are_kept():
    command = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(command), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "0 broken" in report, report


# What the ui must not reach through the session: the day service's insides, shared state that a worker
# thread would swap under another one, and the connection service behind the facade.
_REACHING_AROUND = re.compile(
    r"\.days\(\)|day_service\(|\.journal\b|\.books\b|\.pacer\b|days\.progress\s*="
    r"|\.organisation_id\b|session\.connection\b"
)


def test_the_ui_reaches_the_services_only_through_the_facade():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(UI.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _REACHING_AROUND.search(line)
    ]
    assert found == []
