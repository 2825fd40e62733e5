"""VAT rates per country and date, which sales carry VAT, the Peppol category codes and the words."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.vat import (
    EU_MEMBER_STATES,
    F_SKATT_TEXT,
    REVERSE_CHARGE_TEXT,
    SENT_ON_BEHALF_TEXT,
    VATEX_CODE,
    charged_rate,
    check_rate,
    is_valid_rate,
    reverse_charge_text,
    sent_on_behalf_text,
    standard_rate,
    vat_category_code,
    vat_exemption_reason_code,
    vat_rates,
    vat_treatment,
)

D = Decimal
NORDIC = ["SE", "NO", "DK", "FI"]


@pytest.mark.parametrize(
    ("country", "rates"),
    [
        ("SE", ["25", "12", "6", "0"]),
        ("NO", ["25", "15", "12", "0"]),
        ("DK", ["25", "0"]),
        ("FI", ["25.5", "13.5", "10", "0"]),  # since 2026-01-01
    ],
)
def test_current_rates(country: str, rates: list[str]) -> None:
    assert vat_rates(country) == tuple(D(r) for r in rates)
    assert vat_rates(country.lower()) == vat_rates(country)
    assert standard_rate(country) == D(rates[0])
    for rate in rates:
        assert is_valid_rate(country, D(rate))
        assert check_rate(country, D(rate)) == D(rate)
    assert all(isinstance(r, Decimal) for r in vat_rates(country))


@pytest.mark.parametrize(
    ("on", "standard", "reduced"),
    [
        (date(2024, 8, 31), "24", "14"),
        (date(2024, 9, 1), "25.5", "14"),
        (date(2025, 12, 31), "25.5", "14"),  # December's work is invoiced at December's rates
        (date(2026, 1, 1), "25.5", "13.5"),
        (date(2026, 11, 26), "25.5", "13.5"),
    ],
)
def test_finnish_rates_follow_the_date_of_supply(on: date, standard: str, reduced: str) -> None:
    assert standard_rate("FI", on) == D(standard)
    assert vat_rates("FI", on)[1] == D(reduced)
    assert is_valid_rate("FI", D(reduced), on)


def test_a_rate_the_country_does_not_have() -> None:
    assert not is_valid_rate("SE", D("25.5"))
    assert not is_valid_rate("DK", D("12"))
    assert not is_valid_rate("FI", D("14"), date(2026, 3, 1))
    assert not is_valid_rate("FI", D("24"))
    with pytest.raises(
        ValidationError, match=r"Finland has no 14 % VAT rate on 2026-03-01; its rates are 25\.5"
    ):
        check_rate("FI", D("14"), date(2026, 3, 1))
    with pytest.raises(ValidationError, match="Denmark has no 12 % VAT rate; its rates are 25 and 0 %"):
        check_rate("DK", 12)


def test_equal_decimals_are_the_same_rate() -> None:
    assert is_valid_rate("SE", D("25.00"))
    assert is_valid_rate("SE", 25)
    assert is_valid_rate("FI", D("25.50"))
    assert is_valid_rate("SE", D("0.0"))


def test_floats_and_unknown_countries_are_refused() -> None:
    with pytest.raises(TypeError):
        is_valid_rate("SE", 25.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        is_valid_rate("SE", True)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not for DE"):
        vat_rates("DE")
    with pytest.raises(ValidationError):
        vat_rates("Sweden")
    with pytest.raises(ValidationError, match="before 2013-01-01"):
        vat_rates("FI", date(2012, 12, 31))
    with pytest.raises(ValidationError):
        check_rate("SE", D("NaN"))


# --- treatment -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seller", "buyer", "registered", "treatment"),
    [
        ("SE", "SE", True, "domestic"),
        ("SE", "SE", False, "domestic"),
        ("SE", "DK", True, "reverse_charge"),
        ("SE", "FI", True, "reverse_charge"),
        ("SE", "DE", True, "reverse_charge"),
        ("SE", "DK", False, "domestic"),  # a consumer in another EU country pays the seller's VAT
        ("DK", "SE", True, "reverse_charge"),
        ("FI", "SE", True, "reverse_charge"),
        ("FI", "EL", True, "reverse_charge"),  # Greece by its VAT prefix
        ("SE", "NO", True, "export"),
        ("SE", "NO", False, "export"),
        ("DK", "NO", True, "export"),
        ("FI", "GB", True, "export"),
        ("SE", "US", False, "export"),
        ("NO", "NO", True, "domestic"),
        ("NO", "SE", True, "export"),
        ("NO", "DK", False, "export"),
        ("NO", "FI", True, "export"),
        ("NO", "US", True, "export"),
    ],
)
def test_vat_treatment(seller: str, buyer: str, registered: bool, treatment: str) -> None:
    assert vat_treatment(seller, buyer, registered) == treatment
    assert vat_treatment(seller.lower(), buyer.lower(), registered) == treatment


@given(
    st.sampled_from(NORDIC),
    st.sampled_from([*NORDIC, "DE", "FR", "GR", "GB", "US", "CH", "IS"]),
    st.booleans(),
)
def test_vat_treatment_rules(seller: str, buyer: str, registered: bool) -> None:
    treatment = vat_treatment(seller, buyer, registered)
    if seller == buyer:
        assert treatment == "domestic"
    elif "NO" in (seller, buyer) or buyer not in EU_MEMBER_STATES:
        assert treatment == "export"
    else:
        assert treatment == ("reverse_charge" if registered else "domestic")


def test_vat_treatment_refusals() -> None:
    with pytest.raises(ValidationError, match="not for DE"):
        vat_treatment("DE", "SE", True)
    with pytest.raises(ValidationError):
        vat_treatment("SE", "Sverige", True)
    with pytest.raises(TypeError):
        vat_treatment("SE", "DK", "yes")  # type: ignore[arg-type]


def test_norway_is_not_in_the_eu() -> None:
    assert "NO" not in EU_MEMBER_STATES
    assert {"SE", "DK", "FI"} <= EU_MEMBER_STATES
    assert len(EU_MEMBER_STATES) == 27


# --- Peppol category codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("treatment", "rate", "registered", "code"),
    [
        ("domestic", D("25"), True, "S"),
        ("domestic", D("6"), True, "S"),
        ("domestic", D("0"), True, "Z"),
        ("reverse_charge", D("0"), True, "AE"),
        ("export", D("0"), True, "G"),
        ("domestic", D("25"), False, "O"),
        ("export", D("0"), False, "O"),
    ],
)
def test_category_codes(treatment: str, rate: Decimal, registered: bool, code: str) -> None:
    assert vat_category_code(treatment, rate, seller_vat_registered=registered) == code  # type: ignore[arg-type]


def test_lines_without_vat_carry_zero() -> None:
    assert charged_rate("domestic", D("25")) == D("25")
    assert charged_rate("reverse_charge", D("25")) == 0
    assert charged_rate("export", D("25")) == 0
    with pytest.raises(ValidationError, match="reverse charge carries 0 % VAT, not 25 %"):
        vat_category_code("reverse_charge", D("25"))
    with pytest.raises(ValidationError, match="export carries 0 % VAT"):
        vat_category_code("export", D("12.5"))
    with pytest.raises(ValidationError, match="negative"):
        vat_category_code("domestic", D("-25"))


def test_exemption_reasons() -> None:
    assert vat_exemption_reason_code("AE") == "VATEX-EU-AE"
    assert vat_exemption_reason_code("G") == "VATEX-EU-G"
    assert vat_exemption_reason_code("O") == "VATEX-EU-O"
    assert vat_exemption_reason_code("S") is None
    assert vat_exemption_reason_code("Z") is None


def test_codes_are_in_the_official_code_lists() -> None:
    from tests.peppol.validate import peppol_dir  # skips (fails in CI) without the official files

    folder = peppol_dir()
    rules = (folder / "CEN-EN16931-UBL.sch").read_text(encoding="utf-8")
    # BR-CL-17/18: the UNCL5305 codes allowed for VAT categories.
    category_list = re.search(r"id=\"BR-CL-18\".*?test=\"(.*?)\"", rules, re.DOTALL)
    assert category_list is not None
    for code in ("S", "Z", "AE", "G", "O"):
        assert f" {code} " in category_list.group(1)
    for vatex in VATEX_CODE.values():
        assert vatex in rules
    peppol = (folder / "PEPPOL-EN16931-UBL.sch").read_text(encoding="utf-8")
    # SE-R-006: a Swedish seller's standard-rated lines are 25, 12 or 6 %.
    se_r_006 = re.search(r"id=\"SE-R-006\"\s+test=\"(.*?)\"", peppol, re.DOTALL)
    assert se_r_006 is not None
    allowed = {D(n) for n in re.findall(r"= (\d+)", se_r_006.group(1))}
    assert allowed == {r for r in vat_rates("SE") if r > 0}
    # SE-R-005: the F-tax text.
    assert F_SKATT_TEXT.upper() == "GODKÄND FÖR F-SKATT"
    assert "'GODKÄND FÖR F-SKATT'" in peppol


# --- the words -----------------------------------------------------------------------------------


def test_legal_phrases() -> None:
    assert REVERSE_CHARGE_TEXT["sv"] == "Omvänd betalningsskyldighet"
    assert REVERSE_CHARGE_TEXT["en"] == "Reverse charge"
    assert reverse_charge_text("sv-SE") == "Omvänd betalningsskyldighet"
    assert reverse_charge_text("EN_GB") == "Reverse charge"
    assert reverse_charge_text("no") == REVERSE_CHARGE_TEXT["nb"]
    with pytest.raises(ValidationError, match="no reverse-charge text"):
        reverse_charge_text("")


def test_the_platform_sends_on_the_sellers_behalf_never_self_billing() -> None:
    """The seller issues hourly and daily invoices; the platform only sends them and is paid for the
    seller (INVOICING.md): no text may call that self-billing."""
    sv = sent_on_behalf_text("sv-SE", "Plattform AB")
    en = sent_on_behalf_text("en", "Plattform AB")
    assert sv.startswith("Skickad av Plattform AB för säljarens räkning.")
    assert en.startswith("Sent by Plattform AB on the seller's behalf.")
    assert sent_on_behalf_text("de", "P") == sent_on_behalf_text("en", "P")
    for text in (*SENT_ON_BEHALF_TEXT.values(), sv, en):
        assert "själv" not in text.lower()
        assert "self" not in text.lower()
    import coapp.domain.vat as vat

    assert not hasattr(vat, "self_billing_text")
