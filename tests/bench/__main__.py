"""Every benchmark, one after the other, then one table of their figures (not part of the test run).

Run:  ./dev.sh bench      or      .venv/bin/python -m tests.bench [NAME…]

Each benchmark runs in its own process (tests/bench/bench_NAME.py --figures), so one's threads, Qt
application and memory don't weigh on the next; what each prints about itself is shown as it runs. NAME
picks some of them (e.g. `startup gui`). Every ratio is measured in the same run: the start-up against a
bare PySide6 window started the same way just before, the others against their targets. The exit status
is 1 when a figure misses its target.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.table import FIGURES, Figure, table

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ("startup", "gui", "import_memory", "import", "day", "backfill", "tills", "plan_cap", "sandbox")


def run(name: str) -> list[Figure]:
    print(f"== {name}", flush=True)
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "bench" / f"bench_{name}.py"), "--figures"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    figures: list[Figure] = []
    for line in process.stdout:
        if line.startswith(FIGURES):
            figures = [Figure(**f) for f in json.loads(line[len(FIGURES) :])]
        else:
            print(line, end="", flush=True)
    if process.wait() != 0 or not figures:
        figures.append(Figure(f"{name}: the benchmark failed (exit {process.returncode})", 1, "", 0))
    print(f"   ({time.perf_counter() - began:.0f} s)", flush=True)
    return figures


def main() -> int:
    chosen = [a for a in sys.argv[1:] if not a.startswith("-")] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"No such benchmark: {', '.join(unknown)}. Known: {', '.join(BENCHMARKS)}.", file=sys.stderr)
        return 2
    figures = [figure for name in chosen for figure in run(name)]
    cores = len(os.sched_getaffinity(0))
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"\nPython {platform.python_version()}, {platform.machine()}, {cores} CPU core(s) for this process, "
        f"load average {load} (other programs' work: wall-clock figures wander with it)"
    )
    print(table(figures))
    return 1 if any(f.verdict == "MISSED" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
