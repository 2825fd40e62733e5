"""Account deletion requests (issue 13): one per account, with its time
(coserver/data_safety.py DeletionRequestRow). The published app version lives in server_meta.

Revision ID: s0013
Revises: s0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0013"
down_revision = "s0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_deletion_requests",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("requested_at", UtcDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("account_deletion_requests")
