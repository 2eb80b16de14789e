"""What the app knows of its connection to Xero, without asking Xero: the client id and where it comes
from, the callback port, the organisation it is connected to, and the connection's state (ConnectionService
is made of this, the sign-in steps in signing_in.py, and the use of the connection in connection.py)."""

from __future__ import annotations

from dataclasses import replace

from xerohelper.adapters.settings import (
    CALLBACK_PORT_ENV,
    DEFAULT_CALLBACK_PORT,
    ConnectionSettings,
    Settings,
)
from xerohelper.adapters.settings import SettingsFileDamaged as SettingsFileDamaged  # the commands catch it
from xerohelper.core.connection import (
    ConnectionProblem,
    ConnectionState,
    ConnectionStatus,
    Organisation,
    ReconnectReason,
    client_id_problem,
)


class ConnectionSettingsKept:
    """The settings side of ConnectionService (self._settings, self._environ… are set by its __init__)."""

    # ---- what the app knows --------------------------------------------------------------------------
    def _saved(self) -> ConnectionSettings:
        return self._settings.connection(self.endpoints.name)

    def _reload(self) -> ConnectionSettings:
        """Read the settings file again: another xerohelper window may have changed it."""
        with self._lock:
            self._settings = Settings.load(self.folders.settings)
            return self._saved()

    def _save(self, **changes) -> None:
        with self._lock:
            self._settings.set_connection(replace(self._saved(), **changes), self.endpoints.name)
            self._settings.save()

    def save_client_id(self, client_id: str) -> None:
        """Keep the owner's own Xero app's client id in the settings (checked for shape: ValueError)."""
        problem = client_id_problem(client_id)
        if problem:
            raise ValueError(problem)
        self._save(client_id="".join(client_id.split()).upper())  # Xero writes them in upper case

    @property
    def callback_port(self) -> int:
        """XEROHELPER_CALLBACK_PORT, else the settings' callback_port, else 8742."""
        raw = self._environ.get(CALLBACK_PORT_ENV, "").strip()
        if not raw:
            return self._saved().callback_port or DEFAULT_CALLBACK_PORT
        if raw.isdigit() and 0 <= int(raw) <= 65535:
            return int(raw)
        raise ConnectionProblem(
            f"{CALLBACK_PORT_ENV} is set to {raw!r}, which is not a port number.",
            f"Set {CALLBACK_PORT_ENV} to a number between 1024 and 65535 (the port registered in your "
            f"Xero app's redirect URI), or remove it to use {DEFAULT_CALLBACK_PORT}.",
        )

    @property
    def tenant_id(self) -> str:
        return self._saved().tenant_id

    def saved_organisation(self) -> Organisation | None:
        saved = self._saved()
        if not saved.tenant_id:
            return None
        return Organisation(
            tenant_id=saved.tenant_id,
            name=saved.organisation_name,
            short_code=saved.short_code,
            connection_id=saved.connection_id,
        )

    def status(self) -> ConnectionStatus:
        """What the app knows without asking Xero (quick; reads the settings and the keyring)."""
        with self._lock:
            saved = self._reload()
            organisation = self.saved_organisation()
            if organisation is None:
                return ConnectionStatus(ConnectionState.NOT_CONNECTED)
            if saved.reconnect_reason:
                try:
                    reason = ReconnectReason(saved.reconnect_reason)
                except ValueError:
                    reason = ReconnectReason.SIGN_IN_ENDED
                return ConnectionStatus(ConnectionState.RECONNECT_NEEDED, organisation, reason)
            if self._api is None and self._store.load() is None:
                return ConnectionStatus(
                    ConnectionState.RECONNECT_NEEDED, organisation, ReconnectReason.SIGN_IN_NOT_SAVED
                )
            return ConnectionStatus(ConnectionState.CONNECTED, organisation)
