"""`coapp export FILE.zip`: every kind of data as JSON and the files it names, in one ZIP
(docs/export-format.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.cli.counted import counted

if TYPE_CHECKING:
    from coapp.app.context import AppContext


def add_verbs(verbs: Any) -> None:
    p = verbs.add_parser(
        "export",
        help="write all your data to a ZIP: JSON for each kind of data, and the files (documented format)",
        description="Write all your data to FILE: one JSON file per kind of data (profile, contracts, "
        "time, invoices, applications, ...), the archived invoice PDFs, the photo and portfolio files, "
        "and manifest.json. The format is described in docs/export-format.md.",
    )
    p.add_argument("file", metavar="FILE.zip", type=Path, help="the ZIP file to write")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=run_export)


def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp import __version__
    from coapp.services.data_export import export_all
    from coapp.services.export_resumes import resume_files

    summary = export_all(
        ctx.store,
        ctx.paths.invoice_archive,
        ctx.profile_files.file_path,
        args.file,
        app_version=__version__,
        overwrite=args.force,
        generated=lambda: resume_files(
            ctx.store, ctx.profile, ctx.profile_files.photo_path(), ctx.settings.language
        ),
    )
    rows = sum(summary.rows.values())
    print(
        f"Exported {counted(rows, 'row', 'rows')} of {counted(len(summary.rows), 'kind', 'kinds')} "
        f"and {counted(summary.files, 'file', 'files')} to {summary.path}."
    )
    return 0
