"""HTTP plumbing: one origin for every Xero origin, and the order Xero checks things in.

``https://login.xero.com/P``, ``https://identity.xero.com/P`` and ``https://api.xero.com/P`` are all
served here as ``BASE/P``; paths match without regard to case (the SDK sends ``/Connections``).

For an Accounting API call: faults → bearer token (401) → xero-tenant-id (403) → scope (401) → rate
limits (429) → latency → Idempotency-Key replay → the endpoint. Any unexpected error answers Xero's
plain "An unhandled error with the Xero API" (500) — never a traceback; the traceback goes to stderr.
``/_sandbox/…`` is the control surface (control.py) and never counts as a Xero call; nor do the read-only
pages at the paths of Xero's own screens (web_screens.py: ``/AccountsReceivable/View.aspx?InvoiceID=…``).
"""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from xerohelper.sandbox import accounting, consent_page, control, messages, web_screens
from xerohelper.sandbox.clock import Clock
from xerohelper.sandbox.faults import DROPPED, Faults
from xerohelper.sandbox.idempotency import MAX_KEY_LENGTH, IdempotencyKeys, fingerprint
from xerohelper.sandbox.identity import Identity
from xerohelper.sandbox.limits import RateLimits
from xerohelper.sandbox.responses import (
    Response,
    forbidden,
    html_response,
    not_found,
    post_data_invalid,
    unhandled_error,
    validation_exception,
)
from xerohelper.sandbox.settings import SandboxSettings
from xerohelper.sandbox.store import World

API_PREFIX = "/api.xro/2.0"
MAX_BODY = 10 * 1024 * 1024
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Observers of every sandbox in this process, whoever started it (the tests check each request and answer
# with it; see testing.watch_every_sandbox). Each is called as observer(request, response).
EVERY_SANDBOX_OBSERVERS: list = []


@dataclass
class Request:
    method: str
    path: str  # without the query string
    target: str  # path and query, as sent
    query: dict[str, str]  # last value per parameter, names lower-cased
    params: dict[str, str]  # last value per parameter, names as sent (OAuth parameters are exact)
    headers: Message
    body: bytes


def endpoint_name(method: str, path: str) -> str:
    """``PUT /api.xro/2.0/payments``, ``POST /api.xro/2.0/invoices/{id}`` — for the request counts."""
    return f"{method} {_GUID.sub('{id}', path.rstrip('/').lower() or '/')}"


class SandboxApp:
    """Everything behind the socket: state, clock, identity, limits, faults, keys, counts."""

    def __init__(self, world: World, clock: Clock, settings: SandboxSettings, on_change=None) -> None:
        self.world = world
        self.clock = clock
        self.settings = settings
        self.identity = Identity(world, clock, settings)
        self.limits = RateLimits(settings, clock)
        self.idempotency = IdempotencyKeys(settings, clock)
        self.faults = Faults()
        self.counts: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()  # calls answered with an error: "PUT …/invoices 400"
        self.counts_lock = threading.Lock()
        self.base_url = ""
        self.on_change = on_change  # called after a request that changed the state (for --state)

    # ------------------------------------------------------------------ entry
    def handle(self, request: Request) -> Response:
        lower = request.path.lower().rstrip("/") or "/"
        if lower == "/_sandbox" or lower.startswith("/_sandbox/"):
            return control.handle(self, request, lower[len("/_sandbox") :] or "/")
        if web_screens.handles(request.method, lower):  # a person's browser, not an API call: not counted
            site = web_screens.Site(self.world, {self.settings.client_id: self.settings.app_name})
            return html_response(*web_screens.answer(site, request.path, request.query))
        endpoint = endpoint_name(request.method, request.path)
        with self.counts_lock:
            self.counts[endpoint] += 1
        fault = self.faults.take(request.method, request.path)
        if fault is not None and fault.answer() is not None:
            self._refused(endpoint, fault.answer())
            return fault.answer()
        if lower.startswith(API_PREFIX + "/"):
            response = self._accounting(request, lower)
        else:
            self._latency()
            with self.world.lock:
                response = self._identity_route(request, lower)
            if request.method != "GET" and response.status < 500:
                self.changed()
        self._refused(endpoint, response)
        return DROPPED if fault is not None else response  # drop-after: done, but the answer is lost

    def _refused(self, endpoint: str, response: Response) -> None:
        """Count a call answered with an error (4xx or 5xx), by endpoint and status."""
        if response.status >= 400:
            with self.counts_lock:
                self.refusals[f"{endpoint} {response.status}"] += 1

    def _latency(self) -> None:
        if self.faults.latency_ms > 0:
            time.sleep(self.faults.latency_ms / 1000)

    def changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # ------------------------------------------------------------------ identity and connections
    def _identity_route(self, request: Request, lower: str) -> Response:
        method = request.method
        if lower == "/identity/connect/authorize" and method == "GET":
            return self.identity.authorize(request.params)
        if lower == "/identity/connect/consent" and method == "POST":
            return self.identity.consent(_form_lists(request.body))
        if lower == "/connect/token" and method == "POST":
            return self.identity.token(_form(request.body))
        if lower == "/connect/revocation" and method == "POST":
            return self.identity.revoke(_form(request.body))
        if lower == "/.well-known/openid-configuration" and method == "GET":
            return self.identity.discovery(self.base_url)
        if lower == "/connections" or lower.startswith("/connections/"):
            return self._connections(request, lower)
        if lower == "/" and method == "GET":
            return html_response(200, consent_page.index(self.base_url))
        return not_found()

    def _connections(self, request: Request, lower: str) -> Response:
        checked = self.identity.authenticate(request.headers.get("Authorization"))
        if isinstance(checked, Response):
            return checked
        _, grant = checked
        refusal, headers = self.limits.enter_app(grant.client_id)
        if refusal is not None:
            return refusal
        if lower == "/connections" and request.method == "GET":
            response = self.identity.list_connections(grant, request.query.get("autheventid"))
        elif lower.count("/") == 2 and request.method == "DELETE":
            response = self.identity.delete_connection(grant, lower.rsplit("/", 1)[1])
        else:
            response = not_found()
        response.headers.update(headers)
        return response

    # ------------------------------------------------------------------ accounting
    def _accounting(self, request: Request, lower: str) -> Response:
        parts = [p for p in request.path[len(API_PREFIX) :].split("/") if p]
        with self.world.lock:
            checked = self.identity.authenticate(request.headers.get("Authorization"))
            if isinstance(checked, Response):
                return checked
            access, grant = checked
            tenant_id = (request.headers.get("xero-tenant-id") or "").strip().lower()
            ledger = self.world.ledger(tenant_id)
            if ledger is None or not self.identity.tenant_connected(grant, tenant_id):
                return forbidden()
        if not accounting.is_known_path(parts):
            return not_found()
        refusal, limit_headers = self.limits.enter_tenant(tenant_id, grant.client_id)
        if refusal is not None:
            return refusal
        try:
            self._latency()
            response = self._accounting_call(
                request, parts, ledger, access.scopes, grant.client_id, tenant_id
            )
        finally:
            self.limits.leave_tenant(tenant_id)
        response.headers.update(limit_headers)
        return response

    def _accounting_call(self, request, parts, ledger, scopes, client_id, tenant_id) -> Response:
        key = request.headers.get("Idempotency-Key")
        writes = request.method in ("POST", "PUT", "PATCH", "DELETE")
        call = accounting.Call(
            request.method,
            parts,
            request.query,
            request.headers,
            request.body,
            ledger,
            self.world,
            self.clock,
            self.settings,
        )
        if not (writes and key):
            with self.world.lock:
                response = accounting.handle(call, scopes)
            if writes and response.status < 500:
                self.changed()
            return response
        if len(key) > MAX_KEY_LENGTH:
            return validation_exception(
                [{"ValidationErrors": [{"Message": messages.IDEMPOTENCY_KEY_REUSED}]}]
            )
        scope = (client_id, tenant_id)
        print_ = fingerprint(request.method, request.target, request.body)
        with self.world.lock:  # one keyed write at a time: a retry racing the original waits, then replays
            remembered = self.idempotency.recall(scope, key, print_)
            if remembered == "conflict":
                return validation_exception(
                    [{"ValidationErrors": [{"Message": messages.IDEMPOTENCY_KEY_REUSED}]}]
                )
            if isinstance(remembered, Response):
                return remembered
            response = accounting.handle(call, scopes)
            self.idempotency.remember(scope, key, print_, response)
        if response.status < 500:
            self.changed()
        return response


def _form(body: bytes) -> dict[str, str]:
    return {key: values[-1] for key, values in _form_lists(body).items()}


def _form_lists(body: bytes) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return {}


# ====================================================================== the socket side
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SandboxHTTPServer

    def setup(self) -> None:
        super().setup()
        # Answers go out as headers then body; without this, Nagle's algorithm and the client's delayed
        # ACK add about 40 ms to every answer on a kept-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def version_string(self) -> str:
        return "Kestrel"  # what Xero's API answers with

    def log_message(self, format: str, *args) -> None:
        if self.server.app.settings.log_requests:
            sys.stderr.write(f"sandbox: {self.address_string()} {format % args}\n")

    def _serve(self) -> None:
        app = self.server.app
        split = urllib.parse.urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._send(post_data_invalid())
            return
        body = self.rfile.read(length) if length > 0 else b""
        raw_query = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        request = Request(
            method=self.command,
            path=urllib.parse.unquote(split.path),
            target=self.path,
            query={key.lower(): values[-1] for key, values in raw_query.items()},
            params={key: values[-1] for key, values in raw_query.items()},
            headers=self.headers,
            body=body,
        )
        try:
            response = app.handle(request)
        except Exception:  # the answer is Xero's 500, the detail goes to the sandbox's own log
            traceback.print_exc(file=sys.stderr)
            response = unhandled_error()
        for observer in list(EVERY_SANDBOX_OBSERVERS):
            observer(request, response)
        if response.drop_connection:
            self.close_connection = True
            return
        self._send(response)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Xero-Correlation-Id", _correlation_id())
        self.end_headers()
        if self.command != "HEAD" and response.body:
            self.wfile.write(response.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve


def _correlation_id() -> str:
    return str(uuid.uuid4())


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # a busy port fails at once instead of being shared

    def __init__(self, address: tuple[str, int], app: SandboxApp) -> None:
        self.app = app
        super().__init__(address, _Handler)

    def handle_error(self, request, client_address) -> None:  # a client that hung up is not news
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)
