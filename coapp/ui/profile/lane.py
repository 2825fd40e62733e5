"""Profile writes on the app's writes lane: the work runs off the GUI thread, then the profile and
its completeness are read again there, so the screen updates its meter without a second trip."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from coapp.domain.errors import CoappError
from coapp.domain.profile import Profile
from coapp.domain.profile_completeness import Completeness, completeness
from coapp.ui.i18n import SOURCE_LANGUAGE, current_language

if TYPE_CHECKING:
    from coapp.services.profile import ProfileService
    from coapp.services.profile_files import ProfileFiles
    from coapp.ui.app_state import AppState

log = logging.getLogger("coapp")


@dataclass(frozen=True)
class Written:
    result: Any
    profile: Profile
    completeness: Completeness


def _messages() -> tuple[tuple[str, str], ...]:
    """The profile rules' messages a person meets most, as patterns, with their text in the UI's
    language (the domain words them in English for the CLI and the logs). Each text is in a literal
    translate() call, where lupdate finds it."""
    q = "“(?P<x>.*)”"
    return (
        (
            f"{q} contains a space; a web address has none",
            QCoreApplication.translate("ProfileLane", "“{x}” contains a space; a web address has none"),
        ),
        (
            f"{q} is not a web address; write it like https://example.com",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” is not a web address; write it like https://example.com"
            ),
        ),
        (
            f"{q} is not a web page; only http and https links are taken",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” is not a web page; only http and https links are taken"
            ),
        ),
        (
            f"{q} contains a user name or password; leave them out",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” contains a user name or password; leave them out"
            ),
        ),
        (
            f"{q} has a host name that cannot be written as a web address",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” has a host name that cannot be written as a web address"
            ),
        ),
        (
            f"{q} has no valid host name; write it like example.com/you",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” has no valid host name; write it like example.com/you"
            ),
        ),
        (
            "a link needs a web address",
            QCoreApplication.translate("ProfileLane", "a link needs a web address"),
        ),
        (
            r"the web address is (?P<n>[\d,]+) characters long; at most (?P<most>[\d,]+) fit",
            QCoreApplication.translate(
                "ProfileLane", "the web address is {n} characters long; at most {most} fit"
            ),
        ),
        (
            "(?P<x>.+) is already in your links",
            QCoreApplication.translate("ProfileLane", "{x} is already in your links"),
        ),
        (
            "(?P<x>.+) is already in your languages",
            QCoreApplication.translate("ProfileLane", "{x} is already in your languages"),
        ),
        (
            "“(?P<typed>.+)” is (?P<x>.+), which is already in your skills",
            QCoreApplication.translate("ProfileLane", "“{typed}” is {x}, which is already in your skills"),
        ),
        (
            "(?P<x>.+) is already in your skills",
            QCoreApplication.translate("ProfileLane", "{x} is already in your skills"),
        ),
        (
            f"{q} is not a language's name",
            QCoreApplication.translate("ProfileLane", "“{x}” is not a language's name"),
        ),
        ("the language is required", QCoreApplication.translate("ProfileLane", "the language is required")),
        (
            r"the personal letter is (?P<n>[\d,]+) characters long; "
            r"at most (?P<most>[\d,]+) fit — shorten it",
            QCoreApplication.translate(
                "ProfileLane", "the personal letter is {n} characters long; at most {most} fit — shorten it"
            ),
        ),
        (
            "the personal letter contains control characters; remove them",
            QCoreApplication.translate(
                "ProfileLane", "the personal letter contains control characters; remove them"
            ),
        ),
        (
            r"your profile changed since this import was previewed; "
            r"preview it again \(nothing was imported\)",
            QCoreApplication.translate(
                "ProfileLane",
                "your profile changed since this import was previewed; preview it again (nothing was imported)",  # noqa: E501  (one literal: lupdate reads no joined strings)
            ),
        ),
        (
            f"{q} is not an e-mail address: (?P<why>.*)",
            QCoreApplication.translate("ProfileLane", "“{x}” is not an e-mail address: {why}"),
        ),
        (
            rf"{q} is not a phone number; write it like \+46 70 123 45 67",
            QCoreApplication.translate(
                "ProfileLane", "“{x}” is not a phone number; write it like +46 70 123 45 67"
            ),
        ),
    )


def in_ui_language(text: str) -> str:
    """A domain message in the UI's language when this screen knows it; else as the domain said it."""
    if current_language() == SOURCE_LANGUAGE:
        return text
    for pattern, template in _messages():
        found = re.fullmatch(pattern, text, re.DOTALL)
        if found:
            values = found.groupdict()
            for key in ("n", "most"):  # 200,016 → 200 016: Swedish groups digits with a space
                if key in values:
                    values[key] = values[key].replace(",", "\u00a0")
            return template.format(**values)
    return text


def sentence(text: str) -> str:
    """A domain message as a sentence, in the UI's language: capitalised first letter, unless it opens
    with a name that is written as it is (“JS” …, a file's name such as notes.png)."""
    text = in_ui_language(text)
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text


def reason(error: BaseException) -> str:
    if isinstance(error, CoappError):
        return sentence(str(error))
    log.exception("A profile change failed", exc_info=error)
    return f"Could not save the change: {error}"


class ProfileLane:
    """Writes through ctx.profile one at a time, in order; *changed* hears every new profile."""

    def __init__(self, state: AppState, changed: Callable[[Written], None]) -> None:
        self._state = state
        self._changed = changed

    @property
    def service(self) -> ProfileService:
        return self._state.ctx.profile

    @property
    def files(self) -> ProfileFiles:
        """The photo and portfolio files (their writes go through write() too, in order)."""
        return self._state.ctx.profile_files

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]
    ) -> None:
        """Work that writes nothing (reading a picture, copying a file out) beside the writes."""
        self._state.tasks.run(work, done, lambda error: failed(reason(error)))

    def read(self) -> Written:
        profile = self.service.get()
        return Written(None, profile, completeness(profile))

    def read_later(self, done: Callable[[Written], None], failed: Callable[[str], None]) -> None:
        """Read the profile on a worker (fifty jobs and two hundred skills take a while to load):
        the screen stays responsive and shows what it has until then."""
        self._state.tasks.run(self.read, done, lambda error: failed(reason(error)))

    def write(
        self,
        work: Callable[[ProfileService], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        service = self.service

        def run() -> Written:
            result = work(service)
            profile = service.get()
            return Written(result, profile, completeness(profile))

        def finished(written: Written) -> None:
            self._changed(written)  # the screen shows the new profile before *done* adjusts it
            done(written.result)

        self._state.tasks.write(run, finished, lambda error: failed(reason(error)))
