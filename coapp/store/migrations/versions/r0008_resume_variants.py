"""Resume variants (issue 9): a named choice of sections and jobs, in a language and a look.

Revision ID: r0008
Revises: r0007
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0008"
down_revision = "r0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resume_variants",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("sections", sa.Text(), nullable=False),
        sa.Column("experience_ids", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("look", sa.String(length=10), nullable=False),
        sa.CheckConstraint("language IN ('sv', 'en')", name=op.f("ck_resume_variants_language")),
        sa.CheckConstraint("look IN ('classic', 'modern')", name=op.f("ck_resume_variants_look")),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resume_variants")),
    )


def downgrade() -> None:
    op.drop_table("resume_variants")
