"""The fast start path: the preview week equals the service's week, nothing heavy is imported
before the first paint, and the schema constant follows the migrations."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from coapp.app.context import AppContext
from coapp.domain.weeks import IsoWeek
from coapp.services.holiday_names import HolidayNames
from coapp.services.quick_start import peek_week
from coapp.services.sheets import CellChange
from coapp.store.database import create_at_revision, head_revision
from coapp.store.schema_version import HEAD_REVISION
from tests.conftest import make_contract


def test_schema_constant_is_the_migrations_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_preview_equals_service_week(ctx: AppContext) -> None:
    a = make_contract(ctx, "Backend")
    b = make_contract(ctx, "Review", end_date=date(2026, 11, 25))
    week = IsoWeek(2026, 48)
    ctx.timesheet.apply(
        [
            CellChange(a.id, date(2026, 11, 23), 450, "api"),
            CellChange(a.id, date(2026, 11, 29), 60, ""),
            CellChange(b.id, date(2026, 11, 24), 90, "notes"),
        ]
    )
    ctx.timesheet.set_hidden_rows(week, {b.id})  # b has time, so it stays shown
    assert peek_week(ctx.paths.database, week) == ctx.timesheet.week(week)
    assert peek_week(ctx.paths.database, week.shifted(1)) == ctx.timesheet.week(week.shifted(1))


def test_preview_declines_what_it_cannot_read(tmp_path: Path) -> None:
    assert peek_week(tmp_path / "missing.sqlite3", IsoWeek(2026, 48)) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert peek_week(garbage, IsoWeek(2026, 48)) is None
    older = tmp_path / "older.sqlite3"
    create_at_revision(older, "r0001").dispose()
    assert peek_week(older, IsoWeek(2026, 48)) is None  # the normal path migrates it


def test_holiday_cache_serves_without_the_library(tmp_path: Path) -> None:
    cache = tmp_path / "holidays.json"
    days = IsoWeek(2026, 52).days()
    assert HolidayNames(cache).for_days(days, "SE", "sv", compute=False) is None
    names = HolidayNames(cache).for_days(days, "SE", "sv")
    assert names == {4: "Juldagen", 5: "Annandag jul"}
    assert HolidayNames(cache).for_days(days, "SE", "sv", compute=False) == names
    cache.write_text("{broken", encoding="utf-8")
    assert HolidayNames(cache).for_days(days, "SE", "sv", compute=False) is None


def test_first_paint_imports_nothing_heavy(ctx: AppContext) -> None:
    contract = make_contract(ctx, start_date=date.today() - timedelta(days=30))
    ctx.timesheet.set_time(contract.id, date.today(), 90, "first")
    ctx.close()
    script = f"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from coapp.app import show_main_window
window = show_main_window({str(ctx.paths.data_dir)!r})
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            model = window.timesheet.controller.model
            names = ("sqlalchemy", "alembic", "holidays", "coapp.ui.charts")
            heavy = sorted(m for m in names if m in sys.modules)
            state = {{"heavy": heavy, "ready": window.state.ready, "total": model.sheet.total}}
            print(json.dumps(state))
            QApplication.exit(0)
        return False
watch = Watch()
window.installEventFilter(watch)
QApplication.exec()
"""
    cmd = [sys.executable, "-c", script]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"heavy": [], "ready": False, "total": 90}


def test_preview_reads_folders_with_uri_characters(tmp_path: Path) -> None:
    folder = tmp_path / "C# 100% what?"
    ctx = AppContext.open(folder)
    try:
        contract = make_contract(ctx)
        ctx.timesheet.set_time(contract.id, date(2026, 11, 24), 60)
        week = IsoWeek(2026, 48)
        assert peek_week(ctx.paths.database, week) == ctx.timesheet.week(week)
    finally:
        ctx.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["C# 100% what?"]  # no stray files beside it
