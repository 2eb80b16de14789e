"""Open the journal; when it had to be set aside (damaged, empty, unopenable) or went missing, rebuild it
from Xero. (Missing: the settings remember where the journal was kept, so a lost one is told from the
first start, which has nothing to rebuild.)

The journal is a cache of what Xero holds plus xerohelper's intents. What Xero holds can be read again:
the organisation's sales invoices whose numbers follow the shop's Mapping (POS-20261121, POS-20261121-2
after a re-send, POS-20261121-HARBOUR-ST for a till…), their credit notes (…-CN) and the payments on both.
From those, each day gets back its invoice (status, total, what is still owing, which posting it is), its
credit note and its payments by tender, so the calendar shows those days as sent, catch-up leaves them
alone, re-send voids the right invoice, and nothing is sent twice.

How far back: REBUILD_MONTHS whole months before this one, and everything since. Catch-up looks back 62
days, and a day older than that is settled in Xero (and usually behind its lock date); the window covers
those 62 days with a month to spare, in one or two pages of each read. A day older than that which is sent
again is still looked up in Xero by its invoice number first (the day's run does that), so it is not sent
twice either.

What can't be rebuilt: the till's own figures (Xero has the invoice, not the till file). Such a day shows
its invoice and payments as Xero holds them; to see its figures, or to re-send it, the owner imports the
day again. Days imported but never sent, skipped steps and the history of attempts are gone with the old
file (which is kept, renamed).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from xerohelper.adapters import damaged_files
from xerohelper.adapters.journal import (
    JOURNAL_FILE_NAME,
    MISSING,
    UNKNOWN_FIGURES,
    WEEK_FROM_XERO,
    Journal,
    PaymentRecord,
    SetAside,
)
from xerohelper.adapters.settings import Settings, SettingsFileDamaged
from xerohelper.adapters.xero_pacing import Cancelled, XeroPacer
from xerohelper.adapters.xero_past_days import PastDaysNotRead, PastDocument, PastPayment, XeroPastDays
from xerohelper.core.checklist import GONE
from xerohelper.core.connection import ConnectionProblem
from xerohelper.core.dates import long_date
from xerohelper.core.mapping import Mapping
from xerohelper.core.sales_invoice import credit_note_number
from xerohelper.core.weeks import week_of
from xerohelper.services.explaining import explain_error

log = logging.getLogger(__name__)
REBUILD_MONTHS = 3
_PLACE = "QQPLACEQQ"  # stands for the till's name while a number pattern is turned into a search
# The settings section that remembers where the journal is kept, so a lost one is told from a new one.
JOURNAL_SECTION = "journal"


@dataclass(frozen=True)
class RebuiltDays:
    since: date
    days: int  # days with an invoice found in Xero


def open_journal(
    connection,
    mapping: Callable[[], Mapping] | Mapping,
    progress: Callable[[str], None] | None = None,
    pacer: XeroPacer | None = None,
    today: date | None = None,
) -> Journal:
    """The journal in the connection's data folder, set aside and rebuilt from Xero when it couldn't be used.

    `connection` is the ConnectionService (its folders, organisation and Xero client). The owner is told
    what happened through damaged_files.tell (the command line prints it, the window shows it)."""
    folder = connection.folders.data
    path = folder / JOURNAL_FILE_NAME
    lost = not os.path.lexists(path) and _journal_was_kept(connection.folders.settings, path)
    journal, set_aside = Journal.open_checked(path)
    if lost and set_aside is None:
        set_aside = SetAside(MISSING, None)
        journal.remember_set_aside(set_aside.why, None)
    _remember_journal(connection.folders.settings, path)
    organisation = connection.saved_organisation()
    wanted = journal.rebuild_wanted(organisation.tenant_id) if organisation is not None else None
    if wanted is None:
        if set_aside is not None:
            damaged_files.tell(
                f"{set_aside.words(folder)} xerohelper will rebuild it from Xero once it is connected."
            )
        return journal
    if progress is not None:
        progress("Rebuilding xerohelper's record of the days sent, from Xero…")
    try:
        past = XeroPastDays(connection.api(), organisation.tenant_id, pacer or XeroPacer())
        rebuilt = rebuild_from_xero(
            journal, organisation.tenant_id, past, mapping() if callable(mapping) else mapping, today
        )
    except (PastDaysNotRead, ConnectionProblem, Cancelled) as problem:
        log.warning("rebuilding the journal from Xero: %r", problem)
        if set_aside is not None:
            words = (
                getattr(problem, "words", "") or explain_error(getattr(problem, "error", problem))[0].title
            )
            damaged_files.tell(f"{set_aside.words(folder)} {_not_rebuilt_words(words)}")
        return journal
    damaged_files.tell(f"{(set_aside or wanted).words(folder)} {_rebuilt_words(rebuilt)}")
    return journal


def _journal_was_kept(settings_folder, path) -> bool:
    """The settings remember a journal at this path: it existed, so a missing one was lost, not new."""
    return Settings.load(settings_folder).get_section(JOURNAL_SECTION).get("path") == str(path)


def _remember_journal(settings_folder, path) -> None:
    settings = Settings.load(settings_folder)
    if settings.get_section(JOURNAL_SECTION).get("path") != str(path):
        settings.set_section(JOURNAL_SECTION, {"path": str(path)})
        try:
            settings.save()
        except (OSError, SettingsFileDamaged) as problem:  # then a lost journal can't be told from a new one
            log.warning("could not remember the journal's place: %s", problem)


def since_for(today: date) -> date:
    """The first day of the month REBUILD_MONTHS before this one."""
    months = today.year * 12 + today.month - 1 - REBUILD_MONTHS
    return date(months // 12, months % 12 + 1, 1)


def rebuild_from_xero(
    journal: Journal, organisation: str, past: XeroPastDays, mapping: Mapping, today: date | None = None
) -> RebuiltDays:
    """Write into the journal the days Xero holds since `since_for(today)`; mark the organisation rebuilt."""
    since = since_for(today or date.today())
    documents = past.sales_invoices(since)
    invoices = _by_day(documents, mapping, credit_notes=False)
    weeks = _weeks(documents, mapping)
    past_notes = past.sales_credit_notes(since)
    notes = _by_day(past_notes, mapping, credit_notes=True)
    week_notes = {  # weekly summaries' credit notes by number, a live one over a voided one
        n.facts.number: n
        for n in sorted(past_notes, key=lambda n: n.facts.status not in GONE)
        if n.facts.number.endswith(credit_note_number(""))
    }
    with journal.all_at_once():  # hundreds of rows: one transaction, one wait for the disk
        for (trading_date, place), found in sorted(invoices.items()):
            _rebuild_day(journal, organisation, trading_date, place, found, notes, mapping)
        week_days = sum(
            _rebuild_week(journal, organisation, place, found, mapping, week_notes)
            for (_, place), found in sorted(weeks.items())
        )
        journal.rebuilt(organisation, since, len(invoices) + week_days)
    return RebuiltDays(since, len(invoices) + week_days)


def _weeks(
    documents: list[PastDocument], mapping: Mapping
) -> dict[tuple[date, str], list[tuple[int, PastDocument]]]:
    """Weekly summaries' invoices (POS-20261201-20261206, -2 after a re-send; POS-20261201-20261206-FRONT for
    a till's own week), by the week's first day and till."""
    places = _known_places(mapping)
    found: dict[tuple[date, str], list[tuple[int, PastDocument]]] = {}
    for document in documents:
        number, dated = document.facts.number, document.document_date
        week = _week_of(number, dated, mapping, places)
        if week is not None:
            place, posting = week
            found.setdefault((dated, place), []).append((posting, document))
    return found


def _rebuild_week(
    journal: Journal, organisation: str, place: str, found, mapping: Mapping, notes=None
) -> int:
    """A week's invoice (its latest posting) on each day a payment was taken (the payment's reference names
    its day), with that day's payments by tender; on the week's first day when none was. The week's credit
    note (…-CN) on each day one of its refunds was paid out, with those refunds. Days rebuilt."""
    posting, invoice = _current(found)
    week = week_of(invoice.document_date)
    note = (notes or {}).get(credit_note_number(invoice.facts.number))
    by_day: dict[date, list[tuple[PastPayment, PastDocument]]] = {}
    for day in week.days():
        prefix = f"{mapping.reference(day, place)} – "
        for document in [invoice, *([note] if note is not None else [])]:
            paid = [(p, document) for p in document.payments if p.reference.startswith(prefix)]
            by_day.setdefault(day, []).extend(paid)
    by_day = {day: paid for day, paid in by_day.items() if paid}
    days = sorted(by_day) or [week.first]
    journal.record_invoice_on_days(
        organisation, [(d, place, WEEK_FROM_XERO) for d in days], invoice.facts, posting
    )
    for day, payments in by_day.items():
        taken: set[str] = set()
        for payment, document in payments:
            refund = document is note
            if refund:
                journal.record_credit_note(organisation, day, place, note.facts)
            tender = _tender(payment.reference, mapping.reference(day, place), refund, taken)
            taken.add(tender)
            record = PaymentRecord(tender, payment.payment_id, payment.amount, document.facts.invoice_id)
            journal.record_payment(organisation, day, place, record)
    return len(days)


def _rebuild_day(journal: Journal, organisation: str, trading_date: date, place: str, found, notes, mapping):
    """One day's invoice (its latest posting), its credit note and the payments on both, by tender."""
    posting, invoice = _current(found)
    journal.record_invoice(organisation, trading_date, place, invoice.facts, UNKNOWN_FIGURES, posting)
    note = _matching_note(notes.get((trading_date, place), []), posting)
    documents = [(invoice, False)]
    if note is not None:
        journal.record_credit_note(organisation, trading_date, place, note.facts)
        documents.append((note, True))
    reference = mapping.reference(trading_date, place)
    tenders: set[str] = set()
    for document, refund in documents:
        for payment in document.payments:
            tender = _tender(payment.reference, reference, refund, tenders)
            tenders.add(tender)
            record = PaymentRecord(tender, payment.payment_id, payment.amount, document.facts.invoice_id)
            journal.record_payment(organisation, trading_date, place, record)


# ---- which day a document belongs to ----------------------------------------------------------------------
def days_of(documents: list[PastDocument], mapping: Mapping) -> dict[tuple[date, str], PastDocument]:
    """The sales invoices that are the shop's days (by their numbers), each day's current one by (day, till);
    a weekly summary's invoice on each day of its week."""
    found = {day: _current(each)[1] for day, each in _by_day(documents, mapping, credit_notes=False).items()}
    for (first_day, place), each in _weeks(documents, mapping).items():
        for day in week_of(first_day).days():
            found[(day, place)] = _current(each)[1]
    return found


def _by_day(
    documents: list[PastDocument], mapping: Mapping, credit_notes: bool
) -> dict[tuple[date, str], list[tuple[int, PastDocument]]]:
    """The documents whose number is one the Mapping gives their date, by (day, till) with their posting."""
    places = _known_places(mapping)
    found: dict[tuple[date, str], list[tuple[int, PastDocument]]] = {}
    for document in documents:
        number = document.facts.number
        if credit_notes:
            if not number.endswith(credit_note_number("")):
                continue
            number = number[: -len(credit_note_number(""))]
        if _a_week_s(number, document.document_date, mapping):
            continue  # a weekly summary's invoice (POS-20261201-20261206), not a till called "20261206"
        day = _day_of(number, document.document_date, mapping, places)
        if day is None:
            continue
        place, posting = day
        found.setdefault((document.document_date, place), []).append((posting, document))
    return found


def _a_week_s(number: str, dated: date, mapping: Mapping) -> bool:
    """Whether `number` is the weekly summary's invoice of the week starting `dated` (rebuilt by week)."""
    week = week_of(dated)
    if week.first != dated:
        return False
    try:
        base = mapping.week_invoice_number(week.first, week.last)
    except (KeyError, ValueError, IndexError):
        return False
    return number == base or number.startswith(f"{base}-")


def _week_of(number: str, dated: date, mapping: Mapping, places: tuple[str, ...]) -> tuple[str, int] | None:
    """(till, posting) when `number` is a weekly summary's invoice of the week starting `dated`; else None.

    The shop's own tills first (POS-20261130-20261206-FRONT-2: Front's second posting), then the shop's
    unnamed till (POS-20261130-20261206-2), then a till the Mapping doesn't name (its code, as for a day)."""
    if not _a_week_s(number, dated, mapping):
        return None
    week = week_of(dated)
    for place in places:
        base = mapping.week_invoice_number(week.first, week.last, place)
        if number == base:
            return place, 1
        tail = number[len(base) + 1 :] if number.startswith(f"{base}-") else ""
        if tail.isdigit() and len(tail) <= 2:
            return place, int(tail)
    tail = number[len(mapping.week_invoice_number(week.first, week.last)) + 1 :]
    if not tail:
        return "", 1
    if tail.isdigit():
        return "", int(tail)
    match = re.fullmatch(r"(?P<place>[A-Z0-9-]+?)(?:-(?P<posting>[1-9][0-9]?))?", tail)
    return (match.group("place"), int(match.group("posting") or 1)) if match else ("", 1)


def _number_pattern(mapping: Mapping, day: date) -> re.Pattern:
    """POS-20261121, POS-20261121-2, POS-20261121-HARBOUR-ST, POS-20261121-HARBOUR-ST-2 (per the Mapping)."""
    try:
        plain = re.escape(mapping.invoice_number(day))
        placed = re.escape(mapping.invoice_number(day, _PLACE)).replace(_PLACE, "(?P<place>[A-Z0-9-]+?)")
    except (KeyError, ValueError, IndexError):  # a pattern the Mapping can't fill: nothing is ours
        return re.compile(r"(?!)")
    return re.compile(f"^(?:{plain}|{placed})(?:-(?P<posting>[1-9][0-9]?))?$")


def _known_places(mapping: Mapping) -> tuple[str, ...]:
    tracking = mapping.tracking
    return tuple(tracking.option_by_location) if tracking is not None else ()


def _day_of(number: str, day: date, mapping: Mapping, places: tuple[str, ...]) -> tuple[str, int] | None:
    """(till, posting) when `number` is one the Mapping gives a day's invoice on `day`; else None.

    The shop's own tills are tried first, so "TILL-2" is the till "Till 2", not a second posting."""
    for place in places:
        try:
            base = mapping.invoice_number(day, place)
        except (KeyError, ValueError, IndexError):
            return None
        if number == base:
            return place, 1
        tail = number[len(base) + 1 :] if number.startswith(f"{base}-") else ""
        if tail.isdigit() and len(tail) <= 2:
            return place, int(tail)
    match = _number_pattern(mapping, day).match(number)
    if match is None:
        return None
    return match.group("place") or "", int(match.group("posting") or 1)


def _current(found: list[tuple[int, PastDocument]]) -> tuple[int, PastDocument]:
    """The day's invoice now: the latest posting still in Xero, else the latest voided one."""
    live = [f for f in found if f[1].facts.status not in GONE]
    return max(live or found, key=lambda f: f[0])


def _matching_note(found: list[tuple[int, PastDocument]], posting: int) -> PastDocument | None:
    same = [d for p, d in found if p == posting]
    live = [d for d in same if d.facts.status not in GONE]
    return (live or same or [None])[0]


def _tender(payment_reference: str, day_reference: str, refund: bool, taken: set[str]) -> str:
    """The tender a payment was for, read back from its reference ("Till takings Sat 21 Nov 2026 – Cash")."""
    prefix = f"{day_reference} – "
    tender = payment_reference[len(prefix) :] if payment_reference.startswith(prefix) else ""
    if refund and tender.endswith(" refunds"):
        tender = tender[: -len(" refunds")]
    tender = tender or payment_reference or "Payment made in Xero"
    name, count = tender, 1
    while name in taken:
        count += 1
        name = f"{tender} ({count})"
    return name


# ---- words ------------------------------------------------------------------------------------------------
def _not_rebuilt_words(why: str) -> str:
    return (
        f"xerohelper couldn't read the days already sent from Xero just now ({why.rstrip('.')}); it will "
        "try again the next time it opens the day. Until then, before sending a day xerohelper still asks "
        "Xero whether its invoice is already there, so nothing is sent twice."
    )


def _rebuilt_words(rebuilt: RebuiltDays) -> str:
    since = long_date(rebuilt.since)
    if rebuilt.days == 0:
        found = f"xerohelper looked in Xero for the days it sent since {since} and found none."
    else:
        days = "1 day" if rebuilt.days == 1 else f"{rebuilt.days} days"
        found = (
            f"xerohelper rebuilt the record from Xero: {days} since {since}, with their invoices, payments "
            "and credit notes, so they show as sent and nothing is sent twice."
        )
    return (
        f"{found} Xero doesn't keep the till's own figures: to see a day's figures or send it again, import "
        "its till file again. Days you had imported but not sent yet need importing again too."
    )
