"""Cleaning the free text a person types into the profile: one-line fields and longer texts.

Control characters are refused rather than stripped: a NUL or an escape sequence pasted into a name
is a mistake the person should see, not something to silently repair.
"""

from __future__ import annotations

import re
import unicodedata

from coapp.domain.errors import ValidationError

_ALLOWED_IN_BLOCKS = {"\n", "\t"}

# Templates a caller may say in its own words (the personal letter's own sentences): compared with
# error.template, never raised from here by name (the catalogue reads the literals at each raise).
REQUIRED_LINE = "{label} is required"
TOO_LONG_BLOCK = "{label} is {n:,} characters long; at most {max_length:,} fit — shorten it"
CONTROL_IN_BLOCK = "{label} contains control characters; remove them"


def _has_control(text: str, allowed: set[str]) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def clean_line(value: str, label: str, *, max_length: int = 200, required: bool = False) -> str:
    """A one-line field: inner whitespace collapsed, ends trimmed."""
    if not isinstance(value, str):
        raise ValidationError("{label} must be text", label=label)
    if _has_control(value, {" ", "\t"}) or "\n" in value or "\r" in value:
        raise ValidationError("{label} must be one line without control characters", label=label)
    text = " ".join(value.split())
    if required and not text:
        raise ValidationError("{label} is required", label=label)
    if len(text) > max_length:
        raise ValidationError(
            "{label} is {n:,} characters long; at most {max_length:,} fit",
            label=label,
            n=len(text),
            max_length=max_length,
        )
    return text


def clean_block(value: str, label: str, *, max_length: int) -> str:
    """A longer text (a description, the letter): line breaks kept, Windows line ends unified, ends
    trimmed. Its length is checked before anything else, so a huge paste fails fast and clearly."""
    if not isinstance(value, str):
        raise ValidationError("{label} must be text", label=label)
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > max_length:
        raise ValidationError(
            "{label} is {n:,} characters long; at most {max_length:,} fit — shorten it",
            label=label,
            n=len(text),
            max_length=max_length,
        )
    if _has_control(text, _ALLOWED_IN_BLOCKS):
        raise ValidationError("{label} contains control characters; remove them", label=label)
    return text


# Tokens that are Markdown's marks, not words: "#", "##", "-", "*", "+", "1." and "1)" at a line's
# start, and a lone "*"/"_" run anywhere. The letter card counts the words the reader sees; the
# completeness tip counts the stored Markdown: both must say the same number.
_MARK = re.compile(r"^(?:#{1,6}|[-*+]|[0-9]{1,3}[.)]|[*_]+)$")


def word_count(text: str) -> int:
    count = 0
    for line in text.splitlines():
        tokens = line.split()
        if tokens and _MARK.match(tokens[0]):
            tokens = tokens[1:]
        count += sum(1 for token in tokens if token.strip("*_`~") and not _MARK.match(token))
    return count
