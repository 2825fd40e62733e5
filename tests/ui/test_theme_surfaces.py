"""The look without a Qt stylesheet: roles give fonts and colours, surfaces paint the grounds, and a
change of scheme reaches both at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from coapp.services.sheets import CellChange
from coapp.ui.theme import DARK, LIGHT
from tests.conftest import make_contract


def _close(a: QColor, b: QColor, slack: int = 6) -> bool:
    return all(abs(x - y) <= slack for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_no_application_stylesheet_so_the_grid_paints_with_plain_fusion(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert QApplication.instance().styleSheet() == ""
    assert type(window.timesheet.grid.style()).__name__ != "QStyleSheetStyle"
    assert window.timesheet.grid.style().name().lower() == "fusion"


def test_cards_header_and_status_follow_the_scheme(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 480, "")])
    window = open_window(date(2026, 11, 24))
    window.apply_theme("light")
    card = window.timesheet.value_card
    qtbot.waitUntil(card.isVisible)
    for colors in (LIGHT, DARK):
        window.apply_theme("dark" if colors is DARK else "light")
        QApplication.processEvents()
        image = card.grab().toImage()
        middle = image.pixelColor(card.width() // 2, image.height() - 4)
        edge = image.pixelColor(card.width() // 2, image.height() - 1)
        assert _close(middle, QColor(colors.surface)), (middle.name(), colors.surface)
        assert _close(edge, QColor(colors.border), 24), (edge.name(), colors.border)
        header = window.timesheet.header
        rule = header.grab().toImage().pixelColor(header.width() // 2, header.height() - 1)
        assert _close(rule, QColor(colors.border), 24)
        status = header.status.label.palette().color(QPalette.ColorRole.WindowText)
        assert _close(status, QColor(colors.muted))
        title = header.title.font()
        assert title.pointSizeF() > QApplication.font().pointSizeF()
    window.apply_theme("light")


def test_links_in_rich_text_take_the_new_schemes_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from coapp.ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light")
    label = QLabel('<a href="x">A link to somewhere, long enough to find its pixels</a>')
    qtbot.addWidget(label)
    label.show()

    def inked() -> set[str]:
        image = label.grab().toImage()
        return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}

    assert LIGHT.accent in inked()
    apply_theme(app, "dark")
    QApplication.processEvents()
    colours = inked()
    assert DARK.accent in colours
    assert LIGHT.accent not in colours
    apply_theme(app, "light")


def test_every_screen_and_its_cards_take_the_new_scheme(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    """Light to dark and back: each of the eight screens' header rule, its cards' surface and the
    text of its title change with the scheme (the screens built later take it as they are built)."""
    from PySide6.QtCore import Qt

    from coapp.ui.main_window import SCREEN_SHORTCUTS
    from coapp.ui.toolkit import Card, ScreenHeader
    from tests.services.contract_terms_helpers import put_contract

    put_contract(ctx, title="Ledger rewrite")
    window = open_window()
    for number in SCREEN_SHORTCUTS.values():  # every screen built, in light
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not window.state.tasks.busy)
    for colors, choice in ((DARK, "dark"), (LIGHT, "light")):
        window.apply_theme(choice)
        for screen, number in SCREEN_SHORTCUTS.items():
            qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: not window.state.tasks.busy)
            page = window.stack.currentWidget()
            header = page.findChild(ScreenHeader)
            assert header is not None, screen
            title = header.title.palette().color(QPalette.ColorRole.WindowText)
            assert _close(title, QColor(colors.text)), (screen, title.name(), colors.text)
            rule = header.grab().toImage().pixelColor(header.width() // 2, header.height() - 1)
            assert _close(rule, QColor(colors.border), 24), (screen, rule.name(), colors.border)
            cards = [c for c in page.findChildren(Card) if c.isVisible() and c.height() > 12]
            for card in cards[:3]:
                image = card.grab().toImage()
                middle = image.pixelColor(card.width() - 6, image.height() // 2)
                assert _close(middle, QColor(colors.surface), 10), (screen, card.objectName(), middle.name())
