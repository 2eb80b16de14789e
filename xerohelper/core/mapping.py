"""The shop's Mapping: where each sales category and each tender goes in Xero.

A bookkeeper sets it up once (the app suggests it from the organisation's chart of accounts); it is saved
with the settings and can be exported to a file and imported elsewhere, so several shops can be set up alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from xerohelper.core.dates import MONTHS, WEEKDAYS

FILE_FORMAT = "xerohelper-mapping"
FILE_VERSION = 1
DEFAULT_INVOICE_NUMBER = "POS-{yyyymmdd}"
DEFAULT_REFERENCE = "Till takings {weekday} {d} {month} {yyyy}"
PLACEHOLDERS = ("yyyymmdd", "yyyy", "mm", "dd", "d", "weekday", "month", "location")


class MappingFileError(ValueError):
    """A mapping file that can't be used, with what to do about it."""


@dataclass(frozen=True)
class SalesAccount:
    """Where one sales category is posted: a Xero account code and the tax rate (Xero's TaxType)."""

    account_code: str
    tax_type: str


@dataclass(frozen=True)
class Tracking:
    """Optional Xero tracking: one tracking category, and which of its options each location uses."""

    category_name: str
    option_by_location: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mapping:
    sales: dict[str, SalesAccount] = field(default_factory=dict)  # POS category → account + tax
    tenders: dict[str, str] = field(default_factory=dict)  # tender name → payment account code
    customer_contact: str = "POS Sales"
    invoice_number_pattern: str = DEFAULT_INVOICE_NUMBER
    reference_pattern: str = DEFAULT_REFERENCE
    approve_automatically: bool = False
    rounding_account_code: str = ""  # where cents of difference go; "" = not set up yet
    rounding_tax_type: str = "NONE"  # the no-tax rate of the rounding and till difference lines
    tracking: Tracking | None = None
    weekly: bool = False  # one sales invoice a week (core/weeks.py) instead of one a day
    till_difference_account_code: str = ""  # the till's over/short account; "" = not set up yet

    # ---- what the day's invoice is called -------------------------------------------------------------
    def invoice_number(self, trading_date: date, location: str = "", attempt: int = 1) -> str:
        """POS-20261121 for the first posting; POS-20261121-2 when a corrected day is sent again."""
        number = _fill(self.invoice_number_pattern, trading_date, location)
        if location and "{location}" not in self.invoice_number_pattern:
            number = f"{number}-{_slug(location)}"
        return number if attempt <= 1 else f"{number}-{attempt}"

    def week_invoice_number(self, first: date, last: date, location: str = "", attempt: int = 1) -> str:
        """POS-20261201-20261206: the daily number of the week's first day, then its last day."""
        number = _fill(self.invoice_number_pattern, first, location) + f"-{last:%Y%m%d}"
        if location and "{location}" not in self.invoice_number_pattern:
            number = f"{number}-{_slug(location)}"
        return number if attempt <= 1 else f"{number}-{attempt}"

    def week_reference(self, words: str, location: str = "") -> str:
        """'Till takings, the week of 1–6 December 2026' (and the till, when the shop has several)."""
        return f"Till takings, {words}" + (f" ({location})" if location else "")

    def reference(self, trading_date: date, location: str = "") -> str:
        """The reference the owner recognises; each till's own (its name added) for a shop with several."""
        reference = _fill(self.reference_pattern, trading_date, location).strip()
        if location and "{location}" not in self.reference_pattern:
            reference = f"{reference} – {location}"
        return reference

    # ---- what is missing ------------------------------------------------------------------------------
    def unmapped_categories(self, categories) -> list[str]:
        return sorted({c for c in categories if c not in self.sales})

    def unmapped_tenders(self, tenders) -> list[str]:
        return sorted({t for t in tenders if t not in self.tenders})

    def problems(self) -> list[str]:
        """What's wrong with the Mapping itself, in the owner's words."""
        found = []
        if not self.customer_contact.strip():
            found.append("Choose the Xero contact the day's sales are invoiced to (for example “POS Sales”).")
        try:
            _fill(self.invoice_number_pattern, date(2026, 1, 1), "")
            _fill(self.reference_pattern, date(2026, 1, 1), "")
        except KeyError as unknown:
            found.append(
                f"The invoice number or reference uses {{{unknown.args[0]}}}, which xerohelper doesn't know. "
                f"You can use: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}."
            )
        except (ValueError, IndexError):  # a { without its }, or a stray }
            found.append(
                "The invoice number or reference has a { or } that doesn't pair up. Write the date as "
                "{yyyymmdd}, with both brackets."
            )
        else:
            if "{yyyymmdd}" not in self.invoice_number_pattern and not all(
                p in self.invoice_number_pattern for p in ("{yyyy}", "{mm}", "{dd}")
            ):
                found.append(
                    "The invoice number must contain the date ({yyyymmdd}), or every day's invoice "
                    "would get the same number."
                )
        return found

    def with_sales(self, category: str, account_code: str, tax_type: str) -> Mapping:
        return replace(self, sales={**self.sales, category: SalesAccount(account_code, tax_type)})

    def with_tender(self, tender: str, account_code: str) -> Mapping:
        return replace(self, tenders={**self.tenders, tender: account_code})

    # ---- the file a bookkeeper exports and imports ----------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "sales": {
                name: {"account_code": s.account_code, "tax_type": s.tax_type}
                for name, s in sorted(self.sales.items())
            },
            "tenders": {name: {"account_code": code} for name, code in sorted(self.tenders.items())},
            "customer_contact": self.customer_contact,
            "invoice_number_pattern": self.invoice_number_pattern,
            "reference_pattern": self.reference_pattern,
            "approve_automatically": self.approve_automatically,
            "summary": "week" if self.weekly else "day",
            "rounding": {"account_code": self.rounding_account_code, "tax_type": self.rounding_tax_type},
            "till_difference": {"account_code": self.till_difference_account_code},
            "tracking": (
                None
                if self.tracking is None
                else {
                    "category_name": self.tracking.category_name,
                    "option_by_location": dict(sorted(self.tracking.option_by_location.items())),
                }
            ),
        }

    @classmethod
    def from_dict(cls, data: object) -> Mapping:
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
            raise MappingFileError(
                "This file isn't a xerohelper mapping. Export one with “xerohelper mapping export FILE” "
                "(or Settings › Export mapping) and import that file."
            )
        if data.get("version") != FILE_VERSION:
            raise MappingFileError(
                f"This mapping file is version {data.get('version')!r}; this xerohelper reads version "
                f"{FILE_VERSION}. Update xerohelper on the computer that imports it."
            )
        try:
            rounding = data.get("rounding") or {}
            tracking = data.get("tracking")
            return cls(
                sales={
                    str(name): SalesAccount(str(v["account_code"]), str(v["tax_type"]))
                    for name, v in (data.get("sales") or {}).items()
                },
                tenders={
                    str(name): str(v["account_code"]) for name, v in (data.get("tenders") or {}).items()
                },
                customer_contact=str(data.get("customer_contact", "POS Sales")),
                invoice_number_pattern=str(data.get("invoice_number_pattern", DEFAULT_INVOICE_NUMBER)),
                reference_pattern=str(data.get("reference_pattern", DEFAULT_REFERENCE)),
                approve_automatically=bool(data.get("approve_automatically", False)),
                weekly=data.get("summary", "day") == "week",
                rounding_account_code=str(rounding.get("account_code", "")),
                rounding_tax_type=str(rounding.get("tax_type", "NONE")),
                till_difference_account_code=str((data.get("till_difference") or {}).get("account_code", "")),
                tracking=(
                    None
                    if not tracking
                    else Tracking(
                        str(tracking["category_name"]),
                        {str(k): str(v) for k, v in (tracking.get("option_by_location") or {}).items()},
                    )
                ),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise MappingFileError(
                f"This mapping file is damaged (missing or wrong: {exc}). Export it again from the shop "
                "it came from."
            ) from exc


def _fill(pattern: str, d: date, location: str) -> str:
    values = {
        "yyyymmdd": f"{d:%Y%m%d}",
        "yyyy": f"{d:%Y}",
        "mm": f"{d:%m}",
        "dd": f"{d:%d}",
        "d": str(d.day),
        "weekday": WEEKDAYS[d.weekday()][:3],
        "month": MONTHS[d.month - 1][:3],
        "location": _slug(location) if location else "",
    }
    return pattern.format_map(_Strict(values))


class _Strict(dict):
    def __missing__(self, key: str):
        raise KeyError(key)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.strip()).strip("-").upper()
