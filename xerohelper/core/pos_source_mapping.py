"""What the shop calls the names a till uses: for each till (“square”, “shopify”…), which of the shop's
sales categories and tenders each of the till's names is.

Square writes card brands (“Visa”, “MasterCard”) where the shop has one tender “Card”; a till's
“Uncategorized” may be the shop's “General sales”. Once the owner has answered, the answer is kept, so the
next import from the same till asks nothing. A name the shop already uses (in any case) needs no answer;
a name nobody has answered for passes through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from xerohelper.core.day import Day, SalesLine, Tender

FILE_VERSION = 1
NameKind = Literal["category", "tender"]

_CARD_BRANDS = frozenset(
    {"visa", "mastercard", "master", "american express", "amex", "discover", "diners club", "jcb", "unionpay"}
)


@dataclass(frozen=True)
class NameQuestion:
    """A till's name the owner hasn't matched to one of the shop's names yet."""

    source: str
    kind: NameKind
    pos_name: str
    suggestion: str | None = None  # one of the shop's names that is probably meant

    def text(self) -> str:
        what = "sales category" if self.kind == "category" else "payment type"
        return f"The till calls a {what} “{self.pos_name}”. Which of your {what}s is it?"


@dataclass(frozen=True)
class SourceNames:
    """One till's answers: its name (any case) → the shop's name."""

    categories: dict[str, str] = field(default_factory=dict)
    tenders: dict[str, str] = field(default_factory=dict)

    def lookup(self, kind: NameKind, pos_name: str) -> str | None:
        table = self.categories if kind == "category" else self.tenders
        wanted = pos_name.strip().casefold()
        return next((shop for pos, shop in table.items() if pos.strip().casefold() == wanted), None)


def _same(name: str, names) -> str | None:
    wanted = name.strip().casefold()
    return next((n for n in names if n.strip().casefold() == wanted), None)


@dataclass(frozen=True)
class PosSourceMapping:
    sources: dict[str, SourceNames] = field(default_factory=dict)

    def for_source(self, source: str) -> SourceNames:
        return self.sources.get(source, SourceNames())

    def remember(
        self, source: str, *, categories: dict[str, str] | None = None, tenders: dict[str, str] | None = None
    ) -> PosSourceMapping:
        """A copy with these answers added (an answer for a name already known replaces it)."""
        known = self.for_source(source)

        def merged(old: dict[str, str], new: dict[str, str] | None) -> dict[str, str]:
            result = dict(old)
            for pos, shop in (new or {}).items():
                if not pos.strip() or not shop.strip():
                    raise ValueError("both the till's name and the shop's name are needed")
                for existing in [k for k in result if k.strip().casefold() == pos.strip().casefold()]:
                    del result[existing]
                result[pos.strip()] = shop.strip()
            return result

        updated = SourceNames(merged(known.categories, categories), merged(known.tenders, tenders))
        return replace(self, sources={**self.sources, source: updated})

    def apply(self, source: str, day: Day, *, shop_categories=(), shop_tenders=()) -> Day:
        """The day in the shop's names; lines and tenders that now share a name are added together.

        A till's name is replaced by the owner's answer, or by the shop's own spelling of the same name
        (“CASH” → “Cash”); any other name is kept as the till wrote it.
        """
        names = self.for_source(source)
        shop_categories, shop_tenders = list(shop_categories), list(shop_tenders)
        sales: dict[tuple, list] = {}
        for line in day.sales:
            category = (
                names.lookup("category", line.category)
                or _same(line.category, shop_categories)
                or line.category
            )
            key = (category.casefold(), line.kind, line.tax_rate.casefold(), line.tax_included)
            if key in sales:
                sales[key][1] += line.net
                sales[key][2] += line.tax
            else:
                sales[key] = [category, line.net, line.tax, line]
        tenders: dict[str, list] = {}
        for tender in day.tenders:
            name = names.lookup("tender", tender.name) or _same(tender.name, shop_tenders) or tender.name
            if name.casefold() in tenders:
                tenders[name.casefold()][1] += tender.amount
            else:
                tenders[name.casefold()] = [name, tender.amount]
        return replace(
            day,
            sales=tuple(
                SalesLine(
                    category, net, tax, kind=line.kind, tax_rate=line.tax_rate, tax_included=line.tax_included
                )
                for category, net, tax, line in sales.values()
            ),
            tenders=tuple(Tender(name, amount) for name, amount in tenders.values()),
        )

    def questions(self, source: str, days, *, shop_categories=(), shop_tenders=()) -> list[NameQuestion]:
        """The till's names in these days that are neither answered nor one of the shop's own names."""
        shop_categories, shop_tenders = list(shop_categories), list(shop_tenders)
        names = self.for_source(source)
        found: dict[tuple[str, str], NameQuestion] = {}
        for day in days:
            for kind, pos_names, shop in (
                ("category", [line.category for line in day.sales], shop_categories),
                ("tender", [t.name for t in day.tenders], shop_tenders),
            ):
                for pos_name in pos_names:
                    key = (kind, pos_name.casefold())
                    if key in found or names.lookup(kind, pos_name) or _same(pos_name, shop):
                        continue
                    found[key] = NameQuestion(source, kind, pos_name, _suggest(kind, pos_name, shop))
        return list(found.values())

    # ---- the file in the settings folder ----------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "version": FILE_VERSION,
            "sources": {
                source: {
                    "categories": dict(sorted(n.categories.items())),
                    "tenders": dict(sorted(n.tenders.items())),
                }
                for source, n in sorted(self.sources.items())
            },
        }

    @classmethod
    def from_dict(cls, data) -> PosSourceMapping:
        """Raises ValueError (in plain words) when the data isn't a saved mapping of names."""
        if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
            raise ValueError("it isn't a list of till names saved by xerohelper")
        if data.get("version") != FILE_VERSION:
            raise ValueError(
                f"it was saved by another version of xerohelper (version {data.get('version')!r})"
            )
        sources = {}
        for source, entry in data["sources"].items():
            if not isinstance(entry, dict):
                raise ValueError(f"the names for “{source}” are damaged")
            tables = []
            for key in ("categories", "tenders"):
                table = entry.get(key, {})
                if not isinstance(table, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                    for k, v in table.items()
                ):
                    raise ValueError(f"the {key} for “{source}” are damaged")
                tables.append(dict(table))
            sources[str(source)] = SourceNames(*tables)
        return cls(sources)


def _suggest(kind: NameKind, pos_name: str, shop_names: list[str]) -> str | None:
    """A likely answer: for a card brand, the shop's card tender; else a shop name containing the till's."""
    wanted = pos_name.strip().casefold()
    if kind == "tender" and wanted in _CARD_BRANDS:
        for shop in shop_names:
            if any(word in shop.casefold() for word in ("card", "eftpos", "credit")):
                return shop
    for shop in shop_names:
        if wanted and (wanted in shop.casefold() or shop.casefold() in wanted):
            return shop
    return None
