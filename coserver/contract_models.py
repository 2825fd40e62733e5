"""The server's tables for issue 11: each version of a contract offer's terms, a fixed-fee contract's
milestones, the feedback given during an assignment and the reviews after it (s0011).

Every row carries `account_id`, the freelancer whose contract it belongs to, so the feed and every
read filter by it; a client or an agent reaches a row only through a contract they are party to.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from coserver.models import Base, UtcDateTime


class ContractTermsRow(Base):
    """One version of a contract's terms as offered (written once, never changed): what a
    signature's `signed_terms_version` refers to."""

    __tablename__ = "contract_terms"
    contract_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), primary_key=True
    )
    terms_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    made_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accounts.id"))


class MilestoneRow(Base):
    __tablename__ = "contract_milestones"
    __table_args__ = (
        CheckConstraint("state IN ('planned', 'ready', 'invoiced', 'paid')", name="ck_milestones_state"),
        CheckConstraint("amount_minor > 0", name="ck_milestones_amount"),
        Index("ix_contract_milestones_account_version", "account_id", "version"),
        Index("ix_contract_milestones_contract", "contract_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    title: Mapped[str] = mapped_column(String(200))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    due_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(10))
    state_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The confirmed invoice to the platform that bills it (cleared when that invoice is credited).
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))


class FeedbackRow(Base):
    """Feedback on the freelancer's work from the contract's client or agent; never changed."""

    __tablename__ = "contract_feedback"
    __table_args__ = (
        CheckConstraint("author_role IN ('client', 'agent')", name="ck_feedback_author_role"),
        CheckConstraint(
            "quality BETWEEN 1 AND 5 AND communication BETWEEN 1 AND 5 "
            "AND delivery BETWEEN 1 AND 5 AND expertise BETWEEN 1 AND 5",
            name="ck_feedback_scores",
        ),
        Index("ix_contract_feedback_account_version", "account_id", "version"),
        Index("ix_contract_feedback_contract", "contract_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    author_role: Mapped[str] = mapped_column(String(10))
    author_name: Mapped[str] = mapped_column(String(200))
    quality: Mapped[int] = mapped_column(Integer)
    communication: Mapped[int] = mapped_column(Integer)
    delivery: Mapped[int] = mapped_column(Integer)
    expertise: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text)
    given_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)


class ReviewRow(Base):
    """A review after the contract, one per (contract, author): the unique index makes a second one
    impossible even from two requests at once. `revealed_at` is set (with a new version) when the
    reveal rule lets the other party read it; until then it is in no answer to them and not in the
    freelancer's feed unless the freelancer wrote it."""

    __tablename__ = "contract_reviews"
    __table_args__ = (
        CheckConstraint("author IN ('freelancer', 'client')", name="ck_reviews_author"),
        CheckConstraint("score BETWEEN 1 AND 5", name="ck_reviews_score"),
        Index("uq_contract_reviews_author", "contract_id", "author", unique=True),
        Index("ix_contract_reviews_account_version", "account_id", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    author: Mapped[str] = mapped_column(String(10))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    score: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revealed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    version: Mapped[int] = mapped_column(BigInteger)
