"""My Profile: who the freelancer is, when and at what price they are available, and their resume.

Every type validates itself when made, so a Profile that exists is a valid one; the service builds a
changed copy (dataclasses.replace) before it writes, and bad input never reaches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from coapp.domain.countries import validate_country
from coapp.domain.errors import ValidationError
from coapp.domain.money import exponent
from coapp.domain.profile_links import Link
from coapp.domain.profile_sections import (
    Award,
    Certificate,
    Education,
    Experience,
    PortfolioItem,
    Reference,
)
from coapp.domain.profile_text import (
    CONTROL_IN_BLOCK,
    REQUIRED_LINE,
    TOO_LONG_BLOCK,
    clean_block,
    clean_line,
)
from coapp.domain.skills import Skill

MAX_LETTER_LENGTH = 20_000
LANGUAGE_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
DEFAULT_CURRENCY = "SEK"
MAX_RATE = Decimal("10000000")


def check_letter(text: str) -> str:
    """The personal letter (Markdown), capped so it stays a letter and fits a resume page or two."""
    try:
        return clean_block(text, "the personal letter", max_length=MAX_LETTER_LENGTH)
    except ValidationError as error:
        # The letter's refusals are its own sentences (not "{label} …"), so a translation can say
        # "the personal letter" in its language too.
        if error.template == TOO_LONG_BLOCK:
            raise ValidationError(
                "the personal letter is {n:,} characters long; at most {max_length:,} fit — shorten it",
                n=error.values["n"],
                max_length=MAX_LETTER_LENGTH,
            ) from None
        if error.template == CONTROL_IN_BLOCK:
            raise ValidationError("the personal letter contains control characters; remove them") from None
        raise


def check_email(text: str) -> str:
    value = clean_line(text, "the e-mail address", max_length=254)
    if not value:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(
            "“{value}” is not an e-mail address: {reason}", value=value, reason=str(exc)
        ) from None


def check_phone(text: str) -> str:
    """Digits with the usual separators and an optional leading +, 6 to 15 digits (E.164's limit)."""
    value = clean_line(text, "the phone number", max_length=30)
    if not value:
        return ""
    allowed = set("0123456789 +-()/.")
    digits = sum(ch.isdigit() for ch in value)
    if any(ch not in allowed for ch in value) or "+" in value[1:] or not 6 <= digits <= 15:
        raise ValidationError("“{value}” is not a phone number; write it like +46 70 123 45 67", value=value)
    return value


def check_rate(rate: Decimal | None, currency: str, what: str) -> Decimal | None:
    if rate is None:
        return None
    if not isinstance(rate, Decimal) or not rate.is_finite():
        raise ValidationError("the {what} must be an amount of money", what=what)
    if rate < 0:
        raise ValidationError("the {what} cannot be negative", what=what)
    if rate > MAX_RATE:
        raise ValidationError(
            "the {what} of {rate} is more than {max_rate}", what=what, rate=rate, max_rate=MAX_RATE
        )
    places = exponent(currency)
    if rate != rate.quantize(Decimal(1).scaleb(-places)):
        raise ValidationError("the {what} has more than {places} decimals", what=what, places=places)
    return rate


def parse_amount(text: str, what: str) -> Decimal | None:
    """Typed money: "950", "950.50" or "950,50"; empty clears it. Never through float."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if not raw:
        return None
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(
            "“{text}” is not an amount; write the {what} like 950 or 950.50",
            text=text.strip()[:30],
            what=what,
        ) from None
    if not value.is_finite():
        raise ValidationError("the {what} must be an amount of money", what=what)
    return value


@dataclass(frozen=True)
class LanguageSkill:
    """A spoken language and how well: a CEFR level (A1 … C2) or native."""

    language: str
    level: str

    def __post_init__(self) -> None:
        try:
            name = clean_line(self.language, "the language", max_length=60, required=True)
        except ValidationError as error:
            if error.template == REQUIRED_LINE:  # its own sentence, for a translation to say whole
                raise ValidationError("the language is required") from None
            raise
        if any(ch.isdigit() for ch in name):
            raise ValidationError("“{name}” is not a language's name", name=name)
        object.__setattr__(self, "language", name[0].upper() + name[1:])
        level = self.level.strip()
        normalised = "native" if level.lower() == "native" else level.upper()
        if normalised not in LANGUAGE_LEVELS:
            raise ValidationError(
                "“{level}” is not a language level; use A1, A2, B1, B2, C1, C2 or native", level=level[:20]
            )
        object.__setattr__(self, "level", normalised)

    @property
    def key(self) -> str:
        return self.language.casefold()


@dataclass(frozen=True)
class PersonalDetails:
    name: str = ""
    title: str = ""  # professional title: "Senior backend developer"
    email: str = ""
    phone: str = ""
    city: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, "" until chosen
    available_from: date | None = None
    availability_percent: int | None = None  # of full time, 1–100
    hourly_rate: Decimal | None = None
    daily_rate: Decimal | None = None
    currency: str = DEFAULT_CURRENCY

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", clean_line(self.name, "the name", max_length=200))
        put(self, "title", clean_line(self.title, "the professional title", max_length=200))
        put(self, "email", check_email(self.email))
        put(self, "phone", check_phone(self.phone))
        put(self, "city", clean_line(self.city, "the city", max_length=100))
        put(self, "country", validate_country(self.country) if self.country.strip() else "")
        exponent(self.currency)
        percent = self.availability_percent
        if percent is not None and (isinstance(percent, bool) or not 1 <= percent <= 100):
            raise ValidationError("availability is 1 to 100 % of full time, not {percent}", percent=percent)
        put(self, "hourly_rate", check_rate(self.hourly_rate, self.currency, "hourly rate"))
        put(self, "daily_rate", check_rate(self.daily_rate, self.currency, "daily rate"))


@dataclass(frozen=True)
class Profile:
    """The whole profile as the resume and matching read it; list sections in the user's order."""

    details: PersonalDetails = field(default_factory=PersonalDetails)
    letter: str = ""
    languages: tuple[LanguageSkill, ...] = ()
    links: tuple[Link, ...] = ()
    experience: tuple[Experience, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[Skill, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    awards: tuple[Award, ...] = ()
    references: tuple[Reference, ...] = ()
    portfolio: tuple[PortfolioItem, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "letter", check_letter(self.letter))
