"""Insights: opened with Ctrl+8 (its modules load then, never at start-up), the charts drawn from the
store, exact values under the pointer or the arrow keys, the period chosen, each chart's CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_series import LocalSeries
from coapp.services.sheets import CellChange
from tests.services.invoicing_helpers import SOLE_TRADER, RecordingPdfWriter, hourly_contract

TODAY = date.today()


def _history(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx, start_date=TODAY - timedelta(days=120), end_date=None)
    monday = TODAY - timedelta(days=TODAY.weekday())
    last_week = monday - timedelta(days=7)
    ctx.timesheet.apply([CellChange(contract.id, last_week + timedelta(days=i), 480) for i in range(3)])
    ctx.timesheet.apply([CellChange(contract.id, monday, 240)])
    confirm = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())
    confirm.confirm(
        ctx.drafts.create(contract.id, last_week, last_week + timedelta(days=6), today=TODAY).id, today=TODAY
    )


def _open(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.insights_slot
    screen = window.insights
    qtbot.waitUntil(lambda: screen.data is not None, timeout=15000)
    return screen


def _point(widget, at: QPointF) -> None:  # type: ignore[no-untyped-def]
    """The pointer moved to *at* over *widget* (sent to it: the chart may be scrolled out of view)."""
    global_at = QPointF(widget.mapToGlobal(at.toPoint()))
    move = QMouseEvent(
        QEvent.Type.MouseMove, at, global_at, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, move)


def test_the_charts_are_drawn_from_the_store_with_exact_values(qtbot, ctx, open_window) -> None:
    _history(ctx)
    window = open_window()
    screen = _open(qtbot, window)
    assert screen.hours.count == len(screen.data.weeks) >= 40
    assert screen.hours.readout.text().endswith("expected hours")
    assert "2 of " in screen.hours.readout.text() or "4 of " in screen.hours.readout.text()
    screen.hours.plot.setFocus()
    qtbot.keyClick(screen.hours.plot, Qt.Key.Key_Left)
    assert "24 of" in screen.hours.readout.text()  # last week: three days of 8 hours
    qtbot.keyClick(screen.hours.plot, Qt.Key.Key_Home)
    assert screen.hours.index == screen.hours.plot.highlight == 0
    qtbot.keyClick(screen.hours.plot, Qt.Key.Key_End)
    assert screen.hours.index == screen.hours.count - 1
    plot = screen.utilisation.plot
    _point(plot, plot.layout_now().slot_rect(screen.utilisation.count - 2).center())
    assert screen.utilisation.index == screen.utilisation.count - 2
    assert "(24 of " in screen.utilisation.readout.text()
    assert "%" in screen.utilisation.readout.text()
    assert screen.earnings.count == 12
    assert "payout" in screen.earnings.readout.text()
    assert "SEK" in screen.earnings.readout.text()
    assert screen.states.readout.text() == "Confirmed: 1 invoice, SEK\u00a028,500.00"
    assert not screen.currency.isVisible()  # one currency: nothing to choose
    assert not screen.empty.isVisible()


def test_the_period_changes_what_is_read(qtbot, ctx, open_window) -> None:
    _history(ctx)
    window = open_window()
    screen = _open(qtbot, window)
    screen.period.setCurrentIndex(screen.period.findData("120"))
    qtbot.waitUntil(lambda: screen.data is not None and len(screen.data.months) == 120, timeout=15000)
    assert screen.hours.count > 500
    assert len(screen.hours.plot.data.bars[0].values) == screen.hours.count  # one list, no items
    years = [text for _rect, text in screen.hours.plot.layout_now().x_labels]
    assert years
    assert all(text.isdigit() and len(text) == 4 for text in years)  # ten years of weeks: the years


def test_each_chart_exports_its_csv(qtbot, ctx, open_window, tmp_path: Path) -> None:
    _history(ctx)
    window = open_window()
    screen = _open(qtbot, window)
    for kind in ("hours", "utilisation", "earnings", "states"):
        path = tmp_path / f"{kind}.csv"
        screen.write_csv(kind, path)
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
        assert len(rows) >= 2, kind
    assert "Saved" in screen.banner.text()
    screen.write_csv("hours", tmp_path / "hours.csv" / "x.csv")  # a file where a folder should be
    assert screen.banner.is_error()


def test_an_empty_folder_says_what_to_do(qtbot, open_window) -> None:
    window = open_window()
    screen = _open(qtbot, window)
    assert screen.empty.isVisible()
    assert "timesheet" in screen.empty.text()
    assert screen.earnings.readout.text() == "No invoices issued in this period."
    assert screen.hours.readout.text() == "No time reported in this period."
    assert not screen.hours.plot.isVisible()  # no empty axes
    assert screen.utilisation.readout.text() == "No time reported in this period."
