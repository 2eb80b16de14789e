"""The journal: what xerohelper has done in Xero, day by day, kept in SQLite (WAL) in the user's data folder.

Rule: an intent (with its Idempotency-Key) is written *before* each write to Xero, and its outcome after.
An intent with no outcome means the app stopped in the middle; the day's service then asks Xero what
happened (look-up by invoice number) before it tries again, and re-uses the same Idempotency-Key.
No token is ever written here.

The journal is a cache of what Xero holds plus our intents. `Journal.open_checked` opens it and, when it
is damaged (not a database, cut short, malformed), empty (0 bytes, or a database without the journal's
tables) or can't be opened (a folder in its place, no permission), sets it aside (renamed, kept, with its
-wal and -shm) and opens a fresh one that remembers, for each organisation, that it must be rebuilt from
Xero (services/journal_rebuild.py does that).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from xerohelper.adapters import damaged_files
from xerohelper.adapters.journal_check import damage_words, why_unusable
from xerohelper.core.checklist import InvoiceFacts, Step
from xerohelper.core.day import Day
from xerohelper.core.sales_invoice import refunds_paid_out

log = logging.getLogger(__name__)

JOURNAL_FILE_NAME = "journal.sqlite3"
SCHEMA_VERSION = 2  # 2: found_problems

_SCHEMA = """
CREATE TABLE IF NOT EXISTS days (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    figures TEXT NOT NULL, fingerprint TEXT NOT NULL, saved_at TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location));
CREATE TABLE IF NOT EXISTS invoices (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    invoice_id TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL,
    total TEXT NOT NULL, amount_due TEXT NOT NULL, fingerprint TEXT NOT NULL, posting INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location));
CREATE TABLE IF NOT EXISTS credit_notes (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    credit_note_id TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL,
    total TEXT NOT NULL, remaining TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location));
CREATE TABLE IF NOT EXISTS payments (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    tender TEXT NOT NULL, payment_id TEXT NOT NULL, amount TEXT NOT NULL, invoice_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location, tender, invoice_id));
CREATE TABLE IF NOT EXISTS skipped_steps (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    step TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location, step));
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    step TEXT NOT NULL, action TEXT NOT NULL, idempotency_key TEXT NOT NULL,
    request TEXT NOT NULL, started_at TEXT NOT NULL,
    outcome TEXT, http_status INTEGER, xero_ids TEXT, error_body TEXT, finished_at TEXT);
CREATE INDEX IF NOT EXISTS attempts_by_day ON attempts (organisation, trading_date, location, step);
CREATE TABLE IF NOT EXISTS set_aside (
    kept_at TEXT NOT NULL, why TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS found_problems (
    organisation TEXT NOT NULL, trading_date TEXT NOT NULL, location TEXT NOT NULL,
    step TEXT NOT NULL, explanation TEXT NOT NULL, found_at TEXT NOT NULL,
    PRIMARY KEY (organisation, trading_date, location, step));
CREATE TABLE IF NOT EXISTS rebuilt_from_xero (
    organisation TEXT PRIMARY KEY, since TEXT NOT NULL, days INTEGER NOT NULL, at TEXT NOT NULL);
"""
_COMPANIONS = ("-wal", "-shm", "-journal")  # SQLite's files beside the journal
JOURNAL_WORDS = "xerohelper's record of the days it sent to Xero"
MISSING = "was missing (moved or deleted)"  # a journal that existed is gone: rebuilt like a damaged one
UNKNOWN_FIGURES = ""  # the fingerprint of an invoice rebuilt from Xero: the till's figures are not known
# ... and of a week's invoice rebuilt from Xero (weekly summaries): a day is checked by its own payments
WEEK_FROM_XERO = "week-from-xero"


@dataclass(frozen=True)
class SetAside:
    """A journal that couldn't be used: why (the owner's words) and where the old file is kept."""

    why: str  # "was damaged", "was empty", …: follows "xerohelper's record of the days sent to Xero"
    kept_at: Path | None  # None when it couldn't be moved (then the fresh journal is beside it)
    in_memory: bool = False  # no journal could be written in the folder: this one lives until the app stops

    def words(self, folder: Path) -> str:
        """What happened, for the owner: what was wrong, where the old file is (what xerohelper does about
        it follows: services/journal_rebuild.py)."""
        if self.kept_at is not None:
            kept = f"The old file is kept, as it was, at {self.kept_at}."
        elif self.in_memory or self.why == MISSING:
            kept = ""
        else:
            kept = "xerohelper couldn't move the old file aside, so it keeps a new record beside it."
        if self.in_memory:
            kept += (
                f" xerohelper can't write in {folder}, so for now it keeps the record in memory only and "
                "rebuilds it from Xero each time it starts: check that this folder exists and that you may "
                "write to it."
            )
        return f"{JOURNAL_WORDS} {self.why}. {kept.strip()}".strip()


@dataclass(frozen=True)
class Attempt:
    id: int
    step: Step
    action: str
    idempotency_key: str
    request: dict
    outcome: str | None  # None while unfinished; "ok" or "failed"
    http_status: int | None = None
    error_body: str | None = None
    xero_ids: dict | None = None


@dataclass(frozen=True)
class PaymentRecord:
    tender: str
    payment_id: str
    amount: Decimal
    invoice_id: str


@dataclass(frozen=True)
class DayRecord:
    """What the journal knows about one day at one location."""

    day: Day | None
    invoice: InvoiceFacts | None
    invoice_fingerprint: str | None  # the figures the invoice was posted from (None: rebuilt from Xero)
    posting: int  # 1 for the first invoice of the day, 2 after one re-send, …
    payments: tuple[PaymentRecord, ...]
    skipped: dict[Step, str]
    credit_note: InvoiceFacts | None = None  # refunds paid out; amount_due = credit not yet refunded

    @property
    def figures_changed_since_posting(self) -> bool:
        if self.day is None or self.invoice is None:
            return False
        if self.invoice_fingerprint == WEEK_FROM_XERO:  # the week's invoice: the day's own payments
            return sum((p.amount for p in self.payments), Decimal(0)) != self.day.totals.tendered
        if self.invoice_fingerprint is None:  # rebuilt from Xero: compare with what Xero holds
            return self.invoice.total != self.day.totals.gross + refunds_paid_out(self.day)
        return self.invoice_fingerprint != self.day.fingerprint()


_THE_DAY = "organisation=? AND trading_date=? AND location=?"


def _document(row: tuple) -> InvoiceFacts:
    """An invoice or credit note row: id, number, status, total, amount due (or credit left)."""
    return InvoiceFacts(row[0], row[1], row[2], Decimal(row[3]), Decimal(row[4]))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Journal:
    """Thread-safe: one connection, one lock (writes are small and rare)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._batched = False
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # an intent must be on disk before the call to Xero
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def in_folder(cls, data_folder: Path) -> Journal:
        """The journal in this folder, never a traceback: one that can't be used is set aside (the owner is
        told) and a fresh one opened, rebuilt from Xero when the app next opens it with a connection
        (services/journal_rebuild.open_journal, which the app uses)."""
        journal, set_aside = cls.open_checked(data_folder / JOURNAL_FILE_NAME)
        if set_aside is not None:
            damaged_files.tell(
                f"{set_aside.words(data_folder)} xerohelper will rebuild it from Xero once it is connected."
            )
        return journal

    @classmethod
    def open_checked(cls, path: Path) -> tuple[Journal, SetAside | None]:
        """The journal at `path`; a damaged, empty or unopenable one is set aside and a fresh one opened
        (which then asks to be rebuilt from Xero: see rebuild_wanted). When no journal can be written in
        the folder at all, one in memory (rebuilt from Xero each time) rather than no app."""
        why = why_unusable(path)
        kept = None
        if why is None:
            try:
                return cls(path), None
            except sqlite3.DatabaseError as problem:  # e.g. damage in a page the check didn't reach
                why = damage_words(problem)
                if why is None:
                    raise
            except OSError as problem:  # the data folder can't be made (a file in its place, no permission)
                log.warning("journal %s can't be made: %s", path, problem)
                return cls._in_memory("couldn't be kept in its folder")
        kept = damaged_files.set_aside(path, _COMPANIONS)
        if kept is None and os.path.lexists(path):
            log.warning("journal %s can't be moved aside; a fresh one goes beside it", path)
            path = path.with_name(f"{path.stem}.fresh{path.suffix}")
        try:
            journal = cls(path)
        except (sqlite3.DatabaseError, OSError) as problem:
            log.warning("a fresh journal %s can't be made: %s", path, problem)
            return cls._in_memory(why, kept)
        journal.remember_set_aside(why, kept)
        return journal, SetAside(why, kept)

    @classmethod
    def _in_memory(cls, why: str, kept: Path | None = None) -> tuple[Journal, SetAside]:
        journal = cls(Path(":memory:"))
        journal.remember_set_aside(why, kept)
        return journal, SetAside(why, kept, in_memory=True)

    def remember_set_aside(self, why: str, kept: Path | None) -> None:
        """This journal replaces one that couldn't be used (or went missing): rebuild_wanted says so."""
        with self._write() as db:
            db.execute("INSERT INTO set_aside VALUES (?,?,?)", (str(kept or ""), why, _now()))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def all_at_once(self) -> Iterator[None]:
        """The writes inside go in one transaction: one wait for the disk, all or nothing (a rebuild). Inside
        another all_at_once (same thread), they are part of that one."""
        with self._write():
            outer = self._batched
            self._batched = True
            try:
                yield
            finally:
                self._batched = outer  # an inner one leaves the outer transaction batched

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._batched:  # inside all_at_once (this thread holds the lock): its transaction
                yield self._db
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _read(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # ---- the day's figures --------------------------------------------------------------------------------
    def save_day(self, organisation: str, day: Day) -> None:
        figures = json.dumps(day.to_json_dict(), sort_keys=True)
        with self._write() as db:
            db.execute(
                "INSERT INTO days VALUES (?,?,?,?,?,?) ON CONFLICT DO UPDATE SET figures=excluded.figures, "
                "fingerprint=excluded.fingerprint, saved_at=excluded.saved_at",
                (organisation, day.date.isoformat(), day.location, figures, day.fingerprint(), _now()),
            )

    def day(self, organisation: str, trading_date: date, location: str = "") -> Day | None:
        rows = self._read(
            "SELECT figures FROM days WHERE organisation=? AND trading_date=? AND location=?",
            (organisation, trading_date.isoformat(), location),
        )
        return Day.from_json_dict(json.loads(rows[0][0])) if rows else None

    def days_between(self, organisation: str, first: date, last: date) -> list[tuple[date, str]]:
        """The days with figures or an invoice (a day rebuilt from Xero has only its invoice)."""
        rows = self._read(
            "SELECT trading_date, location FROM days WHERE organisation=? AND trading_date BETWEEN ? AND ? "
            "UNION SELECT trading_date, location FROM invoices WHERE organisation=? "
            "AND trading_date BETWEEN ? AND ? ORDER BY trading_date, location",
            (organisation, first.isoformat(), last.isoformat()) * 2,
        )
        return [(date.fromisoformat(d), loc) for d, loc in rows]

    # ---- rebuilt from Xero ---------------------------------------------------------------------------------
    def rebuild_wanted(self, organisation: str) -> SetAside | None:
        """This journal replaced one that was set aside, and this organisation's days are not rebuilt yet."""
        with self._lock:
            done = self._read("SELECT 1 FROM rebuilt_from_xero WHERE organisation=?", (organisation,))
            last = self._read("SELECT why, kept_at FROM set_aside ORDER BY rowid DESC LIMIT 1", ())
        if done or not last:
            return None
        why, kept_at = last[0]
        return SetAside(why, Path(kept_at) if kept_at else None)

    def rebuilt(self, organisation: str, since: date, days: int) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO rebuilt_from_xero VALUES (?,?,?,?)",
                (organisation, since.isoformat(), days, _now()),
            )

    # ---- intents and outcomes -----------------------------------------------------------------------------
    def begin(
        self, organisation: str, trading_date: date, location: str, step: Step, action: str, request: dict
    ) -> Attempt:
        """Write the intent before calling Xero. An unfinished identical intent keeps its Idempotency-Key."""
        body = json.dumps(request, sort_keys=True, default=str)
        with self._write() as db:
            row = db.execute(
                f"SELECT id, idempotency_key FROM attempts WHERE {_THE_DAY} AND step=? AND action=? "
                " AND request=? AND outcome IS NULL ORDER BY id DESC LIMIT 1",
                (organisation, trading_date.isoformat(), location, step.value, action, body),
            ).fetchone()
            if row:
                return Attempt(row[0], step, action, row[1], request, None)
            key = uuid.uuid4().hex
            cursor = db.execute(
                "INSERT INTO attempts (organisation, trading_date, location, step, action, idempotency_key, "
                "request, started_at) VALUES (?,?,?,?,?,?,?,?)",
                (organisation, trading_date.isoformat(), location, step.value, action, key, body, _now()),
            )
            return Attempt(cursor.lastrowid, step, action, key, request, None)

    def succeeded(self, attempt: Attempt, xero_ids: dict | None = None) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE attempts SET outcome='ok', xero_ids=?, finished_at=? WHERE id=?",
                (json.dumps(xero_ids or {}, sort_keys=True), _now(), attempt.id),
            )

    def failed(self, attempt: Attempt, http_status: int | None, error_body: str | None) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE attempts SET outcome='failed', http_status=?, error_body=?, finished_at=? WHERE id=?",
                (http_status, error_body, _now(), attempt.id),
            )

    def abandon_unfinished(self, organisation: str, trading_date: date, location: str, step: Step) -> int:
        """Mark unfinished intents as settled once Xero has been asked what really happened."""
        with self._write() as db:
            cursor = db.execute(
                f"UPDATE attempts SET outcome='reconciled', finished_at=? WHERE {_THE_DAY} AND step=? "
                "AND outcome IS NULL",
                (_now(), organisation, trading_date.isoformat(), location, step.value),
            )
            return cursor.rowcount

    def attempts(self, organisation: str, trading_date: date, location: str = "") -> list[Attempt]:
        rows = self._read(
            "SELECT id, step, action, idempotency_key, request, outcome, http_status, error_body, xero_ids "
            "FROM attempts WHERE organisation=? AND trading_date=? AND location=? ORDER BY id",
            (organisation, trading_date.isoformat(), location),
        )
        return [
            Attempt(
                r[0], Step(r[1]), r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], json.loads(r[8] or "null")
            )
            for r in rows
        ]

    def unfinished(self, organisation: str, trading_date: date, location: str = "") -> list[Attempt]:
        return [a for a in self.attempts(organisation, trading_date, location) if a.outcome is None]

    # ---- what Xero holds ----------------------------------------------------------------------------------
    def record_invoice(
        self,
        organisation: str,
        trading_date: date,
        location: str,
        invoice: InvoiceFacts,
        fingerprint: str,
        posting: int,
    ) -> None:
        self.record_invoice_on_days(organisation, [(trading_date, location, fingerprint)], invoice, posting)

    def record_invoice_on_days(
        self,
        organisation: str,
        days: Sequence[tuple[date, str, str]],
        invoice: InvoiceFacts,
        posting: int,
    ) -> None:
        """The invoice on each of these days — (date, location, the figures' fingerprint) — in one write:
        a week's days share one invoice (weekly summaries), and a stop in the middle leaves none of them."""
        now = _now()
        with self._write() as db:
            db.executemany(
                "INSERT INTO invoices VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET "
                "invoice_id=excluded.invoice_id, number=excluded.number, status=excluded.status, "
                "total=excluded.total, amount_due=excluded.amount_due, fingerprint=excluded.fingerprint, "
                "posting=excluded.posting, updated_at=excluded.updated_at",
                [
                    (
                        organisation,
                        trading_date.isoformat(),
                        location,
                        invoice.invoice_id,
                        invoice.number,
                        invoice.status,
                        str(invoice.total),
                        str(invoice.amount_due),
                        fingerprint,
                        posting,
                        now,
                    )
                    for trading_date, location, fingerprint in days
                ],
            )

    def update_invoice_status(
        self, organisation: str, trading_date: date, location: str, status: str, amount_due: Decimal
    ) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE invoices SET status=?, amount_due=?, updated_at=? WHERE organisation=? AND "
                "trading_date=? AND location=?",
                (status, str(amount_due), _now(), organisation, trading_date.isoformat(), location),
            )

    def record_credit_note(
        self, organisation: str, trading_date: date, location: str, note: InvoiceFacts
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO credit_notes VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    organisation,
                    trading_date.isoformat(),
                    location,
                    note.invoice_id,
                    note.number,
                    note.status,
                    str(note.total),
                    str(note.amount_due),
                    _now(),
                ),
            )

    def record_payment(
        self, organisation: str, trading_date: date, location: str, payment: PaymentRecord
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO payments VALUES (?,?,?,?,?,?,?,?)",
                (
                    organisation,
                    trading_date.isoformat(),
                    location,
                    payment.tender,
                    payment.payment_id,
                    str(payment.amount),
                    payment.invoice_id,
                    _now(),
                ),
            )

    def forget_payments(self, organisation: str, trading_date: date, location: str, invoice_id: str) -> None:
        with self._write() as db:
            db.execute(
                f"DELETE FROM payments WHERE {_THE_DAY} AND invoice_id=?",
                (organisation, trading_date.isoformat(), location, invoice_id),
            )

    # ---- problems found with a day (what needs the owner's attention, kept over a restart) ----------------
    # A journal from before this table gets it when it is opened (CREATE TABLE IF NOT EXISTS).
    def keep_problem(
        self, organisation: str, trading_date: date, location: str, step: Step, explanation: dict
    ) -> None:
        """The explanation (core/explain/kept.py's plain data) of the problem found with the day's step."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO found_problems VALUES (?,?,?,?,?,?)",
                (
                    organisation,
                    trading_date.isoformat(),
                    location,
                    step.value,
                    json.dumps(explanation, sort_keys=True),
                    _now(),
                ),
            )

    def problems(self, organisation: str, trading_date: date, location: str = "") -> dict[Step, dict]:
        rows = self._read(
            f"SELECT step, explanation FROM found_problems WHERE {_THE_DAY}",
            (organisation, trading_date.isoformat(), location),
        )
        found: dict[Step, dict] = {}
        for step, text in rows:
            try:  # kept by a later xerohelper (a step this one doesn't know), or not readable: left out
                found[Step(step)] = json.loads(text)
            except ValueError:
                log.warning("a problem kept for %s (%s) could not be read back", trading_date, step)
        return found

    def forget_problems(self, organisation: str, trading_date: date, location: str = "") -> None:
        if not self.problems(organisation, trading_date, location):
            return  # nothing kept: no write (a catch-up forgets every day's problems as it starts)
        with self._write() as db:
            db.execute(
                f"DELETE FROM found_problems WHERE {_THE_DAY}",
                (organisation, trading_date.isoformat(), location),
            )

    def skip(self, organisation: str, trading_date: date, location: str, step: Step, reason: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO skipped_steps VALUES (?,?,?,?,?)",
                (organisation, trading_date.isoformat(), location, step.value, reason),
            )

    def unskip(self, organisation: str, trading_date: date, location: str, step: Step) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM skipped_steps WHERE organisation=? AND trading_date=? AND location=? AND step=?",
                (organisation, trading_date.isoformat(), location, step.value),
            )

    def record(self, organisation: str, trading_date: date, location: str = "") -> DayRecord:
        key = (organisation, trading_date.isoformat(), location)
        where = f"WHERE {_THE_DAY}"
        with self._lock:
            inv = self._read(
                "SELECT invoice_id, number, status, total, amount_due, fingerprint, posting "
                f"FROM invoices {where}",
                key,
            )
            invoice = _document(inv[0]) if inv else None
            cn = self._read(
                f"SELECT credit_note_id, number, status, total, remaining FROM credit_notes {where}", key
            )
            credit_note = _document(cn[0]) if cn else None
            live = {d.invoice_id for d in (invoice, credit_note) if d is not None}
            payments = tuple(
                PaymentRecord(t, p, Decimal(a), i)
                for t, p, a, i in self._read(
                    f"SELECT tender, payment_id, amount, invoice_id FROM payments {where} ORDER BY tender",
                    key,
                )
                if i in live
            )
            skipped = {
                Step(s): r for s, r in self._read(f"SELECT step, reason FROM skipped_steps {where}", key)
            }
            return DayRecord(
                day=self.day(organisation, trading_date, location),
                invoice=invoice,
                invoice_fingerprint=inv[0][5] or None if inv else None,
                posting=inv[0][6] if inv else 0,
                payments=payments,
                skipped=skipped,
                credit_note=credit_note,
            )
