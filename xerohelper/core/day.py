"""A trading day's takings as the till reported them: sales by category and tax rate, and tenders.

This is what every POS reader produces and what the day's checklist posts to Xero. It knows nothing of
Xero's accounts: which account and tax type a category goes to is the shop's Mapping.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from xerohelper.core.dates import long_date
from xerohelper.core.money import ZERO, money, money_text
from xerohelper.core.plain_text import shown_name


class LineKind(StrEnum):
    SALE = "sale"
    DISCOUNT = "discount"  # usually negative
    REFUND = "refund"  # usually negative


@dataclass(frozen=True)
class SalesLine:
    """Sales of one category at one tax rate (net + tax = gross, all in the shop's currency)."""

    category: str
    net: Decimal
    tax: Decimal
    kind: LineKind = LineKind.SALE
    tax_rate: str = ""  # the POS's own name for the rate, e.g. "GST 15%"; "" when the POS gives none
    # The till reported amounts with the tax included and didn't split it out (Shopify Payments): `net` holds
    # the amount with tax, `tax` is 0.00, and Xero works the tax out from the category's tax rate.
    tax_included: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "net", money(self.net))
        object.__setattr__(self, "tax", money(self.tax))
        object.__setattr__(self, "category", shown_name(self.category))
        object.__setattr__(self, "tax_rate", shown_name(self.tax_rate))
        if not self.category.strip():
            raise ValueError("a sales line needs a category name")

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


@dataclass(frozen=True)
class Tender:
    """Money taken by one means of payment (Cash, EFTPOS, Visa, Gift card…); negative for refunds paid out."""

    name: str
    amount: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", money(self.amount))
        object.__setattr__(self, "name", shown_name(self.name))
        if not self.name.strip():
            raise ValueError("a tender needs a name")


@dataclass(frozen=True)
class DayTotals:
    net: Decimal
    tax: Decimal
    gross: Decimal
    tendered: Decimal

    @property
    def difference(self) -> Decimal:
        """Sales minus money taken: 0.00 when the till balances."""
        return self.gross - self.tendered


@dataclass(frozen=True)
class Day:
    """One trading day at one location (or register)."""

    date: date
    source: str  # where the figures came from: "generic", "square-items", "z-report"…
    sales: tuple[SalesLine, ...] = field(default_factory=tuple)
    tenders: tuple[Tender, ...] = field(default_factory=tuple)
    location: str = ""  # "" for a shop with a single till
    # The till difference the owner agreed to book on the shop's till difference account (money taken minus
    # sales: positive when the till is over, negative when short); None until the owner decides.
    difference_accepted: Decimal | None = None
    # The shop or location the till file names, kept even for a shop with one till (where `location` is
    # ""): a file of a shop never seen for this organisation is asked about before it is sent.
    place: str = ""

    def __post_init__(self) -> None:
        if self.difference_accepted is not None:
            object.__setattr__(self, "difference_accepted", money(self.difference_accepted))
        object.__setattr__(self, "sales", tuple(self.sales))
        object.__setattr__(self, "tenders", tuple(self.tenders))
        object.__setattr__(self, "location", shown_name(self.location))
        object.__setattr__(self, "place", shown_name(self.place) or self.location)

    @property
    def totals(self) -> DayTotals:
        net = sum((line.net for line in self.sales), ZERO)
        tax = sum((line.tax for line in self.sales), ZERO)
        tendered = sum((t.amount for t in self.tenders), ZERO)
        return DayTotals(net=net, tax=tax, gross=net + tax, tendered=tendered)

    @property
    def till_difference(self) -> Decimal:
        """Money taken minus sales: positive when the till is over, negative when it is short."""
        return -self.totals.difference

    @property
    def difference_decided(self) -> bool:
        """The till balances, or the owner agreed to book this very difference."""
        return self.till_difference == ZERO or self.difference_accepted == self.till_difference

    @property
    def is_empty(self) -> bool:
        return not self.sales and not self.tenders

    def problems(self) -> list[str]:
        """What stops this day being posted, in the owner's words (empty when it can be posted)."""
        found = []
        if self.is_empty:
            found.append(f"There are no sales or payments for {long_date(self.date)}.")
        names = [t.name.casefold() for t in self.tenders]
        for name in sorted({n for n in names if names.count(n) > 1}):
            found.append(f"The payment type “{name}” is listed more than once; add its amounts together.")
        return found

    def to_json_dict(self) -> dict:
        """The shape `xerohelper import --json` prints for one day."""
        totals = self.totals
        return {
            "date": self.date.isoformat(),
            "source": self.source,
            **({"location": self.location} if self.location else {}),
            **({"place": self.place} if self.place and self.place != self.location else {}),
            "sales": [
                {
                    "category": line.category,
                    "net": money_text(line.net),
                    "tax": money_text(line.tax),
                    "gross": money_text(line.gross),
                    **({"kind": line.kind.value} if line.kind is not LineKind.SALE else {}),
                    **({"tax_rate": line.tax_rate} if line.tax_rate else {}),
                    **({"tax_included": True} if line.tax_included else {}),
                }
                for line in self.sales
            ],
            "tenders": [{"name": t.name, "amount": money_text(t.amount)} for t in self.tenders],
            "totals": {
                "net": money_text(totals.net),
                "tax": money_text(totals.tax),
                "gross": money_text(totals.gross),
                "tendered": money_text(totals.tendered),
                "difference": money_text(totals.difference),
            },
            **(
                {"difference_accepted": money_text(self.difference_accepted)}
                if self.difference_accepted is not None
                else {}
            ),
        }

    @classmethod
    def from_json_dict(cls, data: dict) -> Day:
        """The inverse of to_json_dict (the journal keeps days in this shape)."""
        return cls(
            date=date.fromisoformat(data["date"]),
            source=data["source"],
            location=data.get("location", ""),
            place=data.get("place", data.get("location", "")),
            sales=tuple(
                SalesLine(
                    category=s["category"],
                    net=Decimal(s["net"]),
                    tax=Decimal(s["tax"]),
                    kind=LineKind(s.get("kind", LineKind.SALE.value)),
                    tax_rate=s.get("tax_rate", ""),
                    tax_included=bool(s.get("tax_included", False)),
                )
                for s in data.get("sales", [])
            ),
            tenders=tuple(Tender(t["name"], Decimal(t["amount"])) for t in data.get("tenders", [])),
            difference_accepted=(
                Decimal(data["difference_accepted"]) if data.get("difference_accepted") is not None else None
            ),
        )

    def fingerprint(self) -> str:
        """A short hash of the figures, so the journal can tell when the POS figures changed after posting."""
        payload = json.dumps(self.to_json_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
