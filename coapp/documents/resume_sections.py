"""The resume's sections as items for a Column: each item knows the height of its start and draws
itself. Both looks use these; they differ in the heading, the page and what goes in the side column."""

from __future__ import annotations

from collections.abc import Callable

from coapp.documents.resume_flow import MUTED, Column, Draw, section
from coapp.documents.resume_markdown import escape
from coapp.documents.resume_texts import ResumeTexts, month_text, period_text
from coapp.domain.profile import LanguageSkill, Profile
from coapp.domain.profile_sections import Award, Certificate, Education, Experience, PortfolioItem, Reference

Item = tuple[float, Draw]
Heading = Callable[[Column, str], None]


def language_level(language: LanguageSkill, texts: ResumeTexts) -> str:
    return texts.native if language.level == "native" else language.level


def _entry(
    col: Column, title: str, date: str, subtitle: str, body: str = "", after: str = "", gap: float = 3.2
) -> Item:
    start = col.item_header_height(title, date, subtitle) + col.markdown_start_height(body)

    def draw() -> None:
        col.item_header(title, date, subtitle)
        if body:
            col.skip(0.8)
            col.markdown(body)
        if after:
            col.font(col.style.small, color=MUTED)
            col.text(escape(after), col.style.small_line)
        col.skip(gap)

    return start, draw


def experience_items(col: Column, jobs: tuple[Experience, ...], texts: ResumeTexts) -> list[Item]:
    end_of = lambda e: None if e.current else e.end  # noqa: E731
    return [
        _entry(
            col,
            e.role,
            period_text(e.start, end_of(e), texts),
            e.organisation,
            e.description,
            " · ".join(e.skills),
        )
        for e in jobs
    ]


def education_items(col: Column, studies: tuple[Education, ...], texts: ResumeTexts) -> list[Item]:
    items = []
    for e in studies:
        title = ", ".join(p for p in (e.degree, e.field) if p) or e.school
        subtitle = e.school if title != e.school else ""
        items.append(_entry(col, title, period_text(e.start, e.end, texts), subtitle))
    return items


def certificate_items(col: Column, certs: tuple[Certificate, ...], texts: ResumeTexts) -> list[Item]:
    items = []
    for c in certs:
        date = month_text(c.issued, texts) if c.issued else ""
        sub = c.issuer
        if c.expires:
            sub = (
                f"{sub} · {texts.expires} {month_text(c.expires, texts)}"
                if sub
                else f"{texts.expires} {month_text(c.expires, texts)}"
            )
        items.append(_entry(col, c.name, date, sub, after=c.url, gap=2.4))
    return items


def award_items(col: Column, awards: tuple[Award, ...], texts: ResumeTexts) -> list[Item]:
    return [
        _entry(
            col, a.title, month_text(a.awarded, texts) if a.awarded else "", a.issuer, a.description, gap=2.4
        )
        for a in awards
    ]


def reference_items(col: Column, refs: tuple[Reference, ...]) -> list[Item]:
    return [
        _entry(col, r.name, "", " · ".join(p for p in (r.relation, r.contact) if p), gap=2.4) for r in refs
    ]


def portfolio_items(col: Column, works: tuple[PortfolioItem, ...]) -> list[Item]:
    return [_entry(col, w.title, "", "", w.description, after=w.url, gap=2.4) for w in works]


def letter_items(col: Column, letter: str) -> list[Item]:
    if not letter.strip():
        return []

    def draw() -> None:
        col.markdown(letter)
        col.skip(1.0)

    return [(col.markdown_start_height(letter), draw)]


def main_sections(
    col: Column,
    profile: Profile,
    texts: ResumeTexts,
    heading: Heading,
    heading_h: float,
    after_education: tuple[tuple[str, list[Item]], ...] = (),
) -> None:
    """Letter, experience, education, (the look's own), certificates, awards, references, portfolio:
    what the main column of either look shows, in that order."""
    for title, items in (
        (texts.letter, letter_items(col, profile.letter)),
        (texts.experience, experience_items(col, profile.experience, texts)),
        (texts.education, education_items(col, profile.education, texts)),
        *after_education,
        (texts.certificates, certificate_items(col, profile.certificates, texts)),
        (texts.awards, award_items(col, profile.awards, texts)),
        (texts.references, reference_items(col, profile.references)),
        (texts.portfolio, portfolio_items(col, profile.portfolio)),
    ):
        section(col, lambda t=title: heading(col, t), heading_h, items)  # type: ignore[misc]


def country_name(code: str, language: str) -> str:
    if not code:
        return ""
    from babel import Locale

    return str(Locale.parse(language).territories.get(code, code))


def shown_url(url: str) -> str:
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    return url.removeprefix("www.").rstrip("/")


def contact_parts(profile: Profile, language: str) -> list[str]:
    """E-mail, phone, place and links, as the resume prints them (empty ones left out)."""
    d = profile.details
    place = ", ".join(p for p in (d.city, country_name(d.country, language)) if p)
    return [p for p in (d.email, d.phone, place) if p] + [shown_url(link.url) for link in profile.links]
