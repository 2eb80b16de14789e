"""No dead code: vulture finds functions, classes, methods, attributes and constants in xerohelper/ that
nothing uses. What counts as a use: the app itself, its packaging scripts, and the GUI tests (a widget's
parts are how those tests click and read it like an owner would); a function only a service or core test
calls is dead. The few things used by name from outside (Qt, the SDK, http.server, benchmarks) are in
allowed.py, each with its reason."""

from __future__ import annotations

import re
from pathlib import Path

from vulture import Vulture

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = Path(__file__).with_name("allowed.py")
USERS = [ROOT / "xerohelper", ROOT / "packaging", ROOT / "tests" / "ui", ALLOWED]
# The test suite's own helpers inside the package (a real SDK client on the sandbox, control calls): their
# users are the tests, so nothing in them is reported.
TEST_HELPERS = [ROOT / "xerohelper" / "sandbox" / "testing.py"]


def unused_code(paths: list[Path], checked: Path = ROOT / "xerohelper") -> list[str]:
    """What vulture finds unused in `checked`, reading `paths` for the uses."""
    vulture = Vulture()
    vulture.scavenge([str(path) for path in paths])
    found = []
    for item in vulture.get_unused_code(min_confidence=60):
        where = Path(item.filename).resolve()
        if where.is_relative_to(checked) and where not in TEST_HELPERS:
            found.append(f"{where.relative_to(checked.parent)}:{item.first_lineno}: {item.message}")
    return found


def test_nothing_in_the_app_is_unused():
    found = unused_code(USERS)
    why = "Unused code: delete it, or say in tests/dead_code/allowed.py who uses it:\n"
    assert not found, why + "\n".join(found)


def test_the_check_finds_a_new_unused_function(tmp_path):
    """A copy of the app with one function nobody calls: the check names it, and only it."""
    import shutil

    app = tmp_path / "xerohelper"
    shutil.copytree(ROOT / "xerohelper", app, ignore=shutil.ignore_patterns("__pycache__"))
    before = unused_code([app, *USERS[1:]], checked=app)
    (app / "core" / "probe.py").write_text(
        'def never_called():\n    return "nobody asks for this"\n', encoding="utf-8"
    )
    after = unused_code([app, *USERS[1:]], checked=app)
    assert sorted(set(after) - set(before)) == ["xerohelper/core/probe.py:1: unused function 'never_called'"]


def test_every_allowed_name_is_still_in_the_app():
    names = re.findall(r"^_\.(\w+)", ALLOWED.read_text(encoding="utf-8"), flags=re.MULTILINE)
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "xerohelper").rglob("*.py"))
    stale = [name for name in names if not re.search(rf"\b{name}\b", source)]
    assert names and not stale, f"allowed.py lists names the app no longer has: {stale}"
