"""Exporting the resume from My Profile (issue 9): a choice of look, language, sections and jobs,
saved as a named variant and chosen again, written as a PDF on a worker and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from coapp.domain.profile_sections import Experience
from coapp.domain.year_month import YearMonth
from coapp.ui.main_window import MainWindow
from coapp.ui.profile.resume_dialog import EVERYTHING, ResumeDialog
from tests.documents.pdf_samples import page_texts


def _dialog(qtbot: QtBot, window: MainWindow) -> ResumeDialog:
    ctx = window.ctx
    ctx.profile.set_field("name", "Ada Lindqvist")
    ctx.profile.set_field("title", "Backend developer")
    ctx.profile.set_letter("I build calm, reliable payment systems.")
    for n, (org, role) in enumerate((("Acme AB", "Tech lead"), ("Kontoret AB", "Developer"))):
        ctx.profile.add_item(Experience(org, role, YearMonth(2018 + 2 * n, 1), YearMonth(2019 + 2 * n, 6)))
    dialog = ResumeDialog(window.state, ctx.profile.get(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _export(qtbot: QtBot, dialog: ResumeDialog, target: Path) -> str:
    dialog.export_to(target)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.written is not None, dialog.banner.text()
    return "\n".join(page_texts(dialog.written.read_bytes()))


def _name_it(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: (name, True))


def test_the_chosen_jobs_sections_and_language_are_what_the_pdf_holds(qtbot, open_window, tmp_path) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    text = _export(qtbot, dialog, tmp_path / "cv.pdf")
    assert "Tech lead" in text
    assert "Developer" in text
    assert "Experience" in text  # the UI's language (English in tests) is the first choice
    assert "I build calm" in text
    assert dialog.open_button.isVisible()

    dialog.jobs.item(1).setCheckState(Qt.CheckState.Unchecked)  # Developer at Kontoret
    dialog.sections["letter"].setChecked(False)
    dialog.language("sv")
    qtbot.mouseClick(dialog.looks.button(1), Qt.MouseButton.LeftButton)  # modern
    text = _export(qtbot, dialog, tmp_path / "cv-sv")  # ".pdf" is added
    assert (tmp_path / "cv-sv.pdf").is_file()
    assert "ERFARENHET" in text.upper()
    assert "Tech lead" in text
    assert "Kontoret" not in text
    assert "I build calm" not in text


def test_a_choice_saved_as_a_variant_comes_back_when_chosen(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    dialog.sections["references"].setChecked(False)
    dialog.jobs.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.look("modern")
    _name_it(monkeypatch, "  Banking  ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.variant.currentText() == "Banking")
    from coapp.services.resume_variants import ResumeVariantService

    (saved,) = ResumeVariantService(window.ctx.store).all()
    jobs = window.ctx.profile.get().experience
    assert saved.experience_ids == (jobs[1].id,)
    assert "references" not in saved.sections
    assert saved.look == "modern"

    dialog.variant.setCurrentIndex(dialog.variant.findData(EVERYTHING))
    dialog.sections["references"].setChecked(True)
    dialog.jobs.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.look("classic")
    dialog.variant.setCurrentIndex(dialog.variant.findData(saved.key))
    assert not dialog.sections["references"].isChecked()
    assert dialog.jobs.item(0).checkState() == Qt.CheckState.Unchecked
    assert dialog.look() == "modern"
    # Changing a saved variant's choice makes it a new, unsaved choice.
    dialog.sections["awards"].setChecked(False)
    assert dialog.variant.currentData() == EVERYTHING


def test_a_taken_name_is_refused_and_the_choice_stays(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    _name_it(monkeypatch, "Banking")
    dialog.save_variant()
    qtbot.waitUntil(lambda: dialog.variant.currentText() == "Banking")
    dialog.sections["skills"].setChecked(False)
    _name_it(monkeypatch, "BANKING")
    dialog.save_variant()
    qtbot.waitUntil(lambda: dialog.banner.is_error())
    assert "already exists" in dialog.banner.text()
    assert not dialog.sections["skills"].isChecked()


def test_removing_a_variant_keeps_its_choice_on_screen(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    dialog.sections["letter"].setChecked(False)
    _name_it(monkeypatch, "Short")
    dialog.save_variant()
    qtbot.waitUntil(lambda: dialog.remove_button.isEnabled())
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.variant.count() == 1)
    from coapp.services.resume_variants import ResumeVariantService

    assert ResumeVariantService(window.ctx.store).all() == []
    assert not dialog.sections["letter"].isChecked()
    assert "Removed" in dialog.banner.text()


def test_no_section_means_nothing_to_export(qtbot, open_window) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert dialog.banner.is_error()
    assert "at least one section" in dialog.banner.text()
    dialog.sections["skills"].setChecked(True)
    assert dialog.export_button.isEnabled()
    assert not dialog.banner.is_error()


def test_a_place_that_cannot_be_written_is_said_and_nothing_is_left(qtbot, open_window, tmp_path) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "cv.pdf"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.banner.is_error()
    assert "Could not write" in dialog.banner.text()
    assert not target.exists()
    assert not dialog.open_button.isVisible()


def test_ctrl_e_on_my_profile_opens_the_export_with_the_stored_jobs(qtbot, open_window) -> None:
    window = open_window()
    window.ctx.profile.add_item(Experience("Acme AB", "Tech lead", YearMonth(2018, 1), current=True))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    screen = window.profile
    assert screen is not None
    qtbot.waitUntil(lambda: screen.header.status.text().startswith("Profile "))
    qtbot.keyClick(screen.resume_button, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.findChild(ResumeDialog) is not None)
    dialog = screen.findChild(ResumeDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.jobs.count() == 1
    assert "Tech lead" in dialog.jobs.item(0).text()
    dialog.reject()
