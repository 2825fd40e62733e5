"""r0010 (assignments, favourites, the assignments' FTS5 index) on an r0009 database, and the index
kept in step by its triggers whatever writes the rows."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from coapp.store.database import _run_alembic, create_at_revision, head_revision, open_store, stored_revision

ROW = (
    "INSERT INTO assignments (id, title, client_name, description, location, remote, skills, must_have,"
    " nice_to_have, workplace, country, language, rate_min_minor, rate_max_minor, currency, hours_per_week,"
    " start_date, published_at, closes_at, agent_id, status, dirty, updated_at) VALUES (?, ?, 'Acme',"
    " 'Build things.', 'Stockholm', 0, ?, ?, '[]', 'onsite', 'SE', 'sv', 90000, 110000, 'SEK', 40,"
    " '2027-01-04', '2026-12-01 00:00:00', '2027-01-01 00:00:00', '', 'open', 0, '2026-12-01 00:00:00')"
)


def raw(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path, isolation_level=None))


def found(conn: sqlite3.Connection, query: str) -> list[str]:
    rows = conn.execute(
        "SELECT a.id FROM assignments_fts f JOIN assignments a ON a.search_key = f.rowid"
        " WHERE assignments_fts MATCH ? ORDER BY a.id",
        (query,),
    )
    return [r[0] for r in rows]


def test_r0010_adds_the_tables_and_an_index_that_follows_every_write(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    create_at_revision(db, "r0009").dispose()
    open_store(db).dispose()
    assert stored_revision(db) == head_revision()  # r0010 and any later revision
    with raw(db) as conn:
        conn.execute(ROW, ("a1", "Backend developer", '["Kubernetes", "C#"]', '["Kubernetes", "C#"]'))
        conn.execute(ROW, ("a2", "Frontend in Göteborg", '["C++"]', '["C++"]'))
        assert found(conn, '"kubernetes"') == ["a1"]
        assert found(conn, '"c#"') == ["a1"]  # '#' is part of the word: not every "C" something
        assert found(conn, '"c++"') == ["a2"]
        assert found(conn, '"gote"*') == ["a2"]  # diacritics folded, prefixes found
        assert found(conn, '"acme"') == ["a1", "a2"]
        conn.execute(
            "UPDATE assignments SET title = 'Platform engineer', skills = '[\"Go\"]' WHERE id = 'a1'"
        )
        assert found(conn, '"backend"') == []
        assert found(conn, '"platform"') == found(conn, '"go"') == ["a1"]
        conn.execute("UPDATE assignments SET deleted_at = '2026-12-02 00:00:00' WHERE id = 'a2'")
        assert found(conn, '"acme"') == ["a1"]
        conn.execute("DELETE FROM assignments WHERE id = 'a1'")
        assert found(conn, '"acme"') == []
        # The index agrees with its content, row for row.
        conn.execute("INSERT INTO assignments_fts(assignments_fts) VALUES ('integrity-check')")
        keys = [r[0] for r in conn.execute("SELECT search_key FROM assignments ORDER BY search_key")]
        assert keys == [2]


def test_r0010_downgrades_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    store = create_at_revision(db, "r0010")
    try:
        _run_alembic(store, "downgrade", "r0009")
    finally:
        store.dispose()
    assert stored_revision(db) == "r0009"
    with raw(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.startswith(("assignments", "favourites"))}


def test_the_sqlite_coapp_runs_on_has_fts5(tmp_path: Path) -> None:
    """The bundle freezes the Python CI runs: without FTS5 the search would silently be the slow
    LIKE fallback (tests/services/test_assignments_without_fts.py), so CI says so instead."""
    from coapp.models.assignments import fts5_available

    store = open_store(tmp_path / "coapp.sqlite3")
    try:
        with store.engine.connect() as conn:
            assert fts5_available(conn)
    finally:
        store.dispose()
