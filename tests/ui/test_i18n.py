"""Translations: the .ts file is complete and keeps every {placeholder}, the compiled .qm matches it,
and the real main window speaks Swedish with language "sv" and English with "en"."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QMenu

from coapp.base.settings import load_settings
from coapp.ui import i18n
from tests.conftest import make_contract
from tests.ui.helpers import rebuilt_window

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "coapp_sv.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MNEMONIC = re.compile(r"&([^&\s])")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of *ts*."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = next((str(p) for p in (beside, beside.with_suffix(".exe")) if p.exists()), shutil.which(name))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


# --- the translation file ------------------------------------------------------------------


def _names(text: str) -> list[str]:
    """The placeholders' names: a translation may drop a format spec (“{n:,}” → “{n}”, the
    front end groups the number the language's way) but never a value."""
    return sorted(re.split(r"[:!]", p[1:-1], maxsplit=1)[0] for p in PLACEHOLDER.findall(text))


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    messages = _messages(TS)
    assert len(messages) > 250
    wrong = [
        (context, source, translation.text)
        for context, source, translation in messages
        if translation is not None and _names(source) != _names(translation.text or "")
    ]
    assert wrong == []


def test_every_text_is_translated_and_keeps_its_mnemonic() -> None:
    unfinished = []
    mnemonics = []
    for context, source, translation in _messages(TS):
        if translation is None or translation.get("type") or not (translation.text or "").strip():
            unfinished.append((context, source))
            continue
        if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(translation.text or "")):
            mnemonics.append((context, source, translation.text))
    assert unfinished == []
    assert mnemonics == []


def test_the_translation_file_covers_the_code_and_the_qm_is_compiled_from_it(tmp_path: Path) -> None:
    """A new self.tr text without a Swedish translation fails here: run
    `uv run python resources/translations/update.py`, translate, run it again."""
    fresh = tmp_path / "translations" / TS.name
    fresh.parent.mkdir()
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "coapp" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources, "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    untranslated = [
        (context, source)
        for context, source, translation in _messages(fresh)
        if translation is None or translation.get("type") == "unfinished"
    ]
    assert untranslated == []
    qm = tmp_path / "coapp_sv.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "coapp_sv.qm").read_bytes(), "run update.py --release"


def test_a_missing_translation_falls_back_to_english_with_a_log_line(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    with caplog.at_level(logging.INFO, logger="coapp"):
        assert i18n.install_translator("sv") is False
    assert i18n.current_language() == "en"
    assert "stays in English" in caplog.text
    assert qapp.translate("MainWindow", "&File") == "&File"


def test_installing_a_language_translates_and_english_takes_it_back(qapp) -> None:
    assert i18n.install_translator("sv")
    assert qapp.translate("MainWindow", "&File") == "&Arkiv"
    assert qapp.translate("Invoices", "Credit note") == "Kreditfaktura"
    assert i18n.install_translator("en")
    assert qapp.translate("MainWindow", "&File") == "&File"


# --- the real window -----------------------------------------------------------------------


def _menus(window) -> dict[str, QMenu]:
    return {action.text(): action.menu() for action in window.menuBar().actions() if action.menu()}


def _texts(window, cls) -> set[str]:
    return {widget.text() for widget in window.findChildren(cls)}


def _navigation(window) -> list[str]:
    return window.navigation.texts()


def test_the_main_window_speaks_swedish(qtbot, ctx, use_settings, open_window) -> None:
    make_contract(ctx)
    use_settings(language="sv")
    window = open_window()

    menus = _menus(window)
    assert list(menus) == ["&Arkiv", "&Redigera", "&Visa", "&Tid", "&Fakturor", "&Konto", "&Hjälp"]
    edit = [a.text() for a in menus["&Redigera"].actions() if not a.isSeparator()]
    assert "&Företagsuppgifter…" in edit
    assert "&Inställningar…" in edit
    file_menu = [a.text() for a in menus["&Arkiv"].actions() if not a.isSeparator()]
    assert file_menu == [
        "Importera från &LinkedIn…",
        "Åter&ställ från säkerhetskopia…",
        "&Exportera alla data…",
        "&Avsluta",
    ]
    assert _navigation(window) == [
        "Översikt",
        "Min profil",
        "Uppdrag",
        "Ansökningar",
        "Tidrapport",
        "Fakturor",
        "Avtal",
        "Insikter",
    ]

    buttons = _texts(window.timesheet, QAbstractButton)
    assert {"Denna vecka", "Kopiera förra veckan", "Starta timer", "Skapa fakturautkast"} <= buttons
    time_menu = {a.text() for a in menus["&Tid"].actions()}
    assert {"Föregående vecka", "Nästa vecka", "Redigera anteckning…"} <= time_menu
    model = window.timesheet.grid.model()
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "Summa"  # the total row

    invoices = _texts(window.invoices, QAbstractButton)
    assert {"Bekräfta faktura", "Kreditera faktura…", "Nytt utkast…", "Uppdatera utkast"} <= invoices
    assert {"&Status", "Avta&l", "&Period"} <= _texts(window.invoices, QLabel)


def test_the_main_window_speaks_english(qtbot, ctx, use_settings, open_window) -> None:
    make_contract(ctx)
    use_settings(language="en")
    window = open_window()
    assert list(_menus(window)) == ["&File", "&Edit", "&View", "&Time", "&Invoices", "&Account", "&Help"]
    assert _navigation(window) == [
        "Dashboard",
        "My Profile",
        "Assignments",
        "Applications",
        "Timesheet",
        "Invoices",
        "Contracts",
        "Insights",
    ]
    assert {"This week", "Copy last week"} <= _texts(window.timesheet, QAbstractButton)
    assert "Confirm invoice" in _texts(window.invoices, QAbstractButton)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_mnemonics_are_unique_in_the_menu_bar_and_in_each_menu(ctx, use_settings, open_window, language):
    use_settings(language=language)
    window = open_window()

    def letters(texts: list[str]) -> list[str]:
        return [m.group(1).lower() for t in texts if (m := MNEMONIC.search(t))]

    bar = letters([a.text() for a in window.menuBar().actions()])
    assert len(bar) == len(set(bar)) == 7
    for title, menu in _menus(window).items():
        inside = letters([a.text() for a in menu.actions()])
        assert len(inside) == len(set(inside)), title


def test_a_language_chosen_in_preferences_applies_to_the_rebuilt_window_and_qt_s_own_texts(
    qtbot, ctx, use_settings, open_window, windows
) -> None:
    use_settings(language="en")
    window = open_window()
    dialog = window.open_preferences()
    assert dialog.windowTitle() == "Preferences"
    assert (
        dialog.findChild(QLabel, "languageNote").text()
        == "The window changes language at once; undo starts afresh."
    )
    language = dialog.language
    language.setCurrentIndex(language.findData("sv"))
    dialog.accept()

    swedish = rebuilt_window(qtbot, window, windows)
    again = swedish.open_preferences()
    assert again.windowTitle() == "Inställningar"
    buttons = again.findChild(QDialogButtonBox)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Avbryt"  # Qt's own texts, from Qt's qtbase_sv.qm
    again.reject()
    assert load_settings(ctx.paths.settings).language == "sv"  # and at the next start
