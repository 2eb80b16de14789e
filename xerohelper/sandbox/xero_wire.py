"""Xero's JSON conventions, in one place (reference/xero-sdk.md §1.3, §5-§7).

- Dates go out as ``"\\/Date(<ms>+0000)\\/"`` (escaped slashes, as Xero writes them); requests may send
  ``/Date(ms)/``, ``/Date(ms+hhmm)/`` or ISO dates.
- Money is Decimal inside the sandbox and a JSON number with its decimals on the wire (``115.00``).
- Keys are PascalCase; absent values are omitted, never ``null``.
- Booleans in query strings arrive as ``True``/``False``; lists as comma-separated values.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

ZERO_GUID = "00000000-0000-0000-0000-000000000000"
CENT = Decimal("0.01")
_MS_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{2,4})?\)/$")
_NUMBER_MARK = "\u0000N"
_NUMBER_IN_JSON = re.compile(r'"\\u0000N(-?[0-9.E+-]+)"')
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class WireError(ValueError):
    """A value in a request that Xero could not read."""


def new_guid() -> str:
    return str(uuid.uuid4())


def round_money(value: Decimal, places: str = "0.01") -> Decimal:
    """Round as Xero does: to 2 places (4 for unit amounts with unitdp=4), halves away from zero."""
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- dates out
def ms_date(day: date) -> str:
    """A date as Xero sends it: midnight UTC in milliseconds."""
    moment = datetime.combine(day, time(0), UTC)
    return f"/Date({int((moment - _EPOCH).total_seconds()) * 1000}+0000)/"


def ms_datetime(moment: datetime) -> str:
    """A UTC timestamp as Xero sends it (UpdatedDateUTC and friends)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    millis = (moment - _EPOCH) // timedelta(milliseconds=1)
    return f"/Date({millis}+0000)/"


def ms_timestamp(moment: datetime) -> str:
    """The envelope's DateTimeUTC, which Xero sends without an offset."""
    millis = (moment - _EPOCH) // timedelta(milliseconds=1)
    return f"/Date({millis})/"


def iso_date_string(day: date) -> str:
    """Xero's companion DateString fields: ``2019-03-07T00:00:00``."""
    return f"{day.isoformat()}T00:00:00"


def iso_utc_string(moment: datetime) -> str:
    """Xero's companion UpdatedDateUTCString fields: ``2019-03-12T23:10:38Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity_datetime(moment: datetime) -> str:
    """Identity API dates (connections): ISO, 7 fractional digits, no offset."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0"


# ---------------------------------------------------------------- dates in
def parse_date(value: Any) -> date:
    """A request date: ``/Date(ms)/``, ``/Date(ms+hhmm)/``, ``2024-05-31`` or ``2024-05-31T00:00:00``."""
    if not isinstance(value, str) or not value.strip():
        raise WireError(f"not a date: {value!r}")
    text = value.strip()
    found = _MS_DATE.match(text)
    if found:  # the milliseconds are an absolute UTC instant; the offset only names the sender's zone
        moment = _EPOCH + timedelta(milliseconds=int(found.group(1)))
        return moment.date()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError as exc:
            raise WireError(f"not a date: {value!r}") from exc


def parse_http_datetime(value: str) -> datetime:
    """If-Modified-Since as the SDK sends it (ISO, aware or naive=UTC), or an HTTP date."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError) as exc:
            raise WireError(f"not a date and time: {value!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def wire_value_to_sortable(value: Any) -> Any:
    """Turn wire dates into milliseconds so where/order can compare them."""
    if isinstance(value, str):
        found = _MS_DATE.match(value)
        if found:
            return int(found.group(1))
    return value


# ---------------------------------------------------------------- numbers in
def parse_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise WireError(f"not a number: {value!r}")
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise WireError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise WireError(f"not a number: {value!r}")
    return number


def parse_bool(value: str | None, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("true", "1", "yes")


def parse_csv(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in value.split(",") if part.strip()]


# ---------------------------------------------------------------- JSON out
def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _NUMBER_MARK + format(value, "f")
    raise TypeError(f"cannot send {type(value).__name__} to the wire")


def to_json(document: Any) -> bytes:
    """Serialise a response: Decimals as exact JSON numbers, ``\\/Date(...)\\/`` escaped like Xero."""
    text = json.dumps(document, default=_default, separators=(",", ":"), ensure_ascii=True)
    text = _NUMBER_IN_JSON.sub(r"\1", text)
    if "/Date(" in text:
        text = text.replace('"/Date(', '"\\/Date(').replace(')/"', ')\\/"')
    return text.encode("utf-8")


def envelope(provider_name: str, now: datetime, plural: str, items: list, **extra: Any) -> dict:
    """Xero's success envelope: Id, Status, ProviderName, DateTimeUTC, then the plural list."""
    body: dict[str, Any] = {
        "Id": new_guid(),
        "Status": "OK",
        "ProviderName": provider_name,
        "DateTimeUTC": ms_timestamp(now),
    }
    body.update(extra)
    body[plural] = items
    return body


def compact(mapping: dict) -> dict:
    """Drop keys whose value is None: Xero omits absent values instead of sending null."""
    return {key: value for key, value in mapping.items() if value is not None}
