"""Peak memory of importing a 24 MB Square Item Detail export (target ≤ 100 MB: the file is streamed).

Run:  .venv/bin/python tests/bench/bench_import_memory.py [MB, default 24]

The export is written row by row from the real sample's rows (tests/pos/samples/square), spread over 30
days, to a temporary folder. A fresh Python process imports it through the import service (reading,
recognising, parsing, adding up, till names) and reports its peak resident memory; a second process that
loads the same modules but imports nothing shows what the interpreter and the app's code take alone.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure  # noqa: E402

SAMPLE = ROOT / "tests" / "pos" / "samples" / "square" / "items-2026-07-18-2026-07-19.csv"
DAYS = 30
CHILD = """
import resource, sys, time
from pathlib import Path
from xerohelper.adapters.pos.source_names_store import SourceNamesStore
from xerohelper.services.import_day import import_day_file
path = Path(sys.argv[1])
began = time.perf_counter()
if path.name != "-":
    outcome = import_day_file(path, names_store=SourceNamesStore(path.with_name("names.json")))
    assert outcome.ok, outcome.message()
    assert len(outcome.days) == int(sys.argv[2]), len(outcome.days)
took = time.perf_counter() - began
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, took)
"""


def write_export(path: Path, megabytes: float) -> int:
    """A Square Item Detail export of about `megabytes`, the real sample's rows repeated over 30 days."""
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header, rows = next(reader), list(reader)
    when = header.index("Date")
    start = date(2026, 6, 1)
    wanted = int(megabytes * 1024 * 1024)
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        while f.tell() < wanted:
            row = list(rows[count % len(rows)])
            row[when] = (start + timedelta(days=count % DAYS)).isoformat()
            writer.writerow(row)
            count += 1
    return count


def _child(path: str, days: int) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, str(days)], env=env, capture_output=True, text=True, check=True
    )
    peak, took = done.stdout.split()
    return float(peak), float(took)


def measure(megabytes: float = 24) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "items-2026-06-01-2026-07-01.csv"
        began = time.perf_counter()
        rows = write_export(path, megabytes)
        size = path.stat().st_size / 1024 / 1024
        print(f"  wrote a {size:.1f} MB Square export ({rows:,} rows) in {time.perf_counter() - began:.1f} s")
        alone, _ = _child("-", 0)
        peak, took = _child(str(path), DAYS)
    return [
        Figure("import 24 MB Square export: peak memory", peak, "MB", 100),
        Figure("  the same process importing nothing", alone, "MB", baseline=True),
        Figure("import 24 MB Square export: time", took * 1000, "ms"),
    ]


def main() -> int:
    from tests.bench.table import report

    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    return report(measure(float(numbers[0]) if numbers else 24))


if __name__ == "__main__":
    sys.exit(main())
