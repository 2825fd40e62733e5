"""Invoices, their lines, the number series, business details; the client as buyer on contracts.

Revision ID: r0003
Revises: r0002
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "business_details",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company_form", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=16), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("org_number", sa.String(length=32), nullable=False),
        sa.Column("vat_number", sa.String(length=32), nullable=False),
        sa.Column("f_skatt", sa.Boolean(), nullable=False),
        sa.Column("registered_office", sa.String(length=100), nullable=False),
        sa.Column("bankgiro", sa.String(length=16), nullable=False),
        sa.Column("plusgiro", sa.String(length=16), nullable=False),
        sa.Column("iban", sa.String(length=40), nullable=False),
        sa.Column("bic", sa.String(length=16), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("invoice_language", sa.String(length=2), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("logo_path", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_details")),
    )
    op.create_table(
        "number_series",
        sa.Column("series", sa.String(length=32), nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_number_series")),
    )
    op.create_table(
        "invoices",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("line_mode", sa.String(length=8), nullable=False),
        sa.Column("self_billing", sa.Boolean(), nullable=False),
        sa.Column("reverse_charge", sa.Boolean(), nullable=False),
        sa.Column("credited_invoice_id", sa.String(length=36), nullable=True),
        sa.Column("net_minor", sa.Integer(), nullable=False),
        sa.Column("vat_minor", sa.Integer(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("commission_bp", sa.Integer(), nullable=False),
        sa.Column("commission_minor", sa.Integer(), nullable=False),
        sa.Column("frozen", sa.JSON(), nullable=False),
        sa.Column("buyer_reference", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("pdf_path", sa.String(length=500), nullable=False),
        sa.Column("confirmed_at", UtcDateTime(), nullable=True),
        sa.Column("state_changed_at", UtcDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('invoice', 'credit_note')", name=op.f("ck_invoices_kind")),
        sa.CheckConstraint(
            "state IN ('draft', 'confirmed', 'sent', 'paid', 'credited')", name=op.f("ck_invoices_state")
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name=op.f("fk_invoices_contract_id_contracts")
        ),
        sa.ForeignKeyConstraint(
            ["credited_invoice_id"], ["invoices.id"], name=op.f("fk_invoices_credited_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_invoices_number")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_state"), ["state"], unique=False)

    op.create_table(
        "invoice_lines",
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("quantity_e4", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=3), nullable=False),
        sa.Column("unit_price_minor", sa.Integer(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.Column("vat_category", sa.String(length=2), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("raw_minutes", sa.Integer(), nullable=True),
        sa.Column("billed_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False)

    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("client_org_number", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("client_vat_number", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("client_address", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("client_postcode", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("client_city", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("client_country", sa.String(length=2), server_default="SE", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_column("client_country")
        batch_op.drop_column("client_city")
        batch_op.drop_column("client_postcode")
        batch_op.drop_column("client_address")
        batch_op.drop_column("client_vat_number")
        batch_op.drop_column("client_org_number")

    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_lines_invoice_id"))

    op.drop_table("invoice_lines")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoices_state"))
        batch_op.drop_index(batch_op.f("ix_invoices_contract_id"))

    op.drop_table("invoices")
    op.drop_table("number_series")
    op.drop_table("business_details")
