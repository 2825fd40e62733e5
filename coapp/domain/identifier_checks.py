"""The checks every business identifier shares (coapp.domain.identifiers and its payment accounts):
the user's text made compact, quoted in a message, checked for digits and length, and a
python-stdnum check turned into a sentence a person can act on."""

from __future__ import annotations

import re
from collections.abc import Callable

from coapp.domain.errors import ValidationError
from coapp.domain.stdnum_modules import errors as _errors

# Separators people type or paste: any white space (also no-break and thin spaces), hyphen and dash
# variants, dots.
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212.]+")
_MAX_SHOWN = 40


def shown(text: str) -> str:
    """The user's text as quoted in a message: trimmed, and cut short if it is long."""
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def compact(text: str) -> str:
    if not isinstance(text, str):
        raise ValidationError("an identifier must be text, not {kind}", kind=type(text).__name__)
    return _SEPARATORS.sub("", text).upper()


def is_digits(text: str) -> bool:
    """ASCII digits only: str.isdigit() would also accept "²" or Arabic-Indic digits."""
    return text.isascii() and text.isdigit()


def expected_length(lengths: tuple[int, ...]) -> str:
    if len(lengths) == 1:
        return str(lengths[0])
    if list(lengths) == list(range(lengths[0], lengths[-1] + 1)) and len(lengths) > 2:
        return f"{lengths[0]} to {lengths[-1]}"
    return " or ".join(str(n) for n in lengths)


def digits(compact: str, text: str, label: str, lengths: tuple[int, ...], example: str) -> str:
    """Check that *compact* is all digits of an allowed length; the messages quote *text*."""
    if not compact:
        raise ValidationError("{label} is empty", label=label)
    if not is_digits(compact):
        raise ValidationError(
            "{label} “{text}” may contain only digits (spaces and dashes are fine), like {example}",
            label=label,
            text=shown(text),
            example=example,
        )
    if len(compact) not in lengths:
        if len(compact) == 1:  # "1 digit", not "1 digits" (a length allowed is never 1 here)
            raise ValidationError(
                "{label} “{text}” is too short: 1 digit instead of {expected}, like {example}",
                label=label,
                text=shown(text),
                expected=expected_length(lengths),
                example=example,
            )
        if len(compact) < min(lengths):
            raise ValidationError(
                "{label} “{text}” is too short: {n} digits instead of {expected}, like {example}",
                label=label,
                text=shown(text),
                n=len(compact),
                expected=expected_length(lengths),
                example=example,
            )
        raise ValidationError(
            "{label} “{text}” is too long: {n} digits instead of {expected}, like {example}",
            label=label,
            text=shown(text),
            n=len(compact),
            expected=expected_length(lengths),
            example=example,
        )
    return compact


def stdnum_check(check: Callable[[str], str], number: str, text: str, label: str) -> None:
    """Run a python-stdnum check and turn its exception into a message a person can act on."""
    try:
        check(number)
    except _errors.InvalidChecksum:
        raise ValidationError(
            "{label} “{text}” has a wrong check digit; look for a mistyped or swapped digit",
            label=label,
            text=shown(text),
        ) from None
    except _errors.InvalidLength:
        raise ValidationError(
            "{label} “{text}” has the wrong length", label=label, text=shown(text)
        ) from None
    except _errors.InvalidComponent:
        raise ValidationError(
            "{label} “{text}” contains a part that does not exist", label=label, text=shown(text)
        ) from None
    except _errors.ValidationError:
        raise ValidationError(
            "{label} “{text}” is not in the right format", label=label, text=shown(text)
        ) from None
