"""Signing in to Xero in the system browser: the PKCE pair, the sign-in link, and the loopback listener.

The flow (Xero's "Auth Code with PKCE", RFC 7636 S256 + RFC 8252 loopback redirect):
1. start a CallbackListener on 127.0.0.1 at the registered port (before opening the browser);
2. open `authorize_url(...)` in the system browser;
3. `listener.wait()` returns the one-time code once Xero sends the browser back to
   http://localhost:PORT/callback with our `state`; the code is exchanged in xero_api.py.

The listener answers only /callback (404 for anything else, favicon included), ignores a callback whose
`state` is not ours (400, and keeps waiting), turns Xero's `error` parameter into SignInRefused, and gives up
after the timeout or when Cancel is pressed. It never shows a token or a code in the browser.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import html
import logging
import os
import secrets
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from xerohelper.core.connection import (
    LOGIN_TIMEOUT_SECONDS,
    CallbackPortTaken,
    SignInCancelled,
    SignInRefused,
    SignInTimedOut,
)

SCOPES = (
    "openid",
    "profile",
    "email",
    "offline_access",
    "accounting.invoices",
    "accounting.payments",
    "accounting.contacts",
    "accounting.settings.read",
)
CALLBACK_PATH = "/callback"
LOOPBACK = "127.0.0.1"
PORT_SETTING = "callback_port"
PORT_ENV = "XEROHELPER_CALLBACK_PORT"

log = logging.getLogger(__name__)


# ---- PKCE and the sign-in link -----------------------------------------------------------------------------


def new_code_verifier() -> str:
    """86 characters from the unreserved set [A-Za-z0-9-_] (RFC 7636 allows 43 to 128)."""
    return secrets.token_urlsafe(64)


def code_challenge(verifier: str) -> str:
    """S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_state() -> str:
    return secrets.token_urlsafe(32)


def redirect_uri(port: int) -> str:
    """What the Xero app must have registered: localhost (not 127.0.0.1), the exact port, /callback."""
    return f"http://localhost:{port}{CALLBACK_PATH}"


def authorize_url(
    endpoint: str,
    client_id: str,
    redirect: str,
    state: str,
    challenge: str,
    scopes: tuple[str, ...] = SCOPES,
) -> str:
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect,
            "scope": " ".join(scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{endpoint}?{query}"


# ---- the loopback listener --------------------------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xerohelper</title>
<style>body{{font-family:system-ui,sans-serif;max-width:34em;margin:4em auto;padding:0 1em;color:#1f2933}}
h1{{font-size:1.4em}}</style></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""


def _page(title: str, text: str) -> bytes:
    return _PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")


class _Outcome:
    """What the browser brought back: a code or Xero's error. Set once, by the first valid callback."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.code: str | None = None
        self.error: SignInRefused | None = None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # POSIX: SO_REUSEADDR only lets us re-bind over connections still in TIME_WAIT from a previous sign-in;
    # it never lets two listeners share the port. On Windows it would, so there we ask for exclusive use.
    allow_reuse_address = os.name != "nt"

    def server_bind(self) -> None:
        if os.name == "nt" and hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()


def _make_handler(expected_state: str, outcome: _Outcome):
    class CallbackHandler(BaseHTTPRequestHandler):
        timeout = 10  # a browser's idle pre-connection must not hold a thread for long
        server_version = "xerohelper"
        sys_version = ""

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != CALLBACK_PATH:
                self._answer(404, "Not found", "This address is only used by xerohelper to sign in to Xero.")
                return
            query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
            if not secrets.compare_digest(query.get("state", ""), expected_state):
                log.info("sign-in listener: a callback with a state that is not ours; ignored, still waiting")
                self._answer(
                    400,
                    "This sign-in link is not the one xerohelper is waiting for",
                    "Go back to xerohelper and click Connect to start a new sign-in.",
                )
                return
            if outcome.done.is_set():
                self._answer(200, "Already done", "You can close this tab and go back to xerohelper.")
                return
            if "error" in query:
                outcome.error = SignInRefused(query["error"], query.get("error_description", ""))
                self._answer(
                    200,
                    "xerohelper was not connected to Xero",
                    "You can close this tab and go back to xerohelper: it says what to do next.",
                )
                outcome.done.set()
                return
            code = query.get("code", "")
            if not code:
                self._answer(400, "Xero's answer was incomplete", "Go back to xerohelper and try again.")
                return
            outcome.code = code
            self._answer(
                200,
                "Signed in to Xero",
                "You can close this tab and go back to xerohelper to finish connecting.",
            )
            outcome.done.set()

        def _answer(self, status: int, title: str, text: str) -> None:
            body = _page(title, text)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:
            # Only the method and path, never the query: it carries the one-time code.
            log.debug("sign-in listener: %s %s", self.command, urlsplit(self.path).path)

    return CallbackHandler


class CallbackListener:
    """Listens on 127.0.0.1:port for Xero's redirect. Port 0 picks a free port (tests only)."""

    def __init__(self, port: int, expected_state: str) -> None:
        self._outcome = _Outcome()
        try:
            self._server = _Server((LOOPBACK, port), _make_handler(expected_state, self._outcome))
        except OSError as err:
            if err.errno in (errno.EADDRINUSE, errno.EACCES, 10048, 10013):  # 100xx: Windows' WSA codes
                raise CallbackPortTaken(port, PORT_SETTING, PORT_ENV) from err
            raise
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, name="xero-sign-in-listener"
        )
        self._thread.daemon = True
        self._thread.start()
        log.debug("sign-in listener on %s:%s", LOOPBACK, self.port)

    @property
    def redirect_uri(self) -> str:
        return redirect_uri(self.port)

    def wait(
        self,
        timeout: float = LOGIN_TIMEOUT_SECONDS,
        cancel: threading.Event | None = None,
        tick: float = 0.1,
    ) -> str:
        """The code Xero sent back. Raises SignInRefused, SignInTimedOut or SignInCancelled."""
        deadline = time.monotonic() + timeout
        while not self._outcome.done.wait(tick):
            if cancel is not None and cancel.is_set():
                raise SignInCancelled()
            if time.monotonic() >= deadline:
                raise SignInTimedOut(int(timeout))
        if self._outcome.error is not None:
            raise self._outcome.error
        assert self._outcome.code is not None
        return self._outcome.code

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> CallbackListener:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
