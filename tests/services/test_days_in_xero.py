"""Days already in Xero, for the calendar: invoices made directly in the sandbox (not through xerohelper) show
on their dates with their Xero state, one read a month for the session; offline, a quiet note instead.
The real sandbox, the real SDK, the real journal."""

from __future__ import annotations

import calendar as month_days
from datetime import date, timedelta

import pytest

from tests.sandbox.helpers import day_invoice, invoices
from tests.services.connected_shop import connected_shop
from tests.services.sandbox_sign_in import HARBOUR
from xerohelper.core.day_status import DayStatus, shown_days
from xerohelper.sandbox.testing import connect, sdk_client
from xerohelper.services.day_snapshot import month_statuses

INVOICE_READS = "GET /api.xro/2.0/invoices"


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as connected:
        yield connected


def made_in_xero(shop, *made: tuple[date, str, str]) -> None:
    """Invoices (day, number, status) made in the sandbox by someone else's software (not xerohelper)."""
    sandbox = shop.xero.sandbox
    token = connect(
        sandbox.base_url,
        sandbox.client_id,
        redirect_uri=f"http://localhost:{shop.xero.port}/callback",
        organisation=HARBOUR,
    )
    accounting = sdk_client(sandbox.base_url, token, sandbox.client_id).accounting
    contact = accounting.get_contacts(shop.tenant_id, where='Name=="POS Sales"').contacts[0].contact_id
    accounting.create_invoices(
        shop.tenant_id,
        invoices(*(day_invoice(contact, number, status=status, day=day) for day, number, status in made)),
    )


def month_of(day: date) -> tuple[int, int]:
    return (day.year, day.month)


def test_invoices_made_directly_in_xero_show_on_their_dates_one_read_a_month(shop):
    today = shop.today
    a_month_ago = (today.replace(day=1) - timedelta(days=1)).replace(day=10)
    drafted, approved = a_month_ago, a_month_ago + timedelta(days=1)
    made_in_xero(
        shop,
        (drafted, f"POS-{drafted:%Y%m%d}", "DRAFT"),
        (approved, f"POS-{approved:%Y%m%d}", "AUTHORISED"),
        (a_month_ago + timedelta(days=2), "INV-0099", "AUTHORISED"),  # not a till day: left alone
    )
    shop.reset_call_counts()

    days = shop.service.days_in_xero
    before = days.month(month_of(a_month_ago), today)
    assert before.note == ""
    assert before.statuses() == {drafted: DayStatus.SENT_AS_DRAFT, approved: DayStatus.APPROVED}
    assert {d.number for d in before.days} == {f"POS-{drafted:%Y%m%d}", f"POS-{approved:%Y%m%d}"}
    # the demo organisation's three days before today were posted and paid before xerohelper was here
    this_month = days.month(month_of(today), today)
    for back in (1, 2, 3):
        earlier = today - timedelta(days=back)
        if earlier.month == today.month:
            assert this_month.statuses()[earlier] is DayStatus.PAID

    for _ in range(3):  # flipping between the months reads neither again
        assert days.month(month_of(a_month_ago), today) == before
        assert days.month(month_of(today), today) == this_month
    next_month = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    assert days.month(month_of(next_month), today).days == ()  # a month still to come isn't read
    assert shop.calls().get(INVOICE_READS) == 2 and days.reads == 2  # one read a month shown, not per day


def test_a_day_in_xero_but_not_in_the_journal_shows_its_xero_state_marked_so(shop):
    today = shop.today
    first = today.replace(day=1)
    sent_elsewhere, imported_here = first + timedelta(days=4), first + timedelta(days=5)
    if imported_here >= today - timedelta(days=3):
        first = (first - timedelta(days=1)).replace(day=1)  # early in the month: the month before
        sent_elsewhere, imported_here = first + timedelta(days=4), first + timedelta(days=5)
    made_in_xero(shop, (sent_elsewhere, f"POS-{sent_elsewhere:%Y%m%d}", "DRAFT"))
    shop.service.save_day(shop.the_day(imported_here))
    shop.service.save_day(shop.the_day(first))  # the shop's first day in xerohelper

    month = month_of(first)
    journal = month_statuses(shop.service, month, today=today)
    assert journal[imported_here] is DayStatus.IMPORTED
    assert journal[sent_elsewhere] is DayStatus.NOT_IMPORTED  # nothing of it on this computer
    last = date(first.year, first.month, month_days.monthrange(first.year, first.month)[1])
    assert set(journal) == {first + timedelta(days=n) for n in range((min(last, today) - first).days + 1)}

    shown = shown_days(journal, shop.service.days_in_xero.month(month, today).statuses())
    assert shown[sent_elsewhere].status is DayStatus.SENT_AS_DRAFT and shown[sent_elsewhere].from_xero
    assert shown[imported_here].status is DayStatus.IMPORTED and not shown[imported_here].from_xero
    assert "found in Xero" in shown[sent_elsewhere].words(sent_elsewhere)


def test_offline_the_month_comes_back_empty_with_a_quiet_note_and_is_read_again_later(shop):
    today = shop.today
    shop.control("faults", {"kind": "offline", "count": 10, "path_contains": "/Invoices"})
    offline = shop.service.days_in_xero.month(month_of(today), today)
    assert offline.days == () and offline.note.startswith(
        "Days sent from another computer may be missing here: "
    )
    assert not any(word in offline.note for word in ("Traceback", "Exception", "503", "HTTP"))

    shop.control("faults", method="DELETE")
    online = shop.service.days_in_xero.month(month_of(today), today)
    assert online.note == "" and online.days  # not kept: read again once Xero answers


def test_an_invoice_numbered_like_a_day_of_a_till_the_shop_does_not_have_is_not_taken_for_the_day(shop):
    """A shop with one till: POS-20261110-DEPOSIT (an invoice the shop made itself, say) is not that day's
    takings at a till called "DEPOSIT"; the day's own number still is."""
    today = shop.today
    a_month_ago = (today.replace(day=1) - timedelta(days=1)).replace(day=10)
    own, other = a_month_ago, a_month_ago + timedelta(days=1)
    made_in_xero(
        shop,
        (own, f"POS-{own:%Y%m%d}", "AUTHORISED"),
        (other, f"POS-{other:%Y%m%d}-DEPOSIT", "AUTHORISED"),
    )
    month = shop.service.days_in_xero.month(month_of(a_month_ago), today)
    assert month.statuses() == {own: DayStatus.APPROVED}
