"""Reading LinkedIn's "Get a copy of your data" export into records My Profile can merge.

read_linkedin_export(path) takes the ZIP as LinkedIn sends it or the folder it unpacks to and returns a
LinkedInExport, or raises ValidationError naming the file and line; it never returns part of an export.
Oddities it can recover from (a date it cannot read, an unknown proficiency, an over-long text) become
warnings in the result so the merge preview can show them. Merging is the profile service's job.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from coapp.domain.errors import ValidationError
from coapp.domain.linkedin_files import KNOWN_FILES, CsvRow, CsvTable, read_export_files, read_table
from coapp.domain.linkedin_records import (
    PROFICIENCY_LEVELS,
    ExportDate,
    LinkedInCertification,
    LinkedInEducation,
    LinkedInExport,
    LinkedInHonor,
    LinkedInLanguage,
    LinkedInPosition,
    LinkedInProfile,
    parse_linkedin_date,
    proficiency_level,
)

__all__ = [
    "KNOWN_FILES",
    "PROFICIENCY_LEVELS",
    "ExportDate",
    "LinkedInCertification",
    "LinkedInEducation",
    "LinkedInExport",
    "LinkedInHonor",
    "LinkedInLanguage",
    "LinkedInPosition",
    "LinkedInProfile",
    "parse_linkedin_date",
    "parse_linkedin_export",
    "proficiency_level",
    "read_linkedin_export",
]

_T = TypeVar("_T")

# LinkedIn's column names per file: the first are required (without them the file is not what its
# name says), the rest are read when present. Other columns are ignored.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Profile.csv": (("First Name", "Last Name"), ("Headline", "Summary", "Geo Location", "Websites")),
    "Positions.csv": (
        ("Company Name", "Title"),
        ("Description", "Location", "Started On", "Finished On"),
    ),
    "Education.csv": (("School Name",), ("Start Date", "End Date", "Notes", "Degree Name", "Activities")),
    "Skills.csv": (("Name",), ()),
    "Languages.csv": (("Name",), ("Proficiency",)),
    "Certifications.csv": (
        ("Name",),
        ("Url", "Authority", "Started On", "Finished On", "License Number"),
    ),
    "Honors.csv": (("Title",), ("Description", "Issued On")),
}


def read_linkedin_export(path: str | os.PathLike[str]) -> LinkedInExport:
    """The export at path: LinkedIn's ZIP or the folder it unpacks to (CSVs at its top or in one folder)."""
    return parse_linkedin_export(read_export_files(path))


def parse_linkedin_export(files: Mapping[str, bytes]) -> LinkedInExport:
    """The export from its files' bytes by name (e.g. "Positions.csv"); unknown names are ignored."""
    known = {name.casefold(): name for name in KNOWN_FILES}
    by_name = {known[name.casefold()]: data for name, data in files.items() if name.casefold() in known}
    tables = {name: read_table(name, data, *COLUMNS[name]) for name, data in by_name.items()}
    warnings: list[str] = []

    def section(name: str, build: Callable[[CsvRow, _Notes], _T | None]) -> list[_T]:
        table = tables.get(name)
        if table is None:
            return []
        warnings.extend(table.warnings)
        notes = _Notes(table, warnings)
        return [item for row in table.rows if (item := build(row, notes)) is not None]

    profiles = section("Profile.csv", _profile)
    if len(profiles) > 1:
        second = tables["Profile.csv"].rows[1].line  # every Profile.csv row makes a profile
        warnings.append(f"Profile.csv line {second}: a second profile; only the first one is read")
    positions = section("Positions.csv", _position)
    education = section("Education.csv", _education)
    skills = _unique_ignoring_case(section("Skills.csv", lambda row, notes: notes.key(row, "Name")))
    languages = section("Languages.csv", _language)
    certifications = section("Certifications.csv", _certification)
    honors = section("Honors.csv", _honor)
    return LinkedInExport(
        profile=profiles[0] if profiles else None,
        positions=tuple(positions),
        education=tuple(education),
        skills=tuple(skills),
        languages=tuple(languages),
        certifications=tuple(certifications),
        honors=tuple(honors),
        files_read=tuple(name for name in KNOWN_FILES if name in tables),
        warnings=tuple(warnings),
    )


class _Notes:
    """Reads one file's values the lenient way, noting what it had to leave out as warnings."""

    def __init__(self, table: CsvTable, warnings: list[str]) -> None:
        self.file_name = table.file_name
        self.warnings = warnings

    def key(self, row: CsvRow, column: str) -> str | None:
        """The value that names the row; a row without it is skipped with a warning."""
        value = row.values[column]
        if not value:
            self.warnings.append(f"{self.file_name} line {row.line}: no “{column}”; row skipped")
            return None
        return value

    def date(self, row: CsvRow, column: str) -> ExportDate | None:
        value = row.values.get(column, "")
        try:
            return parse_linkedin_date(value)
        except ValidationError:
            shown = value if len(value) <= 40 else value[:39] + "…"
            self.warnings.append(
                f"{self.file_name} line {row.line}: “{column}” is not a date: “{shown}”; left empty"
            )
            return None

    def span(
        self, row: CsvRow, start_column: str, end_column: str
    ) -> tuple[ExportDate | None, ExportDate | None]:
        start, end = self.date(row, start_column), self.date(row, end_column)
        if start is not None and end is not None and end.is_before(start):
            # Kept as written: which of the two is wrong is for the person to say in the preview.
            self.warnings.append(
                f"{self.file_name} line {row.line}: “{end_column}” ({end}) "
                f"is before “{start_column}” ({start})"
            )
        return start, end


def _profile(row: CsvRow, notes: _Notes) -> LinkedInProfile:
    v = row.values
    return LinkedInProfile(
        first_name=v["First Name"],
        last_name=v["Last Name"],
        headline=v["Headline"],
        summary=v["Summary"],
        location=v["Geo Location"],
        websites=_websites(v["Websites"]),
    )


# LinkedIn writes websites as "[PERSONAL:www.example.com],[COMPANY:https://acme.se]"; the kind prefix
# is dropped (the resume shows addresses, not LinkedIn's categories). Plain lists are read too.
_BRACKETED = re.compile(r"\[([^\]]*)\]")
_KIND = re.compile(r"^[A-Z_]+:(?!//)")


def _websites(text: str) -> tuple[str, ...]:
    found = _BRACKETED.findall(text) or re.split(r"[,\s]+", text)
    addresses = (_KIND.sub("", item).strip() for item in found)
    return tuple(_unique_ignoring_case(a for a in addresses if a))


def _position(row: CsvRow, notes: _Notes) -> LinkedInPosition | None:
    organisation = notes.key(row, "Company Name")
    if organisation is None:
        return None
    start, end = notes.span(row, "Started On", "Finished On")
    v = row.values
    return LinkedInPosition(
        organisation, v["Title"], v["Description"], v["Location"], start, end, line=row.line
    )


def _education(row: CsvRow, notes: _Notes) -> LinkedInEducation | None:
    school = notes.key(row, "School Name")
    if school is None:
        return None
    start, end = notes.span(row, "Start Date", "End Date")
    v = row.values
    return LinkedInEducation(school, v["Degree Name"], v["Notes"], v["Activities"], start, end)


def _language(row: CsvRow, notes: _Notes) -> LinkedInLanguage | None:
    name = notes.key(row, "Name")
    if name is None:
        return None
    try:
        level = proficiency_level(row.values["Proficiency"])
    except ValidationError as e:
        notes.warnings.append(f"{notes.file_name} line {row.line}: {e}; level left empty")
        level = None
    return LinkedInLanguage(name, level)


def _certification(row: CsvRow, notes: _Notes) -> LinkedInCertification | None:
    name = notes.key(row, "Name")
    if name is None:
        return None
    start, end = notes.span(row, "Started On", "Finished On")
    v = row.values
    return LinkedInCertification(name, v["Authority"], v["Url"], v["License Number"], start, end)


def _honor(row: CsvRow, notes: _Notes) -> LinkedInHonor | None:
    title = notes.key(row, "Title")
    if title is None:
        return None
    return LinkedInHonor(title, row.values["Description"], notes.date(row, "Issued On"))


def _unique_ignoring_case(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            kept.append(item)
    return kept
