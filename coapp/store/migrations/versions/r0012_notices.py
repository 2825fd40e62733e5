"""Notices (issue 10): which events a desktop notification named and which the freelancer has seen
(unread agent messages, applications that moved), on this machine only (coapp.models.notices).

Revision ID: r0012
Revises: r0011
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0012"
down_revision = "r0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("notified_at", UtcDateTime(), nullable=True),
        sa.Column("read_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_notices")),
    )


def downgrade() -> None:
    op.drop_table("notices")
