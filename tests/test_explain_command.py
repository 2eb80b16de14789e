"""`xerohelper explain`: the stable command line support staff and tests use."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from xerohelper.cli import main

BODIES = Path(__file__).parent / "core" / "explain" / "xero_error_bodies"
CONTRACT_KEYS = {"title", "explanation", "steps", "action", "screen", "xero_messages"}
ACTIONS = {"fix-in-xero", "fix-in-app", "reconnect", "retry-later", "contact-support"}


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "xerohelper", "explain", *args],
        input=data,
        capture_output=True,
        timeout=60,
        env=env,
    )


def in_process(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(out: str) -> dict:
    data = json.loads(out)
    assert isinstance(data, dict) and set(data) == CONTRACT_KEYS
    assert data["action"] in ACTIONS
    return data


def test_the_contract_example_as_a_separate_process(tmp_path):
    body = {
        "ErrorNumber": 10,
        "Type": "ValidationException",
        "Message": "A validation exception occurred",
        "Elements": [
            {"InvoiceNumber": "POS-20260101", "ValidationErrors": [{"Message": "Invoice # must be unique."}]}
        ],
    }
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run("--status", "400", "--body", str(path), "--short-code", "!abc12", "--json")
    assert result.returncode == 0, result.stderr
    out = as_json(result.stdout.decode("utf-8"))
    assert out["action"] == "fix-in-xero"
    assert out["title"] == "Invoice number POS-20260101 is already used in Xero"
    assert out["xero_messages"] == ["Invoice # must be unique."]
    screen = out["screen"]
    assert (screen["name"], screen["menu"], screen["path"]) == (
        "Invoices",
        "Sales > Invoices",
        "/AccountsReceivable/Search.aspx",
    )
    query = parse_qs(urlsplit(screen["url"]).query, strict_parsing=True)
    assert query == {"shortcode": ["!abc12"], "redirecturl": ["/AccountsReceivable/Search.aspx"]}


def test_json_describes_the_problem_to_fix_first(capsys, tmp_path):
    path = tmp_path / "several.json"
    body = {
        "Elements": [
            {
                "ValidationErrors": [
                    {"Message": "Payment amount exceeds the amount outstanding on this document"}
                ]
            },
            {"ValidationErrors": [{"Message": "Account code '4100' is not a valid code for this document."}]},
        ]
    }
    path.write_text(json.dumps(body), encoding="utf-8")
    code, out, _ = in_process(capsys, "--status", "400", "--body", str(path), "--json")
    assert code == 0
    data = as_json(out)
    assert data["title"] == "Account 4100 can't be used on a sales invoice"
    assert data["xero_messages"] == ["Account code '4100' is not a valid code for this document."]
    assert data["screen"]["path"] == "/GeneralLedger/ChartOfAccounts.aspx"


def test_human_text_lists_the_rest_after_the_first(capsys, tmp_path):
    path = tmp_path / "several.txt"
    path.write_text(
        "#1: Payments can only be made against Authorised documents. "
        "#2: Payment amount exceeds the amount outstanding on this document.",
        encoding="utf-8",
    )
    code, out, err = in_process(capsys, "--status", "400", "--body", str(path), "--short-code", "!abc12")
    assert code == 0 and err == ""
    assert out.startswith("The day's invoice isn't approved yet, so payments can't go on it\n")
    assert "How to fix it:\n  1. In Xero, go to Sales > Invoices and open the Draft tab" in out
    assert "Open in Xero: Draft invoices (Sales > Invoices > Draft)" in out
    assert (
        "After that, Xero also mentioned:\n  2. A payment is more than what's still owed on the invoice"
        in out
    )


def test_body_from_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"NZCountry unknown\n")))
    code, out, _ = in_process(capsys, "--status", "400", "--body", "-", "--json")
    assert code == 0
    data = as_json(out)
    assert data["action"] == "contact-support" and data["screen"] is None
    assert data["xero_messages"] == ["NZCountry unknown"]


def test_headers_give_the_rate_limit_and_the_wait(capsys):
    code, out, _ = in_process(
        capsys,
        "--status",
        "429",
        "--header",
        "Retry-After: 40",
        "--header",
        "x-rate-limit-problem:minute",
        "--json",
    )
    assert code == 0
    data = as_json(out)
    assert data["action"] == "retry-later"
    assert "in about 40 seconds" in data["title"]
    assert data["xero_messages"] == ["X-Rate-Limit-Problem: minute"]


@pytest.mark.parametrize(
    ("status", "name", "action"),
    [
        (401, "12", "reconnect"),
        (403, "11", "reconnect"),
        (401, "09", "retry-later"),
        (200, "01", "fix-in-xero"),
    ],
)
def test_real_bodies(capsys, status, name, action):
    code, out, _ = in_process(
        capsys, "--status", str(status), "--body", str(BODIES / f"{name}.json"), "--json"
    )
    assert code == 0
    assert as_json(out)["action"] == action


def test_status_alone_is_enough(capsys):
    code, out, _ = in_process(capsys, "--status", "503", "--json")
    assert code == 0
    data = as_json(out)
    assert data["action"] == "retry-later" and data["xero_messages"] == []


def test_an_unknown_message_is_explained_honestly(capsys, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Something Xero never said before.", encoding="utf-8")
    code, out, _ = in_process(capsys, "--status", "400", "--body", str(path), "--json")
    data = as_json(out)
    assert code == 0 and data["action"] == "contact-support"
    assert data["xero_messages"] == ["Something Xero never said before."]


def test_links_without_a_short_code_are_plain_xero_pages(capsys):
    code, out, _ = in_process(capsys, "--status", "403", "--json")
    data = as_json(out)
    assert code == 0
    assert data["screen"]["url"] == "https://go.xero.com/Settings/ConnectedApps"


# ---- input it can't read: exit 2 with a clear message ------------------------------------------------------


def test_a_missing_body_file_exits_2(capsys, tmp_path):
    code, out, err = in_process(capsys, "--status", "400", "--body", str(tmp_path / "nope.json"), "--json")
    assert code == 2 and out == ""
    assert "no such file" in err and "nope.json" in err


def test_a_folder_as_body_exits_2(capsys, tmp_path):
    code, _, err = in_process(capsys, "--status", "400", "--body", str(tmp_path))
    assert code == 2 and "folder" in err


def test_a_binary_body_exits_2(capsys, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    code, _, err = in_process(capsys, "--status", "400", "--body", str(path))
    assert code == 2 and "not text" in err


@pytest.mark.parametrize("header", ["Retry-After 40", ": 40", "Retry After: 40"])
def test_a_malformed_header_exits_2(capsys, header):
    code, _, err = in_process(capsys, "--status", "429", "--header", header)
    assert code == 2 and "'Name: value'" in err


@pytest.mark.parametrize("status", ["99", "600"])
def test_a_status_out_of_range_exits_2(capsys, status):
    code, _, err = in_process(capsys, "--status", status)
    assert code == 2 and "not an HTTP status" in err


def test_a_status_that_is_not_a_number_exits_2():
    result = run("--status", "bad")
    assert result.returncode == 2
    assert b"--status" in result.stderr


def test_the_status_is_required():
    result = run("--json")
    assert result.returncode == 2
    assert b"--status" in result.stderr


def test_utf8_output_with_curly_quotes_survives_an_ascii_terminal(tmp_path):
    path = tmp_path / "body.txt"
    path.write_text("The contact name Café Olé is already assigned to another contact.", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii", QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-m", "xerohelper", "explain", "--status", "400", "--body", str(path)]
    for extra in ([], ["--json"]):
        result = subprocess.run([*args, *extra], capture_output=True, timeout=60, env=env)
        assert result.returncode == 0, result.stderr
        if extra:
            assert json.loads(result.stdout)["title"] == "A contact called “Café Olé” already exists in Xero"


def test_help_and_the_command_load_neither_qt_nor_the_sdk_for_help():
    probe = (
        "import sys\nfrom xerohelper.cli import main\n"
        "try:\n    main(['explain', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'xero_python', 'keyring')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith("[]")
    assert "--short-code" in result.stdout
