"""Insights (issue 11, insightsTab): hours per week stacked by contract, utilisation against the
contracts' expected hours, earnings per month (agreement value, commission, payout, VAT), invoice
states and amounts, for a period chosen at the top; each chart's numbers export as CSV.

Built the first time it is shown; the numbers are read on a worker and drawn when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.year_month import YearMonth
from coapp.ui.background import Reread
from coapp.ui.error_text import error_text
from coapp.ui.insights.charts import Chart, EarningsChart, HoursChart, StatesChart, UtilisationChart
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ErrorBanner, ScreenHeader, ask_save_path, header_over_cards

if TYPE_CHECKING:
    from coapp.services.insights import Insights
    from coapp.ui.app_state import AppState
    from coapp.ui.formats import Formats

# The periods offered, as months back from this one (this month included); "year" is the calendar year.
PERIODS = ("12", "year", "last_year", "36", "120")
INITIAL_PERIOD = "12"  # the one chosen when the screen is built


def period_months(choice: str, today: date) -> tuple[YearMonth, YearMonth]:
    this = YearMonth.of(today)
    if choice == "year":
        return YearMonth(today.year, 1), this
    if choice == "last_year":
        return YearMonth(today.year - 1, 1), YearMonth(today.year - 1, 12)
    back = int(choice) - 1
    index = this.year * 12 + this.month - 1 - back
    return YearMonth(index // 12, index % 12 + 1), this


class InsightsScreen(QWidget):
    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsTab")
        self.setAccessibleName(self.tr("Insights"))
        self.state, self.formats = state, formats
        self.data: Insights | None = None
        self._reread: Reread | None = None  # made once the store is open
        self.header = ScreenHeader("insights", self.tr("Insights"), self)
        self.period = QComboBox(self)
        self.period.setObjectName("insightsPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setToolTip(self.tr("The months the charts show"))
        for choice, text in zip(PERIODS, self._period_texts(), strict=True):
            self.period.addItem(text, choice)
        self.period.setCurrentIndex(PERIODS.index(INITIAL_PERIOD))
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        # The read starts now, on a worker, while the charts are built; the reload asked for in this
        # same turn of the event loop, as the window does right after building the screen, finds it
        # under way.
        self._read_early = False
        if state.ready:
            self.reload()
            self._read_early = True
            QTimer.singleShot(0, self, self._early_read_asked)
        self.currency = QComboBox(self)
        self.currency.setObjectName("insightsCurrency")
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setToolTip(self.tr("Amounts in different currencies are never added together"))
        self.currency.currentIndexChanged.connect(lambda _i: self._draw_money())
        self.header.add(self.period)
        self.header.add(self.currency)
        self.banner = ErrorBanner("insightsBanner", self.tr("Insights messages"), self)
        self.empty = QLabel(
            self.tr("No time or invoices in this period. Report time on the timesheet (Ctrl+5)."), self
        )
        self.empty.setObjectName("insightsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)  # until the data says there is nothing
        set_role(self.empty, "empty")
        self.hours = HoursChart("hoursChart", self.tr("Hours per week"), self)
        self.utilisation = UtilisationChart("utilisationChart", self.tr("Utilisation"), self)
        self.earnings = EarningsChart("earningsChart", self.tr("Earnings per month"), self)
        self.states = StatesChart("statesChart", self.tr("Invoices by state"), self)
        exports = {
            self.hours: ("hours", self.tr("hours-per-week")),
            self.utilisation: ("utilisation", self.tr("utilisation")),
            self.earnings: ("earnings", self.tr("earnings-per-month")),
            self.states: ("states", self.tr("invoices-by-state")),
        }
        for chart, (kind, stem) in exports.items():
            chart.exportRequested.connect(lambda kind=kind, stem=stem: self.export(kind, stem))
        self._layout()
        self.header.set_status(self.tr("Reading…"))

    def _period_texts(self) -> list[str]:
        return [
            self.tr("Last 12 months"),
            self.tr("This year"),
            self.tr("Last year"),
            self.tr("Last 3 years"),
            self.tr("Last 10 years"),
        ]

    def charts(self) -> list[Chart]:
        return [self.hours, self.utilisation, self.earnings, self.states]

    def _layout(self) -> None:
        inside = QWidget(self)
        grid = QGridLayout(inside)
        grid.setContentsMargins(Space.XL, Space.L, Space.XL, Space.XL)
        grid.setSpacing(Space.L)
        grid.addWidget(self.banner, 0, 0, 1, 2)
        grid.addWidget(self.empty, 1, 0, 1, 2)
        for place, chart in enumerate(self.charts()):
            grid.addWidget(chart, 2 + place // 2, place % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        header_over_cards(self, self.header, inside)
        self.setFocusProxy(self.period)

    # --- reading and drawing ------------------------------------------------------------------

    def reload(self) -> None:
        if not self.state.ready:
            return
        if self._read_early:  # the read the screen started when it was built is as fresh
            self._read_early = False
            return
        if self._reread is None:
            self._reread = Reread(self, self.state.tasks, self._prepare, self.show_data, self._failed)
        self._reread.request()

    def _early_read_asked(self) -> None:
        self._read_early = False

    def _prepare(self) -> Callable[[], Insights]:
        first, last = period_months(str(self.period.currentData()), date.today())
        reader, country = self.state.ctx.insights, self.state.settings.holiday_country
        return lambda: reader.read(first, last, country)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CoappError):
            raise error
        self.banner.show_error(error_text(error))

    def show_data(self, data: Insights) -> None:
        self.data = data
        chosen = self.currency.currentText()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(list(data.currencies))
        if chosen in data.currencies:
            self.currency.setCurrentText(chosen)
        self.currency.blockSignals(False)
        self.currency.setVisible(len(data.currencies) > 1)
        nothing = not data.contracts and not data.currencies
        self.empty.setVisible(nothing)
        self.hours.draw(data, self.formats)
        self.utilisation.draw(data, self.formats)
        self._draw_money()
        shown = self.formats.hours_always(sum(data.reported))
        weeks = len(data.weeks)  # one in a year's first days: later weeks are left out
        self.header.set_status(
            self.tr("{first} – {last} · {hours} in {weeks}").format(
                first=data.first,
                last=data.last,
                hours=self.tr("1 hour") if shown == "1" else self.tr("{hours} hours").format(hours=shown),
                weeks=self.tr("1 week") if weeks == 1 else self.tr("{n} weeks").format(n=weeks),
            )
        )

    def _draw_money(self) -> None:
        if self.data is None:
            return
        currency = self.currency.currentText()
        self.earnings.draw(self.data, self.formats, currency)
        self.states.draw(self.data, self.formats, currency)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        if self.data is not None:
            self.show_data(self.data)

    def restyle(self) -> None:
        """The scheme changed: charts take their colours when drawn."""
        if self.data is not None:
            self.show_data(self.data)

    # --- export -------------------------------------------------------------------------------

    def csv_text(self, kind: str) -> str:
        from coapp.services import insights_export

        assert self.data is not None
        language = self.formats.settings.language
        if kind == "hours":
            return insights_export.hours_csv(self.data, language)
        if kind == "utilisation":
            return insights_export.utilisation_csv(self.data, language)
        if kind == "earnings":
            return insights_export.earnings_csv(self.data, self.currency.currentText(), language)
        return insights_export.states_csv(self.data, language)

    def export(self, kind: str, stem: str) -> None:
        if self.data is None:
            return
        name = f"{stem}-{self.data.first}-{self.data.last}.csv"
        chosen = ask_save_path(self, self.tr("Export CSV"), name, self.tr("CSV (*.csv)"))
        if chosen is not None:
            self.write_csv(kind, chosen)

    def write_csv(self, kind: str, path: Path) -> None:
        from coapp.base.atomic_file import write_atomic

        try:
            write_atomic(path, self.csv_text(kind).encode("utf-8-sig"))  # the BOM: Excel reads UTF-8
        except OSError as error:
            self.banner.show_error(
                self.tr("Could not save {path}: {reason}").format(path=path, reason=error.strerror)
            )
            return
        self.banner.show_message(self.tr("Saved {path}.").format(path=path))

    def clear_messages(self) -> None:
        self.banner.clear()
