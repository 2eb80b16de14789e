"""Journal.open_checked: a healthy journal (even one another window has open) is used as it is; a damaged
one is set aside with its companions, kept byte for byte, and the fresh one asks to be rebuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

from xerohelper.adapters import damaged_files
from xerohelper.adapters.journal import JOURNAL_FILE_NAME, Journal, PaymentRecord
from xerohelper.core.checklist import InvoiceFacts, Step


def test_a_healthy_journal_in_use_by_another_window_is_not_set_aside(tmp_path):
    path = tmp_path / JOURNAL_FILE_NAME
    other = Journal(path)
    other.skip("T1", date(2026, 11, 21), "", Step.PAYMENTS, "Paid by hand")
    other._db.execute("BEGIN")
    other._db.execute("SELECT * FROM days").fetchall()  # a read under way in the other window
    journal, set_aside = Journal.open_checked(path)
    assert set_aside is None and journal.rebuild_wanted("T1") is None
    assert journal.record("T1", date(2026, 11, 21)).skipped == {Step.PAYMENTS: "Paid by hand"}
    assert sorted(p.name for p in tmp_path.iterdir() if ".damaged-" in p.name) == []
    other._db.execute("COMMIT")
    journal.close()
    other.close()


def test_a_damaged_journal_is_kept_with_its_wal_and_the_fresh_one_wants_a_rebuild(tmp_path):
    path = tmp_path / JOURNAL_FILE_NAME
    damaged = os.urandom(10_000)
    path.write_bytes(damaged)
    path.with_name(path.name + "-wal").write_bytes(b"old wal")
    journal, set_aside = Journal.open_checked(path)
    assert set_aside.why == "was damaged" and not set_aside.in_memory
    assert set_aside.kept_at.read_bytes() == damaged
    assert (tmp_path / (set_aside.kept_at.name + "-wal")).read_bytes() == b"old wal"
    assert journal.rebuild_wanted("T1") == set_aside
    journal.rebuilt("T1", date(2026, 9, 1), 12)
    assert journal.rebuild_wanted("T1") is None
    assert journal.rebuild_wanted("another organisation") == set_aside  # rebuilt when it is connected
    journal.close()

    again, set_aside = Journal.open_checked(path)  # the next start: a healthy journal
    assert set_aside is None and again.rebuild_wanted("T1") is None
    again.close()


def test_a_journal_left_by_an_app_that_stopped_dead_is_healthy(tmp_path):
    """The app killed mid-day leaves its -wal and -shm: that is a healthy journal, not a damaged one."""
    path = tmp_path / JOURNAL_FILE_NAME
    child = (
        "import os, sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from xerohelper.adapters.journal import Journal\n"
        "from xerohelper.core.checklist import Step\n"
        "Journal(Path(sys.argv[1])).skip('T1', date(2026, 11, 21), '', Step.PAYMENTS, 'Paid by hand')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", child, str(path)], check=True)
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    journal, set_aside = Journal.open_checked(path)
    assert set_aside is None
    assert journal.record("T1", date(2026, 11, 21)).skipped == {Step.PAYMENTS: "Paid by hand"}
    journal.close()


def test_in_folder_sets_a_damaged_journal_aside_and_says_so(tmp_path):
    (tmp_path / JOURNAL_FILE_NAME).write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    heard: list[str] = []
    damaged_files.listen(heard.append)
    try:
        journal = Journal.in_folder(tmp_path)
    finally:
        damaged_files.stop_listening(heard.append)
    assert heard[0].startswith("xerohelper's record of the days it sent to Xero was damaged. The old file")
    assert heard[0].endswith("xerohelper will rebuild it from Xero once it is connected.")
    assert journal.rebuild_wanted("T1") is not None
    journal.close()


def test_a_rebuild_goes_in_all_at_once_or_not_at_all(tmp_path):
    journal = Journal.in_folder(tmp_path)
    day = date(2026, 11, 21)
    invoice = InvoiceFacts("inv-1", "POS-20261121", "PAID", Decimal("10.00"), Decimal("0.00"))
    try:
        with journal.all_at_once():
            journal.record_invoice("T1", day, "", invoice, "", 1)
            journal.record_payment("T1", day, "", PaymentRecord("Cash", "pay-1", Decimal("10.00"), "inv-1"))
            raise RuntimeError("stopped half way")
    except RuntimeError:
        pass
    assert journal.record("T1", day).invoice is None and journal.record("T1", day).payments == ()
    with journal.all_at_once():
        journal.record_invoice("T1", day, "", invoice, "", 1)
        journal.record_payment("T1", day, "", PaymentRecord("Cash", "pay-1", Decimal("10.00"), "inv-1"))
    record = journal.record("T1", day)
    assert record.invoice == invoice and record.invoice_fingerprint is None and len(record.payments) == 1
    journal.skip("T1", day, "", Step.APPROVE, "by hand")  # writes on their own work again afterwards
    assert journal.record("T1", day).skipped == {Step.APPROVE: "by hand"}
    journal.close()
