"""ICU's data trimmed for the bundle (packaging/icu_data.py): the layout ICU reads survives, the
kept locales still collate and name time zones, the dropped ones fall back to root, and a file that
is not ICU data is refused with a clear error."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bundle.conftest import load, require_tool

WHEEL_ICU = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))


@pytest.fixture(scope="module")
def icu() -> ModuleType:
    return load("icu_data")


def _common(items: list[tuple[str, bytes]]) -> bytes:
    header = bytearray(32)
    struct.pack_into("<H", header, 0, 32)
    header[2:4] = b"\xda\x27"
    header[12:16] = b"CmnD"
    return load("icu_data").write_common(bytes(header), items)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/sv.res", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/zone/en_GB.res", True),
        ("icudt73l/nb_NO.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/ja.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/gb18030.cnv", False),
    ],
)
def test_what_stays(icu: ModuleType, name: str, kept: bool) -> None:
    assert icu.keep_item(name) is kept


@given(
    st.dictionaries(
        st.from_regex(r"icudt73l/[a-z]{1,8}\.(res|icu)", fullmatch=True),
        st.binary(min_size=1, max_size=200),
        min_size=1,
        max_size=20,
    )
)
def test_common_data_reads_back_as_written(items: dict[str, bytes]) -> None:
    icu = load("icu_data")
    ordered = sorted(items.items())
    blob = _common(ordered)
    header, read = icu.read_common(blob)
    assert len(header) == 32
    # Items are padded to 16 bytes: what is read is the item followed by its padding.
    assert [name for name, _ in read] == [name for name, _ in ordered]
    for (_, data), (_, back) in zip(ordered, read, strict=True):
        assert back[: len(data)] == data
        assert set(back[len(data) :]) <= {0}
        assert len(back) % 16 == 0
    first_item = struct.unpack_from("<I", blob, 32 + 8)[0] + 32
    assert first_item % 16 == 0


@given(st.binary(max_size=64))
def test_what_is_not_icu_data_is_refused(junk: bytes) -> None:
    icu = load("icu_data")
    with pytest.raises(icu.IcuDataError):
        icu.read_common(junk)


def test_a_table_of_contents_that_does_not_fit_is_refused(icu: ModuleType) -> None:
    blob = bytearray(_common([("icudt73l/a.res", b"x")]))
    struct.pack_into("<I", blob, 32, 10_000)
    with pytest.raises(icu.IcuDataError, match="does not fit"):
        icu.read_common(bytes(blob))


COLLATE = """
from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone
words = ["ö", "z", "å", "ä", "a", "w", "v"]
print("".join(sorted(words, key=QCollator(QLocale("sv_SE")).sortKey)))
print("".join(sorted(words, key=QCollator(QLocale("en_GB")).sortKey)))
zone = QTimeZone(QByteArray(b"Europe/Stockholm"))
standard, long = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
print(zone.displayName(standard, long, QLocale("sv_SE")))
print(zone.displayName(standard, long, QLocale("ja_JP")))
"""


@pytest.mark.skipif(not WHEEL_ICU, reason="this PySide6 wheel ships no ICU data library (not Linux)")
def test_qt_collates_and_names_time_zones_with_the_trimmed_library(icu: ModuleType, tmp_path: Path) -> None:
    """The trimmed library preloaded in place of the wheel's (same soname): Swedish still sorts å ä ö
    after z, English does not, Swedish time-zone names stay; Japanese, which is dropped, falls back."""
    for tool in ("nm", "readelf", "as", "ld"):
        require_tool(tool)
    library = tmp_path / WHEEL_ICU[0].name
    library.write_bytes(WHEEL_ICU[0].read_bytes())
    saved = icu.trim_library(library)
    assert saved > 20_000_000  # 32 MB of data down to about 5 MB
    assert icu.data_symbol(library)[0].startswith("icudt")

    def run(preload: str) -> list[str]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LD_PRELOAD": preload}
        done = subprocess.run(
            [sys.executable, "-c", COLLATE], env=env, capture_output=True, text=True, timeout=60, check=True
        )
        return done.stdout.splitlines()

    full, trimmed = run(""), run(str(library))
    assert trimmed[:3] == ["avwzåäö", "aåäövwz", "centraleuropeisk normaltid"]
    assert full[:3] == trimmed[:3]
    assert full[3] != trimmed[3]  # Japanese names came from the data the trimmed library lacks
