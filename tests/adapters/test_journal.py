"""The journal is real SQLite in a temporary folder."""

import sqlite3
import threading
from datetime import date
from decimal import Decimal

from xerohelper.adapters.journal import Journal, PaymentRecord
from xerohelper.core.checklist import InvoiceFacts, Step
from xerohelper.core.day import Day, SalesLine, Tender

ORG = "tenant-1"
SAT = date(2026, 11, 21)


def a_day(cash="20.00") -> Day:
    return Day(SAT, "generic", sales=[SalesLine("Hardware", "100", "15")], tenders=[Tender("Cash", cash)])


def test_day_is_kept_and_replaced(tmp_path):
    journal = Journal.in_folder(tmp_path)
    journal.save_day(ORG, a_day())
    assert journal.day(ORG, SAT) == a_day()
    journal.save_day(ORG, a_day("25.00"))
    assert journal.day(ORG, SAT) == a_day("25.00")
    assert journal.day("other-org", SAT) is None
    assert journal.days_between(ORG, date(2026, 11, 1), date(2026, 11, 30)) == [(SAT, "")]
    mode = sqlite3.connect(journal.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_intent_is_on_disk_before_the_outcome_and_survives_a_restart(tmp_path):
    journal = Journal.in_folder(tmp_path)
    intent = journal.begin(
        ORG, SAT, "", Step.SALES_SUMMARY, "create-invoice", {"InvoiceNumber": "POS-20261121"}
    )
    journal.close()  # the app stops before Xero answers

    reopened = Journal.in_folder(tmp_path)
    unfinished = reopened.unfinished(ORG, SAT)
    assert [a.idempotency_key for a in unfinished] == [intent.idempotency_key]
    again = reopened.begin(
        ORG, SAT, "", Step.SALES_SUMMARY, "create-invoice", {"InvoiceNumber": "POS-20261121"}
    )
    assert again.idempotency_key == intent.idempotency_key  # the retry re-uses the key Xero remembers

    reopened.succeeded(again, {"InvoiceID": "inv-1"})
    assert reopened.unfinished(ORG, SAT) == []
    fresh = reopened.begin(
        ORG, SAT, "", Step.SALES_SUMMARY, "create-invoice", {"InvoiceNumber": "POS-20261121"}
    )
    assert fresh.idempotency_key != intent.idempotency_key


def test_failed_attempt_keeps_xeros_words(tmp_path):
    journal = Journal.in_folder(tmp_path)
    attempt = journal.begin(ORG, SAT, "", Step.PAYMENTS, "create-payments", {"n": 2})
    journal.failed(attempt, 400, '{"Message": "A validation exception occurred"}')
    (kept,) = journal.attempts(ORG, SAT)
    assert (kept.outcome, kept.http_status) == ("failed", 400)
    assert "validation exception" in kept.error_body


def test_record_brings_together_invoice_payments_and_skips(tmp_path):
    journal = Journal.in_folder(tmp_path)
    journal.save_day(ORG, a_day())
    invoice = InvoiceFacts("inv-1", "POS-20261121", "DRAFT", Decimal("115.00"), Decimal("115.00"))
    journal.record_invoice(ORG, SAT, "", invoice, a_day().fingerprint(), posting=1)
    journal.update_invoice_status(ORG, SAT, "", "AUTHORISED", Decimal("115.00"))
    journal.record_payment(ORG, SAT, "", PaymentRecord("Cash", "pay-1", Decimal("20.00"), "inv-1"))
    journal.record_payment(
        ORG, SAT, "", PaymentRecord("Cash", "old", Decimal("20.00"), "inv-0")
    )  # earlier invoice
    journal.skip(ORG, SAT, "", Step.APPROVE, "Approved by the bookkeeper")

    record = journal.record(ORG, SAT)
    assert record.invoice.status == "AUTHORISED"
    assert record.invoice.amount_due == Decimal("115.00")
    assert [p.payment_id for p in record.payments] == ["pay-1"]
    assert record.skipped == {Step.APPROVE: "Approved by the bookkeeper"}
    assert record.posting == 1
    assert not record.figures_changed_since_posting

    journal.save_day(ORG, a_day("30.00"))  # the POS figures changed after posting
    assert journal.record(ORG, SAT).figures_changed_since_posting
    journal.unskip(ORG, SAT, "", Step.APPROVE)
    journal.forget_payments(ORG, SAT, "", "inv-1")
    record = journal.record(ORG, SAT)
    assert record.skipped == {} and record.payments == ()


def test_many_threads_write_without_losing_anything(tmp_path):
    journal = Journal.in_folder(tmp_path)

    def write(n: int) -> None:
        for i in range(20):
            a = journal.begin(ORG, SAT, "", Step.PAYMENTS, "create-payments", {"thread": n, "i": i})
            journal.succeeded(a, {"PaymentID": f"{n}-{i}"})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    attempts = journal.attempts(ORG, SAT)
    assert len(attempts) == 100
    assert all(a.outcome == "ok" for a in attempts)
    assert len({a.idempotency_key for a in attempts}) == 100


def test_a_days_credit_note_and_its_refunds_are_kept_with_the_invoice(tmp_path):
    journal = Journal.in_folder(tmp_path)
    journal.save_day(ORG, a_day())
    invoice = InvoiceFacts("inv-1", "POS-20261121", "AUTHORISED", Decimal("130.00"), Decimal("0.00"))
    note = InvoiceFacts("cn-1", "POS-20261121-CN", "AUTHORISED", Decimal("20.00"), Decimal("20.00"))
    journal.record_invoice(ORG, SAT, "", invoice, a_day().fingerprint(), posting=1)
    journal.record_credit_note(ORG, SAT, "", note)
    journal.record_payment(ORG, SAT, "", PaymentRecord("EFTPOS", "pay-1", Decimal("130.00"), "inv-1"))
    journal.record_payment(ORG, SAT, "", PaymentRecord("Cash", "pay-2", Decimal("20.00"), "cn-1"))
    record = journal.record(ORG, SAT)
    assert record.credit_note == note
    assert {p.tender for p in record.payments} == {"EFTPOS", "Cash"}
    journal.record_credit_note(
        ORG, SAT, "", InvoiceFacts("cn-1", "POS-20261121-CN", "PAID", Decimal("20.00"), Decimal("0.00"))
    )
    assert journal.record(ORG, SAT).credit_note.status == "PAID"


def test_writes_all_at_once_inside_another_all_at_once_stay_in_the_outer_one(tmp_path):
    """A unit that writes all at once (a week's credit note on its days) called inside another (a rebuild):
    the outer transaction goes on after the inner one ends, and is still all or nothing."""
    journal = Journal(tmp_path / "journal.sqlite3")
    note = InvoiceFacts("cn-1", "POS-20261121-CN", "AUTHORISED", Decimal("20.00"), Decimal("20.00"))
    try:
        with journal.all_at_once():
            with journal.all_at_once():
                journal.record_credit_note(ORG, SAT, "", note)
            journal.save_day(ORG, a_day())  # after the inner one: still the outer transaction
            raise RuntimeError("stopped halfway")
    except RuntimeError:
        pass
    assert journal.day(ORG, SAT) is None and journal.record(ORG, SAT).credit_note is None
    journal.save_day(ORG, a_day())  # and the journal writes as usual afterwards
    assert journal.day(ORG, SAT) == a_day()
    journal.close()
