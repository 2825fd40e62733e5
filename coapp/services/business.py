"""The freelancer's invoicing identity: read, validate field by field, save."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from coapp.domain.errors import Joined, Sentence, ValidationError
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


def field_problems(info: BusinessInfo) -> dict[str, Sentence]:
    """Problems per field, as the form shows them next to each field while typing."""
    problems: dict[str, Sentence] = {}
    if info.country not in COUNTRIES:
        problems["country"] = Sentence("choose one of {countries}", countries=", ".join(COUNTRIES))
    if info.company_form not in COMPANY_FORMS:
        problems["company_form"] = Sentence("choose sole trader or limited company")
    if info.invoice_language not in LANGUAGES:
        problems["invoice_language"] = Sentence("choose Swedish (sv) or English (en)")
    if not 0 <= info.payment_terms_days <= 120:
        problems["payment_terms_days"] = Sentence("payment terms are 0 to 120 days")
    try:
        check_number_format(info.invoice_number_format)
    except ValidationError as exc:
        problems["invoice_number_format"] = Sentence.of(exc)
    country = info.country if info.country in COUNTRIES else "SE"
    for kind in IDENTIFIER_FIELDS:
        value = getattr(info, kind)
        if value and (problem := identifier_problem(kind, value, country)):  # type: ignore[arg-type]
            problems[kind] = problem
    return problems


# The fields' names in a problem listed away from the form ("VAT number: wrong check digit").
FIELD_NAMES = {
    "country": Sentence("country"),
    "company_form": Sentence("company form"),
    "invoice_language": Sentence("invoice language"),
    "payment_terms_days": Sentence("payment terms"),
    "invoice_number_format": Sentence("invoice number format"),
    "org_number": Sentence("organisation number"),
    "vat_number": Sentence("VAT number"),
    "bankgiro": Sentence("bankgiro"),
    "plusgiro": Sentence("plusgiro"),
    "iban": Sentence("IBAN"),
    "bic": Sentence("BIC"),
}


def named_field_problems(info: BusinessInfo) -> list[Sentence]:
    """field_problems with each field named, for a list away from the form."""
    return [
        Sentence("{field}: {problem}", field=FIELD_NAMES.get(key, key), problem=problem)
        for key, problem in field_problems(info).items()
    ]


def missing_for_invoicing(info: BusinessInfo) -> list[Sentence]:
    """What an invoice legally needs that the details lack (INVOICING.md)."""
    checks = (
        (not info.name.strip(), Sentence("your name is missing")),
        (not info.address.strip(), Sentence("your address is missing")),
        (not info.postcode.strip(), Sentence("your postcode is missing")),
        (not info.city.strip(), Sentence("the city is missing")),
        (not info.org_number, Sentence("your organisation number is missing")),
        (not info.vat_number, Sentence("your VAT number is missing")),
        (
            not (info.bankgiro or info.plusgiro or info.iban),
            Sentence("a bankgiro, plusgiro or IBAN is missing for the payment"),
        ),
        (bool(info.iban) and not info.bic, Sentence("a BIC is missing beside the IBAN")),
        (
            info.company_form == "limited" and not info.registered_office.strip(),
            Sentence("a limited company shows its registered office (säte)"),
        ),
    )
    return [sentence for missing, sentence in checks if missing]


def business_problems(row: BusinessDetails | None) -> list[Sentence]:
    """Every problem with the business details that stops an invoice, for the pre-flight check."""
    if row is None:
        return [
            Sentence("fill in your business details (Edit ▸ Business details) before confirming an invoice")
        ]
    info = info_from_row(row)
    return missing_for_invoicing(info) + named_field_problems(info)


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
        problems = named_field_problems(info)
        if problems:
            raise ValidationError("{problems}", problems=Joined(problems, "; "))
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
