"""Issue 11: contracts gain their life (state), terms (scope, payment terms, a terms version and
each version's snapshot), the signature, the client's account and the application they came from;
fixed-fee milestones; feedback during the assignment; reviews after it (coserver/contract_models.py).

Contracts made before this are 'active' with terms version 1: they were in force already.

Revision ID: s0011
Revises: s0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0011"
down_revision = "s0010"
branch_labels = None
depends_on = None

_NEW_COLUMNS = (
    "state",
    "terms_version",
    "scope",
    "payment_terms_days",
    "client_account_id",
    "application_id",
    "offered_at",
    "signed_at",
    "signed_name",
    "signed_terms_version",
    "original_end_date",
    "state_changed_at",
    "state_reason",
    "ended_on",
)


def _owner() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False)


def _contract() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("contract_id", sa.Uuid, sa.ForeignKey("contracts.id"), nullable=False)


def upgrade() -> None:
    # Plain ADD COLUMNs (batch mode would rebuild `contracts`, which SQLite cannot drop while time
    # entries reference it with foreign keys on, as in s0004). The state's CHECK goes with its column:
    # neither database needs a table rebuild for that, and both accept the same statement.
    op.execute(
        "ALTER TABLE contracts ADD COLUMN state VARCHAR(12) DEFAULT 'active' NOT NULL "
        "CONSTRAINT ck_contracts_state "
        "CHECK (state IN ('offered', 'signed', 'active', 'ended', 'terminated'))"
    )
    op.add_column("contracts", sa.Column("terms_version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("contracts", sa.Column("scope", sa.Text, nullable=False, server_default=""))
    op.add_column(
        "contracts", sa.Column("payment_terms_days", sa.Integer, nullable=False, server_default="30")
    )
    # References as plain nullable ADD COLUMNs, as s0004 adds assignment_id.
    uuid_type = "UUID" if op.get_bind().dialect.name == "postgresql" else "CHAR(32)"
    op.execute(f"ALTER TABLE contracts ADD COLUMN client_account_id {uuid_type} REFERENCES accounts (id)")
    op.execute(f"ALTER TABLE contracts ADD COLUMN application_id {uuid_type} REFERENCES applications (id)")
    op.add_column("contracts", sa.Column("offered_at", UtcDateTime))
    op.add_column("contracts", sa.Column("signed_at", UtcDateTime))
    op.add_column("contracts", sa.Column("signed_name", sa.String(200)))
    op.add_column("contracts", sa.Column("signed_terms_version", sa.Integer))
    op.add_column("contracts", sa.Column("original_end_date", sa.Date))
    op.add_column("contracts", sa.Column("state_changed_at", UtcDateTime))
    op.add_column("contracts", sa.Column("state_reason", sa.Text, nullable=False, server_default=""))
    op.add_column("contracts", sa.Column("ended_on", sa.Date))
    op.create_index("ix_contracts_client_account_id", "contracts", ["client_account_id"])
    op.create_table(
        "contract_terms",
        sa.Column(
            "contract_id", sa.Uuid, sa.ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("terms_version", sa.Integer, primary_key=True),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("made_at", UtcDateTime, nullable=False),
        sa.Column("made_by", sa.Uuid, sa.ForeignKey("accounts.id")),
    )
    op.create_table(
        "contract_milestones",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        _contract(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger, nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("state_changed_at", UtcDateTime, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted_at", UtcDateTime),
        sa.Column("invoice_id", sa.Uuid, sa.ForeignKey("invoices.id")),
        sa.CheckConstraint("state IN ('planned', 'ready', 'invoiced', 'paid')", name="ck_milestones_state"),
        sa.CheckConstraint("amount_minor > 0", name="ck_milestones_amount"),
    )
    op.create_index(
        "ix_contract_milestones_account_version", "contract_milestones", ["account_id", "version"]
    )
    op.create_index("ix_contract_milestones_contract", "contract_milestones", ["contract_id"])
    op.create_table(
        "contract_feedback",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        _contract(),
        sa.Column("author_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("author_role", sa.String(10), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("quality", sa.Integer, nullable=False),
        sa.Column("communication", sa.Integer, nullable=False),
        sa.Column("delivery", sa.Integer, nullable=False),
        sa.Column("expertise", sa.Integer, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("given_at", UtcDateTime, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("author_role IN ('client', 'agent')", name="ck_feedback_author_role"),
        sa.CheckConstraint(
            "quality BETWEEN 1 AND 5 AND communication BETWEEN 1 AND 5 "
            "AND delivery BETWEEN 1 AND 5 AND expertise BETWEEN 1 AND 5",
            name="ck_feedback_scores",
        ),
    )
    op.create_index("ix_contract_feedback_account_version", "contract_feedback", ["account_id", "version"])
    op.create_index("ix_contract_feedback_contract", "contract_feedback", ["contract_id"])
    op.create_table(
        "contract_reviews",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        _contract(),
        sa.Column("author", sa.String(10), nullable=False),
        sa.Column("author_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("submitted_at", UtcDateTime, nullable=False),
        sa.Column("revealed_at", UtcDateTime),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("author IN ('freelancer', 'client')", name="ck_reviews_author"),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name="ck_reviews_score"),
    )
    op.create_index("uq_contract_reviews_author", "contract_reviews", ["contract_id", "author"], unique=True)
    op.create_index("ix_contract_reviews_account_version", "contract_reviews", ["account_id", "version"])
    op.create_index("ix_contract_reviews_revealed_at", "contract_reviews", ["revealed_at"])


def downgrade() -> None:
    for table in ("contract_reviews", "contract_feedback", "contract_milestones", "contract_terms"):
        op.drop_table(table)
    op.drop_index("ix_contracts_client_account_id", table_name="contracts")
    with op.batch_alter_table("contracts") as batch:
        for column in reversed(_NEW_COLUMNS):
            batch.drop_column(column)
