"""`xerohelper import FILE [--format …] [--date YYYY-MM-DD] [--json]`: the stable command line that tests and
support use. Run as a real process, as support would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from xerohelper.cli import main

SAMPLES = Path(__file__).parent / "pos" / "samples"
ITEMS = SAMPLES / "square" / "items-2026-07-18-2026-07-19.csv"
TEMPLATE = Path(__file__).resolve().parents[1] / "xerohelper" / "resources" / "generic-day-template.csv"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "xerohelper", "import", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_json_is_a_list_of_days_in_the_agreed_shape():
    result = run_cli(str(ITEMS), "--json")
    assert result.returncode == 0, result.stderr
    (day,) = json.loads(result.stdout)
    assert set(day) == {"date", "source", "place", "sales", "tenders", "totals"}
    assert (day["date"], day["source"]) == ("2026-07-18", "square-items")
    assert day["place"]  # the shop the export names (a shop with one till has no "location")
    assert day["sales"] == [
        {"category": "Uncategorized", "net": "1027.00", "tax": "79.37", "gross": "1106.37"}
    ]
    assert day["totals"] == {
        "net": "1027.00", "tax": "79.37", "gross": "1106.37", "tendered": "1106.37", "difference": "0.00",
    }  # fmt: skip
    assert sum(Decimal(t["amount"]) for t in day["tenders"]) == Decimal("1106.37")
    assert "end date out" in result.stderr  # notes go to stderr, so stdout stays pure JSON


def test_format_and_date_options(capsys):
    may = str(SAMPLES / "square" / "item_sales_may.csv")
    assert main(["import", may, "--format", "square-items", "--date", "2026-05-23", "--json"]) == 0
    (day,) = json.loads(capsys.readouterr().out)
    assert day["date"] == "2026-05-23" and day["totals"]["gross"] == "571.99"
    assert main(["import", str(TEMPLATE), "--format", "generic", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["totals"]["difference"] == "0.00"


def test_the_wrong_format_chosen_exits_2_naming_the_missing_columns(capsys):
    assert main(["import", str(TEMPLATE), "--format", "shopify-payments"]) == 2
    err = capsys.readouterr().err
    assert "has no “Transaction Date” column" in err
    assert "Nothing from this file was imported." in err


def test_readable_summary_without_json(capsys):
    assert main(["import", str(TEMPLATE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("generic-day-template.csv: day file (xerohelper's generic CSV), 1 day.")
    assert "Saturday 21 November 2026" in out
    assert "Coffee (discount)" in out and "[GST 15%]" in out
    assert "Sales 825.00 (tax 101.09), payments 825.00, difference 0.00" in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this,is,not\na,pos,export\n", "doesn't recognise this file from its first line"),
        (b"", "the file is empty"),
        (
            b"Date,Type,Name,Tax rate,Net,Tax,Amount\n2026-11-21,sale,Coffee,,1O.00,0,\n",
            "line 2, column “Net”",
        ),
    ],
)
def test_unreadable_input_exits_2_with_the_message_on_stderr(tmp_path, content, words):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    result = run_cli(str(bad), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert words in result.stderr and result.stderr.startswith("bad.csv")


def test_a_missing_file_and_a_bad_date_exit_2(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv")]) == 2
    assert "there is no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["import", str(ITEMS), "--date", "18/07/2026"])
    assert stop.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_the_command_module_imports_nothing_heavy():
    probe = (
        "import sys\nimport xerohelper.commands.import_day\n"
        "print(sorted(m for m in sys.modules if m.startswith('xerohelper.') and 'import_day' not in m))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "['xerohelper.commands']"


@pytest.mark.parametrize("kind", ["named pipe", "folder", "device"])
def test_something_that_is_not_a_file_is_refused_at_once(tmp_path, kind):
    if kind == "named pipe":
        target = tmp_path / "till.csv"
        os.mkfifo(target)  # nothing ever writes to it: reading it would wait forever
    elif kind == "folder":
        target = tmp_path / "exports"
        target.mkdir()
    else:
        target = Path("/dev/zero")  # never ends
    result = run_cli(str(target))
    assert result.returncode == 2
    assert target.name in result.stderr
    assert "not a file" in result.stderr or "folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_control_characters_from_a_till_file_never_reach_the_terminal(tmp_path):
    file = tmp_path / "day.csv"
    file.write_text(
        "Date,Type,Name,Tax rate,Net,Tax,Amount\n"
        "2026-11-21,sale,\x1b[2J\x1b]0;owned\x07Coffee,GST 15%,434.78,65.22,\n"
        "2026-11-21,tender,Ca\x08\x08sh\u202e,,,,500.00\n",
        encoding="utf-8",
    )
    for args in ((str(file),), (str(file), "--json")):
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        shown = result.stdout + result.stderr
        assert not [ch for ch in shown if ch not in "\n" and not ch.isprintable()], repr(shown)
        assert "Coffee" in shown and "Cash" in shown
