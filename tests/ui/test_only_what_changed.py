"""While a day's steps run, each answer brings the whole day again: the screen redraws only what changed
(a style sheet set, or the till's rows rebuilt, costs a frame's time; tests/bench/bench_gui.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QLabel

from xerohelper.core.checklist import Step, StepState, StepStatus
from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.ui import look
from xerohelper.ui.pos_card import PosCard
from xerohelper.ui.step_card import StepCard


def test_a_step_card_changes_state_without_a_new_style_sheet(qtbot):
    card = StepCard(Step.SALES_SUMMARY)
    qtbot.addWidget(card)
    card.set_status(StepStatus(Step.SALES_SUMMARY, StepState.READY))
    sheet = card.styleSheet()
    assert card.property("tone") == ""
    card.show_running("Sending the sales summary…")
    assert card.property("tone") == look.STEP_LOOKS[StepState.RUNNING].tone.name.lower()
    card.set_status(StepStatus(Step.SALES_SUMMARY, StepState.DONE, "Sent"))
    assert card.property("tone") == ""
    card.set_status(StepStatus(Step.SALES_SUMMARY, StepState.NEEDS_ATTENTION, "Xero said no"))
    assert card.property("tone") == look.STEP_LOOKS[StepState.NEEDS_ATTENTION].tone.name.lower()
    assert card.styleSheet() == sheet  # the edges are all in the one sheet, switched by the property
    assert "border-left: 4px solid" in sheet


def test_a_step_card_given_the_same_status_again_leaves_its_widgets_alone(qtbot):
    card = StepCard(Step.APPROVE)
    qtbot.addWidget(card)
    status = StepStatus(Step.APPROVE, StepState.NOT_STARTED, "After the sales summary")
    card.set_status(status, None, False)
    card.reason_label.setText("changed behind the card's back")
    card.set_status(status, None, False)
    assert card.reason_label.text() == "changed behind the card's back"
    card.show_running("Approving…")
    card.set_status(status, None, False)  # after running, the same status is shown again in full
    assert card.reason_label.text() == "After the sales summary"


def _day() -> Day:
    return Day(
        date=date(2026, 11, 21),
        source="generic",
        sales=(SalesLine("Coffee", Decimal("100.00"), Decimal("15.00")),),
        tenders=(Tender("Cash", Decimal("115.00")),),
    )


def test_the_till_card_keeps_its_rows_when_the_same_day_comes_again(qtbot):
    card = PosCard()
    qtbot.addWidget(card)
    card.show_day(_day())
    rows = card.sales_column.findChildren(QLabel)
    card.show_imported("takings.csv", [])
    card.show_day(_day())  # an equal day: the same rows
    assert card.sales_column.findChildren(QLabel) == rows
    assert card.source_label.text() == "Imported from takings.csv."
    card.show_day(_day(), figures_changed=True)  # changed since posting: shown again
    assert card.changed_row.isVisibleTo(card)


def test_icons_are_drawn_once(qapp):
    first = look.pixmap("done", "#1d7a3a", 16)
    assert look.pixmap("done", "#1d7a3a", 16).cacheKey() == first.cacheKey()
    assert look.pixmap("done", "#b04a00", 16).cacheKey() != first.cacheKey()


def test_a_badge_changes_tone_without_a_new_style_sheet(qtbot):
    badge = look.Badge(look.STEP_LOOKS[StepState.READY])
    qtbot.addWidget(badge)
    badge.show()  # polished: the sheet's colours are in the words' palette
    sheet = badge.styleSheet()
    words = badge.findChild(QLabel, "badge_words")
    ready = words.palette().color(words.foregroundRole()).name()
    badge.set_look(look.STEP_LOOKS[StepState.DONE])
    assert (
        badge.styleSheet() == sheet
        and badge.property("tone") == look.STEP_LOOKS[StepState.DONE].tone.name.lower()
    )
    done = words.palette().color(words.foregroundRole()).name()
    assert ready == look.tone_colour(look.STEP_LOOKS[StepState.READY].tone).name()
    assert done == look.tone_colour(look.STEP_LOOKS[StepState.DONE].tone).name() != ready


def test_the_calendar_keeps_its_last_day_and_statuses_when_they_come_again(qtbot, monkeypatch):
    from xerohelper.ui.day_calendar import DayCalendar
    from xerohelper.ui.look import DayStatus

    calendar = DayCalendar()
    qtbot.addWidget(calendar)
    calls = []
    real_maximum, real_update = calendar.calendar.setMaximumDate, calendar.calendar.updateCells
    monkeypatch.setattr(calendar.calendar, "setMaximumDate", lambda d: (calls.append("max"), real_maximum(d)))
    monkeypatch.setattr(calendar.calendar, "updateCells", lambda: (calls.append("cells"), real_update()))
    statuses = {date(2026, 11, 20): DayStatus.PAID}
    for _ in range(2):
        calendar.set_last_day(date(2026, 11, 21))
        calendar.set_statuses(dict(statuses))
    assert calls == ["max", "cells"]
    assert calendar.status_of(date(2026, 11, 20)) is DayStatus.PAID
