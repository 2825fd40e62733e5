"""Resume variants: save, list, get and remove named choices of what a resume shows.

The variant is validated as a domain value first (name, sections, language, look); its experience
ids are checked against the stored profile's live jobs inside the write, so nothing is written for
a refused variant. Names are unique regardless of case.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile import Profile
from coapp.domain.resume_variants import ResumeVariant
from coapp.domain.resume_variants import select as select_sections
from coapp.models import ProfileExperience
from coapp.models import ResumeVariant as VariantRow
from coapp.models.resume_variants import variant_id
from coapp.services.profile_rows import now
from coapp.store.engine import Store


def _read(row: VariantRow) -> ResumeVariant:
    ids = None if row.experience_ids is None else tuple(json.loads(row.experience_ids))
    return ResumeVariant(
        name=row.name,
        sections=tuple(json.loads(row.sections)),
        experience_ids=ids,
        language=row.language,
        look=row.look,
        id=row.id,
    )


def _live_job_ids(s: Session) -> list[str]:
    rows = s.scalars(
        select(ProfileExperience.id)
        .where(ProfileExperience.deleted_at.is_(None))
        .order_by(ProfileExperience.position, ProfileExperience.id)
    )
    return list(rows)


def resolve_job_ids(typed: tuple[str, ...], live: list[str]) -> tuple[str, ...]:
    """Each typed id (or a unique start of one, as `coapp profile` shows them) as a live job's id."""
    resolved: list[str] = []
    for raw in typed:
        matches = [i for i in live if i == raw] or [i for i in live if i.startswith(raw)]
        if not matches:
            raise ValidationError("no job in your experience has the id “{ref}”", ref=raw[:40])
        if len(matches) > 1:
            raise ValidationError(
                "“{ref}” starts the ids of {count} jobs; type more of it", ref=raw[:40], count=len(matches)
            )
        if matches[0] not in resolved:
            resolved.append(matches[0])
    return tuple(resolved)


class ResumeVariantService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, variant: ResumeVariant) -> ResumeVariant:
        """Store a new variant; a name already taken (in any case) is refused."""
        with self._store.write() as s:
            live = {r.name.casefold(): r for r in self._live_rows(s)}
            if variant.key in live:
                raise ValidationError(
                    "a variant named “{name}” already exists; remove it first", name=live[variant.key].name
                )
            ids = variant.experience_ids
            if ids is not None:
                ids = resolve_job_ids(ids, _live_job_ids(s))
            row = s.get(VariantRow, variant_id(variant.key))
            if row is None:
                row = VariantRow(id=variant_id(variant.key))
                s.add(row)
            row.deleted_at = None
            row.name = variant.name
            row.sections = json.dumps(list(variant.sections))
            row.experience_ids = None if ids is None else json.dumps(list(ids))
            row.language = variant.language
            row.look = variant.look
            s.flush()
            return _read(row)

    def all(self) -> list[ResumeVariant]:
        with self._store.read() as s:
            return sorted((_read(r) for r in self._live_rows(s)), key=lambda v: v.key)

    def get(self, name: str) -> ResumeVariant:
        key = " ".join(name.split()).casefold()
        for variant in self.all():
            if variant.key == key:
                return variant
        raise NotFoundError("there is no resume variant named “{name}”", name=" ".join(name.split())[:80])

    def remove(self, name: str) -> None:
        variant = self.get(name)
        with self._store.write() as s:
            row = s.get(VariantRow, variant.id)
            if row is not None and row.deleted_at is None:
                row.deleted_at = now()

    @staticmethod
    def apply(variant: ResumeVariant, profile: Profile) -> Profile:
        """The profile as the variant shows it (a job removed since the variant was saved is skipped)."""
        return select_sections(profile, variant.sections, variant.experience_ids)

    @staticmethod
    def _live_rows(s: Session) -> list[VariantRow]:
        return list(s.scalars(select(VariantRow).where(VariantRow.deleted_at.is_(None))))
