"""The sign-in callback port: where xerohelper listens on this computer when Xero sends the owner back
after signing in (http://localhost:PORT/callback, which must match the Xero app's redirect URI).

Saved in the connection's settings section; XEROHELPER_CALLBACK_PORT wins over it, and the demo picks a
free port by itself. Blocking (reads and writes the settings file): not on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from xerohelper.adapters.settings import CALLBACK_PORT_ENV, DEFAULT_CALLBACK_PORT, Settings

LOWEST, HIGHEST = 1024, 65535


class PortNotAllowed(ValueError):
    pass


@dataclass(frozen=True)
class CallbackPortSetting:
    port: int  # what the next sign-in uses
    saved: int  # what the settings file says
    fixed_by: str = ""  # why it can't be changed in the app ("" when it can)

    @property
    def redirect_uri(self) -> str:
        return redirect_uri(self.port)


def redirect_uri(port: int) -> str:
    return f"http://localhost:{port}/callback"


def read_callback_port(connection, demo: bool = False) -> CallbackPortSetting:
    section = connection.endpoints.name
    saved = (
        Settings.load(connection.folders.settings).connection(section).callback_port or DEFAULT_CALLBACK_PORT
    )
    try:
        port = connection.callback_port
    except Exception as problem:  # XEROHELPER_CALLBACK_PORT set to something that isn't a port
        return CallbackPortSetting(saved, saved, getattr(problem, "words", str(problem)))
    if demo:
        return CallbackPortSetting(port, saved, "The demo shop picks a free port by itself.")
    if port != saved:
        return CallbackPortSetting(
            port,
            saved,
            f"{CALLBACK_PORT_ENV} is set to {port} on this computer, and it comes first. "
            f"Change or remove {CALLBACK_PORT_ENV} to choose the port here.",
        )
    return CallbackPortSetting(port, saved)


def save_callback_port(connection, port: int, demo: bool = False) -> CallbackPortSetting:
    """Save `port` for the next sign-in; PortNotAllowed says why a number can't be used."""
    if not LOWEST <= int(port) <= HIGHEST:
        raise PortNotAllowed(f"Choose a port between {LOWEST} and {HIGHEST}.")
    section = connection.endpoints.name
    settings = Settings.load(connection.folders.settings)
    settings.set_connection(replace(settings.connection(section), callback_port=int(port)), section)
    settings.save()
    connection.status()  # the connection reads its settings again, so it keeps the new port
    return read_callback_port(connection, demo)
