"""How a push op is refused, and the field parsers every entity shares.

An entity's rules raise `Refusal`; coserver.sync.push rolls the op's savepoint back and answers the
status, code and message, with the server's copy of `row` when there is one to show.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from coapp.sync.wire import OpKind, OpStatus, PushOp


@dataclass
class Refusal(Exception):
    status: OpStatus
    code: str
    message: str
    row: Any = None  # an ORM row of the op's entity (its server copy goes into the answer)


def rejected(code: str, message: str, row: Any = None) -> Refusal:
    return Refusal(OpStatus.REJECTED, code, message, row)


def conflict(code: str, message: str, row: Any = None) -> Refusal:
    return Refusal(OpStatus.CONFLICT, code, message, row)


def check_known_fields(op: PushOp, known: set[str], what: str) -> None:
    unknown = sorted(set(op.fields) - known)
    if unknown:
        names = ", ".join(ascii(name)[:40] for name in unknown[:5])
        raise rejected("unknown_field", f"{what} has no field {names}.")
    if "deleted_at" in op.fields and op.fields["deleted_at"] is not None and op.op is OpKind.UPSERT:
        raise rejected("invalid_field", "Delete with op=delete; an upsert cannot set deleted_at.")


def parse_uuid(raw: dict[str, Any], name: str, what: str = "a contract's") -> uuid.UUID:
    value = raw[name]
    try:
        return uuid.UUID(value) if isinstance(value, str) else _fail()
    except ValueError:
        raise rejected("invalid_field", f"{name} must be {what} UUID.") from None


def parse_date(raw: dict[str, Any], name: str, *, nullable: bool = False) -> date | None:
    value = raw[name]
    if value is None and nullable:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else _fail()
    except ValueError:
        raise rejected("invalid_field", f"{name} must be a date written YYYY-MM-DD.") from None


def parse_int(raw: dict[str, Any], name: str, low: int, high: int) -> int:
    value = raw[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise rejected("invalid_field", f"{name} must be a whole number.")
    if not low <= value <= high:
        raise rejected("out_of_range", f"{name} must be between {low} and {high}.")
    return value


def parse_text(raw: dict[str, Any], name: str, max_length: int, *, none_is_empty: bool = True) -> str:
    value = raw[name]
    if value is None and none_is_empty:
        value = ""
    if not isinstance(value, str):
        raise rejected("invalid_field", f"{name} must be text.")
    if len(value) > max_length:
        raise rejected("too_long", f"{name} can hold at most {max_length} characters.")
    if "\x00" in value or not encodable(value):
        raise rejected("invalid_field", f"{name} holds characters that cannot be stored.")
    return value


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _fail() -> Any:
    raise ValueError("wrong type")
