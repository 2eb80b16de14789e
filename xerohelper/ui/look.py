"""How the app looks, in one place: colours for each state that read well on light and dark palettes, the
icons (xerohelper/resources/icons, drawn in the state's colour), heading fonts, money as $1,234.56, and the
badge that shows a state with an icon and words (never colour alone).

Colours follow the system palette: text and backgrounds come from palette roles; the few state colours
here have a light-palette and a dark-palette shade, picked from the palette the widget is drawn with.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from importlib.resources.abc import Traversable

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from xerohelper.core.checklist import StepState
from xerohelper.core.day_status import DayStatus  # the look of each (DAY_LOOKS) is here
from xerohelper.core.money import money_words as core_money_words
from xerohelper.resources import resource

ICON_DIR = resource("icons")  # package data: found the same way in a clone, a wheel and the bundle


# ---- colours ----------------------------------------------------------------------------------------------
class Tone(StrEnum):
    """What a colour means, not which colour it is."""

    GOOD = "good"  # done, posted, connected
    ATTENTION = "attention"  # needs the owner: something to fix
    ACTIVE = "active"  # ready to run, running
    NEUTRAL = "neutral"  # not started, nothing yet
    MUTED = "muted"  # skipped on purpose
    WAITING = "waiting"  # waits for someone else's step: a draft waiting for approval
    APPROVED = "approved"  # approved, not finished: payments still to record


# (on a light palette, on a dark palette): strong enough for text on the window, and for white marks inside
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#1d7a3a", "#6fd08c"),
    Tone.ATTENTION: ("#b04a00", "#ffad5c"),
    Tone.ACTIVE: ("#1f5fbf", "#82b4ff"),
    Tone.NEUTRAL: ("#646464", "#a9a9a9"),
    Tone.MUTED: ("#6e5a8a", "#bfaede"),
    Tone.WAITING: ("#8a6400", "#e9c44d"),
    Tone.APPROVED: ("#00737a", "#5fd4d6"),
}


def current_palette() -> QPalette:
    """The application's (system) palette; widgets' own palettes are changed by their style sheets."""
    return QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or current_palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    light, dark = _TONES[tone]
    return QColor(dark if is_dark(palette) else light)


def tone_background(tone: Tone, palette: QPalette | None = None, strength: float = 0.14) -> QColor:
    """A soft tint of the tone over the palette's base colour (for badges, calendar days, card edges)."""
    palette = palette or current_palette()
    return blend(palette.color(QPalette.ColorRole.Base), tone_colour(tone, palette), strength)


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    return QColor(
        round(under.red() + (over.red() - under.red()) * amount),
        round(under.green() + (over.green() - under.green()) * amount),
        round(under.blue() + (over.blue() - under.blue()) * amount),
    )


# ---- icons ------------------------------------------------------------------------------------------------
def icon_path(name: str) -> Traversable:
    return ICON_DIR / f"{name}.svg"


@lru_cache(maxsize=256)
def _svg(name: str, colour: str) -> bytes:
    return icon_path(name).read_text(encoding="utf-8").replace("currentColor", colour).encode("utf-8")


def pixmap(name: str, colour: QColor | str, size: int = 16, ratio: float | None = None) -> QPixmap:
    """Icon `name` drawn in `colour` at `size` logical pixels (sharp on high-DPI screens). Each is drawn
    once: the calendar asks for its marks on every paint, the step cards on every change of state."""
    return _drawn(name, QColor(colour).name(), size, ratio or _device_ratio())


@lru_cache(maxsize=256)
def _drawn(name: str, colour: str, size: int, ratio: float) -> QPixmap:
    pix = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pix.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(_svg(name, colour)))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pix.width(), pix.height()))
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return pix


def icon(name: str, colour: QColor | str | None = None, size: int = 16) -> QIcon:
    """A QIcon of `name` in `colour` (default: the palette's text colour); greyed out when disabled."""
    palette = current_palette()
    normal = QColor(colour) if colour is not None else palette.color(QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    result = QIcon()
    for side in (size, size * 2):
        result.addPixmap(pixmap(name, normal, side, 1.0), QIcon.Mode.Normal)
        result.addPixmap(pixmap(name, disabled, side, 1.0), QIcon.Mode.Disabled)
    return result


def _device_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


# ---- states -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Look:
    words: str  # what the badge says
    icon: str  # icon file name (xerohelper/resources/icons/<icon>.svg)
    tone: Tone


STEP_LOOKS: dict[StepState, Look] = {
    StepState.NOT_STARTED: Look("Not started", "not-started", Tone.NEUTRAL),
    StepState.READY: Look("Ready", "ready", Tone.ACTIVE),
    StepState.RUNNING: Look("Working on it", "running", Tone.ACTIVE),
    StepState.DONE: Look("Done", "done", Tone.GOOD),
    StepState.NEEDS_ATTENTION: Look("Needs attention", "attention", Tone.ATTENTION),
    StepState.SKIPPED: Look("Skipped", "skipped", Tone.MUTED),
}


# A day's state (core/day_status.py has its words): a colour and an icon each, never colour alone.
DAY_LOOKS: dict[DayStatus, Look] = {
    status: Look(status.title, icon, tone)
    for status, icon, tone in (
        (DayStatus.NOT_IMPORTED, "not-started", Tone.NEUTRAL),
        (DayStatus.IMPORTED, "ready", Tone.ACTIVE),
        (DayStatus.SENT_AS_DRAFT, "waiting", Tone.WAITING),
        (DayStatus.APPROVED, "approved", Tone.APPROVED),
        (DayStatus.PAID, "done", Tone.GOOD),
        (DayStatus.NEEDS_ATTENTION, "attention", Tone.ATTENTION),
        (DayStatus.SKIPPED, "skipped", Tone.MUTED),
    )
}

CONNECTED = Look("Connected to Xero", "connected", Tone.GOOD)
NOT_CONNECTED = Look("Not connected", "disconnected", Tone.NEUTRAL)
RECONNECT_NEEDED = Look("Reconnect needed", "attention", Tone.ATTENTION)


class Badge(QFrame):
    """A state shown as a small icon and words, on a soft tint of the state's colour."""

    def __init__(self, look: Look | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badge")
        self.setProperty("badge", True)  # the style sheet finds it by this, whatever its name
        self._look: Look | None = None
        self._painted_for: tuple[str, ...] = ()
        self._icon = QLabel()
        self._words = QLabel()
        self._words.setObjectName("badge_words")
        row = QHBoxLayout(self)
        row.setContentsMargins(7, 2, 9, 2)
        row.setSpacing(5)
        row.addWidget(self._icon)
        row.addWidget(self._words)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        if look is not None:
            self.set_look(look)

    @property
    def look(self) -> Look | None:
        return self._look

    def text(self) -> str:
        return self._words.text()

    def set_look(self, look: Look, words: str | None = None) -> None:
        if look == self._look and (words or look.words) == self._words.text():
            return  # shown already (a repaint of the badge costs a frame's time)
        self._look = look
        self._words.setText(words or look.words)
        self.setAccessibleName(words or look.words)
        self._paint()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if (
            event.type() == event.Type.PaletteChange
            and self._look is not None
            and palette_key() != self._painted_for
        ):
            self._paint()

    def _paint(self) -> None:
        """One sheet holds every tone's colours (set again only when the palette changes); the badge's
        `tone` property picks one. Switching it re-polishes the badge and its words, where a new sheet
        would re-parse and re-polish everything under the badge."""
        tone = self._look.tone.name.lower()
        tone_changed = self.property("tone") != tone
        if tone_changed:
            self.setProperty("tone", tone)
        palette = current_palette()
        key = palette_key()
        sheet_set = False
        if key != self._painted_for:
            self._painted_for = key
            base = palette.color(QPalette.ColorRole.Base)
            rules = []
            for each in Tone:
                colour = tone_colour(each, palette)
                chosen = f'QFrame[badge="true"][tone="{each.name.lower()}"]'
                rules.append(
                    f"{chosen} {{ background: {tone_background(each, palette).name()};"
                    f" border: 1px solid {blend(base, colour, 0.45).name()}; border-radius: 11px; }}"
                )
                rules.append(f"{chosen} QLabel#badge_words {{ color: {colour.name()}; font-weight: 600; }}")
            sheet = " ".join(rules)
            if self.styleSheet() != sheet:
                self.setStyleSheet(sheet)  # polishes the badge and its words
                sheet_set = True
        if tone_changed and not sheet_set:
            for widget in (self, self._words):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            self.update()
        self._icon.setPixmap(pixmap(self._look.icon, tone_colour(self._look.tone, palette), 16))


def set_style_sheet(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: each set re-polishes the widget and all its children."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


# ---- fonts and frames -------------------------------------------------------------------------------------
def scaled_font(base: QFont, scale: float = 1.0, bold: bool = False) -> QFont:
    font = QFont(base)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    font.setBold(bold)
    return font


def make_heading(label: QLabel, scale: float = 1.25) -> QLabel:
    label.setFont(scaled_font(label.font(), scale, bold=True))
    return label


def secondary(label: QLabel) -> QLabel:
    """Quieter words (hints, menus): the palette's placeholder colour, which follows light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def palette_key() -> tuple[str, ...]:
    """The system palette's main colours: restyle a widget only when these change (a style sheet changes
    the widget's own palette and sends a palette change itself, so that can't be the trigger)."""
    palette = QGuiApplication.palette()
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Text)
    return tuple(palette.color(role).name() for role in roles)


def style_card(frame: QFrame, tone: Tone | None = None) -> None:
    """A card: the palette's base colour, a thin border, rounded corners; a coloured edge for a tone."""
    frame.setFrameShape(QFrame.Shape.NoFrame)
    palette = current_palette()
    name = frame.objectName() or "card"
    frame.setObjectName(name)
    border = palette.color(QPalette.ColorRole.Mid).name()
    edge = ""
    if tone is not None:
        colour = tone_colour(tone, palette)
        border = blend(palette.color(QPalette.ColorRole.Base), colour, 0.55).name()
        edge = f" border-left: 4px solid {colour.name()};"
    set_style_sheet(
        frame,
        f"QFrame#{name} {{ background: palette(base); border: 1px solid {border};"
        f" border-radius: 8px;{edge} }}",
    )


def style_toned_card(frame: QFrame, tones: tuple[Tone, ...]) -> None:
    """A card as style_card draws it, whose coloured edge for each of `tones` is switched on by
    set_card_tone. A new style sheet re-polishes the card and every widget in it (a frame's time for a
    step card); a property only the card."""
    frame.setFrameShape(QFrame.Shape.NoFrame)
    palette = current_palette()
    name = frame.objectName() or "card"
    frame.setObjectName(name)
    base = palette.color(QPalette.ColorRole.Base)
    rules = [
        f"QFrame#{name} {{ background: palette(base);"
        f" border: 1px solid {palette.color(QPalette.ColorRole.Mid).name()}; border-radius: 8px; }}"
    ]
    for tone in tones:
        colour = tone_colour(tone, palette)
        border = blend(base, colour, 0.55).name()
        rules.append(
            f'QFrame#{name}[tone="{tone.name.lower()}"] {{ border: 1px solid {border};'
            f" border-left: 4px solid {colour.name()}; }}"
        )
    set_style_sheet(frame, " ".join(rules))


def set_card_tone(frame: QFrame, tone: Tone | None) -> None:
    """Show the coloured edge of `tone` (one of those given to style_toned_card), or none."""
    value = tone.name.lower() if tone is not None else ""
    if frame.property("tone") == value:
        return
    frame.setProperty("tone", value)
    frame.style().unpolish(frame)
    frame.style().polish(frame)
    frame.update()


# ---- words ------------------------------------------------------------------------------------------------
def money_words(amount: Decimal) -> str:
    """$1,234.56 (and -$12.40), the way Australian and New Zealand shops write it."""
    return core_money_words(amount)


# ---- fitting the screen -----------------------------------------------------------------------------------
# room a window manager takes around a window (title bar, borders): kept free so Save is never off-screen
WINDOW_FRAME = QSize(16, 40)


def fitted_size(wanted: QSize, available: QRect, frame: QSize = WINDOW_FRAME) -> QSize:
    """The size to open a window at: what it would like, but never bigger than the screen's free area
    (availableGeometry: the screen minus panels and docks) less the window's frame."""
    return QSize(
        max(1, min(wanted.width(), available.width() - frame.width())),
        max(1, min(wanted.height(), available.height() - frame.height())),
    )


def available_rect(widget: QWidget) -> QRect:
    """The free area of the screen the widget is on (or will open on: its parent's, else the primary)."""
    owner = widget.parentWidget() or widget
    screen = owner.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize a window or dialog to width × height, or less where the screen is smaller (1024×600 too);
    its minimum size shrinks with it, so the content scrolls and the buttons stay visible."""
    size = fitted_size(QSize(width, height), available_rect(widget))
    minimum = widget.minimumSize()
    if minimum.width() > size.width() or minimum.height() > size.height():
        widget.setMinimumSize(min(minimum.width(), size.width()), min(minimum.height(), size.height()))
    widget.resize(size)
    return size
