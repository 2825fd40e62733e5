"""Counted texts agree with their number in the running UI: "1 day", "1 year", "1 hour a week",
never "1 days" – and the plural stays for other numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.domain.matching import Reason
from coapp.services.timesheet import CellChange
from coapp.ui.assignments.reasons import reason_text
from tests.conftest import make_contract
from tests.services.assignments_helpers import put_assignment
from tests.services.contract_terms_helpers import put_contract
from tests.ui.helpers import message
from tests.ui.profile_helpers import open_profile
from tests.ui.test_assignments_screen import _open as open_assignments
from tests.ui.test_contracts_screen import open_contracts, titles
from tests.ui.test_ui_notes_rows import SOURCE, TARGET


def test_payment_terms_of_one_day_and_of_many(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    put_contract(ctx, title="Quick job", payment_terms_days=1)
    put_contract(ctx, title="Slow job", payment_terms_days=30)
    window = open_window()
    screen = open_contracts(qtbot, window)
    assert screen.header.status.text() == "2 contracts"
    said = {}
    for row in range(len(titles(screen))):
        screen.list.setCurrentRow(row)
        said[screen.detail.title.text()] = screen.detail.terms.text("payment")
    assert said == {
        "Quick job": "1 day after the invoice date",
        "Slow job": "30 days after the invoice date",
    }


def test_a_skill_of_one_year_is_read_out_as_one_year(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    ctx.profile.add_skill("Rust", 2, 1)
    ctx.profile.add_skill("Python", 5, 7)
    screen = open_profile(qtbot, open_window())
    skills = screen.skills.list
    spoken = {
        skills.topLevelItem(r).text(0): skills.topLevelItem(r).data(0, Qt.ItemDataRole.AccessibleTextRole)
        for r in range(skills.topLevelItemCount())
    }
    assert spoken["Rust"].endswith(", 1 year")
    assert spoken["Python"].endswith(", 7 years")


def test_an_assignment_of_one_hour_a_week(qtbot: QtBot, open_window) -> None:
    window = open_window()
    put_assignment(window.ctx, 1, "Tiny retainer", hours_per_week=1)
    screen = open_assignments(qtbot, window)
    assert screen.header.status.text() == "1 of 1 assignment · 0 favourites"
    screen.list.setFocus()
    screen.list.setCurrentIndex(screen.model.index(0))
    assert "(1 hour a week)" in screen.detail.facts.text()
    assert "hours a week" not in screen.detail.facts.text()


def test_copying_one_day_from_last_week_says_one_day(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    backend = make_contract(ctx, "Backend")
    ctx.timesheet.apply([CellChange(backend.id, SOURCE[0], 480, "")])
    window = open_window(TARGET[0])
    qtbot.mouseClick(window.findChild(QToolButton, "copyLastWeekButton"), Qt.MouseButton.LeftButton)
    assert ctx.timesheet.cell(backend.id, TARGET[0]).minutes == 480
    assert message(window).startswith("Copied 1 day from last week.")


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        (Reason("seniority_ok", "", ("junior", "1")), "Asks for junior: you have 1 year of work"),
        (Reason("seniority_ok", "", ("junior", "4")), "Asks for junior: you have 4 years of work"),
        (
            Reason("late", "", ("2027-02-08", "1")),
            "You are available from 2027-02-08, 1 week after the start",
        ),
        (
            Reason("late", "", ("2027-02-15", "2")),
            "You are available from 2027-02-15, 2 weeks after the start",
        ),
    ],
)
def test_match_reasons_agree_with_their_number(qapp, reason: Reason, said: str) -> None:  # type: ignore[no-untyped-def]
    assert reason_text(reason) == said
