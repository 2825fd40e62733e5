"""An error of the layers below, said in the user's language.

The domain, the services, the store and the sync raise CoappError with an English template and its
values (coapp.domain.errors); the templates are translated in the "Errors" context (gathered into
coapp.ui.error_messages by resources/translations/error_catalogue.py). A message without a
translation, or one whose translation does not fit its values, is shown as the English sentence:
never an empty or a broken text.
"""

from __future__ import annotations

import logging

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
    try:
        return words.format(**error.values)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", error.template)
        return str(error)


def error_text(error: BaseException) -> str:
    """The message as a sentence for a banner or a dialog: its first letter a capital, unless it
    opens with a name written as it is (“JS” …, a file's name such as notes.png)."""
    text = translated(error)
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text
