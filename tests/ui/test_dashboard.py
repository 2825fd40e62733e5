"""The dashboard (the first screen): filled from the store, every line leading to its screen, empty
states that say what to do; desktop notifications once per event; the Applications badge until read."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from coapp.domain.invoice_lines import LineMode
from coapp.models import AgentCard, ApplicationRow, InterviewRow
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.services.assignments_helpers import assignment_id, put_assignment
from tests.services.notice_helpers import agent_message, applied, move, remote

TODAY = date.today()


def _journey(ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    contract = make_contract(ctx, "Backend", start_date=TODAY - timedelta(days=60), end_date=None)
    monday = TODAY - timedelta(days=TODAY.weekday())
    ctx.timesheet.apply([CellChange(contract.id, monday, 450)])
    last_week = monday - timedelta(days=7)
    ctx.timesheet.apply([CellChange(contract.id, last_week, 480)])
    draft = ctx.drafts.create(contract.id, last_week, last_week + timedelta(days=6), LineMode.PER_DAY)
    ctx.profile.add_skill("Python", level=5)
    ctx.profile.add_skill("PostgreSQL", level=5)
    put_assignment(ctx, 1, "Python backend", must_have=["Python", "PostgreSQL"], workplace="remote")
    put_assignment(ctx, 2, "Liked frontend", must_have=["React"], workplace="remote")
    put_assignment(ctx, 3, "Applied platform", must_have=["Python"], workplace="remote")
    ctx.assignments.favourite(assignment_id(2))
    app = applied(ctx, 3)
    starts = datetime.now(UTC) + timedelta(days=2)
    remote(
        ctx,
        AgentCard(agent_id="ag", name="Anna Agent", email="anna@example.se", phone="+46 8 123"),
        agent_message("Kunden vill träffa dig på torsdag."),
        move(app, "interview"),
        InterviewRow(
            id=str(uuid.uuid4()), application_id=app, starts_at=starts, ends_at=starts + timedelta(hours=1),
            place="Kungsgatan 1", agent_attends=True, server_version=4,
        ),
    )  # fmt: skip
    with ctx.store.write() as s:  # as the platform's copy arrives: its state moved
        s.info["applying_remote"] = True
        s.get_one(ApplicationRow, app).state = "interview"
    return {"contract": contract.id, "draft": draft.id, "application": app}


def _lines(card) -> list[str]:  # type: ignore[no-untyped-def]
    return [card.lines.item(i).text() for i in range(card.lines.count())]


def _filled(qtbot, window):  # type: ignore[no-untyped-def]
    board = window.dashboard
    qtbot.waitUntil(lambda: board.board is not None and board.agent.lines.count() > 0, timeout=10000)
    return board


def test_the_dashboard_opens_first_with_the_whole_journey(qtbot, ctx, open_window) -> None:
    ids = _journey(ctx)
    window = open_window(None, screen=None)
    assert window.stack.currentWidget() is window.dashboard
    board = _filled(qtbot, window)
    assert board.week_total.text().startswith("7.5 of ")
    assert board.week_bar.value() == 450
    assert any("Backend" in line for line in _lines(board.week))
    assert len(_lines(board.drafts)) == 1
    assert board.drafts.figure.text() == "1 waiting"
    [application] = _lines(board.applications)
    assert "Applied platform" in application
    assert "Interview" in application
    assert "updated" in application
    [interview] = _lines(board.interviews)
    assert "Kungsgatan 1" in interview
    assert "your agent attends" in interview
    matches = _lines(board.matches)
    assert matches[0].startswith("★ Liked frontend")
    assert any(line.startswith("Python backend") for line in matches)
    assert not any("Applied platform" in line for line in matches)  # applied: not offered again
    assert "Anna Agent" in _lines(board.agent)[0]
    assert board.agent.figure.text() == "1 unread message"
    # The sidebar says what waits on Applications until it is looked at.
    nav = window.navigation
    apps = nav.texts().index("Applications")
    assert nav.badge(apps) == "2"
    assert ids["application"]


def test_each_line_leads_to_its_screen(qtbot, ctx, open_window) -> None:
    ids = _journey(ctx)
    window = open_window(None, screen=None)
    board = _filled(qtbot, window)

    board.drafts.lines.setFocus()
    board.drafts.lines.setCurrentRow(0)
    qtbot.keyClick(board.drafts.lines, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.invoices_slot
    assert window.invoices.controller.document is not None
    assert window.invoices.controller.document.id == ids["draft"]

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.dashboard
    board.applications.lines.setCurrentRow(0)
    qtbot.keyClick(board.applications.lines, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.applications_slot
    chosen = window.applications.chosen()
    assert chosen is not None
    assert chosen.id == ids["application"]

    window.show_screen(window.dashboard)
    row = next(i for i, line in enumerate(_lines(board.matches)) if line.startswith("Python backend"))
    board.matches.lines.setCurrentRow(row)
    qtbot.keyClick(board.matches.lines, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.assignments_slot
    screen = window.assignments
    qtbot.waitUntil(lambda: screen.current_id() == assignment_id(1), timeout=10000)

    window.show_screen(window.dashboard)
    qtbot.mouseClick(board.agent.button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.applications_slot
    assert window.applications.message.hasFocus()


def test_a_first_run_says_what_to_do_on_every_card(qtbot, open_window) -> None:
    window = open_window(None, screen=None)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.board is not None, timeout=10000)
    for card in board.cards():
        assert card.empty.isVisibleTo(board), card.objectName()
        assert card.empty.text(), card.objectName()
        assert not card.lines.isVisibleTo(board)
    assert "Add one on the timesheet" in board.week.empty.text()
    assert not board.week_bar.isVisibleTo(board)


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")  # offscreen
def test_notifications_once_per_event_and_one_message_per_round(qtbot, ctx, open_window) -> None:
    put_assignment(ctx, 1, "Backend developer")
    remote(ctx, AgentCard(agent_id="ag", name="Anna Agent"), agent_message("old news"))
    window = open_window()
    notifier = window.notices.notifier
    qtbot.waitUntil(lambda: ctx.notices.take_new(datetime.now(UTC)) == [], timeout=10000)
    assert notifier.history == []  # the first look records what is there, silently
    remote(ctx, agent_message("Hej! Ring mig när du kan."))
    window.sync.dataArrived.emit()
    qtbot.waitUntil(lambda: len(notifier.history) == 1, timeout=10000)
    assert notifier.history[0] == ("Message from Anna Agent", "Hej! Ring mig när du kan.")
    window.sync.dataArrived.emit()  # a round with nothing new
    window.sync.dataArrived.emit()
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not window.state.tasks.busy, timeout=10000)
    assert len(notifier.history) == 1
    app = applied(ctx, 1)
    remote(ctx, move(app, "proposed"), move(app, "interview"), agent_message("a"), agent_message("b"))
    window.sync.dataArrived.emit()
    qtbot.waitUntil(lambda: len(notifier.history) == 2, timeout=10000)
    title, text = notifier.history[1]
    assert title == "4 updates from the platform"
    assert "and 1 more" in text
    # Clicking it brings the dashboard; a single event's message opens its screen.
    notifier.clicked()
    assert window.stack.currentWidget() is window.dashboard


def test_opening_applications_reads_what_moved(qtbot, ctx, open_window) -> None:
    _journey(ctx)
    window = open_window(None, screen=None)
    _filled(qtbot, window)
    nav = window.navigation
    apps = nav.texts().index("Applications")
    assert nav.badge(apps) == "2"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert nav.badge(apps) == ""
    qtbot.waitUntil(lambda: ctx.notices.unread_messages() == 0, timeout=10000)
    assert ctx.notices.moved_applications() == frozenset()
    window.show_screen(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.agent.figure.text() == "", timeout=10000)
    assert nav.badge(apps) == ""


@pytest.mark.qt_log_ignore(r"propagateSizeHints|Unsupported marker")  # Qt says the damaged file is damaged
def test_the_agents_portrait_is_the_photo_the_sync_fetched_or_the_initials(qtbot, ctx, open_window) -> None:
    import io

    from PIL import Image

    _journey(ctx)
    window = open_window(None, screen=None)
    board = _filled(qtbot, window)
    assert board.agent_photo.isVisible()
    assert not board.agent_photo.shows_photo  # no photo yet: "AL" on the accent colour
    folder = ctx.paths.data_dir / "agent"
    folder.mkdir()
    out = io.BytesIO()
    Image.new("RGB", (512, 512), (10, 120, 60)).save(out, "JPEG")
    (folder / ("ab" * 32 + ".jpg")).write_bytes(out.getvalue())
    board.reload()
    qtbot.waitUntil(lambda: board.agent_photo.shows_photo, timeout=10000)
    window.open_item("messages", "")
    assert window.applications.agent_photo.shows_photo
    # A damaged file is no photo, and no crash: the initials again.
    (folder / ("ab" * 32 + ".jpg")).write_bytes(b"\xff\xd8\xff not a jpeg")
    window.applications.reload()
    assert not window.applications.agent_photo.shows_photo
