"""The shape of a JSON body, measured on its raw bytes before anything parses it.

Python's json module parses nesting hundreds of levels deep, and what comes after it (pydantic,
hashing the body for its idempotency key, SQLAlchemy's JSON columns) then fails with a RecursionError:
a 500. Small bodies made of empty containers (`[{},{},...]`) also cost twenty times their size once
parsed. Both are refused here with a 422 that names the reason, at C speed: escapes and strings are
cut out with bytes.replace and bytes.split (so brackets and commas inside strings do not count), the
rest with bytes.translate; the structure is counted with bytes.count and peeled one nesting level
per pass (at most max_depth + 1 passes over at most 2 × max_containers brackets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# bytes.translate deletes these: everything but brackets and commas.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b"[]{},")
# An innermost container: an opening bracket directly followed by a closing one, once the rest is
# gone. Mismatched pairs ([}) count too: such a body is invalid JSON and refused later anyway.
_INNERMOST = re.compile(rb"[\[{][\]}]")


@dataclass(frozen=True)
class ShapeProblem:
    code: str
    message: str


def check(body: bytes, max_depth: int, max_containers: int, max_values: int) -> ShapeProblem | None:
    """None when the body stays within the limits, else what is wrong with it. Not a JSON validator:
    a body it passes may still be invalid JSON (refused later with invalid_json)."""
    # Escapes out first (an escaped backslash, then an escaped quote; left to right, as JSON reads
    # them): every quote left delimits a string, and what lies between every other pair of quotes is
    # outside the strings.
    unescaped = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Each string is a key or a value: at most 2 × max_values of them.
    if unescaped.count(b'"') // 2 > 2 * max_values:
        return ShapeProblem(
            "json_too_large", f"The request body holds more than {max_values} values; send fewer."
        )
    skeleton = b"".join(unescaped.split(b'"')[::2]).translate(None, _NOT_STRUCTURE)
    containers = skeleton.count(b"[") + skeleton.count(b"{")
    if containers > max_containers:
        return ShapeProblem(
            "json_too_large",
            f"The request body holds {containers} objects and arrays; at most {max_containers} are allowed.",
        )
    # Every value but the first in a container follows a comma: commas + containers bound the values.
    values = skeleton.count(b",") + containers
    if values > max_values:
        return ShapeProblem(
            "json_too_large", f"The request body holds more than {max_values} values; send fewer."
        )
    # Peel the innermost containers, one nesting level per pass.
    brackets = skeleton.translate(None, b",")
    depth = 0
    while brackets:
        peeled = _INNERMOST.sub(b"", brackets)
        if len(peeled) == len(brackets):
            return None  # unbalanced: invalid JSON, refused when it is parsed
        depth += 1
        if depth > max_depth:
            return ShapeProblem(
                "json_too_deep",
                f"The request body nests deeper than {max_depth} levels of objects and arrays.",
            )
        brackets = peeled
    return None
