"""Common languages, by their English and Swedish names, for completion while typing a language.

A list to help typing, not a rule: the profile takes any language's name (the domain checks it)."""

from __future__ import annotations

# (English, Swedish): the languages consultants in Sweden most often list, then the world's largest.
COMMON_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("Swedish", "Svenska"),
    ("English", "Engelska"),
    ("Norwegian", "Norska"),
    ("Danish", "Danska"),
    ("Finnish", "Finska"),
    ("Icelandic", "Isländska"),
    ("German", "Tyska"),
    ("French", "Franska"),
    ("Spanish", "Spanska"),
    ("Italian", "Italienska"),
    ("Portuguese", "Portugisiska"),
    ("Dutch", "Nederländska"),
    ("Polish", "Polska"),
    ("Russian", "Ryska"),
    ("Ukrainian", "Ukrainska"),
    ("Estonian", "Estniska"),
    ("Latvian", "Lettiska"),
    ("Lithuanian", "Litauiska"),
    ("Czech", "Tjeckiska"),
    ("Slovak", "Slovakiska"),
    ("Hungarian", "Ungerska"),
    ("Romanian", "Rumänska"),
    ("Bulgarian", "Bulgariska"),
    ("Greek", "Grekiska"),
    ("Serbian", "Serbiska"),
    ("Croatian", "Kroatiska"),
    ("Bosnian", "Bosniska"),
    ("Slovenian", "Slovenska"),
    ("Albanian", "Albanska"),
    ("Turkish", "Turkiska"),
    ("Arabic", "Arabiska"),
    ("Persian", "Persiska"),
    ("Kurdish", "Kurdiska"),
    ("Hebrew", "Hebreiska"),
    ("Somali", "Somaliska"),
    ("Tigrinya", "Tigrinja"),
    ("Amharic", "Amhariska"),
    ("Swahili", "Swahili"),
    ("Hindi", "Hindi"),
    ("Urdu", "Urdu"),
    ("Bengali", "Bengali"),
    ("Punjabi", "Punjabi"),
    ("Tamil", "Tamil"),
    ("Chinese (Mandarin)", "Kinesiska (mandarin)"),
    ("Cantonese", "Kantonesiska"),
    ("Japanese", "Japanska"),
    ("Korean", "Koreanska"),
    ("Vietnamese", "Vietnamesiska"),
    ("Thai", "Thailändska"),
    ("Indonesian", "Indonesiska"),
    ("Tagalog", "Tagalog"),
    ("Northern Sami", "Nordsamiska"),
    ("Meänkieli", "Meänkieli"),
    ("Romani", "Romani"),
    ("Yiddish", "Jiddisch"),
    ("Swedish Sign Language", "Svenskt teckenspråk"),
    ("Latin", "Latin"),
)


def language_names(first: str) -> list[str]:
    """Every name once, the UI's language first ("sv": Swedish names first), for completion."""
    english = [en for en, _sv in COMMON_LANGUAGES]
    swedish = [sv for _en, sv in COMMON_LANGUAGES]
    ordered = swedish + english if first == "sv" else english + swedish
    return list(dict.fromkeys(ordered))
