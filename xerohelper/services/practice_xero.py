"""The built-in Xero sandbox ("practice Xero") as a service: what `xerohelper sandbox` starts.

The sandbox imports nothing of the app; the command line reaches it through here, as it reaches the rest.
"""

from __future__ import annotations

import logging
import socket

from xerohelper.adapters.app_folders import AppFolders

log = logging.getLogger(__name__)


def start_sandbox(seed: str, **options):
    """The sandbox with `seed`'s organisations, listening (see xerohelper.sandbox.Sandbox for `options`).

    Raises OSError when its port can't be listened on, ValueError when its state file can't be read."""
    from xerohelper.sandbox import Sandbox

    sandbox = Sandbox(seed, **options)
    sandbox.start()
    return sandbox


def open_demo(folders: AppFolders, environ: dict, connection_service):
    """The app's demo: the sandbox with Harbour Street Hardware (its state kept in the demo's own data
    folder) and a connection to it whose sign-in is done for the owner. (sandbox, connection)."""
    from xerohelper.sandbox import Sandbox

    demo_folders = AppFolders(
        settings=folders.settings / "demo", data=folders.data / "demo", logs=folders.logs
    ).create()
    port = _free_port()
    sandbox = Sandbox(
        "demo",
        auto_consent=True,
        redirect_uris=[f"http://localhost:{port}/callback"],
        state_file=demo_folders.data / "sandbox.json",
    )
    base_url = sandbox.start()
    environ = {**environ, "XEROHELPER_CALLBACK_PORT": str(port)}
    environ.pop("XEROHELPER_CLIENT_ID", None)
    log.info("demo: the built-in Xero sandbox is at %s", base_url)
    from xerohelper.adapters.demo_sign_in import DemoSignIn

    connection = connection_service.for_sandbox(
        base_url,
        folders=demo_folders,
        environ=environ,
        open_browser=_follow_sign_in_link,
        # the practice Xero's sign-in stays in the demo's folder: no keyring needed, none touched
        token_store=DemoSignIn(demo_folders.data),
    )
    return sandbox, connection


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _follow_sign_in_link(link: str) -> bool:
    """The demo's "browser": the sandbox consents at once, and its redirect lands on our own listener."""
    import urllib.request

    try:
        with urllib.request.urlopen(link, timeout=30) as answer:
            answer.read()
    except OSError as problem:
        log.warning("demo sign-in: %s", problem)
        return False
    return True
