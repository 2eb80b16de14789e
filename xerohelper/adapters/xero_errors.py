"""Xero's failures, as the SDK and the network hand them over, turned into the core's FailedCall.

This is the only module that knows xero-python's exception classes. What it understands
(shared/reference/xero-sdk.md §3-§4, §9):
* ApiException and all its subclasses (HTTPStatusException, BadRequestException,
  AccountingBadRequestException, OAuth2InvalidGrantError, NotFoundException, RateLimitException…): the
  status, the raw body and the headers are read from the response itself, never through the SDK's
  convenience properties (AccountingBadRequestException.status parses the body and raises on non-JSON;
  .reason keeps only the first validation message);
* ApiSSLException and ApiException(status=0): no answer, secure connection / a problem in the request;
* AccessTokenExpiredError and the token getter/saver errors: signing in again is needed;
* urllib3's MaxRetryError (the SDK does not wrap connection problems) and what it wraps: no internet,
  refused or dropped connections, time-outs, TLS failures, and the "too many 429/503 responses" it raises
  when its own retries ran out;
* plain OSError: no internet, connection reset, and "address already in use" for the sign-in's port;
* a 200 answer whose elements failed (summarizeErrors=false): the SDK returns models, not an exception;
* the connection's own problems (core.connection: ReconnectNeeded, XeroUnreachable, CallbackPortTaken…),
  which the Xero client raises with the SDK's exception as their cause.
It hands the core's FailedCall back and explains nothing itself: services/explaining.py is the one entry
that turns an exception into explanation cards.

`xero_refusals_translated` turns the SDK's ApiException into the adapters' own XeroRefused (status and body
for the journal, the SDK's exception kept for explaining), so services never meet the SDK's classes.
"""

from __future__ import annotations

import errno
import re
import socket
import ssl
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import urllib3.exceptions as net
from xero_python.exceptions import (
    AccessTokenExpiredError,
    ApiException,
    ApiSSLException,
    OAuth2TokenGetterError,
    OAuth2TokenSaverError,
)

from xerohelper.adapters.xero_shapes import Refusal, XeroRefused
from xerohelper.core.connection import (
    CallbackPortTaken,
    ConnectionProblem,
    NotConnected,
    SignInServiceBusy,
    XeroUnreachable,
)
from xerohelper.core.explain.failed_call import FailedCall, NoAnswer

_TOO_MANY_ANSWERS = re.compile(r"too many (\d{3}) error responses")


@contextmanager
def xero_refusals_translated() -> Iterator[None]:
    """Inside: Xero's refusals (the SDK's ApiException) are raised as XeroRefused, the SDK's error kept."""
    try:
        yield
    except ApiException as err:
        raise XeroRefused(refusal_of(err), err) from err


def refusal_of(err: ApiException) -> Refusal:
    """Xero's answer in an SDK exception: its status and its body as text."""
    response = getattr(err, "http_resp", None)
    status = getattr(err, "_status", None) or getattr(response, "status", None)
    body = getattr(response, "data", None)
    if isinstance(body, bytes | bytearray):
        text = bytes(body).decode("utf-8", errors="replace")
    else:
        text = str(body or "")
    return Refusal(int(status) if status else None, text)


def failed_call_from_http(
    status: int | None,
    body: str | bytes | None = None,
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    element_labels: Iterable[str] = (),
) -> FailedCall:
    """A raw HTTP answer (status, body, headers) as the core's input."""
    if headers is not None and hasattr(headers, "items") and not isinstance(headers, Mapping):
        headers = list(headers.items())  # urllib3's HTTPHeaderDict and friends
    return FailedCall.from_http(status, body, headers, element_labels)


def failed_call_from_exception(
    exc: BaseException, *, element_labels: Iterable[str] = (), port: int | None = None
) -> FailedCall:
    """Whatever the SDK (or the network under it) raised, as the core's input."""
    labels = tuple(element_labels)
    if not isinstance(exc, ApiException) and isinstance(getattr(exc, "error", None), ApiException):
        exc = exc.error  # the pacer's DailyLimitReached (Xero's 429), the adapters' XeroRefused
    if isinstance(exc, SignInServiceBusy):
        return FailedCall(no_answer=NoAnswer.SIGN_IN_BUSY, detail=exc.details, element_labels=labels)
    if isinstance(exc, ConnectionProblem) and isinstance(exc.__cause__, ApiException):
        exc = exc.__cause__  # Xero's own answer says more than our summary of it
    if isinstance(exc, ApiException):
        return _from_api_exception(exc, labels)
    if isinstance(exc, CallbackPortTaken):
        return FailedCall(no_answer=NoAnswer.PORT_IN_USE, port=exc.port, detail=exc.details)
    if isinstance(exc, NotConnected):
        return FailedCall(no_answer=NoAnswer.NOT_SIGNED_IN)
    if isinstance(exc, XeroUnreachable):
        cause = exc.__cause__
        no_answer = _no_answer(cause) if cause is not None else NoAnswer.OFFLINE
        if no_answer is NoAnswer.UNEXPECTED:
            no_answer = NoAnswer.OFFLINE
        if isinstance(cause, net.MaxRetryError):
            return _from_max_retry(cause, labels)
        return FailedCall(
            no_answer=no_answer, detail=exc.details or _technical(cause or exc), element_labels=labels
        )
    if isinstance(exc, AccessTokenExpiredError):
        return FailedCall(no_answer=NoAnswer.SIGN_IN_EXPIRED, detail=_technical(exc))
    if isinstance(exc, OAuth2TokenGetterError | OAuth2TokenSaverError):
        return FailedCall(no_answer=NoAnswer.NOT_SIGNED_IN, detail=_technical(exc))
    if isinstance(exc, net.MaxRetryError):
        return _from_max_retry(exc, labels)
    no_answer = _no_answer(exc)
    return FailedCall(no_answer=no_answer, detail=_technical(exc), element_labels=labels, port=port)


def carries_xero_answer(exc: BaseException) -> bool:
    """True when a connection problem was raised over an answer of Xero's (its cause is the SDK's
    exception): that answer, not the summary, is what to explain."""
    return isinstance(exc.__cause__, ApiException)


# ---- the SDK's exceptions ------------------------------------------------------------------------------


def _from_api_exception(exc: ApiException, labels: tuple[str, ...]) -> FailedCall:
    response = getattr(exc, "http_resp", None)
    status = getattr(exc, "_status", None) or getattr(response, "status", None)
    if isinstance(exc, ApiSSLException):
        return FailedCall(no_answer=NoAnswer.SECURE_CONNECTION, detail=_technical(exc))
    if response is None or not status:  # ApiException(status=0): the SDK could not even build the request
        return FailedCall(no_answer=NoAnswer.UNEXPECTED, detail=_technical(exc))
    body = getattr(response, "data", None)
    try:
        headers = response.getheaders()
    except Exception:  # a response without headers is still worth explaining
        headers = None
    return failed_call_from_http(int(status), body, headers, labels)


def _from_max_retry(exc: net.MaxRetryError, labels: tuple[str, ...]) -> FailedCall:
    reason = exc.reason
    too_many = _TOO_MANY_ANSWERS.search(str(reason or exc))
    if too_many:  # urllib3 gave up after Xero kept answering 429 or 503 (its own retries ran out)
        return FailedCall(status=int(too_many.group(1)), detail=_technical(exc), element_labels=labels)
    return FailedCall(no_answer=_no_answer(reason or exc), detail=_technical(exc), element_labels=labels)


def _no_answer(exc: BaseException | None) -> NoAnswer:
    if isinstance(exc, net.SSLError | ssl.SSLError):
        return NoAnswer.SECURE_CONNECTION
    if isinstance(exc, net.ProxyError):
        return NoAnswer.OFFLINE
    if isinstance(exc, net.ConnectTimeoutError):  # also NewConnectionError's parent: check the child first
        return NoAnswer.OFFLINE if isinstance(exc, net.NewConnectionError) else NoAnswer.TIMEOUT
    if isinstance(exc, net.ReadTimeoutError | TimeoutError | socket.timeout):
        return NoAnswer.TIMEOUT
    if isinstance(exc, net.NameResolutionError | socket.gaierror | ConnectionRefusedError):
        return NoAnswer.OFFLINE
    if isinstance(exc, net.ProtocolError | ConnectionResetError | ConnectionAbortedError | BrokenPipeError):
        return NoAnswer.DROPPED
    if isinstance(exc, net.IncompleteRead):
        return NoAnswer.DROPPED
    if isinstance(exc, OSError):
        if exc.errno == errno.EADDRINUSE:
            return NoAnswer.PORT_IN_USE
        if exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ECONNREFUSED):
            return NoAnswer.OFFLINE
        if exc.errno in (errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE):
            return NoAnswer.DROPPED
        return NoAnswer.OFFLINE
    if isinstance(exc, net.HTTPError):
        return NoAnswer.OFFLINE
    return NoAnswer.UNEXPECTED


def _technical(exc: BaseException) -> str:
    """One line on what failed, for support: the exception's class and message (the core redacts it)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# ---- SDK models back to Xero's JSON names (for 200 answers with failed elements) ---------------------------


def _plain(value: object) -> object:
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    attribute_map = getattr(type(value), "attribute_map", None)
    if isinstance(attribute_map, dict):
        out = {}
        for attribute, name in attribute_map.items():
            item = getattr(value, attribute, None)
            if item is not None:
                out[name] = _plain(item)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)  # exact cents, never a float
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
