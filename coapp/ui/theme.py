"""The design system, in one place: colours for light and dark (and high contrast), one accent, a
4/8-px spacing scale, three type sizes, status chips, cards, banners and the error colour.

Applied as Qt's Fusion style with our palette; a role (``set_role(widget, "card")``) gives a widget
its font, colours and ground (painted by coapp.ui.surfaces). No Qt stylesheet: see surfaces.py for
why. Screens never name a colour or a pixel size: they set a role or take a number from ``Space``
and ``Type`` here, so a change of scheme restyles every screen at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from coapp.base.settings import THEMES


class Space:
    """The spacing scale (px): every margin and gap is one of these."""

    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24
    SIDEBAR = 200  # the navigation column's width
    GRID_ROW = 34  # a timesheet row: room for the value and its marks
    GRID_COLUMN = 72  # narrowest day column: "Mon 30 Nov" stays whole


class Type:
    """Three sizes, as factors of the system's font (the user's size is respected)."""

    SMALL = 0.9
    BODY = 1.0
    TITLE = 1.45


class Chip(StrEnum):
    """The status chips; each has a foreground and a background per scheme."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    SENT = "sent"
    PAID = "paid"
    CREDITED = "credited"
    CREDIT_NOTE = "credit_note"


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str  # cards, tables, inputs
    alternate: str
    sidebar: str
    text: str
    muted: str
    border: str
    accent: str
    on_accent: str
    accent_soft: str  # selected sidebar entry, info banner
    error: str
    error_soft: str
    warning_soft: str
    chips: dict[str, tuple[str, str]]  # chip -> (text, background)
    # Chart series, in order (contracts stacked, money kinds side by side): told apart by lightness
    # as well as hue, and each chart says what each colour is in words too.
    series: tuple[str, ...] = ()


LIGHT = Colors(
    window="#f5f6f8",
    surface="#ffffff",
    alternate="#f0f2f5",
    sidebar="#eceff3",
    text="#1d2127",
    muted="#5c6673",
    border="#d5dae1",
    accent="#2563c9",
    on_accent="#ffffff",
    accent_soft="#dce8fb",
    error="#b3261e",
    error_soft="#fbe9e7",
    warning_soft="#fff4d6",
    chips={
        Chip.DRAFT: ("#6b4e00", "#fbeec2"),
        Chip.CONFIRMED: ("#1a4d9e", "#dce8fb"),
        Chip.SENT: ("#5a3596", "#ece3fa"),
        Chip.PAID: ("#17643a", "#dcf2e4"),
        Chip.CREDITED: ("#4d5560", "#e6e9ed"),
        Chip.CREDIT_NOTE: ("#8c1d18", "#fbe3e1"),
    },
    series=("#2563c9", "#e08a1e", "#2f9e6b", "#b04fb8", "#7a8794", "#c9423a", "#1c9bb0", "#a07a2c"),
)

DARK = Colors(
    window="#1b1d21",
    surface="#23262b",
    alternate="#2a2d33",
    sidebar="#16181b",
    text="#e4e7eb",
    muted="#9aa3ae",
    border="#3a3f47",
    accent="#6a9ef5",
    on_accent="#0d1626",
    accent_soft="#223552",
    error="#ff8a80",
    error_soft="#3d2220",
    warning_soft="#3b3220",
    chips={
        Chip.DRAFT: ("#f3d37a", "#3b3220"),
        Chip.CONFIRMED: ("#a9c7fb", "#223552"),
        Chip.SENT: ("#cdb5f5", "#33284a"),
        Chip.PAID: ("#8fdcae", "#1f3a2b"),
        Chip.CREDITED: ("#c2c8cf", "#32363c"),
        Chip.CREDIT_NOTE: ("#ffb4ab", "#3d2220"),
    },
    series=("#6a9ef5", "#f2a94a", "#5cc495", "#d08ad6", "#a3adb8", "#f07a70", "#58c3d4", "#d1ac5e"),
)


def high_contrast(colors: Colors, dark: bool) -> Colors:
    """Where the system asks for more contrast: full black/white text, strong borders, no soft greys."""
    text, ground = ("#ffffff", "#000000") if dark else ("#000000", "#ffffff")
    return replace(
        colors,
        window=ground,
        surface=ground,
        alternate=ground,
        sidebar=ground,
        text=text,
        muted=text,
        border=text,
        accent="#9cc1ff" if dark else "#0037a6",
        on_accent=ground,
        error="#ffb4ab" if dark else "#8c0000",
        chips={name: (text, ground) for name in colors.chips},
    )


@dataclass(frozen=True)
class Theme:
    """The tokens in force: which scheme, its colours, and the stylesheet built from them."""

    choice: str
    dark: bool
    contrast: bool
    colors: Colors

    def color(self, name: str) -> QColor:
        return QColor(getattr(self.colors, name))

    def chip_colors(self, chip: str) -> tuple[QColor, QColor]:
        text, background = self.colors.chips[chip]
        return QColor(text), QColor(background)


def resolve(choice: str) -> Theme:
    """The theme for *choice* (system/light/dark) on this system now."""
    hints = QGuiApplication.styleHints()
    if choice == "dark":
        dark = True
    elif choice == "light":
        dark = False
    else:
        dark = hints.colorScheme() == Qt.ColorScheme.Dark
    contrast = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    colors = DARK if dark else LIGHT
    if contrast:
        colors = high_contrast(colors, dark)
    return Theme(choice if choice in THEMES else "system", dark, contrast, colors)


def palette(theme: Theme) -> QPalette:
    c = theme.colors
    result = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, c.window),
        (roles.WindowText, c.text),
        (roles.Base, c.surface),
        (roles.AlternateBase, c.alternate),
        (roles.Text, c.text),
        (roles.Button, c.surface),
        (roles.ButtonText, c.text),
        (roles.ToolTipBase, c.surface),
        (roles.ToolTipText, c.text),
        (roles.PlaceholderText, c.muted),
        (roles.Highlight, c.accent),
        (roles.HighlightedText, c.on_accent),
        (roles.Link, c.accent),
        (roles.BrightText, c.error),
        (roles.Mid, c.border),
        (roles.Midlight, c.alternate),
        (roles.Light, c.surface),
        (roles.Dark, c.border),
        (roles.Shadow, c.border),
        (roles.Accent, c.accent),
    ):
        result.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        result.setColor(disabled, role, QColor(c.muted))
    return result


def apply_theme(app: QApplication, choice: str) -> Theme:
    """Fusion and our palette, now (no restart); every widget with a role is dressed again."""
    hints = QGuiApplication.styleHints()
    # The window frame and native dialogs follow the scheme the app asks for (where the platform can).
    if choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()
    theme = resolve(choice)
    if app.property("coappTheme") is None:
        app.setStyle("Fusion")
    app.setPalette(palette(theme))
    app.setProperty("coappTheme", theme.choice)
    _surfaces().colors = theme.colors
    for widget in QApplication.allWidgets():
        if widget.property("role"):
            _dress(widget, theme)
            widget.update()
        if isinstance(widget, QLabel) and "<a " in widget.text():
            # A rich text's links keep the colour they were laid out in: lay it out again.
            text = widget.text()
            widget.clear()
            widget.setText(text)
    return theme


def current() -> Theme:
    """The theme in force (the one apply_theme last set; light before that)."""
    app = QApplication.instance()
    choice = app.property("coappTheme") if app is not None else None
    return resolve(str(choice or "system"))


def set_role(widget: QWidget, role: str, **properties: str) -> None:
    """Give *widget* a role (and properties): its font, colours and ground follow, at once and
    whenever the theme changes."""
    widget.setProperty("role", role)
    for key, value in properties.items():
        widget.setProperty(key, value)
    _dress(widget, current())
    widget.update()


def _dress(widget: QWidget, theme: Theme) -> None:
    from coapp.ui.surfaces import SURFACE_ROLES

    c, role = theme.colors, str(widget.property("role"))
    look = _LOOKS.get(role)
    if look is not None:
        size, weight, color = look
        font = QFont(widget.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * size)
        font.setWeight(weight)
        widget.setFont(font)
        if color:
            _color_text(widget, QColor(getattr(c, color)))
    if role == "chip":
        _color_text(widget, QColor(c.chips[str(widget.property("chip"))][0]))
    elif role == "primary":
        pal = widget.palette()
        pal.setColor(QPalette.ColorRole.Button, QColor(c.accent))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor(c.on_accent))
        pal.setColor(QPalette.ColorRole.Highlight, QColor(c.text))  # the focus ring shows on the accent
        disabled = QPalette.ColorGroup.Disabled
        pal.setColor(disabled, QPalette.ColorRole.Button, QColor(c.border))
        pal.setColor(disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
        widget.setPalette(pal)
    ground = _GROUNDS.get(role if role != "banner" else f"banner-{widget.property('kind')}")
    if ground is not None:  # children that fill their background take the ground's colour
        pal = widget.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(getattr(c, ground)))
        widget.setPalette(pal)
    margins = _MARGINS.get(role)
    if margins is not None:
        widget.setContentsMargins(*margins)
    if role in SURFACE_ROLES and not widget.property("coappSurface"):
        widget.setProperty("coappSurface", True)
        widget.installEventFilter(_surfaces())


def _color_text(widget: QWidget, color: QColor) -> None:
    pal = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Active, role, color)
        pal.setColor(QPalette.ColorGroup.Inactive, role, color)
    widget.setPalette(pal)


_W = QFont.Weight
# role -> (size factor, weight, colour token or "")
_LOOKS: dict[str, tuple[float, QFont.Weight, str]] = {
    "title": (Type.TITLE, _W.DemiBold, ""),
    "subtitle": (Type.BODY, _W.DemiBold, ""),
    "status": (Type.SMALL, _W.Normal, "muted"),
    "hint": (Type.SMALL, _W.Normal, "muted"),
    "empty": (Type.BODY, _W.Normal, "muted"),
    "error": (Type.BODY, _W.Normal, "error"),
    "fix": (Type.BODY, _W.Normal, "muted"),
    "brand": (Type.BODY, _W.Bold, ""),
    "badge": (Type.SMALL, _W.DemiBold, "on_accent"),
    "chip": (Type.SMALL, _W.DemiBold, ""),
    "primary": (Type.BODY, _W.DemiBold, ""),
}
# role -> the colour token of the ground surfaces.py paints (inside the border)
_GROUNDS: dict[str, str] = {
    "card": "surface",
    "problems": "error_soft",
    "banner-error": "error_soft",
    "banner-info": "accent_soft",
    "banner-warning": "warning_soft",
}
_MARGINS: dict[str, tuple[int, int, int, int]] = {
    "brand": (Space.M, Space.S, Space.M, Space.S),
    "badge": (Space.XS + 2, 0, Space.XS + 2, 0),
    "chip": (Space.S, 1, Space.S, 1),
}


def _surfaces():  # type: ignore[no-untyped-def]
    """The one painter of grounds (created with the first widget that needs one)."""
    global _SURFACES
    if _SURFACES is None:
        from coapp.ui.surfaces import Surfaces

        _SURFACES = Surfaces()
        _SURFACES.colors = current().colors
    return _SURFACES


_SURFACES = None
