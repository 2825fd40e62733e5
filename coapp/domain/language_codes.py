"""Which language a name on a profile means: "Svenska", "Swedish" and "svenska" are all `sv`.

Profiles keep languages as typed (in the user's language or the language's own); assignments name
their working language by ISO 639-1 code. Babel's locale data knows the names in every language we
meet; a few names people write that Babel does not list are added here.
"""

from __future__ import annotations

from functools import cache

# The locales whose names for languages a Nordic consultant's profile is written in.
_NAME_LOCALES = ("en", "sv", "nb", "da", "fi", "de")
# Languages whose own name ("suomi", "Deutsch") is also understood, with that name: Babel's, written
# out here so that matching a name never loads forty locales (tests/domain/test_language_codes.py
# checks them against Babel; the frozen app then ships only the locales it formats in).
_NATIVE_NAMES = {
    "sv": "svenska",
    "en": "English",
    "no": "norsk",
    "da": "dansk",
    "fi": "suomi",
    "is": "íslenska",
    "de": "Deutsch",
    "fr": "français",
    "es": "español",
    "it": "italiano",
    "pt": "português",
    "nl": "Nederlands",
    "pl": "polski",
    "ru": "русский",
    "uk": "українська",
    "et": "eesti",
    "lv": "latviešu",
    "lt": "lietuvių",
    "cs": "čeština",
    "sk": "slovenčina",
    "hu": "magyar",
    "ro": "română",
    "bg": "български",
    "el": "Ελληνικά",
    "sr": "српски",
    "hr": "hrvatski",
    "bs": "bosanski",
    "sl": "slovenščina",
    "sq": "shqip",
    "tr": "Türkçe",
    "ar": "العربية",
    "fa": "فارسی",
    "he": "עברית",
    "so": "Soomaali",
    "am": "አማርኛ",
    "sw": "Kiswahili",
    "hi": "हिन्दी",
    "ur": "اردو",
    "bn": "বাংলা",
    "pa": "ਪੰਜਾਬੀ",
    "ta": "தமிழ்",
    "zh": "中文",
    "ja": "日本語",
    "ko": "한국어",
    "vi": "Tiếng Việt",
    "th": "ไทย",
    "id": "Indonesia",
}
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
    from babel import Locale

    index: dict[str, str] = {}
    for locale_name in _NAME_LOCALES:
        for code, name in Locale.parse(locale_name).languages.items():
            if "_" not in code:  # "en_GB" is "British English": the base name says enough
                index.setdefault(name.casefold(), _base(code))
    for code, native in _NATIVE_NAMES.items():
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
