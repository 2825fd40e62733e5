"""Running timers, contracts the freelancer made (origin), confirmed invoices and number series.

Revision ID: s0003
Revises: s0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with its CHECK, on both databases: batch mode would rebuild `contracts`, and
    # SQLite cannot drop a table that time entries reference while foreign keys are on.
    op.execute(
        "ALTER TABLE contracts ADD COLUMN origin VARCHAR(10) DEFAULT 'platform' NOT NULL "
        "CONSTRAINT ck_contracts_origin CHECK (origin IN ('platform', 'freelancer'))"
    )
    op.create_table(
        "running_timers",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("contract_id", sa.Uuid, sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("started_at", UtcDateTime, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_version", sa.BigInteger),
        sa.Column("deleted_at", UtcDateTime),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index(
        "uq_running_timers_live",
        "running_timers",
        ["account_id"],
        unique=True,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_running_timers_account_version", "running_timers", ["account_id", "version"])
    op.create_index("ix_running_timers_deleted_at", "running_timers", ["deleted_at"])
    op.create_table(
        "invoice_series",
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("next_value", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("contract_id", sa.Uuid, sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("number_value", sa.BigInteger, nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("issue_date", sa.Date, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("line_mode", sa.String(8), nullable=False),
        sa.Column("self_billing", sa.Boolean, nullable=False),
        sa.Column("reverse_charge", sa.Boolean, nullable=False),
        sa.Column("buyer_reference", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("net_minor", sa.BigInteger, nullable=False),
        sa.Column("vat_minor", sa.BigInteger, nullable=False),
        sa.Column("total_minor", sa.BigInteger, nullable=False),
        sa.Column("commission_bp", sa.Integer, nullable=False),
        sa.Column("commission_minor", sa.BigInteger, nullable=False),
        sa.Column("lines", sa.JSON, nullable=False),
        sa.Column("entry_ids", sa.JSON, nullable=False),
        sa.Column("frozen", sa.JSON, nullable=False),
        sa.Column("credited_invoice_id", sa.Uuid, sa.ForeignKey("invoices.id")),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("confirmed_at", UtcDateTime, nullable=False),
        sa.Column("state_changed_at", UtcDateTime, nullable=False),
        sa.CheckConstraint("kind IN ('invoice', 'credit_note')", name="ck_invoices_kind"),
        sa.CheckConstraint("state IN ('confirmed', 'sent', 'paid', 'credited')", name="ck_invoices_state"),
    )
    op.create_index("uq_invoices_account_number", "invoices", ["account_id", "number_value"], unique=True)
    op.create_index("ix_invoices_account_version", "invoices", ["account_id", "version"])


def downgrade() -> None:
    for table in ("invoices", "invoice_series", "running_timers"):
        op.drop_table(table)
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("origin")
