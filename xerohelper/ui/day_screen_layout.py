"""The day screen's widgets, made and laid out: the header (organisation, connection, busy indicator), the
calendar on the left, the day's column on the right (title and till picker, plan warning, problem card, POS
card, the step cards) and the action bar at the bottom (what runs next, the button that runs it).

DayScreen (ui/day_screen.py) builds itself with DayScreenLayout._build, which also connects the widgets'
signals to the screen's actions (ui/day_screen_figures.py, ui/day_screen_steps.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.checklist import ORDER, Step
from xerohelper.ui import look
from xerohelper.ui.day_calendar import DayCalendar
from xerohelper.ui.explanation_card import ExplanationCard
from xerohelper.ui.focus_in_view import follow_focus
from xerohelper.ui.pos_card import PosCard
from xerohelper.ui.size_fence import SizeFence
from xerohelper.ui.step_card import StepCard
from xerohelper.ui.wait_countdown import WaitCountdown

CONTENT_WIDTH = 1040  # the day's column stops growing here: long lines are hard to read
RUN_NEXT = "&Run next step"


class _ScrolledColumn(QWidget):
    """The scroll area's content. Its height comes from its width (wrapped words): without this, the
    scroll area would also honour the height the words need at the narrowest width, and scroll for nothing."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class DayScreenLayout:
    """Makes the day screen's widgets (kept as the screen's `_…` attributes) and lays them out."""

    def _build(self) -> None:
        # header: the organisation and the connection, always visible; the busy indicator on the right
        self._organisation = look.make_heading(QLabel("…"), 1.45)
        self._organisation.setObjectName("organisation_name")
        self._organisation.setAccessibleName("Organisation")
        self._connection_badge = look.Badge(look.NOT_CONNECTED)
        self._connection_badge.setObjectName("connection_badge")
        self._demo_label = look.secondary(QLabel("Demo shop: a practice Xero, nothing real is sent"))
        self._demo_label.setObjectName("demo_note")
        self._busy_bar = QProgressBar()
        self._busy_bar.setObjectName("busy_indicator")
        self._busy_bar.setAccessibleName("Working")
        self._busy_bar.setRange(0, 0)
        self._busy_bar.setTextVisible(False)
        self._busy_bar.setFixedWidth(140)
        self._busy_bar.setMaximumHeight(10)
        self._busy_words = look.secondary(QLabel())
        self._busy_words.setObjectName("busy_words")
        self._busy_bar.setVisible(False)
        self._busy_words.setVisible(False)
        self.wait_countdown = WaitCountdown()  # shown while Xero asks xerohelper to wait
        header = QFrame()
        header.setObjectName("day_header")
        top = QHBoxLayout(header)
        top.setContentsMargins(20, 12, 20, 12)
        top.setSpacing(12)
        top.addWidget(self._organisation)
        top.addWidget(self._connection_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self._demo_label, 0, Qt.AlignmentFlag.AlignVCenter)
        # only now it has a parent: shown before, it was a window of its own, and took the keyboard away
        self._demo_label.setVisible(bool(getattr(self.session, "demo", False)))
        top.addStretch(1)
        top.addWidget(self._busy_words)
        top.addWidget(self.wait_countdown)
        top.addWidget(self._busy_bar)
        header.setStyleSheet(
            "QFrame#day_header { background: palette(base); border-bottom: 1px solid palette(mid); }"
        )

        # left: the calendar
        self._calendar = DayCalendar()
        self._calendar.date_chosen.connect(self._date_chosen)
        self._calendar.month_shown.connect(lambda year, month: self.refresh())
        self._calendar.setFixedWidth(300)
        self._calendar.calendar.setMinimumHeight(260)
        days_heading = look.make_heading(QLabel("Da&ys"), 1.1)
        days_heading.setBuddy(self._calendar.calendar)
        left = QVBoxLayout()
        left.setContentsMargins(20, 16, 12, 16)
        left.setSpacing(8)
        left.addWidget(days_heading)
        left.addWidget(self._calendar)
        left.addStretch(1)

        # right: the day
        self._day_title = look.make_heading(QLabel(""), 1.3)
        self._day_title.setObjectName("day_title")
        # Ahead of a Xero plan's monthly cap of approved invoices ("3 left; from Wednesday 24 December …").
        self._plan_warning = QLabel("")
        self._plan_warning.setObjectName("plan_warning")
        self._plan_warning.setAccessibleName("Your Xero plan's monthly limit")
        self._plan_warning.setWordWrap(True)
        self._plan_warning.setContentsMargins(10, 6, 10, 6)
        look.style_card(self._plan_warning, look.Tone.ATTENTION)
        self._plan_warning.hide()
        self._till_picker = QComboBox()
        self._till_picker.setObjectName("till_picker")
        self._till_picker.setAccessibleName("Till or location")
        self._till_picker.setToolTip("Each till has its own takings, checklist and invoice")
        self._till_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._till_picker.setVisible(False)
        self._till_picker.activated.connect(self._till_chosen)
        self._till_words = QLabel("Ti&ll:")
        self._till_words.setBuddy(self._till_picker)
        self._till_words.setVisible(False)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(self._day_title, 1)
        title_row.addWidget(self._till_words, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self._till_picker, 0, Qt.AlignmentFlag.AlignVCenter)
        self._problem_card = ExplanationCard(name="problem_card")
        self._problem_card.try_again.connect(self._repeat_last_action)
        self._problem_card.open_shop_setup.connect(self.open_shop_setup)
        self._pos_card = PosCard()
        self._pos_card.import_requested.connect(self._import)
        self._pos_card.z_report_requested.connect(self._type_z_report)
        self._pos_card.resend_requested.connect(self._resend)
        self._pos_card.accept_difference_requested.connect(self.accept_difference)
        self._pos_card.sample_requested.connect(self._import_sample)
        self._pos_card.offer_sample(bool(getattr(self.session, "demo", False)))
        checklist_heading = look.make_heading(QLabel("Sending the day to Xero"), 1.15)
        self._step_cards: dict[Step, StepCard] = {}
        for step in ORDER:
            card = StepCard(step)
            card.skip_requested.connect(self._ask_skip)
            card.unskip_requested.connect(self._unskip)
            card.try_again.connect(self._try_again)
            card.check_again.connect(self._check_again)
            card.open_shop_setup.connect(self.open_shop_setup)
            self._step_cards[step] = card

        content = QWidget()
        content.setObjectName("day_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 16, 20, 16)
        column.setSpacing(12)
        column.addLayout(title_row)
        column.addWidget(self._plan_warning)
        column.addWidget(self._problem_card)
        column.addWidget(self._pos_card)
        column.addSpacing(4)
        column.addWidget(checklist_heading)
        for card in self._step_cards.values():
            column.addWidget(SizeFence(card))  # a change inside a card that keeps its size stops there
        column.addStretch(1)
        content.setMaximumWidth(CONTENT_WIDTH)
        holder = _ScrolledColumn()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(0)
        centred.addWidget(content, 1)
        centred.addStretch(0)
        self._scroll = follow_focus(QScrollArea())  # Tab goes into the day, each control scrolled into view
        self._scroll.setObjectName("day_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(holder)

        # bottom: what happens next, and the button that does it
        self._next_label = QLabel()
        self._next_label.setObjectName("next_step_words")
        self._next_label.setWordWrap(True)
        self._next_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._run_next_button = QPushButton(RUN_NEXT)
        self._run_next_button.setObjectName("run_next_button")
        self._run_next_button.setAccessibleName("Run next step")
        self._run_next_button.setAutoDefault(True)
        self._run_next_button.setDefault(True)
        self._run_next_button.setMinimumWidth(260)
        self._run_next_button.setMinimumHeight(40)
        self._run_next_button.setFont(look.scaled_font(self._run_next_button.font(), 1.1, bold=True))
        self._run_next_button.setToolTip("Ctrl+Enter")
        self._run_next_button.clicked.connect(self.run_next_step)
        self._run_next_button.setStyleSheet(
            "QPushButton#run_next_button { background: palette(highlight); color: palette(highlighted-text);"
            " border: 1px solid palette(highlight); border-radius: 6px; padding: 6px 18px; }"
            " QPushButton#run_next_button:focus { border: 2px solid palette(text); }"
            " QPushButton#run_next_button:disabled { background: palette(button);"
            " color: palette(placeholder-text); border: 1px solid palette(mid); }"
        )
        action_bar = QFrame()
        action_bar.setObjectName("action_bar")
        action_bar.setStyleSheet(
            "QFrame#action_bar { background: palette(base); border-top: 1px solid palette(mid); }"
        )
        inner = QWidget()
        inner.setMaximumWidth(CONTENT_WIDTH)
        across = QHBoxLayout(action_bar)
        across.setContentsMargins(0, 0, 0, 0)
        across.addStretch(0)
        across.addWidget(inner, 1)
        across.addStretch(0)
        bottom = QHBoxLayout(inner)
        bottom.setContentsMargins(16, 10, 20, 10)
        bottom.setSpacing(16)
        self._next_icon = QLabel()
        self._next_icon.setFixedWidth(22)
        bottom.addWidget(self._next_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self._next_label, 1)
        self._sends_to = look.secondary(QLabel())
        self._sends_to.setObjectName("sends_to")
        self._sends_to.setAccessibleName("Sends to the Xero organisation")
        self._sends_to.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The button's shortcut, said where it applies (its tooltip alone is for mouse users).
        self._run_next_keys = look.secondary(QLabel("Ctrl+Enter"))
        self._run_next_keys.setObjectName("run_next_keys")
        self._run_next_keys.setAccessibleName("Shortcut: Ctrl+Enter runs the next step")
        keeps_room = self._run_next_keys.sizePolicy()
        keeps_room.setRetainSizeWhenHidden(True)  # hidden while the button is greyed; nothing moves
        self._run_next_keys.setSizePolicy(keeps_room)
        under = QHBoxLayout()
        under.setSpacing(12)
        under.addWidget(self._run_next_keys)
        under.addWidget(self._sends_to, 1)
        sending = QVBoxLayout()
        sending.setSpacing(2)
        sending.addWidget(self._run_next_button)
        sending.addLayout(under)
        bottom.addLayout(sending)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._scroll, 1)
        right.addWidget(action_bar)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(left)
        body.addLayout(right, 1)

        screen = QVBoxLayout(self)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.setSpacing(0)
        screen.addWidget(header)
        screen.addLayout(body, 1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.run_next_step)
        self._set_controls_enabled()
