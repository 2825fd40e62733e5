"""Tests that need the official Peppol files skip on a clone without them, and fail in CI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.peppol.validate import (
    ENV_PEPPOL_DIR,
    ENV_REQUIRE_PEPPOL,
    OFFICIAL_FILES,
    official_files_folder,
    peppol_dir,
)


def test_without_the_files_the_test_is_skipped_naming_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PEPPOL_DIR, str(tmp_path))
    monkeypatch.delenv(ENV_REQUIRE_PEPPOL, raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        peppol_dir()
    reason = str(skipped.value)
    assert all(name in reason for name in OFFICIAL_FILES)
    assert str(tmp_path) in reason
    assert ENV_PEPPOL_DIR in reason


def test_ci_requires_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PEPPOL_DIR, str(tmp_path))
    monkeypatch.setenv(ENV_REQUIRE_PEPPOL, "1")
    with pytest.raises(pytest.fail.Exception, match=r"CEN-EN16931-UBL\.sch.*COAPP_REQUIRE_PEPPOL"):
        peppol_dir()


def test_the_environment_variable_points_at_a_copy(
    peppol: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in OFFICIAL_FILES:
        shutil.copy(peppol / name, tmp_path / name)
    monkeypatch.setenv(ENV_PEPPOL_DIR, str(tmp_path))
    monkeypatch.setenv(ENV_REQUIRE_PEPPOL, "1")
    assert official_files_folder() == tmp_path
    assert peppol_dir() == tmp_path
