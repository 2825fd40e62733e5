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
from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication

from coapp.domain.errors import CoappError, Joined, Sentence
from coapp.ui.formats import date_text
from coapp.ui.i18n import current_language

log = logging.getLogger(__name__)


def translated(error: BaseException | Sentence) -> str:
    """The message of *error* (or a Sentence) in the UI's language, as it was written (first letter
    untouched)."""
    if not (isinstance(error, Sentence) or (isinstance(error, CoappError) and error.template)):
        return str(error)
    template, values = error.template, error.values
    words = QCoreApplication.translate("Errors", template)
    if not values:
        return words
    said = {key: _word(value) for key, value in values.items()}
    try:
        return words.format(**_grouped(template, said, words != template))
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", template)
        return str(error)


def _word(value: object) -> object:
    """A value in the UI's language: a domain word (a state, a fee model: an enum member), a
    sentence inside the sentence, a list of them, a date in the language's one date style; any
    other value as it is."""
    if isinstance(value, Enum):
        return QCoreApplication.translate("ErrorWords", str(value.value), type(value).__name__)
    if isinstance(value, Sentence):
        return translated(value)
    if isinstance(value, Joined):
        return value.separator.join(str(_word(item)) for item in value.items)
    if isinstance(value, date):
        return date_text(value, current_language())
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


def error_text(error: BaseException | Sentence) -> str:
    """The message as a sentence for a banner or a dialog: its first letter a capital, unless it
    opens with a name written as it is (“JS” …, a file's name such as notes.png)."""
    text = translated(error)
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text
