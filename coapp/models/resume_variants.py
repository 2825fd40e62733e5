"""Resume variants (issue 9): a named choice of sections and jobs, in a language and a look.

Sync-ready like the profile's tables: SyncMixin columns, an outbox record per change, tombstones.
The id comes from the name's key (like a skill's), so a name saved on two devices is one row and a
removed variant saved again comes back as the same row.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin
from coapp.models.profile import member_id


def variant_id(key: str) -> str:
    return member_id("resume_variant", key)


class ResumeVariant(SyncMixin, Base):
    __tablename__ = "resume_variants"
    __sync_entity__ = "resume_variant"
    __table_args__ = (
        CheckConstraint("language IN ('sv', 'en')", name="language"),
        CheckConstraint("look IN ('classic', 'modern')", name="look"),
    )

    name: Mapped[str] = mapped_column(String(80))
    sections: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of section names
    experience_ids: Mapped[str | None] = mapped_column(Text, default=None)  # JSON list; NULL: every job
    language: Mapped[str] = mapped_column(String(2), default="sv")
    look: Mapped[str] = mapped_column(String(10), default="classic")
