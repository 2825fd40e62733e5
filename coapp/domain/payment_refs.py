"""Payment references with check digits: Swedish OCR, Norwegian KID, Danish FIK, Finnish
viitenumero and the international RF creditor reference (ISO 11649).

Each kind has ``make_*(base)``, which builds a reference from digits (an invoice number), and
``validate_*(text)``, lenient in input (spaces, dashes) and strict in output: it returns the compact
reference or raises :class:`ValidationError` with the reason. ``reference_for(country, number)``
picks the kind a payer in the seller's country expects.

Where python-stdnum has the algorithm it is used: the Luhn (MOD10) check digit of OCR, KID and FIK
(stdnum.luhn) and ISO 11649 (stdnum.iso11649, stdnum.iso7064.mod_97_10). stdnum has neither the
KID MOD11 variant nor the Finnish 7-3-1 check; both are written out below with their source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NoReturn

from coapp.domain.errors import ValidationError
from coapp.domain.identifiers import normalise_country
from coapp.domain.stdnum_modules import errors as _errors
from coapp.domain.stdnum_modules import iso11649 as _iso11649
from coapp.domain.stdnum_modules import luhn as _luhn
from coapp.domain.stdnum_modules import mod_97_10 as _mod_97_10

ReferenceKind = Literal["ocr", "kid", "fik", "viitenumero", "rf"]
KidAlgorithm = Literal["mod10", "mod11"]

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212.]+")
_MAX_SHOWN = 40

OCR_MAX_LENGTH = 25  # Bankgirot: an OCR reference has at most 25 digits, check digit included
KID_MAX_LENGTH = 25  # Nets: a KID has 2 to 25 digits, check digit included
FIK_LENGTH = 15  # payment id on an FI card of type 71: 14 digits and a check digit
VIITE_MIN_BASE, VIITE_MAX_BASE = 3, 19  # Finance Finland: 3-19 digits before the check digit
RF_MAX_BASE = 21  # ISO 11649: at most 21 characters after RF and the two check digits


# --- helpers -------------------------------------------------------------------------------------


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _compact(text: str, label: str) -> str:
    if not isinstance(text, str):
        raise ValidationError("a {label} must be text, not {kind}", label=label, kind=type(text).__name__)
    return _SEPARATORS.sub("", text).upper()


def _base(base: str | int, label: str) -> str:
    """The digits a reference is built from: a non-negative int, or text of digits and separators."""
    if isinstance(base, bool) or not isinstance(base, int | str):
        raise ValidationError(
            "a {label} is built from digits, not from {kind}", label=label, kind=type(base).__name__
        )
    if isinstance(base, int):
        if base < 0:
            raise ValidationError(
                "a {label} is built from a number of zero or more, not {base}", label=label, base=base
            )
        return str(base)
    digits = _compact(base, label)
    if not digits:
        raise ValidationError("a {label} needs at least one digit to be built from", label=label)
    if not _is_digits(digits):
        raise ValidationError(
            "a {label} is built from digits only, not “{base}”", label=label, base=_shown(base)
        )
    return digits


def _reference_digits(text: str, label: str, min_len: int, max_len: int, *, shown: str | None = None) -> str:
    """Digits of a reference of min_len..max_len; messages quote *shown* (the user's text)."""
    digits = _compact(text, label)
    if shown is not None:
        text = shown
    if not digits:
        raise ValidationError("the {label} is empty", label=label)
    if not _is_digits(digits):
        raise ValidationError("{label} “{text}” may contain only digits", label=label, text=_shown(text))
    if len(digits) < min_len:
        raise ValidationError(
            "{label} “{text}” is too short: at least {min_len} digits",
            label=label,
            text=_shown(text),
            min_len=min_len,
        )
    if len(digits) > max_len:
        raise ValidationError(
            "{label} “{text}” is too long: at most {max_len} digits",
            label=label,
            text=_shown(text),
            max_len=max_len,
        )
    return digits


def _refuse_check(label: str, text: str) -> NoReturn:
    raise ValidationError(
        "{label} “{text}” has a wrong check digit; look for a mistyped or swapped digit",
        label=label,
        text=_shown(text),
    ) from None  # also called where a library's refusal was caught: this is the reason to show


def _luhn_ok(digits: str) -> bool:
    return _luhn.is_valid(digits)


# --- Swedish OCR (Bankgirot) ---------------------------------------------------------------------


def _ocr_length_digit(total_length: int) -> str:
    """Bankgirot's length digit: the reference's total length, length and check digit included;
    only the last digit when the length is 10 or more (a 12-digit reference has length digit 2)."""
    return str(total_length % 10)


def make_ocr(base: str | int, *, length_digit: bool = False) -> str:
    """A Swedish OCR reference (Bankgirot "OCR-referens") built from *base*.

    Default: *base* + a Luhn (MOD10) check digit, which every bankgiro OCR agreement accepts
    ("mjuk" or "hård" kontroll). With ``length_digit=True``: *base* + a length digit + the Luhn
    check digit computed over both, the variant Bankgirot checks under "hård kontroll med
    längdkontroll" (OCR-referenskontroll with a length check); use it only when the payee's
    bankgiro agreement asks for it. At most 25 digits in all.
    """
    label = "Swedish OCR reference"
    digits = _base(base, label)
    if length_digit:
        digits += _ocr_length_digit(len(digits) + 2)
    reference = digits + _luhn.calc_check_digit(digits)
    if len(reference) > OCR_MAX_LENGTH:
        raise ValidationError(
            "a {label} has at most {ocr_max_length} digits; “{base}” gives {n}",
            label=label,
            ocr_max_length=OCR_MAX_LENGTH,
            base=_shown(str(base)),
            n=len(reference),
        )
    return reference


def validate_ocr(text: str, *, length_digit: bool = False) -> str:
    """A Swedish OCR reference: 2 to 25 digits, the last a Luhn check digit; with ``length_digit``
    (3 to 25 digits) the digit before it must also be the length digit."""
    label = "Swedish OCR reference"
    digits = _reference_digits(text, label, 3 if length_digit else 2, OCR_MAX_LENGTH)
    if not _luhn_ok(digits):
        _refuse_check(label, text)
    if length_digit and digits[-2] != _ocr_length_digit(len(digits)):
        raise ValidationError(
            "{label} “{text}” has a wrong length digit: the second last "
            "digit should be {digit} for a reference of {n} digits",
            label=label,
            text=_shown(text),
            digit=_ocr_length_digit(len(digits)),
            n=len(digits),
        )
    return digits


# --- Norwegian KID (Nets / Mastercard Payment Services) ------------------------------------------


def _kid_mod11_check(digits: str) -> str:
    """KID MOD11 check digit, as in the Nets OCR giro specification: weights 2, 3, 4, 5, 6, 7,
    2, 3, ... from the rightmost digit leftwards; check = 11 - (sum mod 11); 11 becomes 0 and 10
    becomes "-" (the KID's check character is then a minus sign)."""
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(digits)))
    check = 11 - total % 11
    if check == 11:
        return "0"
    if check == 10:
        return "-"
    return str(check)


def make_kid(base: str | int, algorithm: KidAlgorithm = "mod10") -> str:
    """A Norwegian KID built from *base*: *base* + a MOD10 (Luhn) check digit by default, or the
    MOD11 check character ("0"-"9" or "-") when the payee's KID agreement says MOD11."""
    label = "Norwegian KID"
    digits = _base(base, label)
    if algorithm == "mod10":
        reference = digits + _luhn.calc_check_digit(digits)
    elif algorithm == "mod11":
        reference = digits + _kid_mod11_check(digits)
    else:
        raise ValueError(f"unknown KID algorithm {algorithm!r}; use 'mod10' or 'mod11'")
    if len(reference) > KID_MAX_LENGTH:
        raise ValidationError(
            "a {label} has at most {kid_max_length} digits; “{base}” gives {n}",
            label=label,
            kid_max_length=KID_MAX_LENGTH,
            base=_shown(str(base)),
            n=len(reference),
        )
    return reference


def validate_kid(text: str, algorithm: KidAlgorithm = "mod10") -> str:
    """A Norwegian KID: 2 to 25 characters, digits and a MOD10 or MOD11 check character."""
    label = "KID"
    if algorithm not in ("mod10", "mod11"):
        raise ValueError(f"unknown KID algorithm {algorithm!r}; use 'mod10' or 'mod11'")
    # A MOD11 KID may end in "-": keep a trailing minus out of the separator cleaning.
    stripped = text.rstrip() if isinstance(text, str) else text
    minus = algorithm == "mod11" and isinstance(stripped, str) and stripped.endswith(("-", "\u2212"))
    body = stripped[:-1] if minus else stripped
    low, high = (1, KID_MAX_LENGTH - 1) if minus else (2, KID_MAX_LENGTH)
    digits = _reference_digits(body, label, low, high, shown=text)
    if minus:
        if _kid_mod11_check(digits) != "-":
            _refuse_check(label, text)
        return digits + "-"
    ok = _luhn_ok(digits) if algorithm == "mod10" else _kid_mod11_check(digits[:-1]) == digits[-1]
    if not ok:
        _refuse_check(label, text)
    return digits


# --- Danish FIK (Fælles Indbetalingskort), card type 71 -------------------------------------------


def make_fik(base: str | int) -> str:
    """The 15-digit payment id of a Danish FI card of type 71 ("+71<payment id+creditor<").

    *base* (at most 14 digits) is padded with zeros on the left to 14 digits and followed by a
    modulus-10 check digit. python-stdnum has no FIK module; the check digit is the published
    weighting of the FI card specification (Nets/PBS "Indbetalingskort"): weights 1, 2, 1, 2, ...
    ending with 2 on the digit next to the check digit, two-digit products replaced by the sum of
    their digits, check digit = what brings the sum to a multiple of 10. That is the Luhn algorithm,
    so stdnum.luhn computes it; it reproduces the published examples (1 → ...18, 2 → ...26).
    """
    label = "FIK payment id"
    digits = _base(base, label)
    if len(digits) > FIK_LENGTH - 1:
        raise ValidationError(
            "a {label} is built from at most {most} digits; “{base}” has {n}",
            label=label,
            most=FIK_LENGTH - 1,
            base=_shown(str(base)),
            n=len(digits),
        )
    digits = digits.zfill(FIK_LENGTH - 1)
    return digits + _luhn.calc_check_digit(digits)


def validate_fik(text: str) -> str:
    """The payment id of a Danish FI card of type 71: 15 digits, the last a modulus-10 check digit."""
    label = "FIK payment id"
    digits = _reference_digits(text, label, FIK_LENGTH, FIK_LENGTH)
    if not _luhn_ok(digits):
        _refuse_check(label, text)
    return digits


def validate_fik_creditor(text: str) -> str:
    """A FIK creditor number (kreditornummer), the 8 digits the bank gives with an FI agreement."""
    return _reference_digits(text, "FIK creditor number", 8, 8)


def fik_code_line(payment_id: str, creditor: str) -> str:
    """The FI code line as printed on an invoice: "+71<000000000000018+81234567<"."""
    return f"+71<{validate_fik(payment_id)}+{validate_fik_creditor(creditor)}<"


# --- Finnish viitenumero (kotimainen viite) ------------------------------------------------------


def _viite_check(digits: str) -> str:
    """Finance Finland (Finanssiala), "Viitenumero": the base digits are multiplied from right to
    left by 7, 3, 1, 7, 3, 1, ...; the check digit is what brings the sum up to the next multiple
    of ten (0 when it already is one)."""
    weights = (7, 3, 1)
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(digits)))
    return str(-total % 10)


def make_viitenumero(base: str | int) -> str:
    """A Finnish reference number: *base* (3 to 19 digits, leading zeros dropped) + a 7-3-1 check digit."""
    label = "Finnish reference number"
    digits = _base(base, label).lstrip("0")
    if not VIITE_MIN_BASE <= len(digits) <= VIITE_MAX_BASE:
        raise ValidationError(
            "a {label} is built from {viite_min_base} to {viite_max_base} "
            "digits (leading zeros do not count); “{base}” has {n}",
            label=label,
            viite_min_base=VIITE_MIN_BASE,
            viite_max_base=VIITE_MAX_BASE,
            base=_shown(str(base)),
            n=len(digits),
        )
    return digits + _viite_check(digits)


def validate_viitenumero(text: str) -> str:
    """A Finnish reference number: 4 to 20 digits, the last a 7-3-1 check digit. Leading zeros are
    dropped (they are never printed); spaces between the groups of five are fine."""
    label = "Finnish reference number"
    digits = _compact(text, label)
    if _is_digits(digits):
        digits = digits.lstrip("0") or "0"
    digits = _reference_digits(digits, label, VIITE_MIN_BASE + 1, VIITE_MAX_BASE + 1, shown=text)
    if _viite_check(digits[:-1]) != digits[-1]:
        _refuse_check(label, text)
    return digits


def format_viitenumero(text: str) -> str:
    """A Finnish reference number in groups of five digits from the left: "12345 67890 12"."""
    digits = validate_viitenumero(text)
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


# --- RF creditor reference (ISO 11649) -----------------------------------------------------------


def make_rf(base: str | int) -> str:
    """An RF creditor reference: "RF", two ISO 7064 MOD 97-10 check digits, then *base* (1 to 21
    letters or digits). In Finland the base is usually the viitenumero: make_rf(make_viitenumero(n))."""
    label = "RF creditor reference"
    if isinstance(base, bool) or not isinstance(base, int | str):
        raise ValidationError(
            "an {label} is built from letters and digits, not {kind}", label=label, kind=type(base).__name__
        )
    body = _base(base, label) if isinstance(base, int) else _compact(base, label)
    if not body or not (body.isascii() and body.isalnum()):
        raise ValidationError(
            "an {label} is built from letters and digits, not “{base}”", label=label, base=_shown(str(base))
        )
    if len(body) > RF_MAX_BASE:
        raise ValidationError(
            "an {label} is built from at most {rf_max_base} characters, not {n}",
            label=label,
            rf_max_base=RF_MAX_BASE,
            n=len(body),
        )
    return "RF" + _mod_97_10.calc_check_digits(body + "RF") + body


def validate_rf(text: str) -> str:
    """An RF creditor reference (stdnum.iso11649): "RF", 2 check digits and 1 to 21 letters or digits."""
    label = "RF creditor reference"
    compact = _compact(text, label)
    if not compact:
        raise ValidationError("the {label} is empty", label=label)
    if not compact.startswith("RF"):
        raise ValidationError(
            "{label} “{text}” must start with RF, like RF18 5390 0754 7034", label=label, text=_shown(text)
        )
    if not (compact.isascii() and compact.isalnum()):
        raise ValidationError(
            "{label} “{text}” may contain only letters and digits", label=label, text=_shown(text)
        )
    if len(compact) < 5 or not _is_digits(compact[2:4]):
        raise ValidationError(
            "{label} “{text}” is RF, two check digits, then the reference", label=label, text=_shown(text)
        )
    if len(compact) > 4 + RF_MAX_BASE:
        raise ValidationError(
            "{label} “{text}” is too long: at most {most} characters",
            label=label,
            text=_shown(text),
            most=4 + RF_MAX_BASE,
        )
    try:
        return _iso11649.validate(compact)
    except _errors.InvalidChecksum:
        _refuse_check(label, text)
    except _errors.ValidationError:
        raise ValidationError(
            "{label} “{text}” is not in the right format", label=label, text=_shown(text)
        ) from None


def format_rf(text: str) -> str:
    """An RF creditor reference in groups of four: "RF18 5390 0754 7034"."""
    return _iso11649.format(validate_rf(text))


# --- the reference an invoice carries ------------------------------------------------------------

REFERENCE_KIND_BY_COUNTRY: dict[str, ReferenceKind] = {
    "SE": "ocr",
    "NO": "kid",
    "DK": "fik",
    "FI": "viitenumero",
}


def invoice_digits(invoice_number: str) -> str:
    """The digits of an invoice number, in order, without leading zeros: "INV-2026-0042" → "20260042".

    One issuer's numbers come from one series with one pattern, so distinct numbers keep distinct
    digits. All zeros give "0".
    """
    if not isinstance(invoice_number, str):
        raise ValidationError(
            "an invoice number must be text, not {kind}", kind=type(invoice_number).__name__
        )
    digits = "".join(ch for ch in invoice_number if "0" <= ch <= "9")
    if not digits:
        raise ValidationError(
            "invoice number “{invoice_number}” has no digits to build a payment reference from",
            invoice_number=_shown(invoice_number),
        )
    return digits.lstrip("0") or "0"


def reference_for(
    country: str, invoice_number: str, *, ocr_length_digit: bool = False
) -> tuple[ReferenceKind, str]:
    """The payment reference a payer in the seller's *country* expects, from the invoice number.

    SE: OCR with a Luhn check digit (``ocr_length_digit=True`` adds Bankgirot's length digit);
    NO: KID MOD10; DK: FIK type-71 payment id; FI: viitenumero. The base is ``invoice_digits``.
    A viitenumero needs 3 significant digits; shorter invoice numbers are written as "1" followed
    by the number padded to 4 digits (7 → base 10007), which only a series that reaches 10000
    could meet again.
    """
    code = normalise_country(country)
    if code not in REFERENCE_KIND_BY_COUNTRY:
        raise ValidationError(
            "payment references are made for sellers in {countries}, not {code}",
            countries=", ".join(REFERENCE_KIND_BY_COUNTRY),
            code=code,
        )
    digits = invoice_digits(invoice_number)
    kind = REFERENCE_KIND_BY_COUNTRY[code]
    if kind == "ocr":
        return kind, make_ocr(digits, length_digit=ocr_length_digit)
    if kind == "kid":
        return kind, make_kid(digits)
    if kind == "fik":
        return kind, make_fik(digits)
    if len(digits) < VIITE_MIN_BASE:
        digits = "1" + digits.zfill(4)
    return kind, make_viitenumero(digits)


def validate_reference(kind: ReferenceKind, text: str) -> str:
    """Validate *text* as a reference of *kind* (KID with MOD10, OCR without length digit)."""
    validators: dict[str, Callable[[str], str]] = {
        "ocr": validate_ocr,
        "kid": validate_kid,
        "fik": validate_fik,
        "viitenumero": validate_viitenumero,
        "rf": validate_rf,
    }
    if kind not in validators:
        raise ValueError(f"unknown reference kind {kind!r}")
    return validators[kind](text)
