"""Profile writes on the app's writes lane: the work runs off the GUI thread, then the profile and
its completeness are read again there, so the screen updates its meter without a second trip."""

from __future__ import annotations

import functools
import logging
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from coapp.domain.errors import CoappError
from coapp.domain.profile import Profile
from coapp.domain.profile_completeness import Completeness, completeness
from coapp.ui.error_text import error_text, translated
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


# The profile rules' messages a screen may pass here as text (str(error)) rather than as the error
# itself, as the domain's templates: the sentence is matched against them to find its values, then
# said through the template's translation in the "Errors" context, as coapp.ui.error_text says an
# error. A screen that passes the error is not limited to these.
_TEXT_TEMPLATES = (
    "“{raw}” contains a space; a web address has none",
    "“{raw}” is not a web address; write it like https://example.com",
    "“{raw}” is not a web page; only http and https links are taken",
    "“{raw}” contains a user name or password; leave them out",
    "“{raw}” has a host name that cannot be written as a web address",
    "“{raw}” has no valid host name; write it like example.com/you",
    "a link needs a web address",
    "the web address is {n:,} characters long; at most {max_url_length:,} fit",
    "“{typed}” is {name}, which is already in your skills",
    "{name} is already in your skills",
    "{item} is already in your languages",
    "{item} is already in your links",
    "{item} is already in your experience",
    "{item} is already in your education",
    "{item} is already in your certificates",
    "{item} is already in your awards",
    "{item} is already in your references",
    "{item} is already in your portfolio",
    "“{name}” is not a language's name",
    "the language is required",
    "the personal letter is {n:,} characters long; at most {max_length:,} fit — shorten it",
    "the personal letter contains control characters; remove them",
    "your profile changed since this import was previewed; preview it again (nothing was imported)",
    "“{value}” is not an e-mail address: {reason}",
    "“{value}” is not a phone number; write it like +46 70 123 45 67",
)


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    """The sentences *template* makes, with a group for each value."""
    parts: list[str] = []
    seen: set[str] = set()
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
            seen.add(field)
    return re.compile("".join(parts), re.DOTALL)


def _fill(words: str, template: str, values: dict[str, str]) -> str:
    """*words* (the translation of *template*) with *values* as the English sentence wrote them; a
    number the template grouped (“{n:,}”) takes a space between its groups instead (200 016)."""
    grouped = {f for _, f, spec, _ in string.Formatter().parse(template) if f and spec and "," in spec}
    parts: list[str] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(words):
        parts.append(literal)
        if field is not None:
            value = values[field]
            parts.append(value.replace(",", "\u00a0") if field in grouped else value)
    return "".join(parts)


def in_ui_language(message: str | BaseException) -> str:
    """A message of the layers below in the UI's language, as it was written (first letter
    untouched): an error through its template (coapp.ui.error_text); a text when it is one of the
    profile rules' messages above, else as the domain said it."""
    if isinstance(message, BaseException):
        return translated(message)
    if current_language() == SOURCE_LANGUAGE:
        return message
    for template in _TEXT_TEMPLATES:
        found = _pattern(template).fullmatch(message)
        if found:
            words = QCoreApplication.translate("Errors", template)
            try:
                return _fill(words, template, found.groupdict())
            except (KeyError, IndexError, ValueError):
                log.warning("the translation of %r does not fit its values", template)
                return message
    return message


def sentence(message: str | BaseException) -> str:
    """A message of the layers below as a sentence in the UI's language: capitalised first letter,
    unless it opens with a name that is written as it is (“JS” …, a file's name such as notes.png).
    Pass the error itself where there is one: every template of it is then known."""
    if isinstance(message, BaseException):
        return error_text(message)
    text = in_ui_language(message)
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text


def reason(error: BaseException) -> str:
    if isinstance(error, CoappError):
        return error_text(error)
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
