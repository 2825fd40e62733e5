"""Which language a name on a profile means: "Svenska", "Swedish" and "svenska" are all `sv`.

Profiles keep languages as typed (in the user's language or the language's own); assignments name
their working language by ISO 639-1 code. Babel's locale data knows the names in every language we
meet; a few names people write that Babel does not list are added here.
"""

from __future__ import annotations

from functools import cache

# The locales whose names for languages a Nordic consultant's profile is written in.
_NAME_LOCALES = ("en", "sv", "nb", "da", "fi", "de")
# Languages whose own name ("suomi", "Deutsch") is also understood: loading a locale costs time, so
# only those a profile here is likely to list.
_NATIVE_NAMED = (
    "sv",
    "en",
    "no",
    "da",
    "fi",
    "is",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "et",
    "lv",
    "lt",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "el",
    "sr",
    "hr",
    "bs",
    "sl",
    "sq",
    "tr",
    "ar",
    "fa",
    "he",
    "so",
    "am",
    "sw",
    "hi",
    "ur",
    "bn",
    "pa",
    "ta",
    "zh",
    "ja",
    "ko",
    "vi",
    "th",
    "id",
)
# Norwegian written either way is Norwegian for matching.
_SAME = {"nb": "no", "nn": "no"}
_EXTRA = {
    "chinese (mandarin)": "zh",
    "kinesiska (mandarin)": "zh",
    "mandarin": "zh",
    "bengali": "bn",
    "meänkieli": "fit",
    "swedish sign language": "swl",
    "svenskt teckenspråk": "swl",
}


def _base(code: str) -> str:
    base = code.split("_")[0].lower()
    return _SAME.get(base, base)


@cache
def _index() -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    index: dict[str, str] = {}
    for locale_name in _NAME_LOCALES:
        for code, name in Locale.parse(locale_name).languages.items():
            if "_" not in code:  # "en_GB" is "British English": the base name says enough
                index.setdefault(name.casefold(), _base(code))
    for code in _NATIVE_NAMED:
        try:
            native = Locale.parse(code).get_display_name(code)
        except (
            UnknownLocaleError,
            ValueError,
            LookupError,
        ):  # babel has names for languages it has no locale of
            continue
        if native:
            index.setdefault(native.casefold(), code)
    index.update(_EXTRA)
    return index


def language_code(name: str) -> str | None:
    """The ISO 639 code of a language's name in English, Swedish, the Nordic languages, German or
    its own language; None for a name it does not know."""
    return _index().get(" ".join(name.split()).casefold())


@cache
def language_name(code: str, locale: str = "en") -> str:
    """A language's name from its code, in English unless asked ("sv" → "Swedish"); the code itself
    for one Babel does not know."""
    from babel import Locale

    name = Locale.parse(locale).languages.get(code)
    return name if name else code


def same_language_key(name: str) -> str:
    """What two names of one language share ("Svenska", "Swedish" → "sv"); a name this does not know
    is compared as written, ignoring case and spacing."""
    tidy = " ".join(name.split()).casefold()
    return language_code(tidy) or tidy
