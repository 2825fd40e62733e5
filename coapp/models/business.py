"""The freelancer's invoicing identity (one row per device user; synced like the profile)."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from coapp.domain.invoice_numbers import DEFAULT_NUMBER_FORMAT
from coapp.models.base import Base, SyncMixin
from coapp.models.profile import singleton_id

# One row per account, the same id on every device (like the profile's), so it syncs per field.
BUSINESS_ID = singleton_id("business_details")


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
    # The series' format (coapp.domain.invoice_numbers), e.g. "{year}-{seq:04d}" -> 2026-0001.
    invoice_number_format: Mapped[str] = mapped_column(
        String(40), default=DEFAULT_NUMBER_FORMAT, server_default=DEFAULT_NUMBER_FORMAT
    )


def number_format_of(session: Session) -> str:
    """The series format chosen in the business details ("{year}-{seq:04d}" unless changed)."""
    chosen = session.scalar(
        select(BusinessDetails.invoice_number_format).where(BusinessDetails.deleted_at.is_(None)).limit(1)
    )
    return chosen or DEFAULT_NUMBER_FORMAT
