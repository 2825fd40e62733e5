"""Assignments held offline (issue 10): the platform's assignments, the freelancer's favourites, and
an FTS5 index over the assignments kept in step by triggers (coapp.models.assignments).

Revision ID: r0010
Revises: r0009
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0010"
down_revision = "r0009"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must keep meaning what it meant when it was written.
_SKILLS = "(SELECT group_concat(value, ' ') FROM json_each({row}.skills))"
_COLUMNS = "title, description, client_name, skills"


def _values(row: str) -> str:
    return f"{row}.search_key, {row}.title, {row}.description, {row}.client_name, " + _SKILLS.format(row=row)


_SEARCH = (
    f"""CREATE VIEW assignments_search_source AS SELECT search_key, title, description, client_name,
    {_SKILLS.format(row="assignments")} AS skills FROM assignments WHERE deleted_at IS NULL""",
    f"""CREATE VIRTUAL TABLE assignments_fts USING fts5({_COLUMNS}, content='assignments_search_source',
    content_rowid='search_key', tokenize="unicode61 remove_diacritics 2 tokenchars '#+'", prefix='1 2 3')""",
    """CREATE TRIGGER assignments_search_key AFTER INSERT ON assignments WHEN NEW.search_key IS NULL
    BEGIN UPDATE assignments SET search_key = (SELECT IFNULL(MAX(search_key), 0) + 1 FROM assignments)
    WHERE id = NEW.id; END""",
    f"""CREATE TRIGGER assignments_search_insert AFTER INSERT ON assignments
    WHEN NEW.search_key IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN INSERT INTO assignments_fts(rowid, {_COLUMNS}) VALUES ({_values("NEW")}); END""",
    f"""CREATE TRIGGER assignments_search_update
    AFTER UPDATE OF title, description, client_name, skills, deleted_at, search_key ON assignments
    BEGIN
    INSERT INTO assignments_fts(assignments_fts, rowid, {_COLUMNS}) SELECT 'delete', {_values("OLD")}
    WHERE OLD.search_key IS NOT NULL AND OLD.deleted_at IS NULL;
    INSERT INTO assignments_fts(rowid, {_COLUMNS}) SELECT {_values("NEW")}
    WHERE NEW.search_key IS NOT NULL AND NEW.deleted_at IS NULL;
    END""",
    f"""CREATE TRIGGER assignments_search_delete AFTER DELETE ON assignments
    WHEN OLD.search_key IS NOT NULL AND OLD.deleted_at IS NULL
    BEGIN INSERT INTO assignments_fts(assignments_fts, rowid, {_COLUMNS}) VALUES ('delete', {_values("OLD")});
    END""",
)


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=100), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("must_have", sa.Text(), nullable=False),
        sa.Column("nice_to_have", sa.Text(), nullable=False),
        sa.Column("seniority", sa.String(length=10), nullable=True),
        sa.Column("workplace", sa.String(length=10), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("rate_min_minor", sa.Integer(), nullable=False),
        sa.Column("rate_max_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.Column("closes_at", UtcDateTime(), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("search_key", sa.Integer(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint("search_key", name=op.f("uq_assignments_search_key")),
    )
    op.create_index("ix_assignments_updated_at", "assignments", ["updated_at"])
    op.create_table(
        "favourites",
        sa.Column("assignment_id", sa.String(length=36), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_favourites")),
        sa.UniqueConstraint("assignment_id", name=op.f("uq_favourites_assignment_id")),
    )
    # Without FTS5 in this SQLite, no index: the search falls back to LIKE (coapp.models.assignments).
    fts5 = bool(op.get_bind().exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())
    for sql in _SEARCH:
        if fts5 or sql.startswith("CREATE TRIGGER assignments_search_key "):
            op.execute(sql)


def downgrade() -> None:
    for name in (
        "assignments_search_delete",
        "assignments_search_update",
        "assignments_search_insert",
        "assignments_search_key",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS assignments_fts")
    op.execute("DROP VIEW IF EXISTS assignments_search_source")
    op.drop_table("favourites")
    op.drop_table("assignments")
