"""Where coapp keeps its files: platformdirs by default, or one folder given with --data-dir.

The data folder holds a freelancer's invoices and clients, so on POSIX it is private: the folder and
every folder coapp makes in it are 0700 and every file coapp writes there is 0600
(``make_private_dir``, ``make_private``; base/atomic_file.py writes 0600 files). A folder left by an
older coapp (0755, a 0644 database) is tightened at the next start (``Paths.ensure``). On Windows the
files inherit the ACL of the user's profile folder, which is private already.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from coapp.domain.errors import CoappError

log = logging.getLogger(__name__)

APP_NAME = "coapp"
ENV_DATA_DIR = "COAPP_DATA_DIR"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Windows keeps only a read-only flag in the mode bits; there the profile folder's ACL decides.
POSIX_MODES = os.name == "posix"


# What coapp keeps in the data folder, the only entries it tightens there (see Paths.ensure).
DATA_FILES = (
    "coapp.sqlite3",
    "coapp.sqlite3-wal",
    "coapp.sqlite3-shm",
    "coapp.sqlite3-journal",
    "settings.json",
    "holidays-cache.json",
)
# "files": the profile's photo and portfolio files, each named by its checksum.
DATA_FOLDERS = ("backups", "invoices", "logs", "kept changes", "demo-platform", "files")


class DataFolderError(CoappError):
    """The data folder cannot be created or written; the message names the folder and why."""


def make_private_dir(path: Path) -> Path:
    """Create *path* (and missing parents) as a folder only its owner can enter; tighten it if it
    exists. Only for folders in the data folder: the parents keep the default permissions."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    make_private(path)
    return path


def make_private(path: Path) -> None:
    """Owner-only permissions on an existing folder (0700) or file (0600); a missing path or a
    symbolic link is left alone."""
    if not POSIX_MODES:
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        return
    wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE_MODE
    if stat.S_IMODE(info.st_mode) != wanted:
        os.chmod(path, wanted)


def create_private_file(path: Path) -> None:
    """Create *path* empty with 0600 before a library (SQLite) creates it with 0644; an existing
    file is tightened instead. SQLite gives its -wal and -shm files the database's mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        make_private(path)
        return
    os.close(fd)
    make_private(path)  # a umask cannot widen the mode, but an odd one (0o277) may narrow it


def make_tree_private(folder: Path) -> None:
    """Every folder and file under *folder* owner-only (symbolic links are not followed)."""
    if not POSIX_MODES:
        return
    make_private(folder)
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            with contextlib.suppress(OSError):  # a file removed meanwhile, or not ours to change
                make_private(Path(root) / name)


def resource_dir() -> Path:
    """Fonts, icons and demo data: inside the package when installed, at the project root when
    running from a source checkout."""
    package = Path(__file__).resolve().parent.parent  # coapp/
    installed = package / "_resources"
    return installed if installed.is_dir() else package.parent / "resources"


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        chosen = (
            data_dir or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        )
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.data_dir / "coapp.sqlite3"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def invoice_archive(self) -> Path:
        """Confirmed invoices' PDFs; kept at least seven years (bokföringslagen)."""
        return self.data_dir / "invoices"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> None:
        """Create the data folder (0700) or check that it can be used; raise DataFolderError with a
        message naming the folder and the reason. What an older coapp left readable by others is
        made private."""
        folder = self.data_dir
        if folder.exists() and not folder.is_dir():
            raise DataFolderError(
                "cannot use {folder} as the data folder: it is a file, not a folder; "
                "choose another folder with --data-dir",
                folder=folder,
            )
        created = not folder.exists()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        except OSError as exc:
            raise DataFolderError(
                "cannot create the data folder {folder}: {reason}; choose another folder with --data-dir",
                folder=folder,
                reason=_reason(exc),
            ) from exc
        try:
            # A real write: os.access says yes to root on folders it cannot write (/proc) and
            # cannot see a read-only mount's refusal on every system.
            fd, probe = tempfile.mkstemp(dir=folder, prefix=".coapp-write-check-")
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise DataFolderError(
                "cannot write in the data folder {folder}: {reason}; choose another folder with --data-dir",
                folder=folder,
                reason=_reason(exc),
            ) from exc
        if POSIX_MODES:
            try:
                self._make_private(created)
            except OSError as exc:  # not ours to change (a shared folder we may write in): use it as is
                log.warning("cannot make the data folder %s private: %s", folder, _reason(exc))

    def _make_private(self, created: bool) -> None:
        """Tighten what coapp keeps here and nothing else: --data-dir may name a folder that holds
        other things too (a home folder, /tmp), whose files are not ours to change. The folder itself
        is made 0700 when coapp created it or it holds coapp's database; a folder coapp made is
        walked only when its own mode shows an older coapp made it, so a start costs a few stats."""
        folder = self.data_dir
        info = folder.stat()
        ours = created or (self.database.exists() and info.st_uid == os.geteuid())
        if ours and not info.st_mode & stat.S_ISVTX:  # never a shared sticky folder like /tmp
            make_private(folder)
        for name in DATA_FILES:
            make_private(folder / name)
        for name in DATA_FOLDERS:
            sub = folder / name
            with contextlib.suppress(FileNotFoundError):
                if stat.S_IMODE(sub.lstat().st_mode) != PRIVATE_DIR_MODE and sub.is_dir():
                    make_tree_private(sub)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
