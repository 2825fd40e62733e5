"""Issue 10: assignments gain what a freelancer decides on (must-have and nice-to-have skills,
seniority, workplace, country, working language); favourites.

Revision ID: s0009
Revises: s0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0009"
down_revision = "s0008"
branch_labels = None
depends_on = None

_NEW_COLUMNS = ("must_have", "nice_to_have", "seniority", "workplace", "country", "language")


def upgrade() -> None:
    # Plain ADD COLUMNs: batch mode would rebuild `assignments`, which SQLite cannot drop while
    # contracts reference it with foreign keys on (as in s0004).
    op.add_column("assignments", sa.Column("must_have", sa.JSON, nullable=False, server_default="[]"))
    op.add_column("assignments", sa.Column("nice_to_have", sa.JSON, nullable=False, server_default="[]"))
    op.add_column("assignments", sa.Column("seniority", sa.String(10)))
    op.add_column(
        "assignments", sa.Column("workplace", sa.String(10), nullable=False, server_default="onsite")
    )
    op.add_column("assignments", sa.Column("country", sa.String(2), nullable=False, server_default=""))
    op.add_column("assignments", sa.Column("language", sa.String(2), nullable=False, server_default=""))
    # What older posters meant: every skill was a must-have, and remote meant remote.
    op.execute("UPDATE assignments SET must_have = skills")
    op.execute("UPDATE assignments SET workplace = 'remote' WHERE remote")
    op.create_table(
        "favourites",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("assignment_id", sa.Uuid, sa.ForeignKey("assignments.id"), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_at", UtcDateTime),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_favourites_account_version", "favourites", ["account_id", "version"])
    op.create_index("ix_favourites_deleted_at", "favourites", ["deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_favourites_deleted_at", table_name="favourites")
    op.drop_index("ix_favourites_account_version", table_name="favourites")
    op.drop_table("favourites")
    for column in reversed(_NEW_COLUMNS):
        op.drop_column("assignments", column)
