"""`coapp contracts ...`, `coapp feedback ...`, `coapp reviews ...`: the platform's contracts, the
feedback on one's work and the mutual reviews from a shell (issue 11).

    coapp contracts list [--json] | show ID [--json] | sign ID --name "Full Name"
    coapp contracts pdf ID -o FILE | add --title ... (coapp.cli.contract_file_verbs)
    coapp feedback list CONTRACT [--json]
    coapp reviews write CONTRACT --score 1-5 --text TEXT | reviews list [--json]

Signing and writing a review are online calls (the platform's current terms; a review is immutable
there); everything else reads this computer's copy. IDs may be given by an unambiguous start, or a
contract by the start of its title. Money is printed as decimal strings, never JSON numbers.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from coapp.cli import contract_file_verbs
from coapp.cli.common import CliParser, hours, one_line, print_json
from coapp.cli.counted import counted

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.contract_view import (
        ContractReviews,
        ContractView,
        FeedbackHistory,
        ReviewView,
    )


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    contracts = verbs.add_parser("contracts", help="your contracts: list, show, sign an offer")
    actions = contracts.add_subparsers(dest="contracts_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="every contract with its state and figures so far")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=list_contracts)
    p = actions.add_parser("show", help="one contract: terms, milestones, feedback, reviews, figures")
    p.add_argument("id", metavar="ID", help="its id, the id's first characters, or the start of its title")
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.set_defaults(handler=show)
    p = actions.add_parser(
        "sign",
        help="sign a contract offer with your full name (online: the platform's current terms)",
        description="Signs the terms version this computer holds. If the platform's terms changed "
        "meanwhile nothing is signed and the new terms are shown; read them and sign again.",
    )
    p.add_argument("id", metavar="ID", help="its id, the id's first characters, or the start of its title")
    p.add_argument("--name", required=True, metavar="FULL_NAME", help="your full name, as you sign")
    p.set_defaults(handler=sign)
    contract_file_verbs.add_actions(actions)  # pdf, add

    feedback = verbs.add_parser("feedback", help="feedback on your work during a contract")
    actions = feedback.add_subparsers(dest="feedback_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="the feedback history, with the overall score and how it is computed")
    p.add_argument("contract", metavar="CONTRACT", help="the contract's id (or its start) or title")
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.set_defaults(handler=list_feedback)

    reviews = verbs.add_parser("reviews", help="reviews after a contract: write yours, list them")
    actions = reviews.add_subparsers(dest="reviews_action", metavar="ACTION", required=True)
    p = actions.add_parser(
        "write",
        help="review the client once the contract has ended (online; never changes after)",
        description="The client's review of you shows once both are in, or 14 days after the end.",
    )
    p.add_argument("contract", metavar="CONTRACT", help="the contract's id (or its start) or title")
    p.add_argument("--score", required=True, metavar="1-5", help="a whole score from 1 to 5")
    p.add_argument("--text", required=True, metavar="TEXT", help="what you say about the work")
    p.set_defaults(handler=write_review)
    p = actions.add_parser("list", help="your reviews and, once revealed, the clients' of you")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=list_reviews)


# --- JSON ----------------------------------------------------------------------------------------


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def review_json(r: ReviewView | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "id": r.id,
        "author": r.author,
        "score": r.score,
        "text": r.text,
        "submitted_at": r.submitted_at.isoformat(),
    }


def reviews_json(r: ContractReviews) -> dict[str, Any]:
    return {
        "contract_id": r.contract_id,
        "title": r.contract_title,
        "mine": review_json(r.mine),
        "theirs": review_json(r.theirs),
        "can_write": r.can_write,
        "reveal_on": r.reveal_on.isoformat() if r.reveal_on else None,
    }


def feedback_json(h: FeedbackHistory) -> dict[str, Any]:
    return {
        "contract_id": h.contract_id,
        "overall": _money(h.overall),
        "method": h.method,
        "feedback": [
            {
                "id": f.id,
                "author_role": f.author_role,
                "author_name": f.author_name,
                "quality": f.quality,
                "communication": f.communication,
                "delivery": f.delivery,
                "expertise": f.expertise,
                "overall": str(f.overall),
                "comment": f.comment,
                "given_at": f.given_at.isoformat(),
            }
            for f in h.items
        ],
    }


def contract_json(v: ContractView) -> dict[str, Any]:
    """The list's keys first (issue 11), then the rest of the detail."""
    info, f = v.info, v.figures
    return {
        "id": v.id,
        "title": info.title,
        "client_name": info.client_name,
        "state": v.state.value,
        "fee_model": info.fee_model.value,
        "rate": str(info.rate),
        "currency": info.currency,
        "start": info.start_date.isoformat(),
        "end": info.end_date.isoformat() if info.end_date else None,
        "commission_rate": str(info.commission_percent),
        "reported_minutes": f.reported_minutes,
        "invoiced_minutes": f.invoiced_minutes,
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "amount": str(m.amount),
                "due_date": m.due_date.isoformat(),
                "state": m.state,
            }
            for m in v.milestones
        ],
        "origin": v.origin,
        "in_force": v.in_force,
        "terms_version": v.terms_version,
        "scope": v.scope,
        "minutes_per_day": info.minutes_per_day,
        "rounding_rule": str(info.rounding),
        "payment_terms_days": v.payment_terms_days,
        "signed_at": v.signed_at.isoformat() if v.signed_at else None,
        "signed_name": v.signed_name,
        "signed_terms_version": v.signed_terms_version,
        "original_end": v.original_end_date.isoformat() if v.original_end_date else None,
        "ended_on": v.ended_on.isoformat() if v.ended_on else None,
        "state_reason": v.state_reason,
        "agreement_value": str(f.agreement_value),
        "vat": str(f.vat),
        "commission_amount": str(f.commission),
        "commission_vat_rate": str(f.commission_vat_rate),
        "commission_vat": str(f.commission_vat),
        "commission_reverse_charge": f.commission_reverse_charge,
        "payout": str(f.payout),
        "budget": _money(f.budget),
        "budget_left": _money(f.budget_left),
        "overall_feedback": _money(v.feedback.overall),
    }


# --- handlers ------------------------------------------------------------------------------------


def _resolve(ctx: AppContext, ref: str) -> str:
    return ctx.contracts.resolve(ref).id


def list_contracts(ctx: AppContext, args: argparse.Namespace) -> int:
    views = ctx.contract_views.all()
    if args.json:
        print_json([contract_json(v) for v in views])
        return 0
    if not views:
        print("No contracts yet.")
        return 0
    for v in views:
        info = v.info
        rate = f"{info.rate} {info.currency} {info.fee_model.value}"
        reported = hours(ctx.settings, v.figures.reported_minutes)
        print(
            f"{v.id[:8]}  {v.state.value:<10} {one_line(info.title)[:40]} ({one_line(info.client_name)[:30]})"
            f"  {rate}  {reported} h"
        )
    return 0


def show(ctx: AppContext, args: argparse.Namespace) -> int:
    v = ctx.contract_views.get(_resolve(ctx, args.id))
    if args.json:
        print_json(contract_json(v))
        return 0
    info, f = v.info, v.figures
    end = info.end_date.isoformat() if info.end_date else "until further notice"
    print(f"{one_line(info.title)} — {one_line(info.client_name)}")
    rows = [
        ("Id", v.id),
        ("State", v.state.value + (f" ({one_line(v.state_reason)})" if v.state_reason else "")),
        ("Terms", f"version {v.terms_version}"),
        ("Period", f"{info.start_date.isoformat()} – {end}"),
        ("Fee", f"{info.fee_model.value}, {info.rate} {info.currency}"),
        ("Payment", counted(v.payment_terms_days, "day", "days")),
        ("Commission", f"{info.commission_percent} % = {f.commission} {f.currency}"),
        ("Reported", f"{hours(ctx.settings, f.reported_minutes)} h"),
        ("Invoiced", f"{hours(ctx.settings, f.invoiced_minutes)} h"),
        ("Value", f"{f.agreement_value} {f.currency} (VAT {f.vat})"),
        ("Payout", f"{f.payout} {f.currency}"),
    ]
    if v.signed_at is not None:
        rows.append(("Signed", f"{v.signed_at.isoformat()} by {one_line(v.signed_name or '')}"))
    if f.budget_left is not None:
        rows.append(("Budget left", f"{f.budget_left} of {f.budget} {f.currency}"))
    for label, text in rows:
        print(f"{label:<12}{text}")
    vat = (
        "reverse charge"
        if f.commission_reverse_charge
        else f"VAT {f.commission_vat_rate} % = {f.commission_vat}"
    )
    print(f"{'':<12}commission's {vat}")
    if v.scope:
        print("Scope:")
        for line in v.scope.splitlines():
            print(f"  {line}")
    for m in v.milestones:
        when = m.due_date.isoformat()
        print(f"  milestone {m.id[:8]} {when} {m.state:<9} {m.amount} {info.currency}  {one_line(m.title)}")
    if v.feedback.overall is not None:
        print(f"Feedback    overall {v.feedback.overall} from {len(v.feedback.items)}")
    if v.can_sign:
        print(f'Sign it with: coapp contracts sign {v.id[:8]} --name "Your Full Name"')
    return 0


def sign(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.cli.sync_verbs import _talking
    from coapp.domain.contract_states import check_signed_name

    name = check_signed_name(args.name)  # bad input: exit 2 before anything is asked
    contract_id = _resolve(ctx, args.id)

    def call() -> int:
        signed = ctx.sync.sign_contract(contract_id, name)
        print(f"Signed {one_line(signed.title)} (terms version {signed.terms_version}) as {one_line(name)}.")
        return 0

    return _talking(call)


def list_feedback(ctx: AppContext, args: argparse.Namespace) -> int:
    history = ctx.contract_views.feedback(_resolve(ctx, args.contract))
    if args.json:
        print_json(feedback_json(history))
        return 0
    if not history.items:
        print("No feedback yet.")
    for item in history.items:
        print(
            f"{item.given_at.date().isoformat()}  {item.author_role:<6} {item.overall}  "
            f"quality {item.quality}, communication {item.communication}, delivery {item.delivery}, "
            f"expertise {item.expertise}  {one_line(item.author_name)}"
        )
        if item.comment:
            print(f"  {one_line(item.comment)}")
    if history.overall is not None:
        print(f"Overall {history.overall}")
    print(history.method)
    return 0


def write_review(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.cli.sync_verbs import _talking
    from coapp.domain.errors import ValidationError
    from coapp.domain.reviews import check_score, check_text

    raw = args.score.strip()
    if not raw.isascii() or not raw.isdigit():
        raise ValidationError("score: a whole number from 1 to 5")
    score = check_score(int(raw))
    # argparse hands `--text=--` over as a list (it takes "--" for the end of the options).
    text = check_text(args.text if isinstance(args.text, str) else " ".join(args.text))
    contract_id = _resolve(ctx, args.contract)

    def call() -> int:
        result = ctx.sync.write_review(contract_id, score, text)
        print(f"Your review of {one_line(result.contract_title)} is in; it never changes.")
        if result.theirs is not None:
            print(f"The client's review of you: {result.theirs.score}/5  {one_line(result.theirs.text)}")
        elif result.reveal_on is not None:
            print(f"The client's review of you shows once both are in, or on {result.reveal_on.isoformat()}.")
        return 0

    return _talking(call)


def list_reviews(ctx: AppContext, args: argparse.Namespace) -> int:
    found = ctx.contract_views.reviews()
    if args.json:
        print_json([reviews_json(r) for r in found])
        return 0
    if not found:
        print("No reviews yet.")
    for r in found:
        print(f"{r.contract_id[:8]}  {one_line(r.contract_title)}")
        if r.mine is not None:
            print(f"  yours:  {r.mine.score}/5  {one_line(r.mine.text)}")
        elif r.can_write:
            print(f"  yours:  not written; coapp reviews write {r.contract_id[:8]} --score N --text ...")
        if r.theirs is not None:
            print(f"  theirs: {r.theirs.score}/5  {one_line(r.theirs.text)}")
        elif r.reveal_on is not None:
            print(f"  theirs: shows once both are in, or on {r.reveal_on.isoformat()}")
    return 0
