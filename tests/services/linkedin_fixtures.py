"""A realistic LinkedIn export for the import tests, as the files LinkedIn sends (CSV in a ZIP)."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    'Åsa,Öberg,,,"Apr 12, 1985",Senior .NET-konsult,"Jag bygger system.\r\nSom håller.",'
    'IT Services,11122,"Stockholm, Stockholm County, Sweden",[asaoberg],'
    '"[PERSONAL:www.asaoberg.se],[COMPANY:https://konsult.example],[OTHER:not a web address]",\r\n'
)
# Line 2: current; 3: a full period; 4: year-only dates; 5: an end that is not a date;
# 6: an end before the start (the profile's period rule refuses it).
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Konsult AB,Systemutvecklare,Backend,"Stockholm, Sweden",Jan 2020,\n'
    "Acme,Architect,Led the team.,Göteborg,Mar 2017,Dec 2019\n"
    "Tiny Corp,Dev,,,2015,2016\n"
    "Broken AB,Tester,,,Jan 2014,soon\n"
    "Backwards AB,Dev,,,Jun 2013,Jan 2013\n"
)
EDUCATION = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "KTH Royal Institute of Technology,2004,2009,Computer Science,Master of Science,Sailing club\n"
    "Stockholms universitet,01 Sep 2003,Jun 2004,,,\n"
)
SKILLS = "Name\nPython\nJS\nPostgreSQL\n"
LANGUAGES = (
    "Name,Proficiency\n"
    "Svenska,Native or bilingual proficiency\n"
    "English,Full professional proficiency\n"
    "Suomi,\n"
)
CERTIFICATIONS = (
    "Name,Url,Authority,Started On,Finished On,License Number\n"
    "AWS Certified Solutions Architect,https://aws.example/v/1,Amazon Web Services,"
    "Jun 2021,Jun 2024,ABC-123\n"
)
HONORS = "Title,Description,Issued On\nConsultant of the year,For the Acme migration,2019\n"


def export_files(**replaced: str | None) -> dict[str, bytes]:
    """The files by name; Positions="..." replaces a file's text, Positions=None leaves it out."""
    texts: dict[str, str | None] = {
        "Profile": PROFILE,
        "Positions": POSITIONS,
        "Education": EDUCATION,
        "Skills": SKILLS,
        "Languages": LANGUAGES,
        "Certifications": CERTIFICATIONS,
        "Honors": HONORS,
    }
    texts.update(replaced)
    files = {f"{name}.csv": text.encode() for name, text in texts.items() if text is not None}
    if "Profile.csv" in files:
        files["Profile.csv"] = codecs.BOM_UTF8 + files["Profile.csv"]
    return files


def write_export(folder: Path, files: dict[str, bytes] | None = None, name: str = "export.zip") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file_name, data in (export_files() if files is None else files).items():
            archive.writestr(file_name, data)
    path.write_bytes(buffer.getvalue())
    return path
