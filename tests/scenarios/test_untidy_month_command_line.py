"""The untidy month of tests/scenarios/untidy_month.py once more, from the command line only (in-process,
against the sandbox with the real SDK and journal): `mapping import`, `import --save`, `day run`,
`catch-up --yes --json`, with `--accept-difference` and `--other-organisation` where they apply. What the
commands print is plain words (no traceback, no HTTP status) and names the organisation where a day is sent;
at the end every day is in Xero once, and Xero refused nothing."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from tests.scenarios.untidy_month import (
    FRONT,
    GARDEN,
    MARKET,
    PIER,
    STARTER,
    TILLS,
    UntidyMonth,
    a_past_month_of_31_days,
    foreign_mapping_file,
    plain_words,
    the_shops_setup,
)
from tests.services.connected_shop import connected_shop
from xerohelper.cli import main
from xerohelper.core.dates import short_date
from xerohelper.core.mapping import Mapping, SalesAccount

HARBOUR = "Harbour Street Hardware"
NO_TAX = "BASEXCLUDED"


@pytest.fixture
def shop(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.control("organisation", {"tenant": shop.tenant_id, **STARTER})
        yield shop


class CommandLine:
    """Runs `xerohelper …` against the sandbox and keeps everything it printed."""

    def __init__(self, shop, capsys) -> None:
        self.shop, self.capsys = shop, capsys
        self.printed: list[str] = []

    def __call__(self, *args: str, code: int) -> tuple[str, str]:
        ran = main([*args, "--sandbox", self.shop.xero.base_url])
        out, err = self.capsys.readouterr()
        self.printed += [out, err]
        assert ran == code, (args, out, err)
        return out, err

    def writes(self) -> dict[str, int]:
        calls = self.shop.calls()
        return {
            endpoint: n
            for endpoint, n in calls.items()
            if "/api.xro/" in endpoint and not endpoint.startswith("GET ")
        }


def test_the_untidy_month_from_the_command_line(shop, tmp_path, capsys):
    run = CommandLine(shop, capsys)
    month = UntidyMonth(a_past_month_of_31_days(shop.today))
    folder = tmp_path / "exports"

    # Shop setup from a file: the month's setup goes in; the bookkeeper's file for Pier Nine Café doesn't.
    exported = tmp_path / "harbour.json"
    run("mapping", "export", str(exported), code=0)
    data = json.loads(exported.read_text())
    gift = SalesAccount("830", NO_TAX)
    setup = the_shops_setup(Mapping.from_dict(data), SalesAccount("835", NO_TAX), gift, "830")
    exported.write_text(json.dumps({**setup.to_dict(), "organisation": data["organisation"]}))
    out, _ = run("mapping", "import", str(exported), code=0)
    assert f"{HARBOUR} now uses the mapping" in out
    foreign = foreign_mapping_file(tmp_path / "pier.json", data, shop.xero.tenant(PIER))
    _, err = run("mapping", "import", str(foreign), code=2)
    assert f"made for {PIER}, not for {HARBOUR}" in err and "--other-organisation" in err
    assert "Nothing was changed" in err

    for week in month.weeks:
        for till in TILLS:
            if month.doubled_sign in week and till == FRONT:
                bad = month.week_file(folder, week, till, doubled_sign=True)
                _, err = run("import", str(bad), "--save", code=2)
                assert "--150.00" in err and "column “Amount”" in err and re.search(r"line \d+", err)
                assert "Nothing from this file was imported" in err
            out, _ = run("import", str(month.week_file(folder, week, till)), "--save", code=0)
            assert out.count(f" — {till}: kept") == len(week.days()) and f"Kept for {HARBOUR}." in out
        if month.shopify in week:
            out, _ = run("import", str(month.shopify_file(folder)), "--save", code=0)
            assert f"{month.shopify.isoformat()}: kept" in out
        if month.doubled_sign in week:
            before = shop.journal.days_between(shop.tenant_id, month.days[0], month.days[-1])
            _, err = run("import", str(month.pier_file(folder)), "--save", code=1)
            assert PIER in err and "--new-location" in err and "Nothing was kept" in err
            assert shop.journal.days_between(shop.tenant_id, month.days[0], month.days[-1]) == before
        if month.market in week:  # the shop's own new market stall: asked about, then kept with the flag
            _, err = run("import", str(month.market_file(folder)), "--save", code=1)
            assert MARKET in err and "--new-location" in err
            out, _ = run("import", str(month.market_file(folder)), "--save", "--new-location", code=0)
            assert f"{month.market.isoformat()} — {MARKET}: kept" in out

        for d, till, over_or_short in ((month.over, FRONT, "over"), (month.short, GARDEN, "short")):
            if d not in week:
                continue
            day = ("day", "run", "--date", d.isoformat(), "--location", till, "--approve")
            before = run.writes()
            out, _ = run(*day, code=1)
            assert out.startswith(f"{HARBOUR} — ") and f"the till is {over_or_short}" in out
            assert "--accept-difference" in out and run.writes() == before  # nothing written
            out, _ = run(*day, "--accept-difference", "--json", code=0)
            report = json.loads(out)
            assert report["organisation"] == HARBOUR and report["finished"] and report["amount_due"] == "0.00"

        out, _ = run("catch-up", "--yes", "--json", code=1 if month.afterpay in week else 0)
        report = json.loads(out)
        assert report["organisation"] == HARBOUR
        if month.afterpay in week:
            outcome = {(d["date"], d["location"]): d["outcome"] for d in report["days"]}
            stopped = outcome.pop((month.afterpay.isoformat(), GARDEN))
            assert stopped == "needs attention: Xero won't use account 617 for this"
            assert not report["all_in_xero"]
            # Each command is a new start on the same data folder: the stopped day still needs attention,
            # with the same card, and the week's other days still say what they wait for.
            waits = f"Waits for {short_date(month.afterpay)}, which needs you first"
            assert {o for (_, till), o in outcome.items() if till == GARDEN} == {waits}
            status = ("day", "status", "--location", GARDEN, "--date")
            out, _ = run(*status, month.afterpay.isoformat(), code=1)
            assert "1. Sales summary: needs attention — Found before sending: nothing went to Xero" in out
            assert "Xero won't use account 617 for this" in out and "Xero would turn down Afterpay" in out
            for d in [d for d in week.days() if d != month.afterpay]:
                out, _ = run(*status, d.isoformat(), code=1)
                assert f"1. Sales summary: not started — {waits}: " in out
            out, _ = run("catch-up", code=1)
            listed = {line.split()[0]: line for line in out.splitlines() if line.endswith(")")}
            assert listed[month.afterpay.isoformat()].endswith(
                "not sent (last time: Xero won't use account 617 for this)"
            )
            assert (
                sum(line.endswith(f"not sent ({waits[0].lower()}{waits[1:]})") for line in out.splitlines())
                == 6
            )
            before = run.writes()
            out, _ = run("day", "run", "--date", month.afterpay.isoformat(), "--location", GARDEN, code=1)
            assert out.startswith(f"{HARBOUR} — ") and "Xero would turn down Afterpay" in out
            assert "Found before sending: nothing went to Xero" in out and run.writes() == before
            fixed = json.loads(exported.read_text())
            fixed["tenders"]["Afterpay"] = {"account_code": "615"}  # Shop setup: Afterpay into card clearing
            exported.write_text(json.dumps(fixed))
            run("mapping", "import", str(exported), code=0)
            report = json.loads(run("catch-up", "--yes", "--json", code=0)[0])
            out, _ = run(*status, month.afterpay.isoformat(), code=0)
            assert "needs attention" not in out and "617" not in out  # sent: the problem is gone
        assert report["all_in_xero"] and {d["outcome"] for d in report["days"]} == {"sent"}

    out, _ = run("catch-up", code=0)
    assert out.startswith(f"{HARBOUR} — catch-up") and "No kept day is waiting" in out

    # Every day is in Xero once, on its till's week invoice, paid; Xero refused nothing.
    ledger = shop.control("state")["world"]["organisations"][shop.tenant_id]
    first, last = month.days[0].isoformat(), month.days[-1].isoformat()
    live = [i for i in ledger["invoices"].values() if i["status"] not in ("DELETED", "VOIDED")]
    in_month = [i for i in live if first <= i["date"] <= last]
    numbers = [
        setup.week_invoice_number(w.first, w.last, place) for place, weeks in month.places() for w in weeks
    ]
    assert sorted(i["invoice_number"] for i in in_month) == sorted(numbers)  # each exactly once
    assert all(i["status"] == "PAID" for i in in_month)
    total = sum(Decimal(i["total"]) for i in in_month)
    assert total == sum(month.money_taken(p) + month.refunds_paid_out(p) for p, _ in month.places())
    assert shop.control("requests")["refused"] == {}
    assert all(plain_words(text) for text in run.printed), [t for t in run.printed if not plain_words(t)]
