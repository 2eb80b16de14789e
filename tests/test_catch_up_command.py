"""`xerohelper import --save`, `catch-up` and `day resend`, in-process against the sandbox."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.days_file import days_file
from tests.services.connected_shop import connected_shop
from xerohelper.cli import main


def _live_invoices(shop) -> list[dict]:
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    return [i for i in ledger["invoices"].values() if i["status"] not in ("DELETED", "VOIDED")]


def test_five_day_file_saved_then_catch_up_lists_first_and_sends_with_yes(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        dates = [shop.today - timedelta(days=n) for n in (30, 29, 28, 27, 26)]
        file = days_file(tmp_path / "week.csv", dates)
        url = shop.xero.base_url
        before = len(_live_invoices(shop))

        assert main(["import", str(file), "--save", "--sandbox", url]) == 0
        out = capsys.readouterr().out
        assert out.count(": kept") == 5

        assert main(["catch-up", "--sandbox", url]) == 1  # listed, not sent
        out = capsys.readouterr().out
        assert "5 days to send to Xero" in out and "Nothing was sent" in out
        assert [d.isoformat() in out for d in dates] == [True] * 5
        assert len(_live_invoices(shop)) == before

        assert main(["catch-up", "--since", dates[2].isoformat(), "--sandbox", url]) == 1
        assert "3 days to send" in capsys.readouterr().out

        code = main(["catch-up", "--yes", "--json", "--sandbox", url])
        report = json.loads(capsys.readouterr().out)
        assert code == 0  # in Xero: the demo shop sends drafts, for the owner to approve there
        assert [d["date"] for d in report["days"]] == [d.isoformat() for d in dates]
        assert {d["outcome"] for d in report["days"]} == {"sent as a draft"}
        assert report["all_in_xero"] is True
        assert len(_live_invoices(shop)) == before + 5

        assert main(["catch-up", "--yes", "--sandbox", url]) == 0  # nothing left to send: nothing sent twice
        assert "No kept day is waiting" in capsys.readouterr().out
        assert len(_live_invoices(shop)) == before + 5


def test_a_refused_day_is_never_reported_as_in_xero(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        dates = [shop.today - timedelta(days=n) for n in (33, 32)]
        url = shop.xero.base_url
        assert main(["import", str(days_file(tmp_path / "two.csv", dates)), "--save", "--sandbox", url]) == 0
        shop.control("contacts/archive", {"tenant": shop.tenant_id, "contact": "POS Sales"})
        capsys.readouterr()
        code = main(["catch-up", "--yes", "--json", "--sandbox", url])
        report = json.loads(capsys.readouterr().out)
        assert code == 1 and report["all_in_xero"] is False
        assert report["days"][0]["outcome"].startswith("needs attention")


def test_day_run_on_different_figures_points_to_day_resend_which_replaces_the_day(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        day = shop.today - timedelta(days=40)
        url = shop.xero.base_url
        first = days_file(tmp_path / "first.csv", [day])
        assert main(["day", "run", "--date", day.isoformat(), "--from", str(first), "--sandbox", url]) == 1
        capsys.readouterr()

        corrected = days_file(tmp_path / "corrected.csv", [day], cash_extra={day: "422.30"})
        code = main(["day", "run", "--date", day.isoformat(), "--from", str(corrected), "--sandbox", url])
        out, err = capsys.readouterr()
        assert code == 1
        assert "differ from what Xero holds" in err and "xerohelper day resend --date" in err
        assert "done" not in out
        assert (
            len([i for i in _live_invoices(shop) if i["invoice_number"].startswith(f"POS-{day:%Y%m%d}")]) == 1
        )

        assert main(["import", str(corrected), "--save", "--sandbox", url]) == 0
        assert "different in Xero" in capsys.readouterr().out

        code = main(["day", "resend", "--date", day.isoformat(), "--from", str(corrected), "--sandbox", url])
        out = capsys.readouterr().out
        assert code == 1 and "Run again with --yes" in out and ("Void" in out or "Delete" in out)
        code = main(
            ["day", "resend", "--date", day.isoformat(), "--from", str(corrected), "--yes", "--sandbox", url]
        )
        capsys.readouterr()
        numbers = [
            i["invoice_number"] for i in _live_invoices(shop) if f"{day:%Y%m%d}" in i["invoice_number"]
        ]
        assert numbers == [f"POS-{day:%Y%m%d}-2"]

        assert main(["import", str(corrected), "--save", "--sandbox", url]) == 0
        assert "already in Xero" in capsys.readouterr().out


def test_catch_up_prints_the_wait_xero_asks_for(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        url = shop.xero.base_url
        file = days_file(tmp_path / "one.csv", [shop.today - timedelta(days=30)])
        assert main(["import", str(file), "--save", "--sandbox", url]) == 0
        shop.control("faults", {"kind": "429", "count": 1, "retry_after": 1, "path_contains": "Invoices"})
        capsys.readouterr()
        assert main(["catch-up", "--yes", "--sandbox", url]) == 0
        out, err = capsys.readouterr()
        assert "Xero asked xerohelper to slow down (minute limit): carrying on in 1 second." in err
        assert "That day is in Xero." in out


def test_import_save_asks_before_keeping_a_shop_or_till_never_seen(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        url = shop.xero.base_url
        day = (shop.today - timedelta(days=30)).isoformat()
        file = tmp_path / "other-shop.csv"
        file.write_text(
            "Date,Type,Name,Tax rate,Net,Tax,Amount,Location\n"
            f"{day},sale,Paint,GST 10%,100.00,10.00,,Queen Street\n"
            f"{day},tender,Cash,,,,110.00,Queen Street\n",
            encoding="utf-8",
        )
        assert main(["import", str(file), "--save", "--sandbox", url]) == 1
        assert "Nothing was kept" in capsys.readouterr().err
        assert main(["catch-up", "--sandbox", url]) == 0  # nothing kept: nothing to send
        capsys.readouterr()
        assert main(["import", str(file), "--save", "--new-location", "--sandbox", url]) == 0
        assert f"{day} — Queen Street: kept" in capsys.readouterr().out


def test_catch_up_of_two_tills_names_each_till_and_one_tills_refusal_leaves_the_other(tmp_path, capsys):
    from dataclasses import replace

    from xerohelper.core.mapping import Tracking
    from xerohelper.services.demo_shop import DEMO_MAPPING
    from xerohelper.services.shop_mapping import save_mapping

    with connected_shop(tmp_path) as shop:
        url = shop.xero.base_url
        tracking = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
        save_mapping(
            shop.connection.folders.settings, shop.tenant_id, replace(DEMO_MAPPING, tracking=tracking)
        )
        dates = [shop.today - timedelta(days=n) for n in (30, 29)]
        header, *rows = days_file(tmp_path / "days.csv", dates).read_text(encoding="utf-8").splitlines()
        file = tmp_path / "two-tills.csv"
        tills = [f"{row},{till}" for till in ("Front", "Back") for row in rows]
        file.write_text("\n".join([header + ",Location", *tills]) + "\n", encoding="utf-8")
        assert main(["import", str(file), "--save", "--new-location", "--sandbox", url]) == 0
        shop.control("tracking/archive", {"tenant": shop.tenant_id, "category": "Till", "option": "Till 2"})
        capsys.readouterr()

        code = main(["catch-up", "--yes", "--json", "--sandbox", url])
        report = json.loads(capsys.readouterr().out)
        assert code == 1 and report["all_in_xero"] is False
        assert [(d["till"], d["location"], d["date"]) for d in report["days"]] == [
            *(("Back", "Back", d.isoformat()) for d in dates),
            *(("Front", "Front", d.isoformat()) for d in dates),
        ]
        outcomes = [d["outcome"] for d in report["days"]]
        assert outcomes[0].startswith("needs attention: The tracking option “Till 2” was archived in Xero")
        assert outcomes[1:] == ["not sent", "sent as a draft", "sent as a draft"]
        numbers = {i["invoice_number"] for i in _live_invoices(shop)}
        assert {f"POS-{d:%Y%m%d}-FRONT" for d in dates} <= numbers
        assert not any(n.endswith("-BACK") for n in numbers)

        shop.control("tracking/restore", {"tenant": shop.tenant_id, "category": "Till", "option": "Till 2"})
        assert main(["catch-up", "--yes", "--sandbox", url]) == 0
        out, err = capsys.readouterr()
        assert "Back (1 of 1 tills)" not in err and "All 2 days are in Xero." in out
        assert f"{dates[0].isoformat()} — Back" in out
        numbers = [i["invoice_number"] for i in _live_invoices(shop)]
        assert sorted(n for n in numbers if n.endswith(("-BACK", "-FRONT"))) == sorted(
            f"POS-{d:%Y%m%d}-{t}" for d in dates for t in ("BACK", "FRONT")
        )


def test_the_resend_command_it_suggests_for_a_till_can_be_pasted_as_it_is(capsys):
    """A till name with a space or an apostrophe is quoted for the shell: the command runs as printed."""
    import shlex
    from argparse import Namespace
    from datetime import date
    from decimal import Decimal

    from xerohelper.commands.catch_up import _show
    from xerohelper.core.catch_up import InXero, KeptDay

    day = date(2026, 11, 21)
    different = [KeptDay(day, till, Decimal("10.00"), InXero.DIFFERENT) for till in ("Jo's kiosk", "Front")]
    _show([], different, Namespace(json=False, organisation=""), sending=False)
    lines = [line for line in capsys.readouterr().out.splitlines() if "differs from what Xero holds" in line]
    for line, till in zip(lines, ("Jo's kiosk", "Front"), strict=True):
        command = line.split("run: ", 1)[1]
        assert shlex.split(command) == [
            *("xerohelper", "day", "resend", "--date", "2026-11-21"),
            *("--location", till, "--from", "FILE"),
        ]
