"""Everything the app reads while it runs is package data, reached through importlib.resources: no module
builds a path from its own location into the source tree."""

from __future__ import annotations

import re
from pathlib import Path

from xerohelper.resources import resource
from xerohelper.services.demo_shop import DAY_FILE
from xerohelper.ui import look
from xerohelper.ui.app import ICON_SIZES, app_icon

PACKAGE = Path(__file__).resolve().parents[2] / "xerohelper"
# A path built from a module's own location: Path(__file__)…, parents[N], os.path.dirname(__file__)
FROM_OWN_LOCATION = re.compile(r"Path\(__file__\)|\.parents\[|dirname\(__file__\)|__file__\)\.parent")


def test_no_module_reaches_into_the_source_tree():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FROM_OWN_LOCATION.search(line)
    ]
    assert offenders == []


def test_the_files_read_at_run_time_are_in_the_package():
    assert DAY_FILE.is_file() and DAY_FILE.name == "harbour-street-day.csv"
    assert resource("generic-day-template.csv").is_file()
    assert resource("generic-day-format.md").is_file()
    assert resource("app", "xerohelper.svg").is_file()
    for name in ("done", "attention", "ready", "running", "not-started", "skipped"):
        assert look.icon_path(name).is_file()


def test_the_window_icon_has_every_size(qapp):
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    assert not icon.pixmap(16, 16).isNull()
