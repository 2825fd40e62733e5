"""A match's reasons in the UI's language. The domain words them in English (the CLI and the logs
read that) and gives each a code and its values; here each code has its sentence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from coapp.domain.language_codes import language_name
from coapp.domain.matching import Reason
from coapp.ui.i18n import current_language


def _seniority(level: str) -> str:
    return {
        "junior": QCoreApplication.translate("MatchReasons", "junior"),
        "mid": QCoreApplication.translate("MatchReasons", "mid-level"),
        "senior": QCoreApplication.translate("MatchReasons", "senior"),
        "expert": QCoreApplication.translate("MatchReasons", "expert"),
    }.get(level, level)


def _span(number: Callable[[str], str], low: str, high: str) -> str:
    return "–".join(number(v) for v in (low, high) if v)


def _level(level: str) -> str:
    if level == "native":
        return QCoreApplication.translate("MatchReasons", "it as your native language")
    return level  # A1 … C2 read the same in every language


def _sentences(number: Callable[[str], str]) -> dict[str, Callable[[tuple[str, ...]], str]]:
    # Literal translate() calls (lupdate finds them) with the domain's values in {placeholders}.
    lang = current_language()
    return {
        "has": lambda a: QCoreApplication.translate("MatchReasons", "Has: {skills}").format(skills=a[0]),
        "missing": lambda a: QCoreApplication.translate("MatchReasons", "Missing: {skills}").format(
            skills=a[0]
        ),
        "also_wanted": lambda a: QCoreApplication.translate("MatchReasons", "Also wanted: {skills}").format(
            skills=a[0]
        ),
        "seniority_ok": lambda a: (
            QCoreApplication.translate("MatchReasons", "Asks for {level}: you have 1 year of work")
            if a[1] == "1"
            else QCoreApplication.translate(
                "MatchReasons", "Asks for {level}: you have {years} years of work"
            )
        ).format(level=_seniority(a[0]), years=a[1]),
        "seniority_short": lambda a: QCoreApplication.translate(
            "MatchReasons", "Asks for {level} ({wanted}+ years); you have {years}"
        ).format(level=_seniority(a[0]), wanted=a[1], years=a[2]),
        "rate_within": lambda a: QCoreApplication.translate(
            "MatchReasons", "Your rate {rate} {currency} is within {range}"
        ).format(rate=number(a[0]), currency=a[1], range=_span(number, a[2], a[3])),
        "rate_below": lambda a: QCoreApplication.translate(
            "MatchReasons", "Your rate {rate} {currency} is below {range}"
        ).format(rate=number(a[0]), currency=a[1], range=_span(number, a[2], a[3])),
        "rate_above": lambda a: QCoreApplication.translate(
            "MatchReasons", "Your rate {rate} {currency} is above {range}"
        ).format(rate=number(a[0]), currency=a[1], range=_span(number, a[2], a[3])),
        "late": lambda a: (
            QCoreApplication.translate(
                "MatchReasons", "You are available from {date}, 1 week after the start"
            )
            if a[1] == "1"
            else QCoreApplication.translate(
                "MatchReasons", "You are available from {date}, {weeks} weeks after the start"
            )
        ).format(date=a[0], weeks=a[1]),
        "extent": lambda a: QCoreApplication.translate(
            "MatchReasons", "You have {free} % free; it asks for {extent} %"
        ).format(free=a[0], extent=a[1]),
        "language": lambda a: QCoreApplication.translate(
            "MatchReasons", "Works in {language}: you have {level}"
        ).format(language=language_name(a[0], lang), level=a[1]),
        "language_missing": lambda a: QCoreApplication.translate(
            "MatchReasons", "Works in {language}, not on your profile"
        ).format(language=language_name(a[0], lang)),
        "remote": lambda a: QCoreApplication.translate("MatchReasons", "Remote"),
        "near": lambda a: QCoreApplication.translate("MatchReasons", "In {place}, where you are").format(
            place=a[0]
        ),
        "away_onsite": lambda a: QCoreApplication.translate("MatchReasons", "On site in {place}").format(
            place=a[0]
        ),
        "away_hybrid": lambda a: QCoreApplication.translate(
            "MatchReasons", "Partly on site in {place}"
        ).format(place=a[0]),
    }


def reason_text(reason: Reason, number: Callable[[str], str] = str) -> str:
    """The reason in the UI's language (*number* writes a whole amount the language's way); the
    domain's English words for a code this does not know."""
    sentence = _sentences(number).get(reason.code)
    if sentence is None:
        return reason.text
    try:
        return sentence(reason.args)
    except (IndexError, KeyError):  # a reason from a newer domain with other values
        return reason.text
