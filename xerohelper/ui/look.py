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

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from xerohelper.core.checklist import StepState
from xerohelper.core.day_status import DayStatus  # the look of each (DAY_LOOKS) is here
from xerohelper.core.money import money
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


# (on a light palette, on a dark palette): strong enough for text on the window, and for white marks inside
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#1d7a3a", "#6fd08c"),
    Tone.ATTENTION: ("#b04a00", "#ffad5c"),
    Tone.ACTIVE: ("#1f5fbf", "#82b4ff"),
    Tone.NEUTRAL: ("#646464", "#a9a9a9"),
    Tone.MUTED: ("#6e5a8a", "#bfaede"),
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
    """Icon `name` drawn in `colour` at `size` logical pixels (sharp on high-DPI screens)."""
    colour = QColor(colour).name()
    ratio = ratio or _device_ratio()
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


DAY_LOOKS: dict[DayStatus, Look] = {
    DayStatus.POSTED: Look("In Xero", "done", Tone.GOOD),
    DayStatus.NEEDS_ATTENTION: Look("Needs attention", "attention", Tone.ATTENTION),
    DayStatus.NOT_POSTED: Look("Not sent yet", "ready", Tone.ACTIVE),
    DayStatus.SKIPPED: Look("Skipped", "skipped", Tone.MUTED),
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
        self._painted_for = palette_key()
        palette = current_palette()
        colour = tone_colour(self._look.tone, palette)
        self._icon.setPixmap(pixmap(self._look.icon, colour, 16))
        set_style_sheet(
            self,
            f'QFrame[badge="true"] {{ background: {tone_background(self._look.tone, palette).name()};'
            f" border: 1px solid {blend(palette.color(QPalette.ColorRole.Base), colour, 0.45).name()};"
            f" border-radius: 11px; }}"
            f" QLabel#badge_words {{ color: {colour.name()}; font-weight: 600; }}",
        )


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


# ---- words ------------------------------------------------------------------------------------------------
def money_words(amount: Decimal) -> str:
    """$1,234.56 (and -$12.40), the way Australian and New Zealand shops write it."""
    amount = money(amount)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"
