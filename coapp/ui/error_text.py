"""An error of the layers below, said in the user's language.

The domain, the services, the store and the sync raise CoappError with an English template and its
values (coapp.domain.errors); the templates are translated in the "Errors" context (gathered into
coapp.ui.error_messages by resources/translations/error_catalogue.py). A message without a
translation, or one whose translation does not fit its values, is shown as the English sentence:
never an empty or a broken text.
"""

from __future__ import annotations

import logging
import string
from enum import Enum

from PySide6.QtCore import QCoreApplication

from coapp.domain.errors import CoappError

log = logging.getLogger(__name__)


def translated(error: BaseException) -> str:
    """The message of *error* in the UI's language, as it was written (first letter untouched)."""
    if not isinstance(error, CoappError) or not error.template:
        return str(error)
    words = QCoreApplication.translate("Errors", error.template)
    if not error.values:
        return words
    values = {key: _word(value) for key, value in error.values.items()}
    try:
        return words.format(**_grouped(error.template, values, words is not error.template))
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", error.template)
        return str(error)


def _word(value: object) -> object:
    """A domain word given as a value (a state, a fee model: an enum member) in the UI's language;
    any other value as it is."""
    if isinstance(value, Enum):
        return QCoreApplication.translate("ErrorWords", str(value.value), type(value).__name__)
    return value


def _grouped(template: str, values: dict[str, object], translated: bool) -> dict[str, object]:
    """A number the English template groups (“{n:,}” → 200,016) given to a translation as the
    language groups it: a translation writes “{n}” and gets 200 016 (a comma would read as a
    decimal sign in Swedish)."""
    if not translated:
        return values
    grouped = {
        field for _, field, spec, _ in string.Formatter().parse(template) if field and spec and "," in spec
    }
    return {
        key: f"{value:,}".replace(",", "\u00a0") if key in grouped and isinstance(value, int) else value
        for key, value in values.items()
    }


def error_text(error: BaseException) -> str:
    """The message as a sentence for a banner or a dialog: its first letter a capital, unless it
    opens with a name written as it is (“JS” …, a file's name such as notes.png)."""
    text = translated(error)
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text
