"""Seller, buyer and payment means for the Peppol BIS Billing 3.0 export.

Electronic addresses (BT-34, BT-49) use the Peppol EAS code list:

- Sweden ``0007`` (organisationsnummer, 10 digits; a sole trader's is the personnummer),
- Norway ``0192`` (organisasjonsnummer, 9 digits),
- Denmark ``0184`` (CVR, 8 digits),
- Finland ``0216`` (OVT code: ``0037`` + the 8 digits of the Y-tunnus); the legal registration
  identifier (BT-30) of a Finnish party uses ``0212`` (Finnish organisation identifier, Y-tunnus),
- elsewhere the country's VAT-number scheme (``9930`` DE:VAT, ``9957`` FR:VAT, ...).

The organisation number comes from ``Party.org_number`` or, failing that, from the VAT number
(SE5560360793 01 → 5560360793, DK12345678 → 12345678, NO123456789MVA → 123456789, FI12345678).

Swedish sellers: "Godkänd för F-skatt" is the Seller tax registration identifier (BT-32, a
PartyTaxScheme whose scheme is not VAT), which is where rule SE-R-005 looks for it; it is also
repeated, with a limited company's registered office, in the additional legal information
(BT-33, CompanyLegalForm) for readers that show only that.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from coapp.documents.ubl_xml import add, add_text, clean
from coapp.domain.errors import ValidationError
from coapp.domain.invoices import Party, Payment

F_SKATT = "Godkänd för F-skatt"
FORETAKSREGISTERET = "Foretaksregisteret"

# Legal registration identifier schemes (ISO 6523 ICD) and Peppol electronic address schemes (EAS).
_LEGAL_SCHEME = {"SE": "0007", "NO": "0192", "DK": "0184", "FI": "0212"}
_ENDPOINT_SCHEME = {"SE": "0007", "NO": "0192", "DK": "0184", "FI": "0216"}
# EAS schemes that take the VAT number itself, for buyers outside the Nordic countries.
_VAT_ENDPOINT_SCHEME = {
    "AT": "9914", "BE": "9925", "BG": "9926", "CH": "9927", "CY": "9928", "CZ": "9929", "DE": "9930",
    "EE": "9931", "ES": "9920", "FR": "9957", "GB": "9932", "EL": "9933", "GR": "9933", "HR": "9934",
    "HU": "9910", "IE": "9935", "IT": "0211", "LT": "9937", "LU": "9938", "LV": "9939", "MT": "9943",
    "NL": "9944", "PL": "9945", "PT": "9946", "RO": "9947", "SI": "9949", "SK": "9950",
}  # fmt: skip
_DIGITS_NEEDED = {"SE": 10, "NO": 9, "DK": 8, "FI": 8}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def compact_vat(vat_number: str) -> str:
    return re.sub(r"[\s.-]", "", vat_number).upper()


def org_digits(party: Party) -> str:
    """The organisation number as the Nordic registers write it: digits only ('' when unknown)."""
    country = party.country.upper()
    digits = _digits(party.org_number)
    if not digits and country in _DIGITS_NEEDED:
        vat = compact_vat(party.vat_number)
        if vat[:2] == country:
            digits = _digits(vat[2:])
            if country == "SE" and len(digits) == 12:
                digits = digits[:10]  # SE + number + 01
    if country == "SE" and len(digits) == 12 and digits[:2] in ("19", "20"):
        digits = digits[2:]  # a sole trader's personnummer written with the century
    return digits


def legal_id(party: Party) -> tuple[str, str | None]:
    """(identifier, ICD scheme or None) for PartyLegalEntity/CompanyID; ('', None) when unknown."""
    country = party.country.upper()
    digits = org_digits(party)
    if country == "FI" and len(digits) == 8:
        return f"{digits[:7]}-{digits[7]}", _LEGAL_SCHEME["FI"]
    if digits:
        return digits, _LEGAL_SCHEME.get(country)
    return clean(party.org_number), None


def endpoint(party: Party, role: str) -> tuple[str, str]:
    """(scheme, identifier) of the party's Peppol electronic address."""
    country = party.country.upper()
    digits = org_digits(party)
    if country in _ENDPOINT_SCHEME and len(digits) == _DIGITS_NEEDED[country]:
        value = f"0037{digits}" if country == "FI" else digits
        return _ENDPOINT_SCHEME[country], value
    vat = compact_vat(party.vat_number)
    if vat[:2] in _VAT_ENDPOINT_SCHEME:
        return _VAT_ENDPOINT_SCHEME[vat[:2]], vat
    raise ValidationError(
        f"the {role} “{party.name}” needs an organisation number or a VAT number for the e-invoice address"
    )


def add_party(
    parent: ET.Element,
    party: Party,
    role: str,
    *,
    with_vat: bool = True,
    language: str = "sv",
) -> None:
    """cac:Party in Peppol order: EndpointID, PartyName, PostalAddress, PartyTaxScheme,
    PartyLegalEntity, Contact."""
    element = add(parent, "cac:Party")
    scheme, value = endpoint(party, role)
    add(element, "cbc:EndpointID", value, schemeID=scheme)
    add(add(element, "cac:PartyName"), "cbc:Name", party.name)
    _add_address(element, party)
    country = party.country.upper()
    is_seller = role == "seller"
    vat = compact_vat(party.vat_number)
    if with_vat and vat:
        _add_tax_scheme(element, vat, "VAT")
    if is_seller and country == "SE" and party.f_skatt:
        _add_tax_scheme(element, F_SKATT, "TAX")
    if is_seller and country == "NO" and party.limited_company:
        _add_tax_scheme(element, FORETAKSREGISTERET, "TAX")
    entity = add(element, "cac:PartyLegalEntity")
    add(entity, "cbc:RegistrationName", party.name)
    company_id, company_scheme = legal_id(party)
    if company_id:
        attrs = {"schemeID": company_scheme} if company_scheme else {}
        add(entity, "cbc:CompanyID", company_id, **attrs)
    if is_seller:
        add_text(entity, "cbc:CompanyLegalForm", legal_form(party, language))
    if clean(party.email):
        add(add(element, "cac:Contact"), "cbc:ElectronicMail", party.email)


def add_payee(parent: ET.Element, payee: Party) -> None:
    """cac:PayeeParty (BG-10): who receives the payment when it is not the seller, here the platform
    that collects on its client-funds account on the seller's behalf. Its name (BT-59, BR-17) and
    legal registration identifier (BT-61) are all Peppol allows besides an identifier."""
    element = add(parent, "cac:PayeeParty")
    add(add(element, "cac:PartyName"), "cbc:Name", payee.name)
    company_id, company_scheme = legal_id(payee)
    if company_id:
        attrs = {"schemeID": company_scheme} if company_scheme else {}
        add(add(element, "cac:PartyLegalEntity"), "cbc:CompanyID", company_id, **attrs)


def legal_form(party: Party, language: str) -> str:
    """Seller additional legal information (BT-33): registered office and F-skatt."""
    parts = []
    if party.limited_company and clean(party.registered_office):
        label = "Styrelsens säte" if language == "sv" else "Registered office"
        parts.append(f"{label}: {clean(party.registered_office)}")
    if party.country.upper() == "SE" and party.f_skatt:
        parts.append(F_SKATT)
    return "; ".join(parts)


def _add_address(parent: ET.Element, party: Party) -> None:
    address = add(parent, "cac:PostalAddress")
    lines = [clean(line) for line in party.address.splitlines() if clean(line)]
    if lines:
        add(address, "cbc:StreetName", lines[0])
    if len(lines) > 1:
        add(address, "cbc:AdditionalStreetName", lines[1])
    add_text(address, "cbc:CityName", party.city)
    add_text(address, "cbc:PostalZone", party.postcode)
    if len(lines) > 2:  # UBL-SR-51: one third address line at most
        add(add(address, "cac:AddressLine"), "cbc:Line", ", ".join(lines[2:]))
    add(add(address, "cac:Country"), "cbc:IdentificationCode", party.country.upper())


def _add_tax_scheme(parent: ET.Element, company_id: str, scheme: str) -> None:
    tax_scheme = add(parent, "cac:PartyTaxScheme")
    add(tax_scheme, "cbc:CompanyID", company_id)
    add(add(tax_scheme, "cac:TaxScheme"), "cbc:ID", scheme)


def add_payment_means(parent: ET.Element, payment: Payment, payment_id: str) -> None:
    """One cac:PaymentMeans per account: bankgiro and plusgiro as credit transfer (30) with the
    SE:BANKGIRO / SE:PLUSGIRO branch the Swedish rules name, IBAN (with BIC) as SEPA credit
    transfer (58). All payment means of one invoice must share one code (UBL-SR-47), so an IBAN
    listed beside a giro number is a plain credit transfer (30) too."""
    accounts = []
    if _digits(payment.bankgiro):
        accounts.append((_digits(payment.bankgiro), "SE:BANKGIRO"))
    if _digits(payment.plusgiro):
        accounts.append((_digits(payment.plusgiro), "SE:PLUSGIRO"))
    code = "30" if accounts else "58"
    iban = compact_vat(payment.iban)
    if iban:
        accounts.append((iban, compact_vat(payment.bic)))
    for account, branch in accounts:
        means = add(parent, "cac:PaymentMeans")
        add(means, "cbc:PaymentMeansCode", code)
        add_text(means, "cbc:PaymentID", payment_id)
        financial_account = add(means, "cac:PayeeFinancialAccount")
        add(financial_account, "cbc:ID", account)
        if branch:
            add(add(financial_account, "cac:FinancialInstitutionBranch"), "cbc:ID", branch)


def payment_terms(issue: date, due: date, language: str) -> str:
    days = (due - issue).days
    if language == "sv":
        return f"{days} dagar netto, förfallodag {due.isoformat()}"
    return f"{days} days net, due {due.isoformat()}"
