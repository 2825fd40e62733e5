"""The store opened on a worker is handed to the screens one per turn of the event loop, so no
screen's first read adds to another's in one long freeze; ``ready`` says when all were told."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.base.paths import Paths
from coapp.ui.app_state import AppState


def _state(tmp_path: Path) -> tuple[AppState, list[AppContext]]:
    opened: list[AppContext] = []

    def opener(data_dir: Path) -> AppContext:
        ctx = AppContext.open(data_dir)
        opened.append(ctx)
        return ctx

    return AppState(Paths.resolve(tmp_path), opener=opener), opened


def test_each_screen_is_told_in_a_turn_of_its_own_and_ready_waits_for_the_last(
    qtbot: QtBot, tmp_path: Path
) -> None:
    state, opened = _state(tmp_path)
    events: list[str] = []

    def first() -> None:
        events.append(f"first ready={state.ready}")
        QTimer.singleShot(0, lambda: events.append("a turn passed"))

    def second() -> None:
        events.append(f"second ready={state.ready}")
        state.when_ready(lambda: events.append("joined while telling"))

    state.when_ready(first)
    state.when_ready(second)
    state.open_in_background(on_error=lambda error: events.append(f"error {error}"))
    qtbot.waitUntil(lambda: state.ready, timeout=10_000)
    try:
        assert events == [
            "first ready=False",
            "a turn passed",
            "second ready=False",
            "joined while telling",
        ]
    finally:
        state.close()
    assert opened, "the worker opened the store"


def test_asking_for_the_store_tells_every_screen_before_it_returns(tmp_path: Path) -> None:
    state, _ = _state(tmp_path)
    told: list[str] = []
    state.when_ready(lambda: told.append("timesheet"))
    state.when_ready(lambda: told.append("invoices"))
    try:
        state.ctx  # noqa: B018 - opened on the calling thread
        assert told == ["timesheet", "invoices"]
        assert state.ready
    finally:
        state.close()


def test_a_state_closed_while_telling_tells_no_one_else(qtbot: QtBot, tmp_path: Path) -> None:
    state, _ = _state(tmp_path)
    told: list[str] = []
    state.when_ready(lambda: (told.append("first"), state.close()))
    state.when_ready(lambda: told.append("second"))
    state.open_in_background(on_error=lambda error: told.append(f"error {error}"))
    qtbot.waitUntil(lambda: told == ["first"], timeout=10_000)
    qtbot.wait(50)
    assert told == ["first"]
