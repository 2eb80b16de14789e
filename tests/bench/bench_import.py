"""How long importing a 10,000-row till export takes (target: well under a second).

Run:  .venv/bin/python tests/bench/bench_import.py

The exports are built from the real samples' rows (tests/pos/samples): a Square Item Detail export and a
Shopify Payments export of 10,000 rows each, spread over 30 days, written to a temporary folder and
imported through the import service (reading, recognising, parsing, adding up, till names). The figure
is the best of several runs, as timeit gives (target: under a second); the median is printed too (other
programs on the computer move it more than the code does).
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure, report  # noqa: E402
from xerohelper.adapters.pos.source_names_store import SourceNamesStore  # noqa: E402
from xerohelper.services.import_day import import_day_file  # noqa: E402

SAMPLES = ROOT / "tests" / "pos" / "samples"
ROWS = 10_000
RUNS = 7


def spread(source: Path, date_column: str, rows: int, fmt) -> str:
    """`rows` rows taken round-robin from a real export, each moved to one of 30 days."""
    with open(source, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, real = reader.fieldnames, list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    start = date(2026, 6, 1)
    for i in range(rows):
        row = dict(real[i % len(real)])
        row[date_column] = fmt(start + timedelta(days=i % 30), row[date_column])
        writer.writerow(row)
    return out.getvalue()


def time_import(path: Path, store: SourceNamesStore) -> tuple[float, float, int]:
    times = []
    days = 0
    for _ in range(RUNS):
        began = time.perf_counter()
        outcome = import_day_file(path, names_store=store)
        times.append(time.perf_counter() - began)
        assert outcome.ok, outcome.message()
        days = len(outcome.days)
    return min(times), statistics.median(times), days


def measure() -> list[Figure]:
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        store = SourceNamesStore(folder_path / "pos_sources.json")
        exports = {
            "square-items": (
                folder_path / "items-2026-06-01-2026-07-01.csv",
                spread(SAMPLES / "square" / "items-2026-07-18-2026-07-19.csv", "Date", ROWS,
                       lambda d, _: d.isoformat()),
            ),
            "shopify-payments": (
                folder_path / "payment_transactions_export.csv",
                spread(SAMPLES / "shopify" / "payment_transactions_export_1.csv", "Transaction Date", ROWS,
                       lambda d, old: d.isoformat() + old[10:]),
            ),
        }  # fmt: skip
        print(f"  importing {ROWS:,}-row exports ({RUNS} runs each, Python {sys.version.split()[0]}):")
        for name, (path, text) in exports.items():
            path.write_text(text, encoding="utf-8")
            best, median, days = time_import(path, store)
            size = path.stat().st_size / 1024
            figures.append(Figure(f"import 10,000-row {name} export (best)", best * 1000, "ms", 1000))
            print(
                f"    {name:<17} {size:7.0f} KiB  {days} days  "
                f"best {best * 1000:6.0f} ms  median {median * 1000:6.0f} ms"
            )
    return figures


def main() -> int:
    return report(measure())


if __name__ == "__main__":
    sys.exit(main())
