"""Every real export in tests/pos/samples (a copy of ../shared/pos-samples, see SOURCES.md there) is imported,
or refused with a message that says what the file is and what to export instead.

How the totals were checked by hand: each expected figure below was read off the file with a separate,
deliberately dumb sum over the raw CSV (the csv module, `$`/`,` stripped, brackets = minus), shown in
`raw_sum`; the tests assert both the literal figure and that independent sum, so a bug in the importer's
money or date parsing can't make both agree.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from xerohelper.adapters.pos.read_export import read_export

SAMPLES = Path(__file__).parent / "samples"
SHARED_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "pos-samples"


def dollars(text: str) -> Decimal:
    """The test's own reading of an amount: `$1,149.00 `, `($0.06)`, `-$7.00`, `44.9`."""
    text = text.strip()
    negative = text.startswith(("(", "-"))
    number = Decimal(text.strip("()-$ ").replace(",", "") or "0")
    return -number if negative else number


def raw_rows(name: str) -> list[dict[str, str]]:
    with open(SAMPLES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def raw_sum(name: str, column: str, *, by: str, where=lambda row: True, key=lambda v: v) -> dict:
    totals: dict = defaultdict(Decimal)
    for row in raw_rows(name):
        if where(row):
            totals[key(row[by])] += dollars(row[column])
    return dict(totals)


def read(name: str, content: bytes | None = None):
    path = SAMPLES / name
    return read_export(path.read_bytes() if content is None else content, path.name)


def by_date(result) -> dict[str, dict]:
    return {day.date.isoformat(): day.to_json_dict() for day in result.days}


def tenders(day_json: dict) -> dict[str, str]:
    return {t["name"]: t["amount"] for t in day_json["tenders"]}


# ---- every file is accounted for ----------------------------------------------------------------------
IMPORTED = {
    "square/items-2026-07-18-2026-07-19.csv",
    "square/items-2026-06-30-2026-07-01.csv",
    "square/item_sales_may.csv",
    "square/square-engineer_items_rows_2017_EXTRACTED.csv",
    "square/square-engineer_transactions_rows_2017_EXTRACTED.csv",
    "square/square_example.csv",
    "shopify/payment_transactions_export_1.csv",
    "loyverse/receipts_slice_TangerineCafe_2026-07_EXTRACTED.csv",
}
REFUSED = {
    "square/item-sales-summary-2026-05-25-2026-05-31.csv": ("Square's Item Sales summary", "Item Detail CSV"),
    "square/item-sales-summary-2026-08-03-2026-08-09.csv": ("Square's Item Sales summary", "Item Detail CSV"),
    "square/modifier-sales-2026-08-03-2026-08-09.csv": ("Square's Modifier Sales report", "Item Detail"),
    "shopify/orders_export.csv": ("Shopify's Orders export", "Finances › Payouts › Export"),
    "shopify/orders_export_1.csv": ("Shopify's Orders export", "Finances › Payouts › Export"),
    "shopify/transactions_export_1.csv": (
        "Shopify's order transactions export",
        "Finances › Payouts › Export",
    ),
    "zettle/Zettle-Receipts-Report-20210101-20210910.xlsx": (
        "Zettle receipts report, an Excel workbook",
        "the day's totals",
    ),
    "zettle/Zettle-Account-Statement-Report-20230901-20250903.xlsx": (
        "Zettle account statement",
        "the day's totals",
    ),
    # two Loyverse exports pasted one after the other, with comment lines: see the tests further down
    "loyverse/receipts_and_receipts-by-item_Route98_2026-10_EXTRACTED.txt": (
        "two exports one after",
        "split",
    ),
}


def test_every_sample_file_is_covered_by_these_tests():
    files = {
        p.relative_to(SAMPLES).as_posix()
        for p in SAMPLES.rglob("*")
        if p.is_file() and p.name != "SOURCES.md"
    }
    assert files == IMPORTED | set(REFUSED)


@pytest.mark.skipif(not SHARED_SAMPLES.is_dir(), reason="../shared/pos-samples is not next to this clone")
def test_the_copies_are_the_shared_samples_byte_for_byte():
    shared = {
        p.relative_to(SHARED_SAMPLES).as_posix(): p.read_bytes()
        for p in SHARED_SAMPLES.rglob("*")
        if p.is_file()
    }
    ours = {p.relative_to(SAMPLES).as_posix(): p.read_bytes() for p in SAMPLES.rglob("*") if p.is_file()}
    assert ours == shared


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_files_that_cannot_make_days_say_what_they_are_and_what_to_do(name):
    result = read(name)
    assert result.days == ()
    assert len(result.problems) == 1
    what, next_step = REFUSED[name]
    message = str(result.problems[0])
    assert message.startswith(Path(name).name)
    assert what in message
    assert next_step in message


def test_item_sales_summary_message_in_full():
    problem = read("square/item-sales-summary-2026-08-03-2026-08-09.csv").problems[0]
    assert str(problem) == (
        "item-sales-summary-2026-08-03-2026-08-09.csv, line 1: this is Square's Item Sales summary: it adds "
        "each item up over the whole period and has no date for each sale, so it can't be split into days. "
        "Export 'Item Detail' instead: Square Dashboard › Transactions › Export › Item Detail CSV (or "
        "'Transactions CSV' for the payments), then import that file."
    )


# ---- Square Item Detail --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "day", "net", "tax"),
    [
        ("square/items-2026-07-18-2026-07-19.csv", "2026-07-18", "1027.00", "79.37"),
        ("square/items-2026-06-30-2026-07-01.csv", "2026-06-30", "1428.00", "110.33"),
    ],
)
def test_square_item_detail_single_day_files(name, day, net, tax):
    result = read(name)
    assert result.format == "square-items" and result.problems == ()
    days = by_date(result)
    assert list(days) == [day]  # the end date in the name is exclusive: one day, not two
    totals = days[day]["totals"]
    assert (totals["net"], totals["tax"]) == (net, tax)
    assert raw_sum(name, "Net Sales", by="Date") == {day: Decimal(net)}
    assert raw_sum(name, "Tax", by="Date") == {day: Decimal(tax)}
    assert totals["difference"] == "0.00"  # tenders are the card brands of the same rows
    net_by_brand = raw_sum(name, "Net Sales", by="Card Brand")
    tax_by_brand = raw_sum(name, "Tax", by="Card Brand")
    assert tenders(days[day]) == {b: f"{net_by_brand[b] + tax_by_brand[b]:.2f}" for b in net_by_brand}
    assert any("leaves the end date out" in note for note in result.notes)


def test_square_item_detail_rows_outside_the_period_in_the_name_are_kept_and_said():
    data = (SAMPLES / "square" / "items-2026-07-18-2026-07-19.csv").read_bytes()
    result = read_export(data, "items-2026-07-17-2026-07-18.csv")  # renamed: 18 July is the excluded end
    assert [d.date for d in result.days] == [date(2026, 7, 18)]
    assert result.notes[-1] == (
        "The file's name says Friday 17 July 2026 to Saturday 18 July 2026: Square leaves the end date out, "
        "so the file covers up to the day before. It also has sales on Saturday 18 July 2026, which are "
        "included."
    )


def test_square_item_detail_may_has_three_days_and_a_refund():
    name = "square/item_sales_may.csv"
    days = by_date(read(name))
    assert sorted(days) == ["2026-05-22", "2026-05-23", "2026-05-30"]
    net, tax = raw_sum(name, "Net Sales", by="Date"), raw_sum(name, "Tax", by="Date")
    assert {d: (days[d]["totals"]["net"], days[d]["totals"]["tax"]) for d in days} == {
        "2026-05-22": ("1.00", "0.00"),
        "2026-05-23": ("531.00", "40.99"),
        "2026-05-30": ("1207.00", "93.29"),
    }
    assert {d: (f"{net[d]:.2f}", f"{tax[d]:.2f}") for d in net} == {
        d: (days[d]["totals"]["net"], days[d]["totals"]["tax"]) for d in days
    }
    refund = [s for s in days["2026-05-23"]["sales"] if s.get("kind") == "refund"]
    assert refund == [
        {"category": "Uncategorized", "net": "-7.00", "tax": "-0.54", "gross": "-7.54", "kind": "refund"}
    ]
    # 43 rows have no card brand: their money is "Cash or other"
    no_card = raw_sum(name, "Net Sales", by="Date", where=lambda r: not r["Card Brand"])
    no_card_tax = raw_sum(name, "Tax", by="Date", where=lambda r: not r["Card Brand"])
    assert (
        tenders(days["2026-05-30"])["Cash or other"]
        == f"{no_card['2026-05-30'] + no_card_tax['2026-05-30']:.2f}"
    )


def test_square_item_detail_2017_columns_month_first_dates_and_no_payments():
    result = read("square/square-engineer_items_rows_2017_EXTRACTED.csv")
    (day,) = result.days
    assert day.date == date(2017, 11, 15)  # 11/15/2017
    assert [(s["category"], s["net"], s["tax"]) for s in day.to_json_dict()["sales"]] == [
        ("Cat 1", "1.00", "0.08"),
        ("Cat 2", "1.00", "0.08"),
    ]
    assert day.tenders == ()
    assert any("doesn't say how the sales were paid" in note for note in result.notes)


# ---- Square Transactions -------------------------------------------------------------------------------
def test_square_transactions_2017_split_tender_and_brackets():
    result = read("square/square-engineer_transactions_rows_2017_EXTRACTED.csv")
    days = by_date(result)
    assert sorted(days) == ["2017-11-15", "2017-11-16"]
    # row 1: Cash $2.16 only; row 2: Card $2.00 ("Visa, Visa") + Cash $0.16; both Total Collected $2.16
    assert tenders(days["2017-11-15"]) == {"Cash": "2.16"}
    assert tenders(days["2017-11-16"]) == {"Cash": "0.16", "Visa": "2.00"}
    for d in days.values():
        assert d["totals"] == {
            "net": "2.00",
            "tax": "0.16",
            "gross": "2.16",
            "tendered": "2.16",
            "difference": "0.00",
        }
    collected = raw_sum(
        "square/square-engineer_transactions_rows_2017_EXTRACTED.csv", "Total Collected", by="Date"
    )
    assert collected == {"11/15/2017": Decimal("2.16"), "11/16/2017": Decimal("2.16")}


def test_square_transactions_2018_excel_resaved_with_trailing_spaces_and_bracket_fees():
    name = "square/square_example.csv"
    days = by_date(read(name))
    # 11/30/2018 has two payments: $540.00 + $595.00
    expected = {"2018-11-30": "1135.00", "2018-12-18": "150.00", "2018-12-27": "1149.00"}
    assert {d: days[d]["totals"]["gross"] for d in days} == expected
    assert {d: tenders(days[d]) for d in days} == {d: {"Card": v} for d, v in expected.items()}
    raw = raw_sum(name, "Total Collected", by="Date")
    assert {f"{k[6:]}-{k[:2]}-{k[3:5]}": f"{v:.2f}" for k, v in raw.items()} == expected


# ---- Shopify Payments ----------------------------------------------------------------------------------
def test_shopify_payments_june_2025_split_into_thirty_days():
    name = "shopify/payment_transactions_export_1.csv"
    result = read(name)
    days = by_date(result)
    assert len(days) == 30 and min(days) == "2025-06-01" and max(days) == "2025-06-30"
    raw = raw_sum(name, "Amount", by="Transaction Date", key=lambda v: v[:10])  # the date as Shopify wrote it
    assert {d: days[d]["totals"]["gross"] for d in days} == {d: f"{v:.2f}" for d, v in raw.items()}
    assert days["2025-06-01"]["totals"]["gross"] == "710.98"  # 727.41 of charges less 16.43 refunded
    assert sum(Decimal(d["totals"]["gross"]) for d in days.values()) == sum(raw.values())
    in_store = lambda r: r["Card Source"] == "stripe_terminal"  # noqa: E731
    pos = raw_sum(name, "Amount", by="Transaction Date", where=in_store, key=lambda v: v[:10])
    june_24 = {s["category"]: s["net"] for s in days["2025-06-24"]["sales"] if "kind" not in s}
    assert june_24["Shopify POS"] == f"{pos['2025-06-24']:.2f}" == "8654.37"
    assert all(d["totals"]["difference"] == "0.00" and d["totals"]["tax"] == "0.00" for d in days.values())
    assert set().union(*(tenders(d) for d in days.values())) == {
        "Visa",
        "Mastercard",
        "American Express",
        "Discover",
    }


# ---- Loyverse ------------------------------------------------------------------------------------------
def test_loyverse_receipts_us_dates_discount_and_refund():
    days = by_date(read("loyverse/receipts_slice_TangerineCafe_2026-07_EXTRACTED.csv"))
    # 7/28/26: 90.00 Transfer + 200.00 Cash + 100.00 Card (150.00 less a 50.00 discount)
    # 7/26/26: a cash refund of 180.00
    assert tenders(days["2026-07-28"]) == {"Card": "100.00", "Cash": "200.00", "Transfer": "90.00"}
    assert [(s["net"], s.get("kind", "sale")) for s in days["2026-07-28"]["sales"]] == [
        ("440.00", "sale"),
        ("-50.00", "discount"),
    ]
    assert days["2026-07-26"]["totals"] == {
        "net": "-180.00", "tax": "0.00", "gross": "-180.00", "tendered": "-180.00", "difference": "0.00",
    }  # fmt: skip


ROUTE98 = "loyverse/receipts_and_receipts-by-item_Route98_2026-10_EXTRACTED.txt"


def route98_block(index: int) -> bytes:
    """One of the two exports pasted in the Route 98 extract (without the comment lines)."""
    text = (SAMPLES / ROUTE98).read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    lines = [line for line in blocks[index].splitlines() if not line.startswith("#")]
    return ("\n".join(lines) + "\n").encode()


def test_route98_extract_as_it_is_says_the_file_holds_two_exports():
    result = read(ROUTE98)
    assert result.days == ()
    assert "line 7: this line is a row of column names" in str(result.problems[0])


def test_route98_receipts_day_first_dates_resolved_by_the_period_in_the_file_name():
    # the guide names the export receipts-2026-09-20-2026-10-02.csv; 01/10/2026 must be 1 October
    result = read_export(route98_block(0), "receipts-2026-09-20-2026-10-02.csv")
    (day,) = result.days
    assert day.date == date(2026, 10, 1)
    assert day.to_json_dict()["tenders"] == [{"name": "Cash", "amount": "216.88"}]  # 148.88 + 68.00
    assert result.notes == ()
    guessed = read_export(route98_block(0), "receipts.csv")  # no period: a guess, said out loud
    assert guessed.days[0].date == date(2026, 10, 1)
    assert any("could be day/month or month/day" in note for note in guessed.notes)


def test_route98_receipts_by_item_is_refused_with_what_to_export_instead():
    result = read_export(route98_block(1), "receipts-by-item-2026-09-20-2026-10-02.csv")
    assert "Loyverse's Receipts by item export" in str(result.problems[0])
    assert "Back office › Receipts › Export › Receipts" in str(result.problems[0])
