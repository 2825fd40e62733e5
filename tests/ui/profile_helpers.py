"""Driving My Profile in UI tests: opening it as a click does, and waiting for the writes lane."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coapp.ui.main_window import MainWindow
from coapp.ui.profile.screen import ProfileScreen


def open_profile(qtbot: QtBot, window: MainWindow) -> ProfileScreen:
    """My Profile on screen with the stored profile shown (the header says how complete it is once
    every card has been filled)."""
    window.show_screen(window.profile_slot)
    screen = window.profile
    assert screen is not None
    qtbot.waitUntil(lambda: screen.header.status.text().startswith("Profile "))
    return screen


def idle(qtbot: QtBot, window: MainWindow) -> None:
    """Until every background task (the writes lane among them) has finished."""
    qtbot.waitUntil(lambda: not window.state.tasks.busy)
