"""Assignments (issue 10): the list sorted by match with its reasons in the detail, searched while
typing (synonyms too), filtered, starred with Ctrl+D and unstarred with Ctrl+Z, and empty states
that say what to do; in Swedish the reasons are Swedish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coapp.domain.profile import PersonalDetails
from coapp.ui.assignments.list_model import ITEM_ROLE
from coapp.ui.assignments.screen import AssignmentsScreen
from coapp.ui.main_window import MainWindow
from tests.services.assignments_helpers import assignment_id, put_assignment

CTRL = Qt.KeyboardModifier.ControlModifier


def _profile(window: MainWindow) -> None:
    ctx = window.ctx
    ctx.profile.set_details(
        PersonalDetails(name="Ada", city="Stockholm", country="SE", hourly_rate=Decimal(1000), currency="SEK")
    )
    for name, level in (("Python", 5), ("Django", 4), ("PostgreSQL", 4)):
        ctx.profile.add_skill(name, level, 6)


def _open(qtbot: QtBot, window: MainWindow) -> AssignmentsScreen:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    screen = window.assignments
    assert screen is not None
    qtbot.waitUntil(lambda: " of " in screen.header.status.text())
    return screen


def _titles(screen: AssignmentsScreen) -> list[str]:
    return [screen.model.index(r).data(ITEM_ROLE).title for r in range(screen.model.rowCount())]


def test_the_list_is_sorted_by_match_and_the_detail_says_why(qtbot, open_window) -> None:
    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Go platform engineer", must_have=["Go", "Terraform"])
    put_assignment(window.ctx, 2, "Django developer", must_have=["Python", "Django"], nice_to_have=["Kafka"])
    assert window.assignments is None  # built when first shown
    screen = _open(qtbot, window)
    assert _titles(screen) == ["Django developer", "Go platform engineer"]
    assert screen.header.status.text() == "2 of 2 assignments · 0 favourites"

    screen.list.setFocus()
    screen.list.setCurrentIndex(screen.model.index(1))
    reasons = screen.detail.reasons.text()
    assert "Missing: Go, Terraform" in reasons
    assert "(against)" in reasons
    assert screen.detail.title.text() == "Go platform engineer"


def test_searching_while_typing_finds_synonyms_and_esc_clears(qtbot, open_window) -> None:
    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Platform team", must_have=["Kubernetes"])
    put_assignment(window.ctx, 2, "Django developer", must_have=["Python", "Django"])
    screen = _open(qtbot, window)
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "k8s")
    qtbot.waitUntil(lambda: _titles(screen) == ["Platform team"])
    qtbot.keyClick(screen.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(_titles(screen)) == 2)
    qtbot.keyClicks(screen.search, "nothing like this")
    qtbot.waitUntil(lambda: screen.empty.isVisible())
    assert "Nothing matches" in screen.empty.text()
    assert not screen.list.isVisible()


def test_ctrl_d_stars_the_chosen_one_and_ctrl_z_takes_it_back(qtbot, open_window) -> None:
    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Django developer", must_have=["Python", "Django"])
    put_assignment(window.ctx, 2, "Go platform engineer", must_have=["Go"])
    screen = _open(qtbot, window)
    screen.list.setFocus()
    screen.list.setCurrentIndex(screen.model.index(0))
    qtbot.keyClick(screen.list, Qt.Key.Key_D, CTRL)
    assert window.ctx.assignments.favourite_ids() == {assignment_id(1)}
    assert "★" in screen.detail.star.text()
    assert screen.header.status.text().endswith(" · 1 favourite")

    screen.favourites_only.setChecked(True)
    qtbot.waitUntil(lambda: _titles(screen) == ["Django developer"])
    window.undo_stack.undo()
    assert window.ctx.assignments.favourite_ids() == frozenset()
    qtbot.waitUntil(lambda: screen.empty.isVisible())


def test_with_nothing_synced_the_screen_says_how_to_get_assignments(qtbot, open_window) -> None:
    window = open_window()
    screen = _open(qtbot, window)
    assert screen.empty.isVisible()
    assert "Sign in" in screen.empty.text()
    assert screen.detail.empty.isVisible()


def test_closed_ones_show_when_asked_and_the_reasons_are_swedish_in_swedish(
    qtbot, open_window, use_settings
) -> None:
    use_settings(language="sv")
    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Django-utvecklare", must_have=["Python", "Rust"], language="sv")
    put_assignment(window.ctx, 2, "Stängt uppdrag", must_have=["Python"], status="closed")
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    screen = window.assignments
    assert screen is not None
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)  # open ones only, at first
    screen.open_only.setChecked(False)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.list.setCurrentIndex(screen.model.index(screen.model.row_of(assignment_id(1))))
    reasons = screen.detail.reasons.text()
    assert "Saknas: Rust" in reasons
    assert "(emot)" in reasons
    assert "Ditt arvode 1\u00a0000 SEK ligger inom 900–1\u00a0100" in reasons  # Swedish grouping
    assert "Arbetsspråk svenska, finns inte i din profil" in reasons
    assert date(2027, 1, 4).isoformat() in screen.detail.facts.text()  # Swedish dates are ISO


def test_the_first_search_runs_off_the_gui_thread_and_typing_after_it_on_it(
    qtbot, open_window, monkeypatch
) -> None:
    import threading

    from coapp.services.assignments import AssignmentService

    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Django developer", must_have=["Python", "Django"])
    threads: list[str] = []
    plain = AssignmentService.search

    def recorded(self, filters=None):  # type: ignore[no-untyped-def]
        if filters is not None:  # the screen's searches (the dashboard and notices ask without filters)
            threads.append(threading.current_thread().name)
        return plain(self, filters)

    monkeypatch.setattr(AssignmentService, "search", recorded)
    screen = _open(qtbot, window)
    assert threads[0] != threading.main_thread().name  # it scores every assignment: a worker's job
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "dj")
    qtbot.waitUntil(lambda: len(threads) >= 2)
    assert threads[-1] == threading.main_thread().name  # warm: each keystroke within a frame
    window.sync.dataArrived.emit()  # a sync brought rows: scored again, on a worker
    qtbot.waitUntil(lambda: threads[-1] != threading.main_thread().name)


def test_applying_needs_the_consent_and_stores_the_application_with_it(qtbot, open_window) -> None:
    from coapp.ui.assignments.apply_dialog import ApplyDialog

    window = open_window()
    _profile(window)
    put_assignment(window.ctx, 1, "Django developer", must_have=["Python", "Django"])
    screen = _open(qtbot, window)
    screen.list.setFocus()
    screen.list.setCurrentIndex(screen.model.index(0))
    assert screen.detail.apply_button.isVisibleTo(screen)
    qtbot.keyClick(screen.list, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = screen.apply_dialog
    assert isinstance(dialog, ApplyDialog)
    qtbot.waitUntil(dialog.isVisible)

    dialog.rate.setText("abc")
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0  # a rate that is no amount stays on the offer
    assert "amount" in dialog.banner.text()
    dialog.rate.setText("1300")  # above the client's 900–1,100 per hour: a warning, not a refusal
    assert "Above the client's range" in dialog.rate_note.text()
    dialog.message.setPlainText("I built payments for ten years.")
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    summary = dialog.summary.text()
    assert "To: Acme AB, through your agent" in summary
    assert "Your rate: 1,300 SEK per hour" in summary
    assert "I built payments" in summary
    assert not dialog.send.isEnabled()  # nothing without the consent
    assert window.ctx.applications.list() == []

    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.ctx.applications.list()) == 1)
    (application,) = window.ctx.applications.list()
    assert (application.rate, application.rate_per, application.state) == (Decimal(1300), "hour", "draft")
    (consent,) = window.ctx.applications.consents()
    assert (consent.rate, consent.rate_per, consent.shared_with_client) == (Decimal(1300), "hour", "Acme AB")
    assert consent.message == "I built payments for ten years."
    qtbot.waitUntil(lambda: "stored; the next sync sends it" in screen.banner.text())
    assert "outside the client's range" in screen.banner.text()
    assert not screen.detail.apply_button.isVisibleTo(screen)  # applied: no second application
    assert screen.detail.applied.text() == "Applied: waiting for the next sync"
