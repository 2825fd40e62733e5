"""Versions from a PostgreSQL SEQUENCE instead of an UPDATE of the one counter row (issue 14), with
the floor locks that keep the change feed from passing a version still in flight (coserver/db.py
says how). SQLite keeps the row: it serialises writers anyway.

Revision ID: s0014
Revises: s0013
"""

from __future__ import annotations

from alembic import op

revision = "s0014"
down_revision = "s0013"
branch_labels = None
depends_on = None

# The names are also in coserver/db.py.
_UPGRADE = [
    "CREATE SEQUENCE coapp_version_seq AS bigint MINVALUE 1 START WITH 1",
    # Continue after the counter row: is_called false when nothing was numbered yet (nextval gives 1).
    "SELECT setval('coapp_version_seq', GREATEST(value, 1), value > 0) FROM server_sequence WHERE id = 1",
    # Once per transaction (a transaction-local setting remembers it; a savepoint rolled back forgets
    # it together with the lock it took): a shared advisory lock keyed by the sequence's current
    # value, taken BEFORE the first nextval, so every version this transaction gets is above a floor
    # that other sessions can see in pg_locks until it ends.
    """
    CREATE FUNCTION coapp_next_version() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
        floor bigint;
    BEGIN
        IF coalesce(current_setting('coapp.version_floor', true), '') = '' THEN
            SELECT last_value INTO floor FROM coapp_version_seq;
            PERFORM pg_advisory_xact_lock_shared(floor);
            PERFORM set_config('coapp.version_floor', floor::text, true);
        END IF;
        RETURN nextval('coapp_version_seq');
    END $$
    """,
    # The feed's horizon: read the newest number handed out FIRST, then the floors still held. A
    # version at or below that newest number was handed out after its transaction took its floor
    # lock, so the transaction either shows in pg_locks (and bounds the horizon) or has ended (locks
    # are released after the commit is visible): every version up to the horizon is final.
    """
    CREATE FUNCTION coapp_version_bounds(OUT horizon bigint, OUT newest bigint)
    LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
        lowest bigint;
    BEGIN
        SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO newest
        FROM coapp_version_seq;
        SELECT min((l.classid::bigint << 32) | l.objid::bigint) INTO lowest
        FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.mode = 'ShareLock'
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        horizon := LEAST(newest, coalesce(lowest - 1, newest));
    END $$
    """,
]

_DOWNGRADE = [
    "UPDATE server_sequence SET value = (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1"
    " END FROM coapp_version_seq) WHERE id = 1",
    "DROP FUNCTION coapp_version_bounds()",
    "DROP FUNCTION coapp_next_version()",
    "DROP SEQUENCE coapp_version_seq",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _DOWNGRADE:
            op.execute(statement)
