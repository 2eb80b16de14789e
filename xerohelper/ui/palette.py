"""The application's palette: the desktop's, made to read well, or xerohelper's own dark one.

use_palette runs before the first window is built (ui/app.py), so this module is light: look.py, with the
state colours, icons and badges, loads after the first frame. What it does:
- the desktop's palette, with only the colours that read below 4.5:1 (WCAG 2, level AA) changed: the
  placeholder colour of hints (Qt draws it half see-through), the selection (and the day screen's main
  button) under white, links; every other role goes on following the desktop;
- xerohelper's dark palette when Qt says the desktop is dark (Qt.ColorScheme.Dark) and the style still
  draws light; again whenever the desktop switches, restyling the windows already open;
- contrast as WCAG works it out, for that and for the tests.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    return QColor(
        round(under.red() + (over.red() - under.red()) * amount),
        round(under.green() + (over.green() - under.green()) * amount),
        round(under.blue() + (over.blue() - under.blue()) * amount),
    )


def palette_key() -> tuple[str, ...]:
    """The system palette's main colours: restyle a widget only when these change (a style sheet changes
    the widget's own palette and sends a palette change itself, so that can't be the trigger)."""
    palette = QGuiApplication.palette()
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Text)
    return tuple(palette.color(role).name() for role in roles)


# ---- reading well ---------------------------------------------------------------------------------------
READABLE = 4.5  # WCAG 2's least contrast for words (level AA)


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour (0 black … 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def drawn_over(colour: QColor, background: QColor) -> QColor:
    """What `colour` looks like drawn on `background` (it may be see-through, as placeholder text is)."""
    alpha = colour.alphaF()
    return blend(background, QColor(colour.red(), colour.green(), colour.blue()), alpha)


def contrast_ratio(ink: QColor, background: QColor) -> float:
    """WCAG 2's contrast ratio of words in `ink` on `background`: 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(drawn_over(ink, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(ink: QColor, *backgrounds: QColor, least: float = READABLE) -> QColor:
    """`ink`, moved towards black or white (whichever the backgrounds are further from) only as far as it
    takes to read at `least`:1 on every one of `backgrounds` (or to be read under, when they are words)."""
    darkest = min(luminance(b) for b in backgrounds)
    target = QColor("#ffffff") if darkest < 0.18 else QColor("#000000")
    opaque = drawn_over(ink, backgrounds[0])
    for step in range(21):
        moved = blend(opaque, target, step / 20)
        if all(contrast_ratio(moved, b) >= least for b in backgrounds):
            return moved
    return target


Role = QPalette.ColorRole
# (words, what they are drawn on, which of the two is changed when they don't read well)
_PAIRS: tuple[tuple[Role, tuple[Role, ...], Role], ...] = (
    # quiet words: hints, and the placeholder text (Qt draws it half see-through: 3.8:1 on a light window)
    (Role.PlaceholderText, (Role.Window, Role.Base), Role.PlaceholderText),
    # the selection, and the day screen's main button (Fusion's light blue under white is 3.7:1)
    (Role.HighlightedText, (Role.Highlight,), Role.Highlight),
    (Role.Link, (Role.Window, Role.Base), Role.Link),
)
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
Changes = dict[tuple[QPalette.ColorGroup, QPalette.ColorRole], QColor]


def readable_changes(palette: QPalette) -> Changes:
    """The colours of `palette` whose words don't read at 4.5:1, made to: the words moved towards black or
    white, or (the selection) the colour under them, only as far as it takes."""
    changes: Changes = {}
    for group in _GROUPS:
        for words, under, changed in _PAIRS:
            ink = palette.color(group, words)
            grounds = [palette.color(group, role) for role in under]
            if min(contrast_ratio(ink, ground) for ground in grounds) >= READABLE:
                continue
            if changed == words:
                changes[group, changed] = readable_on(ink, *grounds)
            else:  # the one colour under the words moves away from them
                changes[group, changed] = readable_on(grounds[0], drawn_over(ink, grounds[0]))
    return changes


# Every role of xerohelper's own dark palette, for the active and inactive windows; disabled words are
# quieter on purpose (WCAG leaves out what can't be used). Words read at 4.5:1 or more where they're drawn.
_DARK: dict[QPalette.ColorRole, str] = {
    # the base (cards, fields, the wizard's pages) a step lighter than the window: Fusion outlines a field
    # in a shade darker than the window, which a base as dark as that would swallow
    QPalette.ColorRole.Window: "#262626",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#333333",
    QPalette.ColorRole.AlternateBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#a8a8a8",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#3c3c3c",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ff8080",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#464646",
    QPalette.ColorRole.Mid: "#666666",
    QPalette.ColorRole.Dark: "#1b1b1b",
    QPalette.ColorRole.Shadow: "#0d0d0d",
    QPalette.ColorRole.Highlight: "#2f6fc0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4ff",
    QPalette.ColorRole.LinkVisited: "#c29cff",
    QPalette.ColorRole.Accent: "#2f6fc0",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.WindowText: "#999999",
    QPalette.ColorRole.Text: "#999999",
    QPalette.ColorRole.ButtonText: "#999999",
    QPalette.ColorRole.PlaceholderText: "#7a7a7a",
    QPalette.ColorRole.Highlight: "#4a4a4a",
    QPalette.ColorRole.HighlightedText: "#b0b0b0",
}


def dark_palette() -> QPalette:
    """xerohelper's dark palette: for a desktop that asks for dark while the style draws light, and for
    looking at every screen in the dark (packaging/take_screenshots.py --dark)."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))  # all three groups
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def use_palette(app: QGuiApplication, dark: bool | None = None) -> QPalette:
    """Give the application its palette, before any window is built: `dark` None, the desktop's; True,
    xerohelper's dark one unless the desktop's is dark already; False, a light one unless it is light.
    Only the roles that need it are set (to read at 4.5:1), so the rest goes on following the desktop.
    Windows already open are restyled when the colours change."""
    before = palette_key()
    app.setPalette(QPalette())  # back to the desktop's own
    chosen = QPalette()  # no role set: the desktop's
    if dark and not is_dark(app.palette()):
        chosen = dark_palette()
    elif dark is False and is_dark(app.palette()):
        chosen = light_palette(app)
    drawn = chosen if chosen.resolveMask() else app.palette()
    for (group, role), colour in readable_changes(drawn).items():
        chosen.setColor(group, role, colour)
    if chosen.resolveMask():
        app.setPalette(chosen)
    if palette_key() != before:
        restyle_everything()
    return app.palette()


def follow_the_desktop(app: QGuiApplication) -> None:
    """Dark when Qt says the desktop is (Qt.ColorScheme.Dark), though the style draws light, and again
    whenever the desktop switches. Called once the first frame is drawn: the first look at the colour
    scheme loads Qt's namespace of enums (~60 ms), which the first frame shouldn't wait for."""
    hints = app.styleHints()
    shown = [palette_key()]  # the colours the windows were last styled in

    def follow(scheme) -> None:
        # always worked out again: a desktop that brings its own dark palette needs other readable colours
        before = palette_key()
        use_palette(app, dark={"Dark": True, "Light": False}.get(scheme.name))
        if palette_key() == before != shown[0]:
            restyle_everything()  # the desktop changed the palette itself, before Qt told of the switch
        shown[0] = palette_key()

    hints.colorSchemeChanged.connect(follow)
    follow(hints.colorScheme())


def restyle_everything() -> None:
    """After the palette changed under open windows (the desktop went dark at dusk): widgets with colours
    worked out from the palette (badges, step cards, problem boxes) get a palette change and work theirs
    out again; cards are styled again; and every other style sheet is set again, since its palette(…)
    colours were read when it was set."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from xerohelper.ui.look import restyle_card  # loaded by then: there are windows

    widgets = QApplication.allWidgets()
    for widget in widgets:
        QApplication.sendEvent(widget, QEvent(QEvent.Type.PaletteChange))
    for widget in widgets:
        sheet = widget.styleSheet()
        if sheet and not restyle_card(widget):
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def light_palette(app: QGuiApplication) -> QPalette:
    """The style's own light palette (Fusion's, where the desktop gives none)."""
    style = getattr(app, "style", None)
    palette = style().standardPalette() if style is not None else QPalette()
    if is_dark(palette):
        palette = QPalette(QColor("#efefef"))  # a light palette worked out from a light grey window
    return palette
