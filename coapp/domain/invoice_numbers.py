"""Invoice numbers: one unbroken series per issuer, printed in the format the business chose.

The format is a template with ``{seq}`` (the series' counter, required: it is what makes each number
unique) and optionally ``{year}`` (the issue date's year), e.g. ``{year}-{seq:04d}`` → ``2026-0001``
or ``F{seq:05d}`` → ``F00042``. The counter never restarts: a new year changes the printed prefix,
not the count, so the series stays unbroken and every number unique whatever the format.

Numbers reach file names, URLs and payment references, and some come from the server, so they are
held to a small alphabet: letters, digits and ``-`` (no separators, dots or spaces), at most 32.
"""

from __future__ import annotations

import re
import string

from coapp.domain.errors import ValidationError

DEFAULT_NUMBER_FORMAT = "{year}-{seq:04d}"
NUMBER_MAX_LENGTH = 32
NUMBER_PATTERN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?")
_LITERAL = re.compile(r"^[A-Za-z0-9-]*$")
_SEQ_SPEC = re.compile(r"^(?:0?[1-9])?d?$")  # "", "d", "4d", "04d"
_FIELDS = ("year", "seq")


def check_number_format(template: str) -> str:
    """*template* if it makes valid numbers; otherwise a ValidationError saying what to write."""
    if not isinstance(template, str) or not template.strip():
        raise ValidationError("an invoice number format is needed, e.g. {year}-{seq:04d}")
    fields: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValidationError(
            "“{template}” is not a number format; write e.g. {{year}}-{{seq:04d}}", template=template
        ) from None
    for literal, field, spec, conversion in parsed:
        if not _LITERAL.match(literal):
            raise ValidationError(
                "an invoice number may hold letters, digits and - only, not “{literal}”", literal=literal
            )
        if field is None:
            continue
        if field not in _FIELDS or conversion:
            raise ValidationError("{{{field}}} is not a number field; use {{year}} and {{seq}}", field=field)
        if field == "seq" and not _SEQ_SPEC.match(spec or ""):
            raise ValidationError("{{seq:{spec}}}: write {{seq}} or {{seq:04d}} (up to 9 digits)", spec=spec)
        if field == "year" and spec:
            raise ValidationError("{year} takes no format")
        fields.append(field)
    if fields.count("seq") != 1:
        raise ValidationError("an invoice number format needs {seq} exactly once (it keeps numbers unique)")
    if fields.count("year") > 1:
        raise ValidationError("{year} may appear once")
    sample = template.format(year=9999, seq=999_999_999)
    if len(sample) > NUMBER_MAX_LENGTH:
        raise ValidationError(
            "numbers in this format could grow past {number_max_length} characters",
            number_max_length=NUMBER_MAX_LENGTH,
        )
    check_number(sample)
    return template


def format_number(template: str, *, year: int, seq: int) -> str:
    """The number *seq* of the series in *template*'s format for an invoice issued in *year*."""
    check_number_format(template)
    if seq < 1:
        raise ValidationError("invoice numbers count from 1")
    return check_number(template.format(year=year, seq=seq))


def check_number(number: str) -> str:
    """*number* if it is a well-formed invoice number; a ValidationError otherwise (for numbers that
    come from elsewhere, such as the platform, before they are stored or used in a file name)."""
    if not isinstance(number, str) or not NUMBER_PATTERN.fullmatch(number):
        raise ValidationError(
            "“{number}” is not an invoice number (letters, digits and -, at most 32)", number=number
        )
    return number


def is_number(number: object) -> bool:
    return isinstance(number, str) and NUMBER_PATTERN.fullmatch(number) is not None
