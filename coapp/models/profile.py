"""My Profile: one row of personal details per data folder, and a table per resume section.

Sync comes later (SYNC.md: the profile is the freelancer's, last writer wins per field; skills, links
and languages are sets). The rows are ready for it: SyncMixin columns, an outbox record per change,
tombstones for removed items, and an explicit ``position`` so an order made on one device survives
on another. Ids that two devices must agree on without talking are derived, not random:
the profile's is fixed, and a set member's comes from its normalised key (like time entries' ids),
so "Python" added offline on two devices is one row, not two.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin

_PROFILE_NAMESPACE = uuid.UUID("6f1d3c52-9b7e-4f0a-8c2d-5e4b3a291807")


def singleton_id(name: str) -> str:
    """The id of a table's only row (the profile, the business details): equal on every device."""
    return str(uuid.uuid5(_PROFILE_NAMESPACE, name))


PROFILE_ID = singleton_id("profile")

_MONTHS = "'____-__'"  # YYYY-MM, stored as text so that months compare and sort as text


def member_id(kind: str, key: str) -> str:
    """The id of a set member (skill, language, link) from its normalised key."""
    return str(uuid.uuid5(_PROFILE_NAMESPACE, f"{kind}/{key}"))


class Profile(SyncMixin, Base):
    __tablename__ = "profiles"
    __sync_entity__ = "profile"
    __table_args__ = (
        CheckConstraint(
            "availability_percent IS NULL OR availability_percent BETWEEN 1 AND 100", name="availability"
        ),
        CheckConstraint("hourly_rate_minor IS NULL OR hourly_rate_minor >= 0", name="hourly_not_negative"),
        CheckConstraint("daily_rate_minor IS NULL OR daily_rate_minor >= 0", name="daily_not_negative"),
    )

    name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")  # ISO 3166-1 alpha-2 or ""
    available_from: Mapped[date | None] = mapped_column(Date, default=None)
    availability_percent: Mapped[int | None] = mapped_column(Integer, default=None)
    # Minor units of `currency`, like every amount in the store (ARCHITECTURE.md, data rules).
    hourly_rate_minor: Mapped[int | None] = mapped_column(Integer, default=None)
    daily_rate_minor: Mapped[int | None] = mapped_column(Integer, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="SEK")
    letter: Mapped[str] = mapped_column(Text, default="")  # Markdown
    # The photo's SHA-256: the file is <data folder>/files/<sha256> (never a name from elsewhere).
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class ProfileItem(SyncMixin):
    """A row of a list section: its place in the user's order (0 first); removed rows are tombstoned."""

    position: Mapped[int] = mapped_column(Integer, default=0)


class ProfileLanguage(ProfileItem, Base):
    __tablename__ = "profile_languages"
    __sync_entity__ = "profile_language"
    __table_args__ = (
        CheckConstraint("level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')", name="cefr_level"),
    )

    language: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(6))


class ProfileLink(ProfileItem, Base):
    __tablename__ = "profile_links"
    __sync_entity__ = "profile_link"

    url: Mapped[str] = mapped_column(String(2000))  # normalised; the kind follows from the host


class ProfileSkill(ProfileItem, Base):
    __tablename__ = "profile_skills"
    __sync_entity__ = "profile_skill"
    __table_args__ = (
        CheckConstraint("level IS NULL OR level BETWEEN 1 AND 5", name="level_range"),
        CheckConstraint("years IS NULL OR years >= 0", name="years_not_negative"),
    )

    name: Mapped[str] = mapped_column(String(60))  # canonical (coapp.domain.skills)
    level: Mapped[int | None] = mapped_column(Integer, default=None)
    years: Mapped[int | None] = mapped_column(Integer, default=None)


class ProfileExperience(ProfileItem, Base):
    __tablename__ = "profile_experience"
    __sync_entity__ = "profile_experience"
    __table_args__ = (
        CheckConstraint(f"start_month LIKE {_MONTHS}", name="start_month_form"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="period_order"),
        CheckConstraint("NOT (is_current AND end_month IS NOT NULL)", name="current_has_no_end"),
    )

    organisation: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    start_month: Mapped[str] = mapped_column(String(7))
    end_month: Mapped[str | None] = mapped_column(String(7), default=None)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    # Canonical skill names as a JSON list: read and written whole with the job.
    skills: Mapped[str] = mapped_column(Text, default="[]")


class ProfileEducation(ProfileItem, Base):
    __tablename__ = "profile_education"
    __sync_entity__ = "profile_education"
    __table_args__ = (
        CheckConstraint(f"start_month LIKE {_MONTHS}", name="start_month_form"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="period_order"),
    )

    school: Mapped[str] = mapped_column(String(200))
    degree: Mapped[str] = mapped_column(String(200), default="")
    field_of_study: Mapped[str] = mapped_column(String(200), default="")
    start_month: Mapped[str] = mapped_column(String(7))
    end_month: Mapped[str | None] = mapped_column(String(7), default=None)


class ProfileCertificate(ProfileItem, Base):
    __tablename__ = "profile_certificates"
    __sync_entity__ = "profile_certificate"
    __table_args__ = (
        CheckConstraint("expires IS NULL OR issued IS NULL OR expires >= issued", name="period_order"),
    )

    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued: Mapped[str | None] = mapped_column(String(7), default=None)
    expires: Mapped[str | None] = mapped_column(String(7), default=None)
    url: Mapped[str] = mapped_column(String(2000), default="")


class ProfileAward(ProfileItem, Base):
    __tablename__ = "profile_awards"
    __sync_entity__ = "profile_award"

    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    awarded: Mapped[str | None] = mapped_column(String(7), default=None)
    description: Mapped[str] = mapped_column(Text, default="")


class ProfileReference(ProfileItem, Base):
    __tablename__ = "profile_references"
    __sync_entity__ = "profile_reference"

    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")


class ProfilePortfolioItem(ProfileItem, Base):
    __tablename__ = "profile_portfolio"
    __sync_entity__ = "profile_portfolio_item"

    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # An attached file, stored under its SHA-256 like the photo; file_name is only what is shown.
    file_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    file_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    file_size: Mapped[int | None] = mapped_column(Integer, default=None)
    content_type: Mapped[str] = mapped_column(String(100), default="", server_default="")
