"""The services' expected refusals, in one module: what the GUI and the CLI catch from a use case.

Each is a ValidationError (coapp.domain.errors): bad input or a state that does not allow the action,
with a message that says what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coapp.domain.errors import Joined, Sentence, ValidationError

if TYPE_CHECKING:
    from coapp.services.invoice_drafts import DraftOverlap


class ConfirmRefused(ValidationError):
    """The pre-flight check found problems; ``problems`` names each one.

    The raise writes the template, where the catalogue finds it:
    ``ConfirmRefused("Cannot confirm yet:\\n- {problems}", problems)``; ``{problems}`` is the list
    joined one a line."""

    def __init__(self, message: str, problems: list[Sentence], /) -> None:
        super().__init__(message, problems=Joined(problems, "\n- "))
        self.problems = problems


class DuplicateDraft(ValidationError):
    """A new draft would bill days another draft already bills; ``overlaps`` names them.

    The raise writes the template: ``DuplicateDraft("{overlaps}: discard or confirm it, or draft
    anyway", overlaps)``; ``{overlaps}`` is their descriptions joined."""

    def __init__(self, message: str, overlaps: list[DraftOverlap], /) -> None:
        super().__init__(message, overlaps=Joined((o.describe() for o in overlaps), "; "))
        self.overlaps = overlaps


class AlreadySeededError(ValidationError):
    """The data folder already holds contracts; demo data only goes into an empty one."""
