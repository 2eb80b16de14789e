"""The calendar of trading days: each day the journal knows is tinted by its status (in Xero, needs attention,
not sent yet, skipped) and carries a small icon for it, so colour is never the only sign; a legend under it
says what each one means, and a day's tooltip says it in words.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QLabel, QVBoxLayout, QWidget

from xerohelper.core.dates import long_date
from xerohelper.core.day_status import DayStatus
from xerohelper.ui import look
from xerohelper.ui.look import DAY_LOOKS


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class StatusCalendar(QCalendarWidget):
    """A month calendar that paints each known day's status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: dict[date, DayStatus] = {}
        self.setObjectName("day_calendar")
        self.setAccessibleName("Trading days")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        for name, words in (
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
            ("qt_calendar_monthbutton", "Choose the month"),
            ("qt_calendar_yearbutton", "Choose the year"),
            ("qt_calendar_yearedit", "Year"),
            ("qt_calendar_calendarview", "Days of the month"),
        ):
            child = self.findChild(QWidget, name)
            if child is not None:
                child.setAccessibleName(words)

    def set_statuses(self, statuses: dict[date, DayStatus], weeks: dict[date, str] | None = None) -> None:
        """Each known day's status; `weeks` (weekly summaries): each day's week in words, for its tooltip —
        the days of a week share one invoice and show the week's state."""
        weeks = weeks or {}
        for old in self.statuses.keys() - statuses.keys():
            self.setDateTextFormat(qdate(old), QTextCharFormat())
        self.statuses = dict(statuses)
        for day, status in self.statuses.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(look.tone_background(DAY_LOOKS[status].tone, strength=0.22)))
            words = f"{long_date(day)}: {DAY_LOOKS[status].words.lower()}"
            if day in weeks:
                words += f" (one invoice for {weeks[day]})"
            fmt.setToolTip(words)
            self.setDateTextFormat(qdate(day), fmt)
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, qd: QDate) -> None:
        super().paintCell(painter, rect, qd)
        status = self.statuses.get(pydate(qd)) if qd.isValid() else None
        if status is None:
            return
        shown = DAY_LOOKS[status]
        colour = look.tone_colour(shown.tone)
        painter.save()
        size = max(8, min(12, rect.height() // 3))
        mark = look.pixmap(shown.icon, colour, size)
        left, top = rect.right() - size - 2, rect.top() + 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))  # readable on the selection too
        painter.drawEllipse(QRect(left - 1, top - 1, size + 2, size + 2))
        painter.drawPixmap(left, top, mark)
        painter.fillRect(QRect(rect.left() + 4, rect.bottom() - 3, rect.width() - 8, 3), colour)
        painter.restore()


class DayCalendar(QWidget):
    """The calendar with its legend. `date_chosen(date)` when the owner picks a day; `month_shown(y, m)`
    when another month is shown (the day screen then loads that month's statuses)."""

    date_chosen = Signal(object)  # datetime.date
    month_shown = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_calendar_panel")
        self.calendar = StatusCalendar()
        self.calendar.selectionChanged.connect(self._selection_changed)
        self.calendar.currentPageChanged.connect(self.month_shown)
        self._quiet = False

        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        legend.setVerticalSpacing(4)
        self.legend_labels: dict[DayStatus, QLabel] = {}
        for row, status in enumerate((DayStatus.POSTED, DayStatus.NOT_POSTED, DayStatus.NEEDS_ATTENTION)):
            self._legend_row(legend, row, status)
        self._legend_row(legend, 3, DayStatus.SKIPPED)
        legend.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.calendar)
        layout.addLayout(legend)

    def _legend_row(self, grid: QGridLayout, row: int, status: DayStatus) -> None:
        shown = DAY_LOOKS[status]
        mark = QLabel()
        mark.setPixmap(look.pixmap(shown.icon, look.tone_colour(shown.tone), 14))
        words = QLabel(shown.words)
        words.setObjectName(f"legend_{status.name.lower()}")
        self.legend_labels[status] = words
        grid.addWidget(mark, row, 0)
        grid.addWidget(words, row, 1)

    # ---- what the day screen uses ---------------------------------------------------------------------
    def set_statuses(self, statuses: dict[date, DayStatus], weeks: dict[date, str] | None = None) -> None:
        self.calendar.set_statuses(statuses, weeks)

    def status_of(self, day: date) -> DayStatus | None:
        return self.calendar.statuses.get(day)

    def set_selected(self, day: date) -> None:
        """Select `day` without announcing it (the day screen already shows it)."""
        self._quiet = True
        try:
            self.calendar.setSelectedDate(qdate(day))
        finally:
            self._quiet = False

    def set_last_day(self, day: date) -> None:
        """Days after `day` (the shop's today) can't be chosen: there are no takings yet."""
        self.calendar.setMaximumDate(qdate(day))

    def selected(self) -> date:
        return pydate(self.calendar.selectedDate())

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def _selection_changed(self) -> None:
        if not self._quiet:
            self.date_chosen.emit(self.selected())
