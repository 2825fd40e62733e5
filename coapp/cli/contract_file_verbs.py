"""`coapp contracts pdf ID -o FILE` and `coapp contracts add ...` (issue 11): a contract as a PDF
file, and a contract of one's own from a shell.

    coapp contracts pdf ID -o FILE [--language sv|en]
    coapp contracts add --title T --client C --fee hourly|daily|fixed --rate AMOUNT --currency SEK
                        --start DATE [--end DATE] [--hours-per-day H] [--commission PERCENT]

The PDF is written atomically (a temporary file renamed over the target), so a reader never sees
half a file. A contract added here is one's own ("local" until the first sync adopts it), like the
one the timesheet's "Add contract" dialog makes: the platform takes no commission on work it did not
bring, so --commission defaults to 0. Every argument is checked before anything is written; bad
input exits 2 with one line.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.cli.common import CliParser, argument_type, duration_arg, iso_date_arg, one_line
from coapp.domain.errors import ValidationError

if TYPE_CHECKING:
    from coapp.app.context import AppContext

FEES = ("hourly", "daily", "fixed")
LANGUAGES = ("sv", "en")
MAX_NAME = 200  # the contracts table's title and client columns
# Money in the contract's currency: whole units and at most the two decimals it stores (no signs,
# exponents or NaN, which Decimal would take).
_AMOUNT = re.compile(r"^[0-9]{1,12}(?:[.,][0-9]{1,2})?$")
_PERCENT = re.compile(r"^[0-9]{1,3}(?:[.,][0-9]{1,2})?$")


def parse_rate(text: str) -> Decimal:
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _AMOUNT.match(raw):
        raise ValidationError(f"“{one_line(text)[:40]}” is not a rate; write it like 950 or 950.50")
    return Decimal(raw.replace(",", "."))


def parse_percent(text: str) -> Decimal:
    raw = text.strip().removesuffix("%").strip()
    if not _PERCENT.match(raw):
        raise ValidationError(f"“{one_line(text)[:40]}” is not a percentage; write it like 0 or 12.5")
    return Decimal(raw.replace(",", "."))


def _hours_per_day(text: str) -> int:
    minutes = int(duration_arg(text))
    if not 0 < minutes <= 24 * 60:
        raise argparse.ArgumentTypeError("hours per day must be more than 0 and at most 24")
    return minutes


def add_actions(actions: argparse._SubParsersAction[CliParser]) -> None:
    """Registered under `coapp contracts` by coapp.cli.contract_verbs."""
    p = actions.add_parser(
        "pdf",
        help="write a contract as PDF: parties, terms, figures so far, milestones, signature",
        description="Writes the file atomically. The language is the app's (settings) unless --language.",
    )
    p.add_argument("id", metavar="ID", help="its id, the id's first characters, or the start of its title")
    p.add_argument("-o", "--output", metavar="FILE", required=True, type=Path, help="where to write it")
    p.add_argument("--language", choices=LANGUAGES, help="the PDF's language (default: the app's)")
    p.set_defaults(handler=write_pdf)

    p = actions.add_parser(
        "add",
        help="add a contract of your own (no platform, no commission unless --commission)",
        description="Prints the new contract's id. Nothing is saved when any argument is refused.",
    )
    p.add_argument("--title", required=True, help="what the assignment is called")
    p.add_argument("--client", required=True, help="the client's name")
    p.add_argument("--fee", required=True, choices=FEES, help="hourly, daily or a fixed fee")
    p.add_argument(
        "--rate", required=True, type=argument_type(parse_rate, "rate"), metavar="AMOUNT",
        help="per hour, per day, or the whole fixed fee (e.g. 950 or 950.50)",
    )  # fmt: skip
    p.add_argument("--currency", required=True, metavar="CODE", help="SEK, NOK, DKK or EUR")
    p.add_argument("--start", required=True, type=iso_date_arg, metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--end", type=iso_date_arg, metavar="DATE", help="last day (default: open-ended)")
    p.add_argument(
        "--hours-per-day", type=_hours_per_day, metavar="H", default=480,
        help="a working day, for daily rates (e.g. 8 or 7:30; default 8)",
    )  # fmt: skip
    p.add_argument(
        "--commission", type=argument_type(parse_percent, "percent"), metavar="PERCENT",
        default=Decimal(0), help="a platform's commission in percent (default 0: your own contract)",
    )  # fmt: skip
    p.set_defaults(handler=add_contract)


def _output(path: Path) -> Path:
    if path.is_dir() or not path.name:
        raise ValidationError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise ValidationError(f"the folder {path.parent} does not exist")
    return path


def write_pdf(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.base.atomic_file import write_atomic
    from coapp.documents.contract_pdf import contract_pdf
    from coapp.services.platform import PLATFORM

    target = _output(args.output)
    view = ctx.contract_views.get(ctx.contracts.resolve(args.id).id)
    business = ctx.business.get()
    freelancer = business if business.name.strip() else None  # no details saved yet: no party
    language = args.language or ctx.settings.language
    data = contract_pdf(view, freelancer, language, platform=PLATFORM)
    try:
        write_atomic(target, data)
    except OSError as exc:  # a read-only folder, a full disk: the user's to fix, not a bug
        raise ValidationError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Wrote {target}")
    return 0


def _name(value: Any, what: str) -> str:
    # argparse hands `--title=--` over as a list (it takes "--" for the end of the options).
    text = (value if isinstance(value, str) else " ".join(value)).strip()
    if not text:
        raise ValidationError(f"the contract needs a {what}")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise ValidationError(f"the {what} contains control characters")
    if len(text) > MAX_NAME:
        raise ValidationError(f"the {what} is longer than {MAX_NAME} characters")
    return text


def add_contract(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.domain.contracts import FeeModel
    from coapp.domain.money import exponent

    title, client = _name(args.title, "title"), _name(args.client, "client")
    currency = args.currency.strip().upper()
    exponent(currency)  # an unknown currency is refused with the ones there are
    if args.end is not None and args.end < args.start:
        raise ValidationError("the contract ends before it starts")
    created = ctx.contracts.create(
        client_name=client,
        title=title,
        fee_model=FeeModel(args.fee),
        rate=args.rate,
        currency=currency,
        commission_percent=args.commission,
        start_date=args.start,
        end_date=args.end,
        minutes_per_day=args.hours_per_day,
    )
    print(created.id)
    return 0
