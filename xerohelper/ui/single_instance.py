"""One xerohelper per user: a second launch (a double-click while the app runs) brings the running window
to the front and quits, instead of opening a second app on the same journal.

    instance = SingleInstance.claim()      # before the window is made (QtCore only: quick)
    if instance is None:                   # another one runs, and has been asked to come to the front
        return 0
    instance.raise_requested.connect(bring_window_to_front)
    QTimer.singleShot(0, instance.listen)  # once the window is up (QtNetwork is loaded only then)

How: a lock file (QLockFile) says who runs; the one holding it listens on a local socket (QLocalServer: a
Unix socket, a named pipe on Windows). A later launch can't take the lock, so it connects and writes
"raise" (it keeps trying for a few seconds while the first one is still starting). A lock left by a crash
is stale (its process is gone): QLockFile takes it over, and the socket file the crashed app left is
removed before listening again. Both live in the user's own runtime folder
($XDG_RUNTIME_DIR) when there is one, else the temp folder, named with the user's id.
"""

from __future__ import annotations

import getpass
import logging
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

log = logging.getLogger(__name__)

RAISE = b"raise\n"
SOCKET_PATH_LIMIT = 100  # a Unix socket's path must fit in 104-108 bytes
CONNECT_TRIES_SECONDS = 3.0  # how long a second launch keeps trying to reach the first (it may be starting)


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    try:
        return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    except (OSError, KeyError):
        return "user"


def default_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime) and os.access(runtime, os.W_OK):
        return Path(runtime)
    return Path(tempfile.gettempdir())


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, lock: QLockFile | None, address: str) -> None:
        super().__init__()
        self._lock = lock
        self.address = address
        self._server = None

    @classmethod
    def claim(cls, key: str = "xerohelper", folder: Path | None = None) -> SingleInstance | None:
        """This process becomes the running app (returns the instance; call listen() once the window is
        up), or, if another one already runs, asks it to come to the front and returns None."""
        folder = folder or default_folder()
        name = f"{key}-{_user()}"
        if len(str(folder / f"{name}.socket")) > SOCKET_PATH_LIMIT:
            folder = Path(tempfile.gettempdir())
        lock = QLockFile(str(folder / f"{name}.lock"))
        lock.setStaleLockTime(0)  # held for as long as the app runs: only a dead owner makes it stale
        # On Windows a local server's name is a pipe name; elsewhere, a socket file's full path.
        address = name if os.name == "nt" else str(folder / f"{name}.socket")
        if not lock.tryLock(0):
            if lock.error() != QLockFile.LockError.LockFailedError:  # can't write there: no lock, no wait
                log.warning("could not make %s (%s); starting anyway", lock.fileName(), lock.error().name)
                return cls(None, address)
            if _ask_to_raise(address):
                log.info("xerohelper is already running: asked it to come to the front")
                return None
            log.warning("another xerohelper holds %s but does not answer; starting anyway", lock.fileName())
            lock = None
        return cls(lock, address)

    def listen(self) -> bool:
        """Answer later launches from now on."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return self._server.isListening()
        QLocalServer.removeServer(self.address)  # a socket file left by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._incoming)
        if not self._server.listen(self.address):
            log.warning("could not listen on %s: %s", self.address, self._server.errorString())
            return False
        return True

    def _incoming(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            log.info("another launch asked this window to come to the front")
            self.raise_requested.emit()

    def release(self) -> None:
        """Stop listening and let the lock go (the app is closing)."""
        if self._server is not None:
            self._server.close()
        if self._lock is not None:
            self._lock.unlock()


def _ask_to_raise(address: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + CONNECT_TRIES_SECONDS
    while True:
        socket = QLocalSocket()
        socket.connectToServer(address)
        if socket.waitForConnected(500):
            socket.write(RAISE)
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(1000)
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
