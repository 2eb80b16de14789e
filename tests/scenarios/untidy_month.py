"""An untidy month of a small shop with two tills (issue 15's proof): the till exports it makes, week by week,
and what Xero should hold at the end. Shared by the services scenario and the command-line one.

Harbour Street Hardware (the sandbox's demo shop) on a capped plan (Starter: 20 approved invoices a month),
sending one invoice a week per till. Its tills are the Front counter and the Garden centre; it also sells
online through Shopify. In the month:
  * the Front counter is 5 cents over one day, the Garden centre $5 short another;
  * a customer tips the staff and buys a gift card, another pays part with a gift card;
  * a week in which the Front counter paid more refunds out in cash than it took (refunds paid out);
  * a Shopify online-store day (card amounts include GST; Shop Cash spent by a buyer);
  * the Garden centre takes Afterpay for the first time, and Shop setup sent it to an account that doesn't
    take payments (“Till Float Clearing”);
  * the bookkeeper sends a shop setup file that was made for another organisation (Pier Nine Café);
  * Pier Nine Café's till file is imported by mistake (a till name never seen here), and the shop's own
    new market stall sends its first day (never seen either: the owner says yes, it is this shop's);
  * one export comes out with a doubled minus sign (“--150.00”), which the importer refuses.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from xerohelper.core.mapping import Mapping, SalesAccount, Tracking
from xerohelper.core.weeks import Week, week_of

FRONT, GARDEN, ONLINE, MARKET = "Front counter", "Garden centre", "", "Market stall"
TILLS = (FRONT, GARDEN)
PIER = "Pier Nine Café"
STARTER = {"approved_invoice_limit": 20, "plan": "STARTER"}
GENERIC_HEADER = ("Date", "Type", "Name", "Tax rate", "Net", "Tax", "Amount", "Location")
SHOPIFY_HEADER = [
    "Transaction Date",
    "Type",
    "Order",
    "Card Brand",
    "Card Source",
    "Payout Status",
    "Payout Date",
    "Available On",
    "Amount",
    "Fee",
    "Net",
    "Checkout",
    "Payment Method Name",
    "Presentment Amount",
    "Presentment Currency",
    "Currency",
]


@dataclass(frozen=True)
class TillDay:
    """One till's day as its export has it: sales rows (type, name, tax rate, net, tax) and tenders."""

    date: date
    location: str
    sales: tuple[tuple[str, str, str, str, str], ...]
    tenders: tuple[tuple[str, str], ...]

    @property
    def money_taken(self) -> Decimal:
        return sum((Decimal(amount) for _, amount in self.tenders), Decimal("0.00"))

    @property
    def refunds_paid_out(self) -> Decimal:
        return -sum((Decimal(a) for _, a in self.tenders if Decimal(a) < 0), Decimal("0.00"))


def a_past_month_of_31_days(today: date) -> list[date]:
    """The latest month before this one with 31 days (after the demo's end-of-year lock date)."""
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    while (first.replace(day=28) + timedelta(days=4)).replace(day=1) - first != timedelta(days=31):
        first = (first - timedelta(days=1)).replace(day=1)
    return [first + timedelta(days=n) for n in range(31)]


@dataclass(frozen=True)
class UntidyMonth:
    days: list[date]

    # ---- the untidy days ------------------------------------------------------------------------------
    @property
    def over(self) -> date:  # the Front counter is 5 cents over
        return self.days[1]

    @property
    def short(self) -> date:  # the Garden centre is $5 short
        return self.days[6]

    @property
    def tips_and_gift_cards(self) -> date:  # Front counter: a tip, a gift card sold, one redeemed
        return self.days[7]

    @property
    def refunds_week(self) -> Week:  # the Front counter pays refunds out in cash on two of its days
        return week_of(self.days[14])

    @property
    def refund_days(self) -> tuple[date, date]:
        first = self.refunds_week.first
        return first, first + timedelta(days=2)

    @property
    def shopify(self) -> date:  # the online store's day (tax-inclusive card amounts, Shop Cash)
        return self.days[13]

    @property
    def afterpay(self) -> date:  # the Garden centre's first Afterpay: its account takes no payments
        return self.days[20]

    @property
    def doubled_sign(self) -> date:  # the Front counter's export says "--150.00" for the cash
        return self.days[27]

    @property
    def market(self) -> date:  # the market stall's first day, the month's last
        return self.days[30]

    @property
    def weeks(self) -> list[Week]:
        return sorted({week_of(d) for d in self.days})

    # ---- the tills' figures -----------------------------------------------------------------------------
    def till_day(self, d: date, location: str) -> TillDay:
        n = d.day
        if location == FRONT:
            hardware = Decimal(400 + 10 * n)
            sales = [("sale", "Hardware & tools", "GST 10%", f"{hardware}.00", f"{hardware / 10:.2f}")]
            sales.append(("sale", "Paint", "GST 10%", "100.00", "10.00"))
            cash, eftpos = (
                Decimal("150.00"),
                hardware * Decimal("1.1") + Decimal("110.00") - Decimal("150.00"),
            )
            tenders = [("Cash", cash), ("EFTPOS", eftpos)]
            if d == self.over:
                tenders[0] = ("Cash", cash + Decimal("0.05"))
            if d == self.tips_and_gift_cards:
                sales += [("sale", "Tips", "No GST", "5.00", "0.00")]
                sales += [("sale", "Gift card sales", "No GST", "50.00", "0.00")]
                tenders = [
                    ("Cash", cash),
                    ("EFTPOS", eftpos + Decimal("35.00")),
                    ("Gift card", Decimal("20.00")),
                ]
            if d in self.refund_days:  # a customer returns a ladder: $300 back in cash, more than cash taken
                sales += [("refund", "Hardware & tools", "GST 10%", "-300.00", "-30.00")]
                tenders = [("Cash", cash - Decimal("330.00")), ("EFTPOS", eftpos)]
        else:
            garden = Decimal(200 + 5 * n)
            sales = [("sale", "Garden", "GST 10%", f"{garden}.00", f"{garden / 10:.2f}")]
            sales.append(("sale", "Bread & milk", "GST free", "30.00", "0.00"))
            cash, eftpos = Decimal("50.00"), garden * Decimal("1.1") + Decimal("30.00") - Decimal("50.00")
            tenders = [("Cash", cash), ("EFTPOS", eftpos)]
            if d == self.short:
                tenders[0] = ("Cash", cash - Decimal("5.00"))
            if d == self.afterpay:
                tenders = [
                    ("Cash", cash),
                    ("EFTPOS", eftpos - Decimal("60.00")),
                    ("Afterpay", Decimal("60.00")),
                ]
        return TillDay(d, location, tuple(sales), tuple((name, f"{amount:.2f}") for name, amount in tenders))

    def till_days(self, week: Week, location: str) -> list[TillDay]:
        return [self.till_day(d, location) for d in week.days()]

    def expected_days(self) -> list[tuple[date, str]]:
        """Every day Xero should hold at the end: each till's every day, the online store's one day and the
        market stall's."""
        extra = [(self.shopify, ONLINE), (self.market, MARKET)]
        return sorted([(d, till) for d in self.days for till in TILLS] + extra)

    def places(self) -> list[tuple[str, list[Week]]]:
        """Each place that sends, with the weeks it sends an invoice for."""
        return [
            *((till, self.weeks) for till in TILLS),
            (ONLINE, [week_of(self.shopify)]),
            (MARKET, [week_of(self.market)]),
        ]

    def money_taken(self, location: str) -> Decimal:
        """What the place took in the month, by its tenders (Shopify: the day's card and Shop Cash)."""
        if location == ONLINE:
            return Decimal("164.00")
        if location == MARKET:
            return Decimal("110.00")
        return sum((self.till_day(d, location).money_taken for d in self.days), Decimal("0.00"))

    def refunds_paid_out(self, location: str) -> Decimal:
        if location in (ONLINE, MARKET):
            return Decimal("0.00")
        return sum((self.till_day(d, location).refunds_paid_out for d in self.days), Decimal("0.00"))

    # ---- the files ----------------------------------------------------------------------------------------
    def week_file(self, folder: Path, week: Week, location: str, doubled_sign: bool = False) -> Path:
        """The till's export of a week (the generic day file, with its till in the Location column)."""
        rows = []
        for day in self.till_days(week, location):
            for kind, name, rate, net, tax in day.sales:
                rows.append([day.date.isoformat(), kind, name, rate, net, tax, "", location])
            for name, amount in day.tenders:
                if doubled_sign and day.date == self.doubled_sign and name == "Cash":
                    amount = f"--{amount}"
                rows.append([day.date.isoformat(), "tender", name, "", "", "", amount, location])
        slug = location.split()[0].lower()
        return _write_csv(folder / f"{slug}-{week.first:%Y%m%d}{'-bad' if doubled_sign else ''}.csv", rows)

    def pier_file(self, folder: Path) -> Path:
        """Pier Nine Café's till export, in the wrong folder: a shop never seen for this organisation."""
        d = self.doubled_sign
        rows = [
            [d.isoformat(), "sale", "Coffee", "GST 10%", "300.00", "30.00", "", PIER],
            [d.isoformat(), "tender", "EFTPOS", "", "", "", "330.00", PIER],
        ]
        return _write_csv(folder / "pier-nine-till.csv", rows)

    def market_file(self, folder: Path) -> Path:
        """The new market stall's till export: its first day."""
        d = self.market.isoformat()
        rows = [
            [d, "sale", "Garden", "GST 10%", "100.00", "10.00", "", MARKET],
            [d, "tender", "Cash", "", "", "", "110.00", MARKET],
        ]
        return _write_csv(folder / "market-stall.csv", rows)

    def shopify_file(self, folder: Path) -> Path:
        """Shopify Payments' transactions export of the online store's day (amounts include GST)."""
        when = f"{self.shopify.isoformat()} 10:00:00 +1100"

        def row(kind: str, amount: str, brand: str, source: str) -> dict[str, str]:
            return {
                **{"Transaction Date": when, "Type": kind, "Card Brand": brand, "Card Source": source},
                **{
                    "Payout Status": "paid",
                    "Amount": amount,
                    "Fee": "0.00",
                    "Net": amount,
                    "Currency": "AUD",
                },
            }

        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=SHOPIFY_HEADER, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(
            [
                row("charge", "110.00", "visa", "stripe_terminal"),
                row("charge", "55.00", "master", "online"),
                row("refund", "-11.00", "visa", "online"),
                row("shop_cash_credit", "10.00", "", ""),
            ]
        )
        path = folder / "shopify-payments.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        return path


def the_shops_setup(base: Mapping, tips: SalesAccount, gift_cards: SalesAccount, gift_card_tender: str):
    """Shop setup as the owner finishes it: a week's invoice per till, tracked by till, tips and gift cards
    on their liability accounts, the online store's names — and Afterpay sent, by mistake, to an account that
    doesn't take payments (617, Till Float Clearing: “Enable payments to this account” is off)."""
    weekly = replace(
        base,
        weekly=True,
        approve_automatically=True,
        tracking=Tracking("Till", {FRONT: "Till 1", GARDEN: "Till 2"}),
    )
    return (
        weekly.with_sales("Tips", tips.account_code, tips.tax_type)
        .with_sales("Gift card sales", gift_cards.account_code, gift_cards.tax_type)
        .with_tender("Gift card", gift_card_tender)
        .with_sales("Shopify POS", "200", "OUTPUT")
        .with_sales("Shopify online store", "200", "OUTPUT")
        .with_tender("Shop Cash", "615")
        .with_tender("Afterpay", "617")
    )


_NOT_PLAIN = re.compile(
    r"Traceback|HTTP|[Ss]tatus:? \d{3}|\b\d{3} (Bad Request|Unauthori[sz]ed|Forbidden|Not Found|Too Many)"
    r"|Error:|Exception|xerohelper\.\w+\.|object at 0x"
)


def plain_words(text: str) -> bool:
    """No traceback, no HTTP status, no Python names or reprs: words a shop owner reads."""
    return not _NOT_PLAIN.search(text)


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GENERIC_HEADER)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def foreign_mapping_file(path: Path, own: dict, made_for_id: str) -> Path:
    """The shop setup file of another organisation (Pier Nine Café's), as its bookkeeper would send it."""
    data = {**own, "organisation": {"id": made_for_id, "name": PIER}}
    data["tenders"] = {**data["tenders"], "Cash": {"account_code": "090"}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
