"""The freelancer's invoicing identity (one row per device user; synced like the profile)."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin


class BusinessDetails(SyncMixin, Base):
    __tablename__ = "business_details"
    __sync_entity__ = "business_details"

    name: Mapped[str] = mapped_column(String(200), default="")
    company_form: Mapped[str] = mapped_column(String(16), default="sole_trader")  # or "limited"
    address: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(16), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="SE")
    org_number: Mapped[str] = mapped_column(String(32), default="")
    vat_number: Mapped[str] = mapped_column(String(32), default="")
    f_skatt: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_office: Mapped[str] = mapped_column(String(100), default="")
    bankgiro: Mapped[str] = mapped_column(String(16), default="")
    plusgiro: Mapped[str] = mapped_column(String(16), default="")
    iban: Mapped[str] = mapped_column(String(40), default="")
    bic: Mapped[str] = mapped_column(String(16), default="")
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    invoice_language: Mapped[str] = mapped_column(String(2), default="sv")
    email: Mapped[str] = mapped_column(String(200), default="")
    logo_path: Mapped[str] = mapped_column(String(500), default="")
