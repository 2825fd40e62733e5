"""Contracts on the platform (issue 11): the contract's life and signed terms on `contracts`
(platform-written columns; an existing contract is active with terms version 1, as the platform says
of one from before), the platform's milestones, feedback and reviews (coapp.models.contract_terms),
and the milestone a fixed fee's invoice bills (`invoices.milestone_id`).

Revision ID: r0013
Revises: r0012
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0013"
down_revision = "r0012"
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD COLUMN (as r0006): a batch copy of `contracts` would drop the table the time
# entries point at, which the foreign keys refuse inside the migration's transaction.
def _contract_columns() -> tuple[sa.Column, ...]:  # type: ignore[type-arg]
    return (
        sa.Column("state", sa.String(length=12), nullable=False, server_default="active"),
        sa.Column("terms_version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("scope", sa.Text(), nullable=False, server_default=""),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False, server_default="30"),
        sa.Column("assignment_id", sa.String(length=36), nullable=True),
        sa.Column("application_id", sa.String(length=36), nullable=True),
        sa.Column("offered_at", UtcDateTime(), nullable=True),
        sa.Column("signed_at", UtcDateTime(), nullable=True),
        sa.Column("signed_name", sa.String(length=200), nullable=True),
        sa.Column("signed_terms_version", sa.Integer(), nullable=True),
        sa.Column("original_end_date", sa.Date(), nullable=True),
        sa.Column("state_changed_at", UtcDateTime(), nullable=True),
        sa.Column("state_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("ended_on", sa.Date(), nullable=True),
    )


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    ]


def upgrade() -> None:
    for column in _contract_columns():
        op.add_column("contracts", column)
    # The milestone a fixed fee's invoice to the platform bills (coapp.services.milestone_drafts).
    op.add_column("invoices", sa.Column("milestone_id", sa.String(length=36), nullable=True))
    op.create_table(
        "contract_milestones",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("state_changed_at", UtcDateTime(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_milestones")),
    )
    op.create_index("ix_contract_milestones_contract_id", "contract_milestones", ["contract_id"])
    op.create_table(
        "contract_feedback",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("author_role", sa.String(length=12), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("quality", sa.Integer(), nullable=False),
        sa.Column("communication", sa.Integer(), nullable=False),
        sa.Column("delivery", sa.Integer(), nullable=False),
        sa.Column("expertise", sa.Integer(), nullable=False),
        sa.Column("overall_x100", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("given_at", UtcDateTime(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_feedback")),
    )
    op.create_index("ix_contract_feedback_contract_id", "contract_feedback", ["contract_id"])
    op.create_table(
        "contract_reviews",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("author", sa.String(length=12), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_reviews")),
    )
    op.create_index("ix_contract_reviews_contract_id", "contract_reviews", ["contract_id"])
    # A device that synced before may be past contract offers and these rows: the feed answers its
    # old cursor with 410 (cursor_without_contracts) and the client reads everything once again.


def downgrade() -> None:
    for table in ("contract_reviews", "contract_feedback", "contract_milestones"):
        op.drop_index(f"ix_{table}_contract_id", table_name=table)
        op.drop_table(table)
    op.execute("ALTER TABLE invoices DROP COLUMN milestone_id")
    for column in reversed(_contract_columns()):
        op.execute(f"ALTER TABLE contracts DROP COLUMN {column.name}")
