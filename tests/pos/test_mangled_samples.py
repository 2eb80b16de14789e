"""Property: whatever happens to a real export on its way to xerohelper (lines cut or split, columns swapped,
junk bytes, the wrong encoding, absurd numbers), importing it never crashes. It gives either valid days or
problems that each name the file and say what to do, and never both."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xerohelper.adapters.pos.formats import FORMAT_NAMES
from xerohelper.adapters.pos.read_export import read_export

SAMPLES = Path(__file__).parent / "samples"
SOURCES = [
    SAMPLES / "square" / "items-2026-07-18-2026-07-19.csv",
    SAMPLES / "square" / "item_sales_may.csv",
    SAMPLES / "square" / "square_example.csv",
    SAMPLES / "square" / "square-engineer_transactions_rows_2017_EXTRACTED.csv",
    SAMPLES / "square" / "square-engineer_items_rows_2017_EXTRACTED.csv",
    SAMPLES / "loyverse" / "receipts_slice_TangerineCafe_2026-07_EXTRACTED.csv",
    SAMPLES / "loyverse" / "receipts_and_receipts-by-item_Route98_2026-10_EXTRACTED.txt",
    SAMPLES / "shopify" / "transactions_export_1.csv",
    Path(__file__).resolve().parents[2] / "xerohelper" / "resources" / "generic-day-template.csv",
]
SHOPIFY_PAYMENTS = SAMPLES / "shopify" / "payment_transactions_export_1.csv"
MONEY = re.compile(r"^-?\d+\.\d{2}$")
_NUMBER = re.compile(rb"\d+\.\d\d")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


@st.composite
def mangled_export(draw):
    if draw(st.integers(0, 9)) == 0:  # the big Shopify file, cut down to a random first part (keeps it quick)
        data = b"".join(_lines(SHOPIFY_PAYMENTS.read_bytes())[: draw(st.integers(1, 120))])
        name = SHOPIFY_PAYMENTS.name
    else:
        source = draw(st.sampled_from(SOURCES))
        data, name = source.read_bytes(), source.name
    for change in draw(st.lists(st.sampled_from(CHANGES), min_size=1, max_size=3)):
        data = change(draw, data)
    chosen = draw(st.sampled_from(["auto", "auto", "auto", *FORMAT_NAMES]))  # as if the owner picked a format
    return name, data, chosen


def cut(draw, data):
    return data[: len(data) - draw(st.integers(0, len(data)))]  # small cuts (at the end) are tried first


def drop_line(draw, data):
    lines = _lines(data)
    if lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    return b"".join(lines)


def split_line(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from([b"\n", b"\r\n", b"\r", b'"\n', b","])) + data[at:]


def duplicate_line(draw, data):
    lines = _lines(data)
    if lines:
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, lines[at])
    return b"".join(lines)


def swap_columns(draw, data):
    lines = _lines(data)
    if not lines:
        return data
    width = lines[0].count(b",") + 1
    a, b = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
    everywhere = draw(st.booleans())  # swapped in every line, or only the names in the header
    out = []
    for index, line in enumerate(lines):
        if index == 0 or everywhere:
            cells = line.rstrip(b"\r\n").split(b",")
            if max(a, b) < len(cells):
                cells[a], cells[b] = cells[b], cells[a]
            line = b",".join(cells) + line[len(line.rstrip(b"\r\n")) :]
        out.append(line)
    return b"".join(out)


def junk_bytes(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=12)) + data[at:]


def wrong_encoding(draw, data):
    text = data.decode("utf-8", "replace")
    encoding = draw(
        st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-32", "cp437"])
    )
    encoded = text.encode(encoding, "replace")
    if draw(st.booleans()):  # read back as if it were another encoding
        encoded = encoded.decode("latin-1").encode("utf-8")
    return encoded


def huge_number(draw, data):
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return data
    match = draw(st.sampled_from(numbers))
    replacement = draw(
        st.sampled_from(
            [b"9" * 40 + b".99", b"1e309", b"99999999999.99", b"-0.00", b"1,00,000.00", b"nan", b"\xff"]
        )
    )
    return data[: match.start()] + replacement + data[match.end() :]


CHANGES = [cut, drop_line, split_line, duplicate_line, swap_columns, junk_bytes, wrong_encoding, huge_number]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_export())
def test_a_mangled_export_gives_valid_days_or_clear_problems(export):
    name, data, chosen = export
    result = read_export(data, name, format=chosen)
    if result.problems:
        assert result.days == ()
        for problem in result.problems:
            sentence = str(problem)
            assert sentence.startswith(name)
            assert problem.problem.strip() and problem.what_to_do.strip()
            assert problem.line is None or problem.line >= 1
        assert result.more_problems >= 0
        return
    assert result.days
    for day in result.days:
        shown = json.loads(json.dumps(day.to_json_dict()))
        totals = {k: Decimal(v) for k, v in shown["totals"].items()}
        assert all(MONEY.match(v) for v in shown["totals"].values())
        assert totals["gross"] == totals["net"] + totals["tax"]
        assert totals["difference"] == totals["gross"] - totals["tendered"]
        for line in shown["sales"]:
            assert line["category"].strip() and MONEY.match(line["net"]) and MONEY.match(line["tax"])
        for tender in shown["tenders"]:
            assert tender["name"].strip() and MONEY.match(tender["amount"])
        assert not day.problems()
