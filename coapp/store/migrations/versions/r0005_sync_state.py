"""Sync: the engine's state, queued commands, and refusals kept on the outbox.

Revision ID: r0005
Revises: r0004
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime
from coapp.models.invoice_guards import TRIGGERS

revision = "r0005"
down_revision = "r0004"
branch_labels = None
depends_on = None


# r0004's version of the trigger, for downgrade: before sync every confirmation had its number.
_R0004_FROZEN = TRIGGERS["invoices_frozen_update"].replace("AND OLD.number IS NOT NULL ", "")


def upgrade() -> None:
    # A confirmation made offline waits for its number and may still be refused, so only a numbered
    # invoice is frozen now (see coapp.models.invoice_guards).
    op.execute("DROP TRIGGER IF EXISTS invoices_frozen_update")
    op.execute(TRIGGERS["invoices_frozen_update"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(500), nullable=False),
        sa.Column("account_id", sa.String(36), nullable=False),
        sa.Column("account_email", sa.String(320), nullable=False),
        sa.Column("epoch", sa.String(100), nullable=True),
        sa.Column("cursor", sa.String(200), nullable=True),
        sa.Column("pending_key", sa.String(64), nullable=True),
        sa.Column("pending_through_seq", sa.Integer(), nullable=True),
        sa.Column("last_synced_at", UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("clock_skew_seconds", sa.Integer(), nullable=False),
        sa.Column("resync", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_commands",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("if_match", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("refused_code", sa.String(64), nullable=True),
        sa.Column("refused_message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_commands")),
    )
    op.create_table(
        "sync_seen",
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_seen")),
    )
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("origin", sa.String(16), server_default="local", nullable=False))
    op.create_index(op.f("ix_sync_commands_target_id"), "sync_commands", ["target_id"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("refused_code", sa.String(64), nullable=True))
        batch.add_column(sa.Column("refused_message", sa.Text(), nullable=True))
        batch.add_column(sa.Column("refused_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("server_row", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS invoices_frozen_update")
    op.execute(_R0004_FROZEN)
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("server_row")
        batch.drop_column("refused_at")
        batch.drop_column("refused_message")
        batch.drop_column("refused_code")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("origin")
    op.drop_table("sync_seen")
    op.drop_index(op.f("ix_sync_commands_target_id"), table_name="sync_commands")
    op.drop_table("sync_commands")
    op.drop_table("sync_state")
