"""Texts that change with every week (the week's name, the header's hours, the week's value) and the
grid's values do not make the screen lay itself out again; a change of shape (more lines, more
rows) still does, and nothing is clipped."""

from __future__ import annotations

import time
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from coapp.services.sheets import CellChange
from coapp.ui.toolkit import SteadyLabel
from tests.conftest import make_contract


class _Events(QObject):
    def __init__(self, widget: QWidget, kind: QEvent.Type = QEvent.Type.LayoutRequest) -> None:
        super().__init__(widget)
        self.count = 0
        self.kind = kind
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _settle_long() -> None:
    """Long enough for layouts posted by layouts to run too (three bare rounds were not always, on
    a loaded machine); not for the tests that count layouts, which other timers would disturb."""
    deadline = time.monotonic() + 0.1
    while time.monotonic() < deadline:
        QApplication.processEvents()


def test_switching_between_weeks_of_the_same_shape_lays_nothing_out(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    contract = make_contract(ctx)
    monday = date(2026, 11, 2)
    for week in range(4):  # the same one line of value every week, other hours and money
        day = monday + timedelta(weeks=week)
        ctx.timesheet.apply([CellChange(contract.id, day, 60 * (week + 2), "")])
    window = open_window(monday)
    screen = window.timesheet
    qtbot.wait(200)  # the start-up's late work (icons, the store) lays out once more
    _settle()
    requests = _Events(screen.week_page)
    # The labels are opaque: a new text repaints them, not the card or header they sit on.
    card_paints = _Events(screen.value_card, QEvent.Type.Paint)
    header_paints = _Events(screen.header, QEvent.Type.Paint)
    texts = set()
    for week in (1, 2, 3, 0, 2):
        screen.show_date(monday + timedelta(weeks=week))
        _settle()
        texts.add((screen.week_label.text(), screen.header.status.text(), screen.value_card.label.text()))
    assert len(texts) == 5 - 1  # every switch changed all three texts (one week shown twice)
    assert requests.count == 0
    assert (card_paints.count, header_paints.count) == (0, 0)


def test_a_steady_label_grows_for_more_lines_and_shows_all_of_its_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(300, 200)
    label = SteadyLabel("probe", holder, word_wrap=True)
    label.setGeometry(0, 0, 300, 20)
    holder.show()
    label.setText("one line")
    one = label.height()
    label.setText("one line\nand another")
    two = label.height()
    assert two > one
    label.setText("a long sentence that cannot fit in three hundred pixels of width, so it wraps " * 2)
    metrics = label.label.fontMetrics()
    wrapped = metrics.boundingRect(0, 0, label.width(), 10_000, int(Qt.TextFlag.TextWordWrap), label.text())
    assert label.height() >= wrapped.height() > two
    assert label.label.size() == label.size()  # the text is drawn in all of the room it has
    label.setText("back to one")
    assert label.height() == one


def test_the_grid_is_as_tall_as_its_rows(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    make_contract(ctx)
    window = open_window(date(2026, 11, 24))
    grid = window.timesheet.grid
    _settle()
    rows = grid.verticalHeader().length()
    assert grid.height() == _contents_height(grid)
    make_contract(ctx, title="A second contract")
    window.timesheet.controller.reload()
    _settle()
    assert grid.verticalHeader().length() > rows
    assert grid.height() == _contents_height(grid)


def _contents_height(grid) -> int:  # type: ignore[no-untyped-def]
    return grid.horizontalHeader().height() + grid.verticalHeader().length() + 2 * grid.frameWidth()


def test_the_weeks_value_is_as_tall_as_its_lines_after_the_first_run(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    """Its text first arrives while the week page is hidden (and narrow): once shown, the value
    takes the lines it needs, not the height it would have wrapped to on the hidden page."""
    window = open_window(date(2026, 11, 24))
    screen = window.timesheet
    assert screen.pages.currentWidget() is screen.first_run
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 480, "")])
    screen.controller.reload()
    _settle_long()
    label = screen.value_card.label
    assert label.isVisible()
    assert label.text().count("\n") == 0
    line = label.label.fontMetrics().lineSpacing()
    assert label.height() < 2 * line
    assert label.label.size() == label.size()


def test_the_day_header_takes_a_second_line_in_a_holiday_week_and_back(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    make_contract(ctx)
    window = open_window(date(2026, 12, 2))  # no holiday that week
    grid = window.timesheet.grid
    _settle()
    one_line = grid.horizontalHeader().height()
    window.timesheet.show_date(date(2026, 12, 23))  # Christmas Eve and Day: a second header line
    _settle()
    assert grid.model().headerData(3, Qt.Orientation.Horizontal).count("\n") == 1
    assert grid.horizontalHeader().height() > one_line
    assert grid.height() == _contents_height(grid)
    window.timesheet.show_date(date(2026, 12, 2))
    _settle()
    assert grid.horizontalHeader().height() == one_line
    assert grid.height() == _contents_height(grid)
