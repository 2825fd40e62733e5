"""Invoices: who buys (`billed_to`) instead of `self_billing`; credit notes held positive (UBL);
the printed number unique per account.

- `self_billing` was a misnomer (the seller always issues): true becomes billed_to 'client' (hourly
  and daily work, sent and collected by the platform on the seller's behalf), false 'platform'.
- Credit notes were stored with negated lines and negative totals; UBL's convention (lines and
  totals positive, the kind says credit) is held from now on, so existing ones are turned positive.
- Numbers now carry the series' format (2026-0001); the text is unique per account as the counter is.

Plain ALTER TABLE on both backends (SQLite ≥ 3.35 drops columns without copying the table).

Revision ID: s0006
Revises: s0005
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def _positive_credit_notes() -> None:
    conn = op.get_bind()
    lines_value = "CAST(:lines AS JSON)" if conn.dialect.name == "postgresql" else ":lines"
    rows = conn.execute(
        sa.text(
            "SELECT id, lines FROM invoices WHERE kind = 'credit_note' AND (total_minor < 0 OR net_minor < 0)"
        )
    ).all()
    for invoice_id, lines in rows:
        parsed: list[dict[str, Any]] = json.loads(lines) if isinstance(lines, str) else list(lines)
        flipped = [
            {**line, "quantity_e4": -line["quantity_e4"], "amount_minor": -line["amount_minor"]}
            for line in parsed
        ]
        conn.execute(
            sa.text(
                f"UPDATE invoices SET lines = {lines_value}, net_minor = -net_minor, vat_minor = -vat_minor,"
                " total_minor = -total_minor, commission_minor = -commission_minor WHERE id = :id"
            ),
            {"lines": json.dumps(flipped), "id": invoice_id},
        )


def upgrade() -> None:
    op.execute(
        "ALTER TABLE invoices ADD COLUMN billed_to VARCHAR(16) DEFAULT 'client' NOT NULL"
        " CONSTRAINT ck_invoices_billed_to CHECK (billed_to IN ('client', 'platform'))"
    )
    op.execute("UPDATE invoices SET billed_to = CASE WHEN self_billing THEN 'client' ELSE 'platform' END")
    op.execute("ALTER TABLE invoices DROP COLUMN self_billing")
    _positive_credit_notes()
    op.create_index("uq_invoices_account_number_text", "invoices", ["account_id", "number"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_invoices_account_number_text", table_name="invoices")
    op.execute("ALTER TABLE invoices ADD COLUMN self_billing BOOLEAN DEFAULT TRUE NOT NULL")
    op.execute("UPDATE invoices SET self_billing = (billed_to = 'client')")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_constraint("ck_invoices_billed_to", type_="check")
        batch.drop_column("billed_to")
