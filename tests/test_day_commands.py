"""`xerohelper day run/status` and `xerohelper mapping export/import`, in-process against the sandbox."""

from __future__ import annotations

import json

from tests.services.connected_shop import connected_shop
from xerohelper.cli import main
from xerohelper.core.mapping import Mapping
from xerohelper.services.demo_shop import DEMO_MAPPING, demo_day_file


def test_day_run_then_status(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        file = demo_day_file(shop.today, tmp_path / "till")
        day = shop.today.isoformat()
        code = main(["day", "run", "--date", day, "--from", str(file), "--sandbox", shop.xero.base_url])
        out, err = capsys.readouterr()
        assert code == 1  # a draft waits for the owner's approval
        assert "1. Sales summary: done" in out and "2. Approve drafts: ready" in out
        assert "Sending the sales summary to Xero" in err

        code = main(["day", "run", "--date", day, "--approve", "--json", "--sandbox", shop.xero.base_url])
        report = json.loads(capsys.readouterr().out)
        assert code == 0 and report["finished"] and report["amount_due"] == "0.00"
        assert set(report["steps"][2]["xero"]) == {"Cash", "EFTPOS", "Amex"}

        code = main(["day", "status", "--date", day, "--json", "--sandbox", shop.xero.base_url])
        status = json.loads(capsys.readouterr().out)
        assert code == 0
        assert [s["state"] for s in status["steps"]] == ["done", "done", "done"]
        assert status["steps"][0]["xero"]["invoice_number"] == f"POS-{shop.today:%Y%m%d}"


def test_day_status_shows_the_explanation_of_what_needs_attention(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        shop.control("contacts/archive", {"tenant": shop.tenant_id, "contact": "POS Sales"})
        file = demo_day_file(shop.today, tmp_path / "till")
        code = main(
            [
                "day",
                "run",
                "--date",
                shop.today.isoformat(),
                "--from",
                str(file),
                "--json",
                "--sandbox",
                shop.xero.base_url,
            ]
        )
        report = json.loads(capsys.readouterr().out)
        assert code == 1
        first = report["steps"][0]
        assert first["state"] == "needs attention"
        assert first["explanation"]["action"] == "fix-in-xero"
        assert "/Contacts/" in first["explanation"]["screen"]["path"]


def test_unreadable_day_file_exits_2_and_says_why(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        bad = tmp_path / "bad.csv"
        bad.write_text("this,is,not\na,till,export\n")
        code = main(
            [
                "day",
                "run",
                "--date",
                shop.today.isoformat(),
                "--from",
                str(bad),
                "--sandbox",
                shop.xero.base_url,
            ]
        )
        assert code == 2
        assert "bad.csv" in capsys.readouterr().err


def test_mapping_export_then_import(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        exported = tmp_path / "harbour.json"
        assert main(["mapping", "export", str(exported), "--sandbox", shop.xero.base_url]) == 0
        assert Mapping.from_dict(json.loads(exported.read_text())) == DEMO_MAPPING

        changed = DEMO_MAPPING.with_tender("Gift card", "830")
        exported.write_text(json.dumps(changed.to_dict()))
        assert main(["mapping", "import", str(exported), "--sandbox", shop.xero.base_url]) == 0
        assert main(["mapping", "export", str(tmp_path / "again.json"), "--sandbox", shop.xero.base_url]) == 0
        again = Mapping.from_dict(json.loads((tmp_path / "again.json").read_text()))
        assert again.tenders["Gift card"] == "830"

        (tmp_path / "junk.json").write_text("{not json")
        assert main(["mapping", "import", str(tmp_path / "junk.json"), "--sandbox", shop.xero.base_url]) == 2
        assert "isn't a xerohelper mapping file" in capsys.readouterr().err

        nowhere = str(tmp_path / "gone" / "shop.json")  # a folder that isn't there: words, no traceback
        assert main(["mapping", "export", nowhere, "--sandbox", shop.xero.base_url]) == 1
        err = capsys.readouterr().err
        assert "there is no such folder. Choose another folder." in err and "Errno" not in err


def test_day_commands_need_a_connection_first(capsys):
    assert main(["day", "status", "--date", "2026-11-21"]) == 3
    assert "xerohelper connect" in capsys.readouterr().err


def test_day_status_shows_the_day_from_the_journal_while_xero_wants_a_new_sign_in(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        file = demo_day_file(shop.today, tmp_path / "till")
        day, sandbox = shop.today.isoformat(), shop.xero.base_url
        assert main(["day", "run", "--date", day, "--from", str(file), "--sandbox", sandbox]) == 1
        shop.control("tokens/revoke", {})
        shop.control("tokens/expire", {})
        assert main(["day", "run", "--date", day, "--approve", "--sandbox", sandbox]) == 3
        capsys.readouterr()

        code = main(["day", "status", "--date", day, "--json", "--sandbox", sandbox])
        out, err = capsys.readouterr()
        status = json.loads(out)
        assert code == 1  # not finished: the draft waits, and nothing can go to Xero until you sign in
        assert [s["state"] for s in status["steps"]] == ["done", "ready", "not started"]
        assert status["steps"][0]["xero"]["invoice_number"] == f"POS-{shop.today:%Y%m%d}"
        assert "sign in" in err.lower() and "xerohelper connect" in err

        code = main(["day", "status", "--date", day, "--sandbox", sandbox])
        out, err = capsys.readouterr()
        assert code == 1 and "1. Sales summary: done" in out


def test_a_bad_day_file_is_explained_in_words_not_in_python(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        bad = tmp_path / "takings.csv"
        bad.write_text("Date,Type,Name,Tax rate,Net,Tax,Amount\n2026-11-21,sale,Coffee,GST 15%,abc,1.00,\n")
        code = main(
            ["day", "run", "--date", "2026-11-21", "--from", str(bad), "--sandbox", shop.xero.base_url]
        )
        err = capsys.readouterr().err
        assert code == 2
        assert "takings.csv" in err and "line 2" in err
        assert "bound method" not in err and "<" not in err


def test_a_short_till_stops_day_run_until_the_difference_is_accepted(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        file = demo_day_file(shop.today, tmp_path / "till")
        file.write_text(file.read_text().replace("tender,Cash,,,,412.30", "tender,Cash,,,,407.30"))
        day, sandbox = shop.today.isoformat(), shop.xero.base_url
        shop.reset_call_counts()

        code = main(["day", "run", "--date", day, "--from", str(file), "--approve", "--sandbox", sandbox])
        out = capsys.readouterr().out
        assert code == 1
        assert out.startswith("Harbour Street Hardware — ")
        assert "the till is short" in out and "--accept-difference" in out
        assert not [e for e in shop.calls() if not e.startswith("GET ")]  # nothing written

        code = main(
            ["day", "run", "--date", day, "--approve", "--accept-difference", "--json", "--sandbox", sandbox]
        )
        report = json.loads(capsys.readouterr().out)
        assert code == 0 and report["finished"] and report["amount_due"] == "0.00"
        assert report["organisation"] == "Harbour Street Hardware"
        (invoice,) = shop.invoices_numbered(f"POS-{shop.today:%Y%m%d}")
        assert invoice["status"] == "PAID" and invoice["total"] == "2235.40"


def test_a_mapping_made_for_another_organisation_is_refused_unless_the_owner_says_so(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        exported = tmp_path / "pier.json"
        assert main(["mapping", "export", str(exported), "--sandbox", shop.xero.base_url]) == 0
        data = json.loads(exported.read_text())
        assert data["organisation"] == {"id": shop.tenant_id, "name": "Harbour Street Hardware"}
        data["organisation"] = {"id": shop.xero.tenant("Pier Nine Café"), "name": "Pier Nine Café"}
        data["tenders"]["Cash"] = {"account_code": "999"}
        exported.write_text(json.dumps(data))
        capsys.readouterr()

        assert main(["mapping", "import", str(exported), "--sandbox", shop.xero.base_url]) == 2
        err = capsys.readouterr().err
        assert "made for Pier Nine Café, not for Harbour Street Hardware" in err
        assert "Nothing was changed" in err and "--other-organisation" in err
        main(["mapping", "export", str(tmp_path / "now.json"), "--sandbox", shop.xero.base_url])
        assert json.loads((tmp_path / "now.json").read_text())["tenders"]["Cash"]["account_code"] == "091"

        code = main(
            ["mapping", "import", str(exported), "--other-organisation", "--sandbox", shop.xero.base_url]
        )
        assert code == 0
        main(["mapping", "export", str(tmp_path / "now.json"), "--sandbox", shop.xero.base_url])
        assert json.loads((tmp_path / "now.json").read_text())["tenders"]["Cash"]["account_code"] == "999"


def test_a_till_file_of_a_shop_never_seen_here_asks_before_the_first_send(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        file = tmp_path / "pier-till.csv"
        lines = demo_day_file(shop.today, tmp_path / "till").read_text().splitlines()
        header, rows = lines[0], lines[1:]
        file.write_text("\n".join([header + ",Location", *(row + ",Pier Nine Café" for row in rows)]) + "\n")
        day, sandbox = shop.today.isoformat(), shop.xero.base_url
        shop.reset_call_counts()

        assert main(["day", "run", "--date", day, "--from", str(file), "--sandbox", sandbox]) == 1
        err = capsys.readouterr().err
        assert "“Pier Nine Café”" in err and "never sent to Harbour Street Hardware" in err
        assert "--new-location" in err
        assert shop.calls() == {} or not [e for e in shop.calls() if not e.startswith("GET ")]

        code = main(
            ["day", "run", "--date", day, "--from", str(file), "--new-location", "--sandbox", sandbox]
        )
        out = capsys.readouterr().out
        assert code == 1 and "1. Sales summary: done" in out  # the draft waits for approval

        main(["day", "run", "--date", day, "--from", str(file), "--sandbox", sandbox])
        assert "never sent" not in capsys.readouterr().err  # seen now: not asked again
