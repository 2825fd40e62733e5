"""The four insights charts on pyqtgraph (issue 11), each a card: its plot in the theme's colours,
a legend in words, a read-out line with the exact values under the pointer (or the arrow keys when
the chart has focus), and Export CSV….

pyqtgraph is imported by this module, which only the Insights screen imports, on its first opening
(or by the warm-up after start-up, coapp.ui.insights.warm_up). Plot coordinates are floats (pixels);
every number a person reads comes from the Decimal and integer values, formatted here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from coapp.domain.invoices import InvoiceState
from coapp.ui.invoices.formats import InvoiceFormats, state_label
from coapp.ui.theme import Space, current, set_role
from coapp.ui.toolkit import Card, make_button

if TYPE_CHECKING:
    from coapp.domain.weeks import IsoWeek
    from coapp.services.insights import Insights
    from coapp.ui.formats import Formats

TICKS = 10  # labels along the bottom axis at most


class GroupedAxis(pg.AxisItem):
    """Values along the axis as people write amounts and hours: whole, digits grouped the language's
    way (3 870 000 in Swedish, 3,870,000 in English), never pyqtgraph's 4e+06."""

    group = ","

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # pyqtgraph's name
        decimals = 1 if spacing * scale < 1 else 0
        return [f"{v * scale:,.{decimals}f}".replace(",", self.group) for v in values]


def label_ticks(labels: list[str]) -> list[list[tuple[float, str]]]:
    step = max(1, -(-len(labels) // TICKS))
    return [[(float(i), label) for i, label in enumerate(labels) if i % step == 0]]


def week_ticks(weeks: list[IsoWeek], prefix: str) -> list[list[tuple[float, str]]]:
    """Short week labels ("v6", "W6"); over two years, the years at their first week instead."""
    if len(weeks) > 104:
        firsts = [(float(i), str(w.year)) for i, w in enumerate(weeks) if w.week == 1]
        step = max(1, -(-len(firsts) // TICKS))
        return [firsts[::step]]
    return label_ticks([f"{prefix}{w.week}" for w in weeks])


class Chart(Card):
    """A chart card. Subclasses draw in `draw` and say the values at an index in `describe`.
    (Its own words use the "Chart" context: self.tr here would look them up under the subclass.)"""

    exportRequested = Signal()

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.count = 0  # positions along the x axis
        self.index = -1  # the one the read-out tells
        heading = QHBoxLayout()
        self.title = QLabel(title, self)
        set_role(self.title, "subtitle")
        self.export_button = make_button(
            self, f"{name}Export", QCoreApplication.translate("Chart", "Export CSV…"),
            QCoreApplication.translate("Chart", "This chart's numbers as a CSV file"),
            self.exportRequested.emit,
        )  # fmt: skip
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.export_button)
        self.body.addLayout(heading)
        self.left_axis = GroupedAxis("left")
        self.left_axis.enableAutoSIPrefix(False)
        # No context menu: none is built.
        self.plot = pg.PlotWidget(self, enableMenu=False, axisItems={"left": self.left_axis})
        self.plot.setObjectName(f"{name}Plot")
        self.plot.setAccessibleName(title)
        self.plot.setAccessibleDescription(
            QCoreApplication.translate("Chart", "Left and right arrows step through the values")
        )
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setMinimumHeight(Space.XL * 9)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.installEventFilter(self)
        self.plot.scene().sigMouseMoved.connect(self._pointer_moved)
        self.body.addWidget(self.plot, 1)
        # Hidden, its place kept, until the first draw: empty 0–1 axes say nothing, and painting
        # them would only delay the frame that shows the data.
        self._keep_place(True)
        self.plot.setVisible(False)
        self._style: tuple[str, ...] = ()
        self.legend = QLabel(self)  # colours named in words: nothing is told by colour alone
        self.legend.setObjectName(f"{name}Legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        set_role(self.legend, "hint")
        self.readout = QLabel(self)
        self.readout.setObjectName(f"{name}Readout")
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setAccessibleDescription(
            QCoreApplication.translate(
                "Chart", "The exact values at the pointer, or at the arrow keys' place"
            )
        )
        self.body.addWidget(self.legend)
        self.body.addWidget(self.readout)

    # --- drawing ------------------------------------------------------------------------------

    def restyle(self) -> None:
        """The theme's ground, text and grid colours (called on each draw: a scheme change redraws;
        set again only when they changed)."""
        c = current().colors
        style = (c.surface, c.border, c.muted)
        if style == self._style:
            return
        self._style = style
        self.plot.setBackground(QColor(c.surface))
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(QColor(c.border)))
            axis.setTextPen(pg.mkPen(QColor(c.muted)))
        item.showGrid(x=False, y=True, alpha=0.25)

    def group_digits(self, formats: Formats) -> None:
        """The left axis groups digits as *formats*' language does."""
        self.left_axis.group = "\u00a0" if formats.settings.language == "sv" else ","
        self.left_axis.picture = None  # drawn again with the new labels
        self.left_axis.update()

    def series_color(self, i: int) -> QColor:
        series = current().colors.series
        return QColor(series[i % len(series)])

    def set_legend(self, names: list[str]) -> None:
        swatches = [
            f'<span style="color:{self.series_color(i).name()}">■</span> {_escape(name)}'
            for i, name in enumerate(names)
        ]
        self.legend.setText("&nbsp;&nbsp; ".join(swatches))

    def _keep_place(self, keep: bool) -> None:
        policy = self.plot.sizePolicy()
        policy.setRetainSizeWhenHidden(keep)
        self.plot.setSizePolicy(policy)

    def finish(self, count: int, ticks: list[list[tuple[float, str]]]) -> None:
        self.count = count
        if self.plot.sizePolicy().retainSizeWhenHidden():  # drawn once: an empty chart gives its place up
            self._keep_place(False)
        self.plot.setVisible(count > 0)  # an empty plot's 0–1 axes say nothing; the read-out does
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks(ticks)
        item.setXRange(-0.6, max(count - 0.4, 0.6), padding=0)
        item.enableAutoRange(axis="y")
        self.show_index(count - 1)

    # --- the read-out -------------------------------------------------------------------------

    def describe(self, index: int) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        return QCoreApplication.translate("Chart", "No time reported in this period.")

    def show_index(self, index: int) -> None:
        if self.count == 0:
            self.index = -1
            self.readout.setText(self.empty_text())
            return
        self.index = max(0, min(index, self.count - 1))
        self.readout.setText(self.describe(self.index))
        self.plot.setAccessibleDescription(self.readout.text())

    def _pointer_moved(self, position: QPointF) -> None:
        if self.count and self.plot.sceneBoundingRect().contains(position):
            x = self.plot.getPlotItem().vb.mapSceneToView(position).x()
            self.show_index(round(x))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.show_index(self.index + step)
                return True
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HoursChart(Chart):
    """Hours per week, stacked by contract, with the expected hours as a line."""

    def draw(self, data: Insights, formats: Formats) -> None:
        self.data, self.formats = data, formats
        self.restyle()
        self.group_digits(formats)
        self.plot.clear()
        xs = list(range(len(data.weeks)))
        base = [0.0] * len(xs)
        for i, contract in enumerate(data.contracts):
            heights = [m / 60 for m in data.minutes[contract.id]]
            color = self.series_color(i)
            self.plot.addItem(
                pg.BarGraphItem(
                    x=xs, y0=list(base), height=heights, width=0.8, brush=color, pen=pg.mkPen(None)
                )
            )
            base = [b + h for b, h in zip(base, heights, strict=True)]
        expected = [m / 60 for m in data.expected]
        muted = QColor(current().colors.text)
        self.plot.plot(
            xs, expected, pen=pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine), stepMode=None
        )
        names = [c.title for c in data.contracts]
        self.set_legend(names)
        self.legend.setText(self.legend.text() + "&nbsp;&nbsp; ┅ " + _escape(self.tr("expected hours")))
        self.finish(len(xs), week_ticks(list(data.weeks), self.tr("W")))

    def describe(self, index: int) -> str:
        data, f = self.data, self.formats
        week = data.weeks[index]
        parts = [
            f"{c.title} {f.hours_always(data.minutes[c.id][index])}"
            for c in data.contracts
            if data.minutes[c.id][index]
        ]
        return self.tr("{week} ({range}): {parts} — {reported} of {expected} expected hours").format(
            week=f.week_title(week),
            range=f.week_range(week),
            parts=", ".join(parts) or self.tr("no time"),
            reported=f.hours_always(data.reported[index]),
            expected=f.hours_always(data.expected[index]),
        )


class UtilisationChart(Chart):
    """Reported against expected per week, in percent, with the 100 % line."""

    def draw(self, data: Insights, formats: Formats) -> None:
        self.data, self.formats = data, formats
        self.restyle()
        self.group_digits(formats)
        self.plot.clear()
        percents = data.utilisation_percent()
        xs = [i for i, p in enumerate(percents) if p is not None]
        ys = [float(p) for p in percents if p is not None]
        dots = {"symbol": "o", "symbolSize": 4, "symbolBrush": self.series_color(0), "symbolPen": None}
        self.plot.plot(xs, ys, pen=pg.mkPen(self.series_color(0), width=2), **(dots if len(xs) <= 60 else {}))
        self.plot.addItem(
            pg.InfiniteLine(
                100, angle=0, pen=pg.mkPen(QColor(current().colors.muted), style=Qt.PenStyle.DashLine)
            )
        )
        self.set_legend([self.tr("utilisation, % of the expected hours")])
        self.finish(len(percents), week_ticks(list(data.weeks), self.tr("W")))

    def describe(self, index: int) -> str:
        data, f = self.data, self.formats
        percent = data.utilisation_percent()[index]
        week = f.week_title(data.weeks[index])
        if percent is None:
            return self.tr("{week}: no contract expected time").format(week=week)
        return self.tr("{week}: {percent} % ({reported} of {expected} hours)").format(
            week=week, percent=percent, reported=f.hours_always(data.reported[index]),
            expected=f.hours_always(data.expected[index]),
        )  # fmt: skip


class EarningsChart(Chart):
    """Per month of issue: agreement value, commission, payout and VAT side by side."""

    def kinds(self) -> list[tuple[str, Callable[[object], object]]]:
        return [
            (self.tr("agreement value"), lambda m: m.agreement_value),  # type: ignore[attr-defined]
            (self.tr("commission"), lambda m: m.commission),  # type: ignore[attr-defined]
            (self.tr("payout"), lambda m: m.payout),  # type: ignore[attr-defined]
            (self.tr("VAT"), lambda m: m.vat),  # type: ignore[attr-defined]
        ]

    def draw(self, data: Insights, formats: Formats, currency: str) -> None:
        self.data, self.formats, self.currency = data, formats, currency
        self.restyle()
        self.group_digits(formats)
        self.plot.clear()
        months = data.earnings.get(currency, ())
        kinds = self.kinds()
        width = 0.8 / len(kinds)
        for k, (_name, pick) in enumerate(kinds):
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(months))]
            heights = [float(pick(m)) for m in months]  # type: ignore[arg-type]
            self.plot.addItem(
                pg.BarGraphItem(
                    x=xs, height=heights, width=width * 0.9, brush=self.series_color(k), pen=pg.mkPen(None)
                )
            )
        self.set_legend([f"{name} ({currency})" for name, _ in kinds] if currency else [])
        self.finish(len(months), label_ticks([str(m) for m in data.months][: len(months)]))

    def empty_text(self) -> str:
        return self.tr("No invoices issued in this period.")

    def describe(self, index: int) -> str:
        money = self.data.earnings[self.currency][index]
        f = InvoiceFormats(self.formats)
        return self.tr(
            "{month}: agreement value {value}, commission {commission} (its VAT {commission_vat}), VAT {vat}, payout {payout}"  # noqa: E501
        ).format(
            month=self.data.months[index],
            value=f.money(money.agreement_value, self.currency),
            commission=f.money(money.commission, self.currency),
            commission_vat=f.money(money.commission_vat, self.currency),
            vat=f.money(money.vat, self.currency),
            payout=f.money(money.payout, self.currency),
        )


class StatesChart(Chart):
    """Invoices issued in the period, by state: the amount, and how many."""

    def draw(self, data: Insights, formats: Formats, currency: str) -> None:
        self.data, self.formats, self.currency = data, formats, currency
        self.restyle()
        self.group_digits(formats)
        self.plot.clear()
        totals = data.states.get(currency, {})
        self.shown = [state for state in InvoiceState if state in totals]
        xs = list(range(len(self.shown)))
        heights = [float(totals[state].amount) for state in self.shown]
        brushes = [self.series_color(i) for i in xs]
        self.plot.addItem(
            pg.BarGraphItem(x=xs, height=heights, width=0.6, brushes=brushes, pen=pg.mkPen(None))
        )
        labels = [state_label(state) for state in self.shown]
        self.set_legend(labels)
        self.finish(len(xs), label_ticks(labels))

    def empty_text(self) -> str:
        return self.tr("No invoices in this period.")

    def describe(self, index: int) -> str:
        state = self.shown[index]
        total = self.data.states[self.currency][state]
        f = InvoiceFormats(self.formats)
        return self.tr("{state}: {count} invoices, {amount}").format(
            state=state_label(state), count=total.count, amount=f.money(total.amount, self.currency)
        )
