"""A damaged, empty or unopenable journal is set aside and rebuilt from Xero, through the real command line:
a day posted through the real SDK to the sandbox is known again afterwards, the owner is told in words,
and running the day again sends nothing twice (the sandbox's own invoices and payments are counted)."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.services.connected_shop import connected_shop
from xerohelper.adapters import damaged_files
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.journal import JOURNAL_FILE_NAME, Journal
from xerohelper.cli import main
from xerohelper.core.dates import long_date
from xerohelper.core.day import Tender
from xerohelper.core.sales_invoice import plan_sales_invoice
from xerohelper.services.demo_shop import demo_day_file
from xerohelper.services.journal_rebuild import open_journal, since_for

JOURNAL_WORDS = "xerohelper's record of the days it sent to Xero"


@pytest.fixture(autouse=True)
def no_notice_left_behind():
    """Notices said outside a command (the service tests) are not left for a later test's window."""
    yield
    damaged_files.take()


def _random_bytes(path):
    path.write_bytes(os.urandom(20_000))


def _truncated(path):
    with open(path, "r+b") as file:
        file.truncate(os.path.getsize(path) // 2 + 100)


def _empty_file(path):
    path.write_bytes(b"")


def _empty_database(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (words TEXT)")
    db.close()


def _missing_tables(path):
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE invoices")
        db.execute("DROP TABLE payments")
    db.close()


def _folder_in_place(path):
    path.mkdir()
    (path / "something.txt").write_text("not a journal")


def _link_to_itself(path):
    os.symlink(path.name, path)  # can't be opened by anyone, root included (too many levels of links)


def _unreadable(path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file whatever its permissions; the link-to-itself case covers this")
    os.chmod(path, 0)


DAMAGE = {
    "random bytes": (_random_bytes, "was damaged"),
    "truncated": (_truncated, "was damaged"),
    "empty file": (_empty_file, "was empty"),
    "empty database": (_empty_database, "was empty"),
    "missing tables": (_missing_tables, "was incomplete"),
    "folder in its place": (_folder_in_place, "couldn't be opened: a folder is where the file should be"),
    "link to itself": (_link_to_itself, "couldn't be opened"),
    "unreadable": (_unreadable, "couldn't be opened"),
}


@contextmanager
def _shop(tmp_path):
    """The sandbox's demo shop, its clock moved on past the three days its seed has already posted."""
    with connected_shop(tmp_path) as shop:
        shop.xero.sandbox.clock.advance(5 * 24 * 3600)
        yield shop


def _journal_path():
    return AppFolders.for_this_user().data / JOURNAL_FILE_NAME


def _post_a_paid_day(shop, capsys, day_file, trading_date):
    code = main(
        [
            "day",
            "run",
            "--date",
            trading_date.isoformat(),
            "--from",
            str(day_file),
            "--approve",
            "--sandbox",
            shop.xero.base_url,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert JOURNAL_WORDS not in err  # a first start has nothing to rebuild and says nothing


def _replace_journal(damage):
    """Damage the journal file the next command will open (as it is on disk once the app has stopped)."""
    gc.collect()  # the earlier commands' journals close (checkpointed into the file) as a process's would
    path = _journal_path()
    if damage in (_empty_file, _random_bytes, _empty_database, _folder_in_place, _link_to_itself):
        for suffix in ("", "-wal", "-shm"):
            target = path.with_name(path.name + suffix)
            if target.exists():
                target.unlink()
    damage(path)
    return path


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_journal_is_set_aside_and_the_posted_day_rebuilt_from_xero(tmp_path, capsys, kind):
    damage, why = DAMAGE[kind]
    with _shop(tmp_path) as shop:
        day = shop.today - timedelta(days=3)
        number = f"POS-{day:%Y%m%d}"
        day_file = demo_day_file(day, tmp_path / "till")
        _post_a_paid_day(shop, capsys, day_file, day)
        path = _replace_journal(damage)

        url = shop.xero.base_url
        code = main(["day", "status", "--date", day.isoformat(), "--json", "--sandbox", url])
        out, err = capsys.readouterr()
        status = json.loads(out)
        # the owner is told what happened, where the old file is, and what xerohelper did
        assert f"{JOURNAL_WORDS} {why}." in err
        kept = err.split("The old file is kept, as it was, at ")[1].split(".sqlite3")[0] + ".sqlite3"
        assert os.path.lexists(kept) and ".damaged-" in kept
        assert "xerohelper rebuilt the record from Xero: 4 days since" in err  # with the seed's three
        assert f" since {long_date(since_for(shop.today))}, with their invoices, payments" in err
        assert "import its till file again" in err
        assert err.count(JOURNAL_WORDS) == 1  # said once
        # the day is known again, as Xero holds it: sent, approved, paid, with its tenders
        assert code == 0
        assert [s["state"] for s in status["steps"]] == ["done", "done", "done"]
        assert status["steps"][0]["xero"]["invoice_number"] == number
        assert set(status["steps"][2]["xero"]) == {"Cash", "EFTPOS", "Amex"}
        assert status["amount_due"] == "0.00"
        assert path.is_file() and Journal.open_checked(path)[1] is None  # a healthy journal again

        # Running the day again (figures imported again) sends nothing twice.
        shop.reset_call_counts()
        code = main(
            ["day", "run", "--date", day.isoformat(), "--from", str(day_file), "--approve", "--sandbox", url]
        )
        out, err = capsys.readouterr()
        assert code == 0, out + err
        assert JOURNAL_WORDS not in err  # rebuilt once; not again
        assert len(shop.invoices_numbered(number)) == 1
        assert len(shop.payments_on(number)) == 3
        assert not any(k.startswith(("PUT", "POST")) for k in shop.calls()), shop.calls()


def test_a_rebuilt_day_without_its_figures_says_so_and_resend_needs_them_again(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today - timedelta(days=1)
        day_file = demo_day_file(day, tmp_path / "till")
        _post_a_paid_day(shop, capsys, day_file, day)
        _replace_journal(_empty_file)

        days = _service(shop)
        checklist = days.checklist(day)
        assert checklist.is_finished
        assert "import the day's till file again to see them or to send the day again" in (
            checklist.steps[0].reason
        )
        assert days.resend_preview(day) is None  # nothing to re-send from: the figures are not here
        assert days.unfinished_days(day - timedelta(days=5), day) == []  # catch-up leaves it alone

        days.save_day(shop.the_day(day))  # the till file imported again
        preview = days.resend_preview(day)
        assert preview is not None and preview.invoice.number == f"POS-{day:%Y%m%d}"
        assert not preview.figures_changed  # same figures as Xero's invoice
        assert {p.tender for p in preview.payments} == {"Cash", "EFTPOS", "Amex"}
        days.journal.close()


def test_a_resent_day_is_rebuilt_as_its_latest_posting(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today - timedelta(days=2)
        day_file = demo_day_file(day, tmp_path / "till")
        _post_a_paid_day(shop, capsys, day_file, day)
        days = _service(shop)
        days.resend(day, approve=True)
        assert days.journal.record(shop.tenant_id, day).invoice.number == f"POS-{day:%Y%m%d}-2"
        days.journal.close()
        _replace_journal(_random_bytes)

        days = _service(shop)
        record = days.journal.record(shop.tenant_id, day)
        assert record.invoice.number == f"POS-{day:%Y%m%d}-2" and record.posting == 2
        assert record.invoice.status == "PAID"
        assert record.invoice_fingerprint is None  # rebuilt from Xero: the till's figures unknown
        days.save_day(shop.the_day(day))
        assert days.resend_preview(day).new_number == f"POS-{day:%Y%m%d}-3"
        days.journal.close()


def test_a_draft_rebuilt_from_xero_is_approved_not_sent_again(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today
        number = f"POS-{day:%Y%m%d}"
        file = demo_day_file(day, tmp_path / "till")
        url = shop.xero.base_url
        assert main(["day", "run", "--date", day.isoformat(), "--from", str(file), "--sandbox", url]) == 1
        capsys.readouterr()
        _replace_journal(_truncated)

        code = main(["day", "run", "--date", day.isoformat(), "--approve", "--json", "--sandbox", url])
        report = json.loads(capsys.readouterr().out)
        assert code == 1  # approved; the payments wait for the till's figures
        assert [s["state"] for s in report["steps"]] == ["done", "done", "not started"]
        assert "Import the day's till file again" in report["steps"][2]["reason"]
        assert [i["status"] for i in shop.invoices_numbered(number)] == ["AUTHORISED"]

        code = main(["day", "run", "--date", day.isoformat(), "--from", str(file), "--sandbox", url])
        capsys.readouterr()
        assert code == 0
        assert len(shop.invoices_numbered(number)) == 1 and len(shop.payments_on(number)) == 3


def test_when_xero_cannot_be_read_the_rebuild_waits_for_next_time(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today - timedelta(days=1)
        _post_a_paid_day(shop, capsys, demo_day_file(day, tmp_path / "till"), day)
        _replace_journal(_random_bytes)
        shop.control("faults", {"kind": "500", "count": 10, "path_contains": "/invoices", "method": "GET"})
        heard: list[str] = []
        damaged_files.listen(heard.append)
        try:
            days = _service(shop)  # its pacer retries without sleeping
        finally:
            damaged_files.stop_listening(heard.append)
        assert len(heard) == 1, heard
        assert heard[0].startswith(f"{JOURNAL_WORDS} was damaged. The old file is kept, as it was, at ")
        assert "xerohelper couldn't read the days already sent from Xero just now (" in heard[0]
        assert "it will try again the next time it opens the day" in heard[0]
        assert "so nothing is sent twice" in heard[0]
        assert days.journal.record(shop.tenant_id, day).invoice is None
        days.journal.close()

        shop.control("faults", method="DELETE")
        code = main(["day", "status", "--date", day.isoformat(), "--sandbox", shop.xero.base_url])
        out, err = capsys.readouterr()
        assert code == 0 and "Payment tenders: done" in out
        assert f"{JOURNAL_WORDS} was damaged. The old file is kept" in err
        assert "xerohelper rebuilt the record from Xero: 4 days" in err


def test_only_the_shops_own_numbers_are_taken_back(tmp_path, capsys):
    """Another sales invoice (a trade customer's, or a POS number dated another day) is not a day."""
    with _shop(tmp_path) as shop:
        day = shop.today - timedelta(days=1)
        _post_a_paid_day(shop, capsys, demo_day_file(day, tmp_path / "till"), day)
        days = _service(shop)
        other = shop.the_day(day - timedelta(days=1))
        days.save_day(other)
        days.run_day(other.date)  # a draft, POS-<the day before>
        setup, contact = days.organisation_setup()
        plan = plan_sales_invoice(other, shop.mapping, setup.rates)
        strangers = [
            replace(plan, number="INV-0042"),
            replace(plan, number=f"POS-{day - timedelta(days=30):%Y%m%d}"),  # dated `other`, not that day
        ]
        assert all(r.ok for r in days.books.create_invoices(strangers, contact.contact_id, "strangers-1"))
        days.journal.close()
        _replace_journal(_empty_database)

        days = _service(shop)
        known = days.journal.days_between(shop.tenant_id, day - timedelta(days=40), day)
        assert [k for k in known if k[0] >= other.date] == [(other.date, ""), (day, "")]
        assert days.journal.record(shop.tenant_id, other.date).invoice.status == "DRAFT"
        assert days.journal.record(shop.tenant_id, other.date).invoice.number == f"POS-{other.date:%Y%m%d}"
        days.journal.close()


def _service(shop):
    """The day service as the app makes it (its journal opened through open_journal)."""
    from xerohelper.services.day_checklist import DayChecklistService

    return DayChecklistService.for_connection(shop.connection, pacer=shop.pacer)


def test_open_journal_without_damage_reads_nothing_from_xero(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        shop.reset_call_counts()
        journal = open_journal(shop.connection, lambda: shop.mapping)
        journal.close()
        assert shop.calls() == {}


def test_a_refund_day_is_rebuilt_with_its_credit_note_and_the_refund(tmp_path):
    with _shop(tmp_path) as shop:
        days = _service(shop)
        tenders = {"Amex": Decimal("262.50"), "Cash": Decimal("-20.00"), "EFTPOS": Decimal("1997.90")}
        day = replace(shop.the_day(), tenders=tuple(Tender(n, a) for n, a in tenders.items()))
        days.save_day(day)
        assert days.run_day(day.date, approve=True).is_finished
        days.journal.close()
        _replace_journal(_truncated)

        days = _service(shop)
        record = days.journal.record(shop.tenant_id, day.date)
        number = f"POS-{day.date:%Y%m%d}"
        assert (record.invoice.number, record.invoice.status) == (number, "PAID")
        assert (record.credit_note.number, record.credit_note.status) == (f"{number}-CN", "PAID")
        paid = {p.tender: (p.amount, p.invoice_id) for p in record.payments}
        assert paid == {
            "Amex": (Decimal("262.50"), record.invoice.invoice_id),
            "EFTPOS": (Decimal("1997.90"), record.invoice.invoice_id),
            "Cash": (Decimal("20.00"), record.credit_note.invoice_id),
        }
        shop.reset_call_counts()
        days.save_day(day)  # the till file imported again: the day is finished, nothing goes to Xero
        assert days.run_day(day.date, approve=True).is_finished
        assert not any(k.startswith(("PUT", "POST")) for k in shop.calls()), shop.calls()
        days.journal.close()


def test_when_no_journal_can_be_written_one_in_memory_is_rebuilt_each_time(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today
        _post_a_paid_day(shop, capsys, demo_day_file(day, tmp_path / "till"), day)
        gc.collect()
        folder = _journal_path().parent
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
        folder.write_text("a file where xerohelper's data folder should be")

        url = shop.xero.base_url
        for _ in range(2):
            code = main(["day", "status", "--date", day.isoformat(), "--sandbox", url])
            out, err = capsys.readouterr()
            assert code == 0 and "Payment tenders: done" in out
            said = f"{JOURNAL_WORDS} couldn't be kept in its folder. xerohelper can't write in {folder}"
            assert said in err and "keeps the record in memory only" in err
            assert "xerohelper rebuilt the record from Xero" in err
        assert len(shop.invoices_numbered(f"POS-{day:%Y%m%d}")) == 1


def test_a_journal_that_went_missing_is_rebuilt_but_a_first_start_is_not(tmp_path, capsys):
    with _shop(tmp_path) as shop:
        day = shop.today
        _post_a_paid_day(shop, capsys, demo_day_file(day, tmp_path / "till"), day)  # the first start
        gc.collect()
        path = _journal_path()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)

        code = main(["day", "status", "--date", day.isoformat(), "--sandbox", shop.xero.base_url])
        out, err = capsys.readouterr()
        assert code == 0 and "Payment tenders: done" in out
        assert (
            f"{JOURNAL_WORDS} was missing (moved or deleted). xerohelper rebuilt the record from Xero" in err
        )
        assert "kept" not in err
