"""A step card in the day's column sits behind a SizeFence: what changes inside the card without changing
its size goes no further, and a card that grows has the page laid out once, at its new height, without the
till's card above it being squeezed first (tests/bench/bench_gui.py measures what this saves)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from xerohelper.core.checklist import Step, StepState, StepStatus
from xerohelper.core.day import Day, SalesLine, Tender
from xerohelper.core.explain.screens import open_in_xero
from xerohelper.ui.pos_card import PosCard
from xerohelper.ui.size_fence import SizeFence
from xerohelper.ui.step_card import StepCard


class Count(QObject):
    """Counts the events of one type a widget receives (and the sizes it is given)."""

    def __init__(self, widget: QWidget, kind: QEvent.Type) -> None:
        super().__init__(widget)
        self.kind, self.seen, self.heights = kind, 0, []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == self.kind:
            self.seen += 1
            if event.type() == QEvent.Type.Resize:
                self.heights.append(event.size().height())
        return False


def _day() -> Day:
    return Day(
        date=date(2026, 11, 21),
        source="generic",
        sales=tuple(SalesLine(f"Line {n}", Decimal("10.00"), Decimal("1.50")) for n in range(6)),
        tenders=(Tender("Cash", Decimal("69.00")),),
    )


def _page(qtbot, card: StepCard) -> tuple[QScrollArea, QWidget, PosCard, SizeFence]:
    """The day's column in small: the till's card, then the step card behind its fence, in a scroll area
    shorter than the column (as on a laptop's screen)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    till = PosCard()
    till.show_day(_day())
    fence = SizeFence(card)
    column.addWidget(till)
    column.addWidget(fence)
    column.addStretch(1)
    area.setWidget(page)
    qtbot.addWidget(area)
    area.resize(720, 260)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())  # the page is taller than the window
    qtbot.waitUntil(lambda: fence.height() == card.heightForWidth(fence.width()))
    _settle()
    return area, page, till, fence


def _settle() -> None:
    for _ in range(4):  # the layout requests a change posts, and those they post in turn
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def test_progress_words_that_keep_the_card_its_size_go_no_further_than_the_card(qtbot):
    card = StepCard(Step.SALES_SUMMARY)
    card.show_running("Sending the sales summary to Xero…")
    _area, page, _till, fence = _page(qtbot, card)
    height = fence.height()
    asked = Count(page, QEvent.Type.LayoutRequest)
    card.show_running("Checking Xero for the day's invoice…")
    _settle()
    card.show_running("Sending the sales summary to Xero…")
    _settle()
    assert card.reason_label.text() == "Sending the sales summary to Xero…"
    assert card.badge.text() == "Working on it"
    assert fence.height() == height
    assert asked.seen == 0  # the column was not laid out again for words in a card


def test_a_card_that_grows_is_given_room_without_squeezing_the_till_card(qtbot):
    card = StepCard(Step.APPROVE)
    card.set_status(StepStatus(Step.APPROVE, StepState.NOT_STARTED, "After the sales summary"), None, False)
    area, page, till, fence = _page(qtbot, card)
    before = fence.height()
    till_height = till.height()
    resized = Count(till, QEvent.Type.Resize)
    link = open_in_xero("invoice", "!abc12", InvoiceID="5f1c9a52-8a0b-4bd1-a0a4-6a6b4f1c0d11")
    card.set_status(
        StepStatus(Step.APPROVE, StepState.READY, "Invoice POS-20261121 is waiting for approval."), link
    )  # the draft's buttons appear: the card needs another row
    qtbot.waitUntil(lambda: fence.height() == card.heightForWidth(fence.width()))
    _settle()
    assert card.open_draft_button.isVisible()
    assert fence.height() > before
    assert card.height() == fence.height()
    assert resized.heights == []  # the till's card was never squeezed to make room
    assert till.height() == till_height
    assert page.height() >= fence.geometry().bottom()
    assert area.verticalScrollBar().maximum() > 0
