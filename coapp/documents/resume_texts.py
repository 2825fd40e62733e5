"""The resume's words per language: section headings, month names, "now", and how periods read."""

from __future__ import annotations

from dataclasses import dataclass

from coapp.domain.year_month import YearMonth


@dataclass(frozen=True)
class ResumeTexts:
    letter: str
    experience: str
    education: str
    skills: str
    languages: str
    certificates: str
    awards: str
    references: str
    portfolio: str
    contact: str
    links: str
    now: str
    issued: str
    expires: str
    native: str
    months: tuple[str, ...]  # short names, January first
    page_language: str  # for the PDF's /Lang
    code: str  # "sv", "en"


TEXTS: dict[str, ResumeTexts] = {
    "sv": ResumeTexts(
        letter="Om mig",
        experience="Erfarenhet",
        education="Utbildning",
        skills="Kompetenser",
        languages="Språk",
        certificates="Certifikat",
        awards="Utmärkelser",
        references="Referenser",
        portfolio="Portfolio",
        contact="Kontakt",
        links="Länkar",
        now="nu",
        issued="utfärdat",
        expires="giltigt till",
        native="modersmål",
        months=("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        page_language="sv-SE",
        code="sv",
    ),
    "en": ResumeTexts(
        letter="About me",
        experience="Experience",
        education="Education",
        skills="Skills",
        languages="Languages",
        certificates="Certificates",
        awards="Awards",
        references="References",
        portfolio="Portfolio",
        contact="Contact",
        links="Links",
        now="now",
        issued="issued",
        expires="valid until",
        native="native",
        months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        page_language="en",
        code="en",
    ),
}


def texts_for(language: str) -> ResumeTexts:
    return TEXTS[language]


def month_text(month: YearMonth, texts: ResumeTexts) -> str:
    """ "mar 2024" / "Mar 2024"."""
    return f"{texts.months[month.month - 1]} {month.year}"


def period_text(start: YearMonth, end: YearMonth | None, texts: ResumeTexts) -> str:
    """ "jan 2021 – mar 2024", "jan 2021 – nu"; one month alone when it starts and ends in it."""
    if end is not None and end == start:
        return month_text(start, texts)
    return f"{month_text(start, texts)} – {month_text(end, texts) if end else texts.now}"
