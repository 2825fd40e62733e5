"""The QPainter charts (coapp.ui.charts) as a person sees them: bars in the series colour at their
heights, the theme's colours in dark too, x labels that never overlap, digits grouped the
language's way, and the read-out following the pointer and the arrow keys with exact values."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.base.settings import Settings
from coapp.domain.invoices import InvoiceState
from coapp.domain.weeks import IsoWeek
from coapp.domain.year_month import YearMonth
from coapp.services.insights import ContractLine, Insights, MonthMoney, StateTotal
from coapp.ui.charts.geometry import LABEL_GAP, PlotData
from coapp.ui.charts.plot import Plot
from coapp.ui.charts.series import Bars
from coapp.ui.formats import Formats
from coapp.ui.insights.charts import EarningsChart, HoursChart, UtilisationChart, week_ticks
from coapp.ui.theme import DARK, LIGHT, apply_theme


@pytest.fixture
def light() -> object:
    app = QApplication.instance()
    apply_theme(app, "light")
    yield app
    apply_theme(app, "light")  # a test that went dark hands the next one the light scheme


def _shown(qtbot: QtBot, widget, width: int = 480, height: int = 280):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _run(image: QImage, x: int, colour: str) -> int:
    """How many pixels of column *x* are *colour*."""
    want = QColor(colour).rgb()
    return sum(image.pixel(x, y) == want for y in range(image.height()))


def _data(minutes_a=(480, 600, 0, 90), minutes_b=(60, 0, 0, 30), value="3870000.00") -> Insights:  # type: ignore[no-untyped-def]
    months = (YearMonth(2026, 1), YearMonth(2026, 2))
    money = MonthMoney(agreement_value=Decimal(value), commission=Decimal("-120.25"), payout=Decimal("99.95"))
    return Insights(
        first=months[0], last=months[-1],
        weeks=tuple(IsoWeek(2026, w) for w in range(2, 2 + len(minutes_a))),
        contracts=(ContractLine("a", "Alpha", "Client A"), ContractLine("b", "Beta", "Client B")),
        minutes={"a": tuple(minutes_a), "b": tuple(minutes_b)},
        expected=(2400, 2400, 0, 2400)[: len(minutes_a)],
        months=months, currencies=("SEK",),
        earnings={"SEK": (money, MonthMoney())},
        states={"SEK": {InvoiceState.PAID: StateTotal(2, Decimal("1000.50"))}},
    )  # fmt: skip


def test_bars_are_painted_in_the_series_colour_at_their_heights(qtbot: QtBot, light) -> None:  # type: ignore[no-untyped-def]
    plot = _shown(qtbot, Plot())
    plot.set_data(PlotData(2, [Bars([1.0, 3.0], 0), Bars([0.0, 1.0], 1)]))
    image = plot.grab().toImage()
    layout = plot.layout_now()
    centres = [round(layout.slot_rect(i).center().x()) for i in range(2)]
    low, high = (_run(image, x, LIGHT.series[0]) for x in centres)
    assert low > 10
    assert abs(high - 3 * low) <= 3  # 3 against 1, to the pixel's rounding
    assert _run(image, centres[0], LIGHT.series[1]) == 0  # nothing of the second series where it is 0
    assert abs(_run(image, centres[1], LIGHT.series[1]) - low) <= 2  # stacked on top, as tall as 1
    edge = round(layout.area.left()) + 1  # between the slot's edge and its bar: the card's ground
    assert _run(image, edge, LIGHT.series[0]) == 0
    assert QColor(image.pixel(1, 1)).name() == LIGHT.surface


def test_the_dark_scheme_repaints_in_its_colours(qtbot: QtBot, light) -> None:  # type: ignore[no-untyped-def]
    plot = _shown(qtbot, Plot())
    plot.set_data(PlotData(2, [Bars([1.0, 3.0], 0)]))
    x = round(plot.layout_now().slot_rect(1).center().x())
    assert _run(plot.grab().toImage(), x, LIGHT.series[0]) > 10
    apply_theme(QApplication.instance(), "dark")
    image = plot.grab().toImage()
    assert _run(image, x, LIGHT.series[0]) == 0
    assert _run(image, x, DARK.series[0]) > 10
    assert QColor(image.pixel(1, 1)).name() == DARK.surface


@pytest.mark.parametrize("width", [260, 480, 900, 1600])
def test_x_labels_never_overlap_at_ten_years_of_weeks(qtbot: QtBot, width: int) -> None:
    plot = _shown(qtbot, Plot(), width)
    plot.set_data(PlotData(520, [Bars([1.0] * 520, 0)], labels=[(i, f"W{i % 52 + 1}") for i in range(520)]))
    labels = [rect for rect, _text in plot.layout_now().x_labels]
    assert len(labels) >= 2
    for a, b in pairwise(labels):
        assert b.left() - a.right() >= LABEL_GAP
    assert all(r.left() >= 0 and r.right() <= width for r in labels)
    assert len(labels) <= width / LABEL_GAP  # thinned, not all squeezed in
    assert len(labels) >= width / 100  # nor thinned to nothing


def test_ten_years_of_weeks_are_labelled_by_year() -> None:
    weeks = [IsoWeek(2016 + (i // 52), i % 52 + 1) for i in range(520)]
    assert week_ticks(weeks, "W") == [(i, str(2016 + i // 52)) for i in range(0, 520, 52)]
    assert week_ticks(weeks[:30], "v")[:2] == [(0, "v1"), (1, "v2")]


@pytest.mark.parametrize(("language", "million"), [("sv", "1\u00a0000\u00a0000"), ("en", "1,000,000")])
def test_amounts_on_the_axis_are_grouped_the_language_s_way(
    qtbot: QtBot, language: str, million: str
) -> None:
    chart = _shown(qtbot, EarningsChart("earningsChart", "Earnings"), 600, 420)
    chart.draw(_data(), Formats(Settings(language=language)), "SEK")
    texts = [text for _y, text in chart.plot.layout_now().y_labels]
    assert million in texts
    assert "-1" in texts[0] or texts[0].startswith("-")  # the negative commission is on the scale
    assert all("e+" not in t for t in texts)


def test_the_pointer_and_the_keys_move_the_read_out(qtbot: QtBot) -> None:
    chart = _shown(qtbot, HoursChart("hoursChart", "Hours per week"), 600, 420)
    chart.draw(_data(), Formats(Settings(language="en")))
    assert chart.readout.text().startswith("Week 5")  # the last week first
    assert "Alpha 1.5, Beta 0.5" in chart.readout.text()
    plot = chart.plot
    first = plot.layout_now().slot_rect(0).center().toPoint()
    qtbot.mouseMove(plot, first)
    assert chart.index == plot.highlight == 0
    assert "Week 2" in chart.readout.text()
    assert "Alpha 8, Beta 1 — 9 of 40 expected hours" in chart.readout.text()
    plot.setFocus()
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    assert "Alpha 10 — 10 of 40" in chart.readout.text()
    qtbot.keyClick(plot, Qt.Key.Key_End)
    assert chart.index == 3
    qtbot.keyClick(plot, Qt.Key.Key_Right)  # at the end: stays
    assert chart.index == 3
    qtbot.keyClick(plot, Qt.Key.Key_Home)
    assert chart.index == 0
    assert plot.accessibleDescription() == chart.readout.text()
    qtbot.mouseMove(plot, QPoint(plot.width() - 2, plot.height() // 2))
    assert chart.index == 3


def test_a_week_without_expected_time_is_a_gap_in_the_utilisation(qtbot: QtBot) -> None:
    chart = _shown(qtbot, UtilisationChart("utilisationChart", "Utilisation"), 600, 420)
    chart.draw(_data(), Formats(Settings(language="en")))
    (line,) = chart.plot.data.lines
    assert line.values == [23.0, 25.0, None, 5.0]  # (480 + 60) / 2400 = 22.5 %, rounded up
    chart.show_index(2)
    assert chart.readout.text() == "Week 4: no contract expected time"


def test_an_empty_period_says_so_instead_of_empty_axes(qtbot: QtBot) -> None:
    chart = _shown(qtbot, HoursChart("hoursChart", "Hours per week"), 600, 420)
    chart.draw(_data((), ()), Formats(Settings(language="en")))
    assert chart.count == 0
    assert not chart.plot.isVisible()
    assert chart.readout.text() == "No time reported in this period."
    chart.draw(_data(), Formats(Settings(language="en")))
    assert chart.plot.isVisible()


def test_a_redraw_of_the_same_weeks_keeps_the_read_out_in_place(qtbot: QtBot) -> None:
    chart = _shown(qtbot, HoursChart("hoursChart", "Hours per week"), 600, 420)
    formats = Formats(Settings(language="en"))
    chart.draw(_data(), formats)
    chart.show_index(1)
    chart.draw(_data((480, 660, 0, 90)), formats)  # an hour more reported: read again
    assert chart.index == 1
    assert "Alpha 11 — 11 of 40" in chart.readout.text()
    chart.draw(_data((480, 600, 0), (60, 0, 0)), formats)  # other weeks: the last one
    assert chart.index == 2
