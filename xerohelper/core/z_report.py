"""Typing the day's totals from the till's end-of-day (Z) report: the model behind the form.

The owner types what the printed report says, as text, row by row: sales per category and tax rate
(any two of net, tax and the total with tax; the third is worked out), discounts and refunds (typed as
they are printed, with or without a minus: they are always taken off), and the amount of each payment
type. The cash can instead be counted: the cash in the drawer at closing less the float it started with
is the cash taken (`counted_cash`, `cash_float`), and becomes the Cash payment. `problems()` says in
plain words what to correct, pointing at the row and field; `to_day()` makes the Day once there are
none. A difference between sales and payments is not a problem here (tills are often a few cents out):
`balance()` says it in words, and the day card asks the owner how to book it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from xerohelper.core.dates import long_date
from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.core.money import ZERO, money

SOURCE = "z-report"
LARGEST = Decimal("99999999999.99")
_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$")


class AmountTextError(ValueError):
    """Typed text that isn't an amount; str() says why in plain words."""


def read_amount(text: str) -> Decimal | None:
    """An amount as typed: `1234.5`, `1,234.50`, `$1,234.50`, `-5`, `(5.00)`. None when left empty."""
    body = text.strip().replace(" ", "")
    if not body:
        return None
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body[:1] in ("-", "−"):
        negative, body = not negative, body[1:]
    body = body.lstrip("$£€")
    if body[:1] in ("-", "−"):
        negative, body = not negative, body[1:]
    if not body or body == "." or not _AMOUNT.match(body):
        raise AmountTextError("this isn't an amount (type it like 1234.50)")
    if "." in body and len(body.split(".")[1]) > 2:
        raise AmountTextError("an amount has at most 2 decimal places (cents)")
    amount = Decimal(body.replace(",", "") or "0")
    if amount > LARGEST:
        raise AmountTextError("this amount is too large for a day's takings")
    return money(-amount if negative else amount)


@dataclass
class SalesEntry:
    """One typed row of sales: a category at one tax rate (or its discounts or refunds)."""

    category: str = ""
    net: str = ""
    tax: str = ""
    gross: str = ""  # net + tax, as many Z reports print it
    tax_rate: str = ""
    kind: LineKind = LineKind.SALE

    def is_blank(self) -> bool:
        return not any(v.strip() for v in (self.category, self.net, self.tax, self.gross))


@dataclass
class TenderEntry:
    """One typed payment type and the amount taken."""

    name: str = ""
    amount: str = ""

    def is_blank(self) -> bool:
        return not (self.name.strip() or self.amount.strip())


@dataclass(frozen=True)
class ZProblem:
    """What to correct, and where: part is "date", "sales" or "tenders"; row counts from 1."""

    part: str
    row: int | None
    field: str | None
    message: str


class ZReportNotReady(ValueError):
    def __init__(self, problems: list[ZProblem]) -> None:
        super().__init__(" ".join(p.message for p in problems))
        self.problems = problems


def _words(amount: Decimal) -> str:
    return f"{amount:,.2f}"


CASH = "Cash"


@dataclass
class ZReport:
    day: date | None = None
    location: str = ""
    sales: list[SalesEntry] = field(default_factory=list)
    tenders: list[TenderEntry] = field(default_factory=list)
    counted_cash: str = ""  # the cash in the drawer at closing, as counted
    cash_float: str = ""  # the float the drawer started the day with (left in it for tomorrow)

    def cash_takings(self, found: list[ZProblem] | None = None) -> Decimal | None:
        """The cash taken: counted cash less the float; None while no cash was counted."""
        found = [] if found is None else found
        amounts: dict[str, Decimal | None] = {}
        for key, words in (("counted_cash", "cash counted"), ("cash_float", "float")):
            try:
                amounts[key] = read_amount(getattr(self, key))
            except AmountTextError as error:
                found.append(ZProblem("cash", None, key, f"The {words}: {error}."))
                return None
        counted, float_ = amounts["counted_cash"], amounts["cash_float"]
        if counted is None:
            if float_ is not None:
                found.append(
                    ZProblem(
                        "cash", None, "counted_cash", "Type the cash counted in the drawer, or no float."
                    )
                )
            return None
        if counted < ZERO or (float_ is not None and float_ < ZERO):
            found.append(
                ZProblem("cash", None, "counted_cash", "Cash counted and the float can't be negative.")
            )
            return None
        return counted - (float_ or ZERO)

    def add_sales(
        self,
        category: str,
        *,
        net: str = "",
        tax: str = "",
        gross: str = "",
        tax_rate: str = "",
        kind: LineKind = LineKind.SALE,
    ) -> SalesEntry:
        entry = SalesEntry(category, net, tax, gross, tax_rate, kind)
        self.sales.append(entry)
        return entry

    def add_tender(self, name: str, amount: str) -> TenderEntry:
        entry = TenderEntry(name, amount)
        self.tenders.append(entry)
        return entry

    # ---- checking what was typed ----------------------------------------------------------------------
    def _sales_line(self, row: int, entry: SalesEntry, found: list[ZProblem]) -> SalesLine | None:
        name = entry.category.strip()
        label = f"“{name}”" if name else f"sales row {row}"
        values: dict[str, Decimal | None] = {}
        for key in ("net", "tax", "gross"):
            try:
                values[key] = read_amount(getattr(entry, key))
            except AmountTextError as error:
                found.append(ZProblem("sales", row, key, f"The {key} of {label}: {error}."))
                values[key] = ZERO
        if not name:
            found.append(
                ZProblem("sales", row, "category", f"Sales row {row} needs the name of its category.")
            )
        net, tax, gross = values["net"], values["tax"], values["gross"]
        given = sum(v is not None for v in (net, tax, gross))
        if given < 2:
            found.append(
                ZProblem(
                    "sales",
                    row,
                    "tax" if net is not None or gross is not None else "net",
                    f"For {label}, type at least two of: before tax, tax, and total with tax "
                    "(type 0 for the tax when there is none).",
                )
            )
            return None
        if net is None:
            net = gross - tax
        elif tax is None:
            tax = gross - net
        elif gross is not None and net + tax != gross:
            found.append(
                ZProblem(
                    "sales",
                    row,
                    "gross",
                    f"For {label}, {_words(net)} before tax plus {_words(tax)} tax is {_words(net + tax)}, "
                    f"but the total typed is {_words(gross)}. Correct one of the three.",
                )
            )
            return None
        if entry.kind is not LineKind.SALE:
            net, tax = -abs(net), -abs(tax)
        elif abs(tax) > abs(net) and net:
            found.append(
                ZProblem(
                    "sales",
                    row,
                    "tax",
                    f"For {label}, the tax ({_words(tax)}) is more than the sales before tax "
                    f"({_words(net)}). Check that each figure is in its own box.",
                )
            )
        if not name:
            return None
        return SalesLine(name, net, tax, kind=entry.kind, tax_rate=entry.tax_rate.strip())

    def _tender(self, row: int, entry: TenderEntry, found: list[ZProblem]) -> Tender | None:
        name = entry.name.strip()
        label = f"“{name}”" if name else f"payment row {row}"
        try:
            amount = read_amount(entry.amount)
        except AmountTextError as error:
            found.append(ZProblem("tenders", row, "amount", f"The amount of {label}: {error}."))
            return None
        if not name:
            found.append(
                ZProblem("tenders", row, "name", f"Payment row {row} needs the payment type (Cash, EFTPOS…).")
            )
        if amount is None:
            found.append(ZProblem("tenders", row, "amount", f"Type the amount taken by {label} (0 if none)."))
        if not name or amount is None:
            return None
        return Tender(name, amount)

    def _check(self, today: date | None) -> tuple[list[SalesLine], list[Tender], list[ZProblem]]:
        found: list[ZProblem] = []
        if self.day is None:
            found.append(ZProblem("date", None, "day", "Choose the day these totals are for."))
        elif today is not None and self.day > today:
            found.append(
                ZProblem(
                    "date",
                    None,
                    "day",
                    f"{long_date(self.day)} is in the future: choose the day of the report.",
                )
            )
        lines = []
        for row, entry in enumerate(self.sales, start=1):
            if not entry.is_blank() and (line := self._sales_line(row, entry, found)) is not None:
                lines.append(line)
        tenders = []
        seen: dict[str, int] = {}
        for row, entry in enumerate(self.tenders, start=1):
            if entry.is_blank():
                continue
            tender = self._tender(row, entry, found)
            if tender is None:
                continue
            key = tender.name.casefold()
            if key in seen:
                found.append(
                    ZProblem(
                        "tenders",
                        row,
                        "name",
                        f"“{tender.name}” is already on payment row {seen[key]}: add the amounts together "
                        "on one row.",
                    )
                )
                continue
            seen[key] = row
            tenders.append(tender)
        cash = self.cash_takings(found)
        if cash is not None:
            typed = next((t for t in tenders if t.name.casefold() == CASH.casefold()), None)
            if typed is None:
                tenders.append(Tender(CASH, cash))
            elif typed.amount != cash:
                found.append(
                    ZProblem(
                        "tenders",
                        seen[typed.name.casefold()],
                        "amount",
                        f"The Cash row says {_words(typed.amount)}, but the cash counted less the float is "
                        f"{_words(cash)}. Correct one, or leave the Cash row empty.",
                    )
                )
        if (
            not any(not e.is_blank() for e in self.sales)
            and not any(not e.is_blank() for e in self.tenders)
            and cash is None
        ):
            found.append(
                ZProblem("sales", None, None, "Type the day's sales and payments from the Z report.")
            )
        return lines, tenders, found

    def problems(self, today: date | None = None) -> list[ZProblem]:
        """What to correct before the day can be made, in the order of the form (empty when ready)."""
        return self._check(today)[2]

    def totals(self) -> tuple[Decimal, Decimal, Decimal]:
        """Sales with tax, payments, and their difference, from the rows that can be read so far."""
        lines, tenders, _ = self._check(None)
        gross = sum((line.gross for line in lines), ZERO)
        tendered = sum((t.amount for t in tenders), ZERO)
        return gross, tendered, gross - tendered

    def balance(self) -> str:
        """The difference between sales and payments, in words."""
        gross, tendered, difference = self.totals()
        if not difference:
            return f"Sales and payments both come to {_words(gross)}."
        more = "sales than payments" if difference > 0 else "payments than sales"
        return (
            f"Sales come to {_words(gross)} and payments to {_words(tendered)}: "
            f"{_words(abs(difference))} more in {more}."
        )

    def to_day(self, today: date | None = None) -> Day:
        lines, tenders, found = self._check(today)
        if found:
            raise ZReportNotReady(found)
        assert self.day is not None
        return Day(
            date=self.day, source=SOURCE, sales=tuple(lines), tenders=tuple(tenders), location=self.location
        )
