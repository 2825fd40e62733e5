"""The contract PDF's words in Swedish and English.

A separate table per language (like the invoice's) so that a translator sees every phrase at once;
placeholders in braces are filled by coapp.documents.contract_pdf. Words the platform sends (a state
or milestone state a newer platform added) fall back to the raw value, never to a crash.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from coapp.domain.contract_states import ContractState
from coapp.domain.contracts import FeeModel, RoundingMode, RoundingScope


@dataclass(frozen=True)
class ContractTexts:
    title: str
    freelancer: str
    client: str
    platform: str
    org_number: dict[str, str]  # by country
    vat_number: str
    assignment: str
    scope: str
    terms: str
    terms_version: str  # {version}
    period: str
    until_further_notice: str
    original_end: str
    ended_on: str
    fee_model: str
    fee_models: dict[FeeModel, str]
    rate: str
    per_unit: dict[FeeModel, str]  # {amount}
    hours_per_day: str
    rounding: str
    rounding_none: str
    rounding_rule: dict[RoundingMode, str]  # {step} {scope}
    rounding_scope: dict[RoundingScope, str]
    payment_terms: str
    days: str  # {days}
    commission_rate: str
    figures: str
    reported: str
    invoiced: str
    hours: str  # {hours}
    agreement_value: str
    vat: str
    commission: str  # {rate}
    commission_vat: str  # {rate}
    commission_vat_reverse: str
    payout: str
    budget: str
    milestones_total: str
    budget_left: str
    milestones: str
    milestone: str
    due: str
    amount: str  # {currency}
    milestone_state: str
    milestone_states: dict[str, str]
    continued: str
    status: str
    states: dict[ContractState, str]
    reason: str
    signature: str
    signed: str  # {name} {at} {version}
    moment: str  # {date} {time}
    offer_unsigned: str
    signed_elsewhere: str
    own_contract: str
    printed: str  # {date}
    page: str  # {page} {pages}


SV = ContractTexts(
    title="Avtal",
    freelancer="Konsult",
    client="Kund",
    platform="Plattform",
    org_number={"SE": "Org.nr", "NO": "Org.nr", "DK": "CVR-nr", "FI": "FO-nummer"},
    vat_number="Momsreg.nr",
    assignment="Uppdrag",
    scope="Omfattning",
    terms="Villkor",
    terms_version="Villkorsversion {version}",
    period="Period",
    until_further_notice="tills vidare",
    original_end="Ursprungligt slutdatum",
    ended_on="Avslutat",
    fee_model="Arvodesform",
    fee_models={FeeModel.HOURLY: "Timarvode", FeeModel.DAILY: "Dagsarvode", FeeModel.FIXED: "Fast pris"},
    rate="Arvode",
    per_unit={FeeModel.HOURLY: "{amount} per timme", FeeModel.DAILY: "{amount} per dag",
              FeeModel.FIXED: "{amount} totalt"},
    hours_per_day="Timmar per dag",
    rounding="Avrundning av tid",
    rounding_none="Ingen (minutexakt)",
    rounding_rule={RoundingMode.UP: "Uppåt till hela {step} min, per {scope}",
                   RoundingMode.NEAREST: "Till närmaste {step} min, per {scope}"},
    rounding_scope={RoundingScope.ENTRY: "tidspost", RoundingScope.DAY: "dag"},
    payment_terms="Betalningsvillkor",
    days="{days} dagar",
    commission_rate="Plattformens provision",
    figures="Hittills",
    reported="Rapporterad tid",
    invoiced="Fakturerad tid",
    hours="{hours} tim",
    agreement_value="Avtalsvärde (exkl. moms)",
    vat="Moms",
    commission="Provision {rate}",
    commission_vat="Moms på provisionen {rate}",
    commission_vat_reverse="Moms på provisionen: omvänd betalningsskyldighet",
    payout="Utbetalning till konsulten",
    budget="Fast pris",
    milestones_total="Delmål sammanlagt",
    budget_left="Kvar av budgeten",
    milestones="Delmål",
    milestone="Delmål",
    due="Förfaller",
    amount="Belopp ({currency})",
    milestone_state="Status",
    milestone_states={"planned": "Planerat", "ready": "Klart att fakturera", "invoiced": "Fakturerat",
                      "paid": "Betalt"},
    continued="(forts.)",
    status="Status",
    states={ContractState.OFFERED: "Erbjudet", ContractState.SIGNED: "Signerat",
            ContractState.ACTIVE: "Aktivt", ContractState.ENDED: "Avslutat",
            ContractState.TERMINATED: "Uppsagt"},
    reason="Anledning",
    signature="Underskrift",
    signed="Signerat av {name} den {at}, villkorsversion {version}",
    moment="{date} kl.\u00a0{time}\u00a0UTC",
    offer_unsigned="Erbjudande — inte signerat",
    signed_elsewhere="Signerat den {at}, villkorsversion {version}",
    own_contract="Eget avtal — signeras inte via plattformen",
    printed="Utskrivet {date}",
    page="Sida {page} av {pages}",
)  # fmt: skip

EN = ContractTexts(
    title="Contract",
    freelancer="Consultant",
    client="Client",
    platform="Platform",
    org_number={"SE": "Org. no.", "NO": "Org. no.", "DK": "CVR no.", "FI": "Business ID"},
    vat_number="VAT no.",
    assignment="Assignment",
    scope="Scope",
    terms="Terms",
    terms_version="Terms version {version}",
    period="Period",
    until_further_notice="until further notice",
    original_end="Original end date",
    ended_on="Ended",
    fee_model="Fee model",
    fee_models={FeeModel.HOURLY: "Hourly", FeeModel.DAILY: "Daily rate", FeeModel.FIXED: "Fixed fee"},
    rate="Rate",
    per_unit={FeeModel.HOURLY: "{amount} per hour", FeeModel.DAILY: "{amount} per day",
              FeeModel.FIXED: "{amount} in total"},
    hours_per_day="Hours per day",
    rounding="Time rounding",
    rounding_none="None (to the minute)",
    rounding_rule={RoundingMode.UP: "Up to whole {step} min, per {scope}",
                   RoundingMode.NEAREST: "To the nearest {step} min, per {scope}"},
    rounding_scope={RoundingScope.ENTRY: "entry", RoundingScope.DAY: "day"},
    payment_terms="Payment terms",
    days="{days} days",
    commission_rate="Platform commission",
    figures="So far",
    reported="Reported time",
    invoiced="Invoiced time",
    hours="{hours} h",
    agreement_value="Agreement value (excl. VAT)",
    vat="VAT",
    commission="Commission {rate}",
    commission_vat="VAT on the commission {rate}",
    commission_vat_reverse="VAT on the commission: reverse charge",
    payout="Paid out to the consultant",
    budget="Fixed fee",
    milestones_total="Milestones in total",
    budget_left="Budget left",
    milestones="Milestones",
    milestone="Milestone",
    due="Due",
    amount="Amount ({currency})",
    milestone_state="State",
    milestone_states={"planned": "Planned", "ready": "Ready to invoice", "invoiced": "Invoiced",
                      "paid": "Paid"},
    continued="(continued)",
    status="State",
    states={ContractState.OFFERED: "Offered", ContractState.SIGNED: "Signed",
            ContractState.ACTIVE: "Active", ContractState.ENDED: "Ended",
            ContractState.TERMINATED: "Terminated"},
    reason="Reason",
    signature="Signature",
    signed="Signed by {name} on {at}, terms version {version}",
    moment="{date} at {time}\u00a0UTC",
    offer_unsigned="Offer — not signed",
    signed_elsewhere="Signed on {at}, terms version {version}",
    own_contract="Own contract — not signed through the platform",
    printed="Printed {date}",
    page="Page {page} of {pages}",
)  # fmt: skip

_BY_LANGUAGE = {"sv": SV, "en": EN}


def contract_texts(language: str) -> ContractTexts:
    """Swedish or English; any other language gets English (as the invoice does)."""
    return _BY_LANGUAGE.get(language, EN)


# Control, format (bidi overrides), surrogate, private-use and unassigned characters.
_NOT_PRINTED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_LINE_BREAKS = frozenset({"\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"})


def printable(text: str | None, *, lines: bool = False) -> str:
    """*text* with every character that is not drawn as itself replaced by a space; with *lines*
    the line breaks (of any convention) stay as "\\n", else they become spaces too."""
    out = []
    for ch in unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n")):
        if ch in _LINE_BREAKS:
            out.append("\n" if lines else " ")
        elif unicodedata.category(ch) in _NOT_PRINTED or ch in "\u00ad":
            out.append(" ")
        else:
            out.append(ch)
    cleaned = "".join(out)
    if lines:
        return "\n".join(" ".join(part.split()) for part in cleaned.split("\n")).strip("\n")
    return " ".join(cleaned.split())
