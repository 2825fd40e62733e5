"""The resume's photo: both looks embed it when given (parsed back: the page holds a 512-pixel image
where the header is), leave it out when not, and a variant chooses it as the section "photo"."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from coapp.documents.resume_pdf import ResumeOptions, render_resume_pdf
from coapp.domain.photos import make_photo
from coapp.domain.resume_variants import RESUME_SECTIONS, ResumeVariant, select, shows_photo
from tests.documents.resume_samples import full


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    source = io.BytesIO()
    Image.new("RGB", (900, 700), (30, 120, 200)).save(source, "PNG")
    path = tmp_path / "photo.jpg"
    path.write_bytes(make_photo(source.getvalue(), "photo.png"))
    return path


def images_on_first_page(pdf: bytes) -> list[tuple[int, int]]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return [(image.image.width, image.image.height) for image in page.images if image.image is not None]


@pytest.mark.parametrize("look", ["classic", "modern"])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_both_looks_show_the_photo_when_given(photo: Path, look: str, language: str) -> None:
    with_photo = render_resume_pdf(full(), ResumeOptions(language, look, photo))
    assert images_on_first_page(with_photo) == [(512, 512)]
    without = render_resume_pdf(full(), ResumeOptions(language, look))
    assert images_on_first_page(without) == []
    # Only the first page has the header (classic) or the photo in the side column (modern).
    assert all(not p.images for p in PdfReader(io.BytesIO(with_photo)).pages[1:])


def test_the_photo_sits_in_the_header_beside_the_name(photo: Path) -> None:
    pdf = render_resume_pdf(full(), ResumeOptions("en", "classic", photo))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    content = page.get_contents()
    assert content is not None
    data = content.get_data().decode("latin-1")
    # The image is drawn as "q w 0 0 h x y cm /I1 Do Q" in points: a square in the top right corner
    # (A4 is 595 × 842 pt).
    draws = re.findall(r"([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm /I\d+ Do", data)
    assert len(draws) == 1, data[:400]
    w, h, x, y = (float(v) for v in draws[0])
    assert w == h == pytest.approx(30 / 25.4 * 72, abs=0.1)
    assert x + w == pytest.approx(595.28 - 20 / 25.4 * 72, abs=1)  # flush with the right margin
    assert y + w > 842 - 80  # near the top


def test_a_missing_photo_file_is_skipped(tmp_path: Path) -> None:
    options = ResumeOptions("en", "modern", tmp_path / "not-downloaded-yet")
    assert images_on_first_page(render_resume_pdf(full(), options)) == []


def test_the_same_profile_and_photo_give_the_same_bytes(photo: Path) -> None:
    options = ResumeOptions("sv", "modern", photo)
    assert render_resume_pdf(full(), options) == render_resume_pdf(full(), options)


def test_a_variant_chooses_the_photo_as_a_section() -> None:
    assert RESUME_SECTIONS[0] == "photo"
    assert shows_photo(ResumeVariant("All").sections)
    no_photo = ResumeVariant("Anonymous", sections=("experience", "skills"))
    assert not shows_photo(no_photo.sections)
    assert select(full(), ("photo", "skills"), None).skills == full().skills  # "photo" is no Profile field
