"""Which contract rows a week shows. A view preference of this device, so it is not synced."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base


class HiddenWeekRow(Base):
    """An active contract the user chose not to show in one ISO week (it held no time)."""

    __tablename__ = "hidden_week_rows"

    week: Mapped[str] = mapped_column(String(8), primary_key=True)  # "2026-W48"
    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
