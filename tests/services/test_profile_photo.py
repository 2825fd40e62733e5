"""The profile photo: any picture a user picks becomes a square JPEG of at most 512 pixels, stored
under its checksum; huge, broken and non-picture files are refused by name and change nothing."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from coapp.app.context import AppContext
from coapp.domain.errors import ValidationError
from coapp.domain.photos import make_photo
from coapp.domain.profile_files import MIN_CROP_SIDE, check_crop
from coapp.models import Profile as ProfileRow
from coapp.models.profile import PROFILE_ID
from tests.services.helpers import outbox
from tests.services.profile_files_helpers import (
    close_to,
    encode,
    picture,
    png_header,
    rgb_at,
    state,
    stored_files,
    write,
)

RED, GREEN, BLUE, WHITE = (220, 20, 20), (20, 200, 20), (20, 20, 220), (255, 255, 255)


def photo_bytes(ctx: AppContext) -> bytes:
    path = ctx.profile_files.photo_path()
    assert path is not None
    return path.read_bytes()


def size_of(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        return image.size


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tif")],
)
def test_each_format_becomes_a_square_jpeg_named_by_its_checksum(
    ctx: AppContext, tmp_path: Path, fmt: str, suffix: str
) -> None:
    source = write(tmp_path, f"me.{suffix}", encode(picture((900, 600), RED), fmt))
    sha = ctx.profile_files.set_photo(source)
    data = photo_bytes(ctx)
    assert hashlib.sha256(data).hexdigest() == sha
    assert ctx.profile_files.photo_path() == ctx.profile_files.folder / sha
    assert size_of(data) == (512, 512)
    assert close_to(rgb_at(data, (256, 256)), RED, tolerance=30)  # GIF's palette is coarse
    with ctx.store.read() as s:
        row = s.get(ProfileRow, PROFILE_ID)
        assert row is not None
        assert row.photo_sha256 == sha
    assert stored_files(ctx) == [sha]


def test_a_small_picture_is_cropped_but_never_enlarged(ctx: AppContext, tmp_path: Path) -> None:
    ctx.profile_files.set_photo(write(tmp_path, "small.png", encode(picture((120, 80)), "PNG")))
    assert size_of(photo_bytes(ctx)) == (80, 80)


def test_the_first_frame_of_an_animation_is_used(ctx: AppContext, tmp_path: Path) -> None:
    frames = [picture((100, 100), GREEN), picture((100, 100), BLUE)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    ctx.profile_files.set_photo(write(tmp_path, "wave.gif", data))
    assert close_to(rgb_at(photo_bytes(ctx), (50, 50)), GREEN, tolerance=30)


def striped(width: int, height: int) -> Image.Image:
    """Red, green and blue thirds from left to right."""
    image = picture((width, height), RED)
    image.paste(GREEN, (width // 3, 0, 2 * width // 3, height))
    image.paste(BLUE, (2 * width // 3, 0, width, height))
    return image


def test_exif_orientation_is_applied_before_the_crop(ctx: AppContext, tmp_path: Path) -> None:
    # Orientation 6: the camera was turned; the viewer rotates 90° clockwise, so the stored
    # left-to-right stripes read top to bottom and the picture is 300 high and 900 wide... upright.
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(striped(900, 300), "JPEG", exif=exif.tobytes(), quality=95)
    source = write(tmp_path, "turned.jpg", data)
    assert ctx.profile_files.picture_size(source) == (300, 900)  # what a crop picker shows
    ctx.profile_files.set_photo(source, crop=(0, 0, 300))
    assert close_to(rgb_at(photo_bytes(ctx), (150, 150)), RED, tolerance=40)
    ctx.profile_files.set_photo(source, crop=(0, 600, 300))
    assert close_to(rgb_at(photo_bytes(ctx), (150, 150)), BLUE, tolerance=40)
    with pytest.raises(ValidationError, match="outside the picture, which is 300 × 900"):
        ctx.profile_files.set_photo(source, crop=(600, 0, 300))


def test_a_large_jpeg_decoded_at_a_reduced_scale_keeps_the_chosen_crop(
    ctx: AppContext, tmp_path: Path
) -> None:
    source = write(tmp_path, "big.jpg", encode(striped(6000, 2000), "JPEG", quality=90))
    ctx.profile_files.set_photo(source, crop=(4000, 0, 2000))
    data = photo_bytes(ctx)
    assert size_of(data) == (512, 512)
    assert close_to(rgb_at(data, (10, 10)), BLUE, tolerance=40)
    assert close_to(rgb_at(data, (500, 500)), BLUE, tolerance=40)


@pytest.mark.parametrize(
    ("mode", "color", "fmt", "expected"),
    [
        ("RGBA", (0, 0, 0, 0), "PNG", WHITE),  # transparent: on white, as on paper
        ("LA", (0, 0), "PNG", WHITE),
        ("CMYK", (0, 255, 255, 0), "JPEG", (255, 0, 0)),
        ("L", 128, "PNG", (128, 128, 128)),
        ("1", 1, "BMP", WHITE),
        ("CMYK", (255, 0, 255, 0), "TIFF", (0, 255, 0)),
    ],
)
def test_other_colour_modes_become_rgb(
    ctx: AppContext, tmp_path: Path, mode: str, color: object, fmt: str, expected: tuple[int, int, int]
) -> None:
    source = write(tmp_path, f"mode.{fmt.lower()}", encode(picture((64, 64), color, mode), fmt))
    ctx.profile_files.set_photo(source)
    assert close_to(rgb_at(photo_bytes(ctx), (32, 32)), expected, tolerance=20)


def test_a_palette_picture_with_a_transparent_colour_is_on_white(ctx: AppContext, tmp_path: Path) -> None:
    image = picture((64, 64), 3, "P")
    image.putpalette([0, 0, 0] * 3 + [255, 0, 0] + [0, 0, 0] * 252)
    data = encode(image, "PNG", transparency=3)
    ctx.profile_files.set_photo(write(tmp_path, "p.png", data))
    assert close_to(rgb_at(photo_bytes(ctx), (32, 32)), WHITE)


def test_sixteen_bit_grey_keeps_its_tone(ctx: AppContext, tmp_path: Path) -> None:
    image = Image.new("I;16", (64, 64), 32768)
    ctx.profile_files.set_photo(write(tmp_path, "deep.png", encode(image, "PNG")))
    assert close_to(rgb_at(photo_bytes(ctx), (32, 32)), (128, 128, 128), tolerance=3)


def test_metadata_such_as_the_gps_position_is_not_kept(ctx: AppContext, tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (59.0, 20.0, 0.0)}  # GPS
    source = write(tmp_path, "gps.jpg", encode(picture((100, 100)), "JPEG", exif=exif.tobytes()))
    ctx.profile_files.set_photo(source)
    data = photo_bytes(ctx)
    assert b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert len(image.getexif()) == 0


def test_the_same_picture_again_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    source = write(tmp_path, "me.png", encode(picture(), "PNG"))
    first = ctx.profile_files.set_photo(source)
    before = len(outbox(ctx))
    assert ctx.profile_files.set_photo(source) == first
    assert len(outbox(ctx)) == before


def test_a_new_photo_or_its_removal_leaves_no_orphan_file(ctx: AppContext, tmp_path: Path) -> None:
    first = ctx.profile_files.set_photo(write(tmp_path, "a.png", encode(picture(color=RED), "PNG")))
    second = ctx.profile_files.set_photo(write(tmp_path, "b.png", encode(picture(color=BLUE), "PNG")))
    assert first != second
    assert stored_files(ctx) == [second]
    ctx.profile_files.remove_photo()
    assert ctx.profile_files.photo_path() is None
    assert stored_files(ctx) == []
    with ctx.store.read() as s:
        row = s.get(ProfileRow, PROFILE_ID)
        assert row is not None
        assert row.photo_sha256 is None
    ctx.profile_files.remove_photo()  # without a photo: nothing to do, no error


def test_a_photo_whose_file_is_missing_has_no_path(ctx: AppContext, tmp_path: Path) -> None:
    sha = ctx.profile_files.set_photo(write(tmp_path, "a.png", encode(picture(), "PNG")))
    (ctx.profile_files.folder / sha).unlink()  # e.g. synced from another device, not yet downloaded
    assert ctx.profile_files.photo_sha256() == sha
    assert ctx.profile_files.photo_path() is None


# --- refusals: each names the file and the problem, and nothing changes ---------------------------


def refused(ctx: AppContext, path: Path, match: str, crop: tuple[int, int, int] | None = None) -> None:
    before = state(ctx)
    with pytest.raises(ValidationError, match=match):
        ctx.profile_files.set_photo(path, crop)
    assert state(ctx) == before


@pytest.fixture
def with_photo(ctx: AppContext, tmp_path: Path) -> str:
    """A photo already set, so a refusal must keep it (not only leave an empty profile empty)."""
    return ctx.profile_files.set_photo(write(tmp_path, "kept.png", encode(picture(), "PNG")))


@pytest.mark.parametrize(
    ("name", "data", "match"),
    [
        ("bomb.png", png_header(100_000, 100_000), r"bomb.png is far too large a picture"),
        ("big.png", png_header(10_000, 10_000), r"big.png is far too large a picture"),
        (
            "over.png",
            png_header(9_000, 9_000),
            r"over.png is 9,000 × 9,000 pixels; pictures up to 80 megapixels",
        ),
        (
            "notes.jpg",
            b"Dear diary, this is text\n" * 20,
            r"notes.jpg is not a picture coapp can read; use JPEG",
        ),
        ("empty.jpg", b"", r"empty.jpg is empty"),
        ("zip.png", b"PK\x03\x04" + bytes(200), r"zip.png is not a picture"),
        ("tiny.png", encode(picture((20, 300)), "PNG"), r"20 × 300 pixels; a photo needs at least 32 × 32"),
    ],
)
def test_bad_files_are_refused_by_name(
    ctx: AppContext, tmp_path: Path, with_photo: str, name: str, data: bytes, match: str
) -> None:
    refused(ctx, write(tmp_path, name, data), match)
    assert ctx.profile_files.photo_sha256() == with_photo


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF", "TIFF"])
def test_a_truncated_picture_is_refused_as_damaged(
    ctx: AppContext, tmp_path: Path, with_photo: str, fmt: str
) -> None:
    noisy = Image.effect_noise((400, 400), 80).convert("RGB")  # noise: no format compresses it to a few bytes
    data = encode(noisy, fmt)
    refused(ctx, write(tmp_path, f"cut.{fmt.lower()}", data[: len(data) // 2]), r"cut\.\w+ is damaged")


def test_the_picture_size_refuses_what_the_import_refuses(ctx: AppContext, tmp_path: Path) -> None:
    assert ctx.profile_files.picture_size(write(tmp_path, "a.gif", encode(picture((40, 50)), "GIF"))) == (
        40,
        50,
    )
    for name, data, match in (
        ("bomb.png", png_header(100_000, 100_000), "far too large"),
        ("notes.jpg", b"text", "not a picture"),
        ("empty.png", b"", "is empty"),
    ):
        with pytest.raises(ValidationError, match=match):
            ctx.profile_files.picture_size(write(tmp_path, name, data))
    assert stored_files(ctx) == []


def test_a_folder_a_missing_file_and_a_huge_file_are_refused(ctx: AppContext, tmp_path: Path) -> None:
    refused(ctx, tmp_path, f"{tmp_path.name} is a folder; choose a file")
    refused(ctx, tmp_path / "gone.jpg", r"gone.jpg does not exist")
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)  # sparse: costs no disk
    refused(ctx, huge, r"huge.jpg is larger than 50 MB, the most a picture can be")


def test_an_unreadable_file_is_refused(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path, "secret.png", encode(picture(), "PNG"))
    if os.name == "posix" and os.geteuid() != 0:
        source.chmod(0)
    else:  # root (or Windows) reads anything: the refusal the OS would give, given by hand
        real_open = Path.open

        def deny(self: Path, *args: object, **kwargs: object) -> object:
            if self == source:
                raise PermissionError(13, "Permission denied")
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", deny)
    refused(ctx, source, r"coapp may not read secret.png: permission denied")


def test_a_bad_crop_is_refused(ctx: AppContext, tmp_path: Path, with_photo: str) -> None:
    source = write(tmp_path, "me.png", encode(picture((300, 200)), "PNG"))
    refused(ctx, source, r"reaches outside the picture, which is 300 × 200", crop=(150, 0, 200))
    refused(ctx, source, r"cannot be negative", crop=(-1, 0, 100))
    refused(ctx, source, r"choose at least 32", crop=(0, 0, 31))
    refused(ctx, source, r"three whole numbers", crop=(0, 0, 50.5))  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    width=st.integers(1, 2000),
    height=st.integers(1, 2000),
    left=st.integers(-50, 2100),
    top=st.integers(-50, 2100),
    side=st.integers(-5, 2100),
)
def test_a_crop_box_is_accepted_exactly_when_it_is_a_big_enough_square_inside(
    width: int, height: int, left: int, top: int, side: int
) -> None:
    fits = (
        width >= MIN_CROP_SIDE
        and height >= MIN_CROP_SIDE
        and left >= 0
        and top >= 0
        and side >= MIN_CROP_SIDE
        and left + side <= width
        and top + side <= height
    )
    if fits:
        assert check_crop((left, top, side), width, height) == (left, top, side)
    else:
        with pytest.raises(ValidationError):
            check_crop((left, top, side), width, height)


@settings(max_examples=25, deadline=None)
@given(
    width=st.integers(MIN_CROP_SIDE, 700),
    height=st.integers(MIN_CROP_SIDE, 700),
    data=st.data(),
)
def test_any_valid_crop_gives_a_square_of_the_crop_size_up_to_512(
    width: int, height: int, data: st.DataObject
) -> None:
    side = data.draw(st.integers(MIN_CROP_SIDE, min(width, height)))
    left = data.draw(st.integers(0, width - side))
    top = data.draw(st.integers(0, height - side))
    jpeg = make_photo(encode(picture((width, height)), "PNG"), "p.png", (left, top, side))
    assert size_of(jpeg) == (min(side, 512), min(side, 512))


def test_the_default_crop_is_the_centred_square() -> None:
    assert check_crop(None, 300, 200) == (50, 0, 200)
    assert check_crop(None, 200, 301) == (0, 50, 200)
    jpeg = make_photo(encode(striped(900, 300), "PNG"), "s.png")
    assert close_to(rgb_at(jpeg, (150, 150)), GREEN, tolerance=30)
