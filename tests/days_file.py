"""A till export holding several days of the demo till (the generic day file), for the multi-day tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from xerohelper.services.demo_shop import DAY_FILE

_FILE_DATE = "2026-11-21"


def days_file(path: Path, dates: Sequence[date], cash_extra: dict[date, str] | None = None) -> Path:
    """The demo day once per date in one file; `cash_extra` replaces a day's cash (412.30) with another
    amount, and its Paint sales to match — other figures for that day."""
    header, *rows = DAY_FILE.read_text(encoding="utf-8").splitlines()
    lines = [header]
    for d in dates:
        for row in rows:
            row = row.replace(_FILE_DATE, d.isoformat())
            if cash_extra and d in cash_extra:
                row = row.replace("412.30", cash_extra[d]).replace("388.18,38.82", _paint(cash_extra[d]))
            lines.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _paint(cash: str) -> str:
    """Paint's net and tax when the day's cash is `cash` instead of 412.30 (GST 10%: gross moves as much)."""
    from decimal import Decimal

    gross = Decimal("427.00") + Decimal(cash) - Decimal("412.30")
    net = (gross / Decimal("1.1")).quantize(Decimal("0.01"))
    return f"{net},{gross - net}"
