"""My Profile (issue 9): the personal details and one table per resume section.

Every table carries the sync columns (id, server_version, dirty, deleted_at, updated_at) so the profile
can sync later without another migration of its rows; list sections also carry ``position``.

Revision ID: r0007
Revises: r0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.sql.schema import SchemaItem

from coapp.models.base import UtcDateTime

revision = "r0007"
down_revision = "r0006"
branch_labels = None
depends_on = None

_MONTHS = "'____-__'"
_TABLES = (
    "profiles",
    "profile_languages",
    "profile_links",
    "profile_skills",
    "profile_experience",
    "profile_education",
    "profile_certificates",
    "profile_awards",
    "profile_references",
    "profile_portfolio",
)


def _sync_columns(table: str) -> list[SchemaItem]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _item_table(table: str, *columns: SchemaItem) -> None:
    op.create_table(
        table, *columns, sa.Column("position", sa.Integer(), nullable=False), *_sync_columns(table)
    )


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column("availability_percent", sa.Integer(), nullable=True),
        sa.Column("hourly_rate_minor", sa.Integer(), nullable=True),
        sa.Column("daily_rate_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("letter", sa.Text(), nullable=False),
        _check(
            "profiles",
            "availability",
            "availability_percent IS NULL OR availability_percent BETWEEN 1 AND 100",
        ),
        _check("profiles", "hourly_not_negative", "hourly_rate_minor IS NULL OR hourly_rate_minor >= 0"),
        _check("profiles", "daily_not_negative", "daily_rate_minor IS NULL OR daily_rate_minor >= 0"),
        *_sync_columns("profiles"),
    )
    _item_table(
        "profile_languages",
        sa.Column("language", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=6), nullable=False),
        _check("profile_languages", "cefr_level", "level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')"),
    )
    _item_table("profile_links", sa.Column("url", sa.String(length=2000), nullable=False))
    _item_table(
        "profile_skills",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("years", sa.Integer(), nullable=True),
        _check("profile_skills", "level_range", "level IS NULL OR level BETWEEN 1 AND 5"),
        _check("profile_skills", "years_not_negative", "years IS NULL OR years >= 0"),
    )
    _item_table(
        "profile_experience",
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("start_month", sa.String(length=7), nullable=False),
        sa.Column("end_month", sa.String(length=7), nullable=True),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        _check("profile_experience", "start_month_form", f"start_month LIKE {_MONTHS}"),
        _check("profile_experience", "period_order", "end_month IS NULL OR end_month >= start_month"),
        _check("profile_experience", "current_has_no_end", "NOT (is_current AND end_month IS NOT NULL)"),
    )
    _item_table(
        "profile_education",
        sa.Column("school", sa.String(length=200), nullable=False),
        sa.Column("degree", sa.String(length=200), nullable=False),
        sa.Column("field_of_study", sa.String(length=200), nullable=False),
        sa.Column("start_month", sa.String(length=7), nullable=False),
        sa.Column("end_month", sa.String(length=7), nullable=True),
        _check("profile_education", "start_month_form", f"start_month LIKE {_MONTHS}"),
        _check("profile_education", "period_order", "end_month IS NULL OR end_month >= start_month"),
    )
    _item_table(
        "profile_certificates",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("issued", sa.String(length=7), nullable=True),
        sa.Column("expires", sa.String(length=7), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=False),
        _check(
            "profile_certificates", "period_order", "expires IS NULL OR issued IS NULL OR expires >= issued"
        ),
    )
    _item_table(
        "profile_awards",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("awarded", sa.String(length=7), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
    )
    _item_table(
        "profile_references",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
    )
    _item_table(
        "profile_portfolio",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_table(table)
