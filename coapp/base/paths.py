"""Where coapp keeps its files: platformdirs by default, or one folder given with --data-dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "coapp"
ENV_DATA_DIR = "COAPP_DATA_DIR"


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
        self.data_dir.mkdir(parents=True, exist_ok=True)
