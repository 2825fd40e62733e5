"""`coapp assignments ...`: the synced assignments from a shell, searched offline and sorted by match;
one in detail with the match's reasons; favourites set and unset.

    coapp assignments list [--query TEXT] [--favourites] [--json]
    coapp assignments show ID [--json]
    coapp assignments favourite ID | unfavourite ID

IDs may be given by an unambiguous start (at least four characters).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from coapp.cli.common import CliParser, one_line, print_json

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.domain.matching import Match
    from coapp.services.assignments_rows import AssignmentItem


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    assignments = verbs.add_parser(
        "assignments", help="the platform's assignments on this computer: search, show, favourites"
    )
    actions = assignments.add_subparsers(dest="assignments_action", metavar="ACTION", required=True)

    p = actions.add_parser(
        "list",
        help="list the assignments, best match first",
        description="Searched on this computer (synced earlier): every word must be found in the title, "
        "description, client or skills; skills by any name (k8s, JS); the last word may be unfinished.",
    )
    p.add_argument("--query", default="", metavar="TEXT", help="words to search for")
    p.add_argument("--favourites", action="store_true", help="only the favourites")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=list_assignments)

    p = actions.add_parser("show", help="one assignment with the match's reasons")
    p.add_argument("id", metavar="ID", help="its id, or the id's first characters")
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.set_defaults(handler=show)

    for name, on, text in (("favourite", True, "mark as a favourite"), ("unfavourite", False, "unmark")):
        p = actions.add_parser(name, help=text)
        p.add_argument("id", metavar="ID", help="its id, or the id's first characters")
        p.set_defaults(handler=set_favourite, on=on)


def _amount(value: Decimal) -> str:
    return format(value.normalize() if value == value.to_integral() else value, "f")


def item_json(item: AssignmentItem, favourite: bool, match: Match) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "client_name": item.client_name,
        "skills": list(item.skills),
        "must_have": list(item.must_have),
        "nice_to_have": list(item.nice_to_have),
        "rate_min": str(item.rate_min),
        "rate_max": str(item.rate_max),
        "currency": item.currency,
        "remote": item.remote,
        "workplace": item.workplace,
        "status": item.status,
        "start": item.start.isoformat(),
        "end": item.end.isoformat() if item.end else None,
        "extent_percent": item.extent_percent,
        "favourite": favourite,
        "match": {"score": match.score, "reasons": [r.text for r in match.reasons]},
    }


def list_assignments(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.services.assignments import AssignmentFilters

    # argparse hands `--query=--` over as a list (it takes "--" for the end of the options).
    query = args.query if isinstance(args.query, str) else " ".join(args.query)
    result = ctx.assignments.search(AssignmentFilters(query=query, favourites_only=args.favourites))
    if args.json:
        matches = ctx.assignments.explain(item.id for item in result.items)
        print_json([item_json(i, i.id in result.favourites, matches[i.id]) for i in result.items])
        return 0
    if not result.items:
        print("No assignments match." if result.total else "No assignments yet: sync to fetch them.")
        return 0
    for item in result.items:
        star = "*" if item.id in result.favourites else " "
        where = "remote" if item.remote else item.city or item.country
        rates = f"{_amount(item.rate_min)}–{_amount(item.rate_max)} {item.currency}/h"
        closed = "  (closed)" if item.closed else ""
        print(
            f"{item.score:3d} {star} {item.id[:8]}  {one_line(item.title)} — {one_line(item.client_name)}, "
            f"{where}, {rates}{closed}"
        )
    return 0


def show(ctx: AppContext, args: argparse.Namespace) -> int:
    detail = ctx.assignments.get(args.id)
    item = detail.item
    if args.json:
        print_json(
            {
                **item_json(item, detail.favourite, detail.match),
                "description": detail.description,
                "seniority": detail.seniority,
                "language": detail.language,
                "hours_per_week": detail.hours_per_week,
                "city": item.city,
                "country": item.country,
                "closes_at": item.closes_at.isoformat(),
            }
        )
        return 0
    print(f"{one_line(item.title)}{'  ★' if detail.favourite else ''}{'  (closed)' if item.closed else ''}")
    print(f"{'Client':<12}{one_line(item.client_name)}")
    print(f"{'Id':<12}{item.id}")
    place = ", ".join(x for x in (item.city, item.country) if x)
    print(f"{'Where':<12}{item.workplace}{f' ({place})' if place else ''}")
    end = item.end.isoformat() if item.end else "until further notice"
    print(f"{'When':<12}{item.start.isoformat()} – {end}, {item.extent_percent} %")
    print(f"{'Rate':<12}{_amount(item.rate_min)}–{_amount(item.rate_max)} {item.currency} per hour")
    print(f"{'Must have':<12}{', '.join(item.must_have) or '—'}")
    print(f"{'Nice to have':<12}{', '.join(item.nice_to_have) or '—'}")
    print(f"Match: {detail.match.score}")
    for reason in detail.match.reasons:
        print(f"  {'+' if reason.good else '-'} {reason.text}")
    if detail.description.strip():
        print()
        print(detail.description.strip())
    return 0


def set_favourite(ctx: AppContext, args: argparse.Namespace) -> int:
    change = ctx.assignments.set_favourite(args.id, args.on)
    title = ctx.assignments.get(change.assignment_id).item.title
    if not change.changed:
        print(f"{one_line(title)} was {'already' if change.now else 'not'} a favourite.")
    else:
        print(f"{one_line(title)}: {'now a favourite' if change.now else 'no longer a favourite'}.")
    return 0
