"""The pure rules for the profile's files: what kind a file is from its bytes, what name is shown
for it, which crop of a photo is allowed, and what a checksum looks like.

Shared with the platform's reference server (coserver imports coapp.domain), so the app and the
server refuse the same files for the same reasons.
"""

from __future__ import annotations

import re
import unicodedata

from coapp.domain.errors import ValidationError

PHOTO_SIDE = 512  # the stored photo is at most PHOTO_SIDE × PHOTO_SIDE pixels
MIN_CROP_SIDE = 32  # a smaller square holds no recognisable face
MAX_PHOTO_BYTES = 2 * 1024 * 1024  # an imported photo (a 512-pixel JPEG is ~100 kB; room to spare)
MAX_PORTFOLIO_BYTES = 25 * 1024 * 1024
MAX_FILE_NAME = 200  # profile_portfolio.file_name's width

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
CONTENT_TYPES = (PDF, PNG, JPEG, GIF, WEBP, TEXT, MARKDOWN)
ALLOWED_KINDS = "PDF, PNG, JPEG, GIF, WebP, plain text or Markdown"

_SHA256 = re.compile(r"[0-9a-f]{64}")
# Control characters other than tab, line feed, form feed and carriage return: in a text file
# they say "binary", whatever the extension claims.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def is_sha256(text: str) -> bool:
    """A checksum as coapp writes it: 64 lowercase hex digits (so it is always a safe file name)."""
    return bool(_SHA256.fullmatch(text))


def sniff_content_type(data: bytes, name: str = "") -> str | None:
    """The content type the bytes show (magic numbers, or strict UTF-8 text), None when the bytes
    are none of the allowed kinds. *name* only chooses between plain text and Markdown, which the
    bytes cannot tell apart."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if not data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _BINARY_CONTROL.search(text):
        return None
    return MARKDOWN if name.lower().endswith(_MARKDOWN_SUFFIXES) else TEXT


def same_kind(claimed: str, sniffed: str | None) -> bool:
    """Whether a claimed content type fits the sniffed one; text may be called plain or Markdown."""
    if sniffed is None:
        return False
    if sniffed in (TEXT, MARKDOWN):
        return claimed in (TEXT, MARKDOWN)
    return claimed == sniffed


def clean_file_name(name: str) -> str:
    """The name shown for an attached file: its last path part, without control or format
    characters (a right-to-left override can disguise "gpj.exe" as "exe.jpg"), without path
    separators, trimmed, at most MAX_FILE_NAME characters with the extension kept; "file" when
    nothing is left. Only ever shown: the stored file is named by its checksum."""
    text = unicodedata.normalize("NFC", name)
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    text = text.strip().rstrip(". ")
    if text in ("", ".", ".."):
        return "file"
    if len(text) > MAX_FILE_NAME:
        stem, dot, suffix = text.rpartition(".")
        if dot and stem and len(suffix) <= 16:
            text = stem[: MAX_FILE_NAME - len(suffix) - 1].rstrip(". ") + "." + suffix
        else:
            text = text[:MAX_FILE_NAME].rstrip(". ")
        text = text or "file"
    return text


def check_crop(crop: tuple[int, int, int] | None, width: int, height: int) -> tuple[int, int, int]:
    """A square (left, top, side) inside a width × height picture; the centred largest square when
    *crop* is None. Raises ValidationError naming what is wrong with a given box."""
    if width < MIN_CROP_SIDE or height < MIN_CROP_SIDE:
        raise ValidationError(
            "the picture is {width} × {height} pixels; a photo needs at "
            "least {min_crop_side} × {min_crop_side}",
            width=width,
            height=height,
            min_crop_side=MIN_CROP_SIDE,
        )
    if crop is None:
        side = min(width, height)
        return (width - side) // 2, (height - side) // 2, side
    if len(crop) != 3 or not all(isinstance(v, int) and not isinstance(v, bool) for v in crop):
        raise ValidationError("a crop is three whole numbers: left, top and side, in pixels")
    left, top, side = crop
    if left < 0 or top < 0:
        raise ValidationError("the crop's left and top cannot be negative")
    if side < MIN_CROP_SIDE:
        raise ValidationError(
            "the crop's side is {side} pixels; choose at least {min_crop_side}",
            side=side,
            min_crop_side=MIN_CROP_SIDE,
        )
    if left + side > width or top + side > height:
        raise ValidationError(
            "the crop ({left}, {top}, side {side}) reaches outside the "
            "picture, which is {width} × {height} pixels",
            left=left,
            top=top,
            side=side,
            width=width,
            height=height,
        )
    return left, top, side
