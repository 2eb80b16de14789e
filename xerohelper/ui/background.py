"""run_in_background (ui/workers.py) imported at first use, for the main window and its parts: they are
imported before the first frame, and each module imported then costs (PySide6 reads the source of every
module imported after it)."""

from __future__ import annotations


def run_in_background(*args, **kwargs):
    """ui.workers' run_in_background, imported at first use."""
    from xerohelper.ui.workers import run_in_background as run

    return run(*args, **kwargs)
