"""The services' expected refusals, in one module: what the GUI and the CLI catch from a use case.

Each is a ValidationError (coapp.domain.errors): bad input or a state that does not allow the action,
with a message that says what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coapp.domain.errors import ValidationError

if TYPE_CHECKING:
    from coapp.services.invoice_drafts import DraftOverlap


class ConfirmRefused(ValidationError):
    """The pre-flight check found problems; ``problems`` names each one."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Cannot confirm yet:\n- " + "\n- ".join(problems))
        self.problems = problems


class DuplicateDraft(ValidationError):
    """A new draft would bill days another draft already bills; ``overlaps`` names them."""

    def __init__(self, overlaps: list[DraftOverlap]) -> None:
        super().__init__(
            "; ".join(o.describe() for o in overlaps) + ": discard or confirm it, or draft anyway"
        )
        self.overlaps = overlaps


class AlreadySeededError(ValidationError):
    """The data folder already holds contracts; demo data only goes into an empty one."""
