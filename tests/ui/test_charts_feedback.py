"""A contract's feedback chart: the overall score as a line on the fixed 1–5 scale, its four scores
as dots beside it, each in its series colour where its value puts it, and the read-out telling every
number of the feedback under the pointer or the arrow keys."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.base.settings import Settings
from coapp.services.contract_view import FeedbackHistory, FeedbackView
from coapp.ui.contracts.feedback_chart import FeedbackChart
from coapp.ui.formats import Formats
from coapp.ui.theme import LIGHT, apply_theme


def _feedback(n: int, scores: tuple[int, int, int, int], month: int) -> FeedbackView:
    return FeedbackView(
        id=f"f{n}", author_role="client", author_name="Karin Kund",
        quality=scores[0], communication=scores[1], delivery=scores[2], expertise=scores[3],
        overall=Decimal(sum(scores)) / 4, comment="", given_at=datetime(2026, month, 2, 9, tzinfo=UTC),
    )  # fmt: skip


def _chart(qtbot: QtBot, items: tuple[FeedbackView, ...]) -> FeedbackChart:
    apply_theme(QApplication.instance(), "light")
    chart = FeedbackChart("feedbackChart", "Scores over time")
    qtbot.addWidget(chart)
    chart.resize(560, 360)
    chart.show()
    qtbot.waitExposed(chart)
    overall = sum((f.overall for f in items), Decimal(0)) / len(items) if items else None
    chart.draw(FeedbackHistory("c1", items, overall), Formats(Settings(language="en")))
    return chart


def test_the_overall_line_sits_at_its_score_on_the_fixed_scale(qtbot: QtBot) -> None:
    chart = _chart(qtbot, (_feedback(1, (2, 2, 1, 1), 3), _feedback(2, (5, 5, 5, 4), 5)))
    layout = chart.plot.layout_now()
    assert [text for _y, text in layout.y_labels] == ["1", "2", "3", "4", "5"]  # whatever the data
    image = chart.plot.grab().toImage()
    area = layout.area

    def at(index: int, value: float) -> str:
        x = round(layout.slot_rect(index).center().x())
        y = round(area.bottom() - (value - 0.6) / 4.8 * area.height())
        return QColor(image.pixel(x, y)).name()

    assert at(0, 1.5) == LIGHT.series[0]  # the overall markers: 1.5 and 4.75
    assert at(1, 4.75) == LIGHT.series[0]
    assert at(0, 4.75) != LIGHT.series[0]
    assert at(1, 1.5) != LIGHT.series[0]
    quality = chart.plot.data.lines[0]
    assert quality.values == [2.0, 5.0]
    assert not quality.joined  # the four scores are dots


def test_the_read_out_follows_the_keys_and_the_pointer(qtbot: QtBot) -> None:
    chart = _chart(qtbot, (_feedback(1, (4, 5, 4, 4), 3), _feedback(2, (5, 5, 5, 4), 5)))
    assert chart.readout.text().startswith("2 May 2026, the client (Karin Kund): overall 4.75")
    chart.plot.setFocus()
    qtbot.keyClick(chart.plot, Qt.Key.Key_Left)
    assert chart.readout.text().endswith("overall 4.25 — quality 4, communication 5, delivery 4, expertise 4")
    qtbot.mouseMove(chart.plot, chart.plot.layout_now().slot_rect(1).center().toPoint())
    assert "overall 4.75" in chart.readout.text()


def test_without_feedback_the_chart_says_how_it_comes(qtbot: QtBot) -> None:
    chart = _chart(qtbot, ())
    assert chart.count == 0
    assert not chart.plot.isVisible()
    assert chart.readout.text().startswith("No feedback yet")
