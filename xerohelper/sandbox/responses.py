"""What the sandbox answers, and the shapes of Xero's error answers (reference/xero-sdk.md §4).

- 400 ValidationException: ``{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation
  exception occurred","Elements":[...]}`` (each posted element echoed with its ValidationErrors).
- 400 PostDataInvalidException (14), NoDataProcessedException (17), QueryParseException (16).
- 401 / 403 problem bodies (``Title``/``Status``/``Detail``), with the lower-case variant Xero sends for a
  garbled bearer token (xero-error-bodies/12.json).
- 404 with a plain-text body, never JSON; 500 / 503 plain text.
- Token endpoint errors: the compact ``{"error":"invalid_grant"}`` (the SDK matches it byte for byte).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from xerohelper.sandbox import messages
from xerohelper.sandbox.xero_wire import to_json

JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    drop_connection: bool = False  # fault injection: close the socket without answering


def json_response(status: int, document: Any, **headers: str) -> Response:
    return Response(status, to_json(document), JSON_TYPE, dict(headers))


def plain_json(status: int, document: Any) -> Response:
    """JSON written as-is (identity answers, control answers): compact, no Xero date escaping."""
    return Response(status, json.dumps(document, separators=(",", ":")).encode(), JSON_TYPE)


def text_response(status: int, text: str, content_type: str = TEXT_TYPE) -> Response:
    return Response(status, text.encode("utf-8"), content_type)


def html_response(status: int, html: str) -> Response:
    return Response(status, html.encode("utf-8"), HTML_TYPE)


def redirect(location: str) -> Response:
    return Response(302, b"", None, {"Location": location, "Cache-Control": "no-store"})


# ------------------------------------------------------------------ accounting errors
def validation_exception(elements: list[dict]) -> Response:
    return json_response(
        400,
        {
            "ErrorNumber": 10,
            "Type": "ValidationException",
            "Message": messages.VALIDATION_EXCEPTION,
            "Elements": elements,
        },
    )


def post_data_invalid(message: str = messages.JSON_INVALID) -> Response:
    return json_response(400, {"ErrorNumber": 14, "Type": "PostDataInvalidException", "Message": message})


def no_data_processed(resource: str) -> Response:
    return json_response(
        400,
        {
            "ErrorNumber": 17,
            "Type": "NoDataProcessedException",
            "Message": messages.NO_DATA.format(resource=resource),
        },
    )


def query_parse_exception(message: str) -> Response:
    return json_response(400, {"ErrorNumber": 16, "Type": "QueryParseException", "Message": message})


def not_found() -> Response:
    return text_response(404, messages.NOT_FOUND)


def unhandled_error() -> Response:
    return text_response(500, messages.UNHANDLED)


def unavailable(text: str, retry_after: int | None = None) -> Response:
    response = text_response(503, text)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def too_many_requests(retry_after: int | None = None, problem: str = "minute") -> Response:
    """Xero's 429: an empty body; the headers say which limit and how long to wait."""
    response = Response(429, b"", "text/plain; charset=utf-8", {"X-Rate-Limit-Problem": problem})
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


# ------------------------------------------------------------------ auth errors
def _instance() -> str:
    return str(uuid.uuid4())


def _problem(status: int, title: str, detail: str) -> bytes:
    # Xero's own key order and compact form (xero-error-bodies/09.json - 11.json).
    return json.dumps(
        {
            "Type": None,
            "Title": title,
            "Status": status,
            "Detail": detail,
            "Instance": _instance(),
            "Extensions": {},
        },
        separators=(",", ":"),
    ).encode()


def token_expired(detail: str) -> Response:
    return Response(
        401,
        _problem(401, "Unauthorized", detail),
        JSON_TYPE,
        {"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def authentication_unsuccessful() -> Response:
    """A missing, garbled or revoked bearer token (lower-case keys, as in xero-error-bodies/12.json)."""
    body = json.dumps(
        {
            "title": "Unauthorized",
            "status": 401,
            "detail": messages.AUTHENTICATION_UNSUCCESSFUL,
            "instance": _instance(),
        },
        separators=(",", ":"),
    ).encode()
    return Response(401, body, JSON_TYPE, {"WWW-Authenticate": "Bearer error=invalid_token"})


def authorization_unsuccessful() -> Response:
    """The token lacks the scope this endpoint needs. Xero's FAQ spells the header value 'insufficent'."""
    return Response(
        401,
        _problem(401, "Unauthorized", messages.AUTHORIZATION_UNSUCCESSFUL),
        JSON_TYPE,
        {"WWW-Authenticate": 'Bearer error="insufficent_scope"'},
    )


def forbidden() -> Response:
    """Missing, unknown or disconnected xero-tenant-id."""
    return Response(403, _problem(403, "Forbidden", messages.AUTHENTICATION_UNSUCCESSFUL), JSON_TYPE)


def token_error(error: str, status: int = 400) -> Response:
    """Token and revocation endpoint errors, compact: {"error":"invalid_grant"}."""
    return Response(status, json.dumps({"error": error}, separators=(",", ":")).encode(), JSON_TYPE)
