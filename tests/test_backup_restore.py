"""Restoring a backup brings back exactly what was there, and a file that is not a usable backup
is refused with a clear message and nothing changed (no table, no backup)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.__main__ import main
from coapp.app.context import AppContext
from coapp.services.backup_restore import BEFORE_RESTORE, BackupError, backup_rows, pick, restore, summarize
from coapp.store.backup import list_backups, make_backup
from coapp.store.sqlite_uri import read_only_uri
from tests.conftest import make_contract

Dump = dict[str, list[tuple[object, ...]]]


def dump(db_path: Path) -> Dump:
    """Every table's rows, in a stable order."""
    conn = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def fill(ctx: AppContext, title: str, days: int) -> None:
    contract = make_contract(ctx, title)
    for offset in range(days):
        ctx.timesheet.set_time(contract.id, date(2026, 11, 2 + offset), 60 * (offset + 1))


@pytest.fixture
def saved(ctx: AppContext) -> tuple[Path, Dump]:
    """A backup of two contracts' time; then the data changes (a third contract, an edit)."""
    fill(ctx, "Backend", 3)
    fill(ctx, "Frontend", 9)
    backup = make_backup(ctx.store.path, "daily")
    before = dump(ctx.store.path)
    fill(ctx, "Later", 2)
    first = ctx.contracts.all()[0]
    ctx.timesheet.set_time(first.id, date(2026, 11, 2), 480)
    assert dump(ctx.store.path) != before
    return backup, before


def test_restore_brings_back_exactly_what_the_backup_held(ctx: AppContext, saved: tuple[Path, Dump]) -> None:
    backup, before = saved
    changed = dump(ctx.store.path)
    ctx.close()
    safety = restore(ctx.store.path, backup)
    assert dump(ctx.store.path) == before
    assert BEFORE_RESTORE in safety.name
    assert dump(safety) == changed  # the restore can itself be undone
    reopened = AppContext.open(ctx.paths.data_dir)  # the store opens on it as usual
    try:
        assert sorted(c.title for c in reopened.contracts.all()) == ["Backend", "Frontend"]
    finally:
        reopened.close()
    assert dump(ctx.store.path) == before


def test_a_summary_counts_what_the_backup_holds(ctx: AppContext, saved: tuple[Path, Dump]) -> None:
    backup, _ = saved
    summary = summarize(backup)
    assert (summary.contracts, summary.time_entries, summary.invoices) == (2, 12, 0)
    assert summary.weeks == 2  # 2-10 November 2026: weeks 45 and 46
    assert summary.label == "daily"
    rows = backup_rows(ctx.store.path)
    assert [row.path for row in rows] == list_backups(ctx.store.path)
    assert rows[0].summary == summary


def _not_sqlite(folder: Path) -> Path:
    path = folder / "notes.sqlite3"
    path.write_text("my notes, not a database\n")
    return path


def _corrupt(folder: Path, backup: Path) -> Path:
    path = folder / "corrupt.sqlite3"
    data = bytearray(backup.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # the header survives, every page after it is garbage
    path.write_bytes(bytes(data))
    return path


def _truncated(folder: Path, backup: Path) -> Path:
    path = folder / "truncated.sqlite3"
    path.write_bytes(backup.read_bytes()[:5000])
    return path


def _other_database(folder: Path) -> Path:
    path = folder / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _newer(folder: Path, backup: Path) -> Path:
    path = folder / "newer.sqlite3"
    shutil.copyfile(backup, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    return path


BAD = {
    "missing": (lambda folder, _b: folder / "gone.sqlite3", "There is no backup at"),
    "folder": (lambda folder, _b: folder, "is a folder, not a backup"),
    "not sqlite": (lambda folder, _b: _not_sqlite(folder), "is not a coapp backup"),
    "corrupt": (_corrupt, "is damaged"),
    "truncated": (_truncated, "is damaged"),
    "another database": (lambda folder, _b: _other_database(folder), "is not a coapp backup"),
    "newer coapp": (_newer, "made by a newer coapp"),
}


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_backup_is_refused_and_nothing_changes(
    ctx: AppContext, saved: tuple[Path, Dump], tmp_path: Path, kind: str
) -> None:
    backup, _ = saved
    make_bad, message = BAD[kind]
    bad = make_bad(tmp_path, backup)
    ctx.close()
    current, backups = dump(ctx.store.path), list_backups(ctx.store.path)
    with pytest.raises(BackupError, match=message) as raised:
        restore(ctx.store.path, bad)
    assert "Nothing was changed" in str(raised.value)
    assert dump(ctx.store.path) == current
    assert list_backups(ctx.store.path) == backups  # no safety backup either: nothing happened


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=3000))
def test_random_bytes_after_an_sqlite_header_are_never_restored(
    ctx: AppContext, tmp_path: Path, tail: bytes
) -> None:
    fill(ctx, "Backend", 1) if not ctx.contracts.all() else None
    current = dump(ctx.store.path)
    bad = tmp_path / "random.sqlite3"
    bad.write_bytes(b"SQLite format 3\0" + tail)
    with pytest.raises(BackupError):
        restore(ctx.store.path, bad)
    assert dump(ctx.store.path) == current


def test_pick_by_number_and_refuse_a_number_out_of_range(ctx: AppContext, saved: tuple[Path, Dump]) -> None:
    backup, _ = saved
    assert pick(ctx.store.path, "1") == list_backups(ctx.store.path)[0]
    for wrong in ("0", "99"):
        with pytest.raises(BackupError, match="There is no backup number"):
            pick(ctx.store.path, wrong)
    assert pick(ctx.store.path, str(backup)) == backup


def test_cli_lists_and_restores(
    ctx: AppContext, saved: tuple[Path, Dump], capsys: pytest.CaptureFixture[str]
) -> None:
    backup, before = saved
    ctx.close()
    assert main(["backup", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    line = next(line for line in listed if backup.name in line)
    assert "2 contracts, 2 weeks (12 time entries), 0 invoices" in line
    number = line.split()[0]
    assert main(["backup", "restore", number]) == 0
    assert "Restored the backup" in capsys.readouterr().out
    assert dump(ctx.store.path) == before


def test_cli_refuses_a_bad_backup_in_one_line(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(ctx, "Backend", 2)
    ctx.close()
    current = dump(ctx.store.path)
    assert main(["backup", "restore", str(_not_sqlite(tmp_path))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "is not a coapp backup" in err[0]
    assert dump(ctx.store.path) == current


def test_cli_restore_under_an_open_window_is_refused_and_changes_nothing(
    ctx: AppContext, saved: tuple[Path, Dump], capsys: pytest.CaptureFixture[str]
) -> None:
    from coapp.store.data_lock import DataFolderLock

    ctx.close()
    current, backups = dump(ctx.store.path), list_backups(ctx.store.path)
    with DataFolderLock(ctx.paths.data_dir) as window:
        assert window.acquire("window")
        assert main(["backup", "restore", "1"]) == 2
    err = capsys.readouterr().err
    assert "coapp's window has this data folder open" in err
    assert dump(ctx.store.path) == current
    assert list_backups(ctx.store.path) == backups
