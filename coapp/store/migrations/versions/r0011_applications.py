"""Applications with consent (issue 10): applications, their timeline and interviews, the consent
ledger (unchangeable: triggers), the queued submit/withdraw commands, messages and the agent's card
(coapp.models.applications).

Revision ID: r0011
Revises: r0010
"""

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0011"
down_revision = "r0010"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must keep meaning what it meant when it was written.
_CONTENT = (
    "application_id",
    "assignment_id",
    "resume_variant",
    "resume_digest",
    "resume_version",
    "rate_minor",
    "rate_per",
    "currency",
    "available_from",
    "hours_per_week",
    "message",
    "shared_with_client",
    "shared_via_agent",
    "agent_id",
    "shared_sections",
    "shared_jobs",
    "consented_at",
)
_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _CONTENT)
_TRIGGERS = (
    f"""CREATE TRIGGER consents_frozen_update BEFORE UPDATE ON consents WHEN {_CHANGED}
    BEGIN SELECT RAISE(ABORT, 'a consent never changes once given'); END""",
    """CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
    BEGIN SELECT RAISE(ABORT, 'a consent is never deleted'); END""",
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
    op.create_table(
        "applications",
        sa.Column("assignment_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("rate_minor", sa.Integer(), nullable=False),
        sa.Column("rate_per", sa.String(length=4), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("resume_variant", sa.String(length=100), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("consent_id", sa.String(length=36), nullable=True),
        sa.Column("submitted_at", UtcDateTime(), nullable=True),
        sa.Column("state_changed_at", UtcDateTime(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
    )
    op.create_index("ix_applications_assignment_id", "applications", ["assignment_id"])
    op.create_table(
        "application_events",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("actor", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_events")),
    )
    op.create_index("ix_application_events_application_id", "application_events", ["application_id"])
    op.create_table(
        "interviews",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("ends_at", UtcDateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("video_url", sa.String(length=500), nullable=False),
        sa.Column("agent_attends", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    op.create_index("ix_interviews_application_id", "interviews", ["application_id"])
    op.create_table(
        "consents",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("assignment_id", sa.String(length=36), nullable=False),
        sa.Column("resume_variant", sa.String(length=100), nullable=False),
        sa.Column("resume_digest", sa.String(length=64), nullable=False),
        sa.Column("resume_version", sa.Integer(), nullable=False),
        sa.Column("rate_minor", sa.Integer(), nullable=False),
        sa.Column("rate_per", sa.String(length=4), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("shared_with_client", sa.String(length=200), nullable=False),
        sa.Column("shared_via_agent", sa.String(length=200), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("shared_sections", sa.Text(), nullable=False),
        sa.Column("shared_jobs", sa.Text(), nullable=False),
        sa.Column("consented_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=True),
        sa.Column("given_here", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index("ix_consents_application_id", "consents", ["application_id"])
    op.create_table(
        "application_commands",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("if_match", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("refused_code", sa.String(length=64), nullable=True),
        sa.Column("refused_message", sa.Text(), nullable=True),
        sa.Column("refused_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_commands")),
    )
    op.create_index("ix_application_commands_application_id", "application_commands", ["application_id"])
    op.create_table(
        "messages",
        sa.Column("sender", sa.String(length=12), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_table(
        "agent_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("fetched_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_card")),
    )
    for sql in _TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS consents_no_delete")
    op.execute("DROP TRIGGER IF EXISTS consents_frozen_update")
    for table in (
        "agent_card",
        "messages",
        "application_commands",
        "consents",
        "interviews",
        "application_events",
        "applications",
    ):
        op.drop_table(table)
