"""Pictures and files for the profile-file tests, made on the spot (no binary fixtures to go stale)."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

from PIL import Image

from coapp.app.context import AppContext
from tests.services.profile_helpers import profile_snapshot


def picture(
    size: tuple[int, int] = (300, 200), color: object = (200, 40, 40), mode: str = "RGB"
) -> Image.Image:
    return Image.new(mode, size, color)  # type: ignore[arg-type]


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that is only a signature and a header claiming width × height (a decompression bomb's
    opening: a few bytes that would decode to gigabytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(bytes(64))) + chunk(b"IEND", b"")


def stored_files(ctx: AppContext) -> list[str]:
    folder = ctx.profile_files.folder
    return sorted(os.listdir(folder)) if folder.exists() else []


def state(ctx: AppContext) -> tuple[object, list[str]]:
    """Everything a refused import must leave as it was: the profile's rows, the outbox, the files."""
    return profile_snapshot(ctx.paths.database), stored_files(ctx)


def rgb_at(data: bytes, xy: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(data)) as image:
        pixel = image.convert("RGB").getpixel(xy)
    assert isinstance(pixel, tuple)
    return (int(pixel[0]), int(pixel[1]), int(pixel[2]))


def close_to(actual: tuple[int, int, int], expected: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))
