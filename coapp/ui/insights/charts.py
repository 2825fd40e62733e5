"""The four insights charts (issue 11), each a card: its plot in the theme's colours
(coapp.ui.charts, painted with QPainter), a legend in words, a read-out line with the exact values
under the pointer (or the arrow keys when the chart has focus), and Export CSV….

Plot coordinates are floats (pixels); every number a person reads comes from the Decimal and
integer values, formatted here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from coapp.domain.invoices import InvoiceState
from coapp.ui.charts.geometry import PlotData
from coapp.ui.charts.plot import Plot
from coapp.ui.charts.series import Bars, Line, Rule
from coapp.ui.invoices.formats import InvoiceFormats, state_label
from coapp.ui.theme import Space, current, set_role
from coapp.ui.toolkit import Card, make_button

if TYPE_CHECKING:
    from coapp.domain.weeks import IsoWeek
    from coapp.services.insights import Insights
    from coapp.ui.formats import Formats

DOTS_UP_TO = 60  # weeks: a line's point markers up to this many (the plot drops them when crowded)


def label_ticks(labels: list[str]) -> list[tuple[int, str]]:
    """A label under every index: the plot shows as many as fit, evenly spaced."""
    return list(enumerate(labels))


def week_ticks(weeks: list[IsoWeek], prefix: str) -> list[tuple[int, str]]:
    """Short week labels ("v6", "W6"); over two years, the years at their first week instead."""
    if len(weeks) > 104:
        return [(i, str(w.year)) for i, w in enumerate(weeks) if w.week == 1]
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
        self.plot = Plot(self)
        self.plot.setObjectName(f"{name}Plot")
        self.plot.setAccessibleName(title)
        self.plot.setAccessibleDescription(
            QCoreApplication.translate("Chart", "Left and right arrows step through the values")
        )
        self.plot.setMinimumHeight(Space.XL * 9)
        self.plot.installEventFilter(self)
        self.plot.pointed.connect(self.show_index)
        self.body.addWidget(self.plot, 1)
        # Hidden, its place kept, until the first draw: empty axes say nothing.
        self._keep_place(True)
        self.plot.setVisible(False)
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

    def group_digits(self, formats: Formats) -> None:
        """The y axis groups digits as *formats*' language does, with its decimal mark."""
        point = formats.settings.decimal_separator
        group = "\u00a0" if formats.settings.language == "sv" or point == "," else ","
        self.plot.set_number_style(group, point)

    def series_color(self, i: int) -> QColor:
        series = current().colors.series
        return QColor(series[i % len(series)])

    def set_legend(self, names: list[str], extra: str = "") -> None:
        swatches = [
            f'<span style="color:{self.series_color(i).name()}">■</span>&nbsp;{_escape(name)}'
            for i, name in enumerate(names)
        ]
        self.legend.setText("&nbsp;&nbsp; ".join(swatches) + extra)

    def _keep_place(self, keep: bool) -> None:
        policy = self.plot.sizePolicy()
        policy.setRetainSizeWhenHidden(keep)
        self.plot.setSizePolicy(policy)

    def finish(self, data: PlotData) -> None:
        # The same positions drawn again (a reread after an edit): the read-out stays where it was.
        same = data.count == self.count and 0 <= self.index < data.count
        index = self.index if same else data.count - 1
        self.count = data.count
        if self.plot.sizePolicy().retainSizeWhenHidden():  # drawn once: an empty chart gives its place up
            self._keep_place(False)
        self.plot.setVisible(data.count > 0)  # an empty plot's axes say nothing; the read-out does
        self.plot.set_data(data)
        self.show_index(index)

    # --- the read-out -------------------------------------------------------------------------

    def describe(self, index: int) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        return QCoreApplication.translate("Chart", "No time reported in this period.")

    def show_index(self, index: int) -> None:
        if self.count == 0:
            self.index = -1
            self.readout.setText(self.empty_text())
            self.plot.set_highlight(-1)
            return
        self.index = max(0, min(index, self.count - 1))
        self.readout.setText(self.describe(self.index))
        self.plot.set_highlight(self.index)
        self.plot.setAccessibleDescription(self.readout.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            steps = {Qt.Key.Key_Left: self.index - 1, Qt.Key.Key_Right: self.index + 1}
            steps.update({Qt.Key.Key_Home: 0, Qt.Key.Key_End: self.count - 1})
            if key in steps:
                self.show_index(steps[key])
                return True
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HoursChart(Chart):
    """Hours per week, stacked by contract, with the expected hours as a line."""

    def draw(self, data: Insights, formats: Formats) -> None:
        self.data, self.formats = data, formats
        self.group_digits(formats)
        bars = [Bars([m / 60 for m in data.minutes[c.id]], i) for i, c in enumerate(data.contracts)]
        expected = Line([m / 60 for m in data.expected], "muted", width=1.5, dashed=True)
        self.set_legend(
            [c.title for c in data.contracts], "&nbsp;&nbsp; ┅ " + _escape(self.tr("expected hours"))
        )
        labels = week_ticks(list(data.weeks), self.tr("W"))
        count = len(data.weeks) if data.contracts else 0  # no contract with time: say so, no empty axes
        self.finish(PlotData(count, bars, lines=[expected], labels=labels))

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
        self.group_digits(formats)
        percents = data.utilisation_percent()
        dots = 5.0 if len(percents) <= DOTS_UP_TO else 0.0
        line = Line([None if p is None else float(p) for p in percents], 0, points=dots)
        self.set_legend([self.tr("utilisation, % of the expected hours")])
        labels = week_ticks(list(data.weeks), self.tr("W"))
        count = len(percents) if any(p is not None for p in percents) else 0
        self.finish(PlotData(count, lines=[line], rules=[Rule(100.0)], labels=labels))

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
        self.group_digits(formats)
        months = data.earnings.get(currency, ())
        kinds = self.kinds()
        bars = [Bars([float(pick(m)) for m in months], k) for k, (_name, pick) in enumerate(kinds)]  # type: ignore[arg-type]
        self.set_legend([f"{name} ({currency})" for name, _ in kinds] if currency else [])
        labels = label_ticks([str(m) for m in data.months][: len(months)])
        self.finish(PlotData(len(months), bars, stacked=False, labels=labels))

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
        self.group_digits(formats)
        totals = data.states.get(currency, {})
        self.shown = [state for state in InvoiceState if state in totals]
        heights = [float(totals[state].amount) for state in self.shown]
        labels = [state_label(state) for state in self.shown]
        self.set_legend(labels)
        bars = [Bars(heights, list(range(len(heights))))]
        self.finish(PlotData(len(heights), bars, labels=label_ticks(labels)))

    def empty_text(self) -> str:
        return self.tr("No invoices in this period.")

    def describe(self, index: int) -> str:
        state = self.shown[index]
        total = self.data.states[self.currency][state]
        f = InvoiceFormats(self.formats)
        counted = (
            self.tr("{state}: 1 invoice, {amount}")
            if total.count == 1
            else self.tr("{state}: {count} invoices, {amount}")
        )
        return counted.format(
            state=state_label(state), count=total.count, amount=f.money(total.amount, self.currency)
        )
