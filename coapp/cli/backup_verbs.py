"""`coapp backup list` and `coapp backup restore N|PATH`: the database's backups, and putting one back.

Both work without opening the store, so a database that no longer opens (damaged) can still be
restored. A restore takes the data folder's writer lock: never under an open window.
"""

from __future__ import annotations

import argparse
from typing import Any

from coapp.base.paths import Paths
from coapp.cli.counted import counted
from coapp.store.data_lock import DataFolderLock

RESTORE_WAIT_S = 3.0


def add_verbs(verbs: Any) -> None:
    backup = verbs.add_parser(
        "backup",
        help="list the database's backups, or restore one",
        description="coapp backs the database up every day and before each upgrade or restore (the "
        "newest ten are kept).",
    )
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="the backups, newest first: number, date and what each holds")
    p.set_defaults(run_alone=run_list)
    p = actions.add_parser(
        "restore",
        help="put a backup's data in place of the current data (which is backed up first)",
        description="Restore a backup by its number in `coapp backup list` (1 = newest) or its path. "
        "The current data is backed up first, so the restore can be undone the same way.",
    )
    p.add_argument("backup", metavar="N|PATH", help="the backup's number in `backup list`, or a file")
    p.set_defaults(run_alone=run_restore)


def run_list(args: argparse.Namespace) -> int:
    from coapp.services.backup_restore import backup_rows

    paths = Paths.resolve(args.data_dir)
    rows = backup_rows(paths.database)
    if not rows:
        print(f"No backups yet in {paths.data_dir / 'backups'}.")
        return 0
    for number, row in enumerate(rows, start=1):
        when = row.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if row.summary is None:
            print(f"{number:>3}  {when}  cannot be restored: {row.problem}")
            continue
        s = row.summary
        print(
            f"{number:>3}  {when}  {s.label or 'file':<16} {counted(s.contracts, 'contract', 'contracts')}, "
            f"{counted(s.weeks, 'week', 'weeks')} ({counted(s.time_entries, 'time entry', 'time entries')}), "
            f"{counted(s.invoices, 'invoice', 'invoices')}  {row.path.name}"
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from coapp.services.backup_restore import pick, restore, summarize

    paths = Paths.resolve(args.data_dir)
    chosen = pick(paths.database, args.backup)
    summary = summarize(chosen)  # refused here, before the lock, when it is not a usable backup
    with DataFolderLock(paths.data_dir) as lock:
        lock.require("command", RESTORE_WAIT_S)
        safety = restore(paths.database, chosen)
    print(
        f"Restored the backup of {summary.made_at.astimezone().strftime('%Y-%m-%d %H:%M')}: "
        f"{counted(summary.contracts, 'contract', 'contracts')}, "
        f"{counted(summary.time_entries, 'time entry', 'time entries')}, "
        f"{counted(summary.invoices, 'invoice', 'invoices')}. "
        f"What was there before is kept in {safety}."
    )
    return 0
