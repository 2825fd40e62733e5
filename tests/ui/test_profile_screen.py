"""My Profile (issue 9): built when first shown, details saved as the user leaves a field, refusals
shown with the text kept, skills with completion and undoable removal, experience in a dialog."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.domain.profile_sections import Experience
from coapp.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _open_profile(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.profile is None  # not built until it is shown
    index = window.stack.indexOf(window.profile_slot)
    qtbot.mouseClick(window.navigation.entry(index), LEFT)
    screen = window.profile
    assert screen is not None
    assert window.stack.currentWidget() is window.profile_slot
    qtbot.waitUntil(lambda: screen.header.status.text().startswith("Profile "))
    return screen


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # editingFinished: saved as the user leaves it


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.state.tasks.busy)


def test_the_sidebar_lists_my_profile_on_ctrl_2(qtbot, open_window) -> None:
    window = open_window()
    assert "My Profile" in window.navigation.texts()
    assert window.profile is None
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.profile is not None
    assert window.stack.currentWidget() is window.profile_slot
    qtbot.waitUntil(lambda: window.profile.details.fields["name"].hasFocus())


def test_details_save_and_the_meter_rises(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    before = screen.completeness.meter.value()
    assert screen.header.status.text() == f"Profile {before} % complete"

    _type(qtbot, screen.details.fields["name"], "Ada Lovelace")
    _type(qtbot, screen.details.fields["title"], "Senior backend developer")
    _idle(qtbot, window)
    details = window.ctx.profile.get().details
    assert (details.name, details.title) == ("Ada Lovelace", "Senior backend developer")
    after = screen.completeness.meter.value()
    assert after == before + 11
    assert screen.header.status.text() == f"Profile {after} % complete"


def test_a_bad_email_shows_the_reason_and_keeps_the_text(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    _type(qtbot, screen.details.fields["name"], "Ada")
    _type(qtbot, screen.details.fields["email"], "ada@")
    _idle(qtbot, window)
    banner = screen.details.banner
    assert banner.isVisible()
    assert banner.is_error()
    assert "E-mail:" in banner.text()
    assert "is not an e-mail address" in banner.text()
    assert screen.details.fields["email"].text() == "ada@"  # nothing the user typed is lost
    assert screen.details.fields["name"].text() == "Ada"  # other fields unaffected
    assert window.ctx.profile.get().details.email == ""

    _type(qtbot, screen.details.fields["email"], "ada@example.com")
    _idle(qtbot, window)
    assert not banner.isVisible()
    assert window.ctx.profile.get().details.email == "ada@example.com"


# The completion popup on the offscreen platform: it cannot raise windows or grab the keyboard.
@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_skills_complete_add_refuse_duplicates_remove_and_undo(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    skills = screen.skills
    assert skills.empty.isVisible()
    assert "No skills yet" in skills.empty.text()

    skills.input.setFocus()
    qtbot.keyClicks(skills.input, "k8")
    assert "Kubernetes" in skills.completer.model().stringList()
    qtbot.keyClick(skills.input, Qt.Key.Key_S)
    qtbot.keyClick(skills.input, Qt.Key.Key_Return)
    _idle(qtbot, window)
    assert skills.names() == ["Kubernetes"]
    assert skills.list.topLevelItem(0).text(0) == "Kubernetes"
    assert not skills.empty.isVisible()

    for typed in ("JavaScript", "JS"):
        skills.input.setFocus()
        skills.input.clear()
        qtbot.keyClicks(skills.input, typed)
        qtbot.keyClick(skills.input, Qt.Key.Key_Return)
        _idle(qtbot, window)
    assert skills.banner.text() == "“JS” is JavaScript, which is already in your skills"
    assert skills.input.text() == "JS"
    assert [s.name for s in window.ctx.profile.get().skills] == ["Kubernetes", "JavaScript"]

    assert not skills.completer.popup().isVisible()
    window.activateWindow()  # the offscreen platform leaves no window active after a popup
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    skills.list.setCurrentItem(skills.list.topLevelItem(0))
    skills.list.setFocus()
    qtbot.keyClick(skills.list, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert skills.names() == ["JavaScript"]
    assert skills.list.hasFocus()
    qtbot.keyClick(skills.list, Qt.Key.Key_Z, CTRL)
    _idle(qtbot, window)
    assert sorted(skills.names()) == ["JavaScript", "Kubernetes"]


def test_experience_with_end_before_start_is_refused_in_the_dialog(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    dialog = screen.experience.add_item()
    for key, text in (
        ("organisation", "Acme AB"),
        ("role", "Developer"),
        ("start", "2024-05"),
        ("end", "2023-01"),
    ):
        dialog.edits[key].setText(text)
    dialog.accept()  # OK
    assert dialog.isVisible()
    assert dialog.error_of("end") == "Ends before it starts (2024-05)"  # under the end month
    assert window.ctx.profile.get().experience == ()

    dialog.edits["current"].setChecked(True)  # turns the end month off
    assert not dialog.edits["end"].isEnabled()
    assert dialog.error_of("end") == ""
    dialog.accept()
    _idle(qtbot, window)
    assert screen.experience.dialog is None  # closed once stored
    jobs = window.ctx.profile.get().experience
    assert [(j.role, j.organisation, j.end, j.current) for j in jobs] == [
        ("Developer", "Acme AB", None, True)
    ]
    assert screen.experience.model.items == jobs
    assert screen.experience.describe(jobs[0]) == ("Developer · Acme AB", "May 2024 – now")


def test_jobs_move_with_alt_arrows_and_removal_undoes(qtbot, ctx: AppContext, open_window) -> None:
    for organisation in ("First AB", "Second AB"):
        ctx.profile.add_item(Experience(organisation, "Developer", "2020-01", "2021-01"))  # type: ignore[arg-type]
    window = open_window()
    screen = _open_profile(qtbot, window)
    jobs = screen.experience.list
    assert jobs.model().rowCount() == 2
    jobs.setFocus()
    jobs.setCurrentIndex(jobs.model().index(1, 0))
    qtbot.keyClick(jobs, Qt.Key.Key_Up, ALT)
    _idle(qtbot, window)
    assert [j.organisation for j in window.ctx.profile.get().experience] == ["Second AB", "First AB"]
    assert jobs.currentIndex().row() == 0

    qtbot.keyClick(jobs, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert [j.organisation for j in window.ctx.profile.get().experience] == ["First AB"]
    window.undo_stack.undo()
    _idle(qtbot, window)
    assert [j.organisation for j in window.ctx.profile.get().experience] == ["Second AB", "First AB"]


def test_a_tip_focuses_its_field(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    tip = screen.findChild(QLabel, "profileTip_title")
    assert tip is not None
    assert tip.accessibleName().startswith("Add a professional title")
    start = QPoint(tip.contentsRect().left() + 8, tip.fontMetrics().height() // 2)
    qtbot.mouseClick(tip, LEFT, pos=start)  # on the link's first words
    assert QApplication.focusWidget() is screen.details.fields["title"]


def test_the_profile_and_assignments_screens_are_not_imported_at_start_up(ctx: AppContext) -> None:
    ctx.close()
    script = f"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from coapp.app import show_main_window
window = show_main_window({str(ctx.paths.data_dir)!r})
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            lazy = ("coapp.ui.profile", "coapp.ui.assignments", "coapp.ui.applications")
            print(json.dumps(sorted(m for m in sys.modules if m.startswith(lazy))))
            QApplication.exit(0)
        return False
watch = Watch()
window.installEventFilter(watch)
QApplication.exec()
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_a_slow_read_never_hides_a_newer_answer_from_a_write(qtbot, open_window, monkeypatch) -> None:
    import threading

    from coapp.ui.profile.lane import ProfileLane

    window = open_window()
    screen = _open_profile(qtbot, window)
    window.ctx.profile.set_field("name", "Old Name")
    stale = screen.lane.read()  # read before the write below
    release = threading.Event()

    def slow_read(lane: ProfileLane):  # type: ignore[no-untyped-def]
        release.wait(5)
        return stale

    monkeypatch.setattr(ProfileLane, "read", slow_read)
    screen.reload()  # e.g. a sync brought rows: the read waits on a worker
    _type(qtbot, screen.details.fields["name"], "New Name")
    _idle_writes = lambda: window.ctx.profile.get().details.name == "New Name"  # noqa: E731
    qtbot.waitUntil(_idle_writes)
    release.set()
    _idle(qtbot, window)
    qtbot.wait(50)
    assert screen.details.fields["name"].text() == "New Name"


def test_swedish_rates_have_the_decimal_comma_and_a_long_title_shows_its_start(
    qtbot, open_window, use_settings
) -> None:
    from decimal import Decimal

    from coapp.domain.profile import PersonalDetails

    use_settings(language="sv")
    window = open_window()
    long_title = "Senior backendutvecklare och arkitekt för betalningar"
    window.ctx.profile.set_details(PersonalDetails(title=long_title, hourly_rate=Decimal("1150.50")))
    index = window.stack.indexOf(window.profile_slot)
    qtbot.mouseClick(window.navigation.entry(index), LEFT)
    screen = window.profile
    qtbot.waitUntil(lambda: screen.details.fields["hourly_rate"].text() == "1150,50")
    assert screen.details.fields["title"].cursorPosition() == 0
    _type(qtbot, screen.details.fields["hourly_rate"], "1200,25")
    _idle(qtbot, window)
    assert window.ctx.profile.get().details.hourly_rate == Decimal("1200.25")


def test_a_list_without_focus_marks_its_row_softly(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionViewItem

    from coapp.ui.selection_mark import quiet_selection

    view = QListWidget()
    qtbot.addWidget(view)
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.widget = view
    option.rect = image.rect()
    option.state = QStyle.StateFlag.State_Selected
    assert quiet_selection(painter, option)  # unfocused: the soft mark, selection taken out
    assert not option.state & QStyle.StateFlag.State_Selected
    option.state = QStyle.StateFlag.State_None
    assert not quiet_selection(painter, option)  # not selected: nothing to do
    painter.end()


def test_the_first_profile_fills_the_top_at_once_and_the_cards_below_a_frame_later(
    qtbot, open_window, monkeypatch
) -> None:
    from coapp.ui.profile.screen import FOLD_DELAY_MS, ProfileScreen

    window = open_window()
    window.ctx.profile.set_field("name", "Ada")
    window.ctx.profile.add_skill("Python", 5, 10)
    first = screen_written = ProfileScreen(window.state, window.undo_stack).lane.read()
    window.ctx.profile.add_skill("Go", 3, 2)
    newer = ProfileScreen(window.state, window.undo_stack).lane.read()

    monkeypatch.setattr(ProfileScreen, "reload", lambda self: None)
    screen = ProfileScreen(window.state, window.undo_stack)
    qtbot.addWidget(screen)
    screen.show_written(first)
    assert screen.details.fields["name"].text() == "Ada"  # above the fold: at once
    assert screen.skills.list.topLevelItemCount() == 0  # below: not yet
    qtbot.waitUntil(lambda: screen.skills.list.topLevelItemCount() == 1, timeout=FOLD_DELAY_MS * 20)
    assert screen.header.status.text().startswith("Profile ")

    # A write's answer that comes before the deferred part is what stays.
    again = ProfileScreen(window.state, window.undo_stack)
    qtbot.addWidget(again)
    again.show_written(screen_written)
    again.show_written(newer)
    assert again.skills.list.topLevelItemCount() == 2
    qtbot.wait(FOLD_DELAY_MS * 3)
    assert again.skills.list.topLevelItemCount() == 2
