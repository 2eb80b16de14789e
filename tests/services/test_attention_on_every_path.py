"""A problem found with a day is kept the same way whichever path found it — a catch-up of several tills, the
tray's "Send today", the command line's `day run`, the plan's cap — so a new start on the same data folder
(a new service, a new AppSession, another command) shows the day still needing attention with the same card;
once fixed and sent, nothing is kept. (Weekly summaries, where a stopped day holds back its week, and
`catch-up --yes` followed by `day status`: tests/scenarios/test_untidy_month*.py.) Against the sandbox, with
the real SDK and the real journal."""

from __future__ import annotations

import json
from dataclasses import replace

from tests.services.connected_shop import connected_shop
from tests.services.test_catch_up_tills import TILLS, three_missed_days_at_two_tills
from tests.ui.demo_session import demo_session
from xerohelper.cli import main
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.catch_up import catch_up_list, send_ticked
from xerohelper.services.demo_shop import DEMO_MAPPING, demo_day_file


def kept(days, trading_date, location=""):
    """The problems the journal keeps with the day."""
    return days.journal.problems(days.organisation_id, trading_date, location)


def test_a_catch_up_of_two_tills_keeps_the_stopped_tills_problem_for_the_next_start(tmp_path):
    with connected_shop(tmp_path) as shop:
        shop.mapping = replace(shop.mapping, approve_automatically=True, tracking=Tracking("Till", TILLS))
        dates = three_missed_days_at_two_tills(shop, tmp_path)
        option = {"tenant": shop.tenant_id, "category": "Till", "option": "Till 2"}
        shop.control("tracking/archive", option)
        send_ticked(shop.service, catch_up_list(shop.service))
        card = shop.service.checklist(dates[0], "Back")[Step.SALES_SUMMARY].attention

        again = shop.new_service()  # as after a restart
        stopped = again.checklist(dates[0], "Back")[Step.SALES_SUMMARY]
        assert stopped.state is StepState.NEEDS_ATTENTION and stopped.attention == card
        listed = {(r.trading_date, r.location): r.day.attention for r in catch_up_list(again)}
        assert listed == {
            (dates[0], "Back"): "The tracking option “Till 2” was archived in Xero",
            (dates[1], "Back"): "",
            (dates[2], "Back"): "",
        }

        shop.control("tracking/restore", option)
        done = send_ticked(again, catch_up_list(again))
        assert {r.outcome for r in done} == {"sent"}
        assert [kept(again, d, "Back") for d in dates] == [{}, {}, {}]


def test_the_trays_send_today_keeps_what_stopped_a_till_over_a_restart():
    tracking = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
    with demo_session() as session:
        session.save_mapping(replace(DEMO_MAPPING, approve_automatically=True, tracking=tracking))
        today = session.today()
        day = session.import_file(session.demo_day_file(today)).days[0]
        for till in ("Front", "Back"):
            session.day_service().save_day(replace(day, location=till))
        option = {"tenant": session.organisation().tenant_id, "category": "Till", "option": "Till 2"}
        control(session.sandbox.base_url, "tracking/archive", option)
        session.everyday().send_today()
        card = session.checklist(today, "Back")[Step.SALES_SUMMARY].attention
        assert card is not None and card.predicted
        assert session.everyday().today_words() == "today needs you"

    with demo_session() as session:  # the app opened again on the same data folder
        everyday = session.everyday()
        assert everyday.today_words() == "today needs you"
        stopped = session.checklist(today, "Back")[Step.SALES_SUMMARY]
        assert stopped.state is StepState.NEEDS_ATTENTION and stopped.attention == card

        control(session.sandbox.base_url, "tracking/restore", option)
        assert all(c.is_finished for c in everyday.send_today())
        assert everyday.today_words() == "today is in Xero"
        assert kept(session.day_service(), today, "Back") == {}


def test_day_run_from_the_command_line_keeps_its_stop_for_day_status(tmp_path, capsys):
    with connected_shop(tmp_path) as shop:
        sandbox = ("--sandbox", shop.xero.base_url)
        day = ("--date", shop.today.isoformat())
        shop.control("contacts/archive", {"tenant": shop.tenant_id, "contact": "POS Sales"})
        file = str(demo_day_file(shop.today, tmp_path / "till"))
        assert main(["day", "run", *day, "--from", file, "--json", *sandbox]) == 1
        found = json.loads(capsys.readouterr().out)["steps"][0]
        assert found["state"] == "needs attention" and found["explanation"]["title"]

        # A new command: the day as the journal keeps it.
        assert main(["day", "status", *day, "--json", *sandbox]) == 1
        assert json.loads(capsys.readouterr().out)["steps"][0] == found
        assert main(["day", "status", *day, *sandbox]) == 1
        out = capsys.readouterr().out
        assert "1. Sales summary: needs attention" in out and found["explanation"]["title"] in out

        shop.control("contacts/restore", {"tenant": shop.tenant_id, "contact": "POS Sales"})
        assert main(["day", "run", *day, "--approve", *sandbox]) == 0
        capsys.readouterr()
        assert main(["day", "status", *day, "--json", *sandbox]) == 0
        status = json.loads(capsys.readouterr().out)
        assert [s["state"] for s in status["steps"]] == ["done", "done", "done"]
        assert kept(shop.new_service(), shop.today) == {}
