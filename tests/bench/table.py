"""One line of the benchmark table, and the table itself (see tests/bench/__main__.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure: what it is, the value, the target and whether the value meets it."""

    name: str
    measured: float
    unit: str  # "ms", "MB", "calls", "/s", "×"…
    target: float | None = None  # None: no target (shown for information, or as a baseline)
    at_most: bool = True  # the target is a ceiling (False: a floor)
    digits: int = 0
    baseline: bool = False  # what a ratio next to it is measured against

    def shown(self, value: float) -> str:
        return f"{value:,.{self.digits}f} {self.unit}".strip()

    @property
    def ratio(self) -> float | None:
        if not self.target:  # no target, or a target of 0 (met or not, no ratio)
            return None
        return self.measured / self.target

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "baseline" if self.baseline else "-"
        met = self.measured <= self.target if self.at_most else self.measured >= self.target
        return "ok" if met else "MISSED"

    def row(self) -> tuple[str, str, str, str]:
        target = "" if self.target is None else ("≤ " if self.at_most else "≥ ") + self.shown(self.target)
        ratio = self.ratio
        return (
            self.name,
            self.shown(self.measured),
            target,
            f"{ratio:.2f} {self.verdict}" if ratio is not None else self.verdict,
        )


def table(figures: list[Figure]) -> str:
    rows = [("benchmark", "measured", "target", "ratio, verdict")] + [f.row() for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append(
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
            + " |"
        )
        if number == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


FIGURES = "FIGURES "  # the line a benchmark run with --figures ends with: its figures as JSON


def report(figures: list[Figure]) -> int:
    """End a benchmark's run: its figures as JSON (--figures, for `python -m tests.bench`) or as a table."""
    import json
    import sys
    from dataclasses import asdict

    if "--figures" in sys.argv:
        print(FIGURES + json.dumps([asdict(f) for f in figures]), flush=True)
    else:
        print(table(figures))
    return 0
