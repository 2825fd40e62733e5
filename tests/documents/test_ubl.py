"""Peppol BIS Billing 3.0 UBL export: structure, content, refusals, and the official rules.

The tests marked by the ``validate`` fixture run both official Schematron files (CEN EN 16931 and
Peppol with the national SE/NO/DK rules) through tests/peppol/validate.py, which needs saxonche.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.documents.ubl import render_ubl, write_ubl
from coapp.domain.errors import ValidationError
from coapp.domain.invoices import BilledTo, InvoiceKind, InvoiceLine, Party, Payment, Unit, VatCategory
from tests.documents import ubl_samples as s
from tests.documents.ubl_samples import NS, find_text, root_of
from tests.peppol.validate import peppol_dir


@pytest.fixture(scope="module")
def validate() -> Callable[[bytes], list[Any]]:
    # saxonche (Saxon-HE, a dev dependency) runs the official Schematron rules.
    from tests.peppol.validate import validate_ubl

    return validate_ubl


def failures_of(validate: Callable[[bytes], list[Any]], xml: bytes) -> list[str]:
    return [str(failure) for failure in validate(xml)]


def rule_ids(validate: Callable[[bytes], list[Any]], xml: bytes) -> set[str]:
    return {failure.rule_id for failure in validate(xml)}


def local(tag: str) -> str:
    return tag.split("}", 1)[1]


# --- Structure -----------------------------------------------------------------------------------------


def test_utf8_with_declaration_and_peppol_identifiers() -> None:
    xml = render_ubl(s.sole_trader_to_client())
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Invoice ')
    assert "Åsa Økland-Ähtäri".encode() in xml  # real UTF-8, not character references
    root = root_of(xml)
    assert root.tag == f"{{{NS['inv']}}}Invoice"
    assert find_text(root, "cbc:CustomizationID") == (
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    )
    assert find_text(root, "cbc:ProfileID") == "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
    assert find_text(root, "cbc:ID") == "2026-0042"
    assert find_text(root, "cbc:IssueDate") == "2026-12-01"
    assert find_text(root, "cbc:DueDate") == "2026-12-31"
    assert find_text(root, "cbc:DocumentCurrencyCode") == "SEK"
    assert find_text(root, "cbc:BuyerReference") == "Eva Ek"
    assert find_text(root, "cac:InvoicePeriod/cbc:StartDate") == "2026-11-01"
    assert find_text(root, "cac:InvoicePeriod/cbc:EndDate") == "2026-11-30"


def _assert_same_relative_order(ours: list[str], official: list[str], where: str) -> None:
    common = [tag for tag in dict.fromkeys(ours) if tag in official]
    positions = [official.index(tag) for tag in common]
    assert positions == sorted(positions), f"{where}: {common} is not in the order of the official example"


@pytest.mark.parametrize(
    ("make", "example"),
    [
        (s.sole_trader_to_client, "Vat-category-S.xml"),
        (s.reverse_charge_to_denmark, "base-example.xml"),
        (s.credit_note, "base-creditnote-correction.xml"),
    ],
)
def test_element_order_follows_the_official_examples(make: Callable[[], Any], example: str) -> None:
    ours = root_of(render_ubl(make()))
    official = ET.parse(peppol_dir() / example).getroot()  # skips without the official files
    assert ours.tag == official.tag

    def children(element: ET.Element, path: str) -> list[str]:
        found = element.find(path, NS) if path else element
        return [] if found is None else [local(child.tag) for child in found]

    line = "cac:CreditNoteLine" if local(ours.tag) == "CreditNote" else "cac:InvoiceLine"
    for path in (
        "",
        "cac:AccountingSupplierParty/cac:Party",
        "cac:AccountingCustomerParty/cac:Party",
        "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress",
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity",
        "cac:PaymentMeans",
        "cac:TaxTotal/cac:TaxSubtotal",
        "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory",
        "cac:LegalMonetaryTotal",
        line,
        f"{line}/cac:Item",
        f"{line}/cac:Item/cac:ClassifiedTaxCategory",
    ):
        _assert_same_relative_order(children(ours, path), children(official, path), path or "root")


def test_element_order_of_the_whole_ubl_sequence() -> None:
    """The root children in the UBL 2.1 Invoice sequence, as BIS Billing 3.0 lists them."""
    sequence = [
        "CustomizationID", "ProfileID", "ID", "IssueDate", "DueDate", "InvoiceTypeCode", "CreditNoteTypeCode",
        "Note", "TaxPointDate", "DocumentCurrencyCode", "TaxCurrencyCode", "AccountingCost", "BuyerReference",
        "InvoicePeriod", "OrderReference", "BillingReference", "ContractDocumentReference",
        "AdditionalDocumentReference", "ProjectReference",
        "AccountingSupplierParty", "AccountingCustomerParty",
        "PayeeParty", "TaxRepresentativeParty", "Delivery", "PaymentMeans", "PaymentTerms", "AllowanceCharge",
        "TaxTotal", "LegalMonetaryTotal", "InvoiceLine", "CreditNoteLine",
    ]  # fmt: skip
    for doc in (s.sole_trader_to_client(), s.credit_note(), s.multiple_rates()):
        tags = [local(child.tag) for child in root_of(render_ubl(doc))]
        _assert_same_relative_order(tags, sequence, "root")


def test_no_empty_elements() -> None:
    """Peppol R008: an element without children must have text."""
    for doc in (s.sole_trader_to_client(), s.reverse_charge_to_denmark(), s.credit_note()):
        for element in root_of(render_ubl(doc)).iter():
            assert len(element) or (element.text or "").strip(), element.tag


def test_documents_module_imports_no_qt_database_or_services() -> None:
    code = (
        "import sys, coapp.documents.ubl\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'lxml', 'fpdf')"
        " or m.startswith(('coapp.services', 'coapp.store', 'coapp.models', 'coapp.ui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Content -------------------------------------------------------------------------------------------


SELF_BILLING = re.compile(r"sj[äa]lvfaktur|self[- ]?bill|utfärdad av|issued by", re.IGNORECASE)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "make", [s.sole_trader_to_client, s.credit_note, s.fixed_fee_to_platform, s.reverse_charge_to_denmark]
)
def test_never_self_billing(make: Callable[[], Any], language: str) -> None:
    """The seller issues the invoice; the platform only sends it (INVOICING.md): a 380 or 381 that
    never says self-billing, in either language."""
    xml = render_ubl(dataclasses.replace(make(), language=language))
    assert not SELF_BILLING.search(xml.decode()), SELF_BILLING.search(xml.decode())
    root = root_of(xml)
    assert root.findtext("cbc:InvoiceTypeCode", "381", NS) in ("380", "381")  # never 389


def test_the_platform_sends_it_and_is_paid_on_the_sellers_behalf() -> None:
    root = root_of(render_ubl(s.sole_trader_to_client()))
    assert find_text(root, "cbc:InvoiceTypeCode") == "380"
    notes = root.findall("cbc:Note", NS)
    assert len(notes) == 1  # Peppol R002
    note = notes[0].text or ""
    assert note.splitlines()[0] == (
        "Skickad av Consultancy Platform AB för säljarens räkning; "
        "betalning till Consultancy Platform AB, som tar emot den för säljarens räkning"
    )
    # 54 007.53 net, 10 %: 5 400.75 commission, 25 % VAT on it 1 350.19; total 67 509.41.
    assert (
        "Avtalsvärde 54007.53 SEK, provision 10 % = 5400.75 SEK, moms på provisionen 25 % = 1350.19 SEK, "
        "till säljaren 60758.47 SEK"
    ) in note
    payee = root.find("cac:PayeeParty", NS)
    assert payee is not None
    assert find_text(payee, "cac:PartyName/cbc:Name") == "Consultancy Platform AB"
    company = payee.find("cac:PartyLegalEntity/cbc:CompanyID", NS)
    assert company is not None
    assert (company.text, company.get("schemeID")) == (s.PLATFORM_ORG, "0007")
    # The client pays the platform's client-funds account, with this invoice's reference.
    means = root.find("cac:PaymentMeans", NS)
    assert means is not None
    assert find_text(means, "cac:PayeeFinancialAccount/cbc:ID") == "50501055"
    assert find_text(means, "cbc:PaymentID") == s.OCR
    # The seller is still the seller (and the issuer).
    seller = find_text(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name")
    assert seller == "Åsa Økland-Ähtäri"


def test_english_note_and_reverse_charged_commission() -> None:
    doc = s.make_doc(s.hour_lines(2), seller=s.NORWEGIAN_AS, currency="NOK", language="en", notes="Thanks!")
    note = find_text(root_of(render_ubl(doc)), "cbc:Note").splitlines()
    assert note[0] == (
        "Sent by Consultancy Platform AB on behalf of the seller; "
        "payment to Consultancy Platform AB, which receives it on the seller's behalf"
    )
    assert note[1] == "Contract: Datamigrering 2026"
    assert "commission 10 % = " in note[2]
    assert ", VAT on the commission: reverse charge, paid to the seller " in note[2]
    assert note[-1] == "Thanks!"


def test_fixed_fee_to_the_platform_has_no_payee_and_pays_the_seller() -> None:
    root = root_of(render_ubl(s.fixed_fee_to_platform()))
    assert root.find("cac:PayeeParty", NS) is None
    assert "Skickad av" not in find_text(root, "cbc:Note")
    assert find_text(root, "cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name") == (
        "Consultancy Platform AB"
    )
    assert find_text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID") == "55555551"


def test_seller_party_of_a_swedish_sole_trader_with_f_skatt() -> None:
    party = root_of(render_ubl(s.sole_trader_to_client())).find("cac:AccountingSupplierParty/cac:Party", NS)
    assert party is not None
    endpoint = party.find("cbc:EndpointID", NS)
    assert endpoint is not None
    assert (endpoint.get("schemeID"), endpoint.text) == ("0007", s.SOLE_TRADER_ORG)
    schemes = {
        find_text(scheme, "cac:TaxScheme/cbc:ID"): find_text(scheme, "cbc:CompanyID")
        for scheme in party.findall("cac:PartyTaxScheme", NS)
    }
    assert schemes == {"VAT": f"SE{s.SOLE_TRADER_ORG}01", "TAX": "Godkänd för F-skatt"}
    legal = party.find("cac:PartyLegalEntity", NS)
    assert legal is not None
    assert find_text(legal, "cbc:RegistrationName") == "Åsa Økland-Ähtäri"
    company_id = legal.find("cbc:CompanyID", NS)
    assert company_id is not None
    assert (company_id.text, company_id.get("schemeID")) == (s.SOLE_TRADER_ORG, "0007")  # hyphen gone
    assert find_text(legal, "cbc:CompanyLegalForm") == "Godkänd för F-skatt"
    assert find_text(party, "cac:Contact/cbc:ElectronicMail") == "asa@example.se"


def test_limited_company_shows_registered_office_and_without_f_skatt_no_tax_scheme() -> None:
    root = root_of(render_ubl(s.multiple_rates()))
    legal_form = find_text(
        root, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm"
    )
    assert legal_form == "Styrelsens säte: Stockholm; Godkänd för F-skatt"
    seller = dataclasses.replace(s.SWEDISH_AB, f_skatt=False)
    party = root_of(render_ubl(s.make_doc(s.hour_lines(1), seller=seller))).find(
        "cac:AccountingSupplierParty/cac:Party", NS
    )
    assert party is not None
    assert [find_text(p, "cac:TaxScheme/cbc:ID") for p in party.findall("cac:PartyTaxScheme", NS)] == ["VAT"]
    assert find_text(party, "cac:PartyLegalEntity/cbc:CompanyLegalForm") == "Styrelsens säte: Stockholm"


def test_address_lines() -> None:
    address = root_of(render_ubl(s.multiple_rates())).find(
        "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress", NS
    )
    assert address is not None
    assert find_text(address, "cbc:StreetName") == "Kungsgatan 1"
    assert find_text(address, "cbc:AdditionalStreetName") == "c/o Regus"
    assert find_text(address, "cac:AddressLine/cbc:Line") == "Plan 4"
    seller = dataclasses.replace(s.SWEDISH_AB, address="Box 1\nc/o A\nPlan 4\nRum 2\n")
    root = root_of(render_ubl(s.make_doc(s.hour_lines(1), seller=seller)))
    lines = root.findall(
        "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:AddressLine/cbc:Line", NS
    )
    assert [line.text for line in lines] == ["Plan 4, Rum 2"]  # one third line at most (UBL-SR-51)
    assert find_text(address, "cbc:PostalZone") == "111 43"
    assert find_text(address, "cac:Country/cbc:IdentificationCode") == "SE"


@pytest.mark.parametrize(
    ("party", "endpoint", "legal"),
    [
        (s.SOLE_TRADER, ("0007", s.SOLE_TRADER_ORG), (s.SOLE_TRADER_ORG, "0007")),
        (Party("P", country="SE", org_number=f"19{s.SOLE_TRADER_ORG}"), ("0007", s.SOLE_TRADER_ORG), None),
        (Party("V", country="SE", vat_number=f"SE {s.AB_BUYER_ORG} 01"), ("0007", s.AB_BUYER_ORG), None),
        (s.NORWEGIAN_AS, ("0192", s.NO_ORG), (s.NO_ORG, "0192")),
        (s.DANISH_CLIENT, ("0184", "13585628"), ("13585628", "0184")),
        (s.FINNISH_CLIENT, ("0216", "003701120389"), ("0112038-9", "0212")),
        (s.GERMAN_CLIENT, ("9930", "DE123456789"), None),
        (Party("AG", country="CH", vat_number="CHE-123.456.789 MWST"), ("9927", "CHE123456789MWST"), None),
    ],
)
def test_endpoint_schemes(party: Party, endpoint: tuple[str, str], legal: tuple[str, str] | None) -> None:
    root = root_of(render_ubl(s.make_doc(s.hour_lines(1), seller=s.SWEDISH_AB, buyer=party)))
    element = root.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert element is not None
    assert (element.get("schemeID"), element.text) == endpoint
    if legal is not None:
        company = root.find("cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", NS)
        assert company is not None
        assert (company.text, company.get("schemeID")) == legal


def test_a_party_without_any_identifier_is_refused() -> None:
    buyer = Party("Anonym", country="US")
    with pytest.raises(ValidationError, match="buyer “Anonym” needs an organisation number or a VAT number"):
        render_ubl(s.make_doc(s.hour_lines(1), buyer=buyer))


def test_norwegian_limited_company_states_foretaksregisteret() -> None:
    party = root_of(render_ubl(s.make_doc(s.hour_lines(1), seller=s.NORWEGIAN_AS, currency="NOK"))).find(
        "cac:AccountingSupplierParty/cac:Party", NS
    )
    assert party is not None
    schemes = {
        find_text(p, "cac:TaxScheme/cbc:ID"): find_text(p, "cbc:CompanyID")
        for p in party.findall("cac:PartyTaxScheme", NS)
    }
    assert schemes == {"VAT": f"NO{s.NO_ORG}MVA", "TAX": "Foretaksregisteret"}


def test_bankgiro_with_ocr() -> None:
    root = root_of(render_ubl(s.sole_trader_to_client()))
    means = root.findall("cac:PaymentMeans", NS)
    assert len(means) == 1
    assert find_text(means[0], "cbc:PaymentMeansCode") == "30"
    assert find_text(means[0], "cbc:PaymentID") == s.OCR
    assert find_text(means[0], "cac:PayeeFinancialAccount/cbc:ID") == "50501055"
    assert (
        find_text(means[0], "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID")
        == "SE:BANKGIRO"
    )
    assert find_text(root, "cac:PaymentTerms/cbc:Note") == "30 dagar netto, förfallodag 2026-12-31"


def test_plusgiro_and_iban_with_bic_and_the_invoice_number_as_fallback_reference() -> None:
    payment = Payment(plusgiro="4 12 34-5", iban="SE45 5000 0000 0583 9825 7466", bic="essesess")
    root = root_of(render_ubl(s.make_doc(s.hour_lines(1), payment=payment)))
    means = root.findall("cac:PaymentMeans", NS)
    assert [find_text(m, "cbc:PaymentMeansCode") for m in means] == ["30", "30"]  # one code only (UBL-SR-47)
    assert [find_text(m, "cbc:PaymentID") for m in means] == ["2026-0042", "2026-0042"]
    assert find_text(means[0], "cac:PayeeFinancialAccount/cbc:ID") == "412345"
    assert (
        find_text(means[0], "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID")
        == "SE:PLUSGIRO"
    )
    assert find_text(means[1], "cac:PayeeFinancialAccount/cbc:ID") == "SE4550000000058398257466"
    assert (
        find_text(means[1], "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID") == "ESSESESS"
    )


def test_iban_alone_is_a_sepa_credit_transfer() -> None:
    root = root_of(render_ubl(s.reverse_charge_to_denmark()))
    means = root.findall("cac:PaymentMeans", NS)
    assert len(means) == 1
    assert find_text(means[0], "cbc:PaymentMeansCode") == "58"
    assert find_text(means[0], "cbc:PaymentID") == "RF18539007547034"
    assert find_text(means[0], "cac:PayeeFinancialAccount/cbc:ID") == "SE4550000000058398257466"


def test_no_payment_details_no_payment_means() -> None:
    root = root_of(render_ubl(s.make_doc(s.hour_lines(1), payment=Payment())))
    assert root.find("cac:PaymentMeans", NS) is None
    assert root.find("cac:PaymentTerms/cbc:Note", NS) is not None  # BR-CO-25 still holds


def test_reverse_charge() -> None:
    root = root_of(render_ubl(s.reverse_charge_to_denmark()))
    assert "Reverse charge" in find_text(root, "cbc:Note")
    category = root.find("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", NS)
    assert category is not None
    assert find_text(category, "cbc:ID") == "AE"
    assert find_text(category, "cbc:Percent") == "0"
    assert find_text(category, "cbc:TaxExemptionReasonCode") == "VATEX-EU-AE"
    assert find_text(category, "cbc:TaxExemptionReason") == "Reverse charge"
    assert find_text(root, "cac:TaxTotal/cbc:TaxAmount") == "0.00"
    assert (
        find_text(root, "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID")
        == "DK13585628"
    )
    swedish = root_of(render_ubl(dataclasses.replace(s.reverse_charge_to_denmark(), language="sv")))
    assert find_text(swedish, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason") == (
        "Omvänd betalningsskyldighet"
    )
    assert "\nOmvänd betalningsskyldighet\n" in find_text(swedish, "cbc:Note")


def test_multiple_rates_each_have_a_subtotal() -> None:
    doc = s.multiple_rates()
    root = root_of(render_ubl(doc))
    subtotals = root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    found = [
        (
            find_text(t, "cac:TaxCategory/cbc:Percent"),
            Decimal(find_text(t, "cbc:TaxableAmount")),
            Decimal(find_text(t, "cbc:TaxAmount")),
        )
        for t in subtotals
    ]
    assert found == [(str(g.rate), g.base, g.amount) for g in doc.totals.vat]
    assert [rate for rate, _, _ in found] == ["25", "12", "6"]
    assert Decimal(find_text(root, "cac:TaxTotal/cbc:TaxAmount")) == doc.totals.vat_total


def test_totals_and_lines_add_up_with_two_decimals() -> None:
    doc = s.make_doc(s.hour_lines(37))
    root = root_of(render_ubl(doc))
    amounts = [element.text or "" for element in root.iter() if element.get("currencyID")]
    prices = {element.text for element in root.iterfind(".//cac:Price/cbc:PriceAmount", NS)}
    assert all(re.fullmatch(r"-?\d+\.\d\d", a) for a in amounts if a not in prices)
    lines = [
        Decimal(find_text(line, "cbc:LineExtensionAmount")) for line in root.findall("cac:InvoiceLine", NS)
    ]
    total = root.find("cac:LegalMonetaryTotal", NS)
    assert total is not None
    assert Decimal(find_text(total, "cbc:LineExtensionAmount")) == sum(lines) == doc.totals.net
    assert Decimal(find_text(total, "cbc:TaxExclusiveAmount")) == doc.totals.net
    assert Decimal(find_text(total, "cbc:TaxInclusiveAmount")) == doc.totals.total
    assert Decimal(find_text(total, "cbc:PayableAmount")) == doc.totals.total


def test_quantities_as_given_and_line_amount_is_quantity_times_price() -> None:
    quantities = (Decimal("0.1167"), Decimal("3.3333"), Decimal("0.5"), Decimal("12.0001"), Decimal("1"))
    doc = s.make_doc(s.hour_lines(5, rate=Decimal("1234.57"), quantities=quantities))
    root = root_of(render_ubl(doc))
    for line, source in zip(root.findall("cac:InvoiceLine", NS), doc.lines, strict=True):
        quantity = line.find("cbc:InvoicedQuantity", NS)
        assert quantity is not None
        assert (Decimal(quantity.text or ""), quantity.get("unitCode")) == (source.quantity, "HUR")
        price = Decimal(find_text(line, "cac:Price/cbc:PriceAmount"))
        amount = Decimal(find_text(line, "cbc:LineExtensionAmount"))
        assert amount == source.amount
        assert abs(source.quantity * price - amount) <= Decimal("0.005")  # R120 allows 0.02
    assert [find_text(line, "cbc:InvoicedQuantity") for line in root.findall("cac:InvoiceLine", NS)] == [
        "0.1167", "3.3333", "0.5", "12.0001", "1",
    ]  # fmt: skip


def test_line_content() -> None:
    root = root_of(render_ubl(s.sole_trader_to_client()))
    first, second = root.findall("cac:InvoiceLine", NS)[:2]
    assert find_text(first, "cbc:ID") == "1"
    # What the work is, written once on the invoice, is each item's name; the day's note its description.
    assert find_text(first, "cac:Item/cbc:Name") == "Konsulttjänster: Datamigrering 2026"
    assert find_text(first, "cac:Item/cbc:Description") == (
        "Migrering, dag 1\nMigrering av kundregister; möte med Ö-teamet"
    )
    assert find_text(second, "cac:Item/cbc:Description") == "Migrering, dag 2"
    assert find_text(second, "cac:Item/cbc:Name") == "Konsulttjänster: Datamigrering 2026"
    assert find_text(first, "cac:InvoicePeriod/cbc:StartDate") == "2026-11-01"
    assert find_text(first, "cac:InvoicePeriod/cbc:EndDate") == "2026-11-01"
    assert find_text(first, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID") == "S"
    assert find_text(first, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent") == "25"
    assert find_text(first, "cac:Price/cbc:PriceAmount") == "950"


def test_a_note_that_is_the_lines_text_is_not_repeated_in_its_description() -> None:
    note = "Kodgranskning med Elin"
    line = dataclasses.replace(s.hour_lines(1)[0], description=note, notes=note)
    root = root_of(render_ubl(s.make_doc((line,))))
    assert find_text(root, "cac:InvoiceLine/cac:Item/cbc:Description") == "Kodgranskning med Elin"


def test_day_units_and_lines_without_dates() -> None:
    line = InvoiceLine("Workshop", Decimal("0.5"), Unit.DAY, Decimal("7600.00"), Decimal(25))
    root = root_of(render_ubl(s.make_doc((line,))))
    element = root.find("cac:InvoiceLine", NS)
    assert element is not None
    quantity = element.find("cbc:InvoicedQuantity", NS)
    assert quantity is not None
    assert (quantity.text, quantity.get("unitCode")) == ("0.5", "DAY")
    assert element.find("cac:InvoicePeriod", NS) is None


def test_credit_note_references_the_invoice_it_corrects() -> None:
    root = root_of(render_ubl(s.credit_note()))
    assert root.tag == f"{{{NS['cn']}}}CreditNote"
    assert find_text(root, "cbc:CreditNoteTypeCode") == "381"
    assert find_text(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == "2026-0042"
    assert root.find("cbc:DueDate", NS) is None
    assert root.find("cac:PaymentMeans", NS) is None
    assert len(root.findall("cac:CreditNoteLine", NS)) == 3
    assert root.find("cac:CreditNoteLine/cbc:CreditedQuantity", NS) is not None


def test_credit_note_is_positive_like_the_invoice_it_credits(validate: Callable[[bytes], list[Any]]) -> None:
    """The domain keeps a credit note's amounts positive (UBL's convention): the CreditNote (381)
    credits the same positive amounts the invoice charged, names it, and passes the official rules."""
    invoice = s.make_doc(s.hour_lines(3))
    credit = dataclasses.replace(
        invoice, kind=InvoiceKind.CREDIT_NOTE, number="2026-0043", credited_number="2026-0042"
    )
    assert credit.totals.total > 0
    charged, credited = root_of(render_ubl(invoice)), root_of(render_ubl(credit))
    for tag in ("LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount"):
        amount = find_text(credited, f"cac:LegalMonetaryTotal/cbc:{tag}")
        assert amount == find_text(charged, f"cac:LegalMonetaryTotal/cbc:{tag}")
        assert Decimal(amount) > 0
    quantities = [q.text for q in credited.iterfind("cac:CreditNoteLine/cbc:CreditedQuantity", NS)]
    assert quantities == [q.text for q in charged.iterfind("cac:InvoiceLine/cbc:InvoicedQuantity", NS)]
    assert find_text(credited, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == "2026-0042"
    assert failures_of(validate, render_ubl(credit)) == []


def test_credit_note_stored_negative_is_written_positive() -> None:
    positive, negative = render_ubl(s.credit_note()), render_ubl(s.credit_note(negative=True))
    assert s.credit_note(negative=True).totals.total < 0
    assert positive == negative


def test_text_is_escaped_and_characters_xml_cannot_carry_are_dropped() -> None:
    doc = s.make_doc(s.hour_lines(1), notes="Tack <3 & välkommen\x0b tillbaka\x00", buyer_reference="A&B")
    xml = render_ubl(doc)
    root = root_of(xml)
    assert find_text(root, "cbc:Note").endswith("Tack <3 & välkommen tillbaka")
    assert find_text(root, "cbc:BuyerReference") == "A&B"


def test_buyer_reference_falls_back_to_the_contract_title() -> None:
    root = root_of(render_ubl(s.make_doc(s.hour_lines(1), buyer_reference="")))
    assert find_text(root, "cbc:BuyerReference") == "Datamigrering 2026"


def test_write_ubl_writes_atomically(tmp_path: Path) -> None:
    doc = s.sole_trader_to_client()
    target = tmp_path / "archive" / "2026-0042.xml"
    write_ubl(doc, target)
    assert target.read_bytes() == render_ubl(doc)
    write_ubl(s.credit_note(), target)
    assert target.read_bytes() == render_ubl(s.credit_note())
    assert [p.name for p in target.parent.iterdir()] == ["2026-0042.xml"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"number": None}, "needs the invoice number"),
        ({"lines": ()}, "at least one line"),
        ({"kind": InvoiceKind.CREDIT_NOTE}, "must name the invoice it corrects"),
        ({"period_end": date(2026, 10, 1)}, "ends before it starts"),
        ({"period_start": date(2026, 11, 2)}, "outside the invoice period"),
        ({"reverse_charge": True}, "every line in VAT category AE"),
        ({"buyer": dataclasses.replace(s.DANISH_CLIENT, vat_number="")}, "buyer's VAT number"),
        (
            {
                "lines": (
                    *s.hour_lines(1),
                    *s.hour_lines(1, vat=Decimal(0), category=VatCategory.OUTSIDE_SCOPE),
                )
            },
            "not subject to VAT cannot share",
        ),
    ],
)
def test_refusals(change: dict[str, Any], message: str) -> None:
    base = s.reverse_charge_to_denmark() if "buyer" in change else s.sole_trader_to_client()
    with pytest.raises(ValidationError, match=message):
        render_ubl(dataclasses.replace(base, **change))


def test_totals_that_do_not_match_the_lines_are_refused() -> None:
    doc = s.sole_trader_to_client()
    wrong_net = dataclasses.replace(doc.totals, net=doc.totals.net + Decimal("0.01"))
    with pytest.raises(ValidationError, match="do not add up"):
        render_ubl(dataclasses.replace(doc, totals=wrong_net))
    wrong_total = dataclasses.replace(doc.totals, total=doc.totals.total + Decimal("0.01"))
    with pytest.raises(ValidationError, match="not net \\+ VAT"):
        render_ubl(dataclasses.replace(doc, totals=wrong_total))
    line = InvoiceLine("x", Decimal(1), Unit.PIECE, Decimal("0.001"), Decimal(25))
    with pytest.raises(ValidationError, match="reverse-charge line must have a VAT rate of 0"):
        render_ubl(s.make_doc((dataclasses.replace(line, vat_category=VatCategory.REVERSE_CHARGE),)))


# --- The official rules --------------------------------------------------------------------------------


def _fractional_days() -> Any:
    days = (Decimal("0.5"), Decimal("1"), Decimal("0.5"))
    lines = tuple(
        dataclasses.replace(line, unit=Unit.DAY)
        for line in s.hour_lines(3, Decimal("7250.00"), quantities=days)
    )
    return s.make_doc(lines)


def _outside_scope() -> Any:
    lines = s.hour_lines(2, vat=Decimal(0), category=VatCategory.OUTSIDE_SCOPE)
    return s.make_doc(lines, seller=s.SWEDISH_AB, buyer=s.GERMAN_CLIENT, currency="EUR", language="en")


def _export() -> Any:
    lines = s.hour_lines(2, vat=Decimal(0), category=VatCategory.EXPORT)
    buyer = Party("Kunde AG", "Bahnhofstrasse 1", "8001", "Zürich", "CH", vat_number="CHE-123.456.789 MWST")
    return s.make_doc(lines, seller=s.SWEDISH_AB, buyer=buyer, currency="EUR", language="en")


VALID = {
    "sole trader, F-skatt, to a client, platform's bankgiro + OCR": s.sole_trader_to_client,
    "fixed fee to the platform, seller's bankgiro": s.fixed_fee_to_platform,
    "Norwegian AS, commission reverse charged": lambda: s.make_doc(
        s.hour_lines(2), seller=s.NORWEGIAN_AS, buyer=s.SWEDISH_CLIENT, currency="NOK"
    ),
    "limited company, reverse charge to Denmark": s.reverse_charge_to_denmark,
    "credit note": s.credit_note,
    "credit note stored negative": lambda: s.credit_note(negative=True),
    "25, 12 and 6 %": s.multiple_rates,
    "one line": lambda: s.make_doc(s.hour_lines(1)),
    "200 lines": lambda: s.make_doc(s.hour_lines(200)),
    "fractional hours": lambda: s.make_doc(
        s.hour_lines(6, Decimal("1234.57"), quantities=(Decimal("0.0167"), Decimal("7.3333"), Decimal("0.1")))
    ),
    "fractional days": _fractional_days,
    "Norwegian AS to a Finnish buyer": lambda: s.make_doc(
        s.hour_lines(2), seller=s.NORWEGIAN_AS, buyer=s.FINNISH_CLIENT, currency="NOK", language="en"
    ),
    "Swedish AB to a German buyer, plusgiro + IBAN": lambda: s.make_doc(
        s.hour_lines(2),
        seller=s.SWEDISH_AB,
        buyer=s.GERMAN_CLIENT,
        payment=Payment(plusgiro="412345", iban="SE4550000000058398257466", bic="ESSESESS"),
    ),
    "not subject to VAT": _outside_scope,
    "export outside the EU": _export,
    "no commission, no notes, no payment": lambda: s.make_doc(
        s.hour_lines(1), commission_rate=Decimal(0), payment=Payment(), contract_title=""
    ),
}


@pytest.mark.parametrize("name", list(VALID))
def test_passes_the_official_rules(validate: Callable[[bytes], list[Any]], name: str) -> None:
    """No failure at all: no fatal one, and no warning either (SE-R-007..012 are warnings)."""
    assert failures_of(validate, render_ubl(VALID[name]())) == []


def _replace(pattern: str, new: str, count: int = 1) -> Callable[[str], str]:
    def tamper(xml: str) -> str:
        changed, n = re.subn(pattern, new, xml, count=count)
        assert n, f"pattern {pattern!r} not found"
        return changed

    return tamper


FIRST_SUBTOTAL_TAX = (
    r"(<cac:TaxSubtotal>\s*<cbc:TaxableAmount [^>]*>[^<]*</cbc:TaxableAmount>\s*<cbc:TaxAmount [^>]*>)[^<]*"
)
TAMPERINGS: dict[str, tuple[Callable[[], Any], Callable[[str], str], set[str]]] = {
    "wrong payable amount": (
        s.sole_trader_to_client,
        _replace(r"(<cbc:PayableAmount [^>]*>)[^<]*", r"\g<1>67509.42"),
        {"BR-CO-16"},
    ),
    "wrong line amount": (
        s.sole_trader_to_client,
        _replace(
            r"(<cac:InvoiceLine>\s*<cbc:ID>1</cbc:ID>\s*<cbc:InvoicedQuantity[^>]*>[^<]*</cbc:InvoicedQuantity>"
            r"\s*<cbc:LineExtensionAmount [^>]*>)[^<]*",
            r"\g<1>7125.10",
        ),
        {"BR-CO-10", "PEPPOL-EN16931-R120"},
    ),
    "wrong VAT amount": (
        s.sole_trader_to_client,
        _replace(
            FIRST_SUBTOTAL_TAX,
            r"\g<1>13503.00",
        ),
        {"BR-CO-14", "BR-S-09"},
    ),
    "three decimals": (
        s.sole_trader_to_client,
        _replace(r"(<cbc:LineExtensionAmount [^>]*>)110.87<", r"\g<1>110.870<", count=0),
        {"BR-DEC-23"},
    ),
    "self-billed type code 389": (
        s.sole_trader_to_client,
        _replace("<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>389<"),
        {"PEPPOL-EN16931-P0100"},
    ),
    "F-skatt misspelt": (
        s.sole_trader_to_client,
        _replace("<cbc:CompanyID>Godkänd för F-skatt<", "<cbc:CompanyID>F-skattsedel<"),
        {"SE-R-005"},
    ),
    "Swedish org number with a wrong check digit": (
        s.sole_trader_to_client,
        _replace(
            f'schemeID="0007">{s.SOLE_TRADER_ORG}<', f'schemeID="0007">{s.SOLE_TRADER_ORG[:9]}0<', count=0
        ),
        {"SE-R-013", "PEPPOL-COMMON-R049"},
    ),
    "Swedish VAT rate 24 %": (
        s.sole_trader_to_client,
        _replace("<cbc:Percent>25<", "<cbc:Percent>24<", count=0),
        {"SE-R-006"},
    ),
    "second note": (
        s.sole_trader_to_client,
        _replace("(<cbc:Note>)", r"<cbc:Note>Extra</cbc:Note>\g<1>"),
        {"PEPPOL-EN16931-R002"},
    ),
    "no buyer reference": (
        s.sole_trader_to_client,
        _replace(r"\s*<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", ""),
        {"PEPPOL-EN16931-R003"},
    ),
    "bankgiro with six digits": (
        s.sole_trader_to_client,
        _replace("<cbc:ID>50501055<", "<cbc:ID>505010<"),
        {"SE-R-009"},
    ),
    "reverse charge without the buyer's identifiers": (
        s.reverse_charge_to_denmark,
        _replace(
            r"(?s)(<cac:AccountingCustomerParty>.*?)\s*<cac:PartyTaxScheme>.*?</cac:PartyTaxScheme>"
            r"(.*?)\s*<cbc:CompanyID schemeID=\"0184\">[^<]*</cbc:CompanyID>",
            r"\g<1>\g<2>",
        ),
        {"BR-AE-02"},
    ),
    "reverse charge with VAT": (
        s.reverse_charge_to_denmark,
        _replace(
            FIRST_SUBTOTAL_TAX,
            r"\g<1>10.00",
        ),
        {"BR-AE-09", "BR-CO-14"},
    ),
    "credit note with an invoice type code": (
        s.credit_note,
        _replace("<cbc:CreditNoteTypeCode>381<", "<cbc:CreditNoteTypeCode>380<"),
        {"BR-CL-01", "PEPPOL-EN16931-P0101"},
    ),
}


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_tampering_is_caught(validate: Callable[[bytes], list[Any]], name: str) -> None:
    make, tamper, expected = TAMPERINGS[name]
    xml = render_ubl(make())
    assert failures_of(validate, xml) == []
    found = rule_ids(validate, tamper(xml.decode()).encode())
    assert expected <= found, f"expected {expected}, got {found}"


_QUANTITY = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(300), places=4)
_PRICE = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(5000), places=2)


@st.composite
def _random_documents(draw: st.DrawFn) -> Any:
    reverse = draw(st.booleans())
    count = draw(st.integers(min_value=1, max_value=30))
    lines = []
    for index in range(count):
        rate = Decimal(0) if reverse else draw(st.sampled_from([Decimal(25), Decimal(12), Decimal(6)]))
        lines.append(
            InvoiceLine(
                description=f"Rad {index + 1}",
                quantity=draw(_QUANTITY),
                unit=draw(st.sampled_from(list(Unit))),
                unit_price=draw(_PRICE),
                vat_rate=rate,
                vat_category=VatCategory.REVERSE_CHARGE if reverse else VatCategory.STANDARD,
            )
        )
    kind = draw(st.sampled_from(list(InvoiceKind)))
    return s.make_doc(
        lines,
        seller=draw(st.sampled_from([s.SOLE_TRADER, s.SWEDISH_AB])),
        buyer=s.DANISH_CLIENT if reverse else s.SWEDISH_CLIENT,
        kind=kind,
        credited_number="2026-0001" if kind is InvoiceKind.CREDIT_NOTE else None,
        reverse_charge=reverse,
        billed_to=draw(st.sampled_from(list(BilledTo))),
        currency=draw(st.sampled_from(["SEK", "EUR", "NOK", "DKK"])),
        commission_rate=draw(st.decimals(min_value=0, max_value=30, places=1)),
    )


@settings(max_examples=40, deadline=None)
@given(doc=_random_documents())
def test_random_invoices_pass_the_official_rules(validate: Callable[[bytes], list[Any]], doc: Any) -> None:
    fatal = [str(f) for f in validate(render_ubl(doc)) if f.fatal]
    assert fatal == []
