"""The profile's personal details, languages, letter, sections and months: every rule with bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.profile import MAX_LETTER_LENGTH, LanguageSkill, PersonalDetails, Profile, check_letter
from coapp.domain.profile_fields import check_field_name, with_detail
from coapp.domain.profile_sections import Award, Certificate, Education, Experience, PortfolioItem, Reference
from coapp.domain.year_month import YearMonth

YM = YearMonth.parse


def test_details_are_tidied_and_normalised() -> None:
    d = PersonalDetails(
        name="  Ada   Lovelace ", email="Ada@Example.COM", country="se", phone="+46 70 123 45 67"
    )
    assert (d.name, d.email, d.country, d.phone) == (
        "Ada Lovelace",
        "Ada@example.com",
        "SE",
        "+46 70 123 45 67",
    )


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"email": "not an address"}, "e-mail"),
        ({"phone": "call me"}, "phone number"),
        ({"phone": "123"}, "phone number"),
        ({"country": "Sweden"}, "country code"),
        ({"country": "XX"}, "country code"),
        ({"availability_percent": 0}, "1 to 100"),
        ({"availability_percent": 101}, "1 to 100"),
        ({"hourly_rate": Decimal("-1")}, "negative"),
        ({"daily_rate": Decimal("100.005")}, "decimals"),
        ({"hourly_rate": Decimal("NaN")}, "amount of money"),
        ({"hourly_rate": 950.0}, "amount of money"),
        ({"currency": "USD"}, "currency"),
        ({"name": "Ada\nLovelace"}, "one line"),
        ({"title": "x" * 201}, "at most 200"),
    ],
)
def test_bad_details_are_refused_with_the_reason(changes: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        PersonalDetails(**changes)  # type: ignore[arg-type]


def test_setting_a_field_from_text() -> None:
    d = PersonalDetails()
    d = with_detail(d, "hourly_rate", "950,50")
    assert d.hourly_rate == Decimal("950.50")
    d = with_detail(d, "available_from", "2026-12-01")
    assert d.available_from == date(2026, 12, 1)
    d = with_detail(d, "availability_percent", "80 %")
    assert d.availability_percent == 80
    d = with_detail(d, "currency", "eur")
    assert d.currency == "EUR"
    assert with_detail(d, "hourly_rate", "").hourly_rate is None
    assert check_field_name("Hourly-Rate") == "hourly_rate"
    for field, text, match in [
        ("hourly_rate", "lots", "not an amount"),
        ("available_from", "2026-02-30", "calendar"),
        ("available_from", "next week", "not a date"),
        ("availability_percent", "eighty", "percentage"),
        ("currency", "SEKK", "at most 3"),
    ]:
        with pytest.raises(ValidationError, match=match):
            with_detail(d, field, text)
    with pytest.raises(ValidationError, match="not a profile field"):
        check_field_name("salary")


def test_a_currency_change_is_checked_against_the_rates() -> None:
    d = PersonalDetails(hourly_rate=Decimal("950.50"), currency="SEK")
    assert with_detail(d, "currency", "EUR").currency == "EUR"


def test_languages_take_cefr_levels_or_native() -> None:
    assert LanguageSkill("swedish", "native") == LanguageSkill("Swedish", "Native")
    assert LanguageSkill("English", "c1").level == "C1"
    for language, level in [("English", "C3"), ("English", "fluent"), ("", "B2"), ("Eng1ish", "B2")]:
        with pytest.raises(ValidationError):
            LanguageSkill(language, level)


def test_the_letter_is_capped_with_a_clear_message() -> None:
    assert check_letter("  # Hello\r\n\r\nI build things.  ") == "# Hello\n\nI build things."
    assert len(check_letter("x" * MAX_LETTER_LENGTH)) == MAX_LETTER_LENGTH
    with pytest.raises(ValidationError, match="200,000 characters long; at most 20,000 fit"):
        check_letter("x" * 200_000)
    with pytest.raises(ValidationError, match="control characters"):
        check_letter("bell \x07")
    with pytest.raises(ValidationError):
        Profile(letter="y" * (MAX_LETTER_LENGTH + 1))


def test_months_parse_order_and_print() -> None:
    assert str(YM("2024-03")) == "2024-03"
    assert YM("2024-03") < YM("2024-11") < YM("2025-01")
    for text in ["2024-13", "2024-00", "24-03", "2024/03", "March 2024", "1899-12", ""]:
        with pytest.raises(ValidationError):
            YM(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_month_round_trips_through_text(day: date) -> None:
    month = YearMonth.of(day)
    assert YM(str(month)) == month


@given(st.text(max_size=30))
def test_any_text_is_a_month_or_a_validation_error(text: str) -> None:
    try:
        month: YearMonth | None = YM(text)
    except ValidationError as exc:
        month, problem = None, str(exc)
    if month is None:
        assert problem
    else:
        assert str(month) == " ".join(text.split())


def test_experience_rules() -> None:
    job = Experience("Acme", "Developer", YM("2022-01"), YM("2023-06"), skills=("js", "JavaScript", "k8s"))
    assert job.skills == ("JavaScript", "Kubernetes")
    assert Experience("Acme", "Developer", YM("2024-01"), current=True).end is None
    with pytest.raises(ValidationError, match=r"ends \(2021-12\) before it starts \(2022-01\)"):
        Experience("Acme", "Developer", YM("2022-01"), YM("2021-12"))
    with pytest.raises(ValidationError, match="current, so it has no end"):
        Experience("Acme", "Developer", YM("2022-01"), YM("2023-01"), current=True)
    with pytest.raises(ValidationError, match="needs an end month, or mark it current"):
        Experience("Acme", "Developer", YM("2022-01"))
    with pytest.raises(ValidationError, match="organisation is required"):
        Experience(" ", "Developer", YM("2022-01"), current=True)
    with pytest.raises(ValidationError, match="role is required"):
        Experience("Acme", "", YM("2022-01"), current=True)
    with pytest.raises(ValidationError, match="at most 5,000"):
        Experience("Acme", "Dev", YM("2022-01"), current=True, description="x" * 5001)
    # Edits re-validate: replace() runs the same rules.
    with pytest.raises(ValidationError, match="before it starts"):
        replace(job, end=YM("2020-01"))


def test_other_sections_refuse_bad_input() -> None:
    assert Education("KTH", YM("2010-08"), degree="MSc", end=YM("2015-06")).degree == "MSc"
    with pytest.raises(ValidationError, match="studies at KTH ends"):
        Education("KTH", YM("2010-08"), end=YM("2009-06"))
    with pytest.raises(ValidationError, match="school is required"):
        Education("", YM("2010-08"))
    assert Certificate("CKA", url="training.linuxfoundation.org/cka").url.startswith("https://")
    with pytest.raises(ValidationError, match="expires"):
        Certificate("CKA", issued=YM("2024-05"), expires=YM("2023-05"))
    with pytest.raises(ValidationError, match="space"):
        Certificate("CKA", url="a b.com")
    with pytest.raises(ValidationError, match="title is required"):
        Award("")
    with pytest.raises(ValidationError, match="name is required"):
        Reference("  ", relation="Manager")
    with pytest.raises(ValidationError, match="one line"):
        Reference("Bo", contact="a\nb")
    with pytest.raises(ValidationError, match="title is required"):
        PortfolioItem("", url="example.com")


def test_ids_take_no_part_in_equality() -> None:
    a = Reference("Bo", "Manager", id="1")
    assert a == Reference("Bo", "Manager", id="2")


months = st.builds(YearMonth, st.integers(1950, 2060), st.integers(1, 12))


@given(start=months, end=st.one_of(st.none(), months), current=st.booleans())
def test_a_period_is_accepted_exactly_when_it_makes_sense(
    start: YearMonth, end: YearMonth | None, current: bool
) -> None:
    sensible = (current and end is None) or (not current and end is not None and end >= start)
    try:
        job = Experience("Acme", "Dev", start, end, current)
    except ValidationError as exc:
        job, problem = None, str(exc)
    if sensible:
        assert job is not None
        assert (job.start, job.end, job.current) == (start, end, current)
    else:
        assert job is None
        assert "Acme" in problem
    studies_ok = end is None or end >= start
    try:
        Education("KTH", start, end=end)
    except ValidationError:
        assert not studies_ok
    else:
        assert studies_ok
