"""The same export in every encoding and layout a till or a spreadsheet produces imports to the same days."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from xerohelper.adapters.pos.read_export import read_export

SAMPLES = Path(__file__).parent / "samples"
TEMPLATE = Path(__file__).resolve().parents[2] / "xerohelper" / "resources" / "generic-day-template.csv"
ITEMS = SAMPLES / "square" / "item_sales_may.csv"  # has a U+2019 in a device name: “Staff’s iPhone (3)”


def as_json(result):
    assert result.problems == (), [str(p) for p in result.problems]
    return [day.to_json_dict() for day in result.days]


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="CRLF"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"), id="BOM + CRLF"),
        pytest.param(lambda t: t.replace("\n", "\r").encode("utf-8"), id="old Mac CR"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le without BOM"),
        pytest.param(lambda t: t.encode("utf-16-be"), id="utf-16-be without BOM"),
        pytest.param(lambda t: t.replace(",", "\t").encode("utf-16"), id="utf-16 tab-separated (Square UK)"),
        pytest.param(lambda t: t.encode("cp1252"), id="Windows-1252"),
    ],
)
def test_square_items_in_every_encoding(encode):
    text = ITEMS.read_text(encoding="utf-8")
    expected = as_json(read_export(ITEMS.read_bytes(), ITEMS.name))
    assert "Staff’s iPhone (3)" in text
    assert as_json(read_export(encode(text), ITEMS.name)) == expected


def test_tab_separated_utf16_reads_values_with_commas_intact():
    # Square's quoted "12oz, Whole Milk" modifier lists contain commas; in a TSV they are plain text
    header = "Date\tTime\tTime Zone\tCategory\tItem\tQty\tModifiers Applied\tNet Sales\tTax\tTransaction ID\n"
    row = "2026-07-18\t12:59:30\tLondon\tCoffee\tLatte\t1.0\t12oz, Whole Milk\t£3.20\t£0.64\tabc\n"
    result = read_export((header + row).encode("utf-16"), "items-2026-07-18-2026-07-19.csv")
    (day,) = as_json(result)
    assert day["sales"] == [{"category": "Coffee", "net": "3.20", "tax": "0.64", "gross": "3.84"}]


def test_windows_1252_gets_a_note_and_keeps_its_accents():
    text = TEMPLATE.read_text(encoding="utf-8").replace("Coffee", "Café")
    result = read_export(text.encode("cp1252"), "day.csv")
    assert as_json(result)[0]["sales"][0]["category"] == "Café"
    assert any("isn't in UTF-8" in note for note in result.notes)
    assert read_export(text.encode("utf-8"), "day.csv").notes == ()


def test_semicolons_and_decimal_commas_from_a_european_spreadsheet():
    text = TEMPLATE.read_text(encoding="utf-8")
    european = (
        "\n".join(";".join(cell.replace(".", ",") for cell in line.split(",")) for line in text.splitlines())
        + "\n"
    )
    assert "434,78" in european
    assert as_json(read_export(european.encode(), "day.csv")) == as_json(
        read_export(text.encode(), "day.csv")
    )


def test_title_lines_before_the_header_and_extra_columns_anywhere():
    text = TEMPLATE.read_text(encoding="utf-8")
    lines = text.splitlines()
    moved = ["Till takings export", "Printed 21/11/2026", ""] + [
        ",".join([cells[6], "extra", *cells[:6]]) for cells in (line.split(",") for line in lines)
    ]
    expected = as_json(read_export(text.encode(), "day.csv"))
    result = read_export(("\n".join(moved) + "\n").encode(), "day.csv")
    assert as_json(result) == expected


def test_line_numbers_count_quoted_values_that_span_lines():
    text = (
        "Date,Type,Name,Tax rate,Net,Tax,Amount,Location\n"
        '2026-11-21,sale,Coffee,,10.00,1.50,,"Main\nStreet"\n'
        "2026-11-21,tender,Cash,,,,oops,\n"
    )
    (problem,) = read_export(text.encode(), "day.csv").problems
    assert problem.line == 4
    assert problem.column == "Amount" and problem.value == "oops"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"\n\n  \r\n", "the file is empty"),
        (codecs.BOM_UTF8, "the file is empty"),
        (b"\x81\x8d\x8f\x90\x9d" * 20, "isn't text xerohelper can read"),
        (b"PK\x03\x04junk", "compressed (.zip) file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old-style Excel workbook"),
        (b"%PDF-1.7\n", "this is a PDF"),
        (b"this,is,not\na,pos,export\n", "doesn't recognise this file"),
    ],
)
def test_files_that_are_not_exports(data, words):
    result = read_export(data, "takings.csv")
    (problem,) = result.problems
    assert words in str(problem)
    assert str(problem).startswith("takings.csv")
    assert result.days == ()


def _zip(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in files.items():
            book.writestr(name, content)
    return out.getvalue()


def test_a_spreadsheet_and_a_zip_are_told_apart():
    workbook = _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"<t>Takings</t>"})
    (problem,) = read_export(workbook, "takings.xlsx").problems
    assert str(problem) == (
        "takings.xlsx: this is an Excel workbook (.xlsx), not a CSV file. Open it in your spreadsheet "
        "program and choose File › Save As › “CSV UTF-8 (Comma delimited)”, then import the CSV file."
    )
    damaged = workbook[:40] + b"\x00" * 30 + workbook[70:]
    assert "Excel workbook" in str(read_export(damaged, "takings.xlsx").problems[0])
    archive = _zip({"takings.csv": TEMPLATE.read_bytes()})
    assert "Unzip it and import the CSV file inside." in str(read_export(archive, "takings.zip").problems[0])
