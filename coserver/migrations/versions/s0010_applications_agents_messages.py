"""Issue 10's pipeline: applications with their consents (the ledger), timeline events and
interviews; each freelancer's agent and the agents' cards; messages (coserver/application_models.py).

Revision ID: s0010
Revises: s0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coserver.models import UtcDateTime

revision = "s0010"
down_revision = "s0009"
branch_labels = None
depends_on = None

_STATES = "'draft', 'submitted', 'proposed', 'interview', 'offer', 'contracted', 'declined', 'withdrawn'"


def _owner() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("account_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False)


def _terms() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("rate_minor", sa.BigInteger, nullable=False),
        sa.Column("rate_per", sa.String(4), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("resume_variant", sa.String(100), nullable=False),
        sa.Column("available_from", sa.Date, nullable=False),
        sa.Column("hours_per_week", sa.Integer, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        sa.Column("assignment_id", sa.Uuid, sa.ForeignKey("assignments.id"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        *_terms(),
        sa.Column("consent_id", sa.Uuid, nullable=False),
        sa.Column("submitted_at", UtcDateTime, nullable=False),
        sa.Column("state_changed_at", UtcDateTime, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint(f"state IN ({_STATES})", name="ck_applications_state"),
        sa.CheckConstraint("rate_per IN ('hour', 'day')", name="ck_applications_rate_per"),
    )
    op.create_index("ix_applications_account_version", "applications", ["account_id", "version"])
    op.create_index("ix_applications_assignment", "applications", ["assignment_id"])
    op.create_table(
        "consents",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        sa.Column("application_id", sa.Uuid, sa.ForeignKey("applications.id"), nullable=False, unique=True),
        sa.Column("assignment_id", sa.Uuid, sa.ForeignKey("assignments.id"), nullable=False),
        sa.Column("resume_digest", sa.String(64), nullable=False),
        sa.Column("resume_version", sa.BigInteger, nullable=False),
        *_terms(),
        sa.Column("shared_with_client", sa.String(200), nullable=False),
        sa.Column("shared_via_agent", sa.String(200), nullable=False),
        sa.Column("agent_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("consented_at", UtcDateTime, nullable=False),
        sa.Column("recorded_at", UtcDateTime, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_consents_account_version", "consents", ["account_id", "version"])
    op.create_table(
        "application_events",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        sa.Column("application_id", sa.Uuid, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("actor IN ('freelancer', 'agent')", name="ck_application_events_actor"),
    )
    op.create_index("ix_application_events_account_version", "application_events", ["account_id", "version"])
    op.create_index("ix_application_events_application", "application_events", ["application_id"])
    op.create_table(
        "interviews",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        sa.Column("application_id", sa.Uuid, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("starts_at", UtcDateTime, nullable=False),
        sa.Column("ends_at", UtcDateTime, nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("video_url", sa.String(500), nullable=False),
        sa.Column("agent_attends", sa.Boolean, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name="ck_interviews_period"),
    )
    op.create_index("ix_interviews_account_version", "interviews", ["account_id", "version"])
    op.create_index("ix_interviews_application", "interviews", ["application_id"])
    op.create_table(
        "agent_cards",
        sa.Column("agent_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
    )
    op.create_table(
        "freelancer_agents",
        sa.Column(
            "freelancer_id", sa.Uuid, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("agent_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
    )
    op.create_index("ix_freelancer_agents_agent_id", "freelancer_agents", ["agent_id"])
    op.create_table(
        "messages",
        sa.Column("id", sa.Uuid, primary_key=True),
        _owner(),
        sa.Column("agent_id", sa.Uuid, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("sender", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sent_at", UtcDateTime, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("sender IN ('freelancer', 'agent')", name="ck_messages_sender"),
    )
    op.create_index("ix_messages_account_version", "messages", ["account_id", "version"])


def downgrade() -> None:
    for table in (
        "messages",
        "freelancer_agents",
        "agent_cards",
        "interviews",
        "application_events",
        "consents",
        "applications",
    ):
        op.drop_table(table)
