"""The built-in Xero sandbox ("practice Xero") as a service: what `xerohelper sandbox` starts.

The sandbox imports nothing of the app; the command line reaches it through here, as it reaches the rest.
"""

from __future__ import annotations


def start_sandbox(seed: str, **options):
    """The sandbox with `seed`'s organisations, listening (see xerohelper.sandbox.Sandbox for `options`).

    Raises OSError when its port can't be listened on, ValueError when its state file can't be read."""
    from xerohelper.sandbox import Sandbox

    sandbox = Sandbox(seed, **options)
    sandbox.start()
    return sandbox
