"""Expected errors: each carries a message a person can act on.

A message is an English template and its values, `ValidationError("the rate {rate} is negative",
rate=rate)`: str(error) is the English sentence (the command line, the logs), and the front end says
it in the user's language by looking the template up (coapp.ui.error_text; the templates are
gathered for translation by resources/translations/error_catalogue.py). Write the template as a
literal: an f-string cannot be looked up.
"""


class CoappError(Exception):
    """An expected problem (bad input, locked data, damaged store); never a bug."""

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)


class ValidationError(CoappError, ValueError):
    """Input that breaks a rule; nothing was changed."""


class DurationError(ValidationError):
    """Text that is not a duration a person could mean."""


class LockedError(ValidationError):
    """A change to time that is already on a confirmed invoice."""


class NotFoundError(CoappError, LookupError):
    """A named thing (contract, entry) that does not exist or is ambiguous."""
