"""Checks every request a sandbox receives against Xero's official specs (shared/xero-openapi/) and, for the
sign-in endpoints the specs leave out, against reference/xero-oauth.md.

Accounting API (``/api.xro/2.0/…``), and ``/Connections`` (xero-identity.yaml):
- the path and method are an operation of the spec (paths compared without regard to case, as Xero does);
- every query parameter is declared for that operation (exact spelling) and its value fits the declared type;
  required ones are present. Booleans are accepted in any case: xero-python writes Python's ``True``/``False``
  into the query, and Xero reads either;
- every header is declared for the operation (``xero-tenant-id``, ``Idempotency-Key``,
  ``If-Modified-Since``) or is one of ``STANDARD_HEADERS`` below; ``Authorization: Bearer …`` is present
  (the spec's OAuth2 security); ``Idempotency-Key`` is 1 to 128 characters (the spec; xero-oauth.md §5.2);
- the JSON body validates against the operation's request schema (types, enums, uuids, and Xero's dates:
  ``x-is-msdate`` strings are YYYY-MM-DD or ``/Date(ms)/``), has no key the
  schema does not name (Xero's spec never says ``additionalProperties``, so the check is on the declared
  ``properties``: a key that is not one is reported), and no ``readOnly`` key except
  ``SDK_READ_ONLY_DEFAULTS``.

Sign-in endpoints (not in the accounting spec; facts from reference/xero-oauth.md):
- ``GET /identity/connect/authorize``: exactly the parameters of §1.2 (PKCE page), ``response_type=code``,
  ``code_challenge_method=S256``, and no broad scope a new app may not ask for (§3.2). Headers are not
  checked: this is the person's browser, not the app.
- ``POST /connect/token``: a form, no Authorization header (PKCE: no client secret, §0.1), exactly the
  fields of §1.3 for ``authorization_code``; for ``refresh_token`` the fields of xero-identity.yaml's
  ``RefreshToken`` without ``client_secret``.
- ``POST /connect/revocation``: a form with exactly ``token`` and ``client_id`` (§1.3).
- ``GET /.well-known/openid-configuration``: no parameters (§1.1).

Left out on purpose: ``/_sandbox/…`` (the sandbox's own control surface, not Xero), ``GET /`` and
``POST /identity/connect/consent`` (the sandbox's stand-in for Xero's login web pages, filled in by a browser;
Xero publishes no API for them), and the read-only pages at the paths of Xero's own web screens
(sandbox/web_screens.py: what "Open in Xero" opens in the demo, a person's browser, not the app).
"""

from __future__ import annotations

import json
import re
import urllib.parse
from email.message import Message
from functools import lru_cache

from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator

from tests.sandbox.spec_check import load_specs
from xerohelper.sandbox import web_screens

API_PREFIX = "/api.xro/2.0"

# Headers any request may carry, whatever the operation declares:
STANDARD_HEADERS = {
    "host": "HTTP/1.1 requires it",
    "content-length": "HTTP framing of a body (http.client adds it)",
    "connection": "HTTP/1.1 connection handling (urllib3 may send keep-alive or close)",
    "accept-encoding": "HTTP content coding (http.client adds 'identity')",
    "user-agent": "identifies the client; xero-python sends its own, Xero asks apps to send one",
    "accept": "content negotiation; xero-python sends 'application/json' on every call",
    "content-type": "the body's media type, checked against the operation's request body when there is"
    " a body; xero-python also sends it on calls without a body (GET), which is harmless",
}
# readOnly keys xero-python's models send on their own: the model's constructor default is not None, and the
# SDK's serialiser only leaves out None. Captured from the services tests (every request of a full run).
# (schema, key): the only value allowed (the SDK's default), so the app setting one on purpose is caught.
SDK_READ_ONLY_DEFAULTS = {
    # Invoice(has_attachments=False): every invoice the app sends, also the invoice inside each payment
    ("Invoice", "HasAttachments"): False,
    # Account(has_attachments=False): the account each payment is paid into
    ("Account", "HasAttachments"): False,
}
# Broad scopes apps created on or after 2 March 2026 cannot ask for (xero-oauth.md §3.2, "Deprecated").
BROAD_SCOPES = {"accounting.transactions", "accounting.transactions.read", "accounting.reports.read"}
AUTHORIZE_PARAMETERS = {  # xero-oauth.md §1.2 (the PKCE page's list), required ones True
    "response_type": True,
    "client_id": True,
    "redirect_uri": True,
    "scope": True,
    "state": False,
    "code_challenge": True,
    "code_challenge_method": True,
}
CODE_EXCHANGE_FIELDS = {"grant_type", "client_id", "code", "redirect_uri", "code_verifier"}  # §1.3
REVOCATION_FIELDS = {"token", "client_id"}  # §1.3
FORM = "application/x-www-form-urlencoded"
IDEMPOTENCY_KEY_MAX = 128


def _resolve(spec: dict, schema: dict) -> tuple[dict, str | None]:
    """(the schema a $ref points at, its component name) — or the schema itself and None."""
    name = None
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        node = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema, name


class RequestChecker:
    def __init__(self, accounting: dict, identity: dict) -> None:
        self.accounting = accounting
        self.identity = identity
        self._validators: dict[tuple[int, str], OAS30Validator] = {}
        self._accounting_paths = self._index(accounting)
        self._identity_paths = self._index(identity)

    @staticmethod
    def _index(spec: dict) -> list[tuple[re.Pattern, int, str]]:
        found = []
        for template in spec["paths"]:
            pattern = re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template))
            literal = sum(1 for part in template.split("/") if part and not part.startswith("{"))
            found.append((re.compile(f"^{pattern}$", re.IGNORECASE), literal, template))
        return sorted(found, key=lambda row: -row[1])

    # ------------------------------------------------------------------ entry
    def check(self, method: str, target: str, headers: Message, body: bytes) -> list[str] | None:
        """Problems with one request (empty when Xero's spec allows it; None when it is not for Xero)."""
        split = urllib.parse.urlsplit(target)
        path = urllib.parse.unquote(split.path)
        lower = path.lower().rstrip("/") or "/"
        query = urllib.parse.parse_qsl(split.query, keep_blank_values=True)
        if lower.startswith("/_sandbox") or lower == "/" or lower == "/identity/connect/consent":
            return None
        if web_screens.handles(method, lower):
            return None
        if lower.startswith(API_PREFIX + "/"):
            return self._check_operation(
                self.accounting, self._accounting_paths, method, path[len(API_PREFIX) :], query, headers, body
            )
        if lower == "/connections" or lower.startswith("/connections/"):
            return self._check_operation(
                self.identity, self._identity_paths, method, path, query, headers, body
            )
        if lower == "/identity/connect/authorize":
            return self._check_authorize(method, query)
        if lower in ("/connect/token", "/connect/revocation"):
            return self._check_token_form(lower, method, query, headers, body)
        if lower == "/.well-known/openid-configuration":
            return [] if method == "GET" and not query else ["discovery is a plain GET with no parameters"]
        return [f"Xero has no endpoint {method} {path}"]

    # ------------------------------------------------------------------ spec operations
    def _check_operation(self, spec, paths, method, path, query, headers, body) -> list[str]:
        matches = [(pattern.match(path), template) for pattern, _, template in paths]
        matches = [(m, t) for m, t in matches if m]
        if not matches:
            return [f"the spec has no path like {path}"]
        with_method = [(m, t) for m, t in matches if method.lower() in spec["paths"][t]]
        if not with_method:
            return [f"the spec has no {method} on {matches[0][1]}"]
        best: list[str] | None = None
        for found, template in with_method:
            problems = self._check_against(spec, template, method, found, query, headers, body)
            if not problems:
                return []
            best = problems if best is None else best
        return best or []

    def _parameters(self, spec: dict, template: str, method: str) -> dict[tuple[str, str], dict]:
        item = spec["paths"][template]
        declared: dict[tuple[str, str], dict] = {}
        for raw in [*item.get("parameters", []), *item[method.lower()].get("parameters", [])]:
            parameter, _ = _resolve(spec, raw)
            declared[(parameter["in"], parameter["name"])] = parameter
        return declared

    def _check_against(self, spec, template, method, found, query, headers, body) -> list[str]:
        operation = spec["paths"][template][method.lower()]
        declared = self._parameters(spec, template, method)
        where = f"{method} {template}"
        problems: list[str] = []
        names = re.findall(r"\{([^}]+)\}", template)
        for name, value in zip(names, found.groups(), strict=True):
            parameter = declared.get(("path", name))
            if parameter is not None:
                problems += self._value_problems(spec, f"path parameter {name}", parameter, value)
        problems += self._query_problems(spec, where, declared, query)
        problems += self._header_problems(spec, where, operation, declared, headers, bool(body))
        problems += self._body_problems(spec, where, operation, headers, body)
        return problems

    def _query_problems(self, spec, where, declared, query) -> list[str]:
        problems = []
        in_query = {name: parameter for (place, name), parameter in declared.items() if place == "query"}
        for name, value in query:
            parameter = in_query.get(name)
            if parameter is None:
                spelled = next((n for n in in_query if n.lower() == name.lower()), None)
                hint = f" (the spec spells it {spelled!r})" if spelled else ""
                problems.append(f"query parameter {name!r} is not declared for {where}{hint}")
                continue
            problems += self._value_problems(spec, f"query parameter {name}", parameter, value)
        sent = {name for name, _ in query}
        for name, parameter in in_query.items():
            if parameter.get("required") and name not in sent:
                problems.append(f"required query parameter {name!r} is missing")
        return problems

    def _header_problems(self, spec, where, operation, declared, headers, has_body) -> list[str]:
        problems = []
        in_header = {name.lower(): p for (place, name), p in declared.items() if place == "header"}
        for name, value in headers.items():
            key = name.lower()
            if key in STANDARD_HEADERS:
                continue
            if key == "authorization":
                if not operation.get("security"):
                    problems.append(f"{where} takes no Authorization header")
                elif not value.startswith("Bearer ") or not value[7:].strip():
                    problems.append("Authorization must be 'Bearer <access token>'")
                continue
            parameter = in_header.get(key)
            if parameter is None:
                problems.append(f"header {name!r} is not declared for {where}")
                continue
            if key == "idempotency-key" and not 0 < len(value) <= IDEMPOTENCY_KEY_MAX:
                problems.append(f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} characters")
            problems += self._value_problems(spec, f"header {name}", parameter, value)
        sent = {name.lower() for name in headers}
        for key, parameter in in_header.items():
            if parameter.get("required") and key not in sent:
                problems.append(f"required header {parameter['name']!r} is missing")
        if operation.get("security") and "authorization" not in sent:
            problems.append("no Authorization header (the operation needs an OAuth2 bearer token)")
        return problems

    def _body_problems(self, spec, where, operation, headers, body) -> list[str]:
        request_body = operation.get("requestBody")
        if request_body is None:
            return [f"{where} takes no body, but one was sent"] if body else []
        request_body, _ = _resolve(spec, request_body)
        if not body:
            return [f"{where} needs a body"] if request_body.get("required") else []
        media = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        content = request_body.get("content", {})
        if media not in content:
            return [f"Content-Type {media!r} is not one {where} accepts ({', '.join(content)})"]
        if media != "application/json":
            return []
        try:
            document = json.loads(body)
        except ValueError as problem:
            return [f"the body is not JSON: {problem}"]
        schema = content[media]["schema"]
        problems = self._schema_problems(spec, schema, document)
        self._walk(spec, schema, document, "", problems)
        return problems

    # ------------------------------------------------------------------ schemas
    def _validator(self, spec: dict, schema: dict) -> OAS30Validator:
        key = (id(spec), json.dumps(schema, sort_keys=True))
        if key not in self._validators:
            root = {**schema, "components": spec["components"]}
            self._validators[key] = OAS30Validator(root, format_checker=FormatChecker(formats=["uuid"]))
        return self._validators[key]

    def _schema_problems(self, spec: dict, schema: dict, value, root: str = "body") -> list[str]:
        errors = self._validator(spec, schema).iter_errors(value)
        return [f"{'/'.join(map(str, e.absolute_path)) or root}: {e.message}" for e in errors][:5]

    def _walk(self, spec: dict, schema: dict, value, where: str, problems: list[str]) -> None:
        """Keys the schema does not name, and readOnly keys other than the SDK's defaults."""
        schema, name = _resolve(spec, schema)
        if isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                self._walk(spec, schema["items"], item, f"{where}/{index}", problems)
            return
        if not isinstance(value, dict) or "properties" not in schema:
            return
        properties = schema["properties"]
        for key, item in value.items():
            here = f"{where}/{key}"
            if key not in properties:
                if not schema.get("additionalProperties"):
                    problems.append(
                        f"{here.lstrip('/')}: {key!r} is not a property of {name or 'the schema'}"
                    )
                continue
            declared, _ = _resolve(spec, properties[key])
            if declared.get("x-is-msdate") and isinstance(item, str) and not _XERO_DATE.match(item):
                problems.append(f"{here.lstrip('/')}: {item!r} is neither YYYY-MM-DD nor /Date(ms)/")
            if declared.get("readOnly"):
                default = SDK_READ_ONLY_DEFAULTS.get((name, key), ...)
                if default is ... or item != default:
                    problems.append(f"{here.lstrip('/')}: {key!r} is read-only in {name} (Xero sets it)")
                continue
            self._walk(spec, properties[key], item, here, problems)

    def _value_problems(self, spec: dict, what: str, parameter: dict, raw: str) -> list[str]:
        schema, _ = _resolve(spec, parameter.get("schema", {}))
        value = _typed(schema, raw)
        if value is _UNREADABLE:
            return [f"{what}: {raw!r} is not a {schema.get('type')}"]
        return self._schema_problems(spec, schema, value, root=what)

    # ------------------------------------------------------------------ sign-in (reference/xero-oauth.md)
    def _check_authorize(self, method: str, query: list[tuple[str, str]]) -> list[str]:
        if method != "GET":
            return [f"authorize is a GET (the browser follows a link), not {method}"]
        params = dict(query)
        problems = [
            f"authorize has no parameter {name!r}" for name in params if name not in AUTHORIZE_PARAMETERS
        ]
        problems += [
            f"authorize needs {name!r}"
            for name, needed in AUTHORIZE_PARAMETERS.items()
            if needed and name not in params
        ]
        if params.get("response_type", "code") != "code":
            problems.append("response_type must be 'code'")
        if params.get("code_challenge_method", "S256") != "S256":
            problems.append("code_challenge_method must be 'S256'")
        broad = sorted(set(params.get("scope", "").split()) & BROAD_SCOPES)
        if broad:
            problems.append(
                f"scope asks for {', '.join(broad)}, which apps created since 2 March 2026 cannot"
            )
        return problems

    def _check_token_form(self, lower, method, query, headers, body) -> list[str]:
        problems = [] if method == "POST" else [f"{lower} takes a POST, not {method}"]
        if query:
            problems.append(f"{lower} takes its fields in the form, not the query")
        if (headers.get("Content-Type") or "").split(";")[0].strip().lower() != FORM:
            problems.append(f"{lower} takes a form ({FORM})")
        if headers.get("Authorization"):
            problems.append("a PKCE app has no client secret: no Authorization header, client_id in the form")
        for name in headers:
            if name.lower() not in STANDARD_HEADERS and name.lower() != "authorization":
                problems.append(f"header {name!r} is not one the token endpoint takes")
        try:
            fields = urllib.parse.parse_qs(
                body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body)
            )
        except (UnicodeDecodeError, ValueError):
            return [*problems, "the form cannot be read"]
        sent = set(fields)
        if lower == "/connect/revocation":
            expected = REVOCATION_FIELDS
        elif fields.get("grant_type") == ["authorization_code"]:
            expected = CODE_EXCHANGE_FIELDS
        elif fields.get("grant_type") == ["refresh_token"]:
            schema, _ = _resolve(self.identity, {"$ref": "#/components/schemas/RefreshToken"})
            expected = set(schema["properties"]) - {"client_secret"}
        else:
            return [
                *problems,
                f"grant_type {fields.get('grant_type')} is neither authorization_code nor refresh_token",
            ]
        if sent != expected:
            missing, extra = sorted(expected - sent), sorted(sent - expected)
            problems.append(f"form fields: missing {missing}, not Xero's {extra}".replace("missing [], ", ""))
        problems += [f"form field {name!r} sent twice" for name, values in fields.items() if len(values) > 1]
        return problems


_UNREADABLE = object()
# Dates the spec marks x-is-msdate: its descriptions say YYYY-MM-DD; xero-python sends Microsoft's /Date(ms)/.
_XERO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}(T[\d:.]+)?|/Date\(-?\d+([+-]\d{4})?\)/)$")


def _typed(schema: dict, raw: str):
    """A query or header value as the type its schema declares (``_UNREADABLE`` if it is not one)."""
    kind = schema.get("type")
    if kind == "integer":
        return int(raw) if re.fullmatch(r"-?\d+", raw) else _UNREADABLE
    if kind == "number":
        try:
            return float(raw)
        except ValueError:
            return _UNREADABLE
    if kind == "boolean":
        return {"true": True, "false": False}.get(raw.lower(), _UNREADABLE)
    if kind == "array":
        items = schema.get("items", {})
        values = [_typed(items, part) for part in raw.split(",")]
        return _UNREADABLE if _UNREADABLE in values else values
    return raw


@lru_cache(maxsize=1)
def shared_checker() -> RequestChecker:
    return RequestChecker(*load_specs())
