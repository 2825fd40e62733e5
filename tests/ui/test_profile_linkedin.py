"""My Profile, importing a LinkedIn export (issue 9): the header's button opens the preview, the plan
is shown (added, filled, kept with both values, skipped and why), Import writes it and the screen
shows the result; the same export again has nothing new; a malformed one names file and line and
changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.ui.main_window import MainWindow
from tests.services.linkedin_fixtures import export_files, write_export
from tests.ui.profile_helpers import idle, open_profile

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot: QtBot, screen):  # type: ignore[no-untyped-def]
    # A dialog closed before is deleted on a later turn of the event loop: not the one to find.
    qtbot.waitUntil(lambda: screen.findChild(QDialog, "linkedinImportDialog") is None)
    qtbot.mouseClick(screen.import_button, LEFT)
    dialog = screen.findChild(QDialog, "linkedinImportDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def preview(qtbot: QtBot, window: MainWindow, dialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.path.setText(str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy.isVisible())
    idle(qtbot, window)


def test_preview_then_import_then_the_same_export_has_nothing_new(
    qtbot: QtBot, ctx: AppContext, open_window, tmp_path: Path
) -> None:
    ctx.profile.set_field("title", "Architect")  # the user's own title stays
    path = write_export(tmp_path / "in")
    window = open_window()
    screen = open_profile(qtbot, window)
    dialog = open_dialog(qtbot, screen)
    assert not dialog.import_button.isEnabled()  # nothing chosen yet

    preview(qtbot, window, dialog, path)
    plan = dialog.plan
    assert plan is not None
    assert plan.has_writes
    page = dialog.view.toPlainText()
    assert "Will be added" in page
    assert "Kept as you wrote it (LinkedIn says otherwise)" in page
    assert "yours “Architect”, LinkedIn" in page
    assert "Skipped" in page or not plan.skipped
    assert dialog.message.text().startswith(f"{len(plan.added)} to add")
    assert dialog.import_button.isEnabled()
    assert window.ctx.profile.get().skills == ()  # a preview writes nothing

    with qtbot.waitSignal(dialog.finished, timeout=10_000):  # closed once the import is stored
        qtbot.mouseClick(dialog.import_button, LEFT)
    idle(qtbot, window)
    profile = window.ctx.profile.get()
    assert "Python" in [s.name for s in profile.skills]
    assert profile.details.title == "Architect"
    assert screen.skills.names() == [s.name for s in profile.skills]  # the screen shows the result
    assert screen.languages.names() == [lang.language for lang in profile.languages]
    assert screen.header.status.text().startswith(
        f"Imported from LinkedIn: {len(plan.added)} added, {len(plan.changed)} filled · Profile "
    )

    again = open_dialog(qtbot, screen)
    preview(qtbot, window, again, path)
    assert again.plan is not None
    assert not again.plan.has_writes
    assert again.message.text() == "Nothing new: your profile already has everything this export can add."
    assert not again.import_button.isEnabled()
    again.reject()


def test_a_malformed_export_names_file_and_line_and_changes_nothing(
    qtbot: QtBot, open_window, tmp_path: Path
) -> None:
    files = export_files(Positions="Company Name,Started On\nAcme,Jan 2020\n")
    path = write_export(tmp_path / "in", files, name="bad.zip")
    window = open_window()
    screen = open_profile(qtbot, window)
    before = window.ctx.profile.get()
    dialog = open_dialog(qtbot, screen)
    preview(qtbot, window, dialog, path)
    assert dialog.plan is None
    assert dialog.error.isVisible()
    assert "bad.zip" in dialog.error.text()
    assert "Positions.csv line 1: no column “Title”" in dialog.error.text()
    assert not dialog.view.isVisible()
    assert not dialog.import_button.isEnabled()
    assert dialog.path.text() == str(path)  # kept, to choose again
    assert window.ctx.profile.get() == before

    preview(qtbot, window, dialog, tmp_path / "nowhere.zip")
    assert "nowhere.zip" in dialog.error.text()
    dialog.reject()
    assert window.ctx.profile.get() == before


def test_an_unpacked_folder_is_read_too(qtbot: QtBot, open_window, tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    for name, data in export_files().items():
        (folder / name).write_bytes(data)
    window = open_window()
    screen = open_profile(qtbot, window)
    dialog = open_dialog(qtbot, screen)
    preview(qtbot, window, dialog, folder)
    assert dialog.plan is not None
    assert dialog.plan.has_writes
    assert "Experience" in dialog.view.toPlainText()
    dialog.reject()


def test_the_file_menu_opens_the_import_on_my_profile(qtbot: QtBot, open_window) -> None:
    window = open_window()
    action = window.findChild(QAction, "importLinkedInAction")
    assert action is not None
    action.trigger()
    screen = window.profile
    assert screen is not None
    assert window.stack.currentWidget() is window.profile_slot
    dialog = screen.findChild(QDialog, "linkedinImportDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Import from LinkedIn"
    dialog.reject()
