"""Organisation and VAT numbers, bankgiro, plusgiro, IBAN and BIC: real numbers pass, typos are caught
with a reason, and check digits agree with the published algorithms written out independently here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.identifiers import (
    IDENTIFIER_KINDS,
    format_bankgiro,
    format_iban,
    format_no_account_number,
    format_org_number,
    format_plusgiro,
    format_vat_number,
    identifier_problem,
    normalise_country,
    org_number_from_vat_number,
    validate_bankgiro,
    validate_bic,
    validate_dk_cvr,
    validate_fi_business_id,
    validate_iban,
    validate_identifier,
    validate_no_account_number,
    validate_no_org_number,
    validate_org_number,
    validate_plusgiro,
    validate_se_org_number,
    validate_vat_number,
    vat_number_from_org_number,
)

# --- the check algorithms, written out from their published descriptions -------------------------


def luhn_check_digit(digits: str) -> str:
    """Luhn: from the right, double every second digit starting with the one next to the check digit."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def no_orgnr_check_digit(digits8: str) -> str | None:
    """Brønnøysundregistrene: weights 3 2 7 6 5 4 3 2, check = 11 - sum mod 11 (11 → 0, 10 → unusable)."""
    total = sum(int(d) * w for d, w in zip(digits8, (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    return None if check == 10 else str(check % 11)


def dk_cvr_is_valid(digits8: str) -> bool:
    """Erhvervsstyrelsen: weights 2 7 6 5 4 3 2 1, the weighted sum is divisible by 11."""
    return sum(int(d) * w for d, w in zip(digits8, (2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


def fi_ytunnus_check_digit(digits7: str) -> str | None:
    """PRH: weights 7 9 10 5 8 4 2; remainder 0 → 0, remainder 1 → unusable, otherwise 11 - remainder."""
    remainder = sum(int(d) * w for d, w in zip(digits7, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return None
    return "0" if remainder == 0 else str(11 - remainder)


def iban_is_valid_checksum(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


# --- real, public numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "text", "compact", "shown"),
    [
        ("SE", "556012-5790", "5560125790", "556012-5790"),  # AB Volvo
        ("SE", "556016-0680", "5560160680", "556016-0680"),  # Telefonaktiebolaget LM Ericsson
        ("SE", "556042-7220", "5560427220", "556042-7220"),  # H & M Hennes & Mauritz AB
        ("SE", "5560360793", "5560360793", "556036-0793"),  # Saab AB
        ("NO", "923 609 016", "923609016", "923 609 016"),  # Equinor ASA
        ("NO", "984851006", "984851006", "984 851 006"),  # DNB Bank ASA
        ("DK", "24256790", "24256790", "24256790"),  # Novo Nordisk A/S
        ("DK", "22 75 62 14", "22756214", "22756214"),  # A.P. Møller - Mærsk A/S
        ("FI", "0112038-9", "01120389", "0112038-9"),  # Nokia Oyj
        ("FI", "1927400-1", "19274001", "1927400-1"),  # Kone Oyj
    ],
)
def test_real_organisation_numbers(country: str, text: str, compact: str, shown: str) -> None:
    assert validate_org_number(text, country) == compact
    assert validate_org_number(text, country.lower()) == compact
    assert format_org_number(text, country) == shown
    assert identifier_problem("org_number", text, country) is None


@pytest.mark.parametrize(
    ("country", "org", "vat", "shown"),
    [
        ("SE", "5560360793", "SE556036079301", "SE556036079301"),
        ("SE", "556012-5790", "SE556012579001", "SE556012579001"),
        ("NO", "923609016", "NO923609016MVA", "NO 923 609 016 MVA"),
        ("DK", "24256790", "DK24256790", "DK24256790"),
        ("FI", "0112038-9", "FI01120389", "FI01120389"),
    ],
)
def test_vat_numbers_from_organisation_numbers(country: str, org: str, vat: str, shown: str) -> None:
    assert vat_number_from_org_number(org, country) == vat
    assert validate_vat_number(vat, country) == vat
    assert format_vat_number(vat, country) == shown
    assert org_number_from_vat_number(vat, country) == validate_org_number(org, country)


@pytest.mark.parametrize(
    ("country", "text", "canonical"),
    [
        ("SE", "se 556036-0793 01", "SE556036079301"),
        ("SE", "556036079301", "SE556036079301"),  # without the prefix
        ("SE", "SE\u00a05560360793\u00a001", "SE556036079301"),  # no-break spaces from a PDF
        ("NO", "NO 923 609 016 MVA", "NO923609016MVA"),
        ("NO", "923609016mva", "NO923609016MVA"),
        ("DK", "dk-24 25 67 90", "DK24256790"),
        ("DK", "24256790", "DK24256790"),
        ("FI", "FI 0112038-9", "FI01120389"),
        ("FI", "01120389", "FI01120389"),
        ("DE", "DE136695976", "DE136695976"),  # a buyer elsewhere in the EU: stdnum.vatin
        ("DE", "136695976", "DE136695976"),
        ("GR", "094259216", "EL094259216"),  # Greece's VAT prefix is EL
        ("FR", "FR 40 303 265 045", "FR40303265045"),
    ],
)
def test_vat_numbers_lenient_in_strict_out(country: str, text: str, canonical: str) -> None:
    assert validate_vat_number(text, country) == canonical


@pytest.mark.parametrize(
    ("text", "compact"),
    [
        ("  556036-0793 ", "5560360793"),
        ("556036 0793", "5560360793"),
        ("556036–0793", "5560360793"),  # en dash from a word processor
        ("16 556036-0793", "5560360793"),  # the 16 prefix of 12-digit company numbers
        ("19811218-9876", "8112189876"),  # a sole trader: the personal identity number with century
    ],
)
def test_swedish_organisation_number_input_forms(text: str, compact: str) -> None:
    assert validate_se_org_number(text) == compact


def test_old_six_digit_business_id_gets_its_zero() -> None:
    assert validate_fi_business_id("112038-9") == "01120389"


@pytest.mark.parametrize(
    ("kind", "country", "text", "reason"),
    [
        ("org_number", "SE", "556036-0794", "wrong check digit"),
        ("org_number", "SE", "556036-079", "too short: 9 digits instead of 10"),
        ("org_number", "SE", "556036-07930", "too long: 11 digits instead of 10"),
        ("org_number", "SE", "556036-O793", "only digits"),  # letter O for zero
        ("org_number", "SE", "19811318-9876", "too long: 12 digits"),  # no 13th month
        ("org_number", "NO", "923 609 017", "wrong check digit"),
        ("org_number", "NO", "SE923609016", "must start with NO"),
        ("org_number", "DK", "24256791", "wrong check digit"),
        ("org_number", "DK", "04256790", "starts with 0"),
        ("org_number", "FI", "0112038-8", "wrong check digit"),
        ("vat_number", "SE", "DK24256790", "starts with DK; it must start with SE"),
        ("vat_number", "SE", "SE556036079302", "must end with 01"),
        ("vat_number", "SE", "SE556036079401", "wrong check digit"),
        ("vat_number", "SE", "5560360793", "SE5560360793" + "01"),  # names the right number
        ("vat_number", "NO", "923609016", "NO923609016MVA"),
        ("vat_number", "NO", "NO 923 609 017 MVA", "wrong check digit"),
        ("vat_number", "NO", "NO 923 609 01 MVA", "too short"),
        ("vat_number", "DK", "SE24256790", "must start with DK"),
        ("vat_number", "FI", "FI01120388", "wrong check digit"),
        ("vat_number", "DE", "SE556036079301", "must start with DE"),
        ("vat_number", "DE", "DE136695977", "wrong check digit"),
        ("vat_number", "US", "12-3456789", "cannot be checked"),
        ("bankgiro", None, "5050-1056", "wrong check digit"),
        ("bankgiro", None, "505-105", "too short: 6 digits instead of 7 or 8"),
        ("bankgiro", None, "5050-10555", "too long"),
        ("plusgiro", None, "90 20 01-8", "wrong check digit"),
        ("plusgiro", None, "1", "too short: 1 digit instead of 2 to 8"),
        ("iban", None, "SE45 5000 0000 0583 9825 7467", "wrong check digits"),
        ("iban", None, "SE45 5000 0000 0583 9825 746", "length or structure of a SE IBAN"),
        ("iban", None, "XX45 5000 0000 0583 9825 7466", "XX is not a country with IBANs"),
        ("iban", None, "5000 0000 0583 9825 7466", "starts with a country code"),
        ("iban", None, "NO93 8601 1117 948", "account number in it has a wrong check digit"),
        (
            "iban",
            None,
            "BE68 5390 0754 7034",
            "the bank code in it belongs to no bank",
        ),  # not "BE is not a country"
        ("bic", None, "ESSESES", "7 characters; it has 8 or 11"),
        ("bic", None, "E", "has 1 character; it has 8 or 11"),
        ("bic", None, "ESSEXXSS", "XX (letters 5 and 6) is not a country code"),
        ("bic", None, "E5SESESS", "4 letters for the bank"),
        ("no_account", None, "8601.11.17948", "wrong check digit"),
    ],
)
def test_problems_are_named(kind: str, country: str | None, text: str, reason: str) -> None:
    problem = identifier_problem(kind, text, country)  # type: ignore[arg-type]
    assert problem is not None
    assert reason in problem
    with pytest.raises(ValidationError, match=re.escape(reason)):
        validate_identifier(kind, text, country)  # type: ignore[arg-type]


def test_identifier_problem_is_quiet_for_empty_fields_and_loud_for_bugs() -> None:
    assert identifier_problem("org_number", "", "SE") is None
    assert identifier_problem("iban", "   ", None) is None
    assert str(identifier_problem("org_number", "5560360793", None)) == (
        "choose the country first: the number's rules depend on it"
    )
    problem = identifier_problem("org_number", "5560360793", "DE")
    assert problem is not None
    assert "SE, NO, DK, FI" in problem
    with pytest.raises(ValueError, match="unknown identifier kind"):
        identifier_problem("ssn", "1", "SE")  # type: ignore[arg-type]


def test_long_pasted_text_is_cut_short_in_messages() -> None:
    problem = identifier_problem("bankgiro", "x" * 500, None)
    assert problem is not None
    assert len(str(problem)) < 200


def test_country_codes() -> None:
    assert normalise_country(" se ") == "SE"
    assert normalise_country("EL") == "GR"
    for bad in ("", "S", "SWE", "S1", "Ö1"):
        with pytest.raises(ValidationError):
            normalise_country(bad)


# --- payment accounts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compact", "shown"),
    [
        ("5050-1055", "50501055", "5050-1055"),  # Bankgirot's example number
        ("991-2346", "9912346", "991-2346"),  # Bankgirot's example number in its file manuals
        (" 9912346 ", "9912346", "991-2346"),
    ],
)
def test_bankgiro(text: str, compact: str, shown: str) -> None:
    assert validate_bankgiro(text) == compact
    assert format_bankgiro(text) == shown


@pytest.mark.parametrize(
    ("body", "shown_body"),
    [("1", "1"), ("12", "12"), ("123", "1 23"), ("902001", "90 20 01"), ("4100000", "4 10 00 00")],
)
def test_plusgiro_format(body: str, shown_body: str) -> None:
    number = body + luhn_check_digit(body)
    assert validate_plusgiro(number) == number
    assert format_plusgiro(number) == f"{shown_body}-{number[-1]}"


@pytest.mark.parametrize(
    ("text", "compact", "shown"),
    [
        ("SE45 5000 0000 0583 9825 7466", "SE4550000000058398257466", "SE45 5000 0000 0583 9825 7466"),
        ("no93 8601 1117 947", "NO9386011117947", "NO93 8601 1117 947"),
        ("DK50 0040 0440 1162 43", "DK5000400440116243", "DK50 0040 0440 1162 43"),
        ("FI21-1234-5600-0007-85", "FI2112345600000785", "FI21 1234 5600 0007 85"),
    ],
)
def test_iban(text: str, compact: str, shown: str) -> None:
    assert validate_iban(text) == compact
    assert iban_is_valid_checksum(compact)
    assert format_iban(text) == shown


@pytest.mark.parametrize(
    ("text", "compact"),
    [
        ("ESSESESS", "ESSESESS"),
        ("handsess", "HANDSESS"),
        ("DABA DK KK", "DABADKKK"),
        ("NDEAFIHHXXX", "NDEAFIHHXXX"),
    ],
)
def test_bic(text: str, compact: str) -> None:
    assert validate_bic(text) == compact


def test_norwegian_account_number() -> None:
    assert validate_no_account_number("8601 11 17947") == "86011117947"
    assert format_no_account_number("86011117947") == "8601.11.17947"


# --- the check digits agree with the published algorithms ----------------------------------------

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


@given(nine_digits)
def test_swedish_organisation_number_is_luhn(body: str) -> None:
    right = luhn_check_digit(body)
    assert validate_se_org_number(body + right) == body + right
    for wrong in set("0123456789") - {right}:
        with pytest.raises(ValidationError, match="wrong check digit"):
            validate_se_org_number(body + wrong)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_norwegian_organisation_number_is_mod11(body: str) -> None:
    right = no_orgnr_check_digit(body)
    for digit in "0123456789":
        if digit == right:
            assert validate_no_org_number(body + digit) == body + digit
        else:
            with pytest.raises(ValidationError, match="wrong check digit"):
                validate_no_org_number(body + digit)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8).filter(lambda s: s[0] != "0"))
def test_danish_cvr_is_mod11(number: str) -> None:
    if dk_cvr_is_valid(number):
        assert validate_dk_cvr(number) == number
        assert validate_vat_number("DK" + number, "DK") == "DK" + number
    else:
        with pytest.raises(ValidationError, match="wrong check digit"):
            validate_dk_cvr(number)


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_finnish_business_id_check(body: str) -> None:
    right = fi_ytunnus_check_digit(body)
    for digit in "0123456789":
        if digit == right:
            assert validate_fi_business_id(f"{body}-{digit}") == body + digit
        else:
            with pytest.raises(ValidationError, match="wrong check digit"):
                validate_fi_business_id(f"{body}-{digit}")


@given(st.text(alphabet="0123456789", min_size=6, max_size=7))
def test_bankgiro_is_luhn(body: str) -> None:
    number = body + luhn_check_digit(body)
    assert validate_bankgiro(number) == number
    assert format_bankgiro(number).replace("-", "") == number
    assert format_bankgiro(number)[-5] == "-"


@given(nine_digits)
def test_vat_number_round_trip(body: str) -> None:
    org = body + luhn_check_digit(body)
    vat = vat_number_from_org_number(org, "SE")
    assert vat == f"SE{org}01"
    assert org_number_from_vat_number(vat, "SE") == org


# --- anything typed gives a value or a ValidationError, nothing else ------------------------------

digit_strings = st.text(alphabet="0123456789", max_size=30)
typed = st.one_of(
    digit_strings,
    st.text(alphabet="0123456789 -SENODKFIMVAsemva.", max_size=30),
    st.text(max_size=30),
)


@given(typed, st.sampled_from(IDENTIFIER_KINDS), st.sampled_from(["SE", "NO", "DK", "FI", "DE", "GB", "US"]))
def test_any_text_validates_or_raises_validation_error(text: str, kind: str, country: str) -> None:
    try:
        result: str | ValidationError = validate_identifier(kind, text, country)  # type: ignore[arg-type]
    except ValidationError as err:
        result = err
    if isinstance(result, ValidationError):
        assert str(result)
        problem = identifier_problem(kind, text, country)  # type: ignore[arg-type]
        assert problem is None or str(problem) == str(result)
    else:
        assert result == result.strip().upper()
        assert " " not in result
        # Strict output is accepted again as input and stays the same.
        assert validate_identifier(kind, result, country) == result  # type: ignore[arg-type]
