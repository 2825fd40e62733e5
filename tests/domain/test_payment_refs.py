"""Payment references: published examples, the check algorithms written out independently, round
trips for random bases, and every single-digit typo caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.payment_refs import (
    fik_code_line,
    format_rf,
    format_viitenumero,
    invoice_digits,
    make_fik,
    make_kid,
    make_ocr,
    make_rf,
    make_viitenumero,
    reference_for,
    validate_fik,
    validate_kid,
    validate_ocr,
    validate_reference,
    validate_rf,
    validate_viitenumero,
)

# --- the algorithms, written out from their published descriptions -------------------------------


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def kid_mod11_check(digits: str) -> str:
    """Nets: weights 2..7 repeating from the right; 11 - remainder; 11 → 0, 10 → "-"."""
    weights = [2, 3, 4, 5, 6, 7]
    total = sum(int(d) * weights[i % 6] for i, d in enumerate(reversed(digits)))
    check = 11 - total % 11
    return {10: "-", 11: "0"}.get(check, str(check))


def viite_check(digits: str) -> str:
    """Finance Finland: weights 7, 3, 1 from the right; up to the next multiple of ten."""
    weights = [7, 3, 1]
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def rf_is_valid(reference: str) -> bool:
    """ISO 11649: move "RFcc" to the end, letters to numbers (A=10 ... Z=35), mod 97 must be 1."""
    moved = reference[4:] + reference[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


bases = st.text(alphabet="0123456789", min_size=1, max_size=18)


def one_digit_changed(reference: str, data: st.DataObject, positions: range | None = None) -> str:
    """The reference with one digit replaced by a different digit."""
    candidates = [i for i in positions or range(len(reference)) if reference[i].isdigit()]
    i = data.draw(st.sampled_from(candidates))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != reference[i]]))
    return reference[:i] + new + reference[i + 1 :]


# --- Swedish OCR ---------------------------------------------------------------------------------


def test_ocr_known_cases() -> None:
    assert make_ocr("1234567") == "12345674"
    assert make_ocr(1234567) == "12345674"
    # Length digit: 7 digits + length digit + check digit = 9 digits, so the length digit is 9.
    assert make_ocr("1234567", length_digit=True) == "123456790"
    # 10 digits + 2 = 12 digits: only the last digit of the length, 2.
    assert make_ocr("1234567890", length_digit=True)[-2] == "2"
    assert validate_ocr(" 1234 5674 ") == "12345674"
    assert validate_ocr("123456790", length_digit=True) == "123456790"


@given(bases)
def test_ocr_round_trip(base: str) -> None:
    plain = make_ocr(base)
    assert plain == base + luhn_check_digit(base)
    assert validate_ocr(plain) == plain
    with_length = make_ocr(base, length_digit=True)
    length_digit = str((len(base) + 2) % 10)
    assert with_length == base + length_digit + luhn_check_digit(base + length_digit)
    assert validate_ocr(with_length, length_digit=True) == with_length
    assert validate_ocr(with_length) == with_length  # it is also a plain Luhn reference


@given(bases, st.data())
def test_ocr_catches_one_wrong_digit(base: str, data: st.DataObject) -> None:
    for reference, length_digit in ((make_ocr(base), False), (make_ocr(base, length_digit=True), True)):
        with pytest.raises(ValidationError, match="check digit"):
            validate_ocr(one_digit_changed(reference, data), length_digit=length_digit)


def test_ocr_length_digit_is_checked() -> None:
    body = "12345678"  # 8 digits + length + check = 10 → length digit 0; use a wrong one
    reference = body + "7" + luhn_check_digit(body + "7")
    assert validate_ocr(reference) == reference
    with pytest.raises(ValidationError, match="wrong length digit"):
        validate_ocr(reference, length_digit=True)


def test_ocr_limits() -> None:
    assert len(make_ocr("1" * 24)) == 25
    with pytest.raises(ValidationError, match="at most 25"):
        make_ocr("1" * 25)
    with pytest.raises(ValidationError, match="too long"):
        validate_ocr("1" * 26)
    with pytest.raises(ValidationError, match="too short"):
        validate_ocr("0")
    for bad in ("", "12a", -1, 1.5, True, None):
        with pytest.raises(ValidationError):
            make_ocr(bad)  # type: ignore[arg-type]


# --- Norwegian KID -------------------------------------------------------------------------------


def test_kid_known_cases() -> None:
    assert make_kid("1234567") == "12345674"  # MOD10
    assert make_kid("123", "mod11") == "1236"  # 3*2 + 2*3 + 1*4 = 16; 11 - 5 = 6
    assert make_kid("6", "mod11") == "6-"  # 6*2 = 12; 11 - 1 = 10 → "-"
    assert validate_kid("6-", "mod11") == "6-"
    assert validate_kid("6 -", "mod11") == "6-"
    with pytest.raises(ValidationError, match="check digit"):
        validate_kid("7-", "mod11")
    with pytest.raises(ValidationError):
        validate_kid("6-")  # MOD10 has no "-"


@given(bases)
def test_kid_round_trip(base: str) -> None:
    mod10 = make_kid(base)
    assert mod10 == base + luhn_check_digit(base)
    assert validate_kid(mod10) == mod10
    mod11 = make_kid(base, "mod11")
    assert mod11 == base + kid_mod11_check(base)
    assert validate_kid(mod11, "mod11") == mod11


@given(bases, st.data())
def test_kid_catches_one_wrong_digit(base: str, data: st.DataObject) -> None:
    with pytest.raises(ValidationError, match="check digit"):
        validate_kid(one_digit_changed(make_kid(base), data))
    mod11 = make_kid(base, "mod11")
    with pytest.raises(ValidationError, match="check digit"):
        validate_kid(one_digit_changed(mod11, data), "mod11")


def test_kid_unknown_algorithm_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown KID algorithm"):
        make_kid("1", "mod97")  # type: ignore[arg-type]


# --- Danish FIK ----------------------------------------------------------------------------------


def test_fik_published_examples() -> None:
    # The FI card printers' examples: number 1 prints as 18, number 2 as 26 (check digits 8 and 6).
    assert make_fik(1) == "000000000000018"
    assert make_fik("2") == "000000000000026"
    # A 15-digit payment id from the Business::DK::FI documentation.
    assert validate_fik("026840149965328") == "026840149965328"
    assert fik_code_line("000000000000018", "81234567") == "+71<000000000000018+81234567<"


@given(st.text(alphabet="0123456789", min_size=1, max_size=14))
def test_fik_round_trip(base: str) -> None:
    payment_id = make_fik(base)
    assert len(payment_id) == 15
    assert payment_id == base.zfill(14) + luhn_check_digit(base.zfill(14))
    assert validate_fik(payment_id) == payment_id


@given(st.text(alphabet="0123456789", min_size=1, max_size=14), st.data())
def test_fik_catches_one_wrong_digit(base: str, data: st.DataObject) -> None:
    with pytest.raises(ValidationError, match="check digit"):
        validate_fik(one_digit_changed(make_fik(base), data))


def test_fik_limits() -> None:
    with pytest.raises(ValidationError, match="at most 14"):
        make_fik("1" * 15)
    with pytest.raises(ValidationError, match="too short"):
        validate_fik("18")
    with pytest.raises(ValidationError):
        fik_code_line("000000000000018", "1234567")


# --- Finnish viitenumero and RF ------------------------------------------------------------------


def test_viitenumero_published_examples() -> None:
    assert make_viitenumero(123) == "1232"  # 3*7 + 2*3 + 1*1 = 28 → 30 - 28 = 2
    assert make_viitenumero("1234567") == "12345672"  # 118 → 120 - 118 = 2
    assert make_viitenumero("000123") == "1232"  # leading zeros are never printed
    assert validate_viitenumero("0001232") == "1232"
    long_reference = make_viitenumero("12345678901234567")
    check = viite_check("12345678901234567")
    assert format_viitenumero(long_reference) == f"12345 67890 12345 67{check}"
    with pytest.raises(ValidationError, match="3 to 19 digits"):
        make_viitenumero("12")
    with pytest.raises(ValidationError, match="3 to 19 digits"):
        make_viitenumero("1" * 20)
    with pytest.raises(ValidationError, match="too short"):
        validate_viitenumero("123")


@given(st.text(alphabet="0123456789", min_size=3, max_size=19).filter(lambda s: s[0] != "0"))
def test_viitenumero_round_trip(base: str) -> None:
    reference = make_viitenumero(base)
    assert reference == base + viite_check(base)
    assert validate_viitenumero(reference) == reference
    assert validate_viitenumero(format_viitenumero(reference)) == reference


@given(st.text(alphabet="0123456789", min_size=3, max_size=19).filter(lambda s: s[0] != "0"), st.data())
def test_viitenumero_catches_one_wrong_digit(base: str, data: st.DataObject) -> None:
    with pytest.raises(ValidationError):
        validate_viitenumero(one_digit_changed(make_viitenumero(base), data))


def test_rf_published_example() -> None:
    assert make_rf("539007547034") == "RF18539007547034"  # ISO 11649's example
    assert validate_rf("rf18 5390 0754 7034") == "RF18539007547034"
    assert format_rf("RF18539007547034") == "RF18 5390 0754 7034"
    with pytest.raises(ValidationError, match="check digit"):
        validate_rf("RF17 5390 0754 7034")
    with pytest.raises(ValidationError, match="must start with RF"):
        validate_rf("5390 0754 7034")


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=21))
def test_rf_round_trip(base: str) -> None:
    reference = make_rf(base)
    assert rf_is_valid(reference)
    assert validate_rf(reference) == reference
    assert validate_rf(format_rf(reference)) == reference


@given(st.text(alphabet="0123456789", min_size=1, max_size=21), st.data())
def test_rf_catches_one_wrong_digit(base: str, data: st.DataObject) -> None:
    reference = make_rf(base)
    with pytest.raises(ValidationError, match="check digit"):
        validate_rf(one_digit_changed(reference, data, range(2, len(reference))))


def test_rf_from_viitenumero() -> None:
    reference = make_rf(make_viitenumero(123))
    assert reference.endswith("1232")
    assert rf_is_valid(reference)


# --- random text: a reference or a ValidationError, nothing else ----------------------------------

typed = st.one_of(
    st.text(alphabet="0123456789", max_size=30),
    st.text(alphabet="0123456789 -RFrf", max_size=30),
    st.text(max_size=30),
)


@given(typed)
def test_any_text_validates_or_raises_validation_error(text: str) -> None:
    validators = [
        validate_ocr,
        lambda t: validate_ocr(t, length_digit=True),
        validate_kid,
        lambda t: validate_kid(t, "mod11"),
        validate_fik,
        validate_viitenumero,
        validate_rf,
    ]
    for validate in validators:
        try:
            result: str | ValidationError = validate(text)
        except ValidationError as err:
            result = err
        if isinstance(result, ValidationError):
            assert str(result)
        else:
            assert validate(result) == result


@given(typed)
def test_any_base_makes_a_reference_or_raises_validation_error(text: str) -> None:
    makers = [
        make_ocr,
        lambda t: make_ocr(t, length_digit=True),
        make_kid,
        lambda t: make_kid(t, "mod11"),
        make_fik,
        make_viitenumero,
        make_rf,
    ]
    for make in makers:
        try:
            result: str | ValidationError = make(text)
        except ValidationError as err:
            result = err
        assert str(result)


# --- the reference an invoice carries ------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "kind", "reference"),
    [
        ("SE", "ocr", "202600425"),
        ("se", "ocr", "202600425"),
        ("NO", "kid", "202600425"),
        ("DK", "fik", "000000202600425"),
        ("FI", "viitenumero", "202600428"),
    ],
)
def test_reference_for(country: str, kind: str, reference: str) -> None:
    assert reference_for(country, "INV-2026-0042") == (kind, reference)
    assert validate_reference(kind, reference) == reference  # type: ignore[arg-type]


def test_reference_for_short_finnish_numbers() -> None:
    # 3 significant digits are needed: 7 becomes base 10007, never 7's neighbours.
    assert reference_for("FI", "7") == ("viitenumero", make_viitenumero("10007"))
    assert reference_for("FI", "0042") == ("viitenumero", make_viitenumero("10042"))
    assert reference_for("FI", "123") == ("viitenumero", "1232")
    references = {reference_for("FI", str(n))[1] for n in range(1, 3000)}
    assert len(references) == 2999


def test_reference_for_swedish_length_digit() -> None:
    kind, reference = reference_for("SE", "42", ocr_length_digit=True)
    assert kind == "ocr"
    # "42" + length digit 4 + Luhn over "424" (8 + 2 + 8 = 18 → 2)
    assert validate_ocr(reference, length_digit=True) == reference == "4242"


def test_reference_for_refusals() -> None:
    with pytest.raises(ValidationError, match="no digits"):
        reference_for("SE", "INV-")
    with pytest.raises(ValidationError, match="not DE"):
        reference_for("DE", "42")
    with pytest.raises(ValidationError, match="at most 14"):
        reference_for("DK", "2026-0000000000042")


def test_invoice_digits() -> None:
    assert invoice_digits("INV-2026-0042") == "20260042"
    assert invoice_digits("000") == "0"
    assert invoice_digits("F٣2") == "2"  # only ASCII digits count
