"""Running timers that survive a restart or a crash; rows hidden from a week.

Revision ID: r0002
Revises: r0001
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "running_timers",
        sa.Column("contract_id", sa.String(36), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_running_timers_contract_id_contracts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_running_timers")),
    )
    op.create_table(
        "hidden_week_rows",
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("contract_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_hidden_week_rows_contract_id_contracts"),
        ),
        sa.PrimaryKeyConstraint("week", "contract_id", name=op.f("pk_hidden_week_rows")),
    )


def downgrade() -> None:
    op.drop_table("hidden_week_rows")
    op.drop_table("running_timers")
