"""`coapp resume ...`: the resume as a PDF, and named variants of what it shows.

coapp resume pdf -o FILE [--lang sv|en] [--look classic|modern] [--variant NAME] [--photo|--no-photo]
coapp resume variant save NAME [--sections a,b] [--experiences ID,...] [--lang sv|en] [--look ...]
coapp resume variant list [--json]
coapp resume variant remove NAME
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.cli.common import CliParser, print_json
from coapp.cli.counted import counted
from coapp.domain.errors import ValidationError
from coapp.domain.resume_variants import (
    RESUME_LANGUAGES,
    RESUME_LOOKS,
    RESUME_SECTIONS,
    ResumeVariant,
    shows_photo,
)

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.resume_variants import ResumeVariantService


def _split(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(p.strip() for p in text.split(",") if p.strip())


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    resume = verbs.add_parser("resume", help="the resume as a PDF, and named variants of it")
    actions = resume.add_subparsers(dest="resume_action", metavar="ACTION", required=True)

    p = actions.add_parser("pdf", help="write the resume as a PDF")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF file to write")
    p.add_argument(
        "--lang", choices=RESUME_LANGUAGES, help="headings' language (default sv, or the variant's)"
    )
    p.add_argument(
        "--look", choices=RESUME_LOOKS, help="classic or modern (default classic, or the variant's)"
    )
    p.add_argument("--variant", metavar="NAME", help="show what this saved variant chooses")
    p.add_argument(
        "--photo",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show the profile photo or not (default: shown when there is one, or as the variant says)",
    )
    p.set_defaults(handler=write_pdf)

    variant = actions.add_parser("variant", help="save, list or remove resume variants")
    variant_actions = variant.add_subparsers(dest="variant_action", metavar="ACTION", required=True)
    p = variant_actions.add_parser(
        "save",
        help="save a named choice of sections and jobs",
        description="Sections: " + ", ".join(RESUME_SECTIONS) + ". Without --experiences, every job.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--sections", metavar="A,B", help="sections to show (default: all)")
    p.add_argument("--experiences", metavar="ID,...", help="ids of the jobs to show (or their starts)")
    p.add_argument("--lang", choices=RESUME_LANGUAGES, default="sv")
    p.add_argument("--look", choices=RESUME_LOOKS, default="classic")
    p.set_defaults(handler=save_variant)
    p = variant_actions.add_parser("list", help="list the saved variants")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(handler=list_variants)
    p = variant_actions.add_parser("remove", help="remove a saved variant")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=remove_variant)


def _service(ctx: AppContext) -> ResumeVariantService:
    from coapp.services.resume_variants import ResumeVariantService

    return ResumeVariantService(ctx.store)


def write_pdf(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.documents.resume_pdf import ResumeOptions, write_resume_pdf

    target = Path(args.output)
    if target.is_dir() or not target.name:
        raise ValidationError(f"{args.output} is a folder; name the PDF file to write")
    profile = ctx.profile.get()
    language, look = args.lang, args.look
    with_photo = True
    if args.variant is not None:
        service = _service(ctx)
        variant = service.get(args.variant)
        profile = service.apply(variant, profile)
        language, look = language or variant.language, look or variant.look
        with_photo = shows_photo(variant.sections)
    photo = _photo(ctx, with_photo if args.photo is None else args.photo, asked=args.photo is True)
    options = ResumeOptions(language=language or "sv", look=look or "classic", photo=photo)
    try:
        write_resume_pdf(profile, target, options)
    except OSError as exc:
        raise ValidationError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Resume written to {target}")
    return 0


def _photo(ctx: AppContext, wanted: bool, asked: bool) -> Path | None:
    """The photo's file when the resume shows it; --photo without one to show is refused."""
    if not wanted:
        return None
    path = ctx.profile_files.photo_path()
    if path is None and asked:
        if ctx.profile_files.photo_sha256() is None:
            raise ValidationError("there is no profile photo; set one with `coapp profile photo set PATH`")
        raise ValidationError("the profile photo has not arrived from the platform yet; sync and try again")
    return path


def save_variant(ctx: AppContext, args: argparse.Namespace) -> int:
    sections = _split(args.sections)
    variant = ResumeVariant(
        name=args.name,
        sections=RESUME_SECTIONS if sections is None else sections,
        experience_ids=_split(args.experiences),
        language=args.lang,
        look=args.look,
    )
    saved = _service(ctx).save(variant)
    print(f"Saved the resume variant “{saved.name}”")
    return 0


def _as_json(v: ResumeVariant) -> dict[str, object]:
    ids = None if v.experience_ids is None else list(v.experience_ids)
    return {
        "name": v.name,
        "sections": list(v.sections),
        "experiences": ids,
        "language": v.language,
        "look": v.look,
    }


def list_variants(ctx: AppContext, args: argparse.Namespace) -> int:
    variants = _service(ctx).all()
    if args.json:
        print_json([_as_json(v) for v in variants])
        return 0
    if not variants:
        print("No resume variants yet; save one with `coapp resume variant save NAME`.")
    for v in variants:
        jobs = "all jobs" if v.experience_ids is None else counted(len(v.experience_ids), "job", "jobs")
        print(f"{v.name}: {v.language}, {v.look}, {', '.join(v.sections)} ({jobs})")
    return 0


def remove_variant(ctx: AppContext, args: argparse.Namespace) -> int:
    service = _service(ctx)
    name = service.get(args.name).name
    service.remove(args.name)
    print(f"Removed the resume variant “{name}”")
    return 0
