"""What the freelancer has been told and has seen, per event (issue 10), kept on this machine only.

One row per event key ("message:<id>", "move:<event id>", "interview:<id>:<start>", "match:<id>"):
``notified_at`` once a desktop notification named it (never a second one for the same event, across
restarts too), ``read_at`` once the screen that shows it was open (unread messages, applications that
moved). The platform never sees this table: reading is a matter of this desk, and a second device
telling again is one notification, not a lost one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, UtcDateTime


class Notice(Base):
    __tablename__ = "notices"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    notified_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
