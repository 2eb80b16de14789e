"""Adding a file's rows up into days: sales by category, kind and tax rate, and tenders, per date and
location.

Amounts are summed exactly as written and rounded to the cent once, per line of the day. Names are
matched without regard to case (“Visa” and “VISA” are one tender), keeping the first spelling seen.
Lines and tenders that come to 0.00 are left out. The location is kept only when the file has several:
a shop with one till gets days without a location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.core.money import money
from xerohelper.core.plain_text import shown_name

UNCATEGORISED = "Uncategorized"  # the word Square and Loyverse use for sales without a category
_KIND_ORDER = {LineKind.SALE: 0, LineKind.DISCOUNT: 1, LineKind.REFUND: 2}


@dataclass
class _Parts:
    sales: dict[tuple[str, LineKind, str, bool], list] = field(default_factory=dict)
    tenders: dict[str, list] = field(default_factory=dict)


class DayBook:
    def __init__(self, source: str) -> None:
        self.source = source
        self._days: dict[tuple[date, str], _Parts] = {}

    def _parts(self, day: date, location: str) -> _Parts:
        key = (day, location.strip())
        parts = self._days.get(key)
        if parts is None:
            parts = self._days[key] = _Parts()
        return parts

    def add_sale(
        self,
        day: date,
        category: str,
        net: Decimal,
        tax: Decimal = Decimal(0),
        *,
        kind: LineKind = LineKind.SALE,
        tax_rate: str = "",
        location: str = "",
        tax_included: bool = False,
    ) -> None:
        # names as the Day will keep them (no invisible characters), so names alike add up
        category = shown_name(category).strip() or UNCATEGORISED
        tax_rate = shown_name(tax_rate).strip()
        key = (category.casefold(), kind, tax_rate.casefold(), tax_included)
        entry = self._parts(day, location).sales.get(key)
        if entry is None:
            self._parts(day, location).sales[key] = [category, kind, tax_rate, net, tax, tax_included]
        else:
            entry[3] += net
            entry[4] += tax

    def add_tender(self, day: date, name: str, amount: Decimal, *, location: str = "") -> None:
        name = shown_name(name).strip() or "Other"  # "\x00Visa" and "Visa" are one tender once shown
        tenders = self._parts(day, location).tenders
        entry = tenders.get(name.casefold())
        if entry is None:
            tenders[name.casefold()] = [name, amount]
        else:
            entry[1] += amount

    def touch(self, day: date, *, location: str = "") -> None:
        """Record that the file has this day even if nothing on it adds up to money."""
        self._parts(day, location)

    @property
    def dates(self) -> list[date]:
        return sorted({d for d, _ in self._days})

    def days(self) -> list[Day]:
        several_locations = len({loc for _, loc in self._days}) > 1
        found = []
        for (day, location), parts in sorted(self._days.items()):
            sales = [
                SalesLine(category, net, tax, kind=kind, tax_rate=rate, tax_included=included)
                for category, kind, rate, net, tax, included in parts.sales.values()
                if money(net) or money(tax)
            ]
            sales.sort(key=lambda s: (s.category.casefold(), _KIND_ORDER[s.kind], s.tax_rate.casefold()))
            tenders = [Tender(name, amount) for name, amount in parts.tenders.values() if money(amount)]
            tenders.sort(key=lambda t: t.name.casefold())
            found.append(
                Day(
                    date=day,
                    source=self.source,
                    sales=tuple(sales),
                    tenders=tuple(tenders),
                    location=location if several_locations else "",
                    place=location,
                )
            )
        return found
