"""Accounts, e-mail confirmation, sessions with access and refresh tokens, rate limits, the server
epoch and the sequence.

Revision ID: s0001
Revises:
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "server_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    sequence = op.create_table(
        "server_sequence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    # The epoch is born with the database; restoring a backup must give it a new one.
    op.bulk_insert(meta, [{"key": "server_epoch", "value": secrets.token_hex(16)}])
    op.bulk_insert(sequence, [{"id": 1, "value": 0}])

    op.create_table(
        "accounts",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("email_key", sa.String(320), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("display_name", sa.String(200)),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("confirmed_at", UtcDateTime),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("role IN ('freelancer', 'client', 'agent', 'admin')", name="ck_accounts_role"),
    )
    op.create_table(
        "email_confirmations",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("used_at", UtcDateTime),
    )
    op.create_index("ix_email_confirmations_account_id", "email_confirmations", ["account_id"])
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("device_name", sa.String(200)),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("revoked_at", UtcDateTime),
        sa.Column("revoked_reason", sa.String(40)),
    )
    op.create_index("ix_auth_sessions_account_id", "auth_sessions", ["account_id"])
    for table in ("access_tokens", "refresh_tokens"):
        op.create_table(
            table,
            sa.Column("token_hash", sa.String(64), primary_key=True),
            sa.Column(
                "session_id", sa.Uuid, sa.ForeignKey("auth_sessions.id", ondelete="CASCADE"), nullable=False
            ),
            sa.Column("expires_at", UtcDateTime, nullable=False),
            *([sa.Column("used_at", UtcDateTime)] if table == "refresh_tokens" else []),
        )
        op.create_index(f"ix_{table}_session_id", table, ["session_id"])
    op.create_table(
        "rate_limit_buckets",
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("window_start", UtcDateTime, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "rate_limit_buckets",
        "refresh_tokens",
        "access_tokens",
        "auth_sessions",
        "email_confirmations",
        "accounts",
        "server_sequence",
        "server_meta",
    ):
        op.drop_table(table)
