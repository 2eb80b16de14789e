"""xerohelper's own day file: the template round-trips, and every mistake an owner can make in it is named
with its line, column and value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from xerohelper.adapters.pos.generic import write_generic_csv
from xerohelper.adapters.pos.read_export import read_export
from xerohelper.core.day import Day, LineKind, SalesLine, Tender

RESOURCES = Path(__file__).resolve().parents[2] / "xerohelper" / "resources"
TEMPLATE = RESOURCES / "generic-day-template.csv"
HEADER = "Date,Type,Name,Tax rate,Net,Tax,Amount\n"


def read_text(text: str, name: str = "day.csv"):
    return read_export(text.encode("utf-8"), name)


def test_the_template_reads_as_one_balanced_day():
    result = read_export(TEMPLATE.read_bytes(), TEMPLATE.name)
    assert result.format == "generic" and result.problems == () and result.notes == ()
    (day,) = result.days
    assert day.date == date(2026, 11, 21)
    # by hand: 434.78+65.22 - 8.70-1.30 + 260.87+39.13 - 13.04-1.96 + 50.00 = 825.00 = 212.60+540.00+72.40
    assert day.to_json_dict()["totals"] == {
        "net": "723.91", "tax": "101.09", "gross": "825.00", "tendered": "825.00", "difference": "0.00",
    }  # fmt: skip
    assert [(s.category, s.kind, s.tax_rate) for s in day.sales] == [
        ("Coffee", LineKind.SALE, "GST 15%"),
        ("Coffee", LineKind.DISCOUNT, "GST 15%"),
        ("Food", LineKind.SALE, "GST 15%"),
        ("Food", LineKind.REFUND, "GST 15%"),
        ("Gift cards", LineKind.SALE, "No GST"),
    ]


def test_the_template_round_trips_byte_for_byte():
    days = list(read_export(TEMPLATE.read_bytes(), TEMPLATE.name).days)
    assert write_generic_csv(days) == TEMPLATE.read_text(encoding="utf-8")


def test_days_round_trip_through_the_generic_file_with_locations_and_several_days():
    days = [
        Day(
            date(2026, 11, 20),
            "generic",
            (SalesLine("Hardware", "100", "15"),),
            (Tender("Cash", "115"),),
            "North",
        ),
        Day(
            date(2026, 11, 20),
            "generic",
            (SalesLine("Hardware", "10", "1.50"),),
            (Tender("EFTPOS", "11.5"),),
            "South",
        ),
        Day(
            date(2026, 11, 21),
            "generic",
            (SalesLine("Garden", "7.01", "0"),),
            (Tender("Cash", "7.01"),),
            "North",
        ),
    ]
    text = write_generic_csv(days)
    assert text.splitlines()[0] == "Date,Type,Name,Tax rate,Net,Tax,Amount,Location"
    again = read_text(text).days
    assert [d.to_json_dict() for d in again] == [d.to_json_dict() for d in days]


def test_the_format_document_shows_the_template():
    doc = (RESOURCES / "generic-day-format.md").read_text(encoding="utf-8")
    assert TEMPLATE.read_text(encoding="utf-8").strip() in doc


def test_rows_are_added_up_names_match_in_any_case_and_discounts_are_taken_off_either_sign():
    text = HEADER + (
        "2026-11-21,sale,Coffee,,10.00,1.50,\n"
        "2026-11-21,SALE,coffee,,5.00,0.75,\n"
        "2026-11-21,discount,Coffee,,2.00,0.30,\n"  # written positive: still taken off
        "2026-11-21,refund,Coffee,,-1.00,-0.15,\n"
        "2026-11-21,tender,Cash,,,,10\n"
        "2026-11-21,payment,CASH,,,,3.80\n"
    )
    (day,) = read_text(text).days
    assert [(s.category, s.kind.value, str(s.net), str(s.tax)) for s in day.sales] == [
        ("Coffee", "sale", "15.00", "2.25"),
        ("Coffee", "discount", "-2.00", "-0.30"),
        ("Coffee", "refund", "-1.00", "-0.15"),
    ]
    assert [(t.name, str(t.amount)) for t in day.tenders] == [("Cash", "13.80")]


def test_excel_style_dates_are_read_and_a_guess_is_said():
    text = HEADER + "21/11/2026,sale,Coffee,,10.00,0,\n05/11/2026,sale,Coffee,,10.00,0,\n"
    result = read_text(text)
    assert [d.date for d in result.days] == [date(2026, 11, 5), date(2026, 11, 21)]
    assert result.notes == ()  # 21/11 settles it
    guessed = read_text(HEADER + "05/11/2026,sale,Coffee,,10.00,0,\n")
    assert guessed.days[0].date == date(2026, 11, 5)
    assert "could be day/month or month/day" in guessed.notes[0]


@pytest.mark.parametrize(
    ("row", "line", "column", "value", "words"),
    [
        ("2026-11-21,sale,Coffee,,ten,1.50,", 2, "Net", "ten", "not an amount of money"),
        ("2026-11-21,sale,Coffee,,,1.50,", 2, "Net", "", "this amount is missing"),
        ("2026-11-21,tender,Cash,,,,", 2, "Amount", "", "this amount is missing"),
        (
            "2026-11-21,tender,Cash,,12.00,,",
            2,
            "Net",
            "12.00",
            "a tender row has its amount in the Amount column",
        ),
        ("2026-11-21,sale,Coffee,,,,12.00", 2, "Amount", "12.00", "a sales row has its figures in the Net"),
        ("2026-11-21,sold,Coffee,,1,0,", 2, "Type", "sold", "this type of row isn't known"),
        ("2026-11-21,sale,,,1,0,", 2, "Name", "", "the name is missing"),
        ("2026-11-31,sale,Coffee,,1,0,", 2, "Date", "2026-11-31", "there is no such date"),
        (",sale,Coffee,,1,0,", 2, "Date", "", "the date is missing"),
        ("2026-11-21,sale,Coffee,,1,0,,surprise", 2, None, None, "has 8 values but the file has 7 columns"),
        ("2026-11-21,sale,Coffee", 2, None, None, "has 3 values but the file has 7 columns"),
    ],
)
def test_each_mistake_names_line_column_and_value(row, line, column, value, words):
    result = read_text(HEADER + row + "\n")
    assert result.days == ()
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("day.csv", line, column, value)
    assert words in problem.problem
    assert problem.what_to_do
    assert str(problem).startswith(f"day.csv, line {line}")


def test_the_full_sentence_of_a_problem():
    (problem,) = read_text(HEADER + "2026-11-21,sale,Coffee,,$8.0O,1.20,\n").problems
    assert str(problem) == (
        "day.csv, line 2, column “Net”: this is not an amount of money (found “$8.0O”). Correct it in the "
        "file (an amount looks like 1234.56 or $1,234.56), save it and import again."
    )


def test_a_missing_column_is_named():
    result = read_text("Date,Type,Name,Net,Tax,Amount\n2026-11-21,sale,Coffee,1,0,\n")
    assert result.problems == ()  # Tax rate is optional
    result = read_export(
        b"Date,Type,Name,Net,Amount\n2026-11-21,sale,Coffee,1,\n", "day.csv", format="generic"
    )
    (problem,) = result.problems
    assert "has no “Tax” column" in str(problem) and problem.line == 1


def test_many_problems_show_the_first_five_and_count_the_rest_and_no_day_comes_back():
    rows = "".join(f"2026-11-21,sale,Coffee,,bad{i},0,\n" for i in range(12))
    result = read_text(HEADER + "2026-11-20,sale,Tea,,1.00,0,\n" + rows)
    assert result.days == ()  # the good row on line 2 is not imported either
    assert [p.line for p in result.problems] == [3, 4, 5, 6, 7]
    assert result.more_problems == 7
