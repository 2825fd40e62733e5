"""Indexes for `coapp-server prune`: expired tokens, confirmation codes and rate-limit windows are
found by their time column instead of scanning tables that grow with every sign-in and refresh.

Revision ID: s0005
Revises: s0004
"""

from __future__ import annotations

from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_access_tokens_expires_at", "access_tokens", "expires_at"),
    ("ix_refresh_tokens_expires_at", "refresh_tokens", "expires_at"),
    ("ix_email_confirmations_expires_at", "email_confirmations", "expires_at"),
    ("ix_rate_limit_buckets_window_start", "rate_limit_buckets", "window_start"),
    ("ix_auth_sessions_revoked_at", "auth_sessions", "revoked_at"),
)


def upgrade() -> None:
    for name, table, column in _INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _column in _INDEXES:
        op.drop_index(name, table_name=table)
