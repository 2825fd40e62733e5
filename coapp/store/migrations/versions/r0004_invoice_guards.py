"""Triggers that keep confirmed invoices and invoiced time unchangeable.

Revision ID: r0004
Revises: r0003
"""

from alembic import op

from coapp.models.invoice_guards import TRIGGERS

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
