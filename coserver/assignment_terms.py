"""Issue 10's terms of an assignment as a poster sends them: must-have and nice-to-have skills (with
`skills`, their union, for older posters and readers), workplace (with `remote`), country and
working language checked against real codes, not just their shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from babel import Locale

from coapp.sync.wire import NewAssignmentRequest
from coserver.errors import ApiError
from coserver.refusals import encodable

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Two-letter codes CLDR lists that are no country: unknown, EU, eurozone, UN, outlying Oceania,
# pseudo-locales.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})


@cache
def countries() -> frozenset[str]:
    return (
        frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())
        - _NOT_COUNTRIES
    )


@cache
def languages() -> frozenset[str]:
    return frozenset(code for code in Locale("en").languages if len(code) == 2 and code.isalpha())


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", f"{field}: {message}", field=field)


def _names(values: list[str], field: str) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(values):
        name = raw.strip()
        if _CONTROL.search(name) or not encodable(name):
            raise _invalid(f"{field}.{index}", "holds characters that cannot be stored.")
        if not name:
            raise _invalid(f"{field}.{index}", "write at least 1 character.")
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def skill_terms(body: NewAssignmentRequest) -> dict[str, list[str]]:
    """must_have, nice_to_have and skills (their union). A poster that sends only `skills` meant
    them all as must-haves; one that sends both lists and skills must send the same names."""
    skills = _names(body.skills, "skills")
    must = _names(body.must_have, "must_have")
    nice = _names(body.nice_to_have, "nice_to_have")
    if not must and not nice:
        must = skills
    both = {name.casefold() for name in must} & {name.casefold() for name in nice}
    if both:
        raise _invalid("nice_to_have", f"{sorted(both)[0]!r} is already a must-have.")
    union = must + nice
    if body.skills and {s.casefold() for s in skills} != {s.casefold() for s in union}:
        raise _invalid("skills", "must name the same skills as must_have and nice_to_have together.")
    return {"must_have": must, "nice_to_have": nice, "skills": union}


def place_terms(body: NewAssignmentRequest) -> dict[str, Any]:
    """workplace and remote (one follows the other), country, language and seniority."""
    workplace = body.workplace or ("remote" if body.remote else "onsite")
    if (
        "remote" in body.model_fields_set
        and body.workplace is not None
        and body.remote != (workplace == "remote")
    ):
        raise _invalid(
            "remote", f'must be {str(workplace == "remote").lower()} when workplace is "{workplace}".'
        )
    _known(body.country, countries, "country", "an ISO 3166 country code such as SE, NO, DK or FI")
    _known(body.language, languages, "language", "an ISO 639-1 language code such as sv, en or fi")
    return {
        "workplace": workplace,
        "remote": workplace == "remote",
        "country": body.country,
        "language": body.language,
        "seniority": body.seniority,
    }


def _known(code: str, known: Callable[[], frozenset[str]], field: str, what: str) -> None:
    if code and code not in known():
        raise _invalid(field, f'"{code}" is not {what} ("" when unknown).')
