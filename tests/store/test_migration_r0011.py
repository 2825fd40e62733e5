"""r0011 (applications, the consent ledger, commands, messages, the agent) on an r0010 database, and
the consent ledger's triggers: a consent never changes and is never deleted, whatever writes."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from coapp.store.database import _run_alembic, create_at_revision, open_store, stored_revision
from coapp.store.schema_version import HEAD_REVISION

CONSENT = (
    "INSERT INTO consents (id, application_id, assignment_id, resume_variant, resume_digest,"
    " resume_version, rate_minor, rate_per, currency, available_from, hours_per_week, message,"
    " shared_with_client, shared_via_agent, agent_id, shared_sections, shared_jobs, consented_at,"
    " given_here, dirty, updated_at) VALUES ('c1', 'app1', 'as1', 'Backend', ?, 1, 95000, 'hour', 'SEK',"
    " '2027-01-04', 40, 'Hello', 'Acme', 'Agent A', 'ag1', '[]', '[]', '2026-12-01 10:00:00', 1, 0,"
    " '2026-12-01 10:00:00')"
)


def raw(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path, isolation_level=None))


def test_r0011_adds_the_tables_and_a_consent_that_never_changes(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    create_at_revision(db, "r0010").dispose()
    open_store(db).dispose()
    assert stored_revision(db) == HEAD_REVISION
    with raw(db) as conn:
        conn.execute(CONSENT, ("a" * 64,))
        for change in (
            "UPDATE consents SET rate_minor = 1 WHERE id = 'c1'",
            "UPDATE consents SET resume_digest = 'b' WHERE id = 'c1'",
            "UPDATE consents SET consented_at = '2026-12-02 10:00:00' WHERE id = 'c1'",
            "UPDATE consents SET message = 'Other' WHERE id = 'c1'",
            "DELETE FROM consents WHERE id = 'c1'",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="consent"):
                conn.execute(change)
        # The sync's bookkeeping may move (the platform's version), the consent itself not.
        conn.execute("UPDATE consents SET server_version = 3, dirty = 0 WHERE id = 'c1'")
        assert conn.execute("SELECT rate_minor, server_version FROM consents").fetchall() == [(95000, 3)]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"applications", "application_events", "interviews", "consents", "messages"} <= names
        assert {"application_commands", "agent_card"} <= names


def test_r0011_downgrades_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    store = create_at_revision(db, "r0011")
    try:
        _run_alembic(store, "downgrade", "r0010")
    finally:
        store.dispose()
    assert stored_revision(db) == "r0010"
    with raw(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not names & {"consents", "applications", "consents_no_delete", "agent_card"}
