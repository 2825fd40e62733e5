"""A keyring backend for tests that keeps its entries in one JSON file named by COAPP_TEST_KEYRING.

A file, so a login in one process is seen by a sync in the next (keyring loads it from
PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring); the tests put it OUTSIDE the data folder.
It also remembers every secret it was ever given, so a test can prove none of them reached a file
the app wrote.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend

ENV = "COAPP_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV])

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"entries": {}, "history": []}
        data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        return data

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        value = self._load()["entries"].get(f"{service}\n{username}")
        return str(value) if value is not None else None

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data["entries"][f"{service}\n{username}"] = password
        data["history"].append(password)
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data["entries"].pop(f"{service}\n{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("not there")
        self._save(data)


def secrets_ever_stored(path: Path) -> set[str]:
    """Every access and refresh token the app ever put into the keyring file at *path*."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for payload in data["history"]:
        tokens = json.loads(payload)
        found.update((tokens["access"], tokens["refresh"]))
    return found


def live_entries(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    entries: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["entries"]
    return entries
