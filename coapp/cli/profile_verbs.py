"""`coapp profile ...`: show My Profile and change it from a shell, field by field and item by item."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coapp.cli.common import CliParser, argument_type, print_json
from coapp.cli.profile_file_verbs import add_file_verbs
from coapp.cli.profile_json import import_plan_json, profile_json
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile import Profile
from coapp.domain.profile_fields import SETTABLE_FIELDS
from coapp.domain.profile_sections import Education, Experience
from coapp.domain.year_month import YearMonth

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.profile_import import ImportPlan
    from coapp.services.profile_rows import Section

month_arg = argument_type(YearMonth.parse, "month")


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    profile = verbs.add_parser("profile", help="show and edit My Profile (the resume)")
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)

    p = actions.add_parser("show", help="show the profile, its completeness and tips")
    p.add_argument("--json", action="store_true", help="print the profile as JSON")
    p.set_defaults(handler=show)

    p = actions.add_parser(
        "set",
        help="set one field (an empty VALUE clears it)",
        description="Fields: " + ", ".join(SETTABLE_FIELDS),
    )
    p.add_argument("field", metavar="FIELD", help=", ".join(SETTABLE_FIELDS))
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(handler=set_field)

    skill = actions.add_parser("skill", help="add or remove a skill")
    skill_actions = skill.add_subparsers(dest="skill_action", metavar="ACTION", required=True)
    p = skill_actions.add_parser("add", help="add a skill (its usual name is used: js → JavaScript)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--level", type=int, metavar="1-5", help="1 beginner … 5 expert")
    p.add_argument("--years", type=int, metavar="N", help="whole years of experience")
    p.set_defaults(handler=add_skill)
    p = skill_actions.add_parser("remove", help="remove a skill")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=remove_skill)

    language = actions.add_parser("language", help="add or remove a language")
    language_actions = language.add_subparsers(dest="language_action", metavar="ACTION", required=True)
    p = language_actions.add_parser("add", help="add a language with its level")
    p.add_argument("language", metavar="LANGUAGE")
    p.add_argument("level", metavar="LEVEL", help="A1, A2, B1, B2, C1, C2 or native")
    p.set_defaults(handler=add_language)
    p = language_actions.add_parser("remove", help="remove a language")
    p.add_argument("language", metavar="LANGUAGE")
    p.set_defaults(handler=remove_language)

    link = actions.add_parser("link", help="add or remove a link (LinkedIn, GitHub, portfolio)")
    link_actions = link.add_subparsers(dest="link_action", metavar="ACTION", required=True)
    for name, handler, text in (("add", add_link, "add a link"), ("remove", remove_link, "remove a link")):
        p = link_actions.add_parser(name, help=text)
        p.add_argument("url", metavar="URL")
        p.set_defaults(handler=handler)

    experience = actions.add_parser("experience", help="add or remove a job or assignment")
    exp_actions = experience.add_subparsers(dest="experience_action", metavar="ACTION", required=True)
    p = exp_actions.add_parser("add", help="add a job or assignment")
    p.add_argument("--organisation", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--start", required=True, type=month_arg, metavar="YYYY-MM")
    end = p.add_mutually_exclusive_group(required=True)
    end.add_argument("--end", type=month_arg, metavar="YYYY-MM")
    end.add_argument("--current", action="store_true", help="still there (no end)")
    p.add_argument("--description", default="", help="what you did (Markdown)")
    p.add_argument("--skills", default="", metavar="A,B", help="skills used, separated by commas")
    p.set_defaults(handler=add_experience)
    p = exp_actions.add_parser("remove", help="remove a job by its id (or the id's start)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=remove_experience)

    p = actions.add_parser(
        "import-linkedin",
        help="import LinkedIn's data export (its ZIP or folder); your own values are never overwritten",
        description="Adds what the export has and the profile lacks, fills empty fields, and lists what "
        "it keeps, skips and notes. The whole import is written at once, or nothing is.",
    )
    p.add_argument("path", metavar="PATH", help="the ZIP LinkedIn sent, or the folder it unpacks to")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; change nothing")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.set_defaults(handler=import_linkedin)

    add_file_verbs(actions)

    education = actions.add_parser("education", help="add or remove an education")
    edu_actions = education.add_subparsers(dest="education_action", metavar="ACTION", required=True)
    p = edu_actions.add_parser("add", help="add an education")
    p.add_argument("--school", required=True)
    p.add_argument("--degree", default="")
    p.add_argument("--field", default="", help="field of study")
    p.add_argument("--start", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("--end", type=month_arg, metavar="YYYY-MM", help="leave out while still studying")
    p.set_defaults(handler=add_education)
    p = edu_actions.add_parser("remove", help="remove an education by its id (or the id's start)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=remove_education)


def show(ctx: AppContext, args: argparse.Namespace) -> int:
    profile = ctx.profile.get()
    done = ctx.profile.completeness()
    if args.json:
        print_json(
            profile_json(profile, done, ctx.profile_files.photo_sha256(), ctx.profile_files.photo_path())
        )
        return 0
    _print_profile(profile)
    _print_files(ctx, profile)
    print(f"Complete: {done.score} %")
    for tip in done.tips:
        print(f"  • {tip}")
    return 0


def _line(label: str, value: object) -> None:
    print(f"{label:<14}{value if value not in (None, '') else '—'}")


def _print_profile(p: Profile) -> None:
    d = p.details
    _line("Name", d.name)
    _line("Title", d.title)
    _line("E-mail", d.email)
    _line("Phone", d.phone)
    _line("Location", ", ".join(x for x in (d.city, d.country) if x))
    available = d.available_from.isoformat() if d.available_from else ""
    if d.availability_percent:
        available = f"{available or 'now'}, {d.availability_percent} %"
    _line("Available", available)
    rates = [f"{d.hourly_rate} {d.currency}/hour" if d.hourly_rate is not None else ""]
    rates.append(f"{d.daily_rate} {d.currency}/day" if d.daily_rate is not None else "")
    _line("Rates", ", ".join(r for r in rates if r))
    _line("Languages", ", ".join(f"{lang.language} ({lang.level})" for lang in p.languages))
    _line("Skills", ", ".join(_skill_text(s.name, s.level, s.years) for s in p.skills))
    for link in p.links:
        _line(f"Link ({link.kind.value})", link.url)
    if p.letter:
        words = len(p.letter.split())
        print(f"Letter ({words} words)")
        for text in p.letter.splitlines()[:5]:
            print(f"  {text}")
        if len(p.letter.splitlines()) > 5:
            print("  …")
    if p.experience:
        print("Experience")
    for job in p.experience:
        until = "now" if job.current else str(job.end)
        print(f"  {job.start} – {until}  {job.role}, {job.organisation}  [{job.id[:8]}]")
        if job.skills:
            print(f"    skills: {', '.join(job.skills)}")
    if p.education:
        print("Education")
    for e in p.education:
        until = str(e.end) if e.end else "now"
        what = ", ".join(x for x in (e.degree, e.field) if x)
        print(f"  {e.start} – {until}  {e.school}{': ' + what if what else ''}  [{e.id[:8]}]")
    for title, items in (
        ("Certificates", p.certificates),
        ("Awards", p.awards),
        ("References", p.references),
    ):
        if items:
            print(f"{title}: {', '.join(getattr(i, 'name', None) or getattr(i, 'title', '') for i in items)}")


def _print_files(ctx: AppContext, p: Profile) -> None:
    sha = ctx.profile_files.photo_sha256()
    if sha is None:
        _line("Photo", "")
    else:
        _line("Photo", f"{sha[:12]}" + ("" if ctx.profile_files.photo_path() else " (not downloaded yet)"))
    if p.portfolio:
        print("Portfolio")
    for item in p.portfolio:
        attached = (
            f"  {item.file.name} ({item.file.content_type}, {item.file.size:,} bytes)" if item.file else ""
        )
        print(f"  {item.title}{'  ' + item.url if item.url else ''}{attached}  [{item.id[:8]}]")


def _skill_text(name: str, level: int | None, years: int | None) -> str:
    extra = [f"level {level}" if level else "", f"{years} y" if years is not None else ""]
    shown = ", ".join(x for x in extra if x)
    return f"{name} ({shown})" if shown else name


def set_field(ctx: AppContext, args: argparse.Namespace) -> int:
    ctx.profile.set_field(args.field, args.value)
    print(f"Set {args.field.strip().lower()}.")
    return 0


def add_skill(ctx: AppContext, args: argparse.Namespace) -> int:
    skill = ctx.profile.add_skill(args.name, args.level, args.years)
    print(f"Added {_skill_text(skill.name, skill.level, skill.years)}.")
    return 0


def remove_skill(ctx: AppContext, args: argparse.Namespace) -> int:
    ctx.profile.remove_skill(args.name)
    print("Removed.")
    return 0


def add_language(ctx: AppContext, args: argparse.Namespace) -> int:
    added = ctx.profile.add_language(args.language, args.level)
    print(f"Added {added.language} ({added.level}).")
    return 0


def remove_language(ctx: AppContext, args: argparse.Namespace) -> int:
    ctx.profile.remove_language(args.language)
    print("Removed.")
    return 0


def add_link(ctx: AppContext, args: argparse.Namespace) -> int:
    link = ctx.profile.add_link(args.url)
    print(f"Added {link.url} ({link.kind.value}).")
    return 0


def remove_link(ctx: AppContext, args: argparse.Namespace) -> int:
    ctx.profile.remove_link(args.url)
    print("Removed.")
    return 0


def add_experience(ctx: AppContext, args: argparse.Namespace) -> int:
    job = Experience(
        args.organisation,
        args.role,
        args.start,
        args.end,
        args.current,
        args.description,
        tuple(s for s in args.skills.split(",") if s.strip()),
    )
    added = ctx.profile.add_item(job)
    print(f"Added {added.role} at {added.organisation} ({added.id}).")
    return 0


def add_education(ctx: AppContext, args: argparse.Namespace) -> int:
    added = ctx.profile.add_item(Education(args.school, args.start, args.degree, args.field, args.end))
    print(f"Added {added.school} ({added.id}).")
    return 0


def _resolve(ctx: AppContext, section: Section, ref: str) -> str:
    needle = ref.strip().lower()
    ids = [item.id for item in ctx.profile.items(section)]
    matches = [i for i in ids if i == needle] or [i for i in ids if needle and i.startswith(needle)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no item in {section.value} has the id “{ref.strip()}”")
    raise NotFoundError(f"“{ref.strip()}” starts {len(matches)} ids in {section.value}; give more of it")


def remove_experience(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.services.profile_rows import Section

    ctx.profile.remove_item(Section.EXPERIENCE, _resolve(ctx, Section.EXPERIENCE, args.id))
    print("Removed.")
    return 0


def remove_education(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.services.profile_rows import Section

    ctx.profile.remove_item(Section.EDUCATION, _resolve(ctx, Section.EDUCATION, args.id))
    print("Removed.")
    return 0


def import_linkedin(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.domain.linkedin_export import read_linkedin_export
    from coapp.services.profile_import import ProfileImport

    try:
        export = read_linkedin_export(args.path)
    except ValidationError as exc:
        message = str(exc)
        raise ValidationError(message if args.path in message else f"{args.path}: {message}") from None
    importer = ProfileImport(ctx.store)
    plan = importer.preview(export)
    applied = not args.dry_run
    if applied:
        importer.apply(plan)
    if args.json:
        print_json(import_plan_json(plan, applied))
        return 0
    _print_plan(plan)
    if not plan.has_writes:
        print("Nothing to import: your profile already has everything this export can add.")
    elif applied:
        print(f"Imported: {len(plan.added)} added, {len(plan.changed)} filled.")
    else:
        print("Dry run: nothing was changed.")
    return 0


def _print_plan(plan: ImportPlan) -> None:
    from coapp.services.profile_import import SECTIONS

    if plan.export.files_read:
        print(f"Read: {', '.join(plan.export.files_read)}")
    groups: tuple[tuple[str, list[tuple[str, str]]], ...] = (
        ("Added", [(a.section, a.text) for a in plan.added]),
        (
            "Filled (empty in your profile)",
            [(c.section, f"{_who(c.section, c.item)}{c.field} = {c.export}") for c in plan.changed],
        ),
        (
            "Kept (yours stays; LinkedIn says otherwise)",
            [
                (k.section, f"{_who(k.section, k.item)}{k.field}: yours “{k.profile}”, LinkedIn “{k.export}”")
                for k in plan.kept
            ],
        ),
        ("Skipped", [(s.section, f"{s.text}: {s.reason}") for s in plan.skipped]),
    )
    for title, entries in groups:
        if not entries:
            continue
        print(f"{title} ({len(entries)})")
        for section in SECTIONS:
            for _, text in (e for e in entries if e[0] == section):
                print(f"  {section:<13}{text}")
    for title, lines in (("Notes", plan.notes), ("Warnings from the export", plan.warnings)):
        if lines:
            print(title)
            for line in lines:
                print(f"  • {line}")


def _who(section: str, item: str) -> str:
    return "" if section == "details" else f"{item}: "
