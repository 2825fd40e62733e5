"""The profile's files between this device and the platform, by checksum: the step of a sync round
after the push and the pull (coapp.sync.engine).

The rows travel through push and pull; they name files by SHA-256 (the photo, portfolio files). This
step uploads every file a live row names that this device holds and the platform has not confirmed,
and downloads every file a live row names that this device lacks:

- An upload asks the platform first (it answers with its upload's offset, or "held"), so after an
  interruption it resumes where the platform is, and when the platform forgot the upload it simply
  starts again from 0. A chunk the platform refuses for its offset is followed by asking where it is.
- A download is kept only when its bytes have the checksum the row names (and are a kind of file the
  profile may hold); it is written under that checksum, never under a name from the platform.
- Each file's state, progress and last problem are in ``file_transfers``: a refused or missing file
  does not stop the others, and is tried again next round. Going offline ends the step (the round
  raises OfflineError as for rows; nothing is lost).

A round with no file to move makes no request.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.base.atomic_file import write_atomic
from coapp.base.paths import make_private_dir
from coapp.domain.profile_files import MAX_PORTFOLIO_BYTES, is_sha256, sniff_content_type
from coapp.models import FileTransfer, Profile, ProfilePortfolioItem
from coapp.models.profile import PROFILE_ID
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.errors import ApiError, BadServerAnswer
from coapp.sync.wire.files import FILE_CHUNK_MAX, StartUpload, UploadStatus

log = logging.getLogger(__name__)

FILES_FOLDER = "files"  # in the data folder, beside the database (coapp.services.profile_files)
UP, DOWN = "up", "down"
# file_transfers.state
DONE, SENDING, WAITING, REFUSED, DAMAGED = "done", "sending", "waiting", "refused", "damaged"
MAX_RESTARTS = 3  # the platform forgetting one upload this often in one round is not a blip


def files_dir_of(store: Store) -> Path:
    return store.path.parent / FILES_FOLDER


@dataclass(frozen=True)
class Wanted:
    """A file a live row names, and how the platform is to take it."""

    sha256: str
    purpose: str  # "photo" or "portfolio"
    content_type: str


@dataclass
class FilesReport:
    uploaded: int = 0
    downloaded: int = 0
    problems: int = 0  # files left for a later round, each with its reason in file_transfers


def wanted_files(s: Session) -> dict[str, Wanted]:
    """Every file a live row names; bytes that are both the photo and a portfolio file go as the photo."""
    files: dict[str, Wanted] = {}
    for sha, content_type in s.execute(
        select(ProfilePortfolioItem.file_sha256, ProfilePortfolioItem.content_type)
        .where(ProfilePortfolioItem.deleted_at.is_(None), ProfilePortfolioItem.file_sha256.is_not(None))
        .order_by(ProfilePortfolioItem.position)
    ):
        if sha and is_sha256(sha):
            files[sha] = Wanted(sha, "portfolio", content_type or "")
    profile = s.get(Profile, PROFILE_ID)
    photo = profile.photo_sha256 if profile is not None and profile.deleted_at is None else None
    if photo and is_sha256(photo):
        files[photo] = Wanted(photo, "photo", "image/jpeg")
    return files


def forget_uploads(s: Session) -> None:
    """The platform lost data (restored from a backup): every file is offered to it again."""
    for transfer in s.scalars(select(FileTransfer).where(FileTransfer.direction == UP)):
        s.delete(transfer)


class FileTransfers:
    def __init__(
        self, store: Store, api: PlatformApi, folder: Path | None = None, chunk_size: int = FILE_CHUNK_MAX
    ) -> None:
        self.store = store
        self.api = api
        self.folder = folder or files_dir_of(store)
        self.chunk_size = min(chunk_size, FILE_CHUNK_MAX)

    def run(self) -> FilesReport:
        report = FilesReport()
        with self.store.read() as s:
            wanted = wanted_files(s)
            done = set(
                s.scalars(
                    select(FileTransfer.sha256).where(
                        FileTransfer.direction == UP, FileTransfer.state == DONE
                    )
                )
            )
        for sha, want in wanted.items():
            path = self.folder / sha
            if path.is_file():
                if sha not in done:
                    self._one(sha, UP, report, partial(self._upload, want, path))
            else:
                self._one(sha, DOWN, report, partial(self._download, want))
        return report

    def _one(self, sha: str, direction: str, report: FilesReport, work: Callable[[], bool]) -> None:
        """Run one transfer; a refusal of this file is recorded and the others go on; going offline
        (or having to sign in again) is recorded and ends the step."""
        try:
            moved = work()
        except (ApiError, BadServerAnswer) as exc:
            if isinstance(exc, ApiError) and (exc.status == 401 or exc.status >= 500):
                self._record(sha, direction, SENDING if direction == UP else WAITING, error=str(exc))
                raise
            report.problems += 1
            self._record(sha, direction, REFUSED, error=str(exc), attempt=True)
            log.warning("file %s (%s) refused: %s", sha[:12], direction, exc)
            return
        except Exception as exc:  # offline and the like: kept for the next round, then raised
            self._record(
                sha, direction, SENDING if direction == UP else WAITING, error=str(exc), attempt=True
            )
            raise
        if moved:
            if direction == UP:
                report.uploaded += 1
            else:
                report.downloaded += 1
        elif direction == DOWN or self._state(sha, direction) != DONE:
            report.problems += 1

    # --- up ----------------------------------------------------------------------------------------

    def _upload(self, want: Wanted, path: Path) -> bool:
        sha = want.sha256
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # removed meanwhile: nothing names it any more
            return False
        if hashlib.sha256(data).hexdigest() != sha:
            # Damaged on this disk: never send it. Removed, so a good copy can come down instead.
            path.unlink(missing_ok=True)
            self._record(sha, UP, DAMAGED, error="this device's copy of the file was damaged; it was removed")
            return False
        content_type = want.content_type or sniff_content_type(data) or ""
        request = StartUpload.model_validate(
            {"sha256": sha, "size": len(data), "content_type": content_type, "purpose": want.purpose}
        )
        status = self.api.start_upload(request)
        restarts = 0
        while not status.complete:
            self._record(sha, UP, SENDING, upload_id=status.upload_id, done_bytes=status.offset)
            assert status.upload_id is not None  # only a complete status has none
            try:
                status = self._send_from(status.upload_id, status.offset, data)
            except ApiError as exc:
                if exc.status != 404 or restarts >= MAX_RESTARTS:
                    raise
                restarts += 1  # the platform forgot the upload (expired): start it again
                status = self.api.start_upload(request)
        self._record(sha, UP, DONE, upload_id=None, done_bytes=len(data), error=None)
        return True

    def _send_from(self, upload_id: uuid.UUID, offset: int, data: bytes) -> UploadStatus:
        """One chunk from *offset*; the platform's status after it (asked for after a refusal)."""
        chunk = data[offset : offset + self.chunk_size]
        answer = self.api.upload_chunk(upload_id, offset, chunk)
        if answer is None:  # the platform holds another offset (an answer was lost): go on from there
            return self.api.upload_status(upload_id)
        return answer

    # --- down --------------------------------------------------------------------------------------

    def _download(self, want: Wanted) -> bool:
        sha = want.sha256
        try:
            data = self.api.download_file(sha, MAX_PORTFOLIO_BYTES)
        except ApiError as exc:
            if exc.status != 404:
                raise
            self._record(
                sha, DOWN, WAITING, error="the platform does not have this file yet (another device sends it)"
            )
            return False
        if hashlib.sha256(data).hexdigest() != sha:
            raise BadServerAnswer("the platform sent bytes that do not match the file's checksum; not kept")
        if sniff_content_type(data) is None:
            raise BadServerAnswer("the platform sent a file of a kind a profile cannot hold; not kept")
        make_private_dir(self.folder)
        write_atomic(self.folder / sha, data)  # named by the checksum just checked, nothing else
        self._record(sha, DOWN, DONE, done_bytes=len(data), error=None)
        # It came from the platform: nothing to offer back.
        self._record(sha, UP, DONE, upload_id=None, done_bytes=len(data), error=None)
        return True

    # --- state -------------------------------------------------------------------------------------

    def _state(self, sha: str, direction: str) -> str | None:
        with self.store.read() as s:
            row = s.get(FileTransfer, (sha, direction))
            return row.state if row is not None else None

    _KEEP = object()

    def _record(
        self,
        sha: str,
        direction: str,
        state: str,
        *,
        upload_id: object = _KEEP,
        done_bytes: int | None = None,
        error: object = _KEEP,
        attempt: bool = False,
    ) -> None:
        with self.store.write() as s:
            row = s.get(FileTransfer, (sha, direction))
            if row is None:
                row = FileTransfer(sha256=sha, direction=direction, state=state, done_bytes=0, attempts=0)
                s.add(row)
            row.state = state
            if upload_id is not self._KEEP:
                row.upload_id = None if upload_id is None else str(upload_id)
            if done_bytes is not None:
                row.done_bytes = done_bytes
            if error is not self._KEEP:
                row.error = None if error is None else str(error)[:1000]
            if attempt:
                row.attempts = (row.attempts or 0) + 1
