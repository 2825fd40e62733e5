"""Expected errors: each carries a message a person can act on.

A message is an English template and its values, `ValidationError("the rate {rate} is negative",
rate=rate)`: str(error) is the English sentence (the command line, the logs), and the front end says
it in the user's language by looking the template up (coapp.ui.error_text; the templates are
gathered for translation by resources/translations/error_catalogue.py). Write the template as a
literal: an f-string cannot be looked up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Sentence:
    """Words for a person that are not raised: one problem in a list (the invoice pre-flight), a
    hint beside a form field. Carried as CoappError carries its message (an English template and
    its values), so the front end can say it in the user's language; ``str()`` is the English.
    Values may be Sentences, dates (said in the language's date style) or enum members too."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    @classmethod
    def of(cls, error: CoappError) -> Sentence:
        """An error's message as a sentence (a check's refusal listed among other problems)."""
        return cls(error.template, **error.values) if error.template else cls(str(error))

    def __str__(self) -> str:
        return self.template.format(**self.values) if self.values else self.template

    def __repr__(self) -> str:
        return f"Sentence({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __contains__(self, words: str) -> bool:
        """Whether the English sentence says *words* (a hint picked by what a problem is about)."""
        return words in str(self)


class Joined:
    """Sentences said one after the other with *separator* (a list inside a message)."""

    __slots__ = ("items", "separator")

    def __init__(self, items: Iterable[object], separator: str) -> None:
        self.items: Sequence[object] = tuple(items)
        self.separator = separator

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


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
