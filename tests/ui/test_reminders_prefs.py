"""Preferences show the tray, reminder, quiet-hours and idle choices and save what was chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QSpinBox, QSystemTrayIcon, QTimeEdit

from coapp.ui.settings_dialog import SettingsDialog


def _child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_the_choices_are_saved(qtbot, ctx, open_window, monkeypatch) -> None:
    window = open_window()
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    dialog = window.open_preferences()
    qtbot.waitExposed(dialog)
    assert not _child(dialog, QTimeEdit, "quietStartEdit").isEnabled()  # no quiet hours yet
    _child(dialog, QCheckBox, "closeToTrayCheck").setChecked(True)
    _child(dialog, QTimeEdit, "reminderTimeEdit").setTime(QTime(9, 5))
    _child(dialog, QCheckBox, "quietHoursCheck").setChecked(True)
    assert _child(dialog, QTimeEdit, "quietStartEdit").isEnabled()
    _child(dialog, QTimeEdit, "quietStartEdit").setTime(QTime(21, 30))
    _child(dialog, QTimeEdit, "quietEndEdit").setTime(QTime(6, 45))
    _child(dialog, QSpinBox, "idleMinutesSpin").setValue(25)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    saved = window.state.settings
    assert (
        saved.close_to_tray,
        saved.reminder_time,
        saved.quiet_start,
        saved.quiet_end,
        saved.idle_minutes,
    ) == (
        True,
        "09:05",
        "21:30",
        "06:45",
        25,
    )
    again = SettingsDialog(saved, window)
    assert _child(again, QTimeEdit, "quietEndEdit").time() == QTime(6, 45)
    assert _child(again, QCheckBox, "quietHoursCheck").isChecked()
    again.deleteLater()


@pytest.mark.parametrize("reminders", [True, False])
def test_reminders_off_turn_their_time_off(qtbot, ctx, open_window, reminders) -> None:
    window = open_window()
    dialog = window.open_preferences()
    check = _child(dialog, QCheckBox, "remindersCheck")
    check.setChecked(reminders)
    assert _child(dialog, QTimeEdit, "reminderTimeEdit").isEnabled() is reminders
    assert dialog.chosen().reminders is reminders
    assert dialog.chosen().quiet_start == ""  # quiet hours were not chosen
    dialog.reject()


def test_without_a_tray_the_choice_is_off_and_says_why(qtbot, ctx, open_window) -> None:
    window = open_window()
    dialog = window.open_preferences()
    tray = _child(dialog, QCheckBox, "closeToTrayCheck")
    assert not tray.isEnabled()  # the offscreen platform has no tray
    assert "no system tray" in tray.toolTip()
    assert _child(dialog, QSpinBox, "idleMinutesSpin").value() == 10
    dialog.reject()
