"""build.py's and smoke.py's helpers that do not need a build: the ELF debug-info probe, the size
count, the archive's file modes and the probe's report lines."""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bundle.conftest import load


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load("build")


@pytest.fixture(scope="module")
def smoke() -> ModuleType:
    return load("smoke")


def test_folder_size_counts_files_once_and_not_links(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    (tmp_path / "dirlink").symlink_to(tmp_path / "sub")
    assert build.folder_size(tmp_path) == 1024


@given(st.binary(max_size=200))
def test_has_debug_info_is_false_for_anything_not_elf(
    build: ModuleType, tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("elf") / "blob"
    path.write_bytes(data)
    if not data.startswith(b"\x7fELF"):
        assert build.has_debug_info(path) is False
    else:
        build.has_debug_info(path)  # a truncated ELF header never raises


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files are Linux's")
def test_has_debug_info_reads_a_real_library(build: ModuleType) -> None:
    import _ctypes

    assert build.has_debug_info(Path(_ctypes.__file__)) in (True, False)
    assert build.has_debug_info(Path("/nonexistent/lib.so")) is False


def test_archive_entries_are_nobodys_and_readable(build: ModuleType) -> None:
    info = tarfile.TarInfo("coapp/coapp")
    info.uid, info.uname, info.mode = 1000, "alice", 0o700
    out = build._normalise(info)
    assert (out.uid, out.uname, out.mode) == (0, "", 0o755)
    data = tarfile.TarInfo("coapp/readme")
    data.mode = 0o600
    assert build._normalise(data).mode == 0o644


def test_bench_fields_reads_the_probe_lines(smoke: ModuleType) -> None:
    out = "noise\nBENCH phase=paint t_start=1.5 t_paint=2.0\nBENCH phase=ready shot=- translations=ok\n"
    assert smoke.bench_fields(out, "paint") == {"phase": "paint", "t_start": "1.5", "t_paint": "2.0"}
    assert smoke.bench_fields(out, "ready")["translations"] == "ok"
    assert smoke.bench_fields(out, "settled") == {}
    assert smoke.bench_fields("", "paint") == {}


def test_smoke_says_to_build_first(
    smoke: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert smoke.smoke(tmp_path / "missing", tmp_path / "shot.png") == 1
    captured = capsys.readouterr()
    assert "FAIL the frozen app exists" in captured.out
    assert "packaging/build.py" in captured.err
