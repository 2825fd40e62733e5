"""The profile as one JSON document (`coapp profile show --json`): months as YYYY-MM, days as
YYYY-MM-DD, amounts as decimal strings (a JSON number would become a float)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.domain.profile import Profile
from coapp.domain.profile_completeness import Completeness
from coapp.domain.year_month import YearMonth

if TYPE_CHECKING:
    from coapp.services.profile_import import ImportPlan


def _month(value: YearMonth | None) -> str | None:
    return None if value is None else str(value)


def _money(value: object) -> str | None:
    return None if value is None else str(value)


def profile_json(
    profile: Profile, done: Completeness, photo_sha256: str | None = None, photo_file: Path | None = None
) -> dict[str, Any]:
    d = profile.details
    return {
        "name": d.name,
        "title": d.title,
        "email": d.email,
        "phone": d.phone,
        "city": d.city,
        "country": d.country,
        "languages": [{"language": lang.language, "level": lang.level} for lang in profile.languages],
        "availability": {
            "from": d.available_from.isoformat() if d.available_from else None,
            "percent": d.availability_percent,
        },
        "rates": {"hourly": _money(d.hourly_rate), "daily": _money(d.daily_rate), "currency": d.currency},
        "links": [{"url": link.url, "kind": link.kind.value} for link in profile.links],
        "letter": profile.letter,
        "experience": [
            {
                "id": job.id,
                "organisation": job.organisation,
                "role": job.role,
                "start": str(job.start),
                "end": _month(job.end),
                "current": job.current,
                "description": job.description,
                "skills": list(job.skills),
            }
            for job in profile.experience
        ],
        "education": [
            {
                "id": e.id,
                "school": e.school,
                "degree": e.degree,
                "field": e.field,
                "start": str(e.start),
                "end": _month(e.end),
            }
            for e in profile.education
        ],
        "skills": [{"name": s.name, "level": s.level, "years": s.years} for s in profile.skills],
        "certificates": [
            {
                "id": c.id,
                "name": c.name,
                "issuer": c.issuer,
                "issued": _month(c.issued),
                "expires": _month(c.expires),
                "url": c.url,
            }
            for c in profile.certificates
        ],
        "awards": [
            {
                "id": a.id,
                "title": a.title,
                "issuer": a.issuer,
                "awarded": _month(a.awarded),
                "description": a.description,
            }
            for a in profile.awards
        ],
        "references": [
            {"id": r.id, "name": r.name, "relation": r.relation, "contact": r.contact}
            for r in profile.references
        ],
        "portfolio": [
            {
                "id": p.id,
                "title": p.title,
                "url": p.url,
                "description": p.description,
                "file": None
                if p.file is None
                else {
                    "name": p.file.name,
                    "size": p.file.size,
                    "content_type": p.file.content_type,
                    "sha256": p.file.sha256,
                },
            }
            for p in profile.portfolio
        ],
        # None without a photo; "downloaded" is false while a synced photo is still on its way.
        "photo": None
        if photo_sha256 is None
        else {"sha256": photo_sha256, "downloaded": photo_file is not None},
        "completeness": done.score,
        "tips": list(done.tips),
    }


def import_plan_json(plan: ImportPlan, applied: bool) -> dict[str, Any]:
    """`coapp profile import-linkedin --json`: each of added, changed, kept and skipped by section."""

    def by_section(entries: list[tuple[str, Any]]) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = {}
        for section, value in entries:
            grouped.setdefault(section, []).append(value)
        return grouped

    return {
        "added": by_section([(a.section, a.text) for a in plan.added]),
        "changed": by_section(
            [(c.section, {"item": c.item, "field": c.field, "value": c.export}) for c in plan.changed]
        ),
        "kept": by_section(
            [
                (k.section, {"item": k.item, "field": k.field, "profile": k.profile, "export": k.export})
                for k in plan.kept
            ]
        ),
        "skipped": by_section([(s.section, {"item": s.text, "reason": s.reason}) for s in plan.skipped]),
        "notes": list(plan.notes),
        "warnings": list(plan.warnings),
        "files_read": list(plan.export.files_read),
        "applied": applied,
    }
