"""LinkedIn's data export read into plain records: real exports in their shapes, and how one goes wrong."""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import struct
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coapp.domain import linkedin_files
from coapp.domain.errors import ValidationError
from coapp.domain.linkedin_export import (
    KNOWN_FILES,
    ExportDate,
    LinkedInCertification,
    LinkedInEducation,
    LinkedInExport,
    LinkedInHonor,
    LinkedInLanguage,
    LinkedInPosition,
    LinkedInProfile,
    parse_linkedin_date,
    parse_linkedin_export,
    proficiency_level,
    read_linkedin_export,
)

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    'Åsa,Öberg,,,"Apr 12, 1985",Senior .NET-konsult,"Jag bygger system.\r\nSom håller.",'
    'IT Services,11122,"Stockholm, Stockholm County, Sweden",[asaoberg],'
    '"[PERSONAL:www.asaoberg.se],[COMPANY:https://konsult.example]",\r\n'
)
# Line 1 header, line 2 a one-line row, lines 3-5 a row whose description spans three lines,
# line 6 an empty line, line 7 a row whose end date is not a date.
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On,Some New Column\n"
    'Konsult AB,Systemutvecklare,Backend,"Stockholm, Sweden",Jan 2020,,x\n'
    'Acme,Architect,"Led the team.\nMigrated 40 services.\n=HYPERLINK(""http://x"")",'
    "Göteborg,Mar 2017,Dec 2019,y\n"
    "\n"
    "Tiny Corp,Dev,,,2015,soon,\n"
)
EDUCATION = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "KTH Royal Institute of Technology,2004,2009,Computer Science,Master of Science,Sailing club\n"
    "Stockholms universitet,01 Sep 2003,Jun 2004,,,\n"
)
SKILLS = "Name\nPython\nSQL\npython\n,\nPostgreSQL\nSQL \n"
LANGUAGES = (
    "Name,Proficiency\n"
    "Svenska,Native or bilingual proficiency\n"
    "English,Full professional proficiency\n"
    "Deutsch,Elementary proficiency\n"
    "Suomi,\n"
)
# Some exports put LinkedIn's notes (a quoted paragraph, here over two lines) above the header.
CERTIFICATIONS = (
    "Notes:\n"
    '"Certifications you added to your profile.\nDates are as you entered them."\n'
    "\n"
    "Name,Url,Authority,Started On,Finished On,License Number\n"
    "AWS Certified Solutions Architect,https://aws.example/v/1,Amazon Web Services,"
    "Jun 2021,Jun 2024,ABC-123\n"
)
CONNECTIONS = "Notes:\nwhatever\n\nFirst Name,Last Name,URL\nBo,Ek,https://x\n"


def realistic_files() -> dict[str, bytes]:
    """An export as LinkedIn sends it, plus the ways Windows tools re-save it (BOM, CRLF, UTF-16)."""
    return {
        "Profile.csv": codecs.BOM_UTF8 + PROFILE.encode(),
        "Positions.csv": POSITIONS.encode(),
        "Education.csv": EDUCATION.replace("\n", "\r\n").encode(),
        "Skills.csv": SKILLS.encode(),
        "Languages.csv": LANGUAGES.encode("utf-16"),  # with its BOM
        "Certifications.csv": CERTIFICATIONS.encode(),
        # no Honors.csv: that section is empty
        "Connections.csv": CONNECTIONS.encode(),  # a file this reader does not know
        "Rich_Media.csv": b"\xff\xfe\x00garbage",
    }


def write_folder(root: Path, files: dict[str, bytes], folder: str | None = None) -> Path:
    target = root / folder if folder else root
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return root


def zip_bytes(files: dict[str, bytes], folder: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"{folder}/{name}" if folder else name, data)
    return buffer.getvalue()


def write_zip(path: Path, files: dict[str, bytes], folder: str | None = None) -> Path:
    path.write_bytes(zip_bytes(files, folder))
    return path


EXPECTED = LinkedInExport(
    profile=LinkedInProfile(
        first_name="Åsa",
        last_name="Öberg",
        headline="Senior .NET-konsult",
        summary="Jag bygger system.\nSom håller.",
        location="Stockholm, Stockholm County, Sweden",
        websites=("www.asaoberg.se", "https://konsult.example"),
    ),
    positions=(
        LinkedInPosition(
            "Konsult AB", "Systemutvecklare", "Backend", "Stockholm, Sweden", ExportDate(2020, 1), None
        ),
        LinkedInPosition(
            "Acme",
            "Architect",
            'Led the team.\nMigrated 40 services.\n=HYPERLINK("http://x")',
            "Göteborg",
            ExportDate(2017, 3),
            ExportDate(2019, 12),
        ),
        LinkedInPosition("Tiny Corp", "Dev", "", "", ExportDate(2015), None),
    ),
    education=(
        LinkedInEducation(
            "KTH Royal Institute of Technology",
            "Master of Science",
            "Computer Science",
            "Sailing club",
            ExportDate(2004),
            ExportDate(2009),
        ),
        LinkedInEducation("Stockholms universitet", "", "", "", ExportDate(2003, 9), ExportDate(2004, 6)),
    ),
    skills=("Python", "SQL", "PostgreSQL"),
    languages=(
        LinkedInLanguage("Svenska", "native"),
        LinkedInLanguage("English", "C2"),
        LinkedInLanguage("Deutsch", "A2"),
        LinkedInLanguage("Suomi", None),
    ),
    certifications=(
        LinkedInCertification(
            "AWS Certified Solutions Architect",
            "Amazon Web Services",
            "https://aws.example/v/1",
            "ABC-123",
            ExportDate(2021, 6),
            ExportDate(2024, 6),
        ),
    ),
    honors=(),
    files_read=(
        "Profile.csv",
        "Positions.csv",
        "Education.csv",
        "Skills.csv",
        "Languages.csv",
        "Certifications.csv",
    ),
    warnings=("Positions.csv line 7: “Finished On” is not a date: “soon”; left empty",),
)


def test_a_realistic_folder_export_reads_every_section(tmp_path: Path) -> None:
    assert read_linkedin_export(write_folder(tmp_path / "export", realistic_files())) == EXPECTED


@pytest.mark.parametrize("folder", [None, "Basic_LinkedInDataExport_03-14-2026"])
def test_a_zip_reads_the_same_as_the_folder_with_the_files_at_the_top_or_in_one_folder(
    tmp_path: Path, folder: str | None
) -> None:
    assert read_linkedin_export(write_zip(tmp_path / "export.zip", realistic_files(), folder)) == EXPECTED
    assert read_linkedin_export(write_folder(tmp_path / "unpacked", realistic_files(), folder)) == EXPECTED


def test_importing_the_same_export_twice_gives_equal_results(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", realistic_files())
    first, second = read_linkedin_export(path), read_linkedin_export(str(path))
    assert first == second
    assert hash(first) == hash(second)  # frozen all the way down


def test_missing_files_leave_their_sections_empty(tmp_path: Path) -> None:
    export = read_linkedin_export(write_folder(tmp_path, {"Skills.csv": b"Name\nKotlin\n"}))
    assert export == LinkedInExport(skills=("Kotlin",), files_read=("Skills.csv",))
    assert read_linkedin_export(write_zip(tmp_path / "none.zip", {"Connections.csv": b"a\n"})) == (
        LinkedInExport()
    )


def test_file_names_are_matched_ignoring_case_and_macos_zip_extras_are_ignored(tmp_path: Path) -> None:
    files = {"skills.CSV": b"Name\nGo\n", "__MACOSX/._Skills.csv": b"\x00\x05\x16\x07junk"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    (tmp_path / "e.zip").write_bytes(buffer.getvalue())
    assert read_linkedin_export(tmp_path / "e.zip").skills == ("Go",)


def test_hostile_member_names_are_only_compared_never_used_as_paths(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("/Languages.csv", "Name\nSvenska\n")  # read as a file at the top
        archive.writestr("../Skills.csv", "Name\nRust\n")  # ".." is a folder name like ".git": hidden
        archive.writestr("../../../tmp/evil/Positions.csv", "Company Name,Title\nX,Y\n")  # too deep
        archive.writestr("C:\\Windows\\Honors.csv", "Title\nZ\n")  # too deep
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "e.zip").write_bytes(buffer.getvalue())
    export = read_linkedin_export(tmp_path / "inner" / "e.zip")
    assert export == LinkedInExport(languages=(LinkedInLanguage("Svenska"),), files_read=("Languages.csv",))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["e.zip", "inner"]


# --- line numbers, warnings and what is kept as written ---------------------------------------------


def test_line_numbers_count_physical_lines_after_a_notes_preamble_and_multi_line_fields() -> None:
    files = {
        "Certifications.csv": (
            CERTIFICATIONS + 'Scrum Master,,Scrum.org,"someday",,\n' + "Kubernetes,,CNCF,Sep 2022,Jan 2022,\n"
        ).encode()
    }
    assert parse_linkedin_export(files).warnings == (
        "Certifications.csv line 7: “Started On” is not a date: “someday”; left empty",
        "Certifications.csv line 8: “Finished On” (2022-01) is before “Started On” (2022-09)",
    )


def test_line_numbers_hold_in_utf16_files_with_crlf() -> None:
    text = "Name,Proficiency\r\nSvenska,Native or bilingual proficiency\r\n\r\nEsperanto,Fluent\r\n"
    export = parse_linkedin_export({"Languages.csv": text.encode("utf-16")})
    assert export.languages == (LinkedInLanguage("Svenska", "native"), LinkedInLanguage("Esperanto", None))
    assert export.warnings == (
        "Languages.csv line 4: “Fluent” is not a LinkedIn proficiency; level left empty",
    )


def test_rows_without_their_name_are_skipped_with_a_warning_and_empty_rows_silently() -> None:
    text = "Company Name,Title,Started On\n,,\n  ,  ,  \n,Ghost,Jan 2020\nReal,Dev,\n"
    export = parse_linkedin_export({"Positions.csv": text.encode()})
    assert export.positions == (LinkedInPosition("Real", "Dev"),)
    assert export.warnings == ("Positions.csv line 4: no “Company Name”; row skipped",)


def test_a_very_long_text_is_cut_with_a_warning() -> None:
    text = "Name,Authority\nLong," + "x" * 25_000 + "\n"
    export = parse_linkedin_export({"Certifications.csv": text.encode()})
    assert export.certifications[0].authority == "x" * 20_000
    assert export.warnings == (
        "Certifications.csv line 2: “Authority” is 25,000 characters long; cut to the first 20,000",
    )


def test_formula_looking_values_and_odd_text_are_kept_as_data() -> None:
    text = 'Title,Description,Issued On\n=1+1,"@SUM(A1)\t-x\x07",\n+46 8 123,-,Feb 2021\n'
    export = parse_linkedin_export({"Honors.csv": text.encode()})
    assert export.honors == (
        LinkedInHonor("=1+1", "@SUM(A1)\t-x"),  # the bell character is not text a resume can hold
        LinkedInHonor("+46 8 123", "-", ExportDate(2021, 2)),
    )


def test_extra_and_reordered_columns_are_fine_and_absent_optional_ones_read_empty() -> None:
    text = "Extra,Title,Company Name,Location\n1,Dev,Konsult AB,Malmö\n"
    export = parse_linkedin_export({"Positions.csv": text.encode()})
    assert export.positions == (LinkedInPosition("Konsult AB", "Dev", "", "Malmö"),)


def test_windows_1252_is_read_with_a_warning() -> None:
    export = parse_linkedin_export({"Skills.csv": "Name\nÅtgärdsprogram\n".encode("cp1252")})
    assert export.skills == ("Åtgärdsprogram",)
    assert export.warnings == ("Skills.csv is not UTF-8; read as Windows-1252 (check accented letters)",)


def test_a_second_profile_row_is_left_out_with_a_warning_and_an_empty_profile_is_none() -> None:
    text = "First Name,Last Name\nÅsa,Öberg\nBo,Ek\n"
    export = parse_linkedin_export({"Profile.csv": text.encode()})
    assert export.profile == LinkedInProfile("Åsa", "Öberg")
    assert export.warnings == ("Profile.csv line 3: a second profile; only the first one is read",)
    assert parse_linkedin_export({"Profile.csv": b"First Name,Last Name\n"}).profile is None


def test_an_empty_file_reads_as_an_empty_section_with_a_warning() -> None:
    export = parse_linkedin_export({"Honors.csv": b""})
    assert export == LinkedInExport(
        files_read=("Honors.csv",), warnings=("Honors.csv is empty; nothing read from it",)
    )


def test_websites_in_linkedin_brackets_or_plain() -> None:
    def sites(text: str) -> tuple[str, ...]:
        row = f'First Name,Last Name,Websites\nA,B,"{text}"\n'
        profile = parse_linkedin_export({"Profile.csv": row.encode()}).profile
        assert profile is not None
        return profile.websites

    assert sites("[PERSONAL:a.se],[OTHER:https://b.se/x],[RSS:a.se]") == ("a.se", "https://b.se/x")
    assert sites("https://a.se, b.se") == ("https://a.se", "b.se")
    assert sites("") == ()


# --- errors: the file and the line named, nothing returned ------------------------------------------


def test_a_path_that_is_neither_a_zip_nor_a_folder(tmp_path: Path) -> None:
    (tmp_path / "Positions.csv").write_text(POSITIONS)
    with pytest.raises(ValidationError, match=r"Positions\.csv is neither a ZIP file nor a folder"):
        read_linkedin_export(tmp_path / "Positions.csv")
    with pytest.raises(ValidationError, match="no such file or folder"):
        read_linkedin_export(tmp_path / "missing.zip")


def test_a_truncated_zip_is_damaged(tmp_path: Path) -> None:
    data = zip_bytes(realistic_files())
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationError, match=r"cut\.zip is a damaged ZIP file .*download the export again"):
        read_linkedin_export(tmp_path / "cut.zip")


def test_a_zip_with_damaged_data_is_damaged(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"Positions.csv": POSITIONS.encode() * 50}))
    start = 30 + len("Positions.csv")  # the local header, then the compressed data
    data[start + 20 : start + 40] = bytes(20)
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    with pytest.raises(ValidationError, match=r"bad\.zip is a damaged ZIP file"):
        read_linkedin_export(tmp_path / "bad.zip")


def _mark_encrypted(data: bytes) -> bytes:
    """zipfile cannot write encrypted ZIPs; the flag bit set in both headers looks the same to a reader."""
    out = bytearray(data)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at != -1:
            (flags,) = struct.unpack_from("<H", out, at + flag_at)
            struct.pack_into("<H", out, at + flag_at, flags | 0x1)
            at = out.find(signature, at + 4)
    return bytes(out)


def test_an_encrypted_zip_is_refused(tmp_path: Path) -> None:
    (tmp_path / "locked.zip").write_bytes(_mark_encrypted(zip_bytes({"Skills.csv": b"Name\nGo\n"})))
    with pytest.raises(
        ValidationError, match=r"Skills\.csv is encrypted; save the export without a password"
    ):
        read_linkedin_export(tmp_path / "locked.zip")


def test_a_zip_bomb_is_refused_before_anything_is_decompressed(tmp_path: Path) -> None:
    bomb = b"Name\n" + b"a" * (51 * 1024 * 1024)  # deflates to about 50 kB
    write_zip(tmp_path / "bomb.zip", {"Skills.csv": bomb})
    assert (tmp_path / "bomb.zip").stat().st_size < 1024 * 1024
    with pytest.raises(ValidationError, match=r"unpack to more than 50 MB"):
        read_linkedin_export(tmp_path / "bomb.zip")


def test_a_zip_whose_header_understates_a_size_is_read_no_further_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linkedin_files, "MAX_TOTAL_BYTES", 1000)
    data = bytearray(zip_bytes({"Skills.csv": b"Name\n" + b"b" * 5000}))
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # the uncompressed size fields
        at = data.find(signature)
        struct.pack_into("<I", data, at + size_at, 100)
    (tmp_path / "liar.zip").write_bytes(bytes(data))
    with pytest.raises(
        ValidationError, match=r"liar\.zip(: the LinkedIn files unpack to more| is a damaged)"
    ):
        read_linkedin_export(tmp_path / "liar.zip")


def test_too_many_members_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin_files, "MAX_MEMBERS", 50)
    write_zip(tmp_path / "many.zip", {f"file{i}.txt": b"" for i in range(51)})
    with pytest.raises(ValidationError, match=r"many\.zip holds 51 files, more than 50"):
        read_linkedin_export(tmp_path / "many.zip")


def test_a_folder_with_too_many_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin_files, "MAX_MEMBERS", 20)
    write_folder(tmp_path, {f"photo{i}.jpg": b"" for i in range(15)}, "Pictures")
    write_folder(tmp_path, {f"doc{i}.txt": b"" for i in range(10)})
    with pytest.raises(
        ValidationError, match=r"holds more than 20 files; choose the folder of LinkedIn's export"
    ):
        read_linkedin_export(tmp_path)


def test_a_folder_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin_files, "MAX_TOTAL_BYTES", 100)
    write_folder(tmp_path, {"Skills.csv": b"Name\n" + b"c" * 200})
    with pytest.raises(ValidationError, match="unpack to more than"):
        read_linkedin_export(tmp_path)


def test_files_in_two_folders_are_ambiguous(tmp_path: Path) -> None:
    write_folder(tmp_path, {"Skills.csv": b"Name\nA\n"}, "export-2025")
    write_folder(tmp_path, {"Skills.csv": b"Name\nB\n"}, "export-2026")
    with pytest.raises(ValidationError, match=r"more than one folder \(export-2025, export-2026\)"):
        read_linkedin_export(tmp_path)


def test_the_same_file_twice_in_a_zip_is_ambiguous(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Skills.csv", "Name\nA\n")
        archive.writestr("skills.csv", "Name\nB\n")
    (tmp_path / "twice.zip").write_bytes(buffer.getvalue())
    with pytest.raises(ValidationError, match=r"holds Skills\.csv twice"):
        read_linkedin_export(tmp_path / "twice.zip")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "Positions.csv",
            "Company,Title,Started On\nAcme,Dev,2020\n",
            "Positions.csv line 1: no column “Company Name”; is this a LinkedIn export?",
        ),
        (
            "Profile.csv",
            "Notes:\nsomething\nFirst Name\nÅsa\n",
            "Profile.csv line 3: no column “Last Name”; is this a LinkedIn export?",
        ),
        (
            "Skills.csv",
            "a\nb\nc\nd\ne\nName\nPython\n",  # the header too far down to be one
            "Skills.csv: no column “Name” in the first lines; is this a LinkedIn export?",
        ),
        (
            "Honors.csv",
            "Title\nfine\n" + "x" * 200_000 + "\n",
            "Honors.csv line 3: not readable as CSV (field larger than field limit (131072))",
        ),
    ],
)
def test_a_file_that_is_not_the_linkedin_file_it_is_named(name: str, text: str, message: str) -> None:
    files = realistic_files() | {name: text.encode()}
    with pytest.raises(ValidationError) as raised:
        parse_linkedin_export(files)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (codecs.BOM_UTF8 + b"Name\nGo\nR\xfcst\n", "Skills.csv line 3: not UTF-8 text; save it as UTF-8 CSV"),
        (
            codecs.BOM_UTF16_LE + "Name\nGo\n".encode("utf-16-le") + b"\x00\xdc",
            "Skills.csv line 3: not UTF-16 text; save it as UTF-8 CSV",
        ),
        (
            b"Name\nGo\n\x81\n",  # not UTF-8, and a byte Windows-1252 leaves undefined
            "Skills.csv line 3: not UTF-8 or Windows-1252 text; save it as UTF-8 CSV",
        ),
    ],
)
def test_text_in_no_known_encoding_names_the_line(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_linkedin_export({"Profile.csv": PROFILE.encode(), "Skills.csv": data})
    assert str(raised.value) == message


def test_one_bad_file_in_a_zip_returns_nothing_of_the_good_ones(tmp_path: Path) -> None:
    files = realistic_files() | {"Honors.csv": b"Nope\nx\n"}
    with pytest.raises(ValidationError, match=r"^Honors\.csv: no column “Title”"):
        read_linkedin_export(write_zip(tmp_path / "e.zip", files))


# --- dates and proficiencies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2020", ExportDate(2020, 1)),
        ("Mar 2019", ExportDate(2019, 3)),
        ("2020", ExportDate(2020)),
        ("01 Jan 2020", ExportDate(2020, 1)),
        ("31 Dec 1999", ExportDate(1999, 12)),
        ("Sep 2022", ExportDate(2022, 9)),
        ("Sept. 2022", ExportDate(2022, 9)),
        ("September 2022", ExportDate(2022, 9)),
        ("jan   2020 ", ExportDate(2020, 1)),
        ("Apr 12, 1985", ExportDate(1985, 4)),
        ("2020-01", ExportDate(2020, 1)),
        ("2020-01-31", ExportDate(2020, 1)),
        ("", None),
        ("   ", None),
    ],
)
def test_linkedin_dates(text: str, expected: ExportDate | None) -> None:
    assert parse_linkedin_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "soon",
        "Present",
        "Jan",
        "20",
        "Foo 2020",
        "13/2020",
        "2020-13",
        "30 Feb 2021",
        "Jan 1850",
        "0 Jan 2020",
    ],
)
def test_texts_that_are_not_dates(text: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(f"“{text}”")):  # the message shows the text
        parse_linkedin_date(text)


def test_year_month_iso_form() -> None:
    assert ExportDate(2020, 1).iso == "2020-01" == str(ExportDate(2020, 1))
    assert ExportDate(2020).iso == "2020"
    assert ExportDate.parse("2020-01") == ExportDate(2020, 1)
    with pytest.raises(ValidationError):
        ExportDate(2020, 0)
    with pytest.raises(ValidationError):
        ExportDate.parse("")


@settings(max_examples=1000)
@given(st.one_of(st.text(), st.text(alphabet="0123456789 JanFebMrApyulgSOctNvDe,-.", max_size=20)))
@example("٢٠٢٠")  # Arabic-Indic digits: \d would take them
@example("Jan 99999999999999999999")
def test_the_date_parser_returns_a_date_or_says_why_not(text: str) -> None:
    try:
        value = parse_linkedin_date(text)
    except ValidationError as e:
        message = str(e)
    else:
        assert value is None or ExportDate.parse(value.iso) == value
        return
    assert message


@given(st.integers(1900, 2100), st.one_of(st.none(), st.integers(1, 12)))
def test_year_months_round_trip_through_linkedin_and_iso_forms(year: int, month: int | None) -> None:
    value = ExportDate(year, month)
    linkedin = str(year) if month is None else f"{_ABBR[month]} {year}"
    assert parse_linkedin_date(linkedin) == value
    assert ExportDate.parse(value.iso) == value


_ABBR = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Native or bilingual proficiency", "native"),
        ("Full professional proficiency", "C2"),
        ("Professional working proficiency", "C1"),
        ("Limited working proficiency", "B1"),
        ("Elementary proficiency", "A2"),
        ("  ELEMENTARY   proficiency ", "A2"),
        ("", None),
    ],
)
def test_proficiency_levels(text: str, level: str | None) -> None:
    assert proficiency_level(text) == level


# --- anything at all ---------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(KNOWN_FILES), data=st.binary(max_size=2000))
@example(name="Skills.csv", data=b"Name\n\x00\x00\n")
@example(name="Positions.csv", data=b'Company Name,Title\n"unclosed,\n')
@example(name="Languages.csv", data=codecs.BOM_UTF16_BE + b"\x00")
def test_arbitrary_bytes_as_a_csv_file_give_a_result_or_a_validation_error(name: str, data: bytes) -> None:
    try:
        export = parse_linkedin_export({name: data})
    except ValidationError as e:
        message = str(e)
    else:
        assert export.files_read == (name,)
        return
    assert message.startswith(name)


_HEADERS = {
    "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On",
    "Languages.csv": "Name,Proficiency",
    "Honors.csv": "Title,Description,Issued On",
}
_CSV_ALPHABET = st.sampled_from(list('abc ,"\n\r\t=JanFeb2020 Native or bilingual proficiency'))


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(_HEADERS)), body=st.text(_CSV_ALPHABET, max_size=300))
def test_arbitrary_rows_under_a_real_header_give_a_result_or_a_validation_error(name: str, body: str) -> None:
    try:
        export = parse_linkedin_export({name: f"{_HEADERS[name]}\n{body}".encode()})
    except ValidationError as e:
        message = str(e)
    else:
        assert all(w.startswith(name) for w in export.warnings)
        return
    assert message.startswith(name)


def test_odd_member_names_from_damaged_zips_are_damage_not_crashes(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), "x")  # an empty name (zipfile's is_dir fails on it)
        archive.writestr("Skills.csv", "Name\nGo\n")
    (tmp_path / "empty-name.zip").write_bytes(buffer.getvalue())
    assert read_linkedin_export(tmp_path / "empty-name.zip").skills == ("Go",)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Äxport/Skills.csv", "Name\nGo\n")  # a non-ASCII name: flagged UTF-8
    broken = buffer.getvalue().replace("Ä".encode(), b"\xff\xfe")  # no longer UTF-8
    (tmp_path / "bad-name.zip").write_bytes(broken)
    with pytest.raises(ValidationError, match=r"bad-name\.zip is a damaged ZIP file"):
        read_linkedin_export(tmp_path / "bad-name.zip")


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_damaged_zips_give_a_result_or_a_validation_error(data: st.DataObject) -> None:
    original = zip_bytes(realistic_files(), data.draw(st.sampled_from([None, "Äxport"])))
    directory = original.find(b"PK\x01\x02")  # the central directory: names, sizes, flags
    at = data.draw(st.one_of(st.integers(0, len(original) - 1), st.integers(directory, len(original) - 1)))
    patch = data.draw(st.binary(min_size=1, max_size=8))
    damaged = original[:at] + patch + original[at + len(patch) :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.zip"
        path.write_bytes(damaged)
        with contextlib.suppress(ValidationError):  # anything else fails the test
            read_linkedin_export(path)
