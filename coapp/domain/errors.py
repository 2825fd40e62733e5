"""Expected errors: each carries a message a person can act on."""


class CoappError(Exception):
    """An expected problem (bad input, locked data, damaged store); never a bug."""


class ValidationError(CoappError, ValueError):
    """Input that breaks a rule; nothing was changed."""


class DurationError(ValidationError):
    """Text that is not a duration a person could mean."""


class LockedError(ValidationError):
    """A change to time that is already on a confirmed invoice."""


class NotFoundError(CoappError, LookupError):
    """A named thing (contract, entry) that does not exist or is ambiguous."""
