"""Issue 15's proof as a whole: an untidy month of a shop with two tills on a capped Xero plan, run
through the app's own door (AppSession: the same services the command line uses) against the sandbox, with
the real SDK and the real SQLite journal. Each untidy day is met as the owner would meet it — the import, the
day screen's button, the catch-up — and at the end every day that should be in Xero is, each exactly once,
and Xero refused nothing. The month itself: tests/scenarios/untidy_month.py."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest

from tests.scenarios.untidy_month import (
    FRONT,
    GARDEN,
    MARKET,
    ONLINE,
    PIER,
    STARTER,
    TILLS,
    UntidyMonth,
    a_past_month_of_31_days,
    foreign_mapping_file,
    plain_words,
    the_shops_setup,
)
from tests.ui.demo_session import demo_session
from xerohelper.core.booking_rules import suggested_sales, suggested_tender_account
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.dates import short_date
from xerohelper.core.day_status import DayStatus
from xerohelper.core.weeks import Week, week_of
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.services.demo_shop import DEMO_ORGANISATION
from xerohelper.services.shop_mapping import export_mapping

# Xero's 60 calls a minute would have the demo's pacer wait real seconds: the month's calls are counted, not
# paced (the rate limits have tests of their own).
ROOMY = {"minute": 100_000, "day": 1_000_000, "concurrent": 100}


class Shop:
    """The owner's side: the app's session, and a look at what the sandbox holds."""

    def __init__(self, session, folder) -> None:
        self.session = session
        self.folder = folder
        self.url = session.sandbox.base_url
        self.tenant_id = session.organisation().tenant_id

    def control(self, path, body=None, method=None):
        return control(self.url, path, body, method)

    def restart(self) -> None:
        """The app closed and opened again on the same data folder: a new AppSession (its journal read
        afresh; the practice Xero's state kept in the demo's folder), the month's plan and limits again."""
        self.session.close()
        self.session = AppSession(demo=True)
        self.session.open()
        self.session.connect()
        self.url = self.session.sandbox.base_url
        self.control("limits", ROOMY)
        self.control("organisation", {"tenant": self.tenant_id, **STARTER})

    def ledger(self) -> dict:
        return self.control("state")["world"]["organisations"][self.tenant_id]

    def writes(self) -> dict[str, int]:
        """The calls so far that would change the books in Xero (anything but a read), by endpoint."""
        return {
            e: n
            for e, n in self.control("requests")["by_endpoint"].items()
            if "/api.xro/" in e and not e.startswith("GET ")
        }

    def import_file(self, path):
        """The day screen's Import: (the import, what was kept, the new till names it asks about)."""
        return self.session.import_days(path)

    def catch_up(self):
        """The catch-up window: the list, every row ticked, Send."""
        rows = self.session.catch_up_list()
        return self.session.send_catch_up(rows) if rows else []

    def week_number(self, week: Week, location: str) -> str:
        return self.session.mapping().week_invoice_number(week.first, week.last, location)

    def live(self, documents: str = "invoices", number: str | None = None) -> list[dict]:
        """The sandbox's own record of live sales invoices (or "credit_notes"), with this number if given."""
        return [
            i
            for i in self.ledger()[documents].values()
            if i["status"] not in ("DELETED", "VOIDED")
            and (number is None or i.get("invoice_number") == number)
        ]

    def untouched(self, week: Week, location: str) -> bool:
        """Nothing of this till's week went to Xero: no invoice, and no write even begun in the journal."""
        days = self.session.day_service()
        attempts = [a for d in week.days() for a in days.journal.attempts(days.organisation_id, d, location)]
        return attempts == [] and self.live(number=self.week_number(week, location)) == []


@pytest.fixture
def shop(tmp_path):
    with demo_session() as session:
        shop = Shop(session, tmp_path / "till exports")
        shop.control("limits", ROOMY)
        shop.control("organisation", {"tenant": shop.tenant_id, **STARTER})
        yield shop
        if shop.session is not session:  # restarted halfway: the last session closes here
            shop.session.close()


def shops_setup(session):
    """The month's Shop setup, with tips and gift cards on the accounts Shop setup suggests."""
    setup, _ = session.organisation_setup()
    tips, gift_cards = suggested_sales("Tips", setup), suggested_sales("Gift card sales", setup)
    assert (tips.account_code, gift_cards.account_code) == ("835", "830")  # liabilities, not sales
    return the_shops_setup(session.mapping(), tips, gift_cards, suggested_tender_account("Gift card", setup))


def test_an_untidy_month_of_two_tills_on_a_capped_plan_ends_with_every_day_in_xero_once(shop):
    session = shop.session
    month = UntidyMonth(a_past_month_of_31_days(session.today()))
    own_setup = shops_setup(session)

    # The bookkeeper's shop setup file was made for Pier Nine Café: the app names it and keeps its own.
    own_file, foreign = shop.folder.parent / "own.json", shop.folder.parent / "from-the-bookkeeper.json"
    export_mapping(own_setup, own_file)
    foreign_mapping_file(foreign, json.loads(own_file.read_text()), _pier(shop))
    _, made_for = session.read_mapping_file(foreign)
    assert made_for == PIER  # Shop setup asks "made for Pier Nine Café — use it anyway?"; the owner says no
    session.save_mapping(own_setup)

    stops: list[str] = []
    for week in month.weeks:
        for till in TILLS:
            path = month.week_file(
                shop.folder, week, till, doubled_sign=month.doubled_sign in week and till == FRONT
            )
            outcome, kept, new = shop.import_file(path)
            if month.doubled_sign in week and till == FRONT:
                # The importer refuses "--150.00" (file, line, column and value), and keeps nothing of it.
                assert not outcome.ok and not kept and "--150.00" in outcome.message()
                assert re.search(r"line \d+", outcome.message()) and "Amount" in outcome.message()
                assert plain_words(outcome.message())
                assert session.day_service().journal.day(shop.tenant_id, month.doubled_sign, FRONT) is None
                stops.append("doubled sign")
                outcome, kept, new = shop.import_file(month.week_file(shop.folder, week, till))
            assert outcome.ok, outcome.message()
            assert new == [] and len(kept) == len(week.days())
        if month.shopify in week:
            outcome, kept, new = shop.import_file(month.shopify_file(shop.folder))
            assert outcome.ok and [f.day.date for f in kept] == [month.shopify] and new == []
        if month.doubled_sign in week:
            # Pier Nine Café's till file, imported by mistake: its name was never seen here, so nothing is
            # kept until the owner says it is this shop's (they don't).
            outcome, kept, new = shop.import_file(month.pier_file(shop.folder))
            assert outcome.ok and kept == [] and new == [PIER]
            stops.append("a till never seen")
        if month.market in week:
            # The shop's new market stall: never seen either, asked about; the owner says yes.
            outcome, kept, new = shop.import_file(month.market_file(shop.folder))
            assert outcome.ok and kept == [] and new == [MARKET]
            kept = session.keep_days(outcome.days)
            assert [(f.day.date, f.day.location) for f in kept] == [(month.market, MARKET)]

        if week == month.weeks[0]:  # the day screen's warning ahead of the plan's cap, for both tills
            warning = session.plan_warning(week.first, FRONT)
            assert "approves 20 sales invoices a month" in warning
            assert warning.endswith("about five a month for each till, so every day fits.")

        for d, till, over_or_short in ((month.over, FRONT, "over"), (month.short, GARDEN, "short")):
            if d not in week:
                continue
            # The day screen: the day card says the till is over/short before step 1, and its button sends
            # nothing until the owner decides.
            summary = session.checklist(d, till)[Step.SALES_SUMMARY]
            assert summary.state is StepState.NOT_STARTED
            assert f"the till is {over_or_short}" in summary.reason and "Nothing is sent" in summary.reason
            before = shop.writes()
            session.run_next_step(d, till)
            assert shop.writes() == before and shop.untouched(week, till)
            stops.append(f"till {over_or_short}")
            assert session.accept_difference(d, till)[Step.SALES_SUMMARY].state is StepState.READY

        rows = shop.catch_up()
        if month.afterpay in week:
            # The Garden centre's week stops before step 1: Afterpay's account takes no payments.
            # The catch-up list says so on that day, and on the week's other days what they wait for.
            outcomes = {
                r.trading_date: r.outcome for r in rows if r.location == GARDEN and r.trading_date in week
            }
            assert outcomes.pop(month.afterpay) == "needs attention: Xero won't use account 617 for this"
            assert all(
                f"Waits for {short_date(month.afterpay)}, which needs you first" in words
                for words in outcomes.values()
            )
            card = session.checklist(month.afterpay, GARDEN)[Step.SALES_SUMMARY].attention
            assert card.key == "account-not-valid" and card.where == "Afterpay" and card.predicted
            assert card.what_happened.startswith("Xero would turn down Afterpay")  # nothing was sent
            assert plain_words(card.as_text()) and "617" in card.as_text()
            assert shop.untouched(week, GARDEN)
            stops.append("tender account takes no payments")

            # The owner closes the app and opens it again: the stopped day still needs attention with the
            # same card, and the week's other days still say what they wait for (the calendar, the day
            # screen and the catch-up list read the journal, not what the last app remembered).
            shop.restart()
            session = shop.session
            waits = f"Waits for {short_date(month.afterpay)}, which needs you first"
            assert session.checklist(month.afterpay, GARDEN)[Step.SALES_SUMMARY].attention == card
            listed = {r.trading_date: r.day for r in session.catch_up_list() if r.location == GARDEN}
            assert listed[month.afterpay].attention == "Xero won't use account 617 for this"
            for d in outcomes:
                summary = session.checklist(d, GARDEN)[Step.SALES_SUMMARY]
                assert summary.state is StepState.NOT_STARTED and summary.reason.startswith(waits)
                assert listed[d].waits == waits and not listed[d].attention
            snapshot = session.day_snapshot(
                month.afterpay, GARDEN, (month.afterpay.year, month.afterpay.month)
            )
            assert snapshot.statuses[month.afterpay] is DayStatus.NEEDS_ATTENTION

            session.save_mapping(session.mapping().with_tender("Afterpay", "615"))  # fixed in Shop setup
            rows = shop.catch_up()
            days = session.day_service()
            assert all(days.journal.problems(shop.tenant_id, d, GARDEN) == {} for d in week.days())
        assert rows and all(r.outcome == "sent" for r in rows), [(r.trading_date, r.outcome) for r in rows]

    assert session.catch_up_list() == []  # nothing left to send
    assert stops == [
        "till over",
        "till short",
        "tender account takes no payments",
        "doubled sign",
        "a till never seen",
    ]

    # Every day that should be in Xero is, each on its week's one invoice, paid in full.
    for d, place in month.expected_days():
        assert session.checklist(d, place).is_finished, (d, place)
    invoices = shop.live()
    in_month = [i for i in invoices if month.days[0].isoformat() <= i["date"] <= month.days[-1].isoformat()]
    expected = sorted(shop.week_number(w, place) for place, weeks in month.places() for w in weeks)
    assert sorted(i["invoice_number"] for i in in_month) == expected  # each exactly once
    assert all(i["status"] == "PAID" and i["amount_paid"] == i["total"] for i in in_month)
    assert len(in_month) <= STARTER["approved_invoice_limit"]
    # The money: each till's invoices come to what its tenders took plus what it paid back in refunds (the
    # refund week's one credit note pays those out); the Pier Nine Café file is nowhere, and the online
    # store's day and the market stall's are each their own.
    total_of = {i["invoice_number"]: Decimal(i["total"]) for i in in_month}
    for place, weeks in month.places():
        invoiced = sum(total_of[shop.week_number(w, place)] for w in weeks)
        assert invoiced == month.money_taken(place) + month.refunds_paid_out(place), place
    (refunds,) = shop.live("credit_notes")
    assert Decimal(refunds["total"]) == month.refunds_paid_out(FRONT) and refunds["status"] == "PAID"
    assert week_of(date.fromisoformat(refunds["date"])) == month.refunds_week
    assert not any(PIER in (i.get("reference") or "") for i in invoices)

    # The untidy days, as Xero holds them.
    front_week_1 = _invoice(shop, week_of(month.over), FRONT)
    assert _line(front_week_1, "Till difference (over)") == Decimal("0.05")
    assert _line(_invoice(shop, week_of(month.short), GARDEN), "Till difference (short)") == Decimal("-5.00")
    online = _invoice(shop, week_of(month.shopify), ONLINE)
    assert online["line_amount_types"] == "Inclusive" and Decimal(online["total_tax"]) > 0
    tips_week = _invoice(shop, week_of(month.tips_and_gift_cards), FRONT)
    accounts = {item["account_code"] for item in tips_week["line_items"]}
    assert {"835", "830"} <= accounts  # tips owed to the staff, gift cards sold owed to the holders

    # Xero refused nothing all month, and the journal has no failed write.
    assert shop.control("requests")["refused"] == {}
    days = session.day_service()
    failed = [
        a
        for d, place in month.expected_days()
        for a in days.journal.attempts(days.organisation_id, d, place)
        if a.outcome == "failed"
    ]
    assert failed == []
    assert session.organisation().name == DEMO_ORGANISATION


def _pier(shop) -> str:
    organisations = shop.control("state")["world"]["organisations"]
    return next(tenant for tenant, o in organisations.items() if o["organisation"]["name"] == PIER)


def _invoice(shop, week: Week, location: str) -> dict:
    (invoice,) = shop.live(number=shop.week_number(week, location))
    return invoice


def _line(invoice: dict, description: str) -> Decimal:
    """The amount of the week invoice's one line for `description` ("Fri 2 Oct – Till difference (over)")."""
    (line,) = [i for i in invoice["line_items"] if i["description"].endswith(f" – {description}")]
    return Decimal(line["line_amount"])
