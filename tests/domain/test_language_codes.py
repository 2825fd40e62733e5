"""The languages' own names written out in coapp.domain.language_codes are Babel's: matching a
profile's "suomi" or "Deutsch" loads no locale, and the table cannot drift from Babel's data."""

from __future__ import annotations

import pytest
from babel import Locale

from coapp.domain.language_codes import _NATIVE_NAMES, language_code


@pytest.mark.parametrize("code", sorted(_NATIVE_NAMES))
def test_each_native_name_is_babels(code: str) -> None:
    assert _NATIVE_NAMES[code] == Locale.parse(code).get_display_name(code)


@pytest.mark.parametrize(
    ("name", "code"),
    [("suomi", "fi"), ("Deutsch", "de"), ("  íslenska ", "is"), ("Svenska", "sv"), ("Swedish", "sv")],
)
def test_a_language_is_known_by_its_own_name(name: str, code: str) -> None:
    assert language_code(name) == code


def test_matching_a_name_loads_only_the_locales_names_are_read_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import babel.localedata as localedata

    from coapp.domain import language_codes

    opened: set[str] = set()
    load = localedata.load

    def recording(name: str, merge_inherited: bool = True):  # type: ignore[no-untyped-def]
        opened.add(name)
        return load(name, merge_inherited)

    monkeypatch.setattr(localedata, "load", recording)
    language_codes._index.cache_clear()
    assert language_code("Ελληνικά") == "el"
    assert {name.split("_")[0] for name in opened} <= {*language_codes._NAME_LOCALES, "root"}
