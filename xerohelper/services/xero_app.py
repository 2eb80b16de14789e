"""Which Xero app xerohelper signs in with: the one built into an installed app, or the owner's (or their
bookkeeper's) own, registered on Xero's developer site and pasted into the wizard. What the wizard's
"Use your own Xero app" page shows and saves. Blocking (settings file, keyring-free): not on the GUI thread.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from xerohelper.adapters.xero_login import SCOPES
from xerohelper.core.password_store_help import password_store_advice
from xerohelper.services.callback_port import redirect_uri

DEVELOPER_PORTAL = "https://developer.xero.com/app/manage"


@dataclass(frozen=True)
class XeroApp:
    client_id: str  # "" when there is none yet
    source: str  # "built-in", "settings", "environment", "default" (the demo's), or ""
    redirect_uri: str  # exactly what the app's registration must list
    scopes: tuple[str, ...]

    @property
    def known(self) -> bool:
        return bool(self.client_id)


def xero_app(connection) -> XeroApp:
    client_id, source = connection.client_id_source()
    try:
        port = connection.callback_port
    except Exception:  # XEROHELPER_CALLBACK_PORT isn't a port: the sign-in says so; show the usual one
        from xerohelper.adapters.settings import DEFAULT_CALLBACK_PORT

        port = DEFAULT_CALLBACK_PORT
    return XeroApp(client_id, source, redirect_uri(port), tuple(SCOPES))


def save_own_client_id(connection, client_id: str) -> XeroApp:
    """Keep the owner's own app's client id (ValueError, in words, when it hasn't a client id's shape)."""
    connection.save_client_id(client_id)
    return xero_app(connection)


def password_store_help(environ) -> str:
    """What to install or turn on for this computer's desktop so the sign-in can be kept safely."""
    return password_store_advice(sys.platform, environ.get("XDG_CURRENT_DESKTOP", ""))
