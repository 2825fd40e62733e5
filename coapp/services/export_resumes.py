"""The resumes for the data export: coapp makes them from the profile when asked, so the export
renders them too (the profile as a resume, and each saved variant), with the photo where it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coapp.documents.resume_pdf import ResumeOptions, render_resume_pdf
from coapp.domain.resume_variants import shows_photo
from coapp.services.profile import ProfileService
from coapp.services.resume_variants import ResumeVariantService
from coapp.store.engine import Store


@dataclass(frozen=True)
class GeneratedFile:
    """A file made for the export; *name* is a wish, made safe where it enters the ZIP."""

    name: str
    content: bytes
    kind: str
    table: str
    row_id: str


def resume_files(
    store: Store, profile: ProfileService, photo: Path | None, language: str
) -> list[GeneratedFile]:
    me = profile.get()
    files = [
        GeneratedFile(
            "resume.pdf",
            render_resume_pdf(me, ResumeOptions(language=language, photo=photo)),
            "resume",
            "profiles",
            "",
        )
    ]
    variants = ResumeVariantService(store)
    for variant in variants.all():
        options = ResumeOptions(
            language=variant.language,
            look=variant.look,
            photo=photo if shows_photo(variant.sections) else None,
        )
        content = render_resume_pdf(variants.apply(variant, me), options)
        files.append(GeneratedFile(f"{variant.name}.pdf", content, "resume", "resume_variants", variant.id))
    return files
