"""Turn whatever picture a person picks into a photo: a square JPEG of at most 512 pixels (the
profile's photo on this machine, an agent's card photo on the platform).

A pure function over bytes (no files, no network), so the app and the reference server share it.

Any size or format a user might pick is handled: Pillow reads JPEG, PNG, WebP, GIF (the first
frame), BMP and TIFF; the camera's EXIF orientation is applied; CMYK, palette, 16-bit and alpha
pictures become plain RGB (transparency on white, as on paper). A decompression bomb (a small file
that claims a huge picture) is refused from its header, before any pixel is decoded, and a broken,
truncated or non-picture file is refused with the problem named. Nothing of the source's metadata
(EXIF with GPS position, comments) reaches the stored JPEG.

Pillow is imported on the first photo made, not at start-up.
"""

from __future__ import annotations

import io
import math
import warnings
from typing import Any

from coapp.domain.errors import ValidationError
from coapp.domain.profile_files import PHOTO_SIDE, check_crop

MAX_SOURCE_BYTES = 50 * 1024 * 1024  # a camera's JPEG is 5-20 MB; a scanned TIFF may be more
# Below Pillow's own bomb threshold (~89 megapixels), so its warning never fires first; the
# decoded picture at this limit takes ~320 MB at most, JPEGs far less (decoded at a reduced scale).
MAX_PIXELS = 80_000_000
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")  # a multi-picture JPEG (MPO) opens as JPEG
KINDS = "JPEG, PNG, WebP, GIF, BMP or TIFF"
JPEG_QUALITY = 88

# EXIF orientations 5-8 turn the picture a quarter: the oriented width is the stored height.
_QUARTER_TURNS = (5, 6, 7, 8)
_ORIENTATION_TAG = 0x0112


def upright_size(data: bytes, name: str) -> tuple[int, int]:
    """The picture's width and height as shown (EXIF orientation applied), read from its header
    only: what a crop is measured in. Refuses what make_photo refuses before decoding."""
    with _open(data, name) as image:
        return _upright_size(image)


def make_photo(data: bytes, name: str, crop: tuple[int, int, int] | None = None) -> bytes:
    """The stored photo's JPEG bytes from a picture file's bytes; *crop* = (left, top, side) in the
    oriented picture's pixels (None: the centred largest square). *name* is only for messages.
    Raises ValidationError with a sentence naming the file and the problem."""
    from PIL import Image

    with _open(data, name) as image:
        oriented = _upright_size(image)
        left, top, side = check_crop(crop, *oriented)
        try:
            picture = _decode(image, side)
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise ValidationError(
                "{name} is damaged or incomplete ({reason})", name=name, reason=_reason(exc)
            ) from None
    # A JPEG may have been decoded at 1/2, 1/4 or 1/8 scale: the crop follows the same scale.
    scale = picture.size[0] / oriented[0]
    box = (
        math.floor(left * scale),
        math.floor(top * scale),
        min(picture.size[0], math.ceil((left + side) * scale)),
        min(picture.size[1], math.ceil((top + side) * scale)),
    )
    square = picture.crop(box)
    target = min(PHOTO_SIDE, side)
    if square.size != (target, target):
        square = square.resize((target, target), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    square.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def _open(data: bytes, name: str) -> Any:
    """The picture opened from its header (no pixels decoded yet), or a refusal naming the file."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns about (then refuses) huge pictures in open(); both are our refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError(
            "{name} is far too large a picture: pictures up to {most} megapixels can be used; "
            "make it smaller",
            name=name,
            most=MAX_PIXELS // 1_000_000,
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            "{name} is not a picture coapp can read; use {kinds}", name=name, kinds=KINDS
        ) from None
    except (OSError, ValueError, SyntaxError) as exc:  # a header Pillow recognised but cannot parse
        raise ValidationError(
            "{name} is damaged and cannot be read ({reason})", name=name, reason=_reason(exc)
        ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise ValidationError(
            "{name} is {width:,} × {height:,} pixels; pictures up to {most} megapixels can be used; "
            "make it smaller",
            name=name,
            width=width,
            height=height,
            most=MAX_PIXELS // 1_000_000,
        )
    return image


def _upright_size(image: Any) -> tuple[int, int]:
    width, height = image.size
    return (height, width) if _orientation(image) in _QUARTER_TURNS else (width, height)


def _decode(image: Any, side: int) -> Any:
    """The picture's first frame decoded, oriented upright and in RGB."""
    from PIL import ImageOps

    if image.format in ("JPEG", "MPO") and side > PHOTO_SIDE:
        # JPEG can decode at a reduced scale; ask for one that keeps the crop at least PHOTO_SIDE.
        factor = PHOTO_SIDE / side
        image.draft("RGB", (math.ceil(image.size[0] * factor), math.ceil(image.size[1] * factor)))
    image.seek(0)  # an animated GIF or WebP, a multi-page TIFF: the first frame
    image.load()
    upright = ImageOps.exif_transpose(image)
    return _to_rgb(upright if upright is not None else image)


def _to_rgb(image: Any) -> Any:
    from PIL import Image

    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit grey: scale to 8 bits (a plain convert would clip nearly everything to white).
        image = image.point(lambda v: v / 256).convert("L")
        mode = "L"
    elif mode == "F":
        image = image.convert("L")
        mode = "L"
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in image.info)
    if has_alpha:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image if mode == "RGB" else image.convert("RGB")


def _orientation(image: Any) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # a damaged EXIF block is no reason to refuse the picture; it is ignored
        return 1
    return value if isinstance(value, int) else 1


def _reason(exc: BaseException) -> str:
    return str(exc).strip().rstrip(".") or type(exc).__name__
