"""Invoices: who buys (billed_to) instead of "self_billing"; credit notes held positive (UBL); the
business's invoice number format.

- ``invoices.self_billing`` was a misnomer: the seller always issues; what it distinguished is who
  buys. True (hourly and daily work) becomes ``billed_to = 'client'``, False (fixed fees) ``'platform'``.
- Credit notes follow UBL's sign convention: lines and totals positive, ``kind`` says credit. Credit
  notes that came from the platform with negated lines (and so negative totals) are turned positive.
- ``business_details.invoice_number_format``: the series' format, "{year}-{seq:04d}" by default.

The sign change is exactly what the invoice triggers forbid, so they are dropped first and created
again at the end.

Revision ID: r0006
Revises: r0005
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.invoice_guards import TRIGGERS

revision = "r0006"
down_revision = "r0005"
branch_labels = None
depends_on = None

_NEGATIVE_CREDIT_NOTES = (
    "SELECT id FROM invoices WHERE kind = 'credit_note' AND (total_minor < 0 OR net_minor < 0)"
)


def _drop_triggers() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _create_triggers() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def _flip_credit_note_signs() -> None:
    op.execute(
        "UPDATE invoice_lines SET quantity_e4 = -quantity_e4, amount_minor = -amount_minor"
        f" WHERE invoice_id IN ({_NEGATIVE_CREDIT_NOTES})"
    )
    op.execute(
        "UPDATE invoices SET net_minor = -net_minor, vat_minor = -vat_minor, total_minor = -total_minor,"
        " commission_minor = -commission_minor"
        " WHERE kind = 'credit_note' AND (total_minor < 0 OR net_minor < 0)"
    )


def upgrade() -> None:
    # Plain ALTER TABLE (SQLite ≥ 3.35), not a batch copy: copying `invoices` would have to drop the
    # table other rows point at, which the foreign keys refuse inside the migration's transaction.
    _drop_triggers()
    op.execute(
        "ALTER TABLE invoices ADD COLUMN billed_to VARCHAR(16) DEFAULT 'client' NOT NULL"
        " CONSTRAINT ck_invoices_billed_to CHECK (billed_to IN ('client', 'platform'))"
    )
    op.execute("UPDATE invoices SET billed_to = CASE WHEN self_billing THEN 'client' ELSE 'platform' END")
    op.execute("ALTER TABLE invoices DROP COLUMN self_billing")
    _flip_credit_note_signs()
    op.execute(
        "ALTER TABLE business_details ADD COLUMN invoice_number_format VARCHAR(40)"
        " DEFAULT '{year}-{seq:04d}' NOT NULL"
    )
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("business_details") as batch:
        batch.drop_column("invoice_number_format")
    # r0005 knew no sign convention; positive credit notes are left as they are.
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("self_billing", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.execute("UPDATE invoices SET self_billing = (billed_to = 'client')")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_constraint("ck_invoices_billed_to", type_="check")
        batch.drop_column("billed_to")
    _create_triggers()
