"""The resume PDF read back: names, headings per language, the chosen jobs only, pages and footers,
Markdown in the letter, empty sections left out, and the same bytes for the same profile."""

from __future__ import annotations

import dataclasses
import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from coapp.documents.resume_markdown import blocks, inline
from coapp.documents.resume_pdf import ResumeOptions, render_resume_pdf, write_resume_pdf
from coapp.domain.errors import ValidationError
from coapp.domain.profile import PersonalDetails, Profile
from coapp.domain.resume_variants import select
from tests.documents.resume_samples import full

LOOKS = ("classic", "modern")
LANGUAGES = ("sv", "en")
HEADINGS = {
    "sv": (
        "Om mig",
        "Erfarenhet",
        "Utbildning",
        "Kompetenser",
        "Språk",
        "Certifikat",
        "Utmärkelser",
        "Referenser",
    ),
    "en": (
        "About me",
        "Experience",
        "Education",
        "Skills",
        "Languages",
        "Certificates",
        "Awards",
        "References",
    ),
}


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages_of(pdf))


def has_heading(text: str, heading: str) -> bool:
    # The modern look prints headings in capitals (with letter spacing, which extraction may split).
    squeezed = text.replace(" ", "").casefold()
    return heading.replace(" ", "").casefold() in squeezed


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_full_profile_in_both_looks_and_languages(look: str, language: str) -> None:
    profile = full()
    pdf = render_resume_pdf(profile, ResumeOptions(language=language, look=look))
    text = text_of(pdf)
    assert "Åsa Økland-Ähtäri" in text
    for heading in HEADINGS[language]:
        assert has_heading(text, heading), heading
    other = "en" if language == "sv" else "sv"
    assert not has_heading(text, HEADINGS[other][1])
    for job in profile.experience:
        assert job.role in text
        assert job.organisation in text
    assert ("sep 2024 – nu" if language == "sv" else "Sep 2024 – now") in text
    assert ("modersmål" if language == "sv" else "native") in text
    assert "Kubernetes" in text
    assert "Civilingenjör, Datateknik" in text
    assert "2019--2021" in text  # fpdf2's underline marker printed as typed
    assert "**" not in text
    assert "*övervakning*" not in text


@pytest.mark.parametrize("look", LOOKS)
def test_only_the_chosen_jobs_and_sections(look: str) -> None:
    profile = select(full(), ("experience", "skills"), ("job-1", "job-3"))
    text = text_of(render_resume_pdf(profile, ResumeOptions(language="en", look=look)))
    assert "Spotify AB" in text
    assert "Volvo Cars" in text
    for absent in ("Nordea", "Klarna", "Ericsson", "Skatteverket", "Lunds universitet", "Karin Lind"):
        assert absent not in text
    for heading in ("Education", "About me", "Languages", "Certificates", "Awards", "References"):
        assert not has_heading(text, heading), heading


@pytest.mark.parametrize("look", LOOKS)
def test_fifty_jobs_paginate_with_page_numbers(look: str) -> None:
    few = render_resume_pdf(full(6), ResumeOptions(look=look))
    many = render_resume_pdf(full(50), ResumeOptions(look=look))
    pages = pages_of(many)
    assert len(pages) > len(pages_of(few)) + 3
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert f"{i}/{n}" in page
    text = " ".join(pages)
    for i in range(6, 50):
        assert f"#{i}" in text


@pytest.mark.parametrize("look", LOOKS)
def test_no_heading_is_left_at_the_bottom_of_a_page(look: str) -> None:
    # Whatever a page's last words are, they are never a section's heading.
    headings = [h.casefold() for h in HEADINGS["sv"]]
    for jobs in (5, 7, 9, 12, 20):
        for page in pages_of(render_resume_pdf(full(jobs), ResumeOptions(look=look)))[:-1]:
            tail = re.sub(r"\d+/\d+$", "", page).strip().replace(" ", "").casefold()
            assert not any(tail.endswith(h.replace(" ", "")) for h in headings), (jobs, page[-80:])


@pytest.mark.parametrize("look", LOOKS)
def test_empty_sections_have_no_headings(look: str) -> None:
    profile = Profile(details=PersonalDetails(name="Bo Ek"))
    pages = pages_of(render_resume_pdf(profile, ResumeOptions(language="en", look=look)))
    assert len(pages) == 1
    assert "Bo Ek" in pages[0]
    for heading in HEADINGS["en"] + ("Contact",):
        assert not has_heading(pages[0], heading), heading
    # And a profile with nothing at all still makes a page.
    assert len(pages_of(render_resume_pdf(Profile(), ResumeOptions(look=look)))) == 1


@pytest.mark.parametrize("look", LOOKS)
def test_a_letter_of_20000_characters_paginates(look: str) -> None:
    paragraph = "Jag levererar *stabila* system i tid och hjälper team att växa. " * 15
    letter = "\n\n".join(f"{paragraph.strip()} Stycke {i}." for i in range(40))[:20_000]
    profile = dataclasses.replace(full(1), letter=letter)
    pages = pages_of(render_resume_pdf(profile, ResumeOptions(look=look)))
    assert len(pages) >= 4
    text = " ".join(pages)
    assert "Stycke 0." in text
    assert "Stycke 19." in text


@pytest.mark.parametrize("look", LOOKS)
def test_the_same_profile_gives_the_same_bytes(look: str) -> None:
    options = ResumeOptions(language="en", look=look)
    first = render_resume_pdf(full(), options)
    assert render_resume_pdf(full(), options) == first
    assert render_resume_pdf(full(), ResumeOptions(language="sv", look=look)) != first
    meta = PdfReader(BytesIO(first)).metadata
    assert meta is not None
    assert meta.title == "Åsa Økland-Ähtäri – CV"


def test_photo_is_optional_and_a_missing_one_is_skipped(tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "me.png"
    Image.new("RGB", (120, 150), (200, 120, 90)).save(photo)
    for look in LOOKS:
        with_photo = render_resume_pdf(full(), ResumeOptions(look=look, photo=photo))
        assert b"/Subtype /Image" in with_photo
        gone = render_resume_pdf(full(), ResumeOptions(look=look, photo=tmp_path / "gone.png"))
        assert gone == render_resume_pdf(full(), ResumeOptions(look=look))


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValidationError, match="resume language"):
        ResumeOptions(language="de")
    with pytest.raises(ValidationError, match="resume look"):
        ResumeOptions(look="fancy")


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cv.pdf"
    write_resume_pdf(full(), target)
    assert target.read_bytes().startswith(b"%PDF")
    before = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("render failed")

    monkeypatch.setattr("coapp.documents.resume_pdf.render_resume_pdf", broken)
    with pytest.raises(RuntimeError):
        write_resume_pdf(full(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cv.pdf"]


def test_markdown_subset() -> None:
    parsed = blocks("# Title\n\nSome *em* and **strong**\ntext.\n\n- one\n- two\n  continued\n1. first")
    assert [(b.kind, b.text) for b in parsed] == [
        ("heading", "Title"),
        ("paragraph", "Some __em__ and **strong** text."),
        ("bullet", "one"),
        ("bullet", "two continued"),
        ("numbered", "first"),
    ]
    assert inline("a--b ~~c~~ \\ snake_case_name") == "a\\--b \\~~c\\~~ \\\\ snake_case_name"
    assert inline("__strong__ and _em_") == "**strong** and __em__"


def test_a_long_skill_name_wraps_in_the_modern_side_column_and_is_never_cut() -> None:
    from coapp.domain.skills import Skill

    long_name = "Microsoft Dynamics 365 Finance and Operations Technical Architecture"[:60]
    profile = dataclasses.replace(full(n_jobs=1), skills=(Skill(long_name, 4, 3), Skill("Python", 5, 10)))
    pdf = render_resume_pdf(profile, ResumeOptions("en", "modern"))
    text = " ".join(pages_of(pdf)[0].split())
    assert "…" not in text
    for word in long_name.split():
        assert word in text
    assert "Python" in text
