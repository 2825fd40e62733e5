"""`coapp profile photo ...` and `coapp profile portfolio ...`: the profile's photo and files.

coapp profile photo set PATH [--crop LEFT,TOP,SIDE]
coapp profile photo remove
coapp profile portfolio add TITLE [--url URL] [--description TEXT] [--file PATH]
coapp profile portfolio remove ID
coapp profile portfolio attach ID PATH
coapp profile portfolio detach ID

A refused picture or file exits 2 with one line naming it and the problem; nothing is changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.cli.common import CliParser, argument_type
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile_sections import PortfolioItem

if TYPE_CHECKING:
    from coapp.app.context import AppContext


def parse_crop(text: str) -> tuple[int, int, int]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3 or not all(p.isascii() and p.lstrip("-").isdigit() for p in parts):
        raise ValidationError(
            f"“{text.strip()[:30]}” is not a crop; write LEFT,TOP,SIDE in pixels, like 100,0,800"
        )
    left, top, side = (int(p) for p in parts)
    return left, top, side


def add_file_verbs(actions: argparse._SubParsersAction[CliParser]) -> None:
    photo = actions.add_parser("photo", help="set or remove the profile photo")
    photo_actions = photo.add_subparsers(dest="photo_action", metavar="ACTION", required=True)
    p = photo_actions.add_parser(
        "set",
        help="import a picture as the photo (JPEG, PNG, WebP, GIF, BMP or TIFF)",
        description="The picture is turned upright, cropped to a square (the centred largest one, or "
        "--crop) and scaled to at most 512 × 512 pixels; its metadata (such as a GPS position) is dropped.",
    )
    p.add_argument("path", metavar="PATH", type=Path)
    p.add_argument(
        "--crop",
        type=argument_type(parse_crop, "crop"),
        metavar="LEFT,TOP,SIDE",
        help="the square to keep, in pixels of the upright picture",
    )
    p.set_defaults(handler=set_photo)
    p = photo_actions.add_parser("remove", help="remove the photo")
    p.set_defaults(handler=remove_photo)

    portfolio = actions.add_parser("portfolio", help="add, remove, attach a file to, or detach one from work")
    port_actions = portfolio.add_subparsers(dest="portfolio_action", metavar="ACTION", required=True)
    p = port_actions.add_parser("add", help="add a piece of work")
    p.add_argument("title", metavar="TITLE")
    p.add_argument("--url", default="", help="where it can be seen")
    p.add_argument("--description", default="", help="what it is (Markdown)")
    p.add_argument("--file", type=Path, metavar="PATH", help="a file to attach (as `attach` does)")
    p.set_defaults(handler=add_item)
    p = port_actions.add_parser("remove", help="remove a piece of work (and its file) by its id")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=remove_item)
    p = port_actions.add_parser(
        "attach",
        help="attach a file: PDF, PNG, JPEG, GIF, WebP, text or Markdown, at most 25 MB",
    )
    p.add_argument("id", metavar="ID", help="the item's id (or its start)")
    p.add_argument("path", metavar="PATH", type=Path)
    p.set_defaults(handler=attach)
    p = port_actions.add_parser("detach", help="detach an item's file")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=detach)


def set_photo(ctx: AppContext, args: argparse.Namespace) -> int:
    sha = ctx.profile_files.set_photo(args.path, args.crop)
    print(f"Photo set from {args.path.name} ({sha[:12]}).")
    return 0


def remove_photo(ctx: AppContext, args: argparse.Namespace) -> int:
    had = ctx.profile_files.photo_sha256() is not None
    ctx.profile_files.remove_photo()
    print("Photo removed." if had else "There was no photo.")
    return 0


def _resolve(ctx: AppContext, ref: str) -> str:
    from coapp.services.profile_rows import Section

    needle = ref.strip().lower()
    ids = [item.id for item in ctx.profile.items(Section.PORTFOLIO)]
    matches = [i for i in ids if i == needle] or [i for i in ids if needle and i.startswith(needle)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no item in portfolio has the id “{ref.strip()[:40]}”")
    raise NotFoundError(f"“{ref.strip()}” starts {len(matches)} ids in portfolio; give more of it")


def _describe(item: PortfolioItem) -> str:
    if item.file is None:
        return item.title
    return f"{item.title} with {item.file.name} ({item.file.content_type}, {item.file.size:,} bytes)"


def add_item(ctx: AppContext, args: argparse.Namespace) -> int:
    item = PortfolioItem(args.title, args.url, args.description)  # refused here before anything is written
    # The file is read and checked before the item is added: a refused file changes nothing.
    prepared = None if args.file is None else ctx.profile_files.prepare_file(args.file)
    added: PortfolioItem = ctx.profile.add_item(item)
    if prepared is not None:
        added = ctx.profile_files.attach_prepared(added.id, prepared)
    print(f"Added {_describe(added)} ({added.id}).")
    return 0


def remove_item(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.services.profile_rows import Section

    ctx.profile.remove_item(Section.PORTFOLIO, _resolve(ctx, args.id))
    print("Removed.")
    return 0


def attach(ctx: AppContext, args: argparse.Namespace) -> int:
    item = ctx.profile_files.attach_file(_resolve(ctx, args.id), args.path)
    print(f"Attached: {_describe(item)}.")
    return 0


def detach(ctx: AppContext, args: argparse.Namespace) -> int:
    item = ctx.profile_files.detach_file(_resolve(ctx, args.id))
    print(f"Detached the file from {item.title}.")
    return 0
