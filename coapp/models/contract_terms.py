"""Issue 11's platform rows around a contract: a fixed fee's milestones, the feedback the client and
the agent give during the assignment, and the mutual reviews after it.

All three are the platform's (pulled, never pushed; coapp.sync.entities): milestones are part of the
terms the agent sets, feedback is the client's or the agent's, and a review is written by an online
call and immutable (coapp.sync.contract_calls). The client's review of the freelancer arrives only
once the platform's reveal rule allows, so whatever is here may be shown. No foreign keys: a row may
arrive before (or outlive) its contract here, as the applications' rows do.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime


class ContractMilestone(SyncMixin, Base):
    __tablename__ = "contract_milestones"
    __sync_entity__ = "contract_milestone"

    contract_id: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(200))
    amount_minor: Mapped[int] = mapped_column(Integer)  # the contract's currency
    due_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="planned")  # planned, ready, invoiced, paid
    state_changed_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ContractFeedback(SyncMixin, Base):
    __tablename__ = "contract_feedback"
    __sync_entity__ = "contract_feedback"

    contract_id: Mapped[str] = mapped_column(String(36), index=True)
    author_role: Mapped[str] = mapped_column(String(12))  # client, agent
    author_name: Mapped[str] = mapped_column(String(200), default="")
    quality: Mapped[int] = mapped_column(Integer)
    communication: Mapped[int] = mapped_column(Integer)
    delivery: Mapped[int] = mapped_column(Integer)
    expertise: Mapped[int] = mapped_column(Integer)
    overall_x100: Mapped[int] = mapped_column(Integer)  # as the platform computed it
    comment: Mapped[str] = mapped_column(Text, default="")
    given_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ContractReview(SyncMixin, Base):
    __tablename__ = "contract_reviews"
    __sync_entity__ = "contract_review"

    contract_id: Mapped[str] = mapped_column(String(36), index=True)
    author: Mapped[str] = mapped_column(String(12))  # freelancer (of the client), client (of the freelancer)
    score: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime())
