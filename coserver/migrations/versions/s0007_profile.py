"""The freelancer's profile, resume sections, resume variants and business details (issue 9), and
the previous values of their long texts.

One table for the twelve entities, keyed (account_id, entity, id): the devices derive these ids
(the profile's is fixed, a skill's comes from its name), so the same id exists in every account.

Revision ID: s0007
Revises: s0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile_rows",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("field_versions", sa.JSON, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_version", sa.BigInteger),
        sa.Column("deleted_at", UtcDateTime),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_profile_rows_account_version", "profile_rows", ["account_id", "version"])
    op.create_index("ix_profile_rows_deleted_at", "profile_rows", ["deleted_at"])
    op.create_table(
        "profile_text_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("row_id", sa.Uuid, nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("replaced_at", UtcDateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_profile_text_versions_field",
        "profile_text_versions",
        ["account_id", "entity", "row_id", "field", "version"],
    )


def downgrade() -> None:
    op.drop_table("profile_text_versions")
    op.drop_table("profile_rows")
