"""Contracts, time entries and the outbox.

Revision ID: r0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("client_name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("fee_model", sa.String(10), nullable=False),
        sa.Column("rate_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("commission_bp", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("minutes_per_day", sa.Integer(), nullable=False),
        sa.Column("rounding_rule", sa.String(32), nullable=False),
        *_sync_columns(),
        sa.CheckConstraint(
            "fee_model IN ('hourly', 'daily', 'fixed')",
            name=op.f("ck_contracts_fee_model"),
        ),
        sa.CheckConstraint("rate_minor >= 0", name=op.f("ck_contracts_rate_not_negative")),
        sa.CheckConstraint(
            "commission_bp >= 0 AND commission_bp <= 10000",
            name=op.f("ck_contracts_commission_range"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_contracts_period_order"),
        ),
        sa.CheckConstraint(
            "minutes_per_day > 0 AND minutes_per_day <= 1440",
            name=op.f("ck_contracts_day_length"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
    )
    op.create_table(
        "time_entries",
        sa.Column("contract_id", sa.String(36), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("invoice_id", sa.String(36), nullable=True),
        *_sync_columns(),
        sa.CheckConstraint(
            "minutes >= 0 AND minutes <= 1440",
            name=op.f("ck_time_entries_minutes_range"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_time_entries_contract_id_contracts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_entries")),
        sa.UniqueConstraint("contract_id", "work_date", name=op.f("uq_time_entries_contract_id")),
    )
    op.create_index(op.f("ix_time_entries_contract_id"), "time_entries", ["contract_id"])
    op.create_index(op.f("ix_time_entries_work_date"), "time_entries", ["work_date"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
    )
    op.create_index(op.f("ix_outbox_row_id"), "outbox", ["row_id"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("time_entries")
    op.drop_table("contracts")
