"""Assignments that agents post and every signed-in account browses; contracts name theirs.

Revision ID: s0004
Revises: s0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("client_name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("location", sa.String(100), nullable=False),
        sa.Column("remote", sa.Boolean, nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("rate_min_minor", sa.BigInteger, nullable=False),
        sa.Column("rate_max_minor", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("hours_per_week", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date),
        sa.Column("published_at", UtcDateTime, nullable=False),
        sa.Column("closes_at", UtcDateTime, nullable=False),
        sa.Column("agent_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_at", UtcDateTime),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_assignments_status"),
        sa.CheckConstraint(
            "rate_min_minor >= 0 AND rate_min_minor <= rate_max_minor", name="ck_assignments_rate"
        ),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_assignments_period"),
        sa.CheckConstraint("hours_per_week > 0 AND hours_per_week <= 168", name="ck_assignments_hours"),
    )
    op.create_index("ix_assignments_newest", "assignments", ["published_at", "id"])
    op.create_index("ix_assignments_version", "assignments", ["version"])
    op.create_index("ix_assignments_agent_id", "assignments", ["agent_id"])
    # A plain nullable ADD COLUMN with its reference, as in s0003: batch mode would rebuild
    # `contracts`, which SQLite cannot drop while time entries reference it with foreign keys on.
    uuid_type = "UUID" if op.get_bind().dialect.name == "postgresql" else "CHAR(32)"
    op.execute(f"ALTER TABLE contracts ADD COLUMN assignment_id {uuid_type} REFERENCES assignments (id)")


def downgrade() -> None:
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("assignment_id")
    op.drop_table("assignments")
