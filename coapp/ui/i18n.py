"""The UI's language: Qt translators for the chosen language, installed before the widgets are built.

English is the source language (the texts in the code); Swedish comes from
resources/translations/coapp_sv.qm (update it with `uv run python resources/translations/update.py`).
Qt's own texts (OK/Cancel, context menus) come from Qt's qtbase_<lang>.qm when it is shipped.
A missing file is not an error: the UI stays in English and the log says why.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from coapp.base.paths import resource_dir

log = logging.getLogger("coapp")

SOURCE_LANGUAGE = "en"
_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_language = SOURCE_LANGUAGE


def translations_dir() -> Path:
    return resource_dir() / "translations"


def current_language() -> str:
    """The language whose translators are installed ("en" when none are)."""
    return _language


def install_translator(language: str) -> bool:
    """Make *language* the UI's language for widgets built from now on (widgets that handle
    QEvent.LanguageChange follow at once). Returns False when its translation could not be loaded
    and the UI falls back to English."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translator needs a QApplication")
    if language == _language and (_installed or language == SOURCE_LANGUAGE):
        return True
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    path = translations_dir() / f"coapp_{language}.qm"
    if not ours.load(str(path)):
        log.info("No UI translation for %r at %s; the UI stays in English", language, path)
        return False
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info("No Qt translation qtbase_%s in %s; Qt's own buttons stay in English", language, qt_dir)
    app.installTranslator(ours)  # installed last, so it is asked first
    _installed.append(ours)
    _language = language
    return True
