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
