"""Profile writes on the app's writes lane: the work runs off the GUI thread, then the profile and
its completeness are read again there, so the screen updates its meter without a second trip."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coapp.domain.errors import CoappError
from coapp.domain.profile import Profile
from coapp.domain.profile_completeness import Completeness, completeness

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


def sentence(text: str) -> str:
    """A domain message as a sentence: capitalised first letter, unless it opens with a name that is
    written as it is (“JS” …, a file's name such as notes.png)."""
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
