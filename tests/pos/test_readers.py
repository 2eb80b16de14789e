"""Each reader's rules on small files written with the vendors' real headers, with figures worked by hand."""

from __future__ import annotations

import csv
import io
from datetime import date
from zoneinfo import ZoneInfo

from xerohelper.adapters.pos.read_export import read_export


def header(*parts: str) -> list[str]:
    return ",".join(parts).split(",")


SQUARE_TRANSACTIONS_2025 = header(
    "Date,Time,Time Zone,Gross Sales,Discounts,Service Charges,Net Sales,Gift Card Sales",
    "Tax,Tip,Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash",
    "Square Gift Card,Other Tender,Other Tender Type,Tender Note,Fees,Net Total",
    "Transaction ID,Payment ID,Card Brand,PAN Suffix,Device Name,Staff Name,Staff ID",
    "Details,Description,Event Type,Location,Dining Option,Customer ID,Customer Name",
    "Customer Reference ID,Device Nickname,Third Party Fees,Deposit ID,Deposit Date",
    "Deposit Details,Fee Percentage Rate,Fee Fixed Rate,Refund Reason,Discount Name",
    "Transaction Status,Cash App,Order Reference ID,Fulfillment Note",
    "Free Processing Applied,Channel,Unattributed Tips,Table Info,International Fee",
)
LOYVERSE_RECEIPTS = header(
    "Date,Receipt number,Receipt type,Gross sales,Discounts,Net sales,Taxes",
    "Total collected,Cost of goods,Gross profit,Payment type,Description,Dining option,POS",
    "Store,Cashier name,Customer name,Customer contacts,Status",
)
SHOPIFY_PAYMENTS = header(
    "Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date",
    "Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount",
    "Presentment Currency,Currency",
)
SQUARE_ITEMS_2026 = header(
    "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied",
    "Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes",
    "Details,Event Type,Location,Dining Option,Customer ID,Customer Name",
    "Customer Reference ID,Unit,Count,GTIN,Itemization Type,Commission,Employee",
    "Fulfillment Note,Channel,Token,Card Brand,PAN Suffix",
)


def csv_bytes(header: list[str], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def as_json(result):
    assert result.problems == (), [str(p) for p in result.problems]
    return {
        day.date.isoformat() + (f" {day.location}" if day.location else ""): day.to_json_dict()
        for day in result.days
    }


def lines(day):
    return [(s["category"], s.get("kind", "sale"), s["net"], s["tax"]) for s in day["sales"]]


def tenders(day):
    return {t["name"]: t["amount"] for t in day["tenders"]}


# ---- Square Transactions -------------------------------------------------------------------------------
SYDNEY = {"Time Zone": "Sydney", "Location": "Bondi"}
SQUARE_ROWS = [
    # A: $100 of goods less $10 discount, $5 service charge (Net Sales $95 includes it), $20 gift card sold,
    # $9.50 tax, $3 tip = $127.50 collected: $100 on two cards, $20 cash, $7.50 by cheque.
    {
        **SYDNEY,
        **{"Date": "2025-03-01", "Time": "10:00:00", "Event Type": "Payment", "Gross Sales": "$100.00"},
        **{
            "Discounts": "-$10.00",
            "Service Charges": "$5.00",
            "Net Sales": "$95.00",
            "Gift Card Sales": "$20.00",
        },
        **{"Tax": "$9.50", "Tip": "$3.00", "Partial Refunds": "$0.00", "Total Collected": "$127.50"},
        **{
            "Card": "$100.00",
            "Card Brand": "Visa, MasterCard",
            "Cash": "$20.00",
            "Square Gift Card": "$0.00",
        },
        **{"Other Tender": "$7.50", "Other Tender Type": "Check", "Cash App": "$0.00", "Fees": "-$2.60"},
    },
    # B: a refund of $11 + $1.10 tax to a Visa card
    {
        **SYDNEY,
        **{"Date": "2025-03-01", "Time": "15:00:00", "Event Type": "Refund", "Gross Sales": "-$11.00"},
        **{"Discounts": "$0.00", "Net Sales": "-$11.00", "Tax": "-$1.10", "Total Collected": "-$12.10"},
        **{"Card": "-$12.10", "Card Brand": "Visa", "Cash": "$0.00"},
    },
    # C: next day, late: $20 + $2 tax, $2 partly refunded, $20 cash
    {
        **SYDNEY,
        **{"Date": "2025-03-02", "Time": "23:30:00", "Event Type": "Payment", "Gross Sales": "$20.00"},
        **{"Net Sales": "$20.00", "Tax": "$2.00", "Partial Refunds": "-$2.00", "Total Collected": "$20.00"},
        **{"Card": "$0.00", "Cash": "$20.00"},
    },
]


def test_square_transactions_lines_tenders_and_refunds():
    days = as_json(read_export(csv_bytes(SQUARE_TRANSACTIONS_2025, SQUARE_ROWS), "transactions.csv"))
    first = days["2025-03-01"]
    assert lines(first) == [
        ("Gift card sales", "sale", "20.00", "0.00"),
        ("Sales", "sale", "100.00", "9.50"),
        ("Sales", "discount", "-10.00", "0.00"),
        ("Sales", "refund", "-11.00", "-1.10"),
        ("Service charges", "sale", "5.00", "0.00"),
        ("Tips", "sale", "3.00", "0.00"),
    ]
    assert tenders(first) == {"Card": "100.00", "Cash": "20.00", "Check": "7.50", "Visa": "-12.10"}
    assert first["totals"] == {"net": "107.00", "tax": "8.40", "gross": "115.40", "tendered": "115.40",
                               "difference": "0.00"}  # fmt: skip
    second = days["2025-03-02"]
    assert lines(second) == [("Sales", "sale", "20.00", "2.00"), ("Sales", "refund", "-2.00", "0.00")]
    assert second["totals"]["difference"] == "0.00"
    assert "location" not in first  # one location in the file: the shop's single till


def test_square_time_zone_column_is_respected_when_the_shop_zone_differs():
    data = csv_bytes(SQUARE_TRANSACTIONS_2025, SQUARE_ROWS)
    moved = read_export(data, "transactions.csv", shop_zone=ZoneInfo("America/New_York"))
    # 10:00 and 15:00 on 1 March in Sydney (UTC+11) are 18:00 and 23:00 on 28 February in New York (UTC-5);
    # 23:30 on 2 March in Sydney is 07:30 on 2 March in New York.
    assert [d.date for d in moved.days] == [date(2025, 2, 28), date(2025, 3, 2)]
    unknown = [dict(SQUARE_ROWS[2], **{"Time Zone": "Middle Earth"})]
    result = read_export(csv_bytes(SQUARE_TRANSACTIONS_2025, unknown), "t.csv", shop_zone=ZoneInfo("UTC"))
    (problem,) = result.problems
    assert (problem.line, problem.column, problem.value) == (2, "Time Zone", "Middle Earth")


def test_square_transactions_several_locations_make_several_days():
    rows = [
        SQUARE_ROWS[2],
        dict(SQUARE_ROWS[2], Location="Manly", Cash="$25.00", **{"Total Collected": "$25.00"}),
    ]
    days = as_json(read_export(csv_bytes(SQUARE_TRANSACTIONS_2025, rows), "t.csv"))
    assert sorted(days) == ["2025-03-02 Bondi", "2025-03-02 Manly"]
    assert tenders(days["2025-03-02 Manly"]) == {"Cash": "25.00"}
    assert days["2025-03-02 Manly"]["totals"]["difference"] == "-5.00"  # as the till says: shown, not hidden


# ---- Square Item Detail --------------------------------------------------------------------------------
def test_square_items_discounts_blank_category_and_refund():
    east = {"Date": "2026-07-18", "Time Zone": "Eastern Time (US & Canada)"}
    rows = [
        {**east, "Time": "09:00:00", "Category": "",
         "Gross Sales": "$8.00", "Discounts": "-$1.00", "Net Sales": "$7.00", "Tax": "$0.54",
         "Event Type": "Payment", "Card Brand": ""},
        {**east, "Time": "09:05:00", "Category": "Drinks",
         "Gross Sales": "$4.00", "Discounts": "$0.00", "Net Sales": "$4.00", "Tax": "$0.31",
         "Event Type": "Payment", "Card Brand": "Visa"},
        {**east, "Time": "10:00:00", "Category": "Drinks",
         "Gross Sales": "-$4.00", "Discounts": "$0.00", "Net Sales": "-$4.00", "Tax": "-$0.31",
         "Event Type": "Refund", "Card Brand": "Visa", "Notes": "Canceled Order"},
    ]  # fmt: skip
    (day,) = as_json(read_export(csv_bytes(SQUARE_ITEMS_2026, rows), "items.csv")).values()
    assert lines(day) == [
        ("Drinks", "sale", "4.00", "0.31"),
        ("Drinks", "refund", "-4.00", "-0.31"),
        ("Uncategorized", "sale", "8.00", "0.54"),
        ("Uncategorized", "discount", "-1.00", "0.00"),
    ]
    assert tenders(day) == {"Cash or other": "7.54"}  # the Visa sale and its refund cancel out
    assert day["totals"]["gross"] == "7.54"


# ---- Shopify Payments ----------------------------------------------------------------------------------
def shopify_row(when, kind, amount, brand="visa", source="stripe_terminal", currency="USD"):
    return {
        **{"Transaction Date": when, "Type": kind, "Card Brand": brand, "Card Source": source},
        **{"Payout Status": "paid", "Amount": amount, "Fee": "0.00", "Net": amount, "Currency": currency},
    }


def test_shopify_other_row_types_are_left_out_with_a_note():
    rows = [
        shopify_row("2025-06-30 10:00:00 -0400", "charge", "50.00"),
        shopify_row("2025-06-30 11:00:00 -0400", "refund", "-5.00", brand="master", source="online"),
        shopify_row("2025-06-30 12:00:00 -0400", "adjustment", "-1.00"),
        shopify_row("2025-06-30 12:00:00 -0400", "chargeback", "-50.00"),
    ]
    result = read_export(csv_bytes(SHOPIFY_PAYMENTS, rows), "payments.csv")
    (day,) = as_json(result).values()
    assert lines(day) == [
        ("Shopify online store", "refund", "-5.00", "0.00"),
        ("Shopify POS", "sale", "50.00", "0.00"),
    ]
    assert tenders(day) == {"Mastercard": "-5.00", "Visa": "50.00"}
    (listed,) = [n for n in result.notes if n.startswith("Not takings")]
    assert listed.startswith(
        "Not takings, so not sent as sales (book them as the bookkeeper says): 1 “Adjustment” (-$1.00), "
        "1 “Chargeback” (-$50.00)."
    )
    assert all(line["tax_included"] for line in day["sales"])  # Xero works out the tax from the rate


def test_shopify_mixed_currencies_are_refused():
    rows = [shopify_row("2025-06-30 10:00:00 -0400", "charge", "50.00"),
            shopify_row("2025-06-30 11:00:00 -0400", "charge", "20.00", currency="CAD")]  # fmt: skip
    (problem,) = read_export(csv_bytes(SHOPIFY_PAYMENTS, rows), "payments.csv").problems
    assert (problem.line, problem.column, problem.value) == (3, "Currency", "CAD")
    assert "mixes currencies (USD above, CAD here)" in problem.problem


# ---- Loyverse ------------------------------------------------------------------------------------------
def loyverse_row(
    when, kind, total, taxes="0.00", discounts="0.00", payment="Cash", store="Shop", status="Closed"
):
    return {"Date": when, "Receipt number": "1-1", "Receipt type": kind, "Gross sales": total,
            "Discounts": discounts, "Net sales": total, "Taxes": taxes, "Total collected": total,
            "Payment type": payment, "Store": store, "Status": status}  # fmt: skip


def test_loyverse_cancelled_receipts_stores_taxes_and_split_payments():
    rows = [
        loyverse_row("01/10/2026 10:00", "Sale", "112.00", taxes="12.00"),
        loyverse_row(
            "01/10/2026 11:00", "Refund", "-56.00", taxes="6.00"
        ),  # tax written positive on a refund
        loyverse_row("01/10/2026 12:00", "Sale", "99.00", status="Cancelled"),
        loyverse_row("01/10/2026 13:00", "Sale", "30.00", payment="Cash, Card", store="Kiosk"),
        loyverse_row("13/10/2026 13:00", "Sale", "10.00", payment="GCash"),
    ]
    result = read_export(csv_bytes(LOYVERSE_RECEIPTS, rows), "receipts.csv")
    days = as_json(result)
    assert sorted(days) == ["2026-10-01 Kiosk", "2026-10-01 Shop", "2026-10-13 Shop"]  # 13/10: day first
    shop = days["2026-10-01 Shop"]
    assert lines(shop) == [("Sales", "sale", "100.00", "12.00"), ("Sales", "refund", "-50.00", "-6.00")]
    assert tenders(shop) == {"Cash": "56.00"}
    assert tenders(days["2026-10-01 Kiosk"]) == {"Cash, Card": "30.00"}
    assert "1 cancelled receipt was left out." in result.notes
    assert any("paid with several payment types (“Cash, Card”)" in note for note in result.notes)


def test_loyverse_unknown_receipt_type_is_named():
    rows = [loyverse_row("7/28/26 1:33 PM", "Voucher", "10.00")]
    (problem,) = read_export(csv_bytes(LOYVERSE_RECEIPTS, rows), "receipts.csv").problems
    assert (problem.line, problem.column, problem.value) == (2, "Receipt type", "Voucher")


# ---- choosing the format -------------------------------------------------------------------------------
def test_a_chosen_format_that_does_not_fit_names_the_missing_columns():
    data = csv_bytes(LOYVERSE_RECEIPTS, [loyverse_row("7/28/26 1:33 PM", "Sale", "10.00")])
    (problem,) = read_export(data, "receipts.csv", format="square-items").problems
    assert str(problem).startswith(
        "receipts.csv, line 1: this Square Item Detail export has no “Category” and “Tax” columns"
    )
    assert read_export(data, "receipts.csv", format="loyverse-receipts").days
    (unknown,) = read_export(data, "receipts.csv", format="clover").problems
    assert "Use one of: auto, generic, square-items" in str(unknown)


def test_a_tender_name_with_an_invisible_character_adds_up_with_the_same_name():
    """Found by the mangled-samples test: "\\x00american_express" and "american_express" are one tender once
    the invisible character is gone, not a day with the same payment type listed twice."""
    from datetime import date
    from decimal import Decimal

    from xerohelper.adapters.pos.day_book import DayBook

    book = DayBook("shopify-payments")
    book.add_tender(date(2026, 7, 18), "\x00Amex", Decimal("10.00"))
    book.add_tender(date(2026, 7, 18), "Amex", Decimal("5.50"))
    book.add_sale(date(2026, 7, 18), "Coffee\x1b", Decimal("15.50"))
    (day,) = book.days()
    assert [(t.name, t.amount) for t in day.tenders] == [("Amex", Decimal("15.50"))]
    assert day.problems() == []
