"""Business identifiers: organisation and VAT numbers, bankgiro, plusgiro, IBAN, BIC.

Lenient in input, strict in output: spaces (also non-breaking ones), dashes, dots and lower case
are accepted; each ``validate_*`` returns one canonical compact form (what is stored and what goes
into a Peppol UBL file) or raises :class:`ValidationError` naming the reason (too short, a wrong
check digit, the wrong country prefix, ...). The ``format_*`` functions give the form people read.

The check digits come from python-stdnum wherever it has them (organisation and VAT numbers, Luhn,
IBAN, BIC); this module adds the messages and the Nordic conventions around them.

Canonical forms::

    organisation number   SE 5560360793   NO 923609016   DK 24256790   FI 01120389
    VAT number            SE556036079301  NO923609016MVA DK24256790    FI01120389
    bankgiro 50501055 · plusgiro 9020017 · IBAN SE4550000000058398257466 · BIC ESSESESS

Display forms (``format_*``): 556036-0793, 923 609 016, 24256790, 0112038-9; NO 923 609 016 MVA;
bankgiro 5050-1055 / 991-2346; plusgiro 90 20 01-7; IBAN SE45 5000 0000 0583 9825 7466.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NoReturn, get_args

from coapp.domain.errors import Sentence, ValidationError
from coapp.domain.identifier_checks import compact as _compact
from coapp.domain.identifier_checks import digits as _digits
from coapp.domain.identifier_checks import is_digits as _is_digits
from coapp.domain.identifier_checks import shown as _shown
from coapp.domain.identifier_checks import stdnum_check as _stdnum
from coapp.domain.stdnum_modules import bic as _bic
from coapp.domain.stdnum_modules import dk_cvr as _dk_cvr
from coapp.domain.stdnum_modules import errors as _errors
from coapp.domain.stdnum_modules import fi_alv as _fi_alv
from coapp.domain.stdnum_modules import fi_ytunnus as _fi_ytunnus
from coapp.domain.stdnum_modules import iban as _iban
from coapp.domain.stdnum_modules import luhn as _luhn
from coapp.domain.stdnum_modules import no_kontonr as _no_kontonr
from coapp.domain.stdnum_modules import no_mva as _no_mva
from coapp.domain.stdnum_modules import no_orgnr as _no_orgnr
from coapp.domain.stdnum_modules import se_orgnr as _se_orgnr
from coapp.domain.stdnum_modules import se_personnummer as _se_personnummer
from coapp.domain.stdnum_modules import se_vat as _se_vat
from coapp.domain.stdnum_modules import util as _stdnum_util
from coapp.domain.stdnum_modules import vatin as _vatin

NORDIC_COUNTRIES: tuple[str, ...] = ("SE", "NO", "DK", "FI")

IdentifierKind = Literal["org_number", "vat_number", "bankgiro", "plusgiro", "iban", "bic", "no_account"]
IDENTIFIER_KINDS: tuple[str, ...] = get_args(IdentifierKind)

_ORG_LABEL = {
    "SE": "Swedish organisation number",
    "NO": "Norwegian organisation number",
    "DK": "Danish CVR number",
    "FI": "Finnish business ID (Y-tunnus)",
}
_ORG_EXAMPLE = {"SE": "556036-0793", "NO": "923 609 016", "DK": "24256790", "FI": "0112038-9"}
_VAT_LABEL = {
    "SE": "Swedish VAT number",
    "NO": "Norwegian VAT number",
    "DK": "Danish VAT number",
    "FI": "Finnish VAT number",
}
_VAT_EXAMPLE = {"SE": "SE556036079301", "NO": "NO923609016MVA", "DK": "DK24256790", "FI": "FI01120389"}


def normalise_country(country: str) -> str:
    """An ISO 3166 alpha-2 country code in upper case ("se" → "SE"; Greece's "EL" → "GR")."""
    if not isinstance(country, str):
        raise ValidationError("a country must be a two-letter code such as SE")
    code = country.strip().upper()
    if len(code) != 2 or not (code.isascii() and code.isalpha()):
        raise ValidationError(
            "“{country}” is not a country code; use two letters such as SE", country=_shown(country)
        )
    return "GR" if code == "EL" else code


def _nordic(country: str, what: str) -> str:
    code = normalise_country(country)
    if code not in NORDIC_COUNTRIES:
        raise ValidationError(
            "{what} can be checked for {countries}, not for {code}",
            what=what,
            countries=", ".join(NORDIC_COUNTRIES),
            code=code,
        )
    return code


def _split_prefix(compact: str) -> tuple[str, str]:
    """("SE", "556036079301") from "SE556036079301"; ("", digits) when there are no leading letters."""
    if len(compact) >= 2 and compact[:2].isascii() and compact[:2].isalpha():
        return compact[:2], compact[2:]
    return "", compact


def _refuse_prefix(label: str, text: str, prefix: str, expected: str, *, or_digit: bool = False) -> NoReturn:
    if or_digit:
        raise ValidationError(
            "{label} “{text}” starts with {prefix}; it must start with {expected} or a digit",
            label=label,
            text=_shown(text),
            prefix=prefix,
            expected=expected,
        )
    raise ValidationError(
        "{label} “{text}” starts with {prefix}; it must start with {expected}",
        label=label,
        text=_shown(text),
        prefix=prefix,
        expected=expected,
    )


# --- organisation numbers ------------------------------------------------------------------------


def validate_se_org_number(text: str) -> str:
    """Swedish organisation number: 10 digits with a Luhn check digit (stdnum.se.orgnr).

    A sole trader's organisation number is the personal identity number (10 digits); its 12-digit
    form with the century ("19800101-1234") is accepted, as is the "16" prefix some systems put in
    front of a company's number. Returns the 10 digits.
    """
    label, example = _ORG_LABEL["SE"], _ORG_EXAMPLE["SE"]
    compact = _compact(text)
    if len(compact) == 12 and _is_digits(compact):
        company = compact.startswith("16")
        person = compact.startswith(("19", "20")) and _se_personnummer.is_valid(compact)
        if company or person:
            compact = compact[2:]
    digits = _digits(compact, text, label, (10,), example)
    _stdnum(_se_orgnr.validate, digits, text, label)
    return digits


def validate_no_org_number(text: str) -> str:
    """Norwegian organisation number: 9 digits, MOD11 check digit (stdnum.no.orgnr)."""
    label, example = _ORG_LABEL["NO"], _ORG_EXAMPLE["NO"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "NO":
        _refuse_prefix(label, text, prefix, "NO", or_digit=True)
    digits = _digits(rest, text, label, (9,), example)
    _stdnum(_no_orgnr.validate, digits, text, label)
    return digits


def validate_dk_cvr(text: str) -> str:
    """Danish CVR number: 8 digits, not starting with 0, MOD11 check (stdnum.dk.cvr)."""
    label, example = _ORG_LABEL["DK"], _ORG_EXAMPLE["DK"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "DK":
        _refuse_prefix(label, text, prefix, "DK", or_digit=True)
    digits = _digits(rest, text, label, (8,), example)
    if digits.startswith("0"):
        raise ValidationError(
            "{label} “{text}” starts with 0; CVR numbers never do", label=label, text=_shown(text)
        )
    _stdnum(_dk_cvr.validate, digits, text, label)
    return digits


_OLD_Y_TUNNUS = re.compile(r"^\s*(?:FI)?\s*(\d{6})\s*[-\u2010\u2011\u2012\u2013]\s*(\d)\s*$", re.IGNORECASE)


def validate_fi_business_id(text: str) -> str:
    """Finnish business ID (Y-tunnus): 7 digits, a dash and a check digit (stdnum.fi.ytunnus).

    Old IDs written with six digits before the dash ("112038-9") get their leading zero back.
    Returns the 8 digits ("01120389"); ``format_org_number`` gives "0112038-9".
    """
    label, example = _ORG_LABEL["FI"], _ORG_EXAMPLE["FI"]
    if isinstance(text, str) and (old := _OLD_Y_TUNNUS.match(text)):
        text = f"0{old.group(1)}-{old.group(2)}"
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "FI":
        _refuse_prefix(label, text, prefix, "FI", or_digit=True)
    digits = _digits(rest, text, label, (8,), example)
    _stdnum(_fi_ytunnus.validate, digits, text, label)
    return digits


_ORG_VALIDATORS: dict[str, Callable[[str], str]] = {
    "SE": validate_se_org_number,
    "NO": validate_no_org_number,
    "DK": validate_dk_cvr,
    "FI": validate_fi_business_id,
}


def validate_org_number(text: str, country: str) -> str:
    """The organisation number of a company in SE, NO, DK or FI, in its compact canonical form."""
    return _ORG_VALIDATORS[_nordic(country, "organisation numbers")](text)


def format_org_number(text: str, country: str) -> str:
    """The organisation number as people write it: 556036-0793, 923 609 016, 24256790, 0112038-9."""
    code = _nordic(country, "organisation numbers")
    digits = validate_org_number(text, code)
    if code == "SE":
        return _se_orgnr.format(digits)
    if code == "NO":
        return _no_orgnr.format(digits)
    if code == "FI":
        return _fi_ytunnus.format(digits)
    return digits


# --- VAT numbers ---------------------------------------------------------------------------------


def validate_se_vat_number(text: str) -> str:
    """Swedish VAT number: "SE" + the 10-digit organisation number + "01" (stdnum.se.vat)."""
    label, example = _VAT_LABEL["SE"], _VAT_EXAMPLE["SE"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "SE":
        _refuse_prefix(label, text, prefix, "SE")
    if len(rest) == 10 and _is_digits(rest):
        hint = f"SE{rest}01" if _se_orgnr.is_valid(rest) else example
        raise ValidationError(
            "{label} “{text}” is an organisation number; the VAT number "
            "is SE, the organisation number and 01, like {hint}",
            label=label,
            text=_shown(text),
            hint=hint,
        )
    digits = _digits(rest, text, label, (12,), example)
    if not digits.endswith("01"):
        raise ValidationError(
            "{label} “{text}” must end with 01, like {example}",
            label=label,
            text=_shown(text),
            example=example,
        )
    _stdnum(_se_vat.validate, digits, text, label)
    return "SE" + digits


def validate_no_vat_number(text: str) -> str:
    """Norwegian VAT number: the organisation number followed by "MVA" (stdnum.no.mva).

    Returns the form Peppol asks for (NO-R-001): "NO" + 9 digits + "MVA".
    """
    label, example = _VAT_LABEL["NO"], _VAT_EXAMPLE["NO"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "NO":
        _refuse_prefix(label, text, prefix, "NO", or_digit=True)
    if not rest.endswith("MVA"):
        if len(rest) == 9 and _is_digits(rest):
            hint = f"NO{rest}MVA" if _no_orgnr.is_valid(rest) else example
            raise ValidationError(
                "{label} “{text}” lacks MVA at the end: it is the organisation "
                "number followed by MVA, like {hint}",
                label=label,
                text=_shown(text),
                hint=hint,
            )
        if rest and _is_digits(rest):
            _digits(rest, text, label, (9,), example)  # names the length problem first
        raise ValidationError(
            "{label} “{text}” must end with MVA, like {example}",
            label=label,
            text=_shown(text),
            example=example,
        )
    digits = _digits(rest[:-3], text, label, (9,), example)
    _stdnum(_no_mva.validate, digits + "MVA", text, label)
    return "NO" + digits + "MVA"


def validate_dk_vat_number(text: str) -> str:
    """Danish VAT number: "DK" + the CVR number (stdnum.dk.cvr)."""
    label, example = _VAT_LABEL["DK"], _VAT_EXAMPLE["DK"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "DK":
        _refuse_prefix(label, text, prefix, "DK")
    digits = _digits(rest, text, label, (8,), example)
    if digits.startswith("0"):
        raise ValidationError(
            "{label} “{text}”: the CVR number after DK never starts with 0", label=label, text=_shown(text)
        )
    _stdnum(_dk_cvr.validate, digits, text, label)
    return "DK" + digits


def validate_fi_vat_number(text: str) -> str:
    """Finnish VAT number (ALV-numero): "FI" + the 8 digits of the Y-tunnus (stdnum.fi.alv)."""
    label, example = _VAT_LABEL["FI"], _VAT_EXAMPLE["FI"]
    prefix, rest = _split_prefix(_compact(text))
    if prefix and prefix != "FI":
        _refuse_prefix(label, text, prefix, "FI")
    digits = _digits(rest, text, label, (8,), example)
    _stdnum(_fi_alv.validate, digits, text, label)
    return "FI" + digits


_VAT_VALIDATORS: dict[str, Callable[[str], str]] = {
    "SE": validate_se_vat_number,
    "NO": validate_no_vat_number,
    "DK": validate_dk_vat_number,
    "FI": validate_fi_vat_number,
}

# The VAT prefix of a country where it differs from the ISO code.
_VAT_PREFIX = {"GR": "EL"}


def validate_vat_number(text: str, country: str) -> str:
    """A VAT number of *country*, with its country prefix ("SE556036079301", "NO923609016MVA").

    SE, NO, DK and FI get the checks above. Other countries (a buyer's VAT number for reverse
    charge) are checked with stdnum.vatin: the prefix may be left out, but it must match *country*
    when given.
    """
    code = normalise_country(country)
    if code in _VAT_VALIDATORS:
        return _VAT_VALIDATORS[code](text)
    label = f"{code} VAT number"
    compact = _compact(text)
    if not compact:
        raise ValidationError("{label} is empty", label=label)
    if not (compact.isascii() and compact.isalnum()):
        raise ValidationError(
            "{label} “{text}” may contain only letters and digits", label=label, text=_shown(text)
        )
    expected = _VAT_PREFIX.get(code, code)
    prefix, rest = _split_prefix(compact)
    if prefix and normalise_country(prefix) != code and not (code == "GB" and prefix == "XI"):
        _refuse_prefix(label, text, prefix, expected)
    if not prefix:
        compact = expected + rest
    if _stdnum_util.get_cc_module(code, "vat") is None:
        raise ValidationError("VAT numbers from {code} cannot be checked here", code=code)
    _stdnum(_vatin.validate, compact, text, label)
    return _vatin.compact(compact)


def format_vat_number(text: str, country: str) -> str:
    """The VAT number for display: like the canonical form, with spaces for Norway ("NO 923 609 016 MVA")."""
    number = validate_vat_number(text, country)
    if number.startswith("NO") and number.endswith("MVA"):
        return _no_mva.format(number[2:])
    return number


def vat_number_from_org_number(org: str, country: str) -> str:
    """The VAT number that belongs to an organisation number (SE 5560360793 → SE556036079301).

    Only a VAT-registered business has one; this builds the number, it cannot tell whether the
    business is registered.
    """
    code = _nordic(country, "VAT numbers from organisation numbers")
    digits = validate_org_number(org, code)
    if code == "SE":
        return f"SE{digits}01"
    if code == "NO":
        return f"NO{digits}MVA"
    return code + digits


def org_number_from_vat_number(vat: str, country: str) -> str:
    """The organisation number inside a Nordic VAT number (SE556036079301 → 5560360793)."""
    code = _nordic(country, "organisation numbers in VAT numbers")
    number = validate_vat_number(vat, code)
    if code == "SE":
        return number[2:12]
    if code == "NO":
        return number[2:11]
    return number[2:]


# --- payment accounts ----------------------------------------------------------------------------


def validate_bankgiro(text: str) -> str:
    """Swedish bankgiro number: 7 or 8 digits, the last a Luhn check digit. Returns the digits."""
    label, example = "Bankgiro number", "5050-1055"
    digits = _digits(_compact(text), text, label, (7, 8), example)
    _stdnum(_luhn.validate, digits, text, label)
    return digits


def format_bankgiro(text: str) -> str:
    """Bankgiro as printed: "123-4567" or "1234-5678"."""
    digits = validate_bankgiro(text)
    return f"{digits[:-4]}-{digits[-4:]}"


def validate_plusgiro(text: str) -> str:
    """Swedish plusgiro (PlusGirot) number: 2 to 8 digits, the last a Luhn check digit."""
    label, example = "Plusgiro number", "90 20 01-7"
    digits = _digits(_compact(text), text, label, tuple(range(2, 9)), example)
    _stdnum(_luhn.validate, digits, text, label)
    return digits


def format_plusgiro(text: str) -> str:
    """Plusgiro as printed: pairs of digits from the right, a dash before the check digit ("12 34 56-7")."""
    digits = validate_plusgiro(text)
    body, check = digits[:-1], digits[-1]
    head = len(body) % 2
    groups = ([body[:head]] if head else []) + [body[i : i + 2] for i in range(head, len(body), 2)]
    return " ".join(groups) + "-" + check


def validate_iban(text: str) -> str:
    """IBAN (stdnum.iban: the mod-97 check digits, the country's length and structure, and the
    national account check where stdnum has one, e.g. Norway's). Returns the compact form."""
    label = "IBAN"
    compact = _compact(text)
    if not compact:
        raise ValidationError("{label} is empty", label=label)
    if not (compact.isascii() and compact.isalnum()):
        raise ValidationError(
            "{label} “{text}” may contain only letters and digits", label=label, text=_shown(text)
        )
    if len(compact) < 5 or not compact[:2].isalpha() or not _is_digits(compact[2:4]):
        raise ValidationError(
            "{label} “{text}” starts with a country code and two check digits, like SE45 5000 …",
            label=label,
            text=_shown(text),
        )
    # stdnum checks the check digits first; check the country and structure first (with check
    # digits recomputed), then the national part, so that the message names the real problem.
    fixed = compact[:2] + _iban.calc_check_digits(compact) + compact[4:]
    try:
        _iban.validate(fixed, check_country=False)
    except _errors.InvalidComponent:
        raise ValidationError(
            "{label} “{text}”: {country} is not a country with IBANs",
            label=label,
            text=_shown(text),
            country=compact[:2],
        ) from None
    except _errors.ValidationError:
        raise ValidationError(
            "{label} “{text}” does not have the length or structure of a {country} IBAN",
            label=label,
            text=_shown(text),
            country=compact[:2],
        ) from None
    try:
        _iban.validate(fixed)  # the country's own rules, where stdnum has them (Norway, Belgium, ...)
    except _errors.InvalidChecksum:
        raise ValidationError(
            "{label} “{text}”: the account number in it has a wrong check digit",
            label=label,
            text=_shown(text),
        ) from None
    except _errors.ValidationError:  # e.g. a Belgian bank code no bank has
        raise ValidationError(
            "{label} “{text}”: the bank code in it belongs to no bank",
            label=label,
            text=_shown(text),
        ) from None
    try:
        return _iban.validate(compact)
    except _errors.ValidationError:
        raise ValidationError(
            "{label} “{text}” has wrong check digits; look for a mistyped or swapped character",
            label=label,
            text=_shown(text),
        ) from None


def format_iban(text: str) -> str:
    """IBAN in groups of four: "SE45 5000 0000 0583 9825 7466"."""
    return _iban.format(validate_iban(text))


def validate_bic(text: str) -> str:
    """BIC (SWIFT code), 8 or 11 characters (stdnum.bic). Returns it in upper case."""
    label = "BIC"
    compact = _compact(text)
    if not compact:
        raise ValidationError("{label} is empty", label=label)
    if len(compact) == 1:
        raise ValidationError(
            "{label} “{text}” has 1 character; it has 8 or 11", label=label, text=_shown(text)
        )
    if len(compact) not in (8, 11):
        raise ValidationError(
            "{label} “{text}” has {n} characters; it has 8 or 11",
            label=label,
            text=_shown(text),
            n=len(compact),
        )
    try:
        return _bic.validate(compact)
    except _errors.InvalidComponent:
        raise ValidationError(
            "{label} “{text}”: {country} (letters 5 and 6) is not a country code",
            label=label,
            text=_shown(text),
            country=compact[4:6],
        ) from None
    except _errors.ValidationError:
        raise ValidationError(
            "{label} “{text}” is 4 letters for the bank, 2 for the country, "
            "then 2 (or 5) letters or digits, like ESSESESS",
            label=label,
            text=_shown(text),
        ) from None


def validate_no_account_number(text: str) -> str:
    """Norwegian bank account number (kontonummer): 11 digits, MOD11 check (stdnum.no.kontonr)."""
    label, example = "Norwegian account number", "8601.11.17947"
    digits = _digits(_compact(text), text, label, (11,), example)
    _stdnum(_no_kontonr.validate, digits, text, label)
    return digits


def format_no_account_number(text: str) -> str:
    """Norwegian account number as printed: "8601.11.17947"."""
    return _no_kontonr.format(validate_no_account_number(text))


# --- as-you-type ---------------------------------------------------------------------------------


def validate_identifier(kind: IdentifierKind, text: str, country: str | None = None) -> str:
    """Validate *text* as an identifier of *kind*; *country* is needed for org and VAT numbers."""
    if kind in ("org_number", "vat_number"):
        if not country:
            raise ValidationError("choose the country first: the number's rules depend on it")
        if kind == "org_number":
            return validate_org_number(text, country)
        return validate_vat_number(text, country)
    validators: dict[str, Callable[[str], str]] = {
        "bankgiro": validate_bankgiro,
        "plusgiro": validate_plusgiro,
        "iban": validate_iban,
        "bic": validate_bic,
        "no_account": validate_no_account_number,
    }
    if kind not in validators:
        raise ValueError(f"unknown identifier kind {kind!r}; one of {IDENTIFIER_KINDS}")  # a bug, not input
    return validators[kind](text)


def identifier_problem(kind: IdentifierKind, text: str, country: str | None = None) -> Sentence | None:
    """What is wrong with *text* as a *kind*, for display next to a form field.

    None when it is valid, and also when it is empty (the form decides whether the field is
    required). ValueError for an unknown *kind*: that is a programming error.
    """
    if kind not in IDENTIFIER_KINDS:
        raise ValueError(f"unknown identifier kind {kind!r}; one of {IDENTIFIER_KINDS}")
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        validate_identifier(kind, text, country)
    except ValidationError as err:
        return Sentence.of(err)
    return None
