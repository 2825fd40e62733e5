"""The invoice PDF's words in Swedish and English, and the legal identifiers each country wants.

The legal wording follows INVOICING.md: "Omvänd betalningsskyldighet", "Godkänd för F-skatt", "Säte"
for a Swedish limited company; "MVA" after a Norwegian organisation number and "Foretaksregisteret"
for an AS (Norwegian words that stay Norwegian in every language). The seller always issues the
invoice, so it never says self-billing ("Självfaktura"); on work billed to the client it says that
the platform sends it and receives the payment on the seller's behalf.
"""

from __future__ import annotations

from dataclasses import dataclass

from coapp.domain.invoices import Party, Unit, VatCategory


@dataclass(frozen=True)
class Texts:
    invoice: str
    credit_note: str
    watermark: str
    draft: str
    number_on_sync: str
    invoice_number: str
    credit_note_number: str
    credits_invoice: str  # {number}
    issue_date: str
    due_date: str
    period: str
    contract: str
    buyer_reference: str
    seller: str
    buyer: str
    org_number: dict[str, str]  # by country
    vat_number: str
    f_skatt: str
    registered_office: str
    sent_by: str
    sent_by_credit: str
    sent_by_note: str  # {platform} {org}
    sent_by_note_credit: str  # {platform} {org}
    payee: str
    payee_on_behalf: str  # {platform}
    reverse_charge: str
    reverse_charge_note: str
    description: str
    date: str
    quantity: str
    unit_price: str
    vat: str
    amount: str
    continued: str
    units: dict[Unit, tuple[str, str]]  # singular, plural
    net: str
    vat_on: str  # {rate} {base}
    vat_categories: dict[VatCategory, str]
    total: str
    total_credit: str
    breakdown: str
    breakdown_credited: str
    agreement_value: str
    commission: str  # {rate}
    commission_vat: str  # {rate}
    commission_vat_reverse: str
    payout: str
    payout_how: str
    payout_how_credit: str
    payment: str
    references: dict[str, str]  # by reference kind
    reference: str
    amount_due: str
    credit_nothing_to_pay: str  # {number}
    notes: str
    page: str  # {page} {pages}


SV = Texts(
    invoice="Faktura",
    credit_note="Kreditfaktura",
    watermark="UTKAST",
    draft="Utkast",
    number_on_sync="Bekräftad – nummer vid synk",
    invoice_number="Fakturanummer",
    credit_note_number="Kreditfaktura nr",
    credits_invoice="Krediterar faktura {number}",
    issue_date="Fakturadatum",
    due_date="Förfallodatum",
    period="Period",
    contract="Avtal",
    buyer_reference="Er referens",
    seller="Säljare",
    buyer="Köpare",
    org_number={"SE": "Org.nr", "NO": "Org.nr", "DK": "CVR-nr", "FI": "FO-nummer"},
    vat_number="Momsreg.nr",
    f_skatt="Godkänd för F-skatt",
    registered_office="Säte",
    sent_by="Avsändare och betalningsmottagare",
    sent_by_credit="Avsändare",
    sent_by_note="Fakturan skickas av {platform}{org} för säljarens räkning. Betala till {platform}, "
    "som betalar ut beloppet till säljaren med avdrag för sin provision.",
    sent_by_note_credit="Kreditfakturan skickas av {platform}{org} för säljarens räkning.",
    payee="Betalas till",
    payee_on_behalf="{platform} för säljarens räkning",
    reverse_charge="Omvänd betalningsskyldighet",
    reverse_charge_note="Köparen redovisar momsen.",
    description="Beskrivning",
    date="Datum",
    quantity="Antal",
    unit_price="À-pris",
    vat="Moms",
    amount="Belopp",
    continued="forts.",
    units={Unit.HOUR: ("h", "h"), Unit.DAY: ("dag", "dagar"), Unit.PIECE: ("st", "st")},
    net="Summa exkl. moms",
    vat_on="Moms {rate} på {base}",
    vat_categories={
        VatCategory.ZERO: "nollskattesats",
        VatCategory.REVERSE_CHARGE: "omvänd betalningsskyldighet",
        VatCategory.EXPORT: "export",
        VatCategory.OUTSIDE_SCOPE: "utanför momsens tillämpningsområde",
    },
    total="Att betala",
    total_credit="Summa kredit",
    breakdown="Arvode och provision",
    breakdown_credited="Arvode och provision som krediteras",
    agreement_value="Avtalets värde (exkl. moms)",
    commission="Plattformens provision {rate}",
    commission_vat="Moms på provisionen {rate}",
    commission_vat_reverse="Moms på provisionen: omvänd betalningsskyldighet",
    payout="Utbetalning till frilansaren",
    payout_how="Att betala − provision − moms på provisionen",
    payout_how_credit="Summa kredit − provision − moms på provisionen",
    payment="Betalning",
    references={
        "OCR": "OCR-nummer",
        "KID": "KID-nummer",
        "FIK": "FIK-nummer",
        "FI": "Referensnummer",
        "RF": "RF-referens",
    },
    reference="Referens",
    amount_due="Att betala",
    credit_nothing_to_pay="Inget att betala: beloppet krediteras faktura {number}.",
    notes="Meddelande",
    page="Sida {page} av {pages}",
)

EN = Texts(
    invoice="Invoice",
    credit_note="Credit note",
    watermark="DRAFT",
    draft="Draft",
    number_on_sync="Confirmed – number on sync",
    invoice_number="Invoice no.",
    credit_note_number="Credit note no.",
    credits_invoice="Credits invoice {number}",
    issue_date="Issue date",
    due_date="Due date",
    period="Period",
    contract="Contract",
    buyer_reference="Your reference",
    seller="Seller",
    buyer="Buyer",
    org_number={"SE": "Org. no.", "NO": "Org. no.", "DK": "CVR no.", "FI": "Business ID"},
    vat_number="VAT no.",
    f_skatt="Approved for F-tax (Godkänd för F-skatt)",
    registered_office="Registered office",
    sent_by="Sender and payee",
    sent_by_credit="Sender",
    sent_by_note="Sent by {platform}{org} on behalf of the seller. Please pay {platform}, which "
    "pays the amount out to the seller less its commission.",
    sent_by_note_credit="Sent by {platform}{org} on behalf of the seller.",
    payee="Pay to",
    payee_on_behalf="{platform} on behalf of the seller",
    reverse_charge="Reverse charge",
    reverse_charge_note="VAT to be accounted for by the buyer.",
    description="Description",
    date="Date",
    quantity="Quantity",
    unit_price="Unit price",
    vat="VAT",
    amount="Amount",
    continued="continued",
    units={Unit.HOUR: ("h", "h"), Unit.DAY: ("day", "days"), Unit.PIECE: ("pc", "pcs")},
    net="Net amount",
    vat_on="VAT {rate} on {base}",
    vat_categories={
        VatCategory.ZERO: "zero rated",
        VatCategory.REVERSE_CHARGE: "reverse charge",
        VatCategory.EXPORT: "export",
        VatCategory.OUTSIDE_SCOPE: "outside the scope of VAT",
    },
    total="Total due",
    total_credit="Total credited",
    breakdown="Fee and commission",
    breakdown_credited="Fee and commission credited",
    agreement_value="Agreement value (excl. VAT)",
    commission="Platform commission {rate}",
    commission_vat="VAT on the commission {rate}",
    commission_vat_reverse="VAT on the commission: reverse charge",
    payout="Paid to the freelancer",
    payout_how="Total due − commission − VAT on the commission",
    payout_how_credit="Total credited − commission − VAT on the commission",
    payment="Payment",
    references={
        "OCR": "OCR reference",
        "KID": "KID number",
        "FIK": "FIK number",
        "FI": "Reference number",
        "RF": "RF reference",
    },
    reference="Reference",
    amount_due="Amount due",
    credit_nothing_to_pay="Nothing to pay: the amount is credited to invoice {number}.",
    notes="Notes",
    page="Page {page} of {pages}",
)

_BY_LANGUAGE = {"sv": SV, "en": EN}


def texts_for(language: str) -> Texts:
    """Swedish or English; any other language gets English."""
    return _BY_LANGUAGE.get(language, EN)


def party_identifiers(party: Party, texts: Texts, *, seller: bool) -> list[str]:
    """The identifiers the law wants printed for this party, each a short phrase."""
    org_label = texts.org_number.get(party.country, texts.org_number["SE"])
    found: list[str] = []
    if party.country == "NO" and party.org_number:
        # Norway: "Org.nr 923 609 016 MVA" is the VAT registration itself.
        found.append(f"{org_label} {party.org_number}{' MVA' if party.vat_number else ''}")
        if seller and party.limited_company:
            found.append("Foretaksregisteret")
    else:
        if party.org_number:
            found.append(f"{org_label} {party.org_number}")
        if party.vat_number:
            found.append(f"{texts.vat_number} {party.vat_number}")
    if seller and party.limited_company and party.registered_office:
        found.append(f"{texts.registered_office}: {party.registered_office}")
    if seller and party.f_skatt:
        found.append(texts.f_skatt)
    return found


def reference_label(kind: str, texts: Texts) -> str:
    return texts.references.get(kind.upper(), texts.reference)
