"""Opening the store: create and stamp, upgrade with a backup first, refuse newer or damaged files."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from coapp.app.context import AppContext
from coapp.domain.weeks import IsoWeek
from coapp.models import Base
from coapp.models.assignments import SEARCH_TABLES
from coapp.services.timesheet import Cell, CellChange
from coapp.store import backup as backup_module
from coapp.store.backup import list_backups, make_backup, newest_backup
from coapp.store.database import (
    DamagedDatabaseError,
    NewerDatabaseError,
    StoreError,
    create_at_revision,
    head_revision,
    known_revisions,
    open_store,
    quick_check,
    stored_revision,
)
from coapp.store.schema_version import HEAD_REVISION
from tests.conftest import make_contract

CONTRACT_ID = "0b7f3c1e-0000-4000-8000-000000000001"
ENTRY_ID = "0b7f3c1e-0000-4000-8000-000000000002"
CLEARED_ID = "0b7f3c1e-0000-4000-8000-000000000003"
STAMP = "2026-11-20 10:00:00.000000"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path, isolation_level=None))


def build_r0001(db_path: Path) -> None:
    """A database as coapp at schema r0001 left it, with data written by plain SQL."""
    create_at_revision(db_path, "r0001").dispose()
    with raw(db_path) as conn:
        conn.execute(
            "INSERT INTO contracts (id, client_name, title, fee_model, rate_minor, currency, commission_bp,"
            " start_date, end_date, minutes_per_day, rounding_rule, server_version, dirty, deleted_at,"
            " updated_at) VALUES (?, 'Acme AB', 'Backend', 'hourly', 95000, 'SEK', 1250, '2026-01-01',"
            " '2027-06-30', 480, 'up:15:entry', 3, 0, NULL, ?)",
            (CONTRACT_ID, STAMP),
        )
        conn.executemany(
            "INSERT INTO time_entries (id, contract_id, work_date, minutes, note, invoice_id,"
            " server_version, dirty, deleted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)",
            [
                (ENTRY_ID, CONTRACT_ID, "2026-11-23", 450, "planning", "inv-7", None, STAMP),
                (CLEARED_ID, CONTRACT_ID, "2026-11-24", 0, "", None, STAMP, STAMP),
            ],
        )
        conn.execute(
            "INSERT INTO outbox (op_id, entity, row_id, op, base_version, fields, created_at)"
            " VALUES ('op-1', 'time_entry', ?, 'upsert', NULL, '{\"minutes\": 450}', ?)",
            (ENTRY_ID, STAMP),
        )


def table_names(db_path: Path) -> set[str]:
    with raw(db_path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


# --- a new database ----------------------------------------------------------------------------


def test_the_start_up_revision_constant_is_the_migrations_head() -> None:
    assert head_revision() == HEAD_REVISION
    assert {"r0001", "r0002"} <= known_revisions()


def test_a_new_database_is_created_and_stamped_at_head(data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    ctx.close()
    db = data_dir / "coapp.sqlite3"
    assert stored_revision(db) == head_revision()
    assert {"contracts", "time_entries", "outbox", "running_timers", "hidden_week_rows"} <= table_names(db)
    assert quick_check(db) is None
    assert list_backups(db) == [], "there is nothing to back up yet"


def test_an_empty_file_counts_as_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    db.touch()
    open_store(db).dispose()
    assert stored_revision(db) == head_revision()


def test_a_crash_while_creating_leaves_a_database_the_next_start_can_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alembic.command

    def crash(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt("killed while stamping")

    db = tmp_path / "coapp.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(alembic.command, "stamp", crash)
        with pytest.raises(KeyboardInterrupt):
            open_store(db)
    store = open_store(db)  # not "this is not a coapp database"
    store.dispose()
    assert stored_revision(db) == head_revision()


def test_opening_at_head_makes_a_daily_backup_once(data_dir: Path) -> None:
    AppContext.open(data_dir).close()
    db = data_dir / "coapp.sqlite3"
    AppContext.open(data_dir).close()
    (daily,) = list_backups(db)
    assert daily.name.endswith("-daily.sqlite3")
    AppContext.open(data_dir).close()
    assert list_backups(db) == [daily], "a second backup within a day is not needed"


# --- upgrading an older database ---------------------------------------------------------------


def test_a_database_from_the_previous_revision_is_upgraded_with_its_data(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "coapp.sqlite3"
    build_r0001(db)
    assert stored_revision(db) == "r0001"
    assert "running_timers" not in table_names(db)
    with raw(db) as conn:
        original = list(conn.iterdump())

    ctx = AppContext.open(data_dir)
    try:
        # A backup of the old file was made first, holding exactly what r0001 left.
        (backup,) = list_backups(db)
        assert backup.name.endswith(f"-before-{head_revision()}.sqlite3")
        assert stored_revision(backup) == "r0001"
        with raw(backup) as conn:
            assert list(conn.iterdump()) == original
        assert quick_check(backup) is None

        assert stored_revision(db) == head_revision()
        (contract,) = ctx.contracts.all()
        assert contract.id == CONTRACT_ID
        assert (contract.title, contract.client_name, str(contract.rate), contract.currency) == (
            "Backend",
            "Acme AB",
            "950.00",
            "SEK",
        )
        assert str(contract.rounding) == "up:15:entry"
        assert contract.end_date == date(2027, 6, 30)

        sheet = ctx.timesheet.week(IsoWeek(2026, 48))
        assert sheet.rows[0].cells[0] == Cell(450, "planning", locked=True)
        assert sheet.rows[0].cells[1] == Cell()
        with raw(db) as conn:
            assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
            assert (
                conn.execute("SELECT deleted_at FROM time_entries WHERE id = ?", (CLEARED_ID,)).fetchone()[0]
                == STAMP
            )

        # The upgraded database works: new tables, new entries, timers.
        ctx.timesheet.apply([CellChange(CONTRACT_ID, date(2026, 11, 25), 60)])
        assert ctx.timesheet.week(IsoWeek(2026, 48)).total == 510
        ctx.timesheet.set_hidden_rows(IsoWeek(2026, 49), [CONTRACT_ID])
    finally:
        ctx.close()
    assert quick_check(db) is None


def test_a_failed_upgrade_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    build_r0001(db)
    # Something in the way of r0002: its second table already exists.
    with raw(db) as conn:
        conn.execute("CREATE TABLE hidden_week_rows (x INTEGER)")
    with pytest.raises(Exception, match="already exists"):
        open_store(db)
    assert stored_revision(db) == "r0001"
    assert "running_timers" not in table_names(db), "r0002 is applied all or not at all"
    assert len(list_backups(db)) == 1


def test_the_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    create_at_revision(db, "r0001").dispose()
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            # FTS5's own tables (the assignments' search index) are SQLite's, not the models'.
            opts = {"include_name": lambda name, kind, _: kind != "table" or name not in SEARCH_TABLES}
            diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    finally:
        store.dispose()
    assert diff == []


def describe_schema(db: Path) -> dict[str, object]:
    """What SQLite itself reports about every table: columns, indexes, keys, named constraints."""
    import re

    shape: dict[str, object] = {}
    with raw(db) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for t in tables:
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
            indexes = sorted(
                (name, unique, origin, tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{name}')")))
                for _, name, unique, origin, _partial in conn.execute(f"PRAGMA index_list('{t}')")
            )
            shape[t] = {
                # By name: a column added by a migration sits at the end, which changes nothing.
                "columns": sorted(c[1:] for c in conn.execute(f"PRAGMA table_info('{t}')")),
                "indexes": indexes,
                "foreign_keys": sorted(r[2:5] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')")),
                "checks": sorted(re.findall(r"CONSTRAINT (\w+) CHECK", sql)),
                "triggers": sorted(
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name=?", (t,)
                    )
                ),
            }
    return shape


def test_a_migrated_database_and_a_new_one_are_the_same_shape(tmp_path: Path) -> None:
    fresh, migrated = tmp_path / "fresh.sqlite3", tmp_path / "migrated.sqlite3"
    open_store(fresh).dispose()
    create_at_revision(migrated, "r0001").dispose()
    open_store(migrated).dispose()
    fresh_shape, migrated_shape = describe_schema(fresh), describe_schema(migrated)
    assert set(fresh_shape) == set(migrated_shape)
    for table in fresh_shape:
        assert fresh_shape[table] == migrated_shape[table], table


# --- refusing what must not be touched ---------------------------------------------------------


def test_a_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    AppContext.open(data_dir).close()
    db = data_dir / "coapp.sqlite3"
    with raw(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    before = sha256(db)
    files_before = sorted(p.name for p in data_dir.rglob("*"))

    with pytest.raises(NewerDatabaseError, match="newer coapp") as info:
        AppContext.open(data_dir)

    assert "r9999" in str(info.value)
    assert "untouched" in str(info.value)
    assert sha256(db) == before
    assert stored_revision(db) == "r9999"
    assert list_backups(db) == []
    assert [n for n in sorted(p.name for p in data_dir.rglob("*")) if not n.endswith(("-shm", "-wal"))] == [
        n for n in files_before if not n.endswith(("-shm", "-wal"))
    ]


def test_a_foreign_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    with raw(db) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('pancakes')")
    before = sha256(db)
    with pytest.raises(StoreError, match="not a coapp database"):
        open_store(db)
    assert sha256(db) == before


def _overwrite_middle(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) >= 4 * page, "a database big enough to have a middle"
    middle = (len(data) // page // 2) * page
    data[middle : middle + 2 * page] = b"\xde\xad\xbe\xef" * (2 * page // 4)
    db.write_bytes(bytes(data))


def _fill_and_checkpoint(data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    try:
        contracts = [make_contract(ctx, f"Contract {i}") for i in range(4)]
        week = IsoWeek(2026, 2)
        for w in range(30):
            ctx.timesheet.apply(
                [
                    CellChange(c.id, day, 60 + w, f"note {w} " * 20)
                    for c in contracts
                    for day in week.shifted(w).days()[:5]
                ]
            )
    finally:
        ctx.close()  # the last connection to close checkpoints the WAL into the file


def test_a_damaged_database_is_refused_naming_the_newest_backup(data_dir: Path) -> None:
    _fill_and_checkpoint(data_dir)
    AppContext.open(data_dir).close()  # makes the daily backup
    db = data_dir / "coapp.sqlite3"
    newest = newest_backup(db)
    assert newest is not None
    wal = data_dir / "coapp.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "everything is in the main file"
    _overwrite_middle(db)

    with pytest.raises(DamagedDatabaseError, match="damaged") as info:
        AppContext.open(data_dir)

    assert info.value.backup == newest
    assert str(newest) in str(info.value)
    assert quick_check(newest) is None, "the backup offered is itself sound"


def test_a_garbage_file_is_refused_without_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    db.write_bytes(b"this is not a database, just some text someone saved here\n" * 200)
    before = sha256(db)
    with pytest.raises(DamagedDatabaseError, match="no backup yet") as info:
        open_store(db)
    assert info.value.backup is None
    assert sha256(db) == before


def test_quick_check_reports_damage(tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite3"
    _fill_and_checkpoint(tmp_path / "folder")
    db.write_bytes((tmp_path / "folder" / "coapp.sqlite3").read_bytes())
    assert quick_check(db) is None
    _overwrite_middle(db)
    assert quick_check(db) is not None


# --- backups -----------------------------------------------------------------------------------


def test_a_backup_includes_committed_data_still_in_the_wal(ctx: AppContext) -> None:
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 42, "in the wal")])
    assert (ctx.paths.data_dir / "coapp.sqlite3-wal").stat().st_size > 0
    copy = make_backup(ctx.paths.database, "test")
    with raw(copy) as conn:
        assert conn.execute("SELECT minutes, note FROM time_entries").fetchall() == [(42, "in the wal")]
    assert not list(copy.parent.glob("*.partial"))


def test_old_backups_are_pruned_newest_first(ctx: AppContext) -> None:
    made = [make_backup(ctx.paths.database, f"n{i:02d}") for i in range(backup_module.KEEP + 3)]
    kept = list_backups(ctx.paths.database)
    assert len(kept) == backup_module.KEEP
    assert kept == sorted(made, reverse=True)[: backup_module.KEEP]
    assert newest_backup(ctx.paths.database) == made[-1]


@pytest.mark.parametrize("folder", ["C# projects", "100%25 sure", "50% done", "what?mode=rw", "a b"])
def test_any_folder_name_works(tmp_path: Path, folder: str) -> None:
    data_dir = tmp_path / folder
    ctx = AppContext.open(data_dir)
    try:
        contract = make_contract(ctx)
        ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 60)])
    finally:
        ctx.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder], "nothing written beside the folder"
    db = data_dir / "coapp.sqlite3"
    ctx = AppContext.open(data_dir)  # the integrity and version checks read the same file
    try:
        assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 60
    finally:
        ctx.close()
    (daily,) = list_backups(db)
    assert daily.name.endswith("-daily.sqlite3")
    with raw(daily) as conn:
        assert conn.execute("SELECT minutes FROM time_entries").fetchall() == [(60,)]
    # A damaged file in such a folder is still recognised as damaged.
    db.write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabaseError):
        open_store(db)


# --- r0006: who buys, and credit notes held positive ---------------------------------------------


def build_r0005_with_invoices(db_path: Path) -> None:
    """Invoices as r0005 left them: a fixed-fee invoice (self_billing 0), an hourly invoice and its
    credit note as the platform sent it then, lines negated and totals negative."""
    create_at_revision(db_path, "r0005").dispose()
    columns = (
        "id, kind, state, contract_id, number, issue_date, due_date, period_start, period_end, currency,"
        " language, line_mode, self_billing, reverse_charge, credited_invoice_id, net_minor, vat_minor,"
        " total_minor, commission_bp, commission_minor, frozen, buyer_reference, notes, pdf_path, dirty,"
        " updated_at"
    )
    invoice = "INSERT INTO invoices (" + columns + ") VALUES (?, ?, ?, ?, ?, '2026-11-30', '2026-12-30',"
    invoice += (
        " '2026-11-01', '2026-11-30', 'SEK', 'sv', 'day', ?, 0, ?, ?, ?, ?, 1250, ?, '{}', '', '', '', 0, ?)"
    )
    line = (
        "INSERT INTO invoice_lines (id, invoice_id, position, description, quantity_e4, unit,"
        " unit_price_minor, vat_rate_bp, vat_category, amount_minor, notes, dirty, updated_at)"
        " VALUES (?, ?, 1, 'work', ?, 'HUR', 95000, 2500, 'S', ?, '', 0, ?)"
    )
    with raw(db_path) as conn:
        conn.execute(
            "INSERT INTO contracts (id, client_name, title, fee_model, rate_minor, currency, commission_bp,"
            " start_date, end_date, minutes_per_day, rounding_rule, origin, server_version, dirty,"
            " deleted_at, updated_at) VALUES (?, 'Acme AB', 'Backend', 'hourly', 95000, 'SEK', 1250,"
            " '2026-01-01', NULL, 480, 'none', 'local', NULL, 0, NULL, ?)",
            (CONTRACT_ID, STAMP),
        )
        # Lines first, while the invoices are drafts (the triggers allow lines only there).
        for invoice_id, kind, number, self_billing, credited, sign in (
            ("inv-fixed", "invoice", "1", 0, None, 1),
            ("inv-hourly", "invoice", "2", 1, None, 1),
            ("inv-credit", "credit_note", "3", 1, "inv-hourly", -1),
        ):
            figures = (sign * 95000, sign * 23750, sign * 118750, sign * 11875)
            conn.execute(
                invoice,
                (invoice_id, kind, "draft", CONTRACT_ID, None, self_billing, credited, *figures, STAMP),
            )
            conn.execute(line, (f"{invoice_id}-l", invoice_id, sign * 10000, sign * 95000, STAMP))
            state = "credited" if invoice_id == "inv-hourly" else "confirmed"
            conn.execute(
                "UPDATE invoices SET state = ?, number = ? WHERE id = ?", (state, number, invoice_id)
            )


def test_r0006_names_the_buyer_and_turns_credit_notes_positive(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    build_r0005_with_invoices(db)
    open_store(db).dispose()
    with raw(db) as conn:
        rows = dict(
            (r[0], r[1:])
            for r in conn.execute(
                "SELECT id, billed_to, kind, net_minor, total_minor, commission_minor FROM invoices"
            )
        )
        lines = dict(conn.execute("SELECT invoice_id, quantity_e4 FROM invoice_lines"))
        amounts = dict(conn.execute("SELECT invoice_id, amount_minor FROM invoice_lines"))
        columns = [c[1] for c in conn.execute("PRAGMA table_info('invoices')")]
        number_format = [
            c
            for c in conn.execute("PRAGMA table_info('business_details')")
            if c[1] == "invoice_number_format"
        ]
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "self_billing" not in columns
    assert rows["inv-fixed"][0] == "platform"
    assert rows["inv-hourly"][0] == "client"
    assert rows["inv-credit"] == ("client", "credit_note", 95000, 118750, 11875)
    assert lines["inv-credit"] == 10000
    assert amounts["inv-credit"] == 95000
    assert number_format
    # The rebuilt table keeps its guards: a confirmed invoice still cannot change.
    assert {"invoices_frozen_update", "invoices_no_delete", "invoice_lines_frozen_update"} <= triggers
    with raw(db) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE invoices SET total_minor = 1 WHERE id = 'inv-credit'")
