"""My Profile's resume sections (issue 9): education, certificates, honours and awards, references and
the portfolio, driven from the keyboard on the real main window: add and edit in the dialog, bad
input refused next to its field with everything typed kept, Alt+arrows move, Delete removes and
Ctrl+Z brings the item back in its place with its data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.domain.profile_sections import Award, Certificate, Education, PortfolioItem, Reference
from coapp.ui.main_window import MainWindow
from coapp.ui.profile.completeness_card import tip_target
from coapp.ui.profile.item_dialog import ItemDialog
from coapp.ui.profile.section_list import SectionPanel
from tests.ui.test_profile_screen import _idle, _open_profile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _opened(qtbot: QtBot, panel: SectionPanel) -> ItemDialog:
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    assert dialog is not None
    dialog.activateWindow()  # a window manager would; the offscreen platform does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _add_from_keyboard(qtbot: QtBot, panel: SectionPanel) -> ItemDialog:
    """Tab to "Add …" and press Space, as a person without a mouse would."""
    panel.add_button.setFocus()
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    return _opened(qtbot, panel)


def _fill(qtbot: QtBot, dialog: ItemDialog, **values: str) -> None:
    for key, text in values.items():
        edit = dialog.edits[key]
        assert isinstance(edit, QLineEdit | QPlainTextEdit)
        edit.setFocus()
        if isinstance(edit, QLineEdit):
            edit.selectAll()
            if not text:
                edit.clear()
        else:
            edit.clear()
        for n, line in enumerate(text.split("\n")):
            if n:
                qtbot.keyClick(edit, Qt.Key.Key_Return)  # a new line in a description
            if line:
                qtbot.keyClicks(edit, line)


def _ok(qtbot: QtBot, window: MainWindow, dialog: ItemDialog) -> None:
    """Enter in a one-line field presses OK; then wait for the write."""
    field = next(e for e in dialog.edits.values() if isinstance(e, QLineEdit) and e.isEnabled())
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    _idle(qtbot, window)


def _focus_row(qtbot: QtBot, window: MainWindow, panel: SectionPanel, row: int) -> None:
    window.activateWindow()  # the offscreen platform hands the keyboard back to no window after a dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(row, 0))


def test_education_is_added_from_the_keyboard_with_its_dates_checked(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    education = screen.education
    assert education.empty.isVisible()
    assert education.empty.text().startswith("No education yet: add")
    assert not education.list.isVisible()

    dialog = _add_from_keyboard(qtbot, education)
    assert dialog.windowTitle() == "Add education"
    _ok(qtbot, window, dialog)  # nothing typed: the two required fields say so
    assert dialog.isVisible()
    assert dialog.error_of("school") == "Write the name of the school"
    assert dialog.error_of("start") == "Write the month you started, like 2016-08"
    assert dialog.error_of("end") == ""
    assert QApplication.focusWidget() is dialog.edits["school"]  # the first field to fix

    _fill(qtbot, dialog, school="KTH", degree="MSc", field="Computer science", start="2016-8", end="2015-06")
    assert dialog.error_of("school") == ""  # typing in a field takes its reason away
    _ok(qtbot, window, dialog)
    assert dialog.error_of("start") == "“2016-8” is not a month; write it like 2024-03"
    assert dialog.error_of("end") == ""
    _fill(qtbot, dialog, start="2016-08")
    _ok(qtbot, window, dialog)
    assert dialog.error_of("end") == "Ends before it starts (2016-08)"
    assert dialog.errors["end"].isVisible()
    assert window.ctx.profile.get().education == ()
    assert dialog.value("school") == "KTH"  # nothing typed is lost

    _fill(qtbot, dialog, end="")  # still studying
    _ok(qtbot, window, dialog)
    assert education.dialog is None
    stored = window.ctx.profile.get().education
    assert [(e.school, e.degree, e.field, str(e.start), e.end) for e in stored] == [
        ("KTH", "MSc", "Computer science", "2016-08", None)
    ]
    assert education.list.isVisible()
    assert not education.empty.isVisible()
    assert education.model.data(education.model.index(0, 0)) == "MSc, Computer science"
    assert education.describe(stored[0])[1] == "KTH · Aug 2016 – now"
    assert education.list.currentIndex().row() == 0


def test_education_is_edited_with_enter_and_moved_with_alt_arrows(
    qtbot, ctx: AppContext, open_window
) -> None:
    for school in ("Chalmers", "KTH"):
        ctx.profile.add_item(Education(school, "2010-08", end="2014-06"))  # type: ignore[arg-type]
    window = open_window()
    screen = _open_profile(qtbot, window)
    education = screen.education
    _focus_row(qtbot, window, education, 1)
    qtbot.keyClick(education.list, Qt.Key.Key_Return)
    dialog = _opened(qtbot, education)
    assert dialog.windowTitle() == "Edit education"
    assert dialog.value("school") == "KTH"
    assert dialog.value("end") == "2014-06"
    _fill(qtbot, dialog, degree="Master of Science")
    _ok(qtbot, window, dialog)
    stored = window.ctx.profile.get().education
    assert [(e.school, e.degree) for e in stored] == [("Chalmers", ""), ("KTH", "Master of Science")]

    _focus_row(qtbot, window, education, 1)
    qtbot.keyClick(education.list, Qt.Key.Key_Up, ALT)
    _idle(qtbot, window)
    assert [e.school for e in window.ctx.profile.get().education] == ["KTH", "Chalmers"]
    assert education.list.currentIndex().row() == 0  # the moved item stays the current one
    qtbot.keyClick(education.list, Qt.Key.Key_Down, ALT)
    _idle(qtbot, window)
    assert [e.school for e in window.ctx.profile.get().education] == ["Chalmers", "KTH"]


def test_certificates_refuse_an_expiry_before_issue_and_bad_addresses(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    certificates = screen.certificates
    dialog = _add_from_keyboard(qtbot, certificates)
    _fill(qtbot, dialog, name="AWS Solutions Architect", issuer="Amazon", issued="2024-03", expires="2023-03")
    _fill(qtbot, dialog, url="aws.amazon.com/verify/my cert")
    _ok(qtbot, window, dialog)
    assert dialog.error_of("expires") == "Expires before it was issued (2024-03)"
    assert dialog.error_of("url").startswith("A web address has no spaces")
    _fill(qtbot, dialog, expires="2027-03", url="https://")
    _ok(qtbot, window, dialog)
    assert dialog.error_of("expires") == ""
    assert dialog.error_of("url").startswith("This is not a web address")
    assert window.ctx.profile.get().certificates == ()

    _fill(qtbot, dialog, url="AWS.amazon.com/verify/ÅÄÖ")
    _ok(qtbot, window, dialog)
    (stored,) = window.ctx.profile.get().certificates
    assert stored.url == "https://aws.amazon.com/verify/%C3%85%C3%84%C3%96"  # normalised by the domain
    assert (str(stored.issued), str(stored.expires)) == ("2024-03", "2027-03")
    assert certificates.describe(stored) == (
        "AWS Solutions Architect",
        "Amazon · Mar 2024 · expires Mar 2027",
    )


def test_awards_need_a_title_and_a_real_month(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    dialog = _add_from_keyboard(qtbot, screen.awards)
    _fill(qtbot, dialog, issuer="Spotify", awarded="2023-13", description="Best use of data\nin a weekend")
    _ok(qtbot, window, dialog)
    assert dialog.error_of("title") == "Write the award's title"
    assert dialog.error_of("awarded") == "“2023-13” is not a month; write it like 2024-03"
    _fill(qtbot, dialog, title="Hackathon winner", awarded="2023-11")
    _ok(qtbot, window, dialog)
    (award,) = window.ctx.profile.get().awards
    assert (award.title, award.issuer, str(award.awarded)) == ("Hackathon winner", "Spotify", "2023-11")
    assert award.description == "Best use of data\nin a weekend"


def test_a_removed_reference_comes_back_in_its_place_with_ctrl_z(qtbot, ctx: AppContext, open_window) -> None:
    for name in ("Ada", "Grace", "Linus"):
        ctx.profile.add_item(Reference(name, f"Manager of {name}", f"{name.lower()}@example.com"))
    before = ctx.profile.get().references
    window = open_window()
    screen = _open_profile(qtbot, window)
    references = screen.references
    _focus_row(qtbot, window, references, 1)
    qtbot.keyClick(references.list, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert [r.name for r in window.ctx.profile.get().references] == ["Ada", "Linus"]
    assert references.list.hasFocus()  # the keyboard stays in the list
    assert window.undo_stack.undoText() == "Remove “Grace”"

    qtbot.keyClick(references.list, Qt.Key.Key_Z, CTRL)
    _idle(qtbot, window)
    after = window.ctx.profile.get().references
    assert after == before  # the same data, in the same place
    assert [r.id for r in after] == [r.id for r in before]  # the very item, not a copy
    assert references.selected() == before[1]

    window.undo_stack.redo()
    _idle(qtbot, window)
    assert [r.name for r in window.ctx.profile.get().references] == ["Ada", "Linus"]


def test_the_last_portfolio_item_removed_leaves_the_empty_state_and_undo_restores_it(
    qtbot, ctx: AppContext, open_window
) -> None:
    ctx.profile.add_item(PortfolioItem("Scheduler", "github.com/ada/scheduler", "Used by 200 companies"))
    window = open_window()
    screen = _open_profile(qtbot, window)
    portfolio = screen.portfolio
    _focus_row(qtbot, window, portfolio, 0)
    qtbot.keyClick(portfolio.list, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert window.ctx.profile.get().portfolio == ()
    assert portfolio.empty.isVisible()
    assert portfolio.add_button.hasFocus()  # focus is never lost after an action
    window.undo_stack.undo()
    _idle(qtbot, window)
    (item,) = window.ctx.profile.get().portfolio
    assert (item.title, item.url, item.description) == (
        "Scheduler",
        "https://github.com/ada/scheduler",
        "Used by 200 companies",
    )
    assert portfolio.list.isVisible()


def test_a_portfolio_address_with_spaces_is_refused_and_a_title_is_required(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    dialog = _add_from_keyboard(qtbot, screen.portfolio)
    _fill(qtbot, dialog, url="my site.example")
    _ok(qtbot, window, dialog)
    assert dialog.error_of("title") == "Write a title for the work"
    assert dialog.error_of("url").startswith("A web address has no spaces")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape closes; nothing is saved
    qtbot.waitUntil(lambda: screen.portfolio.dialog is None)
    assert window.ctx.profile.get().portfolio == ()


def test_a_refusal_from_the_store_keeps_the_dialog_open_with_the_text(
    qtbot, ctx: AppContext, open_window
) -> None:
    ctx.profile.add_item(Award("Hackathon winner"))
    window = open_window()
    screen = _open_profile(qtbot, window)
    awards = screen.awards
    _focus_row(qtbot, window, awards, 0)
    qtbot.keyClick(awards.list, Qt.Key.Key_F2)
    dialog = _opened(qtbot, awards)
    (award,) = window.ctx.profile.get().awards
    window.ctx.profile.remove_item(awards.section, award.id)  # removed meanwhile (another device, sync)
    _fill(qtbot, dialog, issuer="Spotify")
    _ok(qtbot, window, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "not in your awards" in dialog.error.text()
    assert dialog.value("issuer") == "Spotify"
    assert dialog.buttons.isEnabled()  # the user may try again or cancel


def test_tips_jump_to_education_and_certificates(qtbot, open_window) -> None:
    window = open_window()
    screen = _open_profile(qtbot, window)
    assert tip_target("Add your education") == "education"
    assert tip_target("Add a certificate, an award or a reference") == "certificates"
    screen.go_to("education")
    assert QApplication.focusWidget() is screen.education.add_button  # empty: Add is the place
    screen.go_to("certificates")
    assert QApplication.focusWidget() is screen.certificates.add_button


def test_a_tip_goes_to_the_list_once_it_has_items(qtbot, ctx: AppContext, open_window) -> None:
    ctx.profile.add_item(Certificate("Scrum Master"))
    window = open_window()
    screen = _open_profile(qtbot, window)
    screen.go_to("certificates")
    assert QApplication.focusWidget() is screen.certificates.list
    assert screen.certificates.selected() == Certificate("Scrum Master")  # keys act on it at once
    qtbot.keyClick(screen.certificates.list, Qt.Key.Key_Return)
    dialog = _opened(qtbot, screen.certificates)
    assert dialog.value("name") == "Scrum Master"


def test_arrow_keys_down_a_long_list_scroll_the_screen(qtbot, ctx: AppContext, open_window) -> None:
    for n in range(40):
        ctx.profile.add_item(Award(f"Award {n}", "Jury"))
    window = open_window()
    screen = _open_profile(qtbot, window)
    awards = screen.awards
    qtbot.waitUntil(lambda: awards.height() > awards.list.height())  # the screen laid out anew
    _focus_row(qtbot, window, awards, 0)
    screen.scroll.ensureWidgetVisible(awards.list, 0, 0)
    for _ in range(39):
        qtbot.keyClick(awards.list, Qt.Key.Key_Down)
    assert awards.list.currentIndex().row() == 39
    last = awards.list.visualRect(awards.model.index(39, 0))
    shown = awards.list.viewport().mapTo(screen.scroll.viewport(), last.bottomLeft())
    assert 0 <= shown.y() <= screen.scroll.viewport().height()  # the row the keys reached is on screen


def test_the_list_model_keeps_qt_s_rules(qtmodeltester, ctx: AppContext, qtbot, open_window) -> None:
    for n in range(3):
        ctx.profile.add_item(Reference(f"Person {n}", "Client"))
    window = open_window()
    screen = _open_profile(qtbot, window)
    qtmodeltester.check(screen.references.model)
    # The list's right-click menu: the keyboard's actions, each showing its key.
    actions = {a.text(): a.shortcut().toString() for a in screen.references.list.actions()}
    assert actions == {
        "Edit": "F2",
        "Add": "Ins",
        "Remove": "Del",
        "Move up": "Alt+Up",
        "Move down": "Alt+Down",
    }
