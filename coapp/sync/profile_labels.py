"""What a refused change of the profile's entities is called in the list of refused changes (the
time entries' label is their contract and day; these have no contract)."""

from __future__ import annotations

from typing import Any

_SECTIONS = {
    "profile_language": ("Language", "language"),
    "profile_link": ("Link", "url"),
    "profile_skill": ("Skill", "name"),
    "profile_experience": ("Experience", "organisation"),
    "profile_education": ("Education", "school"),
    "profile_certificate": ("Certificate", "name"),
    "profile_award": ("Award", "title"),
    "profile_reference": ("Reference", "name"),
    "profile_portfolio_item": ("Portfolio", "title"),
    "resume_variant": ("Resume variant", "name"),
}


def profile_label(entity: str, row: Any, fields: dict[str, Any]) -> str | None:
    """The label, or None when the entity is not one of the profile's."""
    if entity == "profile":
        return "My Profile"
    if entity == "business_details":
        return "Business details"
    section = _SECTIONS.get(entity)
    if section is None:
        return None
    kind, name_field = section
    name = getattr(row, name_field, None) or fields.get(name_field) or ""
    return f"My Profile, {kind.lower()}: {str(name)[:60]}" if name else f"My Profile, {kind.lower()}"
