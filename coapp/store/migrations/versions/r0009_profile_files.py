"""Profile photo and portfolio files, file transfers, and one business-details row per account.

- ``profiles.photo_sha256``: the profile photo, stored in the data folder under its checksum (a file
  name is never taken from the server or from what the user picked).
- ``profile_portfolio``: an item may carry a file (checksum, the name shown, size, content type).
- ``file_transfers``: per file checksum, where its upload to (or download from) the platform stands,
  so an interrupted transfer resumes or restarts cleanly.
- ``business_details``: the live row takes a fixed id (like the profile's), so the same freelancer's
  details on two devices are one row that syncs per field, not two rows.

Revision ID: r0009
Revises: r0008
"""

import uuid

import sqlalchemy as sa
from alembic import op

from coapp.models.base import UtcDateTime

revision = "r0009"
down_revision = "r0008"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must keep meaning what it meant when it was written.
_NAMESPACE = uuid.UUID("6f1d3c52-9b7e-4f0a-8c2d-5e4b3a291807")
BUSINESS_ID = str(uuid.uuid5(_NAMESPACE, "business_details"))


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(sa.Column("photo_sha256", sa.String(length=64), nullable=True))
    with op.batch_alter_table("profile_portfolio") as batch:
        batch.add_column(sa.Column("file_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("file_name", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("file_size", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("content_type", sa.String(length=100), nullable=False, server_default=""))
    op.create_table(
        "file_transfers",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("upload_id", sa.String(length=64), nullable=True),
        sa.Column("done_bytes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint("direction IN ('up', 'down')", name=op.f("ck_file_transfers_direction")),
        sa.CheckConstraint("done_bytes >= 0", name=op.f("ck_file_transfers_done_not_negative")),
        sa.PrimaryKeyConstraint("sha256", "direction", name=op.f("pk_file_transfers")),
    )
    _fix_business_id()


def _fix_business_id() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id FROM business_details ORDER BY deleted_at IS NOT NULL, updated_at DESC, id")
    ).all()
    if not rows:
        return
    keep, others = rows[0][0], [r[0] for r in rows[1:]]
    for other in others:
        bind.execute(
            sa.text("DELETE FROM outbox WHERE entity = 'business_details' AND row_id = :i"), {"i": other}
        )
        bind.execute(sa.text("DELETE FROM business_details WHERE id = :i"), {"i": other})
    if keep != BUSINESS_ID:
        bind.execute(
            sa.text("UPDATE business_details SET id = :new WHERE id = :old"),
            {"new": BUSINESS_ID, "old": keep},
        )
        bind.execute(
            sa.text("UPDATE outbox SET row_id = :new WHERE entity = 'business_details' AND row_id = :old"),
            {"new": BUSINESS_ID, "old": keep},
        )


def downgrade() -> None:
    op.drop_table("file_transfers")
    with op.batch_alter_table("profile_portfolio") as batch:
        batch.drop_column("content_type")
        batch.drop_column("file_size")
        batch.drop_column("file_name")
        batch.drop_column("file_sha256")
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("photo_sha256")
