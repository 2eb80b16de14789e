"""Checks every answer the sandbox gives against Xero's official OpenAPI specs (shared/xero-openapi/).

- Accounting 2xx bodies: the operation's 200 schema in xero_accounting.yaml.
- Accounting 400 bodies: the spec's ``Error`` schema, plus Xero's envelope (ErrorNumber, Type, Message).
- 401/403: Xero's problem shape (reference/xero-error-bodies/09-12.json); 404/500/503: never JSON.
- ``GET /connections``: xero-identity.yaml's Connection array; the token endpoint: its AccessToken schema,
  with exactly Xero's keys (the SDK passes the dict into update_token(**token)).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30ReadValidator

SPEC_DIR = Path(__file__).resolve().parents[3] / "shared" / "xero-openapi"
TOKEN_KEYS = {"id_token", "access_token", "expires_in", "token_type", "refresh_token", "scope"}


@lru_cache(maxsize=1)
def load_specs() -> tuple[dict, dict]:
    """Both specs, read once per test run (shared by the answer and the request checks; never changed)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (SPEC_DIR / "xero_accounting.yaml").open(encoding="utf-8") as source:
        accounting = yaml.load(source, Loader=loader)
    with (SPEC_DIR / "xero-identity.yaml").open(encoding="utf-8") as source:
        identity = yaml.load(source, Loader=loader)
    return accounting, identity


class SpecChecker:
    def __init__(self, accounting: dict, identity: dict) -> None:
        self.accounting = accounting
        self.identity = identity
        self._validators: dict[tuple[str, str], OAS30ReadValidator] = {}
        self._paths = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template).lower() + "$"), template)
            for template in accounting["paths"]
        ]
        self.checked = 0

    def _validator(self, which: str, schema: dict) -> OAS30ReadValidator:
        key = (which, json.dumps(schema, sort_keys=True))
        if key not in self._validators:
            spec = self.accounting if which == "accounting" else self.identity
            root = dict(schema)
            root["components"] = spec["components"]
            self._validators[key] = OAS30ReadValidator(root, format_checker=FormatChecker(formats=["uuid"]))
        return self._validators[key]

    def _errors(self, which: str, schema: dict, body) -> list[str]:
        validator = self._validator(which, schema)
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)][
            :5
        ]

    def check(self, method: str, path: str, status: int, content_type: str | None, body: bytes) -> list[str]:
        """Problems with one answer (empty when it is as Xero's spec says)."""
        lower = path.lower().rstrip("/")
        if (
            lower.startswith("/_sandbox")
            or status in (0, 302)
            or (content_type or "").startswith("text/html")
        ):
            return []
        self.checked += 1
        is_json = (content_type or "").startswith("application/json")
        if status in (404, 500, 503) or status == 429:
            return [f"{status} must not be JSON"] if is_json and body else []
        if lower == "/connect/revocation" and status == 200:
            return [] if not body else ["revocation answers 200 with no body"]
        if status == 204:
            return [] if not body else ["204 with a body"]
        if not is_json:
            return [f"{method} {path} answered {status} without JSON"]
        document = json.loads(body)
        if status in (401, 403):
            keys = {k.lower() for k in document}
            return (
                [] if {"title", "status", "detail"} <= keys else [f"{status} body lacks Title/Status/Detail"]
            )
        if lower == "/connect/token" or lower == "/connect/revocation":
            if status == 200 and lower == "/connect/token":
                problems = self._errors("identity", {"$ref": "#/components/schemas/AccessToken"}, document)
                extra = set(document) - TOKEN_KEYS
                return problems + ([f"token answer has extra keys {extra}"] if extra else [])
            if status == 400:
                return (
                    []
                    if body == json.dumps({"error": document.get("error")}, separators=(",", ":")).encode()
                    else ['token errors must be compact {"error":"..."}']
                )
            return []
        if lower == "/connections":
            schema = self.identity["paths"]["/Connections"]["get"]["responses"]["200"]["content"][
                "application/json"
            ]["schema"]
            return self._errors("identity", schema, document)
        if lower == "/.well-known/openid-configuration":
            return []
        if not lower.startswith("/api.xro/2.0/"):
            return [f"unexpected JSON answer on {path}"]
        if status == 400:
            problems = self._errors("accounting", {"$ref": "#/components/schemas/Error"}, document)
            missing = {"ErrorNumber", "Type", "Message"} - set(document)
            return problems + ([f"400 body lacks {missing}"] if missing else [])
        templates = [t for pattern, t in self._paths if pattern.match(lower[len("/api.xro/2.0") :])]
        if not templates:
            return [f"no spec path for {path}"]
        operations = [self.accounting["paths"][t].get(method.lower()) for t in templates]
        operation = next((op for op in operations if op is not None), None)
        if operation is None:
            return [f"spec has no {method} {templates}"]
        response = operation["responses"].get(str(status)) or operation["responses"].get("200")
        schema = response["content"]["application/json"]["schema"]
        problems = self._errors("accounting", schema, document)
        for envelope_key in ("Id", "Status", "ProviderName", "DateTimeUTC"):
            if envelope_key not in document:
                problems.append(f"envelope lacks {envelope_key}")
        if _has_null(document):
            problems.append("Xero omits absent values; the body has a null")
        return problems


def _has_null(value) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_has_null(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_null(item) for item in value)
    return False


@lru_cache(maxsize=1)
def shared_answer_checker() -> SpecChecker:
    return SpecChecker(*load_specs())
