"""The feedback on a contract over time (issue 11): the overall score of each feedback as a line, its
four scores as dots, on a fixed 1–5 scale so a small dip never looks like a fall. The read-out says
every number of the feedback under the pointer (or the arrow keys).

Only the Contracts screen imports this module, and only when a contract with feedback is shown."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from coapp.ui.charts.geometry import PlotData
from coapp.ui.charts.series import Line
from coapp.ui.contracts.texts import author_text
from coapp.ui.insights.charts import Chart, label_ticks
from coapp.ui.invoices.formats import InvoiceFormats

if TYPE_CHECKING:
    from coapp.services.contract_view import FeedbackHistory
    from coapp.ui.formats import Formats


class FeedbackChart(Chart):
    def __init__(self, name: str, title: str, parent: object = None) -> None:
        super().__init__(name, title, parent)  # type: ignore[arg-type]
        self.export_button.hide()  # the history's every number is listed beside the chart
        self.plot.setMinimumHeight(self.plot.minimumHeight() * 2 // 3)

    def score_names(self) -> list[str]:
        return [self.tr("quality"), self.tr("communication"), self.tr("delivery"), self.tr("expertise")]

    def draw(self, history: FeedbackHistory, formats: Formats) -> None:
        self.history, self.formats = history, formats
        items = history.items
        picks = (
            lambda f: f.quality,
            lambda f: f.communication,
            lambda f: f.delivery,
            lambda f: f.expertise,
        )
        # Each score a little aside, so equal scores of one feedback stay four dots.
        scores = [
            Line([float(pick(f)) for f in items], k + 1, points=6.0, joined=False, shift=(k - 1.5) * 0.06)
            for k, pick in enumerate(picks)
        ]
        overall = Line([float(f.overall) for f in items], 0, width=2.5, points=8.0)
        self.set_legend([self.tr("overall"), *self.score_names()])
        labels = [formats.date(f.given_at.astimezone().date()) for f in items]
        scale = (0.6, 5.4, tuple(Decimal(n) for n in range(1, 6)))  # the whole 1–5 scale, always
        self.finish(PlotData(len(items), lines=[*scores, overall], labels=label_ticks(labels), fixed=scale))

    def empty_text(self) -> str:
        return self.tr("No feedback yet: the client and your agent give it during the assignment.")

    def describe(self, index: int) -> str:
        f = self.history.items[index]
        names = self.score_names()
        scores = ", ".join(
            f"{name} {value}"
            for name, value in zip(names, (f.quality, f.communication, f.delivery, f.expertise), strict=True)
        )
        return self.tr("{day}, {who} ({name}): overall {overall} — {scores}").format(
            day=self.formats.date(f.given_at.astimezone().date()),
            who=author_text(f.author_role),
            name=f.author_name,
            overall=InvoiceFormats(self.formats).quantity(f.overall),
            scores=scores,
        )
