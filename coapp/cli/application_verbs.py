"""`coapp apply ...`, `coapp applications ...`, `coapp consents ...`: applying with consent, the
pipeline, an interview's .ics, and the consent ledger from a shell.

    coapp apply ASSIGNMENT_ID --rate AMOUNT [--per hour|day] [--resume-variant NAME] [--message TEXT]
                --consent
    coapp applications list [--json] | show ID [--json] | withdraw ID [--text TEXT] | ics ID -o FILE
    coapp consents list [--json] | export -o FILE

Without --consent nothing is stored or sent (exit 2). An application waits on this computer until
the next `coapp sync` sends it. IDs may be given by an unambiguous start (at least four characters).
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.base.atomic_file import write_atomic
from coapp.cli.common import CliParser, argument_type, iso_date_arg, one_line, print_json
from coapp.domain.errors import ValidationError

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.applications_views import Application

_AMOUNT = re.compile(r"^[0-9]{1,12}(?:[.,][0-9]{1,4})?$")


def parse_amount(text: str) -> Decimal:
    """A rate as typed: digits with an optional decimal point or comma (no signs, exponents, NaN)."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _AMOUNT.match(raw):
        raise ValidationError(f"“{one_line(text)[:40]}” is not an amount (e.g. 950 or 950.50)")
    return Decimal(raw.replace(",", "."))


def _text(value: Any) -> str:
    # argparse hands `--message=--` over as a list (it takes "--" for the end of the options).
    return value if isinstance(value, str) else " ".join(value)


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    p = verbs.add_parser(
        "apply",
        help="apply to an assignment (with your consent); sent at the next sync",
        description="States your rate, availability and message, and records your consent to share the "
        "resume variant's sections with the client through your agent. Without --consent nothing is "
        "stored or sent.",
    )
    p.add_argument("assignment", metavar="ASSIGNMENT_ID", help="its id, or the id's first characters")
    p.add_argument("--rate", required=True, type=argument_type(parse_amount, "amount"), metavar="AMOUNT")
    p.add_argument(
        "--per", choices=("hour", "day"), default="hour", help="the rate is per hour (default) or day"
    )
    p.add_argument(
        "--resume-variant", metavar="NAME", help="the resume variant to share (default: the whole profile)"
    )
    p.add_argument("--message", default="", metavar="TEXT", help="a message to the client")
    p.add_argument("--available-from", type=iso_date_arg, metavar="YYYY-MM-DD", help="default: the start")
    p.add_argument("--hours-per-week", type=int, metavar="N", help="default: the assignment's")
    p.add_argument("--consent", action="store_true", help="I consent to share this with the client")
    p.set_defaults(handler=apply)

    applications = verbs.add_parser("applications", help="your applications: list, show, withdraw, .ics")
    actions = applications.add_subparsers(dest="applications_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="every application with its state and timeline")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=list_applications)
    p = actions.add_parser("show", help="one application with its timeline and interview")
    p.add_argument("id", metavar="ID", help="its id, or the id's first characters")
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.set_defaults(handler=show)
    p = actions.add_parser("withdraw", help="withdraw an application (sent at the next sync)")
    p.add_argument("id", metavar="ID", help="its id, or the id's first characters")
    p.add_argument("--text", default="", metavar="TEXT", help="a word to the agent")
    p.set_defaults(handler=withdraw)
    p = actions.add_parser("ics", help="the interview as an iCalendar file")
    p.add_argument("id", metavar="ID", help="its id, or the id's first characters")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.set_defaults(handler=ics)

    consents = verbs.add_parser("consents", help="the consents you gave: list, export")
    actions = consents.add_subparsers(dest="consents_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="every consent: what, which resume, which rate, to whom, when")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=list_consents)
    p = actions.add_parser("export", help="write the consents to a JSON file")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.set_defaults(handler=export_consents)


def application_json(a: Application) -> dict[str, Any]:
    interview = a.interview
    return {
        "id": a.id,
        "assignment_id": a.assignment_id,
        "title": a.assignment_title,
        "state": a.state,
        "rate": str(a.rate),
        "rate_per": a.rate_per,
        "currency": a.currency,
        "resume_variant": a.resume_variant,
        "waiting": a.waiting or None,
        "refused": a.refused_code or None,
        "events": [{"at": e.at.isoformat(), "state": e.state, "text": e.text} for e in a.events],
        "interview": None
        if interview is None
        else {
            "starts_at": interview.starts_at.isoformat(),
            "ends_at": interview.ends_at.isoformat(),
            "place": interview.place or interview.video_url,
            "video_url": interview.video_url,
            "agent_attends": interview.agent_attends,
        },
    }


def _checked_output(path: Path) -> Path:
    if path.is_dir() or not path.parent.is_dir():
        raise ValidationError(f"cannot write “{one_line(str(path))[:80]}”: give a file in an existing folder")
    return path


def apply(ctx: AppContext, args: argparse.Namespace) -> int:
    if not args.consent:
        raise ValidationError("add --consent to share this with the client; nothing was stored or sent")
    result = ctx.applications.apply(
        args.assignment,
        args.rate,
        per=args.per,
        resume_variant=args.resume_variant,
        available_from=args.available_from,
        hours_per_week=args.hours_per_week,
        message=_text(args.message),
        consent=True,
    )
    a = result.application
    print(
        f"Applied to {one_line(a.assignment_title) or a.assignment_id} ({a.id[:8]}): sent at the next sync."
    )
    for warning in result.warnings:
        print(f"Note: {warning}")
    return 0


def _state(a: Application) -> str:
    if a.refused_code:
        return f"refused ({a.refused_code})"
    if a.waiting:
        return f"{a.state}, {a.waiting} waits for a sync"
    return a.state


def list_applications(ctx: AppContext, args: argparse.Namespace) -> int:
    applications = ctx.applications.list()
    if args.json:
        print_json([application_json(a) for a in applications])
        return 0
    if not applications:
        print("No applications yet.")
        return 0
    for a in applications:
        when = f"  interview {a.interview.starts_at.isoformat()}" if a.interview else ""
        rate = f"{a.rate} {a.currency}/{a.rate_per}"
        print(f"{a.id[:8]}  {_state(a):<30} {one_line(a.assignment_title)[:50]}  {rate}{when}")
    return 0


def show(ctx: AppContext, args: argparse.Namespace) -> int:
    a = ctx.applications.get(args.id)
    if args.json:
        print_json(application_json(a))
        return 0
    print(f"{one_line(a.assignment_title) or a.assignment_id} — {one_line(a.client_name)}")
    print(f"{'Id':<12}{a.id}")
    print(f"{'State':<12}{_state(a)}")
    if a.refused_message:
        print(f"{'Refused':<12}{one_line(a.refused_message)}")
    print(f"{'Rate':<12}{a.rate} {a.currency} per {a.rate_per}")
    print(f"{'Resume':<12}{one_line(a.resume_variant)}")
    print(f"{'Available':<12}{a.available_from.isoformat()}, {a.hours_per_week} h/week")
    for e in a.events:
        print(f"  {e.at.isoformat()}  {e.state:<10} {one_line(e.text)}")
    if a.interview is not None:
        i = a.interview
        print(f"Interview {i.starts_at.isoformat()} – {i.ends_at.isoformat()}")
        for part in (i.place, i.video_url):
            if part:
                print(f"  {one_line(part)}")
        print(f"  {'your agent attends' if i.agent_attends else 'your agent does not attend'}")
    return 0


def withdraw(ctx: AppContext, args: argparse.Namespace) -> int:
    a = ctx.applications.withdraw(args.id, _text(args.text))
    print(f"Withdrawal of {a.id[:8]} queued: sent at the next sync.")
    return 0


def ics(ctx: AppContext, args: argparse.Namespace) -> int:
    path = _checked_output(args.output)
    write_atomic(path, ctx.applications.interview_ics(args.id))
    print(f"Wrote {path}")
    return 0


def list_consents(ctx: AppContext, args: argparse.Namespace) -> int:
    consents = ctx.applications.consents()
    if args.json:
        print_json([c.as_json() for c in consents])
        return 0
    if not consents:
        print("No consents given.")
        return 0
    for c in consents:
        mark = "" if c.recorded_by_platform else "  (not on the platform)"
        print(
            f"{c.consented_at.isoformat()}  {one_line(c.resume_variant)} ({c.resume_digest[:12]}), "
            f"{c.rate} {c.currency}/{c.rate_per} to {one_line(c.shared_with_client)} "
            f"via {one_line(c.shared_via_agent)}{mark}"
        )
    return 0


def export_consents(ctx: AppContext, args: argparse.Namespace) -> int:
    path = ctx.applications.export_consents(_checked_output(args.output))
    print(f"Wrote {path}")
    return 0
