"""The freelancer's invoicing identity: read, validate field by field, save."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from coapp.domain.errors import ValidationError
from coapp.domain.identifiers import identifier_problem, validate_identifier
from coapp.domain.invoice_numbers import DEFAULT_NUMBER_FORMAT, check_number_format
from coapp.models import BusinessDetails
from coapp.models.business import BUSINESS_ID
from coapp.services.invoice_loading import business_row
from coapp.store.engine import Store

COMPANY_FORMS = ("sole_trader", "limited")
LANGUAGES = ("sv", "en")
COUNTRIES = ("SE", "NO", "DK", "FI")
IDENTIFIER_FIELDS = ("org_number", "vat_number", "bankgiro", "plusgiro", "iban", "bic")


@dataclass(frozen=True)
class BusinessInfo:
    name: str = ""
    company_form: str = "sole_trader"
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "SE"
    org_number: str = ""
    vat_number: str = ""
    f_skatt: bool = False
    registered_office: str = ""
    bankgiro: str = ""
    plusgiro: str = ""
    iban: str = ""
    bic: str = ""
    payment_terms_days: int = 30
    invoice_language: str = "sv"
    email: str = ""
    logo_path: str = ""
    invoice_number_format: str = DEFAULT_NUMBER_FORMAT  # e.g. {year}-{seq:04d} -> 2026-0001


def field_problems(info: BusinessInfo) -> dict[str, str]:
    """Problems per field, as the form shows them next to each field while typing."""
    problems: dict[str, str] = {}
    if info.country not in COUNTRIES:
        problems["country"] = f"choose one of {', '.join(COUNTRIES)}"
    if info.company_form not in COMPANY_FORMS:
        problems["company_form"] = "choose sole trader or limited company"
    if info.invoice_language not in LANGUAGES:
        problems["invoice_language"] = "choose Swedish (sv) or English (en)"
    if not 0 <= info.payment_terms_days <= 120:
        problems["payment_terms_days"] = "payment terms are 0 to 120 days"
    try:
        check_number_format(info.invoice_number_format)
    except ValidationError as exc:
        problems["invoice_number_format"] = str(exc)
    country = info.country if info.country in COUNTRIES else "SE"
    for kind in IDENTIFIER_FIELDS:
        value = getattr(info, kind)
        if value and (problem := identifier_problem(kind, value, country)):  # type: ignore[arg-type]
            problems[kind] = problem
    return problems


def missing_for_invoicing(info: BusinessInfo) -> list[str]:
    """What an invoice legally needs that the details lack (INVOICING.md)."""
    missing = []
    labels = {"name": "your name", "address": "your address", "postcode": "your postcode", "city": "the city"}
    missing += [f"{label} is missing" for key, label in labels.items() if not getattr(info, key).strip()]
    if not info.org_number:
        missing.append("your organisation number is missing")
    if not info.vat_number:
        missing.append("your VAT number is missing")
    if not (info.bankgiro or info.plusgiro or info.iban):
        missing.append("a bankgiro, plusgiro or IBAN is missing for the payment")
    if info.iban and not info.bic:
        missing.append("a BIC is missing beside the IBAN")
    if info.company_form == "limited" and not info.registered_office.strip():
        missing.append("a limited company shows its registered office (säte)")
    return missing


def business_problems(row: BusinessDetails | None) -> list[str]:
    """Every problem with the business details that stops an invoice, for the pre-flight check."""
    if row is None:
        return ["fill in your business details (Edit ▸ Business details) before confirming an invoice"]
    info = info_from_row(row)
    invalid = [f"{k.replace('_', ' ')}: {v}" for k, v in field_problems(info).items()]
    return missing_for_invoicing(info) + invalid


def info_from_row(row: BusinessDetails) -> BusinessInfo:
    return BusinessInfo(**{f.name: getattr(row, f.name) for f in fields(BusinessInfo)})


class BusinessService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> BusinessInfo:
        with self._store.read() as s:
            row = business_row(s)
            return info_from_row(row) if row is not None else BusinessInfo()

    def save(self, info: BusinessInfo) -> BusinessInfo:
        """Validate every field; save the normalised values or raise naming each problem."""
        problems = field_problems(info)
        if problems:
            joined = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in problems.items())
            raise ValidationError(joined)  # error text: field_problems' own words, one per field
        # Stored compact (what e-invoices need); documents format them for reading.
        compact = {
            kind: validate_identifier(kind, getattr(info, kind), info.country)  # type: ignore[arg-type]
            for kind in IDENTIFIER_FIELDS
            if getattr(info, kind)
        }
        info = replace(info, **compact)  # type: ignore[arg-type]
        with self._store.write() as s:
            row = business_row(s)
            if row is None:
                row = BusinessDetails(id=BUSINESS_ID)
                s.add(row)
            for key, value in asdict(info).items():
                if getattr(row, key, None) != value:
                    setattr(row, key, value)
            s.flush()
            return info_from_row(row)
