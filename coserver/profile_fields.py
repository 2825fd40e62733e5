"""A push op's fields for the profile's entities, checked before anything is stored.

The wire records (coapp.sync.wire.profile) are the rules for each field: an op's fields are
validated against a partial copy of its record, strictly and as JSON (a number is not text, "5" is
not a number, a month is YYYY-MM), unknown fields refused. What spans fields (an end not before its
start, a current job without an end, a usable invoice number format) is checked on the row as it
would be after the op, since per-field last writer wins can combine two devices' edits.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model
from pydantic.fields import FieldInfo

from coapp.domain.errors import ValidationError as DomainError
from coapp.domain.invoice_numbers import DEFAULT_NUMBER_FORMAT, check_number_format
from coapp.sync.wire import PROFILE_RECORDS, OpKind, PushOp, record_fields
from coserver.refusals import Refusal, encodable, rejected

# What a new row holds where its first op is silent (the devices' column defaults). A field not
# named here must be in the op that creates the row.
_LIST_ITEM = {"position": 0}
NEW_ROW_DEFAULTS: dict[str, dict[str, Any]] = {
    "profile": {
        **dict.fromkeys(("name", "title", "email", "phone", "city", "country", "letter"), ""),
        **dict.fromkeys(
            (
                "available_from",
                "availability_percent",
                "hourly_rate_minor",
                "daily_rate_minor",
                "photo_sha256",
            )
        ),
        "currency": "SEK",
    },
    "profile_language": _LIST_ITEM,
    "profile_link": _LIST_ITEM,
    "profile_skill": {**_LIST_ITEM, "level": None, "years": None},
    "profile_experience": {
        **_LIST_ITEM,
        "end_month": None,
        "is_current": False,
        "description": "",
        "skills": [],
    },
    "profile_education": {**_LIST_ITEM, "degree": "", "field_of_study": "", "end_month": None},
    "profile_certificate": {**_LIST_ITEM, "issuer": "", "issued": None, "expires": None, "url": ""},
    "profile_award": {**_LIST_ITEM, "issuer": "", "awarded": None, "description": ""},
    "profile_reference": {**_LIST_ITEM, "relation": "", "contact": ""},
    "profile_portfolio_item": {
        **_LIST_ITEM,
        **dict.fromkeys(("url", "description", "file_name", "content_type"), ""),
        **dict.fromkeys(("file_sha256", "file_size")),
    },
    "resume_variant": {"sections": [], "experience_ids": None, "language": "sv", "look": "classic"},
    "business_details": {
        **dict.fromkeys(
            (
                "name",
                "address",
                "postcode",
                "city",
                "org_number",
                "vat_number",
                "registered_office",
                "bankgiro",
                "plusgiro",
                "iban",
                "bic",
                "email",
            ),
            "",
        ),
        "company_form": "sole_trader",
        "country": "SE",
        "f_skatt": False,
        "payment_terms_days": 30,
        "invoice_language": "sv",
        "invoice_number_format": DEFAULT_NUMBER_FORMAT,
    },
}
_WHAT = {
    "profile": "The profile",
    "profile_language": "A language",
    "profile_link": "A link",
    "profile_skill": "A skill",
    "profile_experience": "An experience item",
    "profile_education": "An education item",
    "profile_certificate": "A certificate",
    "profile_award": "An award",
    "profile_reference": "A reference",
    "profile_portfolio_item": "A portfolio item",
    "resume_variant": "A resume variant",
    "business_details": "The business details",
}


def what(entity: str) -> str:
    return _WHAT[entity]


@cache
def _patch_model(entity: str) -> type[BaseModel]:
    """The entity's record with every field optional: only the fields an op names are checked."""
    record = PROFILE_RECORDS[entity]
    fields: dict[str, Any] = {}
    for name in record_fields(entity):
        info = record.model_fields[name]
        fields[name] = (info.annotation, FieldInfo.merge_field_infos(info, default=None))
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{record.__name__}Fields", __config__=ConfigDict(extra="forbid", strict=True), **fields
    )


def parse_fields(op: PushOp) -> dict[str, Any]:
    """The op's fields, checked, as JSON values (dates as text) ready to store."""
    raw = dict(op.fields)
    deleted_at = raw.pop("deleted_at", None)
    if deleted_at is not None and op.op is OpKind.UPSERT:
        raise rejected("invalid_field", "Delete with op=delete; an upsert cannot set deleted_at.")
    for name, value in raw.items():
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(t, str) and not encodable(t) for t in texts):
            # Caught before JSON, whose parser would not say which field held it.
            shown = ascii(str(name))[1:-1][:40]
            raise rejected("invalid_field", f"{shown} holds characters that cannot be stored.")
    model = _patch_model(op.entity)
    try:
        text = json.dumps(raw, ensure_ascii=False, allow_nan=False)
        parsed = model.model_validate_json(text, strict=True)
    except ValueError as exc:
        raise _refusal(op.entity, exc) from None
    return parsed.model_dump(mode="json", include=parsed.model_fields_set)


def _refusal(entity: str, exc: ValueError) -> Refusal:
    if not isinstance(exc, ValidationError):
        return rejected("invalid_field", "The fields hold a value JSON cannot carry.")
    first = exc.errors(include_url=False, include_input=False)[0]
    name = ascii(str(first["loc"][0]))[1:-1][:40] if first["loc"] else "fields"
    kind = first["type"]
    if kind == "extra_forbidden":
        return rejected("unknown_field", f"{what(entity)} has no field {name}.")
    message = str(first["msg"]).removeprefix("Value error, ")
    if kind in ("string_too_long", "too_long"):
        return rejected("too_long", f"{name}: {message}.")
    if kind == "json_invalid":
        return rejected("invalid_field", "The fields hold characters that cannot be stored.")
    return rejected("invalid_field", f"{name}: {message}.")


def new_row_fields(op: PushOp, values: dict[str, Any]) -> dict[str, Any]:
    """Every field of a new row: the op's, the defaults for the rest; a required one missing is refused."""
    defaults = NEW_ROW_DEFAULTS[op.entity]
    missing = [name for name in record_fields(op.entity) if name not in values and name not in defaults]
    if missing:
        raise rejected("missing_field", f"{what(op.entity)} needs {', '.join(missing)} when it is created.")
    return {**defaults, **values}


def check_row(entity: str, fields: dict[str, Any], row: Any = None) -> None:
    """The rules across fields, on the row as it would be stored (the same as the devices' checks)."""
    problem = _problem(entity, fields)
    if problem is not None:
        raise rejected(problem[0], f"{what(entity)}: {problem[1]}", row)


def _problem(entity: str, f: dict[str, Any]) -> tuple[str, str] | None:
    if entity in ("profile_experience", "profile_education"):
        end = f["end_month"]
        if end is not None and end < f["start_month"]:
            return "invalid_period", f"the end month {end} is before the start month {f['start_month']}."
        if entity == "profile_experience" and f["is_current"] and end is not None:
            return "invalid_period", "a current job has no end month."
    issued, expires = f.get("issued"), f.get("expires")
    if entity == "profile_certificate" and issued is not None and expires is not None and expires < issued:
        return "invalid_period", f"it expires ({f['expires']}) before it was issued ({f['issued']})."
    if entity == "business_details":
        try:
            check_number_format(f["invoice_number_format"])
        except DomainError as exc:
            return "invalid_field", f"invoice_number_format: {exc}."
    return None
