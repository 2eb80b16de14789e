"""The files xerohelper reads while it runs — the demo till's day, the step icons, the app's own icon, the
generic day file's template and its description — shipped inside the package.

They are found through importlib.resources, never through a path into the source tree, so the same code
works from a clone, an installed wheel and the PyInstaller bundle:

    resource("demo", "harbour-street-day.csv").read_text(encoding="utf-8")
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The packaged file at resources/<parts...> (it may not exist: check with .is_file())."""
    found = files(__name__)
    for part in parts:
        found = found / part
    return found
