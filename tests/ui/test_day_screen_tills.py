"""A shop with two tills, through the day screen (real widgets, the built-in sandbox): a picker chooses the
till; each till has its own figures, checklist, calendar marks and invoice (its own number, reference and
tracking option)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QThreadPool

from tests.ui.test_day_screen import WAIT, click_run_next, shot, state
from xerohelper.core.checklist import Step, StepState
from xerohelper.core.day_status import DayStatus
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.app_session import AppSession
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.ui.day_screen import DayScreen
from xerohelper.ui.workers import jobs_running

SHOP = "Harbour Street Hardware"


@pytest.fixture
def session():
    session = AppSession(demo=True)
    session.open()
    session.connect()
    session.save_mapping(
        replace(DEMO_MAPPING, tracking=Tracking("Till", {"Front": "Till 1", "Back": "Till 2"}))
    )
    yield session
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()


@pytest.fixture
def screen(qtbot, session):
    screen = DayScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=WAIT)
    yield screen
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT)


def two_tills_file(session, tmp_path):
    """The demo day at the front till and a smaller one at the back till, in one generic export."""
    lines = session.demo_day_file(session.today()).read_text().splitlines()
    back = [
        f"{session.today().isoformat()},sale,Paint,GST 10%,100.00,10.00,,Back",
        f"{session.today().isoformat()},tender,EFTPOS,,,,110.00,Back",
    ]
    path = tmp_path / "two-tills.csv"
    path.write_text("\n".join([lines[0] + ",Location", *(row + ",Front" for row in lines[1:]), *back]) + "\n")
    return path


def invoices(session) -> dict[str, dict]:
    state_ = control(session.sandbox.base_url, "state")
    ledger = next(o for o in state_["world"]["organisations"].values() if o["organisation"]["name"] == SHOP)
    return {i["invoice_number"]: i for i in ledger["invoices"].values() if i["status"] != "DELETED"}


def test_two_tills_each_with_their_own_checklist_marks_and_invoice(qtbot, screen, session, tmp_path):
    screen.pos_card.import_file(two_tills_file(session, tmp_path))
    qtbot.waitUntil(
        lambda: not screen.busy and screen.location == "Back" and screen.snapshot.day is not None,
        timeout=WAIT,
    )
    picker = screen.till_picker
    assert picker.isVisible() and [picker.itemText(i) for i in range(picker.count())] == ["Back", "Front"]
    assert picker.currentText() == "Back" and screen.pos_card.day.totals.gross == 110
    shot(screen, "two-tills")

    for _ in range(3):
        click_run_next(qtbot, screen)
    assert screen.snapshot.checklist.is_finished
    assert screen.calendar.status_of(session.today()) is DayStatus.PAID

    picker.setCurrentIndex(1)
    picker.activated.emit(1)  # what choosing it with the mouse or keyboard does
    qtbot.waitUntil(lambda: screen.snapshot.location == "Front" and not screen.busy, timeout=WAIT)
    assert state(screen, Step.SALES_SUMMARY) is StepState.READY  # the front till's own checklist
    assert screen.calendar.status_of(session.today()) is not DayStatus.PAID  # and its own marks
    assert str(screen.pos_card.day.totals.gross) == "2240.40"
    click_run_next(qtbot, screen)

    number = f"POS-{session.today():%Y%m%d}"
    found = invoices(session)
    back, front = found[f"{number}-BACK"], found[f"{number}-FRONT"]
    assert back["reference"].endswith("– Back") and front["reference"].endswith("– Front")
    assert back["status"] == "PAID" and front["status"] == "DRAFT"
    options = {t["Option"] for line in back["line_items"] for t in line["tracking"]}
    assert options == {"Till 2"}  # matched to the sandbox's tracking category, with Xero's ids
    assert all(t.get("TrackingOptionID") for line in front["line_items"] for t in line["tracking"])
    assert {t["Option"] for line in front["line_items"] for t in line["tracking"]} == {"Till 1"}


def test_a_till_file_of_a_shop_never_seen_here_is_asked_about_before_it_is_kept(
    qtbot, screen, session, tmp_path
):
    session.save_mapping(DEMO_MAPPING)  # a shop with one till this time
    screen.location = ""
    screen.refresh()
    qtbot.waitUntil(lambda: screen.snapshot.tills == () and not screen.till_picker.isVisible(), timeout=WAIT)
    lines = session.demo_day_file(session.today()).read_text().splitlines()
    path = tmp_path / "pier.csv"
    path.write_text("\n".join([lines[0] + ",Location", *(r + ",Pier Nine Café" for r in lines[1:])]) + "\n")
    asked = []
    screen.confirm_new_places = lambda places, organisation: asked.append((places, organisation)) or False
    screen.pos_card.import_file(path)
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.problem_box.isVisible(), timeout=WAIT)
    assert asked == [(["Pier Nine Café"], SHOP)]
    assert "Not kept" in screen.pos_card.problem_label.text() and screen.pos_card.day is None

    screen.confirm_new_places = lambda places, organisation: True  # a new till of this shop: keep it
    screen.pos_card.import_file(path)
    qtbot.waitUntil(lambda: not screen.busy and screen.pos_card.day is not None, timeout=WAIT)
    assert str(screen.pos_card.day.totals.gross) == "2240.40"
