"""The resume's own line count agrees with fpdf2's line breaker on the text a resume holds."""

from __future__ import annotations

import random

import pytest

from coapp.documents.resume_markdown import escape, inline
from coapp.documents.resume_measure import LineMeasure
from coapp.documents.resume_pdf import ResumeOptions, _new_pdf
from coapp.domain.profile import Profile

_WORDS_TEXT = (
    "Led the migration of a payment platform to Kubernetes, cut release time from weeks to hours; "
    "mentored six developers. Byggde om kundportalen i React och TypeScript med åtkomst för alla "
    "användare (WCAG 2.1 AA), 2019--2021 C# F# Node.js x86_64 https://example.com/a/very/long/path"
)
WORDS = _WORDS_TEXT.split()


def _pdf():  # type: ignore[no-untyped-def]
    pdf = _new_pdf(Profile(), ResumeOptions())
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9.5)
    return pdf


def _fpdf_lines(pdf, markup: str, w: float) -> int:  # type: ignore[no-untyped-def]
    return len(pdf.multi_cell(w, 5, markup, markdown=True, dry_run=True, output="LINES"))


@pytest.mark.parametrize("seed", range(40))
def test_the_count_matches_fpdf2_on_resume_text(seed: int) -> None:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 90))]
    if rng.random() < 0.5:  # some emphasis, as a description's Markdown gives
        start = rng.randrange(len(words))
        words[start] = f"**{words[start]}"
        words[-1] = f"{words[-1]}**"
    text = inline(" ".join(words)) if "**" in " ".join(words) else escape(" ".join(words))
    width = rng.choice((45.0, 62.5, 120.0, 174.0))
    pdf = _pdf()
    measure = LineMeasure(pdf)
    assert measure.count(text, width, 1000) == _fpdf_lines(pdf, text, width)


def test_counting_stops_at_the_lines_asked_for() -> None:
    pdf = _pdf()
    text = " ".join(WORDS * 5)
    assert LineMeasure(pdf).count(text, 60.0, 2) == 2
    assert LineMeasure(pdf).count("Short.", 60.0, 2) == 1


def test_hard_line_breaks_and_long_words_take_lines() -> None:
    pdf = _pdf()
    measure = LineMeasure(pdf)
    assert measure.count("one\ntwo\nthree", 100.0, 10) == _fpdf_lines(pdf, "one\ntwo\nthree", 100.0)
    long_word = "x" * 300
    assert measure.count(long_word, 40.0, 50) == _fpdf_lines(pdf, long_word, 40.0)
