"""The Preferences rows of everyday life: the tray, reminders and their time, quiet hours, and how
long an absence is before a running timer asks about it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QWidget,
)

from coapp.base.settings import IDLE_MINUTES_MAX, Settings


def _time(text: str, fallback: str) -> QTime:
    value = QTime.fromString(text or fallback, "HH:mm")
    return value if value.isValid() else QTime.fromString(fallback, "HH:mm")


def _named(widget: QWidget, name: str, description: str) -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)


class DesktopPreferences(QObject):
    """Builds its rows into the Preferences form and reads them back."""

    def __init__(self, settings: Settings, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.tray = QCheckBox(self.tr("&Keep coapp in the system tray when its window is closed"), parent)
        self.tray.setObjectName("closeToTrayCheck")
        self.tray.setChecked(settings.close_to_tray)
        tray_tip = self.tr("The timer and reminders go on; quit from the tray's menu")
        if not QSystemTrayIcon.isSystemTrayAvailable():
            tray_tip = self.tr("This desktop shows no system tray, so closing the window quits coapp")
            self.tray.setEnabled(False)
        _named(self.tray, self.tr("Keep in the system tray"), tray_tip)

        self.reminders = QCheckBox(self.tr("&Remind me of missing time, closing weeks and drafts"), parent)
        self.reminders.setObjectName("remindersCheck")
        self.reminders.setChecked(settings.reminders)
        _named(
            self.reminders,
            self.tr("Reminders"),
            self.tr("Working days without time, the week's and month's last day, invoices to confirm"),
        )
        self.remind_at = QTimeEdit(_time(settings.reminder_time, "16:30"), parent)
        self.remind_at.setObjectName("reminderTimeEdit")
        self.remind_at.setDisplayFormat("HH:mm")
        _named(self.remind_at, self.tr("Reminder time"), self.tr("Reminders are shown from this time of day"))

        self.quiet = QCheckBox(self.tr("&Quiet hours"), parent)
        self.quiet.setObjectName("quietHoursCheck")
        self.quiet.setChecked(bool(settings.quiet_start and settings.quiet_end))
        _named(self.quiet, self.tr("Quiet hours"), self.tr("No reminders between these times"))
        self.quiet_start = QTimeEdit(_time(settings.quiet_start, "22:00"), parent)
        self.quiet_start.setObjectName("quietStartEdit")
        self.quiet_end = QTimeEdit(_time(settings.quiet_end, "07:00"), parent)
        self.quiet_end.setObjectName("quietEndEdit")
        for edit, name in (
            (self.quiet_start, self.tr("Quiet from")),
            (self.quiet_end, self.tr("Quiet until")),
        ):
            edit.setDisplayFormat("HH:mm")
            _named(edit, name, self.tr("Quiet hours may run past midnight"))
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet)
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(QLabel("–", parent))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)

        self.idle = QSpinBox(parent)
        self.idle.setObjectName("idleMinutesSpin")
        self.idle.setRange(0, IDLE_MINUTES_MAX)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never ask"))
        self.idle.setValue(settings.idle_minutes)
        _named(
            self.idle,
            self.tr("Away from the computer"),
            self.tr("Away this long while a timer runs: ask whether to keep the time"),
        )

        self.reminders.toggled.connect(self._enable)
        self.quiet.toggled.connect(self._enable)
        self._enable()

        form.addRow("", self.tray)
        form.addRow("", self.reminders)
        form.addRow(self.tr("Remind &at"), self.remind_at)
        form.addRow("", quiet_row)
        form.addRow(self.tr("Ask about time a&way after"), self.idle)

    def _enable(self) -> None:
        on = self.reminders.isChecked()
        self.remind_at.setEnabled(on)
        self.quiet.setEnabled(on)
        self.quiet_start.setEnabled(on and self.quiet.isChecked())
        self.quiet_end.setEnabled(on and self.quiet.isChecked())

    def chosen(self, settings: Settings) -> Settings:
        quiet = self.quiet.isChecked() and self.quiet_start.time() != self.quiet_end.time()
        return settings.with_changes(
            close_to_tray=self.tray.isChecked(),
            reminders=self.reminders.isChecked(),
            reminder_time=self.remind_at.time().toString("HH:mm"),
            quiet_start=self.quiet_start.time().toString("HH:mm") if quiet else "",
            quiet_end=self.quiet_end.time().toString("HH:mm") if quiet else "",
            idle_minutes=self.idle.value(),
        )
