"""What a LinkedIn data export says about a person, as plain validated records.

The profile service merges these into My Profile later, with a preview; nothing here touches the store.
Absent text is "" and absent dates or levels are None, so two imports of the same export compare equal.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from coapp.domain.errors import Sentence, ValidationError
from coapp.domain.year_month import FIRST_YEAR, LAST_YEAR

# ASCII digits only: \d would also take Arabic-Indic or fullwidth digits, which no export holds.
# LinkedIn writes English month abbreviations whatever the member's language ("Jan 2020");
# full names are accepted too because people re-save the CSVs in spreadsheets that expand them.
_MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {"sept": 9}
)
_MONTH_WORD = r"([A-Za-z]{3,9})\.?"
_YEAR = r"(\d{4})"
_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^{_YEAR}$", re.ASCII), "y"),
    (re.compile(rf"^{_MONTH_WORD}\s+{_YEAR}$", re.ASCII), "my"),  # Jan 2020
    (re.compile(rf"^(\d{{1,2}})\s+{_MONTH_WORD}\s+{_YEAR}$", re.ASCII), "dmy"),  # 01 Jan 2020
    (re.compile(rf"^{_MONTH_WORD}\s+(\d{{1,2}}),?\s+{_YEAR}$", re.ASCII), "mdy"),  # Jan 1, 2020
    (re.compile(rf"^{_YEAR}-(\d{{1,2}})$", re.ASCII), "ym"),  # 2020-01 (our own ISO form, for round trips)
    (re.compile(rf"^{_YEAR}-(\d{{1,2}})-(\d{{1,2}})$", re.ASCII), "ymd"),  # 2020-01-15
)
# A career date outside this range is a typo or not a date at all; refusing it keeps "0001" or
# "9999" out of the resume.


@dataclass(frozen=True)
class ExportDate:
    """A year, or a year and month: LinkedIn keeps no days for positions, schools or honours, and
    sometimes no month either. (The profile's YearMonth always has a month: the merge asks for one
    where the export has only a year.)"""

    year: int
    month: int | None = None

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError(
                "the year {year} is not between {first_year} and {last_year}",
                year=self.year,
                first_year=FIRST_YEAR,
                last_year=LAST_YEAR,
            )
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError("there is no month {month}", month=self.month)

    @property
    def iso(self) -> str:
        """ "2020-01", or "2020" when only the year is known."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def parse(cls, text: str) -> ExportDate:
        """The ISO form back ("2020-01" or "2020"); also every form parse_linkedin_date reads."""
        value = parse_linkedin_date(text)
        if value is None:
            raise ValidationError("a date is needed here, not an empty text")
        return value

    def is_before(self, other: ExportDate) -> bool:
        """Strictly earlier; "2020" and "2020-05" are not ordered (the month of the first is unknown)."""
        if self.year != other.year:
            return self.year < other.year
        if self.month is None or other.month is None:
            return False
        return self.month < other.month


def parse_linkedin_date(text: str) -> ExportDate | None:
    """ "Jan 2020", "2020", "01 Jan 2020" (days are dropped), or "" (None: no date).

    Anything else is a ValidationError naming the text; callers turn that into a warning.
    """
    raw = " ".join(text.split())
    if not raw:
        return None
    for pattern, form in _DATE_FORMS:
        if m := pattern.match(raw):
            return _from_parts(raw, form, m.groups())
    raise ValidationError("“{raw}” is not a date; write Jan 2020 or 2020", raw=_short(raw))


def _from_parts(raw: str, form: str, parts: tuple[str, ...]) -> ExportDate:
    fields = dict(zip(form, parts, strict=True))
    year = int(fields["y"])
    month: int | None = None
    if "m" in fields:
        word = fields["m"]
        month = int(word) if word.isdigit() else _MONTHS.get(word.lower())
        if month is None:
            raise ValidationError("“{raw}”: “{word}” is not a month", raw=_short(raw), word=word)
    try:
        value = ExportDate(year, month)  # checks the year and month ranges
    except ValidationError as e:
        raise ValidationError("“{raw}”: {reason}", raw=_short(raw), reason=Sentence.of(e)) from None
    if "d" in fields:
        day = int(fields["d"])
        assert month is not None  # every form with a day has a month
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValidationError("“{raw}” is not a day in the calendar", raw=_short(raw))
    return value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# LinkedIn's five proficiency texts on the CEFR scale the resume uses. LinkedIn has no C2-versus-C1
# distinction of its own; the mapping follows how recruiters read the labels:
#   Native or bilingual proficiency   → native
#   Full professional proficiency     → C2  (works in the language without limits)
#   Professional working proficiency  → C1  (effective at work; not every nuance)
#   Limited working proficiency       → B1  (routine work topics)
#   Elementary proficiency            → A2  (everyday phrases)
PROFICIENCY_LEVELS: dict[str, str] = {
    "native or bilingual proficiency": "native",
    "full professional proficiency": "C2",
    "professional working proficiency": "C1",
    "limited working proficiency": "B1",
    "elementary proficiency": "A2",
}


def proficiency_level(text: str) -> str | None:
    """The level for LinkedIn's proficiency text; None for "" (LinkedIn lets it be left out).

    Spacing and case do not matter; an unknown text is a ValidationError (callers warn and leave it empty).
    """
    key = " ".join(text.split()).lower()
    if not key:
        return None
    try:
        return PROFICIENCY_LEVELS[key]
    except KeyError:
        raise ValidationError("“{text}” is not a LinkedIn proficiency", text=_short(text.strip())) from None


@dataclass(frozen=True)
class LinkedInProfile:
    first_name: str = ""
    last_name: str = ""
    headline: str = ""
    summary: str = ""
    location: str = ""  # LinkedIn's Geo Location, e.g. "Stockholm, Stockholm County, Sweden"
    websites: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkedInPosition:
    organisation: str
    role: str = ""
    description: str = ""
    location: str = ""
    start: ExportDate | None = None
    end: ExportDate | None = (
        None  # None: the position is current (or its end date was unreadable; see warnings)
    )
    # The CSV line the row starts on (0: not read from a file), so the merge can tell which warnings
    # are about this position; it takes no part in equality.
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class LinkedInEducation:
    school: str
    degree: str = ""
    notes: str = ""  # LinkedIn's Notes: usually the field of study
    activities: str = ""
    start: ExportDate | None = None
    end: ExportDate | None = None


@dataclass(frozen=True)
class LinkedInLanguage:
    name: str
    level: str | None = None  # native, C2, C1, B1, A2 (PROFICIENCY_LEVELS), or None when not given


@dataclass(frozen=True)
class LinkedInCertification:
    name: str
    authority: str = ""
    url: str = ""
    license_number: str = ""
    start: ExportDate | None = None
    end: ExportDate | None = None  # None: does not expire (or not given)


@dataclass(frozen=True)
class LinkedInHonor:
    title: str
    description: str = ""
    issued: ExportDate | None = None


@dataclass(frozen=True)
class LinkedInExport:
    """Everything read from one export. Sections whose file was missing are empty.

    Texts are data, kept as written: a value that looks like a spreadsheet formula ("=SUM(A1)") stays
    text here; the CSV export neutralises such values when it writes them.
    """

    profile: LinkedInProfile | None = None  # None: no Profile.csv, or one without a data row
    positions: tuple[LinkedInPosition, ...] = ()
    education: tuple[LinkedInEducation, ...] = ()
    skills: tuple[str, ...] = ()  # de-duplicated ignoring case; the first spelling and the order kept
    languages: tuple[LinkedInLanguage, ...] = ()
    certifications: tuple[LinkedInCertification, ...] = ()
    honors: tuple[LinkedInHonor, ...] = ()
    files_read: tuple[str, ...] = ()  # which of the known files the export held, for the merge preview
    warnings: tuple[str, ...] = ()  # recoverable oddities, each naming the file (and line, if about one)
