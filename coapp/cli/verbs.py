"""Command-line verbs over the services (no Qt): `coapp demo`, `coapp time ...`, `coapp invoice ...`,
`coapp profile ...`, `coapp resume ...`, `coapp assignments ...`, `coapp apply|applications|consents ...`,
`coapp contracts|feedback|reviews ...`,
and the platform account: `coapp login|logout|status|sync ...`, `coapp demo-server`.

Each verb's handler takes an open AppContext and the parsed arguments and returns an exit code.
Expected problems are raised as CoappError; coapp.__main__ turns them into one line on stderr,
so every verb reports them the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from coapp.base.paths import Paths
from coapp.cli import (
    application_verbs,
    assignment_verbs,
    backup_verbs,
    contract_verbs,
    export_verbs,
    invoice_verbs,
    profile_verbs,
    resume_verbs,
    sync_verbs,
    time_verbs,
)
from coapp.cli.common import PROG, CliParser, iso_date_arg, local_today
from coapp.cli.counted import counted
from coapp.domain.errors import ValidationError
from coapp.store.data_lock import DataFolderLock

if TYPE_CHECKING:
    from coapp.app.context import AppContext


def build_parser(version: str) -> CliParser:
    parser = CliParser(
        prog=PROG,
        description="The freelancer's desktop cockpit. Without a verb, the app's window opens.",
        epilog="Exit codes: 0 done, 1 the database cannot be used (damaged or from a newer coapp), "
        "2 bad input (nothing was changed), a data folder that cannot be created or written, no display "
        "or a missing system library, or the platform refused or could not be reached, or coapp's window "
        "holds the data folder (a verb that changes data waits a few seconds first), "
        "70 an internal error (details in the log file). `sync`: 1 when a change was refused or waits.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the database, settings and logs in DIR (default: the user's data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a demo platform that runs inside it (a throw-away folder unless --data-dir)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {version}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    demo = verbs.add_parser(
        "demo",
        help="fill an empty data folder with demo contracts and twelve weeks of time",
        description="Create three demo contracts and the last twelve weeks of reported time. "
        "Refused when the folder already holds contracts.",
    )
    demo.add_argument("--today", type=iso_date_arg, help="pretend today is this date (YYYY-MM-DD)")
    demo.set_defaults(handler=run_demo)

    time_verbs.add_verbs(verbs)
    invoice_verbs.add_verbs(verbs)
    profile_verbs.add_verbs(verbs)
    resume_verbs.add_verbs(verbs)
    assignment_verbs.add_verbs(verbs)
    application_verbs.add_verbs(verbs)
    contract_verbs.add_verbs(verbs)
    sync_verbs.add_verbs(verbs)
    backup_verbs.add_verbs(verbs)
    export_verbs.add_verbs(verbs)
    return parser


# Verbs that only read: they run beside the app's window (SQLite's WAL lets them). Every other verb
# changes data and takes the data folder's writer lock first (coapp.store.data_lock).
READERS = {
    ("time", "week"),
    ("time", "timer", "status"),
    *(("invoice", action) for action in ("show", "list", "csv", "time", "pdf", "ubl")),
    ("profile", "show"),
    ("resume", "pdf"),
    ("resume", "variant", "list"),
    ("assignments", "list"),
    ("assignments", "show"),
    *(("applications", action) for action in ("list", "show", "ics")),
    ("consents", "list"),
    ("consents", "export"),
    *(("contracts", action) for action in ("list", "show", "pdf")),
    ("feedback", "list"),
    ("reviews", "list"),
    ("status",),
    ("sync", "refused"),
    ("export",),
    ("backup", "list"),
}
WRITER_WAIT_S = 3.0  # a window starting, or another verb finishing, lets go within this


def verb_path(args: argparse.Namespace) -> tuple[str, ...]:
    """("time", "timer", "status"): the verb and its nested actions as parsed."""
    path = [args.verb]
    while (action := getattr(args, f"{path[-1]}_action", None)) is not None:
        path.append(action)
    return tuple(path)


@contextmanager
def writer_lock(args: argparse.Namespace) -> Iterator[None]:
    """The data folder's writer lock for a verb that changes data (none for readers)."""
    if verb_path(args) in READERS:
        yield
        return
    paths = Paths.resolve(args.data_dir)
    with DataFolderLock(paths.data_dir) as lock:
        lock.require("command", WRITER_WAIT_S)
        yield


def run(args: argparse.Namespace) -> int:
    # Imported here: the store and its migrations are the slow part of start-up, and --help,
    # --version and usage errors do not need them.
    from coapp.app.context import AppContext

    if getattr(args, "demo", False):
        raise ValidationError("--demo opens the app's window; leave out the verb")
    alone = getattr(args, "run_alone", None)
    if alone is not None:  # verbs that never touch the data folder (demo-server)
        return int(alone(args))
    with writer_lock(args):
        ctx = AppContext.open(args.data_dir)
        try:
            return int(args.handler(ctx, args))
        finally:
            ctx.close()


def run_demo(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.services.demo import seed_demo

    today = args.today or local_today(ctx)
    summary = seed_demo(ctx, today=today, holiday_country=ctx.settings.holiday_country)
    hours = summary.total_minutes // 60
    print(
        f"Demo data in {ctx.paths.data_dir}: {len(summary.contracts)} contracts, {summary.entries} entries "
        f"({hours} h) from {summary.first_day.isoformat()} to {summary.last_day.isoformat()}; "
        f"{counted(summary.invoices, 'invoice', 'invoices')} confirmed, "
        f"{counted(summary.drafts, 'draft', 'drafts')} waiting for confirmation."
    )
    for c in summary.contracts:
        print(f"  {c.title} ({c.client_name}): {c.fee_model.value}, {c.rate} {c.currency}")
    return 0
