"""The calendar of trading days: each day is tinted by where it stands (not imported, imported, sent as draft,
approved, paid, needs attention, skipped) and carries a small icon for it, so colour is never the only sign;
a legend under it says what each one means, a day's tooltip says it in words, and the chosen day's words
are the calendar's accessible description (what a screen reader says).

The states come from this computer's journal (the day screen's snapshot) and, for days the journal knows no
invoice of, from Xero: the organisation's invoices of the month shown, read in the background when the
calendar opens and when another month is shown (once a month: the session keeps them). Those days are
marked "found in Xero" (a dashed line under the day). When Xero can't be read, a quiet note says so.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QDate, QEvent, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QAbstractScrollArea, QCalendarWidget, QGridLayout, QLabel, QVBoxLayout, QWidget

from xerohelper.core.dates import MONTHS, WEEKDAYS
from xerohelper.core.day_status import DayStatus, ShownDay, shown_days
from xerohelper.ui import look
from xerohelper.ui.failure_words import explain_failure, still_open
from xerohelper.ui.look import DAY_LOOKS
from xerohelper.ui.workers import run_in_background

# The legend's order: from nothing yet to done, then the two that stand apart.
LEGEND = (
    DayStatus.NOT_IMPORTED,
    DayStatus.IMPORTED,
    DayStatus.SENT_AS_DRAFT,
    DayStatus.APPROVED,
    DayStatus.PAID,
    DayStatus.NEEDS_ATTENTION,
    DayStatus.SKIPPED,
)
FROM_XERO_WORDS = "Dashed line: found in Xero, not sent from this computer"
# When Xero couldn't be read: said in one short line (why, in its tooltip), so the calendar keeps its room.
NOT_READ_WORDS = "Xero couldn't be read: days sent from another computer may be missing."
# Changes after which the days' marks are drawn again (they are made once, then kept).
_NEW_LOOK = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.DevicePixelRatioChange,
)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def day_words(day: date, shown: ShownDay | None) -> str:
    """What the tooltip and a screen reader say for a day: "Tuesday 3 March: sent as draft, waiting for
    approval"; the date alone for a day without a state (still to come, or before the shop's first day)."""
    if shown is not None:
        return shown.words(day)
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


class StatusCalendar(QCalendarWidget):
    """A month calendar that paints each known day's state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[date, ShownDay] = {}
        self._weeks: dict[date, str] = {}  # each day's week in words, as last shown
        self._days: QWidget | None = None  # the grid of days (Qt's own child)
        self._cells: dict[date, QRect] = {}  # each day's cell, where it was last drawn
        self._marks: dict[tuple[DayStatus, int], tuple[QPixmap, QColor, QColor]] = {}
        self.setObjectName("day_calendar")
        self.setAccessibleName("Trading days")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):  # Qt's red weekends read as a problem
            self.setWeekdayTextFormat(weekend, QTextCharFormat())
        # typing digits into the days would open Qt's date editor and jump to year 1206: arrows pick days
        self.setDateEditEnabled(False)
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
        self._show_focus()
        self.selectionChanged.connect(self._describe_selected)
        self._describe_selected()

    def _show_focus(self) -> None:
        """While the keyboard is in the days, the chosen day has a ring (drawn in paintCell), so the owner
        sees where the arrows act; the days are redrawn when the focus comes or goes."""
        self._days = self.findChild(QWidget, "qt_calendar_calendarview")
        if self._days is not None:
            self._days.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._days and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.updateCells()
        return super().eventFilter(watched, event)

    def describe(self, day: date) -> str:
        """The day in words, as its tooltip and a screen reader say it."""
        words = day_words(day, self.days.get(day))
        if day in self._weeks and day in self.days:
            words += f" (one invoice for {self._weeks[day]})"
        return words

    def _describe_selected(self) -> None:
        words = self.describe(pydate(self.selectedDate()))
        self.setAccessibleDescription(words)
        if self._days is not None:
            self._days.setAccessibleDescription(words)

    def set_days(self, days: dict[date, ShownDay], weeks: dict[date, str] | None = None) -> None:
        """Each known day's state; `weeks` (weekly summaries): each day's week in words, for its tooltip —
        the days of a week share one invoice and show the week's state.

        Every step's answer brings the month's states, mostly the same: only the days whose state changed
        are redrawn (a day whose tooltip alone changed is not redrawn at all), never the whole month."""
        weeks = weeks or {}
        if days == self.days and weeks == self._weeks:
            return
        changed = {day for day in days.keys() | self.days.keys() if days.get(day) != self.days.get(day)}
        retold = changed | {day for day in days if weeks.get(day) != self._weeks.get(day)}
        self._weeks = dict(weeks)
        self.days = dict(days)
        with self._not_redrawn():  # Qt redraws every day on each setDateTextFormat: the changed ones below
            for day in retold:
                self.setDateTextFormat(qdate(day), self._format(day))
        self._describe_selected()
        self._redraw(changed)

    def _format(self, day: date) -> QTextCharFormat:
        fmt = QTextCharFormat()
        shown = self.days.get(day)
        if shown is not None:
            fmt.setBackground(QBrush(look.tone_background(DAY_LOOKS[shown.status].tone, strength=0.22)))
            fmt.setToolTip(self.describe(day))
        return fmt

    @contextmanager
    def _not_redrawn(self):
        """Changes to the days' formats inside draw nothing (the caller redraws the days that changed)."""
        viewport = self._days.viewport() if isinstance(self._days, QAbstractScrollArea) else None
        if viewport is None or viewport.testAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled):
            yield
            return
        viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)
        try:
            yield
        finally:
            viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)

    def _redraw(self, days: set[date]) -> None:
        """Redraw these days' cells (where they were last drawn); all of them if the month isn't drawn yet."""
        if not days:
            return
        viewport = self._days.viewport() if isinstance(self._days, QAbstractScrollArea) else None
        if viewport is None or not self._cells:
            self.updateCells()
            return
        for day in days:
            cell = self._cells.get(day)
            if cell is not None:  # not drawn: on another month, drawn when that month is shown
                viewport.update(cell)

    def changeEvent(self, event) -> None:
        if event.type() in _NEW_LOOK:
            self._marks.clear()  # light or dark, another screen: the marks are drawn again
        super().changeEvent(event)

    def _mark(self, status: DayStatus, size: int) -> tuple[QPixmap, QColor, QColor]:
        """A state's mark at `size`, its colour and the disc under it: made once per palette."""
        made = self._marks.get((status, size))
        if made is None:
            day_look = DAY_LOOKS[status]
            colour = look.tone_colour(day_look.tone)
            made = (
                look.pixmap(day_look.icon, colour, size),
                colour,
                self.palette().color(QPalette.ColorRole.Base),
            )
            self._marks[(status, size)] = made
        return made

    def paintCell(self, painter: QPainter, rect: QRect, qd: QDate) -> None:
        super().paintCell(painter, rect, qd)
        if not qd.isValid():
            return
        day = date(qd.year(), qd.month(), qd.day())
        self._cells[day] = QRect(rect)  # where it is drawn: redrawn there alone when its state changes
        if self._days is not None and self._days.hasFocus() and qd == self.selectedDate():
            painter.save()
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -2, -2))  # the focus ring: the keyboard is here
            painter.restore()
        shown = self.days.get(day)
        if shown is None:
            return
        size = max(9, min(13, rect.height() // 3))
        mark, colour, base = self._mark(shown.status, size)
        left, top = rect.right() - size - 1, rect.top() + 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)  # readable on the selection too
        painter.drawEllipse(left - 1, top - 1, size + 2, size + 2)
        painter.drawPixmap(left, top, mark)
        line_left, line_top, line_right = rect.left() + 4, rect.bottom() - 3, rect.right() - 4
        if shown.from_xero:  # found in Xero: a dashed line, as the legend says
            dash = 4
            for x in range(line_left, line_right, dash * 2):
                painter.fillRect(x, line_top, min(dash, line_right - x), 3, colour)
        else:
            painter.fillRect(line_left, line_top, line_right - line_left + 1, 3, colour)
        painter.restore()


class DayCalendar(QWidget):
    """The calendar with its legend. `date_chosen(date)` when the owner picks a day; `month_shown(y, m)`
    when another month is shown (the day screen then loads that month's states)."""

    date_chosen = Signal(object)  # datetime.date
    month_shown = Signal(int, int)
    xero_days_read = Signal()  # a month's days in Xero came in (some days may show another state now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_calendar_panel")
        self.calendar = StatusCalendar()
        self.calendar.selectionChanged.connect(self._selection_changed)
        self.calendar.currentPageChanged.connect(self.month_shown)
        self.calendar.currentPageChanged.connect(lambda year, month: self._month_changed((year, month)))
        self._quiet = False
        self._journal: dict[date, DayStatus] = {}
        self._weeks: dict[date, str] = {}
        self._till: str | None = None
        self._xero_reader: Callable | None = None
        self._xero: dict[tuple[int, int], object] = {}  # month → its XeroMonth, as read
        self._reading: set[tuple[int, int]] = set()
        self._generation = 0  # a new reader (organisation) makes reads still under way for the last one moot

        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        legend.setVerticalSpacing(3)
        self.legend_labels: dict[DayStatus, QLabel] = {}
        for row, status in enumerate(LEGEND):
            self._legend_row(legend, row, status)
        dashes = QLabel("- - -")
        dashes.setAccessibleName("Dashed line")
        self.from_xero_label = look.secondary(QLabel(FROM_XERO_WORDS.removeprefix("Dashed line: ")))
        self.from_xero_label.setObjectName("legend_from_xero")
        self.from_xero_label.setAccessibleName(FROM_XERO_WORDS)
        self.from_xero_label.setWordWrap(True)
        legend.addWidget(dashes, len(LEGEND), 0, Qt.AlignmentFlag.AlignTop)
        legend.addWidget(self.from_xero_label, len(LEGEND), 1)
        legend.setColumnStretch(1, 1)

        # when Xero couldn't be read: a quiet line, not a card (the calendar still shows what is known here)
        self.xero_note = look.secondary(QLabel())
        self.xero_note.setObjectName("calendar_xero_note")
        self.xero_note.setWordWrap(True)
        self.xero_note.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.calendar)
        layout.addLayout(legend)
        layout.addWidget(self.xero_note)

    def _legend_row(self, grid: QGridLayout, row: int, status: DayStatus) -> None:
        shown = DAY_LOOKS[status]
        mark = QLabel()
        mark.setPixmap(look.pixmap(shown.icon, look.tone_colour(shown.tone), 14))
        words = QLabel(f"<b>{status.title}</b>: {status.meaning}")
        words.setObjectName(f"legend_{status.name.lower()}")
        words.setAccessibleName(status.words)
        words.setWordWrap(True)
        self.legend_labels[status] = words
        grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(words, row, 1)

    # ---- what the day screen uses ---------------------------------------------------------------------
    def set_statuses(
        self, statuses: dict[date, DayStatus], weeks: dict[date, str] | None = None, till: str | None = None
    ) -> None:
        """The shown month's states from this computer's journal (the day screen's snapshot); `till`: the
        till whose days they are (None: each date's most urgent till)."""
        self._journal, self._weeks, self._till = dict(statuses), dict(weeks or {}), till
        self._show_days()

    def read_from_xero(self, reader: Callable) -> None:
        """From now on, read the month shown from Xero in the background: `reader((year, month))` returns
        the month's XeroMonth (AppSession.days_in_xero). The month shown now is read at once. Given again
        (another organisation, a new connection), what was read before is forgotten."""
        self._xero_reader = reader
        self._generation += 1
        self._xero.clear()
        self._reading.clear()
        self._say_not_read("")
        self._show_days()
        self._read_xero(self.shown_month())

    def _month_changed(self, month: tuple[int, int]) -> None:
        self._show_days()  # its days in Xero, if read already; the journal's come with the snapshot
        self._read_xero(month)

    def _read_xero(self, month: tuple[int, int]) -> None:
        reader = self._xero_reader
        if reader is None or month in self._xero or month in self._reading:
            return
        self._reading.add(month)
        generation = self._generation
        run_in_background(
            lambda: reader(month),
            on_done=lambda found: self._xero_read(generation, month, found),
            on_failed=lambda error: self._xero_not_read(generation, month, error),
        )

    def _xero_read(self, generation: int, month: tuple[int, int], found) -> None:
        if not still_open(self) or generation != self._generation:
            return  # closed, or read for the organisation before
        self._reading.discard(month)
        if found.note:  # not read (offline, say): said quietly; tried again when the month is shown again
            self._say_not_read(found.note)
            return
        self._xero[month] = found
        self._say_not_read("")
        if month == self.shown_month():
            self._show_days()
            self.xero_days_read.emit()

    def _xero_not_read(self, generation: int, month: tuple[int, int], error: BaseException) -> None:
        if not still_open(self) or generation != self._generation:
            return
        self._reading.discard(month)
        why = explain_failure(error).title.rstrip(".")
        self._say_not_read(f"Days sent from another computer may be missing here: {why}.")

    def _say_not_read(self, why: str) -> None:
        """`why`: the full words (the tooltip, and what a screen reader says); "" when Xero was read."""
        self.xero_note.setText(NOT_READ_WORDS if why else "")
        self.xero_note.setToolTip(why)
        self.xero_note.setAccessibleDescription(why)
        self.xero_note.setVisible(bool(why))

    def _show_days(self) -> None:
        """The journal's states with the month's days in Xero (the month shown: as the journal's are)."""
        found = self._xero.get(self.shown_month())
        in_xero = found.statuses(self._till) if found is not None else {}
        self.calendar.set_days(shown_days(self._journal, in_xero), self._weeks)

    def status_of(self, day: date) -> DayStatus | None:
        shown = self.calendar.days.get(day)
        return shown.status if shown is not None else None

    def found_in_xero(self, day: date) -> bool:
        """The day's state was read from Xero: its invoice is there, this computer has no record of it."""
        shown = self.calendar.days.get(day)
        return shown is not None and shown.from_xero

    def describe(self, day: date) -> str:
        return self.calendar.describe(day)

    def set_selected(self, day: date) -> None:
        """Select `day` without announcing it (the day screen already shows it)."""
        self._quiet = True
        try:
            self.calendar.setSelectedDate(qdate(day))
        finally:
            self._quiet = False

    def set_last_day(self, day: date) -> None:
        """Days after `day` (the shop's today) can't be chosen: there are no takings yet."""
        if self.calendar.maximumDate() != qdate(day):  # setting it again redraws every day of the month
            self.calendar.setMaximumDate(qdate(day))

    def selected(self) -> date:
        return pydate(self.calendar.selectedDate())

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def _selection_changed(self) -> None:
        if not self._quiet:
            self.date_chosen.emit(self.selected())
