"""r0013 (contract terms, milestones, feedback, reviews) on an r0012 database with a contract, and
back: the contract keeps its values and reads as active with terms version 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coapp.store.database import (
    _run_alembic,
    create_at_revision,
    head_revision,
    open_store,
    stored_revision,
)

CONTRACT_ID = "0b7f3c1e-0000-4000-8000-000000000013"
NEW_TABLES = {"contract_milestones", "contract_feedback", "contract_reviews"}


def tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def contract(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("SELECT * FROM contracts WHERE id = ?", (CONTRACT_ID,)).fetchone())
    finally:
        conn.close()


def test_r0013_adds_contract_terms_and_downgrades_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    create_at_revision(db, "r0012").dispose()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO contracts (id, client_name, title, fee_model, rate_minor, currency, commission_bp,"
            " start_date, end_date, minutes_per_day, rounding_rule, server_version, dirty, deleted_at,"
            " updated_at) VALUES (?, 'Acme AB', 'Backend', 'hourly', 95000, 'SEK', 1250, '2026-01-01',"
            " NULL, 480, 'none', 3, 0, NULL, '2026-11-20 10:00:00.000000')",
            (CONTRACT_ID,),
        )
    conn.close()
    assert not NEW_TABLES & tables(db)
    open_store(db).dispose()
    assert stored_revision(db) == head_revision()  # this revision and any later one
    assert tables(db) >= NEW_TABLES
    row = contract(db)
    assert (row["state"], row["terms_version"], row["scope"], row["payment_terms_days"]) == (
        "active",
        1,
        "",
        30,
    )
    assert row["signed_at"] is None
    assert row["rate_minor"] == 95000

    store = create_at_revision(tmp_path / "other.sqlite3", "r0013")
    try:
        _run_alembic(store, "downgrade", "r0012")
    finally:
        store.dispose()
    assert not NEW_TABLES & tables(tmp_path / "other.sqlite3")
    conn = sqlite3.connect(tmp_path / "other.sqlite3")
    try:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(contracts)")}
    finally:
        conn.close()
    assert "state" not in columns
    assert "client_country" in columns
