"""Sync: idempotency keys, applied op ids, contracts and time entries.

Revision ID: s0002
Revises: s0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("locked_until", UtcDateTime),
        sa.Column("status", sa.Integer),
        sa.Column("response", sa.Text),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])
    op.create_table(
        "applied_ops",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("op_id", sa.Uuid, primary_key=True),
        sa.Column("row_id", sa.Uuid, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_applied_ops_created_at", "applied_ops", ["created_at"])
    op.create_table(
        "contracts",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("freelancer_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("client_name", sa.String(200), nullable=False),
        sa.Column("fee_model", sa.String(10), nullable=False),
        sa.Column("rate_minor", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("commission_bp", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date),
        sa.Column("minutes_per_day", sa.Integer, nullable=False),
        sa.Column("rounding_rule", sa.String(32), nullable=False),
        sa.Column("client_org_number", sa.String(32), nullable=False),
        sa.Column("client_vat_number", sa.String(32), nullable=False),
        sa.Column("client_address", sa.String(200), nullable=False),
        sa.Column("client_postcode", sa.String(16), nullable=False),
        sa.Column("client_city", sa.String(100), nullable=False),
        sa.Column("client_country", sa.String(2), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_at", UtcDateTime),
        sa.CheckConstraint("fee_model IN ('hourly', 'daily', 'fixed')", name="ck_contracts_fee_model"),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_contracts_period"),
        sa.CheckConstraint("minutes_per_day > 0 AND minutes_per_day <= 1440", name="ck_contracts_day"),
    )
    op.create_index("ix_contracts_freelancer_version", "contracts", ["freelancer_id", "version"])
    op.create_table(
        "time_entries",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("contract_id", sa.Uuid, sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("work_date", sa.Date, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("invoice_id", sa.Uuid),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("minutes_version", sa.BigInteger, nullable=False),
        sa.Column("note_version", sa.BigInteger, nullable=False),
        sa.Column("deleted_version", sa.BigInteger),
        sa.Column("deleted_at", UtcDateTime),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.CheckConstraint("minutes >= 0 AND minutes <= 1440", name="ck_time_entries_minutes"),
    )
    op.create_index(
        "uq_time_entries_live_cell",
        "time_entries",
        ["contract_id", "work_date"],
        unique=True,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_time_entries_account_version", "time_entries", ["account_id", "version"])
    op.create_index("ix_time_entries_account_day", "time_entries", ["account_id", "work_date"])
    op.create_index("ix_time_entries_deleted_at", "time_entries", ["deleted_at"])


def downgrade() -> None:
    for table in ("time_entries", "contracts", "applied_ops", "idempotency_keys"):
        op.drop_table(table)
