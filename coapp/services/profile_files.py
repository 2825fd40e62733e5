"""The profile's files: the photo and the files attached to portfolio items.

Every file lives in ``<data folder>/files/<sha256>``: the name is always the checksum of the bytes,
never a name from the user or the platform, so no picked or received name can point anywhere else,
two items with the same bytes share one file, and sync can move files by checksum. A file is written
(atomically) before the row that names it, and a file no live row names is removed right after the
change that let go of it (``collect_garbage``), so a failed write leaves at worst a file that the
next clean-up takes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.base.atomic_file import write_atomic
from coapp.base.paths import Paths, make_private_dir
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.photos import MAX_SOURCE_BYTES, make_photo, upright_size
from coapp.domain.profile_files import (
    ALLOWED_KINDS,
    MAX_PORTFOLIO_BYTES,
    clean_file_name,
    is_sha256,
    sniff_content_type,
)
from coapp.domain.profile_sections import PortfolioItem
from coapp.models import FileTransfer, ProfilePortfolioItem
from coapp.models import Profile as ProfileRow
from coapp.models.profile import PROFILE_ID
from coapp.services.profile import profile_row
from coapp.services.profile_rows import SPECS, Section
from coapp.store.engine import Store

log = logging.getLogger(__name__)

FILES_FOLDER = "files"
# A clean-up must not fall between a file's write and the write of the row that names it (a sync
# round on its thread, an import on the writes worker): both hold this lock across the pair.
FILES_LOCK = threading.RLock()
STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to no write still running


def files_folder(paths: Paths) -> Path:
    return paths.data_dir / FILES_FOLDER


def referenced_files(s: Session) -> set[str]:
    """The checksums that live rows name: the photo and the portfolio's attached files."""
    refs: set[str] = set()
    photo = s.scalar(
        select(ProfileRow.photo_sha256).where(ProfileRow.id == PROFILE_ID, ProfileRow.deleted_at.is_(None))
    )
    if photo:
        refs.add(photo)
    refs.update(
        sha
        for sha in s.scalars(
            select(ProfilePortfolioItem.file_sha256).where(
                ProfilePortfolioItem.deleted_at.is_(None), ProfilePortfolioItem.file_sha256.is_not(None)
            )
        )
        if sha
    )
    return refs


def read_source(path: Path, limit: int, what: str) -> bytes:
    """A picked file's bytes, at most *limit*; a refusal names the file and what is wrong with it."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise ValidationError("{name} is a folder; choose a file", name=name)
        with path.open("rb") as fh:
            # Read one byte past the limit rather than trusting stat: the file may be growing.
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise ValidationError("{name} does not exist (was it moved or deleted?)", name=name) from None
    except PermissionError:
        raise ValidationError("coapp may not read {name}: permission denied", name=name) from None
    except IsADirectoryError:
        raise ValidationError("{name} is a folder; choose a file", name=name) from None
    except OSError as exc:
        raise ValidationError(
            "{name} cannot be read: {reason}", name=name, reason=exc.strerror or exc
        ) from None
    if len(data) > limit:
        if what == "a picture":
            raise ValidationError(
                "{name} is larger than {size}, the most a picture can be", name=name, size=_megabytes(limit)
            )
        raise ValidationError(
            "{name} is larger than {size}, the most a portfolio file can be",
            name=name,
            size=_megabytes(limit),
        )
    if not data:
        raise ValidationError("{name} is empty", name=name)
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


@dataclass(frozen=True)
class PreparedFile:
    """A picked file, read and checked, not yet stored."""

    data: bytes = field(repr=False)
    name: str
    content_type: str


@dataclass(frozen=True)
class FileTransferInfo:
    direction: str  # "up" or "down"
    state: str  # done, sending, waiting, refused, damaged (coapp.sync.files)
    done_bytes: int
    error: str | None


class ProfileFiles:
    def __init__(self, store: Store, paths: Paths) -> None:
        self._store = store
        self._folder = files_folder(paths)

    @property
    def folder(self) -> Path:
        return self._folder

    # --- the photo -------------------------------------------------------------------------------

    def set_photo(self, path: Path, crop: tuple[int, int, int] | None = None) -> str:
        """Import a picture as the profile photo (cropped to a square, at most 512 pixels, JPEG);
        *crop* = (left, top, side) in the upright picture's pixels. Returns the photo's sha256."""
        source = read_source(path, MAX_SOURCE_BYTES, "a picture")
        jpeg = make_photo(source, path.name, crop)
        with FILES_LOCK:
            sha = self.keep(jpeg)
            with self._store.write() as s:
                row = profile_row(s)
                if row.photo_sha256 != sha:  # the same photo again queues no sync record
                    row.photo_sha256 = sha
        self.collect_garbage()
        return sha

    def picture_size(self, path: Path) -> tuple[int, int]:
        """A picked picture's (width, height) as shown, EXIF orientation applied: the pixels a crop
        for set_photo is given in. Refuses what set_photo would refuse before decoding pixels."""
        return upright_size(read_source(path, MAX_SOURCE_BYTES, "a picture"), path.name)

    def remove_photo(self) -> None:
        with self._store.write() as s:
            row = s.get(ProfileRow, PROFILE_ID)
            if row is not None and row.photo_sha256 is not None:
                row.photo_sha256 = None
        self.collect_garbage()

    def photo_sha256(self) -> str | None:
        with self._store.read() as s:
            row = s.get(ProfileRow, PROFILE_ID)
            return row.photo_sha256 if row is not None and row.deleted_at is None else None

    def photo_path(self) -> Path | None:
        """The photo's file; None without a photo, or while a synced photo is still on its way."""
        sha = self.photo_sha256()
        return self.file_path(sha) if sha else None

    # --- portfolio files -------------------------------------------------------------------------

    def prepare_file(self, path: Path) -> PreparedFile:
        """Read and check a file for a portfolio item without storing anything: PDF, images and
        UTF-8 text only, at most 25 MB; its kind comes from the bytes, its shown name is cleaned."""
        data = read_source(path, MAX_PORTFOLIO_BYTES, "a portfolio file")
        content_type = sniff_content_type(data, path.name)
        if content_type is None:
            raise ValidationError(
                "{name} is not a kind of file a portfolio can hold: use {kinds}",
                name=path.name,
                kinds=ALLOWED_KINDS,
            )
        return PreparedFile(data, clean_file_name(path.name), content_type)

    def attach_file(self, item_id: str, path: Path) -> PortfolioItem:
        """Copy a file into the data folder and attach it to a portfolio item (replacing one
        attached before); see prepare_file for what is refused."""
        return self.attach_prepared(item_id, self.prepare_file(path))

    def attach_prepared(self, item_id: str, prepared: PreparedFile) -> PortfolioItem:
        with self._store.read() as s:
            self._live_item(s, item_id)  # refused before anything is written
        with FILES_LOCK:
            sha = self.keep(prepared.data)
            with self._store.write() as s:
                row = self._live_item(s, item_id)
                values = {
                    "file_sha256": sha,
                    "file_name": prepared.name,
                    "file_size": len(prepared.data),
                    "content_type": prepared.content_type,
                }
                for field, value in values.items():
                    if getattr(row, field) != value:
                        setattr(row, field, value)
                s.flush()
                item: PortfolioItem = SPECS[Section.PORTFOLIO].read(row)
        self.collect_garbage()
        return item

    def detach_file(self, item_id: str) -> PortfolioItem:
        with self._store.write() as s:
            row = self._live_item(s, item_id)
            if row.file_sha256 is not None:
                row.file_sha256, row.file_name, row.file_size, row.content_type = None, "", None, ""
            s.flush()
            item: PortfolioItem = SPECS[Section.PORTFOLIO].read(row)
        self.collect_garbage()
        return item

    @staticmethod
    def _live_item(s: Session, item_id: str) -> ProfilePortfolioItem:
        row = s.get(ProfilePortfolioItem, item_id) if item_id else None
        if row is None or row.deleted_at is not None:
            raise NotFoundError("that item is not in your portfolio")
        return row

    # --- the files folder ------------------------------------------------------------------------

    def file_path(self, sha256: str) -> Path | None:
        """The stored file with this checksum, None when there is none (or *sha256* is no checksum:
        only checksums become paths)."""
        if not is_sha256(sha256):
            return None
        path = self._folder / sha256
        return path if path.is_file() else None

    def keep(self, data: bytes) -> str:
        """Store bytes under their checksum (atomically; an existing copy is kept); returns it."""
        sha = hashlib.sha256(data).hexdigest()
        make_private_dir(self._folder)
        target = self._folder / sha
        if not target.is_file() or target.stat().st_size != len(data):
            write_atomic(target, data)
        return sha

    def transfer(self, sha256: str) -> FileTransferInfo | None:
        """Where a file's trip to or from the platform stands (the newest of up and down); None
        when it never travelled. For showing "waiting for the photo from the platform" and why."""
        with self._store.read() as s:
            rows = s.scalars(select(FileTransfer).where(FileTransfer.sha256 == sha256)).all()
            if not rows:
                return None
            row = max(rows, key=lambda r: r.updated_at)
            return FileTransferInfo(row.direction, row.state, row.done_bytes, row.error)

    def referenced(self) -> set[str]:
        with self._store.read() as s:
            return referenced_files(s)

    def collect_garbage(self) -> list[str]:
        """Remove stored files that no live row names, and temporary files an interrupted write
        left; returns the removed checksums. Only coapp's own names are ever touched."""
        with FILES_LOCK:
            try:
                names = os.listdir(self._folder)
            except FileNotFoundError:
                return []
            keep = self.referenced()
            removed = []
            for name in names:
                if is_sha256(name) and name not in keep:
                    if self._unlink(name):
                        removed.append(name)
                elif name.startswith(".") and name.endswith(".tmp") and self._stale(name):
                    self._unlink(name)
            return removed

    def _stale(self, name: str) -> bool:
        try:
            return time.time() - (self._folder / name).stat().st_mtime > STALE_TEMP_SECONDS
        except OSError:
            return False

    def _unlink(self, name: str) -> bool:
        try:
            (self._folder / name).unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:  # held open elsewhere (Windows): the next clean-up takes it
            log.warning("cannot remove the unused file %s: %s", name, exc)
            return False
        return True
