"""VAT rates of the Nordic countries, which sales carry VAT, and the words an invoice must use.

Rates are Decimal percentages and depend on the date of supply (the tax point: when the service
was performed), so each function takes an optional ``on`` date; without it the rates in force now
(the newest period below) apply.

Sources and assumptions (checked in November 2026):

- SE 25 / 12 / 6 / 0 (mervärdesskattelagen 2023:200, ch. 9). Food moved temporarily from 12 to 6 %
  from 2026-04-01 to 2027-12-31 (prop. 2025/26:55); the set of rates is unchanged.
- NO 25 / 15 / 12 / 0 (merverdiavgiftsloven; Stortinget's decision on VAT for 2026). The 11.11 %
  rate for sales of raw fish is left out: it is not for services.
- DK 25 / 0 (momsloven).
- FI 25.5 % standard since 2024-09-01 (24 % before). The reduced rate of 14 % became 13.5 % on
  2026-01-01 (Finnish 2026 budget law; Vero.fi guidance on the rate change); 10 % remains for
  newspapers and periodicals. So in 2026: 25.5 / 13.5 / 10 / 0, and a supply performed in 2025 still
  carries 25.5 / 14 / 10 / 0. The task description said 14 %; that was the rate until 2025-12-31.
- Rates before the first period listed here are not known to coapp (a ValidationError).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from coapp.domain.errors import ValidationError
from coapp.domain.identifiers import NORDIC_COUNTRIES, normalise_country

VatTreatment = Literal["domestic", "reverse_charge", "export"]
VatCategory = Literal["S", "Z", "AE", "G", "O"]

# The 27 EU member states (ISO codes; Greece's VAT prefix is EL, its ISO code GR). Norway is in the
# EEA but not in the EU VAT area.
EU_MEMBER_STATES = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip


def _rates(*percentages: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(p) for p in percentages)


# Per country: (first day, rates from that day on, highest first), oldest period first.
VAT_RATE_HISTORY: dict[str, tuple[tuple[date, tuple[Decimal, ...]], ...]] = {
    "SE": ((date(1996, 1, 1), _rates("25", "12", "6", "0")),),
    "NO": ((date(2018, 1, 1), _rates("25", "15", "12", "0")),),
    "DK": ((date(1992, 1, 1), _rates("25", "0")),),
    "FI": (
        (date(2013, 1, 1), _rates("24", "14", "10", "0")),
        (date(2024, 9, 1), _rates("25.5", "14", "10", "0")),
        (date(2026, 1, 1), _rates("25.5", "13.5", "10", "0")),
    ),
}

_COUNTRY_NAME = {"SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland"}


def _seller_country(country: str) -> str:
    code = normalise_country(country)
    if code not in NORDIC_COUNTRIES:
        raise ValidationError(
            "VAT rules are known for {countries}, not for {code}",
            countries=", ".join(NORDIC_COUNTRIES),
            code=code,
        )
    return code


def vat_rates(country: str, on: date | None = None) -> tuple[Decimal, ...]:
    """The VAT rates of a Nordic *country* on the date *on* (default: today's rates), highest first."""
    code = _seller_country(country)
    history = VAT_RATE_HISTORY[code]
    if on is None:
        return history[-1][1]
    if not isinstance(on, date):
        raise ValidationError("a VAT date must be a date, not {kind}", kind=type(on).__name__)
    if on < history[0][0]:
        raise ValidationError(
            "VAT rates of {country} before {first} are not known to coapp",
            country=_COUNTRY_NAME[code],
            first=history[0][0].isoformat(),
        )
    current = history[0][1]
    for start, rates in history:
        if start <= on:
            current = rates
    return current


def standard_rate(country: str, on: date | None = None) -> Decimal:
    """The standard VAT rate of *country*: 25 % in SE, NO and DK; 25.5 % in FI since 2024-09-01."""
    return vat_rates(country, on)[0]


def _as_decimal(rate: Decimal | int) -> Decimal:
    if isinstance(rate, bool) or not isinstance(rate, Decimal | int):
        raise TypeError(f"a VAT rate must be a Decimal (never a float), not {type(rate).__name__}")
    value = Decimal(rate)
    if not value.is_finite():
        raise ValidationError("{rate} is not a VAT rate", rate=rate)
    return value


def is_valid_rate(country: str, rate: Decimal | int, on: date | None = None) -> bool:
    """Whether *country* has the VAT rate *rate* (a percentage; 25 == 25.00) on the date *on*."""
    return _as_decimal(rate) in vat_rates(country, on)


def _percent(rate: Decimal) -> str:
    text = format(rate.normalize(), "f")
    return text


def check_rate(country: str, rate: Decimal | int, on: date | None = None) -> Decimal:
    """*rate* if *country* has it on the date *on*; otherwise a ValidationError naming the rates it has."""
    value = _as_decimal(rate)
    rates = vat_rates(country, on)
    if value not in rates:
        code = normalise_country(country)
        listed = ", ".join(_percent(r) for r in rates[:-1])
        if on is not None:
            raise ValidationError(
                "{country} has no {percent} % VAT rate on {on}; its rates are {listed} and {last} %",
                country=_COUNTRY_NAME[code],
                percent=_percent(value),
                on=on.isoformat(),
                listed=listed,
                last=_percent(rates[-1]),
            )
        raise ValidationError(
            "{country} has no {percent} % VAT rate; its rates are {listed} and {last} %",
            country=_COUNTRY_NAME[code],
            percent=_percent(value),
            listed=listed,
            last=_percent(rates[-1]),
        )
    return value


def vat_treatment(seller_country: str, buyer_country: str, buyer_vat_registered: bool) -> VatTreatment:
    """How VAT applies to a consultant's services sold from *seller_country* to a buyer in *buyer_country*.

    - Same country: "domestic", the seller charges its country's VAT.
    - Seller and buyer in two different EU countries (SE, DK, FI and the other EU members): when the
      buyer is VAT registered (a business) the place of supply is the buyer's country and the buyer
      accounts for the VAT: "reverse_charge" (VAT directive 2006/112/EC art. 44 and 196; the invoice
      says "Reverse charge" / "Omvänd betalningsskyldighet" and shows both VAT numbers). A buyer
      who is not VAT registered is a consumer: the seller charges its own VAT (art. 45), "domestic".
    - Norway is not in the EU. A sale from an EU country to a buyer outside the EU (Norway, the UK,
      ...) and a sale from Norway to any other country are outside the scope of the seller's VAT:
      "export", no VAT on the invoice. For the EU seller the place of supply is the buyer's country
      (art. 44 for businesses, art. 59 for consultancy to consumers outside the EU); for the
      Norwegian seller, services delivered to a buyer abroad are zero-rated (merverdiavgiftsloven
      § 6-22). Norwegian VAT on imported services is the buyer's business (reverse charge there).

    Special territories (Åland, the Canary Islands, ...) and goods are not modelled.
    """
    if not isinstance(buyer_vat_registered, bool):
        raise TypeError("buyer_vat_registered must be True or False")
    seller = _seller_country(seller_country)
    buyer = normalise_country(buyer_country)
    if seller == buyer:
        return "domestic"
    if seller in EU_MEMBER_STATES and buyer in EU_MEMBER_STATES:
        return "reverse_charge" if buyer_vat_registered else "domestic"
    return "export"


def charged_rate(treatment: VatTreatment, rate: Decimal | int) -> Decimal:
    """The rate an invoice line carries: *rate* for a domestic sale, 0 for reverse charge and export."""
    value = _as_decimal(rate)
    if treatment == "domestic":
        return value
    if treatment in ("reverse_charge", "export"):
        return Decimal(0)
    raise ValueError(f"unknown VAT treatment {treatment!r}")


def vat_category_code(
    treatment: VatTreatment, rate: Decimal | int, *, seller_vat_registered: bool = True
) -> VatCategory:
    """The UNCL5305 VAT category code of an invoice line in a Peppol BIS Billing 3.0 (UBL) invoice.

    - "S" standard rated: a domestic sale at a rate above 0 (SE-R-006: a Swedish seller's "S" is
      25, 12 or 6 %).
    - "Z" zero rated: a domestic sale at 0 % (BR-Z-05: rate 0; the seller's VAT number is shown).
    - "AE" VAT reverse charge: rate 0, VAT amount 0, the seller's and the buyer's VAT identifiers
      on the invoice (BR-AE-02, -05, -09) and exemption reason "Reverse charge" (BR-AE-10:
      code VATEX-EU-AE).
    - "G" export outside the EU: rate 0 and the seller's VAT identifier required (BR-G-02, -05);
      reason code VATEX-EU-G (BR-G-10). Chosen over "O" for a VAT-registered seller because "O"
      forbids the seller's and buyer's VAT identifiers on the invoice (BR-O-02).
    - "O" not subject to VAT: a seller who is not VAT registered; the line has no rate (BR-O-05)
      and the invoice no VAT identifiers (BR-O-02); reason code VATEX-EU-O (BR-O-10).

    "E" (exempt) and "K" (intra-community supply of goods) do not occur for consultancy services.
    """
    value = _as_decimal(rate)
    if not seller_vat_registered:
        return "O"
    if treatment == "domestic":
        if value < 0:
            raise ValidationError("a VAT rate cannot be negative ({percent} %)", percent=_percent(value))
        return "S" if value > 0 else "Z"
    if treatment not in ("reverse_charge", "export"):
        raise ValueError(f"unknown VAT treatment {treatment!r}")
    if value != 0:
        what = "reverse charge" if treatment == "reverse_charge" else "export"
        raise ValidationError(
            "a line sold with {what} carries 0 % VAT, not {percent} %", what=what, percent=_percent(value)
        )
    return "AE" if treatment == "reverse_charge" else "G"


# BT-121 VAT exemption reason code (CEF VATEX code list) per category that needs one.
VATEX_CODE: dict[str, str] = {"AE": "VATEX-EU-AE", "G": "VATEX-EU-G", "O": "VATEX-EU-O"}
# BT-120 VAT exemption reason text, as the VATEX code list names them.
VATEX_TEXT_EN: dict[str, str] = {
    "AE": "Reverse charge",
    "G": "Export outside the EU",
    "O": "Not subject to VAT",
}


def vat_exemption_reason_code(category: VatCategory) -> str | None:
    """The VATEX code an invoice gives for a category without VAT; None for "S" and "Z"."""
    return VATEX_CODE.get(category)


# --- the words an invoice must use ---------------------------------------------------------------

# "Reverse charge" mention (directive art. 226 (11a)); Swedish: ML 2023:200 ch. 17 "omvänd
# betalningsskyldighet".
REVERSE_CHARGE_TEXT: dict[str, str] = {
    "sv": "Omvänd betalningsskyldighet",
    "en": "Reverse charge",
    "nb": "Omvendt avgiftsplikt",
    "da": "Omvendt betalingspligt",
    "fi": "Käännetty verovelvollisuus",
}

# An invoice for hourly or daily work is issued by the seller (the freelancer) and sent by the
# platform, which also collects the payment on its client-funds account. It is not self-billing (the
# buyer does not issue it), so no "self-billing" mention; it may say who sends it and who is paid.
SENT_ON_BEHALF_TEXT: dict[str, str] = {
    "sv": "Skickad av {platform} för säljarens räkning. Betala till {platform}, "
    "som tar emot betalningen för säljarens räkning.",
    "en": "Sent by {platform} on the seller's behalf. Pay {platform}, "
    "which receives the payment on the seller's behalf.",
}

# Sweden: a seller approved for F-tax says so; in UBL exactly this text (SE-R-005).
F_SKATT_TEXT = "Godkänd för F-skatt"
# Norway: an AS, ASA or branch of a foreign company shows "Foretaksregisteret" (NO-R-002).
FORETAKSREGISTERET_TEXT = "Foretaksregisteret"


def _language(language: str) -> str:
    if not isinstance(language, str):
        raise ValidationError("a language must be a code such as sv or en")
    code = language.strip().replace("_", "-").split("-")[0].lower()
    return {"no": "nb", "nn": "nb"}.get(code, code)


def reverse_charge_text(language: str) -> str:
    """The reverse-charge statement in *language* ("sv", "en", "sv-SE", ...)."""
    code = _language(language)
    if code not in REVERSE_CHARGE_TEXT:
        raise ValidationError(
            "no reverse-charge text in “{language}”; use one of {languages}",
            language=language,
            languages=", ".join(REVERSE_CHARGE_TEXT),
        )
    return REVERSE_CHARGE_TEXT[code]


def sent_on_behalf_text(language: str, platform: str) -> str:
    """The statement that *platform* sends the invoice and receives the payment on the seller's
    behalf, in *language* ("sv" or "en"; other languages get the English text)."""
    code = _language(language)
    return SENT_ON_BEHALF_TEXT.get(code, SENT_ON_BEHALF_TEXT["en"]).format(platform=platform)
